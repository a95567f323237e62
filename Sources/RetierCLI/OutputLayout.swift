import Foundation
import RetierCore

/// The names inside the output folder: one complete folder per quarter (`2026-Q3/`, marked
/// complete by its `run.json`), the temporary folder a run builds aside (`.2026-Q3.tmp-<pid>`),
/// earlier runs kept by `--force` (`2026-Q3.replaced-1`) and the lock file (`.retier.lock`).
struct OutputLayout {
  /// The output folder, absolute.
  let root: String

  /// The lock file every writing run holds.
  var lockFile: String { root + "/.retier.lock" }

  /// The folder of a quarter's run.
  func runFolder(_ quarter: FiscalQuarter) -> String { root + "/" + quarter.label }

  /// The manifest that marks a quarter's run folder complete; it is written last.
  func manifest(_ quarter: FiscalQuarter) -> String { runFolder(quarter) + "/run.json" }

  /// The folder a run of `quarter` by process `processID` builds before renaming it into place.
  func temporaryFolder(_ quarter: FiscalQuarter, processID: Int32) -> String {
    temporaryFolder(named: quarter.label, processID: processID)
  }

  /// The folder process `processID` builds the output folder `name` in before renaming it.
  func temporaryFolder(named name: String, processID: Int32) -> String {
    root + "/." + name + Self.temporaryMarker + String(processID)
  }

  /// The name of the `number`th interim re-score of `quarter`: `<QUARTER>-interim-<n>`.
  static func interimName(_ quarter: FiscalQuarter, number: Int) -> String {
    quarter.label + interimMarker + String(number)
  }

  /// The numbers of `quarter`'s interim folders in the chain, ascending: the entries named
  /// exactly `<QUARTER>-interim-<n>`, n a whole number from 1 written without leading zeros.
  /// Any other name (`2026-Q3-interim-2.bad`) is a folder the operator moved aside.
  func interimNumbers(_ quarter: FiscalQuarter) -> [Int] {
    let prefix = quarter.label + Self.interimMarker
    return entries().compactMap { name -> Int? in
      guard name.hasPrefix(prefix) else { return nil }
      let digits = name.dropFirst(prefix.count)
      guard digits.allSatisfy({ $0.isASCII && $0.isWholeNumber }), let number = Int(digits),
        number > 0, String(number) == digits
      else { return nil }
      return number
    }.sorted()
  }

  /// The latest quarter with a run folder, `nil` when there is none: the quarter an interim
  /// re-score works against by default. It must then pass verification: one that fails is
  /// refused, never replaced by an older run.
  func latestRunFolder() -> FiscalQuarter? {
    runFolderQuarters().max()
  }

  /// Folders left by runs that were killed while writing. Only meaningful under the lock: then
  /// no other run is writing, so every temporary folder is stale.
  func temporaryFolders() -> [String] {
    entries().filter(Self.isTemporaryName).map { root + "/" + $0 }
  }

  /// Whether `name` has the form `.<QUARTER>.tmp-<pid>`; nothing else is ever removed.
  static func isTemporaryName(_ name: String) -> Bool {
    guard name.hasPrefix("."), let marker = name.range(of: temporaryMarker) else { return false }
    var quarter = name[name.index(after: name.startIndex)..<marker.lowerBound]
    // An interim re-score's folder: `<QUARTER>-interim-<n>`.
    if let interim = quarter.range(of: interimMarker) {
      let number = quarter[interim.upperBound...]
      guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isWholeNumber }) else {
        return false
      }
      quarter = quarter[..<interim.lowerBound]
    }
    let processID = name[marker.upperBound...]
    return FiscalQuarter(label: String(quarter)) != nil && !processID.isEmpty
      && processID.allSatisfy { $0.isASCII && $0.isWholeNumber }
  }

  /// A free name `<QUARTER>.<label>-<n>` to keep an earlier folder under: n is one more than
  /// the largest taken, or, when that would overflow (a folder named
  /// `…replaced-9223372036854775807`), the smallest free n from 1. Never traps.
  func keptFolder(_ quarter: FiscalQuarter, label: String) -> String {
    let prefix = quarter.label + "." + label + "-"
    let taken = Set(
      entries().compactMap { name in
        name.hasPrefix(prefix) ? Int(name.dropFirst(prefix.count)) : nil
      })
    let (next, overflow) = (taken.max() ?? 0).addingReportingOverflow(1)
    var number = next
    if overflow || number < 1 {
      // At most `taken.count` numbers are taken, so one of 1…count+1 is free.
      number = (1...(taken.count + 1)).first { !taken.contains($0) } ?? 1
    }
    return root + "/" + prefix + String(number)
  }

  /// The names in the output folder, sorted; empty when it does not exist.
  private func entries() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
  }

  /// What separates the quarter from the process id in a temporary folder's name.
  private static let temporaryMarker = ".tmp-"

  /// What separates the quarter from the number in an interim re-score's folder name.
  private static let interimMarker = "-interim-"
}
