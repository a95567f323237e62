/// The single pass behind `CSVReader`: walks the input bytes once, one record at a time,
/// validates them and records where each field's bytes are.
///
/// It works on raw pointers and copies nothing: a field is a range of the input, except a quoted
/// field holding a doubled quote, whose unescaped bytes go to a small buffer that is reused for
/// every record. A quarterly drop holds millions of fields, and the caller types each record
/// before the next one is scanned, so no whole-file structure is ever built. UTF-8 is validated
/// inline: a multi-byte sequence never contains an ASCII byte, so it can be skipped as a unit
/// without affecting the CSV structure.
///
/// The scanner keeps offsets into the input, never pointers, so it can be stored between calls;
/// every call must pass the same input buffer. It owns a buffer of field bounds and so cannot be
/// copied.
struct CSVRecordScanner: ~Copyable {
  /// Start and end of each field of the current record. Offsets into the input are
  /// non-negative; a field unescaped into `unescaped` has both stored bit-inverted (negative).
  /// Raw storage: appending to an array per field costs more than scanning the field.
  private var bounds: UnsafeMutablePointer<Int>
  /// The number of `Int`s `bounds` has room for.
  private var boundsCapacity = 64
  /// The number of `Int`s of `bounds` in use (two per field).
  private var boundsCount = 0
  /// The unescaped bytes of the current record's fields that held a doubled quote.
  private var unescaped: [UInt8] = []
  /// Where the next record starts (or empty lines before it).
  private var position: Int
  /// The 1-based physical line at `position`.
  private var line = 1
  /// The offset where the physical line at `position` starts, for columns in messages.
  private var lineStart: Int
  /// The 1-based physical line on which the current record starts.
  private var recordLine = 0

  /// Prepares to scan `input` from its start, after a byte order mark if there is one.
  init(_ input: [UInt8]) {
    bounds = .allocate(capacity: boundsCapacity)
    position = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    lineStart = position
  }

  deinit {
    bounds.deallocate()
  }

  /// Scans the next record of `input`, skipping empty lines; returns `false` at the end of the
  /// input. Read the record with ``withRecord(in:_:)``.
  mutating func nextRecord(in input: UnsafeBufferPointer<UInt8>) throws(CSVError) -> Bool {
    boundsCount = 0
    if !unescaped.isEmpty { unescaped.removeAll(keepingCapacity: true) }
    guard let base = input.baseAddress else { return false }
    let end = input.count
    while position < end, base[position] == Self.lineFeed || base[position] == Self.carriageReturn {
      // A completely empty physical line: skipped, but counted.
      position = Self.skipLineEnd(base, at: position, end: end)
      line += 1
      lineStart = position
    }
    guard position < end else { return false }
    recordLine = line
    while true {
      let fieldEndsRecord: Bool
      if base[position] == Self.quote {
        fieldEndsRecord = try scanQuotedField(base, end: end)
      } else {
        fieldEndsRecord = try scanUnquotedField(base, end: end)
      }
      if fieldEndsRecord { return true }
    }
  }

  /// Calls `body` with the record that ``nextRecord(in:)`` just scanned from `input`.
  func withRecord<Result>(
    in input: UnsafeBufferPointer<UInt8>, _ body: (Record) -> Result
  ) -> Result {
    unescaped.withUnsafeBufferPointer { unescaped in
      body(
        Record(
          line: recordLine, input: input.baseAddress, unescaped: unescaped.baseAddress,
          bounds: UnsafeBufferPointer(start: bounds, count: boundsCount)))
    }
  }

  /// An estimate of the number of records in `input`, to reserve room for typed rows before
  /// scanning: one more than its line feeds, or its carriage returns when it has no line feed.
  /// That is never too low for a file of LF or CRLF line ends, or of CR line ends without line
  /// feeds in quoted fields; for a file mixing conventions the room may have to grow.
  static func recordCountEstimate(_ input: UnsafeBufferPointer<UInt8>) -> Int {
    // Line feeds end lines in LF and CRLF files; only a file without any ends them with CR.
    let lineFeeds = count(of: lineFeed, in: input)
    return (lineFeeds > 0 ? lineFeeds : count(of: carriageReturn, in: input)) + 1
  }

