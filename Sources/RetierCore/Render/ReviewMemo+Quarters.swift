extension ReviewMemo {
  /// The across-quarter sections (SPEC §8): the tier scorecard, the re-elevation watch and the
  /// flapping accounts, against the previous complete run; each says what it could not compute
  /// and why.
  static func acrossQuarters(_ result: RunResult) -> String {
    var text = "## Across quarters\n\n"
    guard result.interim == nil else { return text + interimAcrossQuarters(result) + "\n" }
    guard let previous = result.previousRun else {
      let none = "\(escaped(noPreviousRun(result))).\n"
      return text + "### Tier scorecard\n\n" + none + "\n### Re-elevation watch\n\n" + none
        + "\n### Flapping\n\n" + none
    }
    text += "This quarter compared with the \(escaped(previous.quarter)) run (the latest earlier "
    text += "complete run).\n\n"
    if let currency = previous.assumedCurrency {
      text += escaped(PreviousRunCheck.assumedCurrency(currency)) + "\n\n"
    }
    let figures = previous.acrossQuarters
    let limit = result.configuration.memoListLimit
    text += scorecard(figures) + "\n"
    text += reelevationWatch(figures, previous: previous, limit: limit) + "\n"
    text += flapping(figures, limit: limit)
    return text
  }

  /// Why the across-quarter sections have no figures: no earlier run folder, or one that failed
  /// verification (which file and why).
  static func noPreviousRun(_ result: RunResult) -> String {
    guard let check = result.previousRunCheck, let failure = check.failure else {
      return "No previous complete run: nothing to compare"
    }
    return "Not compared: " + PreviousRunCheck.notUsed(quarter: check.quarter, failure: failure)
  }

  /// Each previous tier's cohort then and now, with GRR and NRR.
  static func scorecard(_ figures: AcrossQuarters) -> String {
    var text = "### Tier scorecard\n\n"
    guard !figures.scorecard.isEmpty else {
      return text + "The previous run's tiers.csv placed no account with an ARR: no cohort.\n"
    }
    text += "Each cohort is the accounts the previous run placed in a tier, followed to this "
    text += "quarter (accounts new this quarter are not in any cohort). An account no longer "
    text += "valid (gone from accounts.csv, no ARR line, or rejected) counts as 0 ARR now. "
    text += "GRR = Σ min(ARR now, ARR then) / Σ ARR then; NRR = Σ ARR now / Σ ARR then.\n\n"
    text += table(scorecardHeader, scorecardRows(figures), rightAligned: [1, 2, 3, 4, 5, 6, 7, 8])
    if figures.cohortRowsWithoutARR > 0 {
      text += "\n\(counted(figures.cohortRowsWithoutARR, "account")) of the previous run had "
      text += "no ARR then (rejected that quarter) and are in no cohort.\n"
    }
    return text
  }

  /// Last quarter's demoted accounts against their recorded targets.
  static func reelevationWatch(
    _ figures: AcrossQuarters, previous: PreviousRunFigures, limit: Int
  ) -> String {
    var text = "### Re-elevation watch\n\n"
    guard let watch = figures.watch else {
      let why = "its run.json (schema_version 1) records no path-back targets"
      return text + "Not computed: \(escaped(why)).\n"
    }
    text += "Last quarter's demoted accounts, the targets their path back named, whether they "
    text += "reached them, and whether this run puts them back in the tier they left: "
    text += "\(watch.count)"
    guard !watch.isEmpty else { return text + ".\n" }
    text += "; \(figures.reentered) re-entered.\n\n"
    let (shown, more) = watch.capped(limit: limit)
    text += table(
      watchHeader, shown.map { watchRow($0, escape: escaped) }, rightAligned: [4, 6])
    if let more { text += "\n" + more + "\n" }
    return text
  }

  /// The expansion target in words.
  private static func expansionTarget(_ recorded: PreviousRunManifest.RecordedPathBack) -> String {
    guard recorded.hasExpansionTarget else { return "none" }
    var parts: [String] = []
    if recorded.needsUnblock { parts.append("unblocked") }
    if recorded.needsMultiBU { parts.append("multi-BU") }
    if let ceiling = recorded.ceilingAtLeast {
      parts.append("ceiling ≥ " + WhyMoved.amount(ceiling))
    }
    return parts.joined(separator: ", ")
  }

  /// ` (reached)` / ` (not reached)`, or nothing when the question does not apply.
  private static func mark(_ reached: Bool?) -> String {
    reached.map { $0 ? " (reached)" : " (not reached)" } ?? ""
  }

  /// Accounts that moved one way in the previous run and the other way in this one.
  static func flapping(_ figures: AcrossQuarters, limit: Int) -> String {
    var text = "### Flapping\n\n"
    text += "Accounts that moved in opposite directions in the last two runs, for review by "
    text += "hand (the rubric still rules): \(figures.flapping.count)"
    guard !figures.flapping.isEmpty else { return text + ".\n" }
    text += ".\n\n"
    let (shown, more) = figures.flapping.capped(limit: limit)
    text += table(flapHeader, shown.map { flapRow($0, escape: escaped) })
    if let more { text += "\n" + more + "\n" }
    return text
  }

  /// A sum of money in whole units, rounded half up, grouped by thousands (`1,880,546`).
  static func wholeUnits(_ money: Money) -> String {
    // Sums here are never negative (each account's ARR is at least 0).
    let rounded = Money(cents: (money.cents + 50) / 100 * 100)
    var bytes: [UInt8] = []
    rounded.appendGroupedWholeUnits(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The scorecard's columns.
  static let scorecardHeader = [
    "tier then", "accounts", "still valid", "ARR then", "ARR now", "GRR", "NRR", "moved up",
    "moved down",
  ]

  /// One row per cohort.
  static func scorecardRows(_ figures: AcrossQuarters) -> [[String]] {
    figures.scorecard.map { row in
      [
        "Tier \(row.tier)", String(row.accounts), String(row.stillValid),
        wholeUnits(row.arrThen), wholeUnits(row.arrNow),
        row.grossRetention?.description ?? "n/a", row.netRetention?.description ?? "n/a",
        String(row.movedUp), String(row.movedDown),
      ]
    }
  }

  /// The watch's columns.
  static let watchHeader = [
    "account", "name", "left", "ARR target", "ARR now", "expansion target", "total now", "line",
    "re-entered",
  ]

  /// The row of a watched account; `escape` makes text from the inputs safe for the format.
  static func watchRow(
    _ entry: AcrossQuarters.WatchEntry, escape: (String) -> String
  ) -> [String] {
    let recorded = entry.recorded
    return [
      escape(recorded.accountID), entry.now.map { escape($0.name) } ?? "–",
      "Tier \(recorded.fromTier)",
      recorded.arrAtLeast.map { WhyMoved.amount($0) + mark(entry.reachedARR) } ?? "none",
      entry.now.map { WhyMoved.amount($0.arr) } ?? "gone",
      expansionTarget(recorded) + mark(entry.reachedExpansion),
      entry.now.map { $0.total.description + mark(entry.reachedBar) } ?? "–",
      recorded.bar.map { (recorded.barIsStrict ? "> " : "") + $0.description } ?? "none",
      entry.now == nil ? "no (not in this book)" : (entry.reentered ? "yes" : "no"),
    ]
  }

  /// The flapping list's columns.
  static let flapHeader = ["account", "name", "previous run", "this run"]

  /// The row of a flapping account.
  static func flapRow(_ flap: AcrossQuarters.Flap, escape: (String) -> String) -> [String] {
    [
      escape(flap.now.id), escape(flap.now.name),
      "Tier \(flap.previousFrom) → Tier \(flap.previousTo)",
      "Tier \(flap.now.fromTier.map(String.init) ?? "–") → Tier \(flap.now.toTier)",
    ]
  }
}
