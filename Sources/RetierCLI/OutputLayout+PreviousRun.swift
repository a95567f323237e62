import Foundation
import RetierCore

extension OutputLayout {
  /// The latest quarter before `quarter` with a complete run (``isComplete(_:)``), `nil` when
  /// there is none: the run the next quarter's across-quarter sections read (SPEC §8). A quarter
  /// skipped (no drop, or a run that never completed) does not hide the one before it.
  func previousCompleteRun(before quarter: FiscalQuarter) -> FiscalQuarter? {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return names.compactMap { FiscalQuarter(label: $0) }
      .filter { $0 < quarter }
      .sorted(by: >)
      .first { isComplete($0) }
  }

  /// The `tiers.csv` of a quarter's run.
  func tiersFile(_ quarter: FiscalQuarter) -> String { runFolder(quarter) + "/tiers.csv" }
}
