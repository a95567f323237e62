extension Money {
  /// Appends ``description`` (`-1234.50`) as UTF-8.
  func appendDescription(to bytes: inout [UInt8]) {
    if cents < 0 { bytes.append(UInt8(ascii: "-")) }
    let (units, fraction) = Self.unitsAndCents(of: cents.magnitude)
    DecimalDigits.append(magnitude: units, to: &bytes)
    bytes.append(UInt8(ascii: "."))
    DecimalDigits.append(fraction, minimumDigits: 2, to: &bytes)
  }

  /// Appends ``groupedWholeUnits`` (`-1,234`) as UTF-8: the magnitude rounded half up to whole
  /// units (SPEC §6), so 1,880,545.50 reads 1,880,546.
  func appendGroupedWholeUnits(to bytes: inout [UInt8]) {
    let (units, fraction) = Self.unitsAndCents(of: cents.magnitude)
    let rounded = fraction >= 50 ? units + 1 : units
    if cents < 0, rounded > 0 { bytes.append(UInt8(ascii: "-")) }
    DecimalDigits.appendGrouped(magnitude: rounded, to: &bytes)
  }

  /// Appends the amount for prose: whole units grouped by thousands, and the cents only when
  /// there are any (`1,234,567`, `-56,000.40`).
  func appendProse(to bytes: inout [UInt8]) {
    if cents < 0 { bytes.append(UInt8(ascii: "-")) }
    let (units, fraction) = Self.unitsAndCents(of: cents.magnitude)
    DecimalDigits.appendGrouped(magnitude: units, to: &bytes)
    guard fraction != 0 else { return }
    bytes.append(UInt8(ascii: "."))
    DecimalDigits.append(fraction, minimumDigits: 2, to: &bytes)
  }

  /// Whole units and the remaining cents of a magnitude in cents.
  private static func unitsAndCents(of magnitude: UInt128) -> (units: UInt128, cents: UInt64) {
    // Every real amount fits in 64 bits, where division is much cheaper.
    if let small = UInt64(exactly: magnitude) {
      return (UInt128(small / 100), small % 100)
    }
    return (magnitude / 100, UInt64(magnitude % 100))
  }
}