  /// How many bytes of `input` equal `target`, eight at a time.
  private static func count(of target: UInt8, in input: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = input.baseAddress else { return 0 }
    let pattern = UInt64(target) &* 0x0101_0101_0101_0101
    var found = 0
    var position = 0
    while input.count - position >= 8 {
      let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
      found &+= zeroBytes(word ^ pattern)
      position += 8
    }
    while position < input.count {
      found &+= input[position] == target ? 1 : 0
      position += 1
    }
    return found
  }

  /// The number of zero bytes in `word` (exact: no carry crosses a byte).
  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> Int {
    let low7 = 0x7F7F_7F7F_7F7F_7F7F as UInt64
    let nonZero = ((word & low7) &+ low7) | word
    return (~nonZero & 0x8080_8080_8080_8080).nonzeroBitCount
  }

  /// Scans a field that starts with a quote at `position`; returns whether the record ends
  /// after it.
  private mutating func scanQuotedField(
    _ base: UnsafePointer<UInt8>, end: Int
  ) throws(CSVError) -> Bool {
    let openingQuote = position
    let openingLine = line
    let openingLineStart = lineStart
    let contentStart = position + 1
    // Where this field's bytes start in `unescaped` once a doubled quote was met; -1 before.
    var unescapedStart = -1
    position = contentStart
    while true {
      guard position < end else {
        throw .unterminatedQuote(
          line: openingLine,
          column: Self.column(of: openingQuote, lineStart: openingLineStart, in: base))
      }
      let byte = base[position]
      if byte >= 0x80 {
        let length = Self.scalarLength(base, at: position, end: end)
        guard length > 0 else {
          throw .invalidUTF8(
            line: line, column: Self.column(of: position, lineStart: lineStart, in: base))
        }
        if unescapedStart >= 0 {
          unescaped.append(contentsOf: UnsafeBufferPointer(start: base + position, count: length))
        }
        position += length
        continue
      }
      if byte == Self.quote {
        guard position + 1 < end && base[position + 1] == Self.quote else { break }
        if unescapedStart < 0 {
          unescapedStart = unescaped.count
          unescaped.append(
            contentsOf: UnsafeBufferPointer(
              start: base + contentStart, count: position - contentStart))
        }
        unescaped.append(Self.quote)
        position += 2
        continue
      }
      if byte == 0 {
        throw .nulByte(
          line: line, column: Self.column(of: position, lineStart: lineStart, in: base))
      }
      if unescapedStart >= 0 { unescaped.append(byte) }
      position += 1
      if byte == Self.lineFeed {
        line += 1
        lineStart = position
      } else if byte == Self.carriageReturn {
        if position < end && base[position] == Self.lineFeed {
          if unescapedStart >= 0 { unescaped.append(Self.lineFeed) }
          position += 1
        }
        line += 1
        lineStart = position
      }
    }
    // `position` is at the closing quote.
    if unescapedStart >= 0 {
      appendField(~unescapedStart, ~unescaped.count)
    } else {
      appendField(contentStart, position)
    }
    position += 1
    guard position < end else { return true }
    let next = base[position]
    if next == Self.comma {
      position += 1
      return false
    }
    guard next == Self.lineFeed || next == Self.carriageReturn else {
      throw Self.afterQuoteError(base, at: position, end: end, line: line, lineStart: lineStart)
    }
    position = Self.skipLineEnd(base, at: position, end: end)
    line += 1
    lineStart = position
    return true
  }

