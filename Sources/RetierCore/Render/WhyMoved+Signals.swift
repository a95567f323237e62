extension WhyMoved {
  /// The rule that set the ARR signal, in plain words with this quarter's figures, e.g.
  /// `ARR of 120,000 is in the top quartile (3 of 20 accounts have more; the quartile is the top
  /// 5)`.
  func arrRuleText(_ index: Int) -> String {
    var text = TextBuffer(capacity: 160)
    writeARRRule(index, to: &text)
    return text.string
  }

  /// Appends ``arrRuleText(_:)`` to `text`.
  func writeARRRule(_ index: Int, to text: inout TextBuffer) {
    let account = result.book.accounts[index]
    let rubric = result.configuration.rubric
    let lines = result.cutLines
    text.append("ARR of ", .amount(account.arr))
    switch result.scores[index].arrRule {
    case .negativeMargin:
      let hours = ExactDecimal(millionths: Int128(account.usage.supportHundredths ?? 0) * 10_000)
      text.append(
        " less the yearly support cost of ", .amount(yearlySupportCost(index)), " (4 × ", hours,
        " support hours × ", rubric.supportHourCost, ") is below zero")
    case .topDecile:
      text.append(
        " is in the top decile (", strictlyGreaterCount(than: account.arr), " of ",
        lines.accountCount, " accounts have more; the decile is the top ", lines.topDecileCount,
        ")")
    case .topQuartile:
      text.append(
        " is in the top quartile (", strictlyGreaterCount(than: account.arr), " of ",
        lines.accountCount, " accounts have more; the quartile is the top ",
        lines.topQuartileCount, ")")
    case .healthy:
      text.append(
        " is at least ", rubric.healthyMedianRatio, " × the median of ", .amount(lines.median),
        " (", .amount(lines.healthyARR), ")")
    case .nearFloor:
      text.append(
        " is at or near the contract floor: at most ", rubric.floorRatio, " × ",
        .amount(rubric.minContractARR), " (", .amount(lines.floorARR), ")")
    case .belowMedian:
      text.append(
        " is below ", rubric.healthyMedianRatio, " × the median of ", .amount(lines.median), " (",
        .amount(lines.healthyARR), ") and above the contract floor (", .amount(lines.floorARR),
        ")")
    }
  }

  /// Appends the strategic-fit signal in plain words.
  func writeFitText(_ index: Int, to text: inout TextBuffer) {
    text.append("strategic fit ", result.scores[index].fit, " as recorded in the CRM")
  }

  /// Appends the rule that set the expansion-ceiling signal, in plain words with the account's
  /// figures.
  func writeExpansionRule(_ index: Int, to text: inout TextBuffer) {
    let account = result.book.accounts[index]
    let rubric = result.configuration.rubric
    let usage = account.usage
    switch result.scores[index].expansionRule {
    case .sponsorLost:
      text.append("the executive sponsor is lost (sunset), whatever the ceiling")
    case .decliningUsage:
      text.append(
        "active users fell from ", usage.activeUsersPreviousQuarter ?? 0, " to ",
        usage.activeUsers ?? 0, ", below ", rubric.usageDeclineRatio, " × last quarter ",
        "(declining usage), whatever the ceiling")
    case .multiBUHeadroom:
      text.append("multi-BU with ")
      writeCeiling(account, or: "a ceiling", to: &text)
      text.append(", at least ", .amount(rubric.multiBUHeadroom), " above ARR")
    case .clearPath:
      writeCeiling(account, or: "the ceiling", to: &text)
      text.append(" is at least ", rubric.clearPathRatio, " × ARR (clear path to growth)")
    case .modestExpansion:
      writeCeiling(account, or: "the ceiling", to: &text)
      text.append(
        " is at least ", rubric.modestExpansionRatio, " × ARR but below ", rubric.clearPathRatio,
        " × (modest expansion)")
    case .nearSeatCap:
      text.append(
        "ceiling unknown; ", usage.activeUsers ?? 0, " active users of ", usage.licensedSeats ?? 0,
        " licensed seats is at least ", rubric.seatCapRatio, " × seats (near the seat cap)")
    case .maxedOut:
      if account.expansionCeiling != nil {
        writeCeiling(account, or: "", to: &text)
        text.append(" is below ", rubric.modestExpansionRatio, " × ARR (mostly maxed out)")
      } else {
        text.append("ceiling unknown and usage not near the seat cap (mostly maxed out)")
      }
    }
  }

  /// `a ceiling of 120,000`, or `unknown` when the account has no ceiling.
  private func writeCeiling(_ account: Account, or unknown: String, to text: inout TextBuffer) {
    if let ceiling = account.expansionCeiling {
      text.append("a ceiling of ", .amount(ceiling))
    } else {
      text.append(unknown)
    }
  }

  /// `4 × support_hours × support_hour_cost`, rounded toward zero to the cent.
  func yearlySupportCost(_ index: Int) -> Money {
    let hundredths = Int128(result.book.accounts[index].usage.supportHundredths ?? 0)
    let cost = result.configuration.rubric.supportHourCost.millionths
    return Money(cents: 4 * hundredths * cost / ExactDecimal.scale)
  }

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

  /// `text` with every control character and line or paragraph separator turned into a space
  /// and the ends trimmed: safe for one CSV cell, a table cell or one line of prose.
  static func oneLine(_ text: String) -> String {
    // Most text has no control character, separator or space at either end: return it as is.
    let utf8 = text.utf8
    if utf8.first != 0x20, utf8.last != 0x20,
      !utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 })
    {
      return text
    }
    var buffer = TextBuffer(capacity: utf8.count)
    buffer.append(.oneLine(text))
    return buffer.string
  }
}
