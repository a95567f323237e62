/// An input file read row by row, with its columns resolved by header name.
///
/// Rows are handed out one at a time as the scanner finds them, so a file never exists as a
/// whole parsed document: the caller types each row and the scanner moves on.
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

  /// Reads the header of `bytes` and resolves the named columns. A missing required column is
  /// fatal, but only once the whole file has been checked: malformed CSV is reported first.
  init(file: String, bytes: [UInt8], required: [String], optional: [String])
    throws(RetierError)
  {
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
      throw .missingColumn(file: file, column: missing)
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

  /// Calls `body` with every data row in file order and returns how many there were; throws when
  /// the file turns out to be malformed (the rows already typed are then to be dropped). A
  /// second call finds no rows.
  mutating func forEachRow(_ body: (TableRow) -> Void) throws(RetierError) -> Int {
    try Self.scanRows(file: file, bytes: bytes, scanner: &scanner, headerCount: headerCount, body)
  }

  /// Scans the rest of `bytes` with `scanner`, calling `body` with every row.
  private static func scanRows(
    file: String, bytes: [UInt8], scanner: inout CSVRecordScanner, headerCount: Int,
    _ body: (TableRow) -> Void
  ) throws(RetierError) -> Int {
    var rowCount = 0
    do {
      try bytes.withUnsafeBufferPointer { input throws(CSVError) in
        while try scanner.nextRecord(in: input) {
          scanner.withRecord(in: input) { record in
            body(TableRow(record: record, headerCount: headerCount))
          }
          rowCount += 1
        }
      }
    } catch {
      throw .malformedCSV(file: file, error: error)
    }
    return rowCount
  }
}
