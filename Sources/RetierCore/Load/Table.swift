/// An input file read row by row, with its columns resolved by header name.
///
/// Rows are handed out one at a time as the scanner finds them, so a file never exists as a
/// whole parsed document: the caller types each row and the scanner moves on. Rows whose every
/// field is blank (what spreadsheets leave behind) are skipped and counted, never handed out.
struct Table: ~Copyable {
  /// File name for diagnostics.
  let file: String
  /// The file's bytes.
  private let bytes: [UInt8]
  /// The scan position, just after the header until ``forEachRow(_:)`` runs.
  private var scanner: CSVRecordScanner
  /// The number of header cells; a row with another number of fields is misaligned.
  private let headerCount: Int
  /// Column index per requested name; `nil` for an absent optional column.
  private let columns: [String: Int?]
  /// Rows skipped by ``forEachRow(_:)`` because every field was blank.
  private(set) var blankRowCount = 0

  /// Reads the header of `bytes` and resolves the named columns. A file saved with another
  /// delimiter or encoding is refused first, with the fix; a missing required column is fatal,
  /// but only once the whole file has been checked: malformed CSV is reported first.
  init(file: String, bytes: [UInt8], required: [String], optional: [String])
    throws(RetierError)
  {
    if let problem = Self.exportProblem(bytes) { throw .malformedCSV(file: file, error: problem) }
    var scanner = CSVRecordScanner(bytes)
    let header: [String]
    do {
      header = try bytes.withUnsafeBufferPointer { input throws(CSVError) in
        guard try scanner.nextRecord(in: input) else { throw .empty }
        return scanner.withRecord(in: input) { $0.strings }
      }
    } catch {
      throw .malformedCSV(file: file, error: error)
    }
    var columns: [String: Int?] = [:]
    var missing: String?
    for name in required {
      let index = CSVDocument.columnIndex(named: name, in: header)
      if index == nil, missing == nil { missing = name }
      columns[name] = index
    }
    for name in optional {
      columns[name] = CSVDocument.columnIndex(named: name, in: header)
    }
    if let missing {
      _ = try Self.scanRows(file: file, bytes: bytes, scanner: &scanner, headerCount: header.count)
      {
        _ in
      }
      throw .missingColumn(file: file, column: missing, header: header)
    }
    self.file = file
    self.bytes = bytes
    self.scanner = scanner
    self.headerCount = header.count
    self.columns = columns
  }

  /// The column index of a requested name, `nil` when an optional column is absent.
  func column(_ name: String) -> Int? { columns[name] ?? nil }

  /// At least the number of data rows for ordinary files (see
  /// `CSVRecordScanner.recordCountEstimate`), to reserve room for typed rows.
  var rowCountEstimate: Int {
    bytes.withUnsafeBufferPointer { CSVRecordScanner.recordCountEstimate($0) }
  }

  /// Calls `body` with every data row in file order, blank rows skipped (counted in
  /// ``blankRowCount``), and returns how many rows `body` saw; throws when the file turns out to
  /// be malformed (the rows already typed are then to be dropped). A second call finds no rows.
  mutating func forEachRow(_ body: (TableRow) -> Void) throws(RetierError) -> Int {
    let (rows, blank) = try Self.scanRows(
      file: file, bytes: bytes, scanner: &scanner, headerCount: headerCount, body)
    blankRowCount += blank
    return rows
  }

  /// Scans the rest of `bytes` with `scanner`, calling `body` with every row that is not blank;
  /// returns the rows passed to `body` and the blank rows skipped.
  private static func scanRows(
    file: String, bytes: [UInt8], scanner: inout CSVRecordScanner, headerCount: Int,
    _ body: (TableRow) -> Void
  ) throws(RetierError) -> (rows: Int, blank: Int) {
    var rowCount = 0
    var blankCount = 0
    do {
      try bytes.withUnsafeBufferPointer { input throws(CSVError) in
        while try scanner.nextRecord(in: input) {
          let used = scanner.withRecord(in: input) { record in
            if record.isBlank { return false }
            body(TableRow(record: record, headerCount: headerCount))
            return true
          }
          if used { rowCount += 1 } else { blankCount += 1 }
        }
      }
    } catch {
      throw .malformedCSV(file: file, error: error)
    }
    return (rowCount, blankCount)
  }

  /// What a spreadsheet export that is not comma-separated UTF-8 looks like, found before any
  /// scanning: a UTF-16 byte order mark, or a first non-empty line (the header) with no comma
  /// but semicolons or tabs. Only the header line is looked at, so this costs nothing per row.
  static func exportProblem(_ bytes: [UInt8]) -> CSVError? {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .utf16 }
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    let lineFeed = UInt8(ascii: "\n")
    let carriageReturn = UInt8(ascii: "\r")
    while start < bytes.count, bytes[start] == lineFeed || bytes[start] == carriageReturn {
      // CRLF is one line end; LF or a lone CR are one each, as the scanner counts them.
      if bytes[start] == carriageReturn, start + 1 < bytes.count, bytes[start + 1] == lineFeed {
        start += 1
      }
      start += 1
      line += 1
    }
    let header = bytes[start...].prefix { $0 != lineFeed && $0 != carriageReturn }
    guard !header.contains(UInt8(ascii: ",")) else { return nil }
    let semicolons = header.count { $0 == UInt8(ascii: ";") }
    let tabs = header.count { $0 == UInt8(ascii: "\t") }
    guard semicolons + tabs > 0 else { return nil }
    let separator = semicolons >= tabs ? UInt8(ascii: ";") : UInt8(ascii: "\t")
    let offset = header.firstIndex(of: separator)!
    // Columns count scalars: every byte but a UTF-8 continuation byte starts one.
    let column = header[..<offset].count { $0 & 0xC0 != 0x80 } + 1
    return .otherSeparator(separator, line: line, column: column)
  }
}
