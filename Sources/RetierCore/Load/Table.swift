/// A parsed input file with its columns resolved by header name.
package struct Table {
  /// File name for diagnostics.
  package let file: String
  /// The parsed CSV.
  package let document: CSVDocument
  /// Column index per requested name; `nil` for an absent optional column.
  private let columns: [String: Int]

  /// Parses `bytes` and resolves the named columns; a missing required column is fatal.
  package init(file: String, bytes: [UInt8], required: [String], optional: [String])
    throws(RetierError)
  {
    let document: CSVDocument
    do {
      document = try CSVReader.parse(bytes)
    } catch {
      throw .malformedCSV(file: file, error: error)
    }
    var columns: [String: Int] = [:]
    for name in required {
      guard let index = document.columnIndex(named: name) else {
        throw .missingColumn(file: file, column: name)
      }
      columns[name] = index
    }
    for name in optional {
      columns[name] = document.columnIndex(named: name)
    }
    self.file = file
    self.document = document
    self.columns = columns
  }

  /// Number of data rows.
  package var rowCount: Int { document.rowCount }

  /// The column index of a requested name, `nil` when an optional column is absent.
  package func column(_ name: String) -> Int? { columns[name] ?? nil }

  /// 1-based line on which a row starts.
  package func line(_ row: Int) -> Int { document.line(ofRow: row) }

  /// Whether the row has as many fields as the header; a row that does not is misaligned
  /// (typically an unquoted comma) and none of its fields can be trusted.
  package func isAligned(_ row: Int) -> Bool {
    document.fieldCount(ofRow: row) == document.header.count
  }

  /// The problem with a misaligned row.
  package func alignmentProblem(_ row: Int) -> String {
    "row has \(document.fieldCount(ofRow: row)) fields but the header has "
      + "\(document.header.count) (unquoted comma?)"
  }

  /// The field's text, spaces kept; "" for an absent column.
  package func text(_ row: Int, _ column: Int?) -> String {
    guard let column else { return "" }
    return document.field(row: row, column: column)
  }

  /// The field's text without surrounding spaces and tabs.
  package func trimmed(_ row: Int, _ column: Int?) -> String {
    String(text(row, column).trimmingSpaces)
  }

  /// Parses a field through `parse`, giving `.blank` for an absent column or an empty field.
  package func value<T>(
    _ row: Int, _ column: Int?, _ parse: (UnsafeBufferPointer<UInt8>) -> T?
  ) -> FieldValue<T> {
    guard let column else { return .blank }
    return document.withFieldBytes(row: row, column: column) { bytes in
      let trimmed = bytes.trimmingSpaces
      if trimmed.isEmpty { return .blank }
      if let value = parse(trimmed) { return .value(value) }
      return .invalid(String(decoding: trimmed, as: UTF8.self))
    }
  }
}

/// The outcome of parsing one field.
package enum FieldValue<T> {
  /// Empty, or the column is absent.
  case blank
  /// A value that parsed.
  case value(T)
  /// Text that did not parse.
  case invalid(String)

  /// The parsed value, if any.
  package var value: T? {
    if case .value(let value) = self { return value }
    return nil
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// The bytes without leading and trailing ASCII spaces and tabs.
  package var trimmingSpaces: UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = count
    while start < end, self[start] == 0x20 || self[start] == 0x09 { start += 1 }
    while end > start, self[end - 1] == 0x20 || self[end - 1] == 0x09 { end -= 1 }
    return UnsafeBufferPointer(rebasing: self[start..<end])
  }
}
