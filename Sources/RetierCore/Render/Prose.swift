/// Text helpers for prose a person reads: tier labels, money in whole units, and input text
/// made safe for one line.
enum Prose {
  /// `Tier 1 (Gold)` for `configuration`, or `Tier 1` when the tier has no name.
  static func tierLabel(_ tier: Int, in configuration: Configuration) -> String {
    let name = oneLine(configuration.tier(tier).name)
    return name.isEmpty ? "Tier \(tier)" : "Tier \(tier) (\(name))"
  }

  /// Money for prose: whole units grouped by thousands, cents only when there are any
  /// (`1,234,567`, `56,000.40`).
  static func amount(_ money: Money) -> String {
    var text = TextBuffer(capacity: 32)
    text.append(.amount(money))
    return text.string
  }

  /// A configured amount for prose: grouped like ``amount(_:)-swift.type.method`` when it is
  /// whole cents, its exact digits otherwise.
  static func amount(_ value: ExactDecimal) -> String {
    var text = TextBuffer(capacity: 32)
    text.append(.amount(value))
    return text.string
  }

  /// `text` with every control character, line or paragraph separator and bidirectional control
  /// (``ControlCharacters/isControl(_:)``) turned into a space
  /// and the ends trimmed: safe for one CSV cell, a table cell or one line of prose.
  static func oneLine(_ text: String) -> String {
    // Most text has no control character, separator or space at either end: return it as is.
    let utf8 = text.utf8
    if utf8.first != 0x20, utf8.last != 0x20,
      !utf8.contains(where: ControlCharacters.mayStartControl)
    {
      return text
    }
    var buffer = TextBuffer(capacity: utf8.count)
    buffer.append(.oneLine(text))
    return buffer.string
  }
}