  /// Scans a field that does not start with a quote; returns whether the record ends after it.
  private mutating func scanUnquotedField(
    _ base: UnsafePointer<UInt8>, end: Int
  ) throws(CSVError) -> Bool {
    let fieldStart = position
    var position = position
    defer { self.position = position }
    while true {
      // Eight bytes at a time up to the first that may matter: one at most a comma (NUL, LF,
      // CR, quote, comma, but also space and some punctuation) or one that is not ASCII.
      while end - position >= 8 {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
        // A byte below 0x2D wraps to a set top bit; a borrow only ever flags bytes after a
        // flagged one, so the lowest flag is exact.
        let flags = ((word &- 0x2D2D_2D2D_2D2D_2D2D) | word) & 0x8080_8080_8080_8080
        if flags != 0 {
          position += flags.trailingZeroBitCount >> 3
          break
        }
        position += 8
      }
      guard position < end else { break }
      let byte = base[position]
      if byte > Self.comma {
        if byte < 0x80 {
          position += 1
          continue
        }
        let length = Self.scalarLength(base, at: position, end: end)
        guard length > 0 else {
          throw .invalidUTF8(
            line: line, column: Self.column(of: position, lineStart: lineStart, in: base))
        }
        position += length
        continue
      }
      switch byte {
      case Self.comma:
        appendField(fieldStart, position)
        position += 1
        return false
      case Self.lineFeed, Self.carriageReturn:
        appendField(fieldStart, position)
        position = Self.skipLineEnd(base, at: position, end: end)
        line += 1
        lineStart = position
        return true
      case Self.quote:
        throw .unexpectedQuote(
          line: line, column: Self.column(of: position, lineStart: lineStart, in: base))
      case 0:
        throw .nulByte(
          line: line, column: Self.column(of: position, lineStart: lineStart, in: base))
      default:
        position += 1
      }
    }
    // The input ends inside an unquoted field (possibly an empty one after a comma).
    appendField(fieldStart, position)
    return true
  }

  /// Records the bounds of the field just scanned.
  @inline(__always)
  private mutating func appendField(_ start: Int, _ end: Int) {
    if boundsCount + 2 > boundsCapacity {
      let grown = UnsafeMutablePointer<Int>.allocate(capacity: 2 * boundsCapacity)
      grown.moveInitialize(from: bounds, count: boundsCount)
      bounds.deallocate()
      bounds = grown
      boundsCapacity *= 2
    }
    bounds[boundsCount] = start
    bounds[boundsCount + 1] = end
    boundsCount += 2
  }

  /// The error for a byte that follows a closing quote but is no comma or line end. An encoding
  /// problem there is reported as such: it says more than "unexpected character".
  private static func afterQuoteError(
    _ base: UnsafePointer<UInt8>, at position: Int, end: Int, line: Int, lineStart: Int
  ) -> CSVError {
    let byte = base[position]
    let column = column(of: position, lineStart: lineStart, in: base)
    if byte == 0 {
      return .nulByte(line: line, column: column)
    }
    if byte >= 0x80 && scalarLength(base, at: position, end: end) == 0 {
      return .invalidUTF8(line: line, column: column)
    }
    return .unexpectedCharacterAfterQuote(line: line, column: column)
  }

  /// The position after the line end (LF, CRLF or lone CR) at `position`.
  @inline(__always)
  private static func skipLineEnd(
    _ base: UnsafePointer<UInt8>, at position: Int, end: Int
  ) -> Int {
    if base[position] == carriageReturn && position + 1 < end && base[position + 1] == lineFeed {
      return position + 2
    }
    return position + 1
  }

