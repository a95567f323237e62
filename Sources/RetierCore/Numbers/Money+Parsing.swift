extension Money {
  /// Parses a plain decimal with at most two decimals (`1234`, `1234.5`, `-12.34`), no currency
  /// symbol, no grouping, no exponent, no surrounding spaces. Returns `nil` when the text is not
  /// money.
  init?(bytes: Span<UInt8>) {
    guard let value = FixedPointParser.parse(bytes, maximumFractionDigits: 2, allowsSign: true)
    else { return nil }
    self.init(cents: value)
  }

  /// Parses money from text; see ``init(bytes:)``.
  init?(_ text: String) {
    self.init(bytes: text.utf8.span)
  }
}

/// Parses fixed-point decimals from ASCII bytes into an integer scaled by 10^`maximumFractionDigits`.
enum FixedPointParser {
  /// Returns the value scaled by 10^`maximumFractionDigits`, or `nil` when the bytes are not a
  /// decimal with at most that many fraction digits and at most ``Money/maximumIntegerDigits``
  /// integer digits.
  static func parse(
    _ bytes: Span<UInt8>, maximumFractionDigits: Int, allowsSign: Bool
  ) -> Int128? {
    var index = 0
    var negative = false
    if allowsSign, index < bytes.count, bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    var integerDigits = 0
    var value: Int128 = 0
    while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
      // Checked before the digit is added, so that a long run of digits is refused instead of
      // overflowing `Int128`.
      guard integerDigits < Money.maximumIntegerDigits else { return nil }
      value = value * 10 + Int128(bytes[index] - 48)
      integerDigits += 1
      index += 1
    }
    guard integerDigits > 0 else { return nil }
    var fractionDigits = 0
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
        guard fractionDigits < maximumFractionDigits else { return nil }
        value = value * 10 + Int128(bytes[index] - 48)
        fractionDigits += 1
        index += 1
      }
      // "12." is not a plain decimal.
      guard fractionDigits > 0 else { return nil }
    }
    guard index == bytes.count else { return nil }
    for _ in fractionDigits..<maximumFractionDigits { value *= 10 }
    return negative ? -value : value
  }
}
