/// Writes RFC 4180 CSV as UTF-8 bytes: comma separated, LF after every row (the last included),
/// no byte order mark.
///
/// A field is quoted exactly when it contains a comma, a quote, CR or LF (inner quotes doubled),
/// with two exceptions that keep `CSVReader` reading back the very same rows: a row that is a
/// single empty field (or has no cells) is written as `""`, because an empty line is skipped on
/// reading; and a first header cell starting with U+FEFF is quoted, because a byte order mark at
/// the start of a file is dropped on reading. Header cells are `.text` cells.
///
/// Rows are written either whole, with ``appendRow(_:)``, or field by field with the `append…`
/// methods and ``endRow()``; the second way formats numbers straight into the file and builds
/// no cell array, which counts at a million rows.
struct CSVWriter {
  /// The file so far: the header, then every appended row.
  private(set) var bytes: [UInt8] = []
  /// Fields written so far in the current row.
  private var fieldsInRow = 0
  /// Where the current row starts in ``bytes``.
  private var rowStart = 0
  /// Whether ``bytes`` start the file, so that a byte order mark in the first cell is quoted.
  private let startsFile: Bool

  /// Starts a file with its header row; `byteCapacity` reserves room for the expected output.
  init(header: [String], byteCapacity: Int = 4096) {
    self.init(header: header, startingFile: true, byteCapacity: byteCapacity)
  }

  /// Starts one piece of a file (see ``PiecewiseFile``): with the header row when the piece
  /// starts the file, otherwise with nothing, as the rows continue a file written elsewhere.
  init(header: [String], startingFile: Bool, byteCapacity: Int) {
    startsFile = startingFile
    bytes.reserveCapacity(byteCapacity)
    if startingFile { appendRow(header.map(CSVCell.text)) }
  }

  /// Appends one row. Rows need not have as many cells as the header.
  mutating func appendRow(_ cells: [CSVCell]) {
    for cell in cells {
      switch cell {
      case .text(let text): appendText(text)
      case .raw(let raw): appendRaw(raw)
      }
    }
    endRow()
  }

  /// Appends a `.text` field: free text, neutralised against formulas and quoted when needed.
  mutating func appendText(_ text: String) {
    if Self.isPlain(text.utf8.span, neutralised: true) {
      startField()
      bytes.append(contentsOf: text.utf8)
    } else {
      appendField(text.utf8, neutralised: true)
    }
  }

  /// Appends a `.text` field given as UTF-8 bytes.
  mutating func appendText(utf8 text: [UInt8]) {
    if Self.isPlain(text.span, neutralised: true) {
      startField()
      bytes.append(contentsOf: text)
    } else {
      appendField(text, neutralised: true)
    }
  }

  /// Appends a `.raw` field: written as given, quoted when needed.
  mutating func appendRaw(_ raw: String) {
    if Self.isPlain(raw.utf8.span, neutralised: false) {
      startField()
      bytes.append(contentsOf: raw.utf8)
    } else {
      appendField(raw.utf8, neutralised: false)
    }
  }

  /// Appends an integer as a `.raw` field.
  mutating func appendRaw(_ value: Int) {
    startField()
    DecimalDigits.append(value, to: &bytes)
  }

  /// Appends an integer as a `.raw` field, or an empty field for `nil`.
  mutating func appendRaw(_ value: Int?) {
    guard let value else {
      startField()
      return
    }
    appendRaw(value)
  }

  /// Appends money with two decimals (``Money/description``) as a `.raw` field.
  mutating func appendRaw(_ money: Money) {
    startField()
    money.appendDescription(to: &bytes)
  }

  /// Appends an exact decimal (``ExactDecimal/description``) as a `.raw` field.
  mutating func appendRaw(_ decimal: ExactDecimal) {
    startField()
    decimal.appendDescription(to: &bytes)
  }

  /// Appends `count` empty fields.
  mutating func appendEmptyFields(_ count: Int) {
    for _ in 0..<count { startField() }
  }

  /// Ends the current row with LF.
  mutating func endRow() {
    // Nothing written means no cells or one empty cell: an empty line would vanish on reading.
    if fieldsInRow <= 1, bytes.count == rowStart {
      bytes.append(Self.quote)
      bytes.append(Self.quote)
    }
    bytes.append(Self.lineFeed)
    fieldsInRow = 0
    rowStart = bytes.count
  }

  /// Writes the comma before every field but a row's first.
  private mutating func startField() {
    if fieldsInRow > 0 { bytes.append(Self.comma) }
    fieldsInRow += 1
  }

  /// Appends one field: with the `'` prefix when `neutralised` and it starts like a formula,
  /// then quoted when it needs to be.
  private mutating func appendField(_ field: some Collection<UInt8>, neutralised: Bool) {
    startField()
    let atFileStart = startsFile && rowStart == 0 && fieldsInRow == 1
    let prefixed = neutralised && field.first.map { Self.isFormulaTrigger[Int($0)] } ?? false
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
    var runStart = field.startIndex
    for index in field.indices where field[index] == Self.quote {
      // Copy up to and including the quote, then double it.
      bytes.append(contentsOf: field[runStart...index])
      bytes.append(Self.quote)
      runStart = field.index(after: index)
    }
    bytes.append(contentsOf: field[runStart...])
    bytes.append(Self.quote)
  }

  /// Whether a field is written exactly as its bytes are: no formula prefix, no quotes. Almost
  /// every field is, and a scan of its contiguous bytes decides it several times faster than
  /// ``appendField(_:neutralised:)``'s walk of a generic collection (a `String`'s `utf8` view).
  /// A field starting with the first byte of a byte order mark takes the full path, which knows
  /// whether it starts the file.
  private static func isPlain(_ field: Span<UInt8>, neutralised: Bool) -> Bool {
    if !field.isEmpty {
      let first = field[0]
      if first == byteOrderMark[0] || (neutralised && isFormulaTrigger[Int(first)]) {
        return false
      }
    }
    for index in field.indices {
      let byte = field[index]
      // Every byte that forces quotes is at most a comma; most text is above it.
      if byte <= comma,
        byte == comma || byte == quote || byte == lineFeed || byte == carriageReturn
      {
        return false
      }
    }
    return true
  }

  /// Whether a field contains a comma, quote, CR or LF and so must be quoted.
  private static func needsQuoting(_ field: some Collection<UInt8>) -> Bool {
    // Every byte that forces quotes is at most a comma; most text is above it.
    for byte in field where byte <= comma {
      if byte == comma || byte == quote || byte == lineFeed || byte == carriageReturn {
        return true
      }
    }
    return false
  }

  /// ``CSVCell/guardedFirstBytes`` as a table by byte value: one look-up per text field.
  private static let isFormulaTrigger: [Bool] = (0...255).map {
    CSVCell.guardedFirstBytes.contains(UInt8($0))
  }
  private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
  private static let formulaPrefix = UInt8(ascii: "'")
  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")
  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
}
