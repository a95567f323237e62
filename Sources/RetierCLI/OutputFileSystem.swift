/// The file system writes of a run: the seam through which tests inject a failure (a full disk,
/// a read-only mount) at any point of writing the output folder.
protocol OutputFileSystem {
  /// Creates one folder; its parent must exist. `existingIsFine` accepts a folder already there.
  func makeDirectory(atPath path: String, existingIsFine: Bool) throws(SystemCallError)
  /// Creates a new file (it must not exist) with `bytes`, flushed to the disk before returning.
  func writeFile(atPath path: String, bytes: [UInt8]) throws(SystemCallError)
  /// Flushes a folder's entries (new names, renames) to the disk.
  func syncDirectory(atPath path: String) throws(SystemCallError)
  /// Renames a file or folder atomically within one file system.
  func rename(atPath source: String, toPath destination: String) throws(SystemCallError)
  /// Removes a file or a folder with everything in it.
  func removeItem(atPath path: String) throws(SystemCallError)
}
