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

  /// Writes `files` as the run folder of `quarter`. Whatever is already at that name is never
  /// deleted: a complete run is kept as `<QUARTER>.replaced-<n>`, anything else as
  /// `<QUARTER>.incomplete-<n>` (the caller only gets here with a complete run under `--force`).
  func write(_ files: [OutputFile], quarter: FiscalQuarter) throws(RetierError) -> Outcome {
    let temporary = layout.temporaryFolder(quarter, processID: processID)
    for file in files where !Self.isSafe(file.path) {
      throw .cannotWrite(
        path: temporary + "/" + file.path, reason: "refusing a file name outside the run folder")
    }
    do {
      try fileSystem.makeDirectory(atPath: temporary, existingIsFine: false)
    } catch {
      throw Self.cannotWrite(error)
    }
    do {
      try writeTree(files, into: temporary)
    } catch {
      try? fileSystem.removeItem(atPath: temporary)
      throw Self.cannotWrite(error)
    }
    return try moveIntoPlace(temporary, quarter: quarter)
  }

  /// Writes every file under `folder`, `run.json` last (it marks the folder complete), then
  /// flushes the folders deepest first. The other files go in one batch, which the file system
  /// may write concurrently.
  private func writeTree(_ files: [OutputFile], into folder: String) throws(SystemCallError) {
    let manifest = files.filter { $0.path == Self.manifestName }
    let others = files.filter { $0.path != Self.manifestName }
    var folders: [String] = []
    var known: Set<String> = []
    for file in others + manifest {
      var parent = folder
      for component in file.path.split(separator: "/").dropLast() {
        parent += "/" + component
        if known.insert(parent).inserted {
          try fileSystem.makeDirectory(atPath: parent, existingIsFine: false)
          folders.append(parent)
        }
      }
    }
    try fileSystem.writeFiles(others, into: folder)
    for file in manifest {
      try fileSystem.writeFile(atPath: folder + "/" + file.path, bytes: file.bytes)
    }
    for subfolder in folders.reversed() { try fileSystem.syncDirectory(atPath: subfolder) }
    try fileSystem.syncDirectory(atPath: folder)
  }

  /// Keeps what is at the final name aside, renames the temporary folder into place and flushes
  /// the output folder. On failure the kept folder is put back and the temporary one removed.
  private func moveIntoPlace(
    _ temporary: String, quarter: FiscalQuarter
  ) throws(RetierError) -> Outcome {
    let final = layout.runFolder(quarter)
    var kept: String?
    do {
      if FileReader.kind(final) != .missing {
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

  /// The manifest, written last.
  private static let manifestName = "run.json"

  /// A failed write as the error that exits 73.
  private static func cannotWrite(_ error: SystemCallError) -> RetierError {
    .cannotWrite(path: error.path, reason: "\(error.call) failed: \(error.reason)")
  }
}
