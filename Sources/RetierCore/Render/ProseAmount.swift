/// An amount as prose writes it (``WhyMoved/amount(_:)-swift.type.method``): whole units grouped
/// by thousands, cents only when there are any, and a configured decimal that is not whole cents
/// in its exact digits.
enum ProseAmount: TextFragment {
  /// Money, in cents.
  case money(Money)
  /// A configured amount, in millionths.
  case decimal(ExactDecimal)

  /// Appends the amount.
  func write(to text: inout TextBuffer) {
    switch self {
    case .money(let money):
      money.appendProse(to: &text.bytes)
    case .decimal(let value):
      if let money = value.exactMoney {
        money.appendProse(to: &text.bytes)
      } else {
        value.appendDescription(to: &text.bytes)
      }
    }
  }
}

extension TextFragment where Self == ProseAmount {
  /// `money` for prose: `1,234,567`, `56,000.40`.
  static func amount(_ money: Money) -> ProseAmount { .money(money) }

  /// A configured amount for prose: grouped like money when it is whole cents, its exact digits
  /// otherwise.
  static func amount(_ value: ExactDecimal) -> ProseAmount { .decimal(value) }
}
