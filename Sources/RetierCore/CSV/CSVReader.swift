/// Reads RFC 4180 CSV from UTF-8 bytes into a `CSVDocument`.
///
/// Accepted: an optional leading byte order mark (EF BB BF, skipped); comma separators; LF, CRLF
/// or a lone CR as line ends (old Mac exports use the last; treating it as a line end is the
/// only reading that does not glue two rows together); quoted fields holding commas, doubled
/// quotes and line breaks, which are kept byte for byte (a CRLF inside quotes stays CRLF); a
/// last line with or without a line end. A completely empty physical line is skipped, but still
/// counts for line numbers. The first non-empty line is the header.
///
/// Rejected, with the line and column of the offending character: a quote inside an unquoted
/// field, anything but a comma or line end after a closing quote, a quoted field that never
/// closes, ill-formed UTF-8 anywhere, and NUL bytes. No input makes it crash, loop or drop data
/// silently: it either throws or returns every field.
///
/// The drop's loader does not build a document: it types each record as `CSVRecordScanner`
/// finds it, with the same rules.
enum CSVReader {
  /// Parses a whole file held in memory.
  static func parse(_ bytes: [UInt8]) throws(CSVError) -> CSVDocument {
    var scanner = CSVRecordScanner(bytes)
    return try bytes.withUnsafeBufferPointer { input throws(CSVError) in
      guard try scanner.nextRecord(in: input) else { throw .empty }
      let header = scanner.withRecord(in: input) { $0.strings }
      // Unescaping only ever removes bytes, so the input size bounds the field bytes; the
      // offsets are reserved for a typical number of short fields.
      var fieldBytes: [UInt8] = []
      fieldBytes.reserveCapacity(input.count)
      var fieldOffsets = [0]
      fieldOffsets.reserveCapacity(input.count / 6 + 2)
      let rowEstimate = CSVRecordScanner.recordCountEstimate(input)
      var rowFirstField: [Int] = []
      rowFirstField.reserveCapacity(rowEstimate + 1)
      var rowLines: [Int] = []
      rowLines.reserveCapacity(rowEstimate)
      while try scanner.nextRecord(in: input) {
        scanner.withRecord(in: input) { record in
          rowFirstField.append(fieldOffsets.count - 1)
          rowLines.append(record.line)
          for field in 0..<record.fieldCount {
            fieldBytes.append(contentsOf: record[field: field])
            fieldOffsets.append(fieldBytes.count)
          }
        }
      }
      rowFirstField.append(fieldOffsets.count - 1)
      return CSVDocument(
        header: header, fieldBytes: fieldBytes, fieldOffsets: fieldOffsets,
        rowFirstField: rowFirstField, rowLines: rowLines)
    }
  }
}
