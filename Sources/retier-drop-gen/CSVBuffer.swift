import RetierCore

/// CSV text (RFC 4180) built directly as UTF-8 bytes, so a million-row file is one write.
///
/// Text fields are quoted only when they hold a comma, a quote, CR or LF; quotes inside are
/// doubled. Numbers are formatted from integers (money in cents), never from binary floating
/// point.
struct CSVBuffer {
  /// How a decimal amount is spelled.
  enum DecimalStyle {
    /// No trailing zeros: `1234`, `1234.5`, `1234.56`.
    case shortest
    /// Always two decimals: `1234.00`.
    case twoDecimals
  }

  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []
  private let lineEnd: [UInt8]
  private var atRowStart = true

  /// Creates an empty buffer.
  /// - Parameters:
  ///   - crlf: end rows with CR LF instead of LF.
  ///   - byteOrderMark: start the text with a UTF-8 byte order mark.
  ///   - capacity: bytes to reserve up front.
  init(crlf: Bool = false, byteOrderMark: Bool = false, capacity: Int = 0) {
    lineEnd = crlf ? [Byte.carriageReturn, Byte.lineFeed] : [Byte.lineFeed]
    bytes.reserveCapacity(capacity)
    if byteOrderMark {
      bytes.append(contentsOf: [0xEF, 0xBB, 0xBF])
    }
  }

  /// Writes a whole row of text fields.
  mutating func row(_ fields: [String]) {
    for field in fields {
      text(field)
    }
    endRow()
  }

  /// Writes a text field, quoting it when it needs quotes.
  mutating func text(_ value: String) {
    separate()
    var value = value
    value.withUTF8 { utf8 in
      let needsQuotes = utf8.contains { byte in
        byte == Byte.comma || byte == Byte.quote || byte == Byte.carriageReturn
          || byte == Byte.lineFeed
      }
      guard needsQuotes else {
        bytes.append(contentsOf: utf8)
        return
      }
      bytes.append(Byte.quote)
      for byte in utf8 {
        if byte == Byte.quote {
          bytes.append(Byte.quote)
        }
        bytes.append(byte)
      }
      bytes.append(Byte.quote)
    }
  }

  /// Writes an identifier such as `ACC-00042`: `prefix` then `number` zero-padded to `width`
  /// digits (the prefix must not need quoting).
  mutating func identifier(prefix: StaticString, number: Int, width: Int) {
    separate()
    prefix.withUTF8Buffer { bytes.append(contentsOf: $0) }
    appendPadded(number, width: width)
  }

  /// Writes an empty field.
  mutating func empty() {
    separate()
  }

  /// Writes a decimal integer, or an empty field for `nil`.
  mutating func integer(_ value: Int?) {
    separate()
    guard let value else { return }
    if value < 0 {
      bytes.append(Byte.minus)
    }
    appendDigits(value.magnitude)
  }

  /// Writes an amount given in hundredths (cents, or hundredths of an hour), or an empty field
  /// for `nil`.
  mutating func decimal(hundredths value: Int64?, style: DecimalStyle = .shortest) {
    separate()
    guard let value else { return }
    if value < 0 {
      bytes.append(Byte.minus)
    }
    let magnitude = value.magnitude
    appendDigits(UInt(magnitude / 100))
    let fraction = Int(magnitude % 100)
    switch style {
    case .twoDecimals:
      bytes.append(Byte.period)
      bytes.append(Byte.zero + UInt8(fraction / 10))
      bytes.append(Byte.zero + UInt8(fraction % 10))
    case .shortest where fraction == 0:
      break
    case .shortest where fraction % 10 == 0:
      bytes.append(Byte.period)
      bytes.append(Byte.zero + UInt8(fraction / 10))
    case .shortest:
      bytes.append(Byte.period)
      bytes.append(Byte.zero + UInt8(fraction / 10))
      bytes.append(Byte.zero + UInt8(fraction % 10))
    }
  }

  /// Writes a date as `YYYY-MM-DD`.
  mutating func date(_ value: CalendarDate) {
    separate()
    appendPadded(value.year, width: 4)
    bytes.append(Byte.minus)
    appendPadded(value.month, width: 2)
    bytes.append(Byte.minus)
    appendPadded(value.day, width: 2)
  }

  /// Forgets the bytes written so far, keeping the memory for the next ones.
  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
  }

  /// Ends the current row.
  mutating func endRow() {
    bytes.append(contentsOf: lineEnd)
    atRowStart = true
  }

  private mutating func separate() {
    if atRowStart {
      atRowStart = false
    } else {
      bytes.append(Byte.comma)
    }
  }

  private mutating func appendDigits(_ value: UInt) {
    var divisor: UInt = 1
    while value / divisor >= 10 {
      divisor *= 10
    }
    while divisor > 0 {
      bytes.append(Byte.zero + UInt8(value / divisor % 10))
      divisor /= 10
    }
  }

  private mutating func appendPadded(_ value: Int, width: Int) {
    var divisor = 1
    for _ in 1..<width {
      divisor *= 10
    }
    while divisor > 1 && value < divisor {
      bytes.append(Byte.zero)
      divisor /= 10
    }
    appendDigits(UInt(value))
  }
}

/// The ASCII bytes the CSV writer needs.
private enum Byte {
  static let comma: UInt8 = 0x2C
  static let quote: UInt8 = 0x22
  static let carriageReturn: UInt8 = 0x0D
  static let lineFeed: UInt8 = 0x0A
  static let minus: UInt8 = 0x2D
  static let period: UInt8 = 0x2E
  static let zero: UInt8 = 0x30
}
