extension ReviewMemo {
  /// Cap use, soft bands, ARR rank against tier, the low-ARR / high-expansion quadrant and CRM
  /// drift.
  static func guardrails(_ result: RunResult, explainer: WhyMoved) -> String {
    guard result.interim == nil else {
      return ["## Guardrails\n", capUse(result), interimGuardrails(result) + "\n"]
        .joined(separator: "\n")
    }
    return [
      "## Guardrails\n", capUse(result), softBands(result), arrRankGaps(result),
      growthQuadrant(result), crmDrift(result),
    ]
    .joined(separator: "\n")
  }

  /// Seats, use and overrides of every capped tier, with a warning when overrides pass the cap.
  static func capUse(_ result: RunResult) -> String {
    var text = "### Cap use\n\n"
    let reports = result.tiering.capReports
    guard !reports.isEmpty else { return text + "No tier has a hard cap.\n" }
    var warnings: [String] = []
    let rows = reports.map { report in
      let share = result.configuration.tier(report.tier).maxShare.map(percent) ?? "–"
      let status: String
      if report.isOverriddenPastCap {
        status = "**warning: over the cap**"
        warnings.append(
          "**Warning:** Tier \(report.tier) holds \(report.seatedCount) accounts for "
            + "\(report.seats) seats: \(report.overrideCount) overrides are honoured past the "
            + "cap.")
      } else if report.seatedCount == report.seats {
        status = "full"
      } else {
        status = "\(report.seats - report.seatedCount) free"
      }
      return [
        escaped(WhyMoved.tierLabel(report.tier, in: result.configuration)), share,
        String(report.seats), String(report.seatedCount), String(report.overrideCount),
        String(report.displaced.count), status,
      ]
    }
    text += table(
      ["tier", "max share", "seats", "seated", "overrides", "moved down by the cap", "status"],
      rows, rightAligned: [1, 2, 3, 4, 5])
    text +=
      result.interim == nil
      ? "\nSeats are ⌊max share × \(result.book.ledger.count) valid accounts⌋"
      : "\nSeats are the completed \(result.quarter.label) run's (⌊max share × its valid "
        + "accounts⌋)"
    let byCapacity = reports.filter { $0.capacitySeats != nil }
    if !byCapacity.isEmpty {
      text += " or, for a tier with `cap_by_capacity`, the summed capacity of its active CSMs "
      text += "(each CSM's max accounts, else the tier default), whichever is smaller"
    }
    text += "; overrides take seats first and are honoured even past the cap.\n"
    if !byCapacity.isEmpty {
      text += "\n" + byCapacity.map { capacityBound($0, result) }.joined(separator: "\n") + "\n"
    }
    if !warnings.isEmpty { text += "\n" + warnings.joined(separator: "\n\n") + "\n" }
    return text
  }

  /// What an interim's guardrails say in place of the book-wide ones: those judge the whole
  /// book, which an interim's moved accounts are not.
  static func interimGuardrails(_ result: RunResult) -> String {
    "Soft bands, ARR rank against tier, the low-ARR / high-expansion quadrant and CRM drift "
      + "judge the whole book: not computed for an interim re-score; the completed "
      + "\(result.quarter.label) run's memo has them."
  }

  /// What an interim's capacity section says before its table: its counts are the moved
  /// accounts', so its flags do not describe the tiers' books.
  static func interimCapacity(_ result: RunResult) -> String {
    "Of the moved accounts only: the flags compare them alone with each band, not the tiers' "
      + "books (the completed \(result.quarter.label) run's memo has those)."
  }

  /// Which bound holds for a tier capped by capacity, e.g. `- Tier 2 (Silver): capacity of 3
  /// active CSMs: 240 seats; max share 30% gives 300; the capacity bound binds (240 seats).`
  static func capacityBound(_ report: CapReport, _ result: RunResult) -> String {
    let configuration = result.configuration
    let csms = result.book.roster.count { $0.isActive && $0.tier == report.tier }
    var line = "- \(escaped(WhyMoved.tierLabel(report.tier, in: configuration))): "
    line += "capacity of \(counted(csms, "active CSM")): "
    line += counted(report.capacitySeats ?? 0, "seat")
    if let shareSeats = report.shareSeats, let share = configuration.tier(report.tier).maxShare {
      line += "; max share \(percent(share)) gives \(shareSeats)"
    }
    switch report.bindingBound {
    case .capacity: line += "; the capacity bound binds"
    case .share: line += "; the max-share bound binds"
    case .both: line += "; both bounds give the same seats"
    }
    return line + " (\(counted(report.seats, "seat")))."
  }

  /// Each tier's share of valid accounts against its expected band (a warning only).
  static func softBands(_ result: RunResult) -> String {
    var text = "### Soft bands\n\n"
    let configuration = result.configuration
    let banded = (1...configuration.tierCount).filter {
      configuration.tier($0).expectedShare != nil
    }
    guard !banded.isEmpty else { return text + "No tier has an expected share.\n" }
    let total = result.ledger.count
    var counts = [Int](repeating: 0, count: configuration.tierCount + 1)
    for ref in result.ledger.refs { counts[result.ledger.decisions.finalTier(ref)] += 1 }
    var rows: [[String]] = []
    for tier in banded {
      guard let band = configuration.tier(tier).expectedShare else { continue }
      let inside = band.contains(counts[tier], of: total)
      rows.append([
        escaped(WhyMoved.tierLabel(tier, in: configuration)),
        "\(percent(band.low))–\(percent(band.high))", String(counts[tier]),
        percent(counts[tier], of: total), inside ? "inside" : "**warning: outside**",
      ])
    }
    text += table(
      ["tier", "expected share", "accounts", "share", "status"], rows, rightAligned: [2, 3])
    text += "\nShares of the \(counted(total, "valid account")); outside the band is a warning "
    text += "only.\n"
    return text
  }

