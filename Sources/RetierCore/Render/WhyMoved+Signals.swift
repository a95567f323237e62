extension WhyMoved {
  /// The rule that set the ARR signal, in plain words with this quarter's figures, e.g.
  /// `ARR of 120,000 is in the top quartile (3 of 20 accounts have more; the quartile is the top
  /// 5)`.
  package func arrRuleText(_ index: Int) -> String {
    let account = result.book.accounts[index]
    let rubric = result.configuration.rubric
    let lines = result.cutLines
    let arr = "ARR of \(Self.amount(account.arr))"
    let median = "\(rubric.healthyMedianRatio) × the median of \(Self.amount(lines.median))"
    switch result.scores[index].arrRule {
    case .negativeMargin:
      let hours = ExactDecimal(millionths: Int128(account.usage.supportHundredths ?? 0) * 10_000)
      return "\(arr) less the yearly support cost of \(Self.amount(yearlySupportCost(index))) "
        + "(4 × \(hours) support hours × \(rubric.supportHourCost)) is below zero"
    case .topDecile:
      return "\(arr) is in the top decile (\(strictlyGreaterCount(than: account.arr)) of "
        + "\(lines.accountCount) accounts have more; the decile is the top \(lines.topDecileCount))"
    case .topQuartile:
      return "\(arr) is in the top quartile (\(strictlyGreaterCount(than: account.arr)) of "
        + "\(lines.accountCount) accounts have more; the quartile is the top "
        + "\(lines.topQuartileCount))"
    case .healthy:
      return "\(arr) is at least \(median) (\(Self.amount(lines.healthyARR)))"
    case .nearFloor:
      return "\(arr) is at or near the contract floor: at most \(rubric.floorRatio) × "
        + "\(Self.amount(rubric.minContractARR)) (\(Self.amount(lines.floorARR)))"
    case .belowMedian:
      return "\(arr) is below \(median) (\(Self.amount(lines.healthyARR))) and above the "
        + "contract floor (\(Self.amount(lines.floorARR)))"
    }
  }

  /// The strategic-fit signal in plain words.
  package func fitText(_ index: Int) -> String {
    "strategic fit \(result.scores[index].fit) as recorded in the CRM"
  }

  /// The rule that set the expansion-ceiling signal, in plain words with the account's figures.
  package func expansionRuleText(_ index: Int) -> String {
    let account = result.book.accounts[index]
    let rubric = result.configuration.rubric
    let usage = account.usage
    let ceiling = account.expansionCeiling.map { "a ceiling of \(Self.amount($0))" }
    switch result.scores[index].expansionRule {
    case .sponsorLost:
      return "the executive sponsor is lost (sunset), whatever the ceiling"
    case .decliningUsage:
      return "active users fell from \(usage.activeUsersPreviousQuarter ?? 0) to "
        + "\(usage.activeUsers ?? 0), below \(rubric.usageDeclineRatio) × last quarter "
        + "(declining usage), whatever the ceiling"
    case .multiBUHeadroom:
      return "multi-BU with \(ceiling ?? "a ceiling"), at least "
        + "\(Self.amount(rubric.multiBUHeadroom)) above ARR"
    case .clearPath:
      return "\(ceiling ?? "the ceiling") is at least \(rubric.clearPathRatio) × ARR "
        + "(clear path to growth)"
    case .modestExpansion:
      return "\(ceiling ?? "the ceiling") is at least \(rubric.modestExpansionRatio) × ARR but "
        + "below \(rubric.clearPathRatio) × (modest expansion)"
    case .nearSeatCap:
      return "ceiling unknown; \(usage.activeUsers ?? 0) active users of "
        + "\(usage.licensedSeats ?? 0) licensed seats is at least \(rubric.seatCapRatio) × seats "
        + "(near the seat cap)"
    case .maxedOut:
      if let ceiling {
        return "\(ceiling) is below \(rubric.modestExpansionRatio) × ARR (mostly maxed out)"
      }
      return "ceiling unknown and usage not near the seat cap (mostly maxed out)"
    }
  }

  /// `4 × support_hours × support_hour_cost`, rounded toward zero to the cent.
  package func yearlySupportCost(_ index: Int) -> Money {
    let hundredths = Int128(result.book.accounts[index].usage.supportHundredths ?? 0)
    let cost = result.configuration.rubric.supportHourCost.millionths
    return Money(cents: 4 * hundredths * cost / ExactDecimal.scale)
  }

  /// `Tier 1 (Gold)`, or `Tier 1` when the tier has no name.
  package func tierLabel(_ tier: Int) -> String { Self.tierLabel(tier, in: result.configuration) }

  /// `Tier 1 (Gold)` for `configuration`, or `Tier 1` when the tier has no name.
  package static func tierLabel(_ tier: Int, in configuration: Configuration) -> String {
    let name = oneLine(configuration.tier(tier).name)
    return name.isEmpty ? "Tier \(tier)" : "Tier \(tier) (\(name))"
  }

  /// Money for prose: whole units grouped by thousands, cents only when there are any
  /// (`1,234,567`, `56,000.40`).
  package static func amount(_ money: Money) -> String {
    let cents = money.cents < 0 ? -money.cents : money.cents
    guard cents % 100 != 0 else { return money.groupedWholeUnits }
    let whole = money.groupedWholeUnits
    let sign = money.cents < 0 && !whole.hasPrefix("-") ? "-" : ""
    return sign + whole + "." + money.description.suffix(2)
  }

  /// A configured amount for prose: grouped like ``amount(_:)-swift.type.method`` when it is
  /// whole cents, its exact digits otherwise.
  package static func amount(_ value: ExactDecimal) -> String {
    value.exactMoney.map { amount($0) } ?? value.description
  }

  /// `text` with every control character and line or paragraph separator turned into a space
  /// and the ends trimmed: safe for one CSV cell, a table cell or one line of prose.
  package static func oneLine(_ text: String) -> String {
    // Most text has no control character, separator or space at either end: return it as is.
    let utf8 = text.utf8
    if utf8.first != 0x20, utf8.last != 0x20,
      !utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 })
    {
      return text
    }
    let input = Array(utf8)
    var output: [UInt8] = []
    output.reserveCapacity(input.count)
    var offset = 0
    while offset < input.count {
      let byte = input[offset]
      // C0 controls and DEL; C1 controls (U+0080–U+009F, C2 80–9F); U+2028 and U+2029
      // (E2 80 A8–A9). The input is valid UTF-8, so whole sequences are replaced.
      var width = 0
      if byte < 0x20 || byte == 0x7F {
        width = 1
      } else if byte == 0xC2, offset + 1 < input.count, (0x80...0x9F).contains(input[offset + 1]) {
        width = 2
      } else if byte == 0xE2, offset + 2 < input.count, input[offset + 1] == 0x80,
        (0xA8...0xA9).contains(input[offset + 2])
      {
        width = 3
      }
      if width == 0 {
        output.append(byte)
        offset += 1
      } else {
        output.append(0x20)
        offset += width
      }
    }
    let space: UInt8 = 0x20
    guard let first = output.firstIndex(where: { $0 != space }),
      let last = output.lastIndex(where: { $0 != space })
    else { return "" }
    if first == 0, last == input.count - 1, output.count == input.count, output == input {
      return text
    }
    return String(decoding: output[first...last], as: UTF8.self)
  }

}
