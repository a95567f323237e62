extension ExactDecimal {
  /// Appends ``description``, the shortest exact text (`12`, `0.1`, `-1.25`), as UTF-8.
  func appendDescription(to bytes: inout [UInt8]) {
    if millionths < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = millionths.magnitude
    let whole: UInt128
    var fraction: UInt64
    // Every configured value fits in 64 bits, where division is much cheaper.
    if let small = UInt64(exactly: magnitude) {
      whole = UInt128(small / Self.unsignedScale)
      fraction = small % Self.unsignedScale
    } else {
      whole = magnitude / UInt128(Self.unsignedScale)
      fraction = UInt64(magnitude % UInt128(Self.unsignedScale))
    }
    DecimalDigits.append(magnitude: whole, to: &bytes)
    // Whole numbers (tier lines, most scores and hours) need no fraction digits at all.
    guard fraction != 0 else { return }
    var digitCount = Self.maximumFractionDigits
    while fraction % 10 == 0 {
      fraction /= 10
      digitCount -= 1
    }
    bytes.append(UInt8(ascii: "."))
    DecimalDigits.append(fraction, minimumDigits: digitCount, to: &bytes)
  }

  /// ``scale`` as an unsigned 64-bit number.
  private static let unsignedScale: UInt64 = 1_000_000
}