  /// The tier every valid account would hold if the tiers were filled purely by ARR rank with
  /// this run's final count per tier (ARR desc, then account id).
  static func arrRankTiers(_ result: RunResult) -> AccountColumn<Int> {
    let ledger = result.ledger
    let tierCount = result.configuration.tierCount
    var remaining = [Int](repeating: 0, count: tierCount + 1)
    for ref in ledger.refs { remaining[ledger.decisions.finalTier(ref)] += 1 }
    var tiers = AccountColumn(repeating: tierCount, count: ledger.count)
    var tier = 1
    for ref in ledger.refsByARRDescending() {
      while tier < tierCount, remaining[tier] == 0 { tier += 1 }
      tiers[ref] = tier
      remaining[tier] -= 1
    }
    return tiers
  }

  /// Accounts whose ARR-rank tier and assigned tier are more than one tier apart.
  static func arrRankGaps(_ result: RunResult) -> String {
    let rankTiers = arrRankTiers(result)
    let ledger = result.ledger
    let gaps = arrRankGapRefs(result, rankTiers: rankTiers)
    var text = "### ARR rank against tier\n\n"
    text += "The ARR-rank tier is the tier an account would hold if the tiers were filled purely "
    text += "by ARR rank (highest ARR first, ties by account id) with this run's final number of "
    text += "accounts per tier. \(counted(gaps.count, "account")) "
    text += "\(gaps.count == 1 ? "sits" : "sit") more than one tier away from it"
    guard !gaps.isEmpty else { return text + ".\n" }
    text += ":\n\n"
    let (shown, more) = capped(gaps, limit: result.configuration.memoListLimit)
    text += table(
      [
        "account", "name", "ARR (\(escaped(result.configuration.currency)))", "ARR-rank tier",
        "tier", "reason",
      ],
      shown.map { ref in
        let decision = result.ledger.decisions[ref]
        return [
          escaped(ledger.id(ref)), escaped(ledger.name(ref)),
          WhyMoved.amount(ledger.arr(ref)), String(rankTiers[ref]),
          String(decision.finalTier), "`\(decision.reason)`",
        ]
      }, rightAligned: [2, 3, 4])
    if let more { text += "\n" + more + "\n" }
    return text
  }

  /// Accounts scoring 2 or less on ARR and 4 or more on expansion, for review by hand.
  static func growthQuadrant(_ result: RunResult) -> String {
    let ledger = result.ledger
    let quadrant = growthQuadrantRefs(result)
    var text = "### Low ARR, high expansion\n\n"
    text += "Accounts scoring \(result.rubric.lowFirstScorePhrase) and 4 or more on expansion "
    text += "ceiling: small today, "
    text += "large potential; the rubric cannot weigh that, so review them by hand. "
    text += counted(quadrant.count, "account")
    guard !quadrant.isEmpty else { return text + ".\n" }
    text += ":\n\n"
    let (shown, more) = capped(quadrant, limit: result.configuration.memoListLimit)
    text += table(
      [
        "account", "name", "ARR (\(escaped(result.configuration.currency)))",
        "ceiling (\(escaped(result.configuration.currency)))", "ARR score", "expansion", "total",
        "tier",
      ],
      shown.map { ref in
        let account = ledger[ref]
        let scores = result.ledger.scores[ref]
        return [
          escaped(account.id), escaped(account.name), WhyMoved.amount(account.arr),
          account.expansionCeiling.map { WhyMoved.amount($0) } ?? "unknown",
          Rubric.firstScoreCell(scores),
          String(scores.expansion), scores.total.description,
          String(result.ledger.decisions.finalTier(ref)),
        ]
      }, rightAligned: [2, 3, 4, 5, 6, 7])
    if let more { text += "\n" + more + "\n" }
    return text
  }

  /// Accounts whose CRM tier differs from the tier the previous run gave them.
  static func crmDrift(_ result: RunResult) -> String {
    var text = "### CRM drift\n\n"
    guard let drifted = result.previousRun?.crmDrift else {
      return text + "No previous run: nothing to compare.\n"
    }
    text += "Accounts whose `current_tier` in the CRM differs from the `to_tier` the previous "
    text += "run gave them (changed by hand, or the previous run was not imported): "
    text += "\(drifted.count)"
    guard !drifted.isEmpty else { return text + ".\n" }
    text += ".\n\n"
    let (shown, more) = drifted.capped(limit: result.configuration.memoListLimit)
    text += table(
      ["account", "name", "previous run", "CRM now", "this run"],
      shown.map { drifted in
        let row = drifted.row
        return [
          escaped(row.accountID), escaped(row.accountName), String(drifted.previousTier),
          row.fromTier.map(String.init) ?? "blank", row.toTier.map(String.init) ?? "–",
        ]
      }, rightAligned: [2, 3, 4])
    if let more { text += "\n" + more + "\n" }
    return text
  }
}
