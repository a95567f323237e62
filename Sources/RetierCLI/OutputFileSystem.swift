import RetierCore

/// The file system writes of a run: the seam through which tests inject a failure (a full disk,
/// a read-only mount) at any point of writing the output folder.
protocol OutputFileSystem {
  /// Creates one folder; its parent must exist. `existingIsFine` accepts a folder already there.
  func makeDirectory(atPath path: String, existingIsFine: Bool) throws(SystemCallError)
  /// Creates a new file (it must not exist) with `bytes`, flushed to the disk before returning.
  func writeFile(atPath path: String, bytes: [UInt8]) throws(SystemCallError)
  /// Appends `bytes` to a file that ``writeFile(atPath:bytes:)`` created, flushed to the disk
  /// before returning.
  func appendToFile(atPath path: String, bytes: [UInt8]) throws(SystemCallError)
  /// Creates new files at `folder/<path>` (none may exist, their folders must), or, for a
  /// continuation piece, appends to the file an earlier call created; a path comes at most once
  /// per call. An implementation may write the files concurrently, and may leave them unflushed
  /// until ``flushFiles(in:)``.
  func writeFiles(_ files: [OutputFile], into folder: String) throws(SystemCallError)
  /// Flushes to the disk every file that ``writeFiles(_:into:)`` wrote under `folder`.
  func flushFiles(in folder: String) throws(SystemCallError)
  /// Flushes a folder's entries (new names, renames) to the disk.
  func syncDirectory(atPath path: String) throws(SystemCallError)
  /// Renames a file or folder atomically within one file system.
  func rename(atPath source: String, toPath destination: String) throws(SystemCallError)
  /// Removes a file or a folder with everything in it.
  func removeItem(atPath path: String) throws(SystemCallError)
}

extension OutputFileSystem {
  /// One ``writeFlushed(_:into:)`` per file, in order.
  func writeFiles(_ files: [OutputFile], into folder: String) throws(SystemCallError) {
    for file in files { try writeFlushed(file, into: folder) }
  }

  /// Nothing to do: ``writeFiles(_:into:)`` flushed every file.
  func flushFiles(in folder: String) throws(SystemCallError) {}

  /// Creates `folder/<path>` with a file's bytes, or appends a continuation piece to it, flushed
  /// to the disk before returning.
  func writeFlushed(_ file: OutputFile, into folder: String) throws(SystemCallError) {
    let path = folder + "/" + file.path
    if file.isContinuation {
      try appendToFile(atPath: path, bytes: file.bytes)
    } else {
      try writeFile(atPath: path, bytes: file.bytes)
    }
  }
}
