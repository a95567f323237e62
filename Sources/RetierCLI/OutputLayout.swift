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

  /// Whether the quarter has a complete run: its folder holds `run.json`. A run folder only ever
  /// appears whole (it is renamed into place), so this also rejects a folder made by hand.
  func isComplete(_ quarter: FiscalQuarter) -> Bool {
    FileReader.kind(manifest(quarter)) == .file
  }

  /// The folder a run of `quarter` by process `processID` builds before renaming it into place.
  func temporaryFolder(_ quarter: FiscalQuarter, processID: Int32) -> String {
    root + "/." + quarter.label + Self.temporaryMarker + String(processID)
  }

  /// Folders left by runs that were killed while writing. Only meaningful under the lock: then
  /// no other run is writing, so every temporary folder is stale.
  func temporaryFolders() -> [String] {
    entries().filter(Self.isTemporaryName).map { root + "/" + $0 }
  }

  /// Whether `name` has the form `.<QUARTER>.tmp-<pid>`; nothing else is ever removed.
  static func isTemporaryName(_ name: String) -> Bool {
    guard name.hasPrefix("."), let marker = name.range(of: temporaryMarker) else { return false }
    let quarter = name[name.index(after: name.startIndex)..<marker.lowerBound]
    let processID = name[marker.upperBound...]
    return FiscalQuarter(label: String(quarter)) != nil && !processID.isEmpty
      && processID.allSatisfy { $0.isASCII && $0.isWholeNumber }
  }

  /// The first free name `<QUARTER>.<label>-<n>` (n from 1) to keep an earlier folder under.
  func keptFolder(_ quarter: FiscalQuarter, label: String) -> String {
    let prefix = quarter.label + "." + label + "-"
    let taken = entries().compactMap { name in
      name.hasPrefix(prefix) ? Int(name.dropFirst(prefix.count)) : nil
    }
    return root + "/" + prefix + String((taken.max() ?? 0) + 1)
  }

  /// The names in the output folder, sorted; empty when it does not exist.
  private func entries() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
  }

  /// What separates the quarter from the process id in a temporary folder's name.
  private static let temporaryMarker = ".tmp-"
}
