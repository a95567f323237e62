/// Parsers for the word and number fields of the drop (SPEC §2).
package enum FieldParsers {
  /// `true` / `false`, case-insensitive.
  package static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    word(bytes, matches: "true") ? true : (word(bytes, matches: "false") ? false : nil)
  }

  /// `lost` → true, `active` → false, case-insensitive.
  package static func sponsorLost(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    word(bytes, matches: "lost") ? true : (word(bytes, matches: "active") ? false : nil)
  }

  /// A non-negative integer.
  package static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    FixedPointParser.parseCount(bytes)
  }

  /// Money with at most two decimals, possibly negative.
  package static func money(_ bytes: UnsafeBufferPointer<UInt8>) -> Money? {
    Money(bytes: bytes)
  }

  /// A non-negative decimal with at most two decimals, in hundredths (support hours).
  package static func hundredths(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    FixedPointParser.parse(bytes, maximumFractionDigits: 2, allowsSign: false).map { Int($0) }
  }

  /// A strict `YYYY-MM-DD` date.
  package static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
    CalendarDate(isoBytes: bytes)
  }

  /// Whether `bytes` equal the lowercase ASCII `word`, ignoring ASCII case.
  private static func word(_ bytes: UnsafeBufferPointer<UInt8>, matches word: StaticString) -> Bool
  {
    guard bytes.count == word.utf8CodeUnitCount else { return false }
    let expected = word.utf8Start
    for index in 0..<bytes.count where bytes[index] | 0x20 != expected[index] {
      return false
    }
    return true
  }
}
