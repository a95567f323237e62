extension CapacityTable {
  /// The table as plain-text lines for the run summary on stderr: one line per tier, then one
  /// hiring-signal sentence per short tier.
  package static func summaryLines(_ rows: [CapacityRow], configuration: Configuration) -> [String]
  {
    let tierLines = rows.map { row in
      let benchmark = configuration.tier(row.tier).benchmark
      var line =
        "\(tierLabel(row.tier, configuration: configuration)): \(row.accounts) accounts, "
        + "ARR \(row.arr.groupedWholeUnits), \(counted(row.activeCSMs, "active CSM")), "
        + "\(row.accountsPerCSM.map(oneDecimalText) ?? "-") accounts/CSM"
        + bandSuffix(benchmark.accountsPerCSM, text: { $0.description }, prefix: " (band ")
        + ", ARR/CSM \(row.arrPerCSM?.groupedWholeUnits ?? "-")"
        + bandSuffix(benchmark.arrPerCSM, text: groupedUnits, prefix: " (band ")
        + ", coverage cost \(row.coverageCostShare.map(roundedPercentText) ?? "-")"
        + (benchmark.maximumCoverageCostShare.map { " (max \(percentText($0)))" } ?? "")
        + ", \(counted(row.csmsShort, "CSM")) short, \(row.unassigned) unassigned"
        + (balanceTexts(row).map {
          ", ARR per CSM min \($0.minimum) median \($0.median) max \($0.maximum) spread "
            + "\($0.spread) CV \($0.coefficientOfVariation), \(row.held) held"
        } ?? "")
      if !row.flags.isEmpty { line += "; flags: \(row.flags.joined(separator: ", "))" }
      return line
    }
    return tierLines + hiringSignals(rows, configuration: configuration)
  }

  /// The sentence above the ARR balance table (SPEC §5 rule 2): what it shows and its limit.
  static func balanceCaption(_ configuration: Configuration) -> String {
    "ARR per active CSM of each named tier (a spread max ÷ mean above "
      + "\(configuration.arrSpreadMax.description) is flagged; held: accounts kept by a lock or "
      + "a renewal hold):"
  }

  /// A named tier's ARR per active CSM as text: min, median and max in whole units, the spread
  /// max ÷ mean and the coefficient of variation (`compare`'s figures); `—` where a figure is
  /// undefined.
  struct BalanceTexts {
    /// The smallest book's ARR.
    var minimum: String
    /// The median book's ARR.
    var median: String
    /// The largest book's ARR.
    var maximum: String
    /// Max ÷ mean, two decimals.
    var spread: String
    /// The coefficient of variation, two decimals.
    var coefficientOfVariation: String
  }

  /// The balance figures of `row`; `nil` for a pooled tier or one without active CSMs.
  static func balanceTexts(_ row: CapacityRow) -> BalanceTexts? {
    guard let balance = row.arrBalance, balance.count > 0 else { return nil }
    func money(_ cents: Int128?) -> String {
      cents.map { Money(cents: $0).groupedWholeUnits } ?? "—"
    }
    return BalanceTexts(
      minimum: money(balance.minimum),
      median: money(balance.doubledMedian.map { roundedQuotient($0, 2) }),
      maximum: money(balance.maximum),
      spread: balance.spreadThousandths.map(thousandthsText) ?? "—",
      coefficientOfVariation: balance.coefficientOfVariationThousandths.map(thousandthsText)
        ?? "—")
  }

  /// Thousandths as a decimal with two fraction digits, rounded half up: `1625` → `1.63`.
  static func thousandthsText(_ thousandths: Int128) -> String {
    let hundredths = roundedQuotient(thousandths, 10)
    let fraction = hundredths % 100
    return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
  }

  /// One sentence per tier that is short of CSMs, Tier 1 first.
  static func hiringSignals(_ rows: [CapacityRow], configuration: Configuration) -> [String] {
    rows.compactMap { hiringSignal($0, configuration: configuration) }
  }

  /// "Tier 2 (Silver) is 3 CSMs short: 175 accounts at 80 per CSM need 3, 0 are active.";
  /// `nil` when the tier is not short.
  static func hiringSignal(_ row: CapacityRow, configuration: Configuration) -> String? {
    guard row.csmsShort > 0 else { return nil }
    let capacity = configuration.tier(row.tier).capacity
    let needed = csmsNeeded(accounts: row.accounts, defaultCapacity: capacity)
    return "\(tierLabel(row.tier, configuration: configuration)) is "
      + "\(counted(row.csmsShort, "CSM")) short: \(counted(row.accounts, "account")) "
      + "at \(capacity) per CSM "
      + "need\(row.accounts == 1 ? "s" : "") \(needed), \(row.activeCSMs) "
      + "\(row.activeCSMs == 1 ? "is" : "are") active."
  }

  /// "Tier 2 (Silver)".
  static func tierLabel(_ tier: Int, configuration: Configuration) -> String {
    "Tier \(tier) (\(configuration.tier(tier).name))"
  }

  /// A decimal rounded half up to one fraction digit, without a trailing ".0": `10`, `58.3`.
  static func oneDecimalText(_ value: ExactDecimal) -> String {
    tenthsText(roundedQuotient(value.millionths, 100_000))
  }

  /// A share as a percentage rounded half up to one fraction digit: `7.5%`, `15%`.
  static func roundedPercentText(_ share: ExactDecimal) -> String {
    tenthsText(roundedQuotient(share.millionths, 1_000)) + "%"
  }

  /// A share as an exact percentage: `15%`, `2.5%`.
  static func percentText(_ share: ExactDecimal) -> String {
    ExactDecimal(millionths: share.millionths * 100).description + "%"
  }

  /// An amount of currency units with thousands separators and its exact fraction, if any:
  /// `1,500,000`, `2,500.5`.
  static func groupedUnits(_ value: ExactDecimal) -> String {
    let negative = value.millionths < 0
    let magnitude = ExactDecimal(millionths: negative ? -value.millionths : value.millionths)
    let whole = Money(cents: magnitude.millionths / ExactDecimal.scale * 100).groupedWholeUnits
    let text = magnitude.description
    let fraction = text.firstIndex(of: ".").map { String(text[$0...]) } ?? ""
    return (negative ? "-" : "") + whole + fraction
  }

  /// "1 CSM", "3 CSMs".
  private static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// `prefix` + the band (`8–20`, `≥ 200`, `≤ 20`) + `)`, or "" when both bounds are open.
  static func bandSuffix(
    _ bounds: ClosedBounds, text: (ExactDecimal) -> String, prefix: String
  ) -> String {
    switch (bounds.low, bounds.high) {
    case (let low?, let high?): "\(prefix)\(text(low))–\(text(high)))"
    case (let low?, nil): "\(prefix)≥ \(text(low)))"
    case (nil, let high?): "\(prefix)≤ \(text(high)))"
    case (nil, nil): ""
    }
  }

  /// A count of tenths as text: `75` → `7.5`, `150` → `15`.
  private static func tenthsText(_ tenths: Int128) -> String {
    let magnitude = tenths < 0 ? -tenths : tenths
    let sign = tenths < 0 ? "-" : ""
    let fraction = magnitude % 10
    return "\(sign)\(magnitude / 10)" + (fraction == 0 ? "" : ".\(fraction)")
  }
}
