extension ReviewDocument {
  /// The across-quarter section (SPEC §8): the tier scorecard, the re-elevation watch and the
  /// flapping accounts against the previous complete run; each says what it could not compute
  /// and why (no previous run, one that failed verification, an old run.json).
  static func acrossQuarters(_ context: ReviewContext) -> ReviewSection {
    let result = context.result
    var blocks: [ReviewBlock] = []
    guard let previous = result.previousRun else {
      let none = noPreviousRun(result)
      for title in ["Tier scorecard", "Re-elevation watch", "Flapping"] {
        blocks += [.subheading(title), .paragraph(none)]
      }
      return ReviewSection(heading: Heading.acrossQuarters, blocks: blocks)
    }
    blocks.append(
      .paragraph(
        ReviewText([
          .words("This quarter compared with the "), .input(previous.quarter),
          .words(" run (the latest earlier complete run)."),
        ])))
    if let currency = previous.assumedCurrency {
      blocks.append(.paragraph(.input(PreviousRunCheck.assumedCurrency(currency))))
    }
    let figures = previous.acrossQuarters
    blocks += scorecard(figures)
    blocks += reelevationWatch(figures, limit: context.limit)
    blocks += flapping(figures, limit: context.limit)
    return ReviewSection(heading: Heading.acrossQuarters, blocks: blocks)
  }

  /// Why the across-quarter sections have no figures: no earlier run folder, or one that failed
  /// verification (which file and why, in ``PreviousRunCheck``'s words).
  static func noPreviousRun(_ result: RunResult) -> ReviewText {
    guard let check = result.previousRunCheck, let failure = check.failure else {
      return "No previous complete run: nothing to compare."
    }
    return ReviewText([
      .words("Not compared: "),
      .input(PreviousRunCheck.notUsed(quarter: check.quarter, failure: failure)), .words("."),
    ])
  }

  /// What an interim's across-quarter section says in place of the three lists.
  static func interimAcrossQuarters(_ context: ReviewContext) -> ReviewSection {
    ReviewSection(
      heading: Heading.acrossQuarters,
      blocks: [
        .paragraph(
          .words(
            "Not computed for an interim re-score: the completed "
              + "\(context.result.quarter.label) run's memo compares the quarter with the one "
              + "before."))
      ])
  }

  /// Each previous tier's cohort then and now, with GRR and NRR.
  static func scorecard(_ figures: AcrossQuarters) -> [ReviewBlock] {
    var blocks: [ReviewBlock] = [.subheading("Tier scorecard")]
    guard !figures.scorecard.isEmpty else {
      return blocks + [
        .paragraph("The previous run's tiers.csv placed no account with an ARR: no cohort.")
      ]
    }
    blocks.append(
      .paragraph(
        "Each cohort is the accounts the previous run placed in a tier, followed to this "
          + "quarter (accounts new this quarter are not in any cohort). An account no longer "
          + "valid (gone from accounts.csv, no ARR line, or rejected) counts as 0 ARR now. "
          + "GRR = Σ min(ARR now, ARR then) / Σ ARR then; NRR = Σ ARR now / Σ ARR then."))
    blocks.append(
      .table(
        ReviewTable(
          [
            "tier then", ReviewWording.Column.accounts, "still valid", "ARR then", "ARR now", "GRR",
            "NRR",
            "moved up", "moved down",
          ], numeric: Set(1...8),
          rows: figures.scorecard.map { row in
            [
              .tier(row.tier), .count(row.accounts), .count(row.stillValid), .money(row.arrThen),
              .money(row.arrNow), .share(row.grossRetention?.description ?? "n/a"),
              .share(row.netRetention?.description ?? "n/a"), .count(row.movedUp),
              .count(row.movedDown),
            ]
          })))
    if figures.cohortRowsWithoutARR > 0 {
      blocks.append(
        .paragraph(
          .words(
            "\(counted(figures.cohortRowsWithoutARR, ReviewWording.Column.account)) of the previous run had no ARR "
              + "then (rejected that quarter) and are in no cohort.")))
    }
    return blocks
  }

