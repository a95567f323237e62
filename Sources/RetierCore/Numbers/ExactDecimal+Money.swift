extension ExactDecimal {
  /// The amount as an exact decimal of currency units.
  package init(_ money: Money) {
    self.init(millionths: money.cents * 10_000)
  }

  /// The value as money when it has at most two decimals; `nil` otherwise.
  package var exactMoney: Money? {
    millionths % 10_000 == 0 ? Money(cents: millionths / 10_000) : nil
  }

  /// `self × money`, rounded toward zero to the cent (for display, never for a comparison).
  package func times(_ money: Money) -> Money {
    Money(cents: millionths * money.cents / ExactDecimal.scale)
  }

  /// Whether `lhs ≥ ratio × rhs`, exactly, for any two exact quantities expressed in the same
  /// integer unit (cents, users, hours).
  static func isAtLeast(_ lhs: Int128, ratio: ExactDecimal, of rhs: Int128) -> Bool {
    lhs * scale >= ratio.millionths * rhs
  }

  /// Whether `lhs < ratio × rhs`, exactly; see ``isAtLeast(_:ratio:of:)``.
  static func isBelow(_ lhs: Int128, ratio: ExactDecimal, of rhs: Int128) -> Bool {
    !isAtLeast(lhs, ratio: ratio, of: rhs)
  }
}
