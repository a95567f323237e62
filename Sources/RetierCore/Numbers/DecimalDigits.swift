/// Writes integers as ASCII decimal digits straight into a byte buffer, so that rendering a
/// million rows builds no intermediate `String` per number.
enum DecimalDigits {
  /// Appends `value` in decimal, with a leading `-` when it is negative.
  static func append(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(minus) }
    append(UInt64(value.magnitude), minimumDigits: 1, to: &bytes)
  }

  /// Appends `value` in decimal, with a leading `-` when it is negative; every `Int128` works,
  /// `Int128.min` included.
  static func append(_ value: Int128, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(minus) }
    append(magnitude: value.magnitude, to: &bytes)
  }

  /// Appends `magnitude` in decimal.
  static func append(magnitude: UInt128, to bytes: inout [UInt8]) {
    // Real amounts fit in 64 bits, where division is a single instruction.
    if let small = UInt64(exactly: magnitude) {
      append(small, minimumDigits: 1, to: &bytes)
      return
    }
    append(magnitude: magnitude / blockScale, to: &bytes)
    append(UInt64(magnitude % blockScale), minimumDigits: blockDigits, to: &bytes)
  }

  /// Appends `value` in decimal, padded with leading zeros to at least `minimumDigits` digits
  /// (at most 20).
  static func append(_ value: UInt64, minimumDigits: Int, to bytes: inout [UInt8]) {
    if value < 10, minimumDigits <= 1 {
      bytes.append(zero + UInt8(truncatingIfNeeded: value))
      return
    }
    // The digits come last first: they are appended that way, padded, and the run reversed in
    // place (appending a run of zeros to fill from its end went through the generic path).
    let start = bytes.count
    var rest = value
    repeat {
      bytes.append(zero + UInt8(truncatingIfNeeded: rest % 10))
      rest /= 10
    } while rest > 0
    while bytes.count - start < minimumDigits { bytes.append(zero) }
    var (low, high) = (start, bytes.count - 1)
    while low < high {
      bytes.swapAt(low, high)
      (low, high) = (low + 1, high - 1)
    }
  }

  /// Appends `magnitude` in decimal with a comma between groups of three digits, e.g.
  /// `1,234,567`.
  static func appendGrouped(magnitude: UInt128, to bytes: inout [UInt8]) {
    guard magnitude >= 1_000 else {
      append(UInt64(magnitude), minimumDigits: 1, to: &bytes)
      return
    }
    var digits: [UInt8] = []
    digits.reserveCapacity(40)
    append(magnitude: magnitude, to: &digits)
    bytes.reserveCapacity(bytes.count + digits.count + digits.count / 3)
    for (offset, digit) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { bytes.append(comma) }
      bytes.append(digit)
    }
  }

  /// The most digits a `UInt64` has.
  private static let maximumDigits = 20
  /// Numbers above `UInt64.max` are written in blocks of this many digits.
  private static let blockDigits = 19
  /// 10^19, the value of one block.
  private static let blockScale: UInt128 = 10_000_000_000_000_000_000
  private static let zero = UInt8(ascii: "0")
  private static let minus = UInt8(ascii: "-")
  private static let comma = UInt8(ascii: ",")
}
