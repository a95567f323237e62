/// Writes RFC 4180 CSV as UTF-8 bytes: comma separated, LF after every row (the last included),
/// no byte order mark.
///
/// A field is quoted exactly when it contains a comma, a quote, CR or LF (inner quotes doubled),
/// with two exceptions that keep `CSVReader` reading back the very same rows: a row that is a
/// single empty field (or has no cells) is written as `""`, because an empty line is skipped on
/// reading; and a first header cell starting with U+FEFF is quoted, because a byte order mark at
/// the start of a file is dropped on reading. Header cells are `.text` cells.
package struct CSVWriter {
  /// The file so far: the header, then every appended row.
  package private(set) var bytes: [UInt8] = []

  /// Starts a file with its header row; `byteCapacity` reserves room for the expected output.
  package init(header: [String], byteCapacity: Int = 4096) {
    bytes.reserveCapacity(byteCapacity)
    appendRow(header.map(CSVCell.text))
  }

  /// Appends one row. Rows need not have as many cells as the header.
  package mutating func appendRow(_ cells: [CSVCell]) {
    if cells.count <= 1, cells.first?.content.isEmpty ?? true {
      bytes.append(contentsOf: [Self.quote, Self.quote, Self.lineFeed])
      return
    }
    for index in cells.indices {
      if index > 0 {
        bytes.append(Self.comma)
      }
      let atFileStart = bytes.isEmpty
      switch cells[index] {
      case .text(var text):
        text.withUTF8 { appendField($0, neutralised: true, atFileStart: atFileStart) }
      case .raw(var raw):
        raw.withUTF8 { appendField($0, neutralised: false, atFileStart: atFileStart) }
      }
    }
    bytes.append(Self.lineFeed)
  }

  /// Appends one field: with the `'` prefix when `neutralised` and it starts like a formula,
  /// then quoted when it needs to be.
  private mutating func appendField(
    _ field: UnsafeBufferPointer<UInt8>, neutralised: Bool, atFileStart: Bool
  ) {
    let prefixed = neutralised && field.first.map(CSVCell.formulaTriggers.contains) ?? false
    let quoted =
      (atFileStart && !prefixed && field.starts(with: Self.byteOrderMark))
      || Self.needsQuoting(field)
    if quoted {
      bytes.append(Self.quote)
    }
    if prefixed {
      bytes.append(Self.formulaPrefix)
    }
    guard quoted else {
      bytes.append(contentsOf: field)
      return
    }
    var runStart = 0
    for index in field.indices where field[index] == Self.quote {
      // Copy up to and including the quote, then double it.
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: field[runStart...index]))
      bytes.append(Self.quote)
      runStart = index + 1
    }
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: field[runStart...]))
    bytes.append(Self.quote)
  }

  /// Whether a field contains a comma, quote, CR or LF and so must be quoted.
  private static func needsQuoting(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    // Every byte that forces quotes is at most a comma; most text is above it.
    for byte in field where byte <= comma {
      if byte == comma || byte == quote || byte == lineFeed || byte == carriageReturn {
        return true
      }
    }
    return false
  }

  private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
  private static let formulaPrefix = UInt8(ascii: "'")
  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")
  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
}
