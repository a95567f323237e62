/// Why a byte buffer is not a readable CSV file.
///
/// Lines are 1-based physical lines (LF, CRLF and a lone CR each end one, also inside quoted
/// fields). Columns are 1-based and counted in Unicode scalars within that physical line, so they
/// match what a person sees in an editor. The message never names the file: the caller adds it.
package enum CSVError: Error, Equatable, CustomStringConvertible {
  /// The input has zero bytes, or nothing but a byte order mark and empty lines: no header row.
  case empty
  /// A quoted field runs to the end of the input; the position is its opening quote.
  case unterminatedQuote(line: Int, column: Int)
  /// A quote appears inside a field that did not start with a quote.
  case unexpectedQuote(line: Int, column: Int)
  /// A closing quote is followed by something other than a comma or a line end.
  case unexpectedCharacterAfterQuote(line: Int, column: Int)
  /// The bytes at this position are not well-formed UTF-8.
  case invalidUTF8(line: Int, column: Int)
  /// A NUL byte, which no text export legitimately contains.
  case nulByte(line: Int, column: Int)
  /// The header has no comma but `separator` (a semicolon or a tab): a spreadsheet saved with
  /// another delimiter. The position is the first separator.
  case otherSeparator(UInt8, line: Int, column: Int)
  /// The file starts with a UTF-16 byte order mark (a spreadsheet's "Unicode Text").
  case utf16

  /// The 1-based physical line of the problem, or `nil` when it has no position.
  var line: Int? {
    switch self {
    case .empty, .utf16:
      return nil
    case .unterminatedQuote(let line, _), .unexpectedQuote(let line, _),
      .unexpectedCharacterAfterQuote(let line, _), .invalidUTF8(let line, _),
      .nulByte(let line, _), .otherSeparator(_, let line, _):
      return line
    }
  }

  /// The 1-based column (in Unicode scalars) of the problem, or `nil` when it has no position.
  var column: Int? {
    switch self {
    case .empty, .utf16:
      return nil
    case .unterminatedQuote(_, let column), .unexpectedQuote(_, let column),
      .unexpectedCharacterAfterQuote(_, let column), .invalidUTF8(_, let column),
      .nulByte(_, let column), .otherSeparator(_, _, let column):
      return column
    }
  }

  /// What is wrong, without position or file name.
  var message: String {
    switch self {
    case .empty:
      return "no header row (the file is empty)"
    case .unterminatedQuote:
      return "unterminated quoted field starting here"
    case .unexpectedQuote:
      return "quote inside an unquoted field (quote the whole field and double inner quotes)"
    case .unexpectedCharacterAfterQuote:
      return "unexpected character after a closing quote (expected a comma or a line end)"
    case .invalidUTF8:
      return "not UTF-8: save it as CSV UTF-8"
    case .nulByte:
      return "NUL byte"
    case .otherSeparator(let separator, _, _):
      let name = separator == UInt8(ascii: ";") ? "semicolon" : "tab"
      return "looks \(name)-separated: save it as CSV (comma delimited)"
    case .utf16:
      return "UTF-16 text, not UTF-8: save it as CSV UTF-8"
    }
  }

  /// One line for people: `line 3, column 7: <message>`, or just the message without a position.
  package var description: String {
    guard let line, let column else { return message }
    return "line \(line), column \(column): \(message)"
  }
}
