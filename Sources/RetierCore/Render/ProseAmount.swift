/// An amount as prose writes it (``Prose/amount(_:)-swift.type.method``): whole units grouped
/// by thousands, cents only when there are any, and a configured decimal that is not whole cents
/// in its exact digits. In a buffer that speaks whole units (the account memos, SPEC §6) money
/// is rounded half up to whole units, unless it is ``kept`` because it and the line it is
/// compared with would round to the same unit.
enum ProseAmount: TextFragment {
  /// Money, in cents.
  case money(Money)
  /// A configured amount, in millionths.
  case decimal(ExactDecimal)
  /// Money whose cents decide a comparison: written with its cents even when spoken.
  case kept(Money)

  /// Appends the amount.
  func write(to text: inout TextBuffer) {
    switch self {
    case .money(let money):
      Self.write(money, to: &text)
    case .kept(let money):
      money.appendProse(to: &text.bytes)
    case .decimal(let value):
      if let money = value.exactMoney {
        Self.write(money, to: &text)
      } else {
        value.appendDescription(to: &text.bytes)
      }
    }
  }

  private static func write(_ money: Money, to text: inout TextBuffer) {
    if text.speaksWholeUnits {
      money.appendGroupedWholeUnits(to: &text.bytes)
    } else {
      money.appendProse(to: &text.bytes)
    }
  }

  /// A figure and the line it is compared with: both whole units, or both with their cents
  /// where they differ but would round to the same unit (so `199,999.60` is not read as
  /// reaching `200,000`).
  static func compared(_ figure: Money, with line: Money) -> (ProseAmount, ProseAmount) {
    let keepsCents = figure != line && figure.groupedWholeUnits == line.groupedWholeUnits
    return keepsCents ? (.kept(figure), .kept(line)) : (.money(figure), .money(line))
  }
}

extension TextFragment where Self == ProseAmount {
  /// `money` for prose: `1,234,567`, `56,000.40`.
  static func amount(_ money: Money) -> ProseAmount { .money(money) }

  /// A configured amount for prose: grouped like money when it is whole cents, its exact digits
  /// otherwise.
  static func amount(_ value: ExactDecimal) -> ProseAmount { .decimal(value) }
}
