/// One data row of a ``Table``, read straight from the file's bytes. It points into the scanner's
/// buffers, so it is only valid inside ``Table/forEachRow(_:)``.
struct TableRow {
  /// The scanned record.
  private let record: CSVRecordScanner.Record
  /// The number of header cells.
  private let headerCount: Int

  /// Wraps a scanned record of a file whose header has `headerCount` cells.
  init(record: CSVRecordScanner.Record, headerCount: Int) {
    self.record = record
    self.headerCount = headerCount
  }

  /// 1-based line on which the row starts.
  var line: Int { record.line }

  /// Whether the row has as many fields as the header; a row that does not is misaligned
  /// (typically an unquoted comma) and none of its fields can be trusted.
  var isAligned: Bool { record.fieldCount == headerCount }

  /// The problem with a misaligned row: its root cause, reported instead of the symptoms of
  /// its shifted fields.
  var alignmentProblem: String {
    let count = record.fieldCount
    let hint =
      count > headerCount
      ? "a comma inside an unquoted field? Quote the field" : "a field or its comma is missing?"
    return "\(count) fields where the header has \(headerCount) (\(hint))"
  }

  /// The field's text, spaces kept; "" for an absent column.
  func text(_ column: Int?) -> String {
    guard let column else { return "" }
    return record.string(field: column)
  }

  /// The field's text without surrounding spaces and tabs, exactly as `String.trimmingSpaces`
  /// trims it (character by character).
  ///
  /// That trims whole characters, and a space is not a whole character when a combining mark
  /// follows it (or a prepended mark precedes it). Such marks are never ASCII, so trimming bytes
  /// gives the same text whenever the bytes next to what was trimmed are ASCII; otherwise the
  /// string is trimmed as a string.
  func trimmed(_ column: Int?) -> String {
    guard let column else { return "" }
    let (kept, cutsNextToNonASCII) = record.withField(column) { bytes in
      let kept = bytes.spaceTrimmedRange
      let leadingCut = kept.lowerBound > 0 && !kept.isEmpty && bytes[kept.lowerBound] >= 0x80
      let trailingCut =
        kept.upperBound < bytes.count && !kept.isEmpty && bytes[kept.upperBound - 1] >= 0x80
      return (kept, leadingCut || trailingCut)
    }
    if cutsNextToNonASCII { return String(record.string(field: column).trimmingSpaces) }
    return record.string(field: column, in: kept)
  }

  /// Calls `body` with the field's bytes as they are (spaces kept); empty for an absent column
  /// or a row too short to hold it.
  func withBytes<Result>(_ column: Int?, _ body: (Span<UInt8>) -> Result) -> Result {
    record.withField(column ?? -1, body)
  }

  /// Parses a field through `parse`, giving `.blank` for an absent column or an empty field.
  /// Spaces and tabs around the value are ignored.
  @inline(__always)
  func value<T>(_ column: Int?, _ parse: (Span<UInt8>) -> T?) -> FieldValue<T> {
    guard let column else { return .blank }
    let (kept, value) = record.withField(column) { bytes -> (Range<Int>, T?) in
      let kept = bytes.spaceTrimmedRange
      return (kept, kept.isEmpty ? nil : parse(bytes.extracting(kept)))
    }
    if kept.isEmpty { return .blank }
    if let value { return .value(value) }
    return .invalid(record.string(field: column, in: kept))
  }
}

extension Span<UInt8> {
  /// The indices of the bytes left once leading and trailing ASCII spaces and tabs are removed.
  var spaceTrimmedRange: Range<Int> {
    var start = 0
    var end = count
    while start < end, self[start] == 0x20 || self[start] == 0x09 { start += 1 }
    while end > start, self[end - 1] == 0x20 || self[end - 1] == 0x09 { end -= 1 }
    return start..<end
  }
}
