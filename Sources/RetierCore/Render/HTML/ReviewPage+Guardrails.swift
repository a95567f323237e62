extension ReviewPage {
  /// The guardrails of `memo.md`: cap use, soft bands, ARR rank against tier, the low-ARR /
  /// high-expansion quadrant and CRM drift, each list stopping at ``listLimit``.
  static func guardrailsSection(
    _ result: RunResult, matrix: TransitionMatrix, to page: inout MarkupWriter
  ) {
    let configuration = result.configuration
    let ledger = result.ledger
    page.open("section", ["aria-label": "Guardrails"])
    page.element("h2", text: "Guardrails")

    page.element("h3", text: "Cap use")
    let reports = result.tiering.capReports
    if reports.isEmpty {
      page.element("p", text: "No tier has a hard cap.")
    } else {
      table(
        ["tier", "max share", "seats", "seated", "overrides", "moved down by the cap", "status"],
        reports.map { report in
          [
            tierLabel(report.tier, result),
            configuration.tier(report.tier).maxShare.map(ReviewMemo.percent) ?? "–",
            grouped(report.seats), grouped(report.seatedCount), grouped(report.overrideCount),
            grouped(report.displaced.count),
            report.isOverriddenPastCap
              ? "warning: over the cap"
              : report.seatedCount == report.seats
                ? "full" : "\(grouped(report.seats - report.seatedCount)) free",
          ]
        }, numeric: [1, 2, 3, 4, 5], to: &page)
    }

    if result.interim != nil {
      page.element("p", text: ReviewMemo.interimGuardrails(result))
      page.closeLine()
      return
    }

    page.element("h3", text: "Soft bands")
    let banded = (1...configuration.tierCount).compactMap { tier in
      configuration.tier(tier).expectedShare.map { (tier, $0) }
    }
    if banded.isEmpty {
      page.element("p", text: "No tier has an expected share.")
    } else {
      table(
        ["tier", "expected share", "accounts", "share", "status"],
        banded.map { tier, band in
          let count = matrix.columnTotal(tier)
          return [
            tierLabel(tier, result),
            "\(ReviewMemo.percent(band.low))–\(ReviewMemo.percent(band.high))", grouped(count),
            ReviewMemo.percent(count, of: ledger.count),
            band.contains(count, of: ledger.count) ? "inside" : "warning: outside",
          ]
        }, numeric: [2, 3], to: &page)
    }

    let rankTiers = ReviewMemo.arrRankTiers(result)
    let gaps = ReviewMemo.arrRankGapRefs(result, rankTiers: rankTiers)
    page.element("h3", text: "ARR rank against tier")
    page.element(
      "p",
      text: "\(ReviewMemo.counted(gaps.count, "account")) "
        + "\(gaps.count == 1 ? "sits" : "sit") more than one tier away from the tier "
        + "it would hold if the tiers were filled purely by ARR rank.")
    cappedTable(
      ["account", "name", "ARR", "ARR-rank tier", "tier", "reason"], gaps,
      numeric: [2, 3, 4], to: &page
    ) { ref in
      let decision = result.ledger.decisions[ref]
      return [
        ledger.id(ref), ledger.name(ref), WhyMoved.amount(ledger.arr(ref)),
        String(rankTiers[ref]), String(decision.finalTier), decision.reason.description,
      ]
    }

    let quadrant = ReviewMemo.growthQuadrantRefs(result)
    page.element("h3", text: "Low ARR, high expansion")
    page.element(
      "p",
      text: "\(ReviewMemo.counted(quadrant.count, "account")) "
        + "\(quadrant.count == 1 ? "scores" : "score") \(result.rubric.lowFirstScorePhrase) and 4 "
        + "or more on "
        + "expansion ceiling: small today, large potential; review them by hand.")
    cappedTable(
      ["account", "name", "ARR", "ceiling", "ARR score", "expansion", "total", "tier"], quadrant,
      numeric: [2, 3, 4, 5, 6, 7], to: &page
    ) { ref in
      let account = ledger[ref]
      let scores = result.ledger.scores[ref]
      return [
        account.id, account.name, WhyMoved.amount(account.arr),
        account.expansionCeiling.map { WhyMoved.amount($0) } ?? "unknown",
        Rubric.firstScoreCell(scores),
        String(scores.expansion), scores.total.description,
        String(result.ledger.decisions.finalTier(ref)),
      ]
    }

    page.element("h3", text: "CRM drift")
    if let drifted = result.previousRun?.crmDrift {
      page.element(
        "p",
        text: "Accounts whose current tier in the CRM differs from the tier the previous run "
          + "gave them: \(grouped(drifted.count)).")
      cappedTable(
        ["account", "name", "previous run", "CRM now", "this run"], drifted,
        numeric: [2, 3, 4], to: &page
      ) { drifted in
        let row = drifted.row
        return [
          row.accountID, row.accountName, String(drifted.previousTier),
          row.fromTier.map(String.init) ?? "blank", row.toTier.map(String.init) ?? "–",
        ]
      }
    } else {
      page.element("p", text: "No previous run: nothing to compare.")
    }
    page.closeLine()
  }

  /// Rejected rows and overrides, as in `memo.md`.
  static func exceptionsSection(_ result: RunResult, to page: inout MarkupWriter) {
    let rejections = result.book.rejections
    page.open("section", ["aria-label": "Rejected rows and overrides"])
    page.element("h2", text: "Rejected rows")
    if rejections.isEmpty {
      page.element("p", text: "No input row was rejected.")
    } else {
      var perFile: [String: Int] = [:]
      for rejection in rejections { perFile[rejection.file, default: 0] += 1 }
      page.element(
        "p",
        text: "\(ReviewMemo.counted(rejections.count, "row")) not used. A rejected account "
          + "keeps its current tier and owner.")
      table(
        ["file", "rows"], perFile.sorted { $0.key < $1.key }.map { [$0.key, grouped($0.value)] },
        numeric: [1], to: &page)
      cappedTable(
        ["file", "line", "account", "reason"], Array(rejections.indices), numeric: [1],
        seeAlso: "rejected.csv", to: &page
      ) { index in
        let rejection = rejections[index]
        return [rejection.file, String(rejection.line), rejection.accountID, rejection.reason]
      }
    }

    let applied = result.tiering.validOverrides.values.sorted {
      $0.row.accountID < $1.row.accountID
    }
    let ignored = result.tiering.ignoredOverrides
    page.element("h2", text: "Overrides")
    page.element("h3", text: "Applied (\(grouped(applied.count)))")
    cappedTable(
      ["account", "tier", "approved by sales", "approved by CS", "expires", "reason"],
      Array(applied.indices), numeric: [1], to: &page
    ) { index in
      let override = applied[index]
      return [
        override.row.accountID, String(override.tier), override.row.approvedBySales,
        override.row.approvedByCS, override.expires.description, override.row.reason,
      ]
    }
    page.element("h3", text: "Ignored (\(grouped(ignored.count)))")
    cappedTable(
      ["account", "line", "tier", "why ignored"], ignored.indices, numeric: [1],
      seeAlso: "rejected.csv", to: &page
    ) { index in
      let override = ignored[index]
      return [
        override.row.accountID, String(override.row.line), override.row.tierText, override.reason,
      ]
    }
    page.closeLine()
  }

  /// A table of the first ``listLimit`` items, then `…and N more` when some were
  /// left out; `None.` for no items.
  static func cappedTable<Items: RandomAccessCollection>(
    _ header: [String], _ items: Items, numeric: Set<Int>, seeAlso: String = "memo.md",
    to page: inout MarkupWriter, cells: (Items.Element) -> [String]
  ) {
    guard !items.isEmpty else {
      page.element("p", text: "None.")
      return
    }
    let (shown, more) = ReviewMemo.capped(items, limit: listLimit, seeAlso: seeAlso)
    table(header, shown.map(cells), numeric: numeric, to: &page)
    if let more { page.element("p", ["class": "note"], text: more) }
  }

  /// ``cappedTable(_:_:numeric:seeAlso:to:cells:)`` for a list kept only in part.
  static func cappedTable<Item>(
    _ header: [String], _ list: ListHead<Item>, numeric: Set<Int>, seeAlso: String = "memo.md",
    to page: inout MarkupWriter, cells: (Item) -> [String]
  ) {
    guard !list.isEmpty else {
      page.element("p", text: "None.")
      return
    }
    let (shown, more) = list.capped(limit: listLimit, seeAlso: seeAlso)
    table(header, shown.map(cells), numeric: numeric, to: &page)
    if let more { page.element("p", ["class": "note"], text: more) }
  }
}
