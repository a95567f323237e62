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
        + (balanceCells(row, configuration: configuration).map {
          ", ARR per CSM min \($0[2]) median \($0[3]) max \($0[4]) spread \($0[5]) CV \($0[6]), "
            + "\(row.held) held"
        } ?? "")
      if !row.flags.isEmpty { line += "; flags: \(row.flags.joined(separator: ", "))" }
      return line
    }
    return tierLines + hiringSignals(rows, configuration: configuration)
  }

  /// The table in GitHub-flavoured Markdown for `memo.md`, followed by a blank line and the
  /// hiring signal (a bullet per short tier, or a sentence saying no tier is short); ends with a
  /// newline.
  static func markdown(_ rows: [CapacityRow], configuration: Configuration) -> String {
    let currency = ReviewMemo.escaped(configuration.currency)
    var lines = [
      "| Tier | Accounts | ARR (\(currency)) | CSMs | Accounts/CSM (band) | ARR/CSM, \(currency) (band) "
        + "| CSMs short | Coverage cost (max) | Flags |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows {
      let definition = configuration.tier(row.tier)
      let benchmark = definition.benchmark
      var flags = row.flags
      if row.unassigned > 0 { flags.append("\(row.unassigned) unassigned") }
      let cells = [
        tierLabel(row.tier, configuration: configuration)
          + (definition.coverage == .pooled ? ", pooled" : ""),
        String(row.accounts),
        row.arr.groupedWholeUnits,
        String(row.activeCSMs),
        (row.accountsPerCSM.map(oneDecimalText) ?? "—")
          + bandSuffix(benchmark.accountsPerCSM, text: { $0.description }, prefix: " ("),
        (row.arrPerCSM?.groupedWholeUnits ?? "—")
          + bandSuffix(benchmark.arrPerCSM, text: groupedUnits, prefix: " ("),
        String(row.csmsShort),
        (row.coverageCostShare.map(roundedPercentText) ?? "—")
          + (benchmark.maximumCoverageCostShare.map { " (≤ \(percentText($0)))" } ?? ""),
        flags.isEmpty ? "—" : flags.joined(separator: "; "),
      ]
      lines.append("| " + cells.map(markdownCell).joined(separator: " | ") + " |")
    }
    let balance = rows.compactMap { balanceCells($0, configuration: configuration) }
    if !balance.isEmpty {
      lines += ["", balanceCaption(configuration), ""]
      lines.append("| " + balanceHeader(configuration).joined(separator: " | ") + " |")
      lines.append(
        "|---|" + String(repeating: "---:|", count: balanceHeader(configuration).count - 1))
      lines += balance.map { "| " + $0.map(markdownCell).joined(separator: " | ") + " |" }
    }
    lines.append("")
    let signals = hiringSignals(rows, configuration: configuration)
    if signals.isEmpty {
      lines.append("No tier is short of CSMs at its default capacity.")
    } else {
      lines += signals.map { "- \($0)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The sentence above the ARR balance table (SPEC §5 rule 2): what it shows and its limit.
  static func balanceCaption(_ configuration: Configuration) -> String {
    "ARR per active CSM of each named tier (a spread max ÷ mean above "
      + "\(configuration.arrSpreadMax.description) is flagged; held: accounts kept by a lock or "
      + "a renewal hold):"
  }

  /// The ARR balance table's header.
  static func balanceHeader(_ configuration: Configuration) -> [String] {
    let currency = ReviewMemo.escaped(configuration.currency)
    return [
      "Tier", "CSMs", "Min (\(currency))", "Median (\(currency))", "Max (\(currency))",
      "Spread (max ÷ mean)", "CV", "Held",
    ]
  }

  /// One row of the ARR balance table, `nil` for a pooled tier or one without CSMs: ARR per active CSM (min, median,
  /// max), the spread and the coefficient of variation (`compare`'s figures), and the accounts
  /// held by holds.
  static func balanceCells(_ row: CapacityRow, configuration: Configuration) -> [String]? {
    guard let balance = row.arrBalance, balance.count > 0 else { return nil }
    func money(_ cents: Int128?) -> String {
      cents.map { Money(cents: $0).groupedWholeUnits } ?? "—"
    }
    return [
      tierLabel(row.tier, configuration: configuration),
      String(balance.count),
      money(balance.minimum),
      money(balance.doubledMedian.map { roundedQuotient($0, 2) }),
      money(balance.maximum),
      balance.spreadThousandths.map(thousandthsText) ?? "—",
      balance.coefficientOfVariationThousandths.map(thousandthsText) ?? "—",
      String(row.held),
    ]
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

  /// A cell safe inside a Markdown table row: pipes escaped, line breaks flattened.
  private static func markdownCell(_ text: String) -> String {
    var cell = ""
    for character in text {
      switch character {
      case "|": cell += "\\|"
      case "\n", "\r", "\r\n": cell += " "
      default: cell.append(character)
      }
    }
    return cell
  }
}
