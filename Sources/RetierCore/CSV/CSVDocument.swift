/// A parsed CSV file: the header as strings, and every data row kept as one buffer of unescaped
/// field bytes plus field boundaries, so a million-row file costs a few arrays and no `String`
/// per field.
///
/// Rows may hold fewer or more fields than the header; the caller decides what that means.
/// Every field is well-formed UTF-8 without NUL bytes (`CSVReader` guarantees it).
struct CSVDocument: Sendable {
  /// The header cells as written (byte order mark removed), not trimmed.
  var header: [String]
  /// The unescaped bytes of every data field, back to back (quotes and doubled quotes resolved).
  let fieldBytes: [UInt8]
  /// Field `i` (counted over all rows) is `fieldBytes[fieldOffsets[i]..<fieldOffsets[i + 1]]`;
  /// the array starts with 0 and has one entry more than there are fields.
  let fieldOffsets: [Int]
  /// Row `r` owns fields `rowFirstField[r]..<rowFirstField[r + 1]`; one entry more than rows.
  let rowFirstField: [Int]
  /// The 1-based physical line on which each data row starts.
  let rowLines: [Int]

  /// The number of data rows, header excluded.
  var rowCount: Int { rowLines.count }

  /// The 1-based physical line on which data row `row` (0-based) starts, for messages.
  func line(ofRow row: Int) -> Int {
    rowLines[row]
  }

  /// How many fields data row `row` holds (at least 1: an empty line is not a row).
  func fieldCount(ofRow row: Int) -> Int {
    rowFirstField[row + 1] - rowFirstField[row]
  }

  /// The field at `column` of data row `row` as a string; `""` when the row is shorter.
  func field(row: Int, column: Int) -> String {
    guard let range = byteRange(row: row, column: column) else { return "" }
    return String(decoding: fieldBytes[range], as: UTF8.self)
  }

  /// All fields of data row `row`, in order.
  func fields(ofRow row: Int) -> [String] {
    (0..<fieldCount(ofRow: row)).map { field(row: row, column: $0) }
  }

  /// The index of the first header cell that matches `name` once both are normalised as SPEC §2
  /// says (``headerKey(_:)``); `nil` when no header cell matches.
  func columnIndex(named name: String) -> Int? {
    Self.columnIndex(named: name, in: header)
  }

  /// The index of the first cell of `header` matching `name`, as by ``columnIndex(named:)``.
  static func columnIndex(named name: String, in header: [String]) -> Int? {
    let wanted = headerKey(name)
    return header.firstIndex { headerKey($0) == wanted }
  }

  /// The range in `fieldBytes` of a field, or `nil` when the row has no such column.
  private func byteRange(row: Int, column: Int) -> Range<Int>? {
    let first = rowFirstField[row]
    guard column >= 0, column < rowFirstField[row + 1] - first else { return nil }
    return fieldOffsets[first + column]..<fieldOffsets[first + column + 1]
  }

  /// A header name reduced for matching (SPEC §2): spaces and tabs trimmed, ASCII letters
  /// lowercased, and every run of spaces, tabs, hyphens, dots and underscores turned into one
  /// underscore, so `Account ID`, `account-id` and ` ACCOUNT_ID ` are all `account_id`.
  static func headerKey(_ name: String) -> [UInt8] {
    let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    let isJoiner: (UInt8) -> Bool = {
      isBlank($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        || $0 == UInt8(ascii: "_")
    }
    let bytes = Array(name.utf8)
    guard let start = bytes.firstIndex(where: { !isBlank($0) }),
      let end = bytes.lastIndex(where: { !isBlank($0) })
    else { return [] }
    var key: [UInt8] = []
    key.reserveCapacity(end - start + 1)
    for byte in bytes[start...end] {
      if isJoiner(byte) {
        if key.last != UInt8(ascii: "_") { key.append(UInt8(ascii: "_")) }
      } else {
        key.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte)
      }
    }
    return key
  }
}
