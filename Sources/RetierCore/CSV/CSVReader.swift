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
package enum CSVReader {
  /// Parses a whole file held in memory.
  package static func parse(_ bytes: [UInt8]) throws(CSVError) -> CSVDocument {
    var scanner = CSVRecordScanner(inputByteCount: bytes.count)
    // Unescaping only ever removes bytes, so the input size bounds the field bytes exactly.
    let fieldBytes = try bytes.withUnsafeBufferPointer { input throws(CSVError) in
      try [UInt8](unsafeUninitializedCapacity: input.count) { output, count throws(CSVError) in
        guard let outputStart = output.baseAddress else { return }
        count = try scanner.scan(input, into: outputStart)
      }
    }
    guard let header = scanner.header else { throw .empty }
    return CSVDocument(
      header: header,
      fieldBytes: fieldBytes,
      fieldOffsets: scanner.fieldOffsets,
      rowFirstField: scanner.rowFirstField,
      rowLines: scanner.rowLines
    )
  }
}
