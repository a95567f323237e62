extension Comparison {
  /// The comparison as GitHub-flavoured Markdown, the two sides in adjacent columns: what
  /// `retier compare` prints and writes with `--out`. `quarter` titles it.
  package func markdown(quarter: FiscalQuarter) -> String {
    let sides = [base, alternative]
    let labels = sides.map { ReviewMemo.escaped($0.label) }
    var text = "# What-if for \(quarter.label): \(labels[0]) and \(labels[1])\n\n"
    text += "The same drop decided twice: under \(labels[0]) and under \(labels[1]). "
    text += "Nothing was written but this comparison.\n\n"
    text += tierCountsSection(labels) + "\n" + movementsSection(labels) + "\n"
    text += seatsSection(labels) + "\n" + capacitySection(labels) + "\n"
    text += balanceSection(labels) + "\n" + landingSection(labels)
    return text
  }

  /// `Tier 2 (Silver)` on a side, or `–` when its ladder has no such tier.
  private func label(_ side: ComparisonSide, _ tier: Int) -> String {
    tier <= side.tierCount ? ReviewMemo.escaped(side.tierLabels[tier - 1]) : "–"
  }

  /// Tier numbers present on either side.
  private var tierNumbers: ClosedRange<Int> { 1...max(base.tierCount, alternative.tierCount) }

  private func tierCountsSection(_ labels: [String]) -> String {
    var rows = tierNumbers.map { tier -> [String] in
      let counts = [base, alternative].map { side in
        tier <= side.tierCount ? side.validPerTier[tier] : 0
      }
      return [
        "Tier \(tier)", label(base, tier), String(counts[0]), label(alternative, tier),
        String(counts[1]), ReviewMemo.signed(counts[1] - counts[0]),
      ]
    }
    let rejected = [base.rejectedCount, alternative.rejectedCount]
    rows.append([
      "rejected", "keep their CRM tier", String(rejected[0]), "keep their CRM tier",
      String(rejected[1]), ReviewMemo.signed(rejected[1] - rejected[0]),
    ])
    return "## Valid accounts per tier after the re-tier\n\n"
      + ReviewMemo.table(
        ["tier", "ladder: \(labels[0])", labels[0], "ladder: \(labels[1])", labels[1], "change"],
        rows, rightAligned: [2, 4, 5])
  }

  private func movementsSection(_ labels: [String]) -> String {
    let figures: [(String, (TierCounts) -> Int)] = [
      ("promotions", { $0.promotions }), ("demotions", { $0.demotions }),
      ("first placements", { $0.firstPlacements }),
    ]
    let rows = figures.map { name, figure in
      let values = [figure(base.counts), figure(alternative.counts)]
      return [name, String(values[0]), String(values[1]), ReviewMemo.signed(values[1] - values[0])]
    }
    return "## Movements\n\n"
      + ReviewMemo.table(
        ["movement", labels[0], labels[1], "change"], rows, rightAligned: [1, 2, 3])
  }

  private func seatsSection(_ labels: [String]) -> String {
    let tiers = Set((base.caps + alternative.caps).map(\.tier)).sorted()
    guard !tiers.isEmpty else { return "## Seats\n\nNo tier is capped on either side.\n" }
    func cell(_ side: ComparisonSide, _ tier: Int) -> [String] {
      guard let cap = side.caps.first(where: { $0.tier == tier }) else {
        return ["uncapped", "–", "–"]
      }
      let bound: String
      switch cap.bound {
      case .share: bound = "max share"
      case .capacity: bound = "CSM capacity"
      case .both: bound = "both equal"
      }
      return ["\(cap.seats) (\(bound))", String(cap.seated), String(cap.displaced)]
    }
    let rows = tiers.map { tier in ["Tier \(tier)"] + cell(base, tier) + cell(alternative, tier) }
    return "## Seats and the bound that binds\n\n"
      + ReviewMemo.table(
        [
          "tier", "seats: \(labels[0])", "seated", "moved down", "seats: \(labels[1])", "seated",
          "moved down",
        ], rows, rightAligned: [2, 3, 5, 6])
  }

  private func capacitySection(_ labels: [String]) -> String {
    var rows: [[String]] = []
    for tier in tierNumbers {
      let cells = [base, alternative].map { side -> CapacityRow? in
        tier <= side.capacity.count ? side.capacity[tier - 1] : nil
      }
      let figures: [(String, (CapacityRow) -> String)] = [
        ("accounts", { String($0.accounts) }),
        ("ARR", { Self.wholeUnits($0.arr.cents * 2) }),
        ("active CSMs", { String($0.activeCSMs) }),
        ("CSMs short", { String($0.csmsShort) }),
        ("unassigned", { String($0.unassigned) }),
        (
          "coverage cost",
          { $0.coverageCostShare.map(CapacityTable.roundedPercentText) ?? "–" }
        ),
      ]
      for (name, figure) in figures {
        rows.append(["Tier \(tier)", name] + cells.map { $0.map(figure) ?? "–" })
      }
    }
    return "## Capacity and coverage cost\n\n"
      + ReviewMemo.table(["tier", "figure", labels[0], labels[1]], rows, rightAligned: [2, 3])
  }

  private func balanceSection(_ labels: [String]) -> String {
    var rows: [[String]] = []
    for tier in tierNumbers {
      let balances = [base, alternative].map { side in side.balances.first { $0.tier == tier } }
      guard balances.contains(where: { $0 != nil }) else { continue }
      rows += Self.balanceRows(
        tier, "accounts per CSM", balances.map { $0?.accounts }, text: Self.count)
      rows += Self.balanceRows(
        tier, "ARR per CSM", balances.map { $0?.arrCents }, text: Self.wholeUnits, spread: true)
    }
    guard !rows.isEmpty else {
      return "## Book balance per tier\n\nNo named tier on either side.\n"
    }
    return "## Book balance per tier\n\n"
      + ReviewMemo.table(["tier", "figure", labels[0], labels[1]], rows, rightAligned: [2, 3])
      + "\nOver each named tier's active CSMs (a CSM with no account counts as 0); CV is the "
      + "coefficient of variation, σ ÷ mean (population σ), rounded to thousandths; the spread "
      + "is max ÷ mean, as memo.md's capacity table gives it.\n"
  }

  /// The min, median, max and CV rows of one figure of one tier; `text` writes a doubled value
  /// (so that a median between two values stays exact).
  private static func balanceRows(
    _ tier: Int, _ kind: String, _ figures: [BalanceFigures?], text: (Int128) -> String,
    spread: Bool = false
  ) -> [[String]] {
    func row(_ name: String, _ cell: (BalanceFigures) -> String) -> [String] {
      ["Tier \(tier)", "\(kind): \(name)"] + figures.map { $0.map(cell) ?? "pooled or absent" }
    }
    return [
      row("min") { $0.minimum.map { text($0 * 2) } ?? "–" },
      row("median") { $0.doubledMedian.map(text) ?? "–" },
      row("max") { $0.maximum.map { text($0 * 2) } ?? "–" },
    ] + (spread ? [row("spread") { $0.spreadThousandths.map(thousandths) ?? "–" }] : [])
      + [row("CV") { $0.coefficientOfVariationThousandths.map(thousandths) ?? "–" }]
  }

  /// A doubled count, exactly: `7`, `7.5`.
  private static func count(_ doubled: Int128) -> String {
    doubled % 2 == 0 ? String(doubled / 2) : "\(doubled / 2).5"
  }

  /// Doubled cents as whole units rounded half up, grouped: `1,880,546`.
  private static func wholeUnits(_ doubledCents: Int128) -> String {
    // units = round(doubledCents / 200), half away from zero.
    let magnitude = doubledCents.magnitude
    let units = Int128((magnitude + 100) / 200)
    return Money(cents: (doubledCents < 0 ? -units : units) * 100).groupedWholeUnits
  }

  private func landingSection(_ labels: [String]) -> String {
    var text = "## Accounts landing in a different tier\n\n"
    text += ReviewMemo.counted(landingCount, "account")
    text += landingCount == 1 ? " lands in a different tier" : " land in a different tier"
    guard landingCount > 0 else { return text + ".\n" }
    text +=
      landingCount > landings.count
      ? "; the first \(landings.count) by ARR:\n\n" : ", by ARR:\n\n"
    let rows = landings.map { landing -> [String] in
      let baseTier: String = landing.baseTier.map { "Tier \($0)" } ?? "not valid"
      let alternativeTier: String = landing.alternativeTier.map { "Tier \($0)" } ?? "not valid"
      let reason: String = landing.alternativeReason.map { "`\($0)`" } ?? "–"
      return [
        ReviewMemo.escaped(landing.accountID), ReviewMemo.escaped(landing.name),
        Self.wholeUnits(landing.arrCents * 2), baseTier, alternativeTier, reason,
      ]
    }
    return text
      + ReviewMemo.table(
        ["account", "name", "ARR", labels[0], labels[1], "reason: \(labels[1])"], rows,
        rightAligned: [2])
  }

  /// `0.125` from 125 thousandths.
  private static func thousandths(_ value: Int128) -> String {
    let fraction = String(value % 1_000)
    return "\(value / 1_000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
  }
}
