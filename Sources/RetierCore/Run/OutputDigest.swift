/// What `run.json` records of one output file: its path, its size, its data rows when it is a
/// CSV file, and its SHA-256. A run keeps these, not the files, once the files are written.
package struct OutputDigest: Sendable, Hashable {
  /// Path relative to `<output>/<QUARTER>/`, as in ``OutputFile/path``.
  var path: String
  /// The file's size in bytes.
  var byteCount: Int
  /// Lowercase hex SHA-256 of the file's bytes.
  var sha256: String
  /// The data rows of a CSV file (``CSVRowCounter``); `nil` for any other file.
  var rows: Int?

  /// The digest of a file of `byteCount` bytes whose SHA-256 is `sha256`.
  init(path: String, byteCount: Int, sha256: String, rows: Int? = nil) {
    self.path = path
    self.byteCount = byteCount
    self.sha256 = sha256
    self.rows = rows
  }

  /// The digest of `file`.
  init(of file: OutputFile) {
    path = file.path
    byteCount = file.bytes.count
    sha256 = SHA256.hexDigest(file.bytes)
    if CSVRowCounter.isCSV(file.path) {
      var counter = CSVRowCounter()
      counter.update(file.bytes)
      rows = counter.dataRows
    }
  }
}
