/// An exact amount of money in integer cents.
///
/// Money is never held in binary floating point: sums and threshold comparisons must be exact
/// (SPEC §2), and `Int128` leaves room for a million accounts of the largest accepted amount.
package struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The amount in cents; negative for credits.
  var cents: Int128

  /// Creates an amount from cents.
  init(cents: Int128) {
    self.cents = cents
  }

  /// Creates an amount from whole currency units.
  init(units: Int) {
    self.cents = Int128(units) * 100
  }

  /// Zero.
  static let zero = Money(cents: 0)

  /// The largest number of integer digits accepted in a money field: far beyond any real ARR,
  /// small enough that no sum or scaled comparison can overflow.
  static let maximumIntegerDigits = 15

  package static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

  /// The amount rounded half up to whole units, as ``groupedWholeUnits`` reads it.
  var roundedToWholeUnits: Money {
    let (units, remainder) = cents.magnitude.quotientAndRemainder(dividingBy: 100)
    let rounded = Int128(remainder >= 50 ? units + 1 : units) * 100
    return Money(cents: cents < 0 ? -rounded : rounded)
  }

  /// The least whole-unit amount at or above this one: a path back names an amount a person
  /// says, and an amount at least as high as the least one still reaches every "at least" rule.
  var roundedUpToWholeUnits: Money {
    let remainder = cents % 100
    guard remainder != 0 else { return self }
    return Money(cents: cents - remainder + (cents > 0 ? 100 : 0))
  }
  static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
  package static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
  static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }

  /// The amount with exactly two decimals and no grouping, e.g. `-1234.50`.
  package var description: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    appendDescription(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The amount rounded half up to whole units with thousands separators, for tables, e.g.
  /// `1,234,567`.
  var groupedWholeUnits: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(32)
    appendGroupedWholeUnits(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }
}
