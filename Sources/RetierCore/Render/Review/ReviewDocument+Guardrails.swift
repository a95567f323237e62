extension ReviewDocument {
  /// Cap use, soft bands, ARR rank against tier, the low-ARR / high-expansion quadrant, CRM
  /// drift, the score distribution, and the accounts within one point of a line with their
  /// final tier and reason.
  static func guardrails(_ context: ReviewContext) -> ReviewSection {
    var blocks = capUse(context)
    blocks += softBands(context)
    blocks += arrRankGaps(context)
    blocks += growthQuadrant(context)
    blocks += crmDrift(context)
    blocks += scoreDistribution(context)
    blocks += nearLines(context)
    return ReviewSection(heading: Heading.guardrails, blocks: blocks)
  }

  /// An interim's guardrails: its cap use, and where the book-wide ones are (they judge the
  /// whole book, which an interim's moved accounts are not).
  static func interimGuardrails(_ context: ReviewContext) -> ReviewSection {
    ReviewSection(
      heading: Heading.guardrails,
      blocks: capUse(context) + [
        .paragraph(
          .words(
            "Soft bands, ARR rank against tier, the low-ARR / high-expansion quadrant, CRM "
              + "drift and the accounts near a line judge the whole book: not computed for an "
              + "interim re-score; the completed \(context.result.quarter.label) run's memo has "
              + "them."))
      ])
  }

  /// Seats, use and overrides of every capped tier, which bound holds for a tier capped by
  /// capacity, and a warning when overrides pass the cap.
  static func capUse(_ context: ReviewContext) -> [ReviewBlock] {
    let result = context.result
    var blocks: [ReviewBlock] = [.subheading("Cap use")]
    let reports = result.tiering.capReports
    guard !reports.isEmpty else { return blocks + [.paragraph("No tier has a hard cap.")] }
    var warnings: [ReviewBlock] = []
    let rows = reports.map { report -> [ReviewCell] in
      let status: ReviewCell
      if report.isOverriddenPastCap {
        status = .status(ReviewWording.overCap, warning: true)
        warnings.append(
          .warning(
            .words(
              "Warning: Tier \(report.tier) holds \(report.seatedCount) accounts for "
                + "\(report.seats) seats: \(report.overrideCount) overrides are honoured past "
                + "the cap.")))
      } else if report.seatedCount == report.seats {
        status = .status(ReviewWording.full, warning: false)
      } else {
        status = .status("\(report.seats - report.seatedCount) free", warning: false)
      }
      return [
        .input(context.tierLabel(report.tier)),
        .share(result.configuration.tier(report.tier).maxShare.map(ReviewWording.percent) ?? "–"),
        .count(report.seats), .count(report.seatedCount), .count(report.overrideCount),
        .count(report.displaced.count), status,
      ]
    }
    blocks.append(
      .table(
        ReviewTable(
          [
            ReviewWording.Column.tier, "max share", "seats", "seated", "overrides",
            "moved down by the cap", "status",
          ],
          numeric: [1, 2, 3, 4, 5], rows: rows)))
    let byCapacity = reports.filter { $0.capacitySeats != nil }
    var spans: [ReviewText.Span] = [
      .words(
        result.interim == nil
          ? "Seats are ⌊max share × \(result.book.ledger.count) valid accounts⌋"
          : "Seats are the completed \(result.quarter.label) run's (⌊max share × its valid "
            + "accounts⌋)")
    ]
    if !byCapacity.isEmpty {
      spans += [
        .words(" or, for a tier with "), .code("cap_by_capacity"),
        .words(
          ", the summed capacity of its active CSMs (each CSM's max accounts, else the tier "
            + "default), whichever is smaller"),
      ]
    }
    spans.append(.words("; overrides take seats first and are honoured even past the cap."))
    blocks.append(.paragraph(ReviewText(spans)))
    if !byCapacity.isEmpty {
      blocks.append(.list(byCapacity.map { capacityBound($0, context) }))
    }
    return blocks + warnings
  }

  /// Which bound holds for a tier capped by capacity, e.g. `Tier 2 (Silver): capacity of 3
  /// active CSMs: 240 seats; max share 30% gives 300; the capacity bound binds (240 seats).`
  static func capacityBound(_ report: CapReport, _ context: ReviewContext) -> ReviewText {
    let configuration = context.result.configuration
    let csms = context.result.book.roster.count { $0.isActive && $0.tier == report.tier }
    var line = "capacity of \(counted(csms, "active CSM")): "
    line += counted(report.capacitySeats ?? 0, "seat")
    if let shareSeats = report.shareSeats, let share = configuration.tier(report.tier).maxShare {
      line += "; max share \(ReviewWording.percent(share)) gives \(shareSeats)"
    }
    switch report.bindingBound {
    case .capacity: line += "; the capacity bound binds"
    case .share: line += "; the max-share bound binds"
    case .both: line += "; both bounds give the same seats"
    }
    return ReviewText([
      .input(context.tierLabel(report.tier)),
      .words(": " + line + " (\(counted(report.seats, "seat")))."),
    ])
  }

  /// Each tier's share of valid accounts against its expected band (a warning only).
  static func softBands(_ context: ReviewContext) -> [ReviewBlock] {
    let configuration = context.result.configuration
    var blocks: [ReviewBlock] = [.subheading("Soft bands")]
    let banded = (1...configuration.tierCount).compactMap { tier in
      configuration.tier(tier).expectedShare.map { (tier, $0) }
    }
    guard !banded.isEmpty else {
      return blocks + [.paragraph("No tier has an expected share.")]
    }
    let total = context.result.ledger.count
    blocks.append(
      .table(
        ReviewTable(
          [
            ReviewWording.Column.tier, "expected share", ReviewWording.Column.accounts, "share",
            "status",
          ], numeric: [2, 3],
          rows: banded.map { tier, band in
            let count = context.counts.after[tier]
            let inside = band.contains(count, of: total)
            return [
              .input(context.tierLabel(tier)),
              .share("\(ReviewWording.percent(band.low))–\(ReviewWording.percent(band.high))"),
              .count(count), .share(ReviewWording.percent(count, of: total)),
              .status(inside ? ReviewWording.inside : ReviewWording.outside, warning: !inside),
            ]
          })))
    blocks.append(
      .paragraph(
        .words(
          "Shares of the \(counted(total, "valid account")); outside the band is a warning "
            + "only.")))
    return blocks
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

  /// The valid accounts whose ARR-rank tier (`rankTiers`, from ``arrRankTiers(_:)``) and
  /// assigned tier are more than one tier apart, by account id.
  static func arrRankGapRefs(
    _ result: RunResult, rankTiers: AccountColumn<Int>
  ) -> [AccountRef] {
    result.ledger.refs.filter {
      abs(rankTiers[$0] - result.ledger.decisions.finalTier($0)) > 1
    }
  }

  /// Accounts whose ARR-rank tier and assigned tier are more than one tier apart.
  static func arrRankGaps(_ context: ReviewContext) -> [ReviewBlock] {
    let result = context.result
    let ledger = result.ledger
    let rankTiers = arrRankTiers(result)
    let gaps = arrRankGapRefs(result, rankTiers: rankTiers)
    var blocks: [ReviewBlock] = [
      .subheading("ARR rank against tier"),
      .paragraph(
        .words(
          "The ARR-rank tier is the tier an account would hold if the tiers were filled purely "
            + "by ARR rank (highest ARR first, ties by account id) with this run's final number "
            + "of accounts per tier. \(counted(gaps.count, "account")) "
            + "\(gaps.count == 1 ? "sits" : "sit") more than one tier away from it.")),
    ]
    guard !gaps.isEmpty else { return blocks }
    blocks += cappedTable(
      ReviewTable(
        [
          ReviewWording.Column.account, ReviewWording.Column.name,
          context.money(ReviewWording.Column.arr), "ARR-rank tier", ReviewWording.Column.tier,
          ReviewWording.Column.reason,
        ],
        numeric: [2, 3, 4], rows: []), gaps, limit: context.limit
    ) { ref in
      let decision = ledger.decisions[ref]
      return [
        .input(ledger.id(ref)), .input(ledger.name(ref)), .amount(ledger.arr(ref)),
        .count(rankTiers[ref]), .count(decision.finalTier),
        .text(.code(decision.reason.description)),
      ]
    }
    return blocks
  }

  /// The valid accounts scoring 2 or less on ARR (on usage, for those scored on usage) and 4 or
  /// more on expansion, by account id.
  static func growthQuadrantRefs(_ result: RunResult) -> [AccountRef] {
    result.ledger.refs.filter {
      result.ledger.scores[$0].arr <= 2 && result.ledger.scores[$0].expansion >= 4
    }
  }

  /// Accounts scoring 2 or less on ARR and 4 or more on expansion, for review by hand.
  static func growthQuadrant(_ context: ReviewContext) -> [ReviewBlock] {
    let result = context.result
    let ledger = result.ledger
    let quadrant = growthQuadrantRefs(result)
    var blocks: [ReviewBlock] = [
      .subheading("Low ARR, high expansion"),
      .paragraph(
        .words(
          "Accounts scoring \(result.rubric.lowFirstScorePhrase) and 4 or more on expansion "
            + "ceiling: small today, large potential; the rubric cannot weigh that, so review "
            + "them by hand. \(counted(quadrant.count, "account")).")),
    ]
    guard !quadrant.isEmpty else { return blocks }
    blocks += cappedTable(
      ReviewTable(
        [
          ReviewWording.Column.account, ReviewWording.Column.name,
          context.money(ReviewWording.Column.arr), context.money("ceiling"), "ARR score",
          "expansion", ReviewWording.Column.total, ReviewWording.Column.tier,
        ], numeric: [2, 3, 4, 5, 6, 7], rows: []), quadrant, limit: context.limit
    ) { ref in
      let account = ledger[ref]
      let scores = ledger.scores[ref]
      return [
        .input(account.id), .input(account.name), .amount(account.arr),
        account.expansionCeiling.map { .amount($0) } ?? .words("unknown"),
        .share(Rubric.firstScoreCell(scores)), .count(scores.expansion),
        .share(scores.total.description), .count(ledger.decisions.finalTier(ref)),
      ]
    }
    return blocks
  }

  /// Accounts whose CRM tier differs from the tier the previous run gave them.
  static func crmDrift(_ context: ReviewContext) -> [ReviewBlock] {
    var blocks: [ReviewBlock] = [.subheading("CRM drift")]
    guard let drifted = context.result.previousRun?.crmDrift else {
      return blocks + [.paragraph("No previous run: nothing to compare.")]
    }
    blocks.append(
      .paragraph(
        ReviewText([
          .words("Accounts whose "), .code("current_tier"), .words(" in the CRM differs from the "),
          .code("to_tier"),
          .words(
            " the previous run gave them (changed by hand, or the previous run was not "
              + "imported): \(drifted.count)."),
        ])))
    guard !drifted.isEmpty else { return blocks }
    blocks += cappedTable(
      ReviewTable(
        [
          ReviewWording.Column.account, ReviewWording.Column.name, ReviewWording.Column.previousRun,
          "CRM now", ReviewWording.Column.thisRun,
        ], numeric: [2, 3, 4], rows: []),
      drifted, limit: context.limit
    ) { drifted in
      let row = drifted.row
      return [
        .input(row.accountID), .input(row.accountName), .count(drifted.previousTier),
        row.fromTier.map { .count($0) } ?? .words("blank"),
        row.toTier.map { .count($0) } ?? .none,
      ]
    }
    return blocks
  }

  /// The rubric tier of a total: the highest tier whose line it reaches (the last tier when it
  /// reaches none).
  static func rubricTier(of total: ExactDecimal, _ configuration: Configuration) -> Int {
    (1...configuration.tierCount).first { configuration.tier($0).minScore <= total }
      ?? configuration.tierCount
  }

  /// The distribution of total scores, coloured by the tier line each total reaches.
  static func scoreDistribution(_ context: ReviewContext) -> [ReviewBlock] {
    let configuration = context.result.configuration
    let distribution = ScoreDistribution(context.result)
    let total = context.result.ledger.count
    return [
      .subheading("Score distribution"),
      .chart(
        .scores(distribution),
        numbers: ReviewTable(
          [
            ReviewWording.Column.totalScore, ReviewWording.Column.accounts, "share",
            "reaches the line of",
          ],
          numeric: [0, 1, 2],
          rows: distribution.bins.map { bin in
            [
              .share(bin.total.description), .count(bin.accounts),
              .share(ReviewWording.percent(bin.accounts, of: total)),
              .input(context.tierLabel(rubricTier(of: bin.total, configuration))),
            ]
          })),
      .note(
        "A total's tier line is the rubric's; an account's tier can still differ by an "
          + "override, the new-logo hold, skipped reviews or a cap."),
    ]
  }
}
