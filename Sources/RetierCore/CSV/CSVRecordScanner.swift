/// The single pass behind `CSVReader.parse`: walks the input bytes once, validates them, writes
/// unescaped field bytes to an output buffer and records field and row boundaries.
///
/// It works on raw pointers with no allocation per field because a quarterly drop can hold
/// millions of fields. UTF-8 is validated inline: a multi-byte sequence never contains an ASCII
/// byte, so it can be copied as a unit without affecting the CSV structure.
package struct CSVRecordScanner {
  /// The header cells, set once the first record has ended; `nil` while none has.
  package private(set) var header: [String]?
  /// Field boundaries in the output buffer, starting with 0 (see `CSVDocument.fieldOffsets`).
  package private(set) var fieldOffsets: [Int] = [0]
  /// The first field of each data row, plus one closing entry after a complete scan.
  package private(set) var rowFirstField: [Int] = []
  /// The 1-based physical line on which each data row starts.
  package private(set) var rowLines: [Int] = []

  /// Prepares a scanner, reserving room for a typical number of short fields.
  package init(inputByteCount: Int) {
    fieldOffsets.reserveCapacity(inputByteCount / 6 + 2)
    rowFirstField.reserveCapacity(inputByteCount / 50 + 2)
    rowLines.reserveCapacity(inputByteCount / 50 + 2)
  }

  /// Scans `input` and writes the unescaped data field bytes to `output`, which must have room
  /// for `input.count` bytes. Returns how many bytes it wrote.
  package mutating func scan(
    _ input: UnsafeBufferPointer<UInt8>,
    into output: UnsafeMutablePointer<UInt8>
  ) throws(CSVError) -> Int {
    guard let base = input.baseAddress else { return 0 }
    let end = input.count
    var position = Self.hasByteOrderMark(input) ? 3 : 0
    var written = 0
    var line = 1
    var lineStart = position

    recordLoop: while position < end {
      let first = base[position]
      if first == Self.lineFeed || first == Self.carriageReturn {
        // A completely empty physical line: skipped, but counted.
        position = Self.skipLineEnd(base, at: position, end: end)
        line += 1
        lineStart = position
        continue recordLoop
      }
      rowFirstField.append(fieldOffsets.count - 1)
      rowLines.append(line)

      fieldLoop: while true {
        if position < end && base[position] == Self.quote {
          let openingQuote = position
          let openingLine = line
          let openingLineStart = lineStart
          position += 1
          quotedLoop: while true {
            guard position < end else {
              throw .unterminatedQuote(
                line: openingLine,
                column: Self.column(of: openingQuote, lineStart: openingLineStart, in: base)
              )
            }
            let byte = base[position]
            if byte >= 0x80 {
              let length = Self.scalarLength(base, at: position, end: end)
              guard length > 0 else {
                throw .invalidUTF8(
                  line: line, column: Self.column(of: position, lineStart: lineStart, in: base))
              }
              (output + written).update(from: base + position, count: length)
              written += length
              position += length
              continue quotedLoop
            }
            if byte == Self.quote {
              guard position + 1 < end && base[position + 1] == Self.quote else {
                position += 1
                break quotedLoop
              }
              output[written] = Self.quote
              written += 1
              position += 2
              continue quotedLoop
            }
            if byte == 0 {
              throw .nulByte(
                line: line, column: Self.column(of: position, lineStart: lineStart, in: base))
            }
            output[written] = byte
            written += 1
            position += 1
            if byte == Self.lineFeed {
              line += 1
              lineStart = position
            } else if byte == Self.carriageReturn {
              if position < end && base[position] == Self.lineFeed {
                output[written] = Self.lineFeed
                written += 1
                position += 1
              }
              line += 1
              lineStart = position
            }
          }
          fieldOffsets.append(written)
          guard position < end else {
            written = endRecord(output: output, written: written)
            break recordLoop
          }
          let next = base[position]
          if next == Self.comma {
            position += 1
            continue fieldLoop
          }
          guard next == Self.lineFeed || next == Self.carriageReturn else {
            throw Self.afterQuoteError(
              base, at: position, end: end, line: line, lineStart: lineStart)
          }
          position = Self.skipLineEnd(base, at: position, end: end)
          line += 1
          lineStart = position
          written = endRecord(output: output, written: written)
          continue recordLoop
        }

        while position < end {
          let byte = base[position]
          if byte >= 0x80 {
            let length = Self.scalarLength(base, at: position, end: end)
            guard length > 0 else {
              throw .invalidUTF8(
                line: line, column: Self.column(of: position, lineStart: lineStart, in: base))
            }
            (output + written).update(from: base + position, count: length)
            written += length
            position += length
            continue
          }
          // Every special byte (NUL, LF, CR, quote, comma) is at most a comma; most text is above.
          if byte > Self.comma {
            output[written] = byte
            written += 1
            position += 1
            continue
          }
          switch byte {
          case Self.comma:
            fieldOffsets.append(written)
            position += 1
            continue fieldLoop
          case Self.lineFeed, Self.carriageReturn:
            fieldOffsets.append(written)
            position = Self.skipLineEnd(base, at: position, end: end)
            line += 1
            lineStart = position
            written = endRecord(output: output, written: written)
            continue recordLoop
          case Self.quote:
            throw .unexpectedQuote(
              line: line, column: Self.column(of: position, lineStart: lineStart, in: base))
          case 0:
            throw .nulByte(
              line: line, column: Self.column(of: position, lineStart: lineStart, in: base))
          default:
            output[written] = byte
            written += 1
            position += 1
          }
        }
        // The input ends inside an unquoted field (possibly an empty one after a comma).
        fieldOffsets.append(written)
        written = endRecord(output: output, written: written)
        break recordLoop
      }
    }
    rowFirstField.append(fieldOffsets.count - 1)
    return written
  }

  /// Closes the record just scanned. The first record is the header: it becomes strings and its
  /// bytes and boundaries are dropped so data rows count from 0. Returns the new output length.
  private mutating func endRecord(output: UnsafeMutablePointer<UInt8>, written: Int) -> Int {
    guard header == nil else { return written }
    header = (0..<fieldOffsets.count - 1).map { field in
      let start = fieldOffsets[field]
      let bytes = UnsafeBufferPointer(start: output + start, count: fieldOffsets[field + 1] - start)
      return String(decoding: bytes, as: UTF8.self)
    }
    fieldOffsets.removeAll(keepingCapacity: true)
    fieldOffsets.append(0)
    rowFirstField.removeAll(keepingCapacity: true)
    rowLines.removeAll(keepingCapacity: true)
    return 0
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

  /// Whether the input starts with the UTF-8 byte order mark.
  private static func hasByteOrderMark(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
    input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF
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