  /// The byte length of the well-formed UTF-8 sequence of a non-ASCII scalar starting at
  /// `position`, or 0 when it is ill-formed (Unicode Table 3-7: no overlong forms, surrogates or
  /// scalars above U+10FFFF, and no sequence cut off by the end of the input).
  @inline(__always)
  private static func scalarLength(_ base: UnsafePointer<UInt8>, at position: Int, end: Int) -> Int
  {
    let lead = base[position]
    let length: Int
    var secondRange: ClosedRange<UInt8> = 0x80...0xBF
    switch lead {
    case 0xC2...0xDF:
      length = 2
    case 0xE0:
      length = 3
      secondRange = 0xA0...0xBF
    case 0xE1...0xEC, 0xEE...0xEF:
      length = 3
    case 0xED:
      length = 3
      secondRange = 0x80...0x9F
    case 0xF0:
      length = 4
      secondRange = 0x90...0xBF
    case 0xF1...0xF3:
      length = 4
    case 0xF4:
      length = 4
      secondRange = 0x80...0x8F
    default:
      return 0
    }
    guard end - position >= length, secondRange.contains(base[position + 1]) else { return 0 }
    for offset in 2..<length where base[position + offset] & 0xC0 != 0x80 {
      return 0
    }
    return length
  }

  /// The 1-based column of the byte at `offset`, counted in Unicode scalars from `lineStart`
  /// (every byte before `offset` has already been validated, so each lead byte starts a scalar).
  private static func column(
    of offset: Int, lineStart: Int, in base: UnsafePointer<UInt8>
  ) -> Int {
    var scalars = 0
    for index in lineStart..<offset where base[index] & 0xC0 != 0x80 {
      scalars += 1
    }
    return scalars + 1
  }

  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")
  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
}

extension CSVRecordScanner {
  /// One record of the input: its line and the unescaped bytes of each field. It points into the
  /// scanner's input and buffers, so it is only valid inside ``CSVRecordScanner/withRecord(in:_:)``.
  struct Record {
    /// The 1-based physical line on which the record starts.
    let line: Int
    /// The input's first byte.
    private let input: UnsafePointer<UInt8>?
    /// The scanner's buffer of unescaped fields; `nil` when it is empty.
    private let unescaped: UnsafePointer<UInt8>?
    /// Two entries per field, see `CSVRecordScanner.bounds`.
    private let bounds: UnsafeBufferPointer<Int>

    /// Wraps the scanner's view of one record.
    fileprivate init(
      line: Int, input: UnsafePointer<UInt8>?, unescaped: UnsafePointer<UInt8>?,
      bounds: UnsafeBufferPointer<Int>
    ) {
      self.line = line
      self.input = input
      self.unescaped = unescaped
      self.bounds = bounds
    }

    /// How many fields the record holds (at least 1: an empty line is not a record).
    var fieldCount: Int { bounds.count / 2 }

    /// The unescaped bytes of field `index`; empty when the record has no such field.
    @inline(__always)
    subscript(field index: Int) -> UnsafeBufferPointer<UInt8> {
      guard index >= 0, index < fieldCount else { return UnsafeBufferPointer(start: nil, count: 0) }
      let start = bounds[2 * index]
      let end = bounds[2 * index + 1]
      // A record only exists in a non-empty input, and a negative start only once a doubled
      // quote was unescaped, so the base pointer used is never nil.
      if start >= 0 {
        return UnsafeBufferPointer(start: input! + start, count: end - start)
      }
      return UnsafeBufferPointer(start: unescaped! + ~start, count: ~end - ~start)
    }

    /// Whether every field is empty or only spaces and tabs: the rows a spreadsheet leaves
    /// behind (`,,,,`). Stops at the first field with content, which for a data row is
    /// almost always the first.
    var isBlank: Bool {
      for index in 0..<fieldCount where !self[field: index].isBlankField {
        return false
      }
      return true
    }

    /// Every field as a string, in order.
    var strings: [String] {
      (0..<fieldCount).map { String(decoding: self[field: $0], as: UTF8.self) }
    }
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// Whether the bytes are empty or only ASCII spaces and tabs.
  @inline(__always)
  fileprivate var isBlankField: Bool {
    for byte in self where byte != 0x20 && byte != 0x09 {
      return false
    }
    return true
  }
}
