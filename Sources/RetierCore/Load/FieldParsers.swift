/// Parsers for the word and number fields of the drop (SPEC §2), straight from a field's bytes.
enum FieldParsers {
  /// `true` / `false`, case-insensitive.
  static func boolean(_ bytes: Span<UInt8>) -> Bool? {
    word(bytes, matches: "true") ? true : (word(bytes, matches: "false") ? false : nil)
  }

  /// `lost` → true, `active` → false, case-insensitive.
  static func sponsorLost(_ bytes: Span<UInt8>) -> Bool? {
    word(bytes, matches: "lost") ? true : (word(bytes, matches: "active") ? false : nil)
  }

  /// A non-negative integer of at most ``Money/maximumIntegerDigits`` digits.
  static func count(_ bytes: Span<UInt8>) -> Int? {
    fixedPoint(bytes, fractionDigits: 0, allowsSign: false)
  }

  /// Money with at most two decimals, possibly negative.
  static func money(_ bytes: Span<UInt8>) -> Money? {
    fixedPoint(bytes, fractionDigits: 2, allowsSign: true).map { Money(cents: Int128($0)) }
  }

  /// A non-negative decimal with at most two decimals, in hundredths (support hours).
  static func hundredths(_ bytes: Span<UInt8>) -> Int? {
    fixedPoint(bytes, fractionDigits: 2, allowsSign: false)
  }

  /// A strict `YYYY-MM-DD` date.
  static func date(_ bytes: Span<UInt8>) -> CalendarDate? {
    CalendarDate(isoBytes: bytes)
  }

  /// A plain decimal scaled by 10^`fractionDigits`, with the grammar of `FixedPointParser`: an
  /// optional `-` (when `allowsSign`), 1 to ``Money/maximumIntegerDigits`` digits, then
  /// optionally `.` and 1 to `fractionDigits` digits; nothing else.
  ///
  /// The digit limits keep every value below 10^17, so it is computed in `Int` rather than
  /// `Int128`, and over-long digit runs are refused before they could overflow.
  static func fixedPoint(
    _ bytes: Span<UInt8>, fractionDigits: Int, allowsSign: Bool
  ) -> Int? {
    let count = bytes.count
    var index = 0
    var negative = false
    if allowsSign, index < count, bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    let integerStart = index
    var value = 0
    while index < count {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10 else { break }
      guard index - integerStart < Money.maximumIntegerDigits else { return nil }
      value = value &* 10 &+ Int(digit)
      index += 1
    }
    guard index > integerStart else { return nil }
    var fraction = 0
    if index < count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < count {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { break }
        guard fraction < fractionDigits else { return nil }
        value = value &* 10 &+ Int(digit)
        fraction += 1
        index += 1
      }
      // "12." is not a plain decimal.
      guard fraction > 0 else { return nil }
    }
    guard index == count else { return nil }
    while fraction < fractionDigits {
      value &*= 10
      fraction += 1
    }
    return negative ? -value : value
  }

  /// Whether `bytes` equal the lowercase ASCII `word`, ignoring ASCII case.
  private static func word(_ bytes: Span<UInt8>, matches word: String) -> Bool {
    let expected = word.utf8.span
    guard bytes.count == expected.count else { return false }
    for index in bytes.indices where bytes[index] | 0x20 != expected[index] {
      return false
    }
    return true
  }
}
