/// A cell to write with `CSVWriter`.
///
/// `.text` is for anything a person or a source system typed (names, reasons, ids): it is
/// neutralised against spreadsheet formula injection. `.raw` is for values this program formats
/// itself (numbers such as `-12.50`, dates, tier numbers) and is written as is. A string literal
/// is a `.text` cell.
enum CSVCell: Sendable, Equatable, ExpressibleByStringLiteral {
  /// Free text: gets a leading `'` when it begins with `=`, `+`, `-`, `@`, tab or CR, or with
  /// `'` itself (so that the guard is unambiguous: `=X1` is written `'=X1`, `'=X1` is written
  /// `''=X1`).
  case text(String)
  /// A value written exactly as given (still quoted when it needs it).
  case raw(String)

  /// A `.text` cell holding the literal.
  init(stringLiteral value: String) {
    self = .text(value)
  }

  /// The field content before CSV quoting: `.text` neutralised, `.raw` unchanged.
  var content: String {
    switch self {
    case .text(let text):
      guard let first = text.utf8.first, Self.guardedFirstBytes.contains(first) else { return text }
      return "'" + text
    case .raw(let raw):
      return raw
    }
  }

  /// Undoes the `.text` formula guard on a field read back from a file this program wrote: drops
  /// the leading `'`. Every text that began with `'` got one more, so the guard is removed
  /// exactly: no two texts are written alike.
  static func removingFormulaGuard(_ field: String) -> String {
    field.utf8.first == UInt8(ascii: "'") ? String(field.dropFirst()) : field
  }

  /// First bytes that make a spreadsheet treat a cell as a formula (or, for tab and CR, that
  /// some spreadsheets strip before looking for one).
  static let formulaTriggers: [UInt8] = Array("=+-@\t\r".utf8)

  /// First bytes that get the guard: the formula triggers and the guard's own `'`.
  static let guardedFirstBytes: [UInt8] = formulaTriggers + [UInt8(ascii: "'")]
}
