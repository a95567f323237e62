/// An exact decimal with up to six fraction digits, used for configured ratios, weights, scores
/// and hours.
///
/// Stored as an integer number of millionths so that every threshold comparison is exact.
package struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The value in millionths.
  package var millionths: Int128

  /// 10^6, the fixed scale.
  static let scale: Int128 = 1_000_000

  /// The largest number of fraction digits a configured decimal may have.
  static let maximumFractionDigits = 6

  /// Creates a value from millionths.
  package init(millionths: Int128) {
    self.millionths = millionths
  }

  /// Creates a whole number.
  init(_ integer: Int) {
    self.millionths = Int128(integer) * Self.scale
  }

  /// Parses `12`, `0.1`, `-1.25`; `nil` when not a plain decimal with at most six fraction digits.
  init?(_ text: String) {
    let parsed = FixedPointParser.parse(
      text.utf8.span, maximumFractionDigits: Self.maximumFractionDigits, allowsSign: true)
    guard let parsed else { return nil }
    self.millionths = parsed
  }

  /// Zero.
  package static let zero = ExactDecimal(millionths: 0)

  package static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
    lhs.millionths < rhs.millionths
  }
  static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    ExactDecimal(millionths: lhs.millionths + rhs.millionths)
  }
  package static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    ExactDecimal(millionths: lhs.millionths - rhs.millionths)
  }

  /// The value times an integer, exact.
  package static func * (lhs: ExactDecimal, rhs: Int) -> ExactDecimal {
    ExactDecimal(millionths: lhs.millionths * Int128(rhs))
  }

  /// ⌈self × count⌉ for a non-negative count.
  func ceilingOfProduct(with count: Int) -> Int {
    let product = millionths * Int128(count)
    let quotient = product / Self.scale
    let remainder = product % Self.scale
    return Int(remainder > 0 ? quotient + 1 : quotient)
  }

  /// ⌊self × count⌋ for a non-negative count.
  func floorOfProduct(with count: Int) -> Int {
    let product = millionths * Int128(count)
    let quotient = product / Self.scale
    let remainder = product % Self.scale
    return Int(remainder < 0 ? quotient - 1 : quotient)
  }

  /// Shortest exact text: `12`, `0.1`, `-1.25`.
  package var description: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    appendDescription(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }
}