  /// Last quarter's demoted accounts against their recorded targets.
  static func reelevationWatch(
    _ figures: AcrossQuarters, limit: Int
  ) -> [ReviewBlock] {
    var blocks: [ReviewBlock] = [.subheading("Re-elevation watch")]
    guard let watch = figures.watch else {
      return blocks + [
        .paragraph(
          ReviewText([
            .words("Not computed: its run.json ("), .input("schema_version"),
            .words(" 1) records no path-back targets."),
          ]))
      ]
    }
    blocks.append(
      .paragraph(
        .words(
          "Last quarter's demoted accounts, the targets their path back named, whether they "
            + "reached them, and whether this run puts them back in the tier they left: "
            + "\(watch.count)" + (watch.isEmpty ? "." : "; \(figures.reentered) re-entered."))))
    guard !watch.isEmpty else { return blocks }
    return blocks
      + cappedTable(
        ReviewTable(
          [
            ReviewWording.Column.account, ReviewWording.Column.name, "left", "ARR target",
            "ARR now", "expansion target", "total now",
            ReviewWording.Column.line, "re-entered",
          ], numeric: [4, 6], rows: []), watch, limit: limit, cells: watchRow)
  }

  /// The row of a watched account.
  static func watchRow(_ entry: AcrossQuarters.WatchEntry) -> [ReviewCell] {
    let recorded = entry.recorded
    return [
      .input(recorded.accountID), entry.now.map { .input($0.name) } ?? .none,
      .tier(recorded.fromTier),
      .words(recorded.arrAtLeast.map { Prose.amount($0) + mark(entry.reachedARR) } ?? "none"),
      entry.now.map { .amount($0.arr) } ?? .words("gone"),
      .words(expansionTarget(recorded) + mark(entry.reachedExpansion)),
      .words(entry.now.map { $0.total.description + mark(entry.reachedBar) } ?? "–"),
      .words(recorded.bar.map { (recorded.barIsStrict ? "> " : "") + $0.description } ?? "none"),
      .words(entry.now == nil ? "no (not in this book)" : (entry.reentered ? "yes" : "no")),
    ]
  }

  /// The expansion target in words.
  private static func expansionTarget(_ recorded: PreviousRunManifest.RecordedPathBack) -> String {
    guard recorded.hasExpansionTarget else { return "none" }
    var parts: [String] = []
    if recorded.needsUnblock { parts.append("unblocked") }
    if recorded.needsMultiBU { parts.append("multi-BU") }
    if let ceiling = recorded.ceilingAtLeast {
      parts.append("ceiling ≥ " + Prose.amount(ceiling))
    }
    return parts.joined(separator: ", ")
  }

  /// ` (reached)` / ` (not reached)`, or nothing when the question does not apply.
  private static func mark(_ reached: Bool?) -> String {
    reached.map { $0 ? " (reached)" : " (not reached)" } ?? ""
  }

  /// Accounts that moved one way in the previous run and the other way in this one.
  static func flapping(_ figures: AcrossQuarters, limit: Int) -> [ReviewBlock] {
    var blocks: [ReviewBlock] = [
      .subheading("Flapping"),
      .paragraph(
        .words(
          "Accounts that moved in opposite directions in the last two runs, for review by hand "
            + "(the rubric still rules): \(figures.flapping.count).")),
    ]
    guard !figures.flapping.isEmpty else { return blocks }
    blocks += cappedTable(
      ReviewTable(
        [
          ReviewWording.Column.account, ReviewWording.Column.name, ReviewWording.Column.previousRun,
          ReviewWording.Column.thisRun,
        ], rows: []), figures.flapping,
      limit: limit
    ) { flap in
      [
        .input(flap.now.id), .input(flap.now.name),
        .words("Tier \(flap.previousFrom) → Tier \(flap.previousTo)"),
        .words("Tier \(flap.now.fromTier.map(String.init) ?? "–") → Tier \(flap.now.toTier)"),
      ]
    }
    return blocks
  }
}
