import RetierCore

/// Reads one quarter's drop, `<inbox>/<QUARTER>/`, whole or not at all: a missing folder, ready
/// marker or required file is one ``RetierError/dropMissing(path:reason:)`` line (exit 66), and
/// the next daily firing tries again.
enum DropReader {
  /// Why a run stops when a file of the drop changed while it was read (SPEC §2).
  static let changedReason =
    "the drop changed while being read; write READY again when it is complete"

  /// How much later than the ready marker a file may have been modified: 2 seconds. A drop
  /// folder copied whole (`cp -r`, unzip, a git checkout) gets its files written in directory
  /// order, so a complete drop's marker can be a few milliseconds older than its files; a file
  /// rewritten after the marker is minutes or hours later. A write still under way while the
  /// drop is read is caught by the checks before and after reading, whatever its time.
  static let readyGraceNanoseconds: Int64 = 2_000_000_000

  /// The drop's files, read as a whole or not at all (SPEC §2). The ready marker is checked
  /// before the files, because RevOps writes it last: without it the files may still be
  /// arriving. Each file must be a regular file of at most `maximumBytes`, and not modified
  /// after the marker (beyond ``readyGraceNanoseconds``); an `overrides.csv` that exists but
  /// cannot be read (a dangling link, a FIFO, a folder) is an error, not an absent file. Once
  /// every file is read, each file and the marker are checked again: any that changed
  /// meanwhile stops the run.
  static func read(
    folder: String, readyMarker: String?,
    maximumBytes: Int = Configuration.defaultMaxInputBytes
  ) throws(RetierError) -> DropFiles {
    try checkReady(folder: folder, readyMarker: readyMarker)
    let readyPath = readyMarker.map { folder + "/" + $0 }
    let ready = readyPath.flatMap(FileReader.identity)
    var identities: [(path: String, identity: FileIdentity)] = []
    func contents(_ name: String) throws(RetierError) -> [UInt8] {
      let path = folder + "/" + name
      let read: (bytes: [UInt8], identity: FileIdentity)
      do {
        read = try FileReader.readIdentified(path, maximumBytes: maximumBytes)
      } catch {
        if case .changed = error { throw .dropMissing(path: path, reason: changedReason) }
        throw .dropMissing(path: error.path, reason: "cannot read the file: \(error.reason)")
      }
      if let readyMarker, let ready,
        read.identity.isModified(after: ready, grace: readyGraceNanoseconds)
      {
        throw .dropMissing(
          path: path,
          reason: "the file was modified after the ready marker '\(readyMarker)'; "
            + "write \(readyMarker) again when the drop is complete")
      }
      identities.append((path, read.identity))
      return read.bytes
    }
    let overrides = folder + "/" + DropFiles.Name.overrides
    let files = DropFiles(
      accounts: try contents(DropFiles.Name.accounts), arr: try contents(DropFiles.Name.arr),
      usage: try contents(DropFiles.Name.usage), csms: try contents(DropFiles.Name.csms),
      overrides: FileReader.exists(overrides) ? try contents(DropFiles.Name.overrides) : nil)
    if let readyPath, FileReader.identity(readyPath) != ready {
      throw .dropMissing(path: readyPath, reason: changedReason)
    }
    for (path, identity) in identities where FileReader.identity(path) != identity {
      throw .dropMissing(path: path, reason: changedReason)
    }
    return files
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
  /// The in-memory inputs of a run of `quarter`: the drop and the config's bytes. The previous
  /// complete run (`previousRun`, logged here) is read once the quarter is decided (see
  /// `QuarterJob`), so its files are not held through the load.
  static func input(
    _ quarter: FiscalQuarter, configuration loaded: LoadedConfiguration, phases: PhaseLog,
    previousRun: FiscalQuarter? = nil
  ) throws(RetierError) -> RunInput {
    let folder = loaded.dropFolder(quarter)
    let files = try read(
      folder: folder, readyMarker: loaded.configuration.readyMarker,
      maximumBytes: loaded.configuration.maxInputBytes)
    let bytes = files.namedFiles.reduce(0) { $0 + $1.bytes.count }
    phases.log(
      "read",
      "\(folder) files=\(files.namedFiles.count) bytes=\(bytes) previous_run="
        + (previousRun?.label ?? "no"))
    return RunInput(
      quarter: quarter, files: files, configuration: loaded.configuration,
      configBytes: loaded.bytes)
  }
}
