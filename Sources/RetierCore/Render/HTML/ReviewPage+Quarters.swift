extension ReviewPage {
  /// The across-quarter sections of `memo.md` (tier scorecard, re-elevation watch, flapping)
  /// from the same figures, each list stopping at ``ReviewMemo/listLimit``.
  static func acrossQuartersSection(_ result: RunResult, to page: inout MarkupWriter) {
    page.open("section", ["aria-label": "Across quarters"])
    page.element("h2", text: "Across quarters")
    guard result.interim == nil else {
      page.element("p", text: ReviewMemo.interimAcrossQuarters(result))
      page.closeLine()
      return
    }
    guard let previous = result.previousRun else {
      for title in ["Tier scorecard", "Re-elevation watch", "Flapping"] {
        page.element("h3", text: title)
        page.element("p", text: ReviewMemo.noPreviousRun(result) + ".")
      }
      page.closeLine()
      return
    }
    page.element(
      "p",
      text: "This quarter compared with the \(previous.quarter) run (the latest earlier complete "
        + "run).")
    if let currency = previous.assumedCurrency {
      page.element("p", text: PreviousRunCheck.assumedCurrency(currency))
    }
    let figures = previous.acrossQuarters

    page.element("h3", text: "Tier scorecard")
    if figures.scorecard.isEmpty {
      page.element(
        "p", text: "The previous run's tiers.csv placed no account with an ARR: no cohort.")
    } else {
      page.element(
        "p",
        text: "Cohorts: the accounts the previous run placed in each tier, followed to this "
          + "quarter; an account no longer valid counts as 0 ARR now. GRR = Σ min(now, then) / "
          + "Σ then; NRR = Σ now / Σ then.")
      table(
        ReviewMemo.scorecardHeader, ReviewMemo.scorecardRows(figures),
        numeric: [1, 2, 3, 4, 5, 6, 7, 8], to: &page)
    }

    page.element("h3", text: "Re-elevation watch")
    if let watch = figures.watch {
      page.element(
        "p",
        text: "Last quarter's demoted accounts against their path-back targets: "
          + "\(watch.count); \(figures.reentered) re-entered.")
      cappedTable(ReviewMemo.watchHeader, watch, numeric: [4, 6], to: &page) {
        ReviewMemo.watchRow($0, escape: { $0 })
      }
    } else {
      page.element(
        "p", text: "Not computed: its run.json (schema_version 1) records no path-back targets.")
    }

    page.element("h3", text: "Flapping")
    page.element(
      "p",
      text: "Accounts that moved in opposite directions in the last two runs, for review by "
        + "hand: \(figures.flapping.count).")
    cappedTable(ReviewMemo.flapHeader, figures.flapping, numeric: [], to: &page) {
      ReviewMemo.flapRow($0, escape: { $0 })
    }
    page.closeLine()
  }
}
