/// A cell to write with `CSVWriter`.
///
/// `.text` is for anything a person or a source system typed (names, reasons, ids): it is
/// neutralised against spreadsheet formula injection. `.raw` is for values this program formats
/// itself (numbers such as `-12.50`, dates, tier numbers) and is written as is. A string literal
/// is a `.text` cell.
enum CSVCell: Sendable, Equatable, ExpressibleByStringLiteral {
  /// Free text: gets a leading `'` when it begins with `=`, `+`, `-`, `@`, tab or CR.
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
      guard let first = text.utf8.first, Self.formulaTriggers.contains(first) else { return text }
      return "'" + text
    case .raw(let raw):
      return raw
    }
  }

  /// Undoes the `.text` formula guard on a field read back from a file this program wrote: drops
  /// a leading `'` when the next character is one that triggered it. A text that itself began
  /// with `'` and then such a character cannot be told apart and loses its `'` too.
  static func removingFormulaGuard(_ field: String) -> String {
    let bytes = field.utf8
    guard bytes.count >= 2, bytes.first == UInt8(ascii: "'"),
      formulaTriggers.contains(bytes[bytes.index(after: bytes.startIndex)])
    else { return field }
    return String(field.dropFirst())
  }

  /// First bytes that make a spreadsheet treat a cell as a formula (or, for tab and CR, that
  /// some spreadsheets strip before looking for one).
  static let formulaTriggers: [UInt8] = Array("=+-@\t\r".utf8)
}
