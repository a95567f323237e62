import RetierCore

/// Reads one quarter's drop, `<inbox>/<QUARTER>/`, whole or not at all: a missing folder, ready
/// marker or required file is one ``RetierError/dropMissing(path:reason:)`` line (exit 66), and
/// the next daily firing tries again.
enum DropReader {
  /// The drop's files. The ready marker is checked before the files, because RevOps writes it
  /// last: without it the files may still be arriving.
  static func read(folder: String, readyMarker: String?) throws(RetierError) -> DropFiles {
    try checkReady(folder: folder, readyMarker: readyMarker)
    func contents(_ name: String) throws(RetierError) -> [UInt8] {
      do {
        return try FileReader.read(folder + "/" + name)
      } catch {
        throw .dropMissing(path: error.path, reason: "cannot read the file: \(error.reason)")
      }
    }
    let overrides = folder + "/" + DropFiles.Name.overrides
    return DropFiles(
      accounts: try contents(DropFiles.Name.accounts), arr: try contents(DropFiles.Name.arr),
      usage: try contents(DropFiles.Name.usage), csms: try contents(DropFiles.Name.csms),
      overrides: FileReader.kind(overrides) == .missing
        ? nil : try contents(DropFiles.Name.overrides))
  }

  /// Checks that the drop folder, its ready marker and its required files are there, without
  /// reading them.
  static func checkReady(folder: String, readyMarker: String?) throws(RetierError) {
    switch FileReader.kind(folder) {
    case .missing: throw .dropMissing(path: folder, reason: "the drop folder does not exist")
    case .file: throw .dropMissing(path: folder, reason: "the drop path is not a folder")
    case .folder: break
    }
    if let readyMarker, FileReader.kind(folder + "/" + readyMarker) == .missing {
      throw .dropMissing(
        path: folder,
        reason: "the ready marker '\(readyMarker)' is missing (RevOps writes it last, when the "
          + "drop is complete)")
    }
    let missing = DropFiles.Name.required.filter { FileReader.kind(folder + "/" + $0) == .missing }
    guard missing.isEmpty else {
      throw .dropMissing(
        path: folder, reason: "required file missing: " + missing.joined(separator: ", "))
    }
  }
}

extension DropReader {
  /// The in-memory inputs of a run of `quarter`: the drop, the config's bytes and, when the
  /// latest earlier quarter has a complete run, its `tiers.csv` and `run.json` (the CRM drift
  /// guardrail and the across-quarter sections).
  static func input(
    _ quarter: FiscalQuarter, configuration loaded: LoadedConfiguration, phases: PhaseLog
  ) throws(RetierError) -> RunInput {
    let folder = loaded.dropFolder(quarter)
    let files = try read(folder: folder, readyMarker: loaded.configuration.readyMarker)
    // The latest earlier complete run: its run.json names its own quarter (SPEC §7, §8).
    let previousQuarter = loaded.output.previousCompleteRun(before: quarter)
    let previous = previousQuarter.flatMap { try? FileReader.read(loaded.output.tiersFile($0)) }
    let previousManifest = previousQuarter.flatMap {
      try? FileReader.read(loaded.output.manifest($0))
    }
    let bytes = files.namedFiles.reduce(0) { $0 + $1.bytes.count }
    phases.log(
      "read",
      "\(folder) files=\(files.namedFiles.count) bytes=\(bytes) previous_run="
        + (previous == nil ? "no" : previousQuarter?.label ?? "no"))
    return RunInput(
      quarter: quarter, files: files, configuration: loaded.configuration,
      configBytes: loaded.bytes, previousTiersCSV: previous, previousRunJSON: previousManifest)
  }
}
