import Glibc
import RetierCore

/// Writes a quarter's run folder complete or not at all (SPEC §6): every file goes into a
/// temporary folder beside the final one, each file and folder is flushed, and one `rename`
/// puts the folder in place. A crash at any point leaves either no `<QUARTER>` folder (the
/// temporary one is removed by the next run) or the complete folder.
struct RunWriter {
  /// Where the run folders live.
  let layout: OutputLayout
  /// The seam every write goes through.
  let fileSystem: any OutputFileSystem
  /// This process's id, in the temporary folder's name.
  let processID: Int32

  /// Where a run landed.
  struct Outcome: Equatable {
    /// The complete run folder.
    var folder: String
    /// Where the folder that was in the way was kept, if there was one.
    var kept: String?
  }

  /// Removes the temporary folders of runs that were killed while writing; call it under the
  /// lock, when no other run can be writing. Returns the folders removed.
  func removeStaleTemporaryFolders() throws(RetierError) -> [String] {
    let stale = layout.temporaryFolders()
    for folder in stale {
      do {
        try fileSystem.removeItem(atPath: folder)
      } catch {
        throw Self.cannotWrite(error)
      }
    }
    return stale
  }

  /// Writes `files` as the run folder of `quarter`, in one batch; see
  /// ``write(quarter:render:)``.
  func write(_ files: [OutputFile], quarter: FiscalQuarter) throws(RetierError) -> Outcome {
    try write(quarter: quarter) { emit throws(RetierError) in try emit(files) }
  }

  /// Writes the run folder of `quarter` from `render`, which passes the files to its `emit` in
  /// batches as it renders them, so a run never holds all its output in memory. Whatever is
  /// already at the final name is never deleted: a complete run is kept as
  /// `<QUARTER>.replaced-<n>`, anything else as `<QUARTER>.incomplete-<n>` (the caller only gets
  /// here with a complete run under `--force`).
  ///
  /// Every file but `run.json` is written as it comes, on a background thread while `render`
  /// renders the next batch (``BackgroundBatchWriter``). When `render` returns and the last
  /// batch is written, the files are flushed together, then `run.json` (which marks the folder
  /// complete; its pieces wait in memory until then) is written and flushed, then the folders, deepest first, and one `rename` puts
  /// the folder in place. On any failure the temporary folder is removed and nothing is renamed.
  func write(
    quarter: FiscalQuarter,
    render: (_ emit: ([OutputFile]) throws(RetierError) -> Void) throws(RetierError) -> Void
  ) throws(RetierError) -> Outcome {
    try write(folderNamed: quarter.label, quarter: quarter, render: render)
  }

  /// Writes the output folder `name` (an interim re-score's `<QUARTER>-interim-<n>`) the same
  /// way as a run folder: built aside, complete or not at all, one `rename` last. The caller
  /// picks a free name under the lock, so nothing is in the way.
  func write(
    interimNamed name: String,
    render: (_ emit: ([OutputFile]) throws(RetierError) -> Void) throws(RetierError) -> Void
  ) throws(RetierError) -> Outcome {
    try write(folderNamed: name, quarter: nil, render: render)
  }

  /// Writes the folder `name`; `quarter` is the run's quarter for a run folder (what is in the
  /// way is then kept by its completeness), `nil` for an interim folder.
  private func write(
    folderNamed name: String, quarter: FiscalQuarter?,
    render: (_ emit: ([OutputFile]) throws(RetierError) -> Void) throws(RetierError) -> Void
  ) throws(RetierError) -> Outcome {
    let temporary = layout.temporaryFolder(named: name, processID: processID)
    do {
      try fileSystem.makeDirectory(atPath: temporary, existingIsFine: false)
    } catch {
      throw Self.cannotWrite(error)
    }
    let writer = BackgroundBatchWriter(folder: temporary, fileSystem: fileSystem)
    do throws(RetierError) {
      var manifest: [OutputFile] = []
      try render { (files: [OutputFile]) throws(RetierError) in
        for file in files where !Self.isSafe(file.path) {
          throw .cannotWrite(
            path: temporary + "/" + file.path,
            reason: "refusing a file name outside the run folder")
        }
        manifest += files.filter { $0.path == RunManifest.fileName }
        do throws(SystemCallError) {
          try writer.submit(files.filter { $0.path != RunManifest.fileName })
        } catch {
          throw Self.cannotWrite(error)
        }
      }
      do throws(SystemCallError) {
        let folders = try writer.finish()
        try fileSystem.flushFiles(in: temporary)
        for piece in manifest { try fileSystem.writeFlushed(piece, into: temporary) }
        for folder in folders.reversed() { try fileSystem.syncDirectory(atPath: folder) }
        try fileSystem.syncDirectory(atPath: temporary)
      } catch {
        throw Self.cannotWrite(error)
      }
    } catch {
      // No batch may still be writing into the folder when it is removed.
      _ = try? writer.finish()
      try? fileSystem.removeItem(atPath: temporary)
      throw error
    }
    return try moveIntoPlace(temporary, name: name, quarter: quarter)
  }

  /// Keeps what is at the final name aside, renames the temporary folder into place and flushes
  /// the output folder. On failure the kept folder is put back and the temporary one removed.
  private func moveIntoPlace(
    _ temporary: String, name: String, quarter: FiscalQuarter?
  ) throws(RetierError) -> Outcome {
    let final = layout.root + "/" + name
    var kept: String?
    do throws(SystemCallError) {
      if FileReader.exists(final) {
        guard let quarter else {
          throw SystemCallError(call: "rename", path: final, code: EEXIST)
        }
        let label = layout.isComplete(quarter) ? "replaced" : "incomplete"
        let keptFolder = layout.keptFolder(quarter, label: label)
        try fileSystem.rename(atPath: final, toPath: keptFolder)
        kept = keptFolder
      }
      try fileSystem.rename(atPath: temporary, toPath: final)
    } catch {
      if let kept { try? fileSystem.rename(atPath: kept, toPath: final) }
      try? fileSystem.removeItem(atPath: temporary)
      throw Self.cannotWrite(error)
    }
    do {
      try fileSystem.syncDirectory(atPath: layout.root)
    } catch {
      // The folder is in place and complete; only its durability across a power cut is unsure.
      throw Self.cannotWrite(error)
    }
    return Outcome(folder: final, kept: kept)
  }

  /// Whether an output path stays inside the run folder: relative, no empty, `.` or `..` part.
  static func isSafe(_ path: String) -> Bool {
    let components = path.split(separator: "/", omittingEmptySubsequences: false)
    return !path.contains("\0")
      && components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
  }

  /// A failed write as the error that exits 73.
  private static func cannotWrite(_ error: SystemCallError) -> RetierError {
    .cannotWrite(path: error.path, reason: "\(error.call) failed: \(error.reason)")
  }
}
