extension AccountMemo {
  /// The memo of one moved account.
  package static func markdown(for index: Int, explainer: WhyMoved) -> String {
    let result = explainer.result
    let account = result.book.accounts[index]
    let decision = result.tiering.decisions[index]
    let from = account.currentTier ?? decision.finalTier
    let isDemotion = decision.finalTier > from
    let name = account.name.isEmpty ? account.id : account.name
    var text = "# \(ReviewMemo.escaped(name)): \(explainer.tierLabel(from)) → "
    text += "\(explainer.tierLabel(decision.finalTier))\n\n"
    text +=
      "Account \(ReviewMemo.escaped(account.id)), \(isDemotion ? "demotion" : "promotion") in the "
    text += "\(result.quarter.label) re-tier (run date \(result.runDate)); reason "
    text += "`\(decision.reason)`.\n\n"
    text += "> \(ReviewMemo.escaped(explainer.sentence(for: index) ?? ""))\n\n"
    text += "## The three signals\n\n" + walkback(index, explainer: explainer) + "\n\n"
    text += signalRules(index, explainer: explainer)
    if let decisionText = decisionParagraph(index, explainer: explainer) {
      text += "\n" + decisionText + "\n"
    }
    text += "\n## Service-level reset\n\n" + serviceLevelReset(index, explainer: explainer)
    if isDemotion {
      text += "\n## Path back to \(explainer.tierLabel(from))\n\n"
      text += reelevationPath(index, explainer: explainer)
    }
    return text
  }

  /// The spec's walkback: `On current ARR they scored 4. On strategic fit, 3. On expansion
  /// ceiling, 3. Total of 10, which lands in Tier 2. The line is 12.` The line is the old tier's
  /// for a demotion and the new tier's for a promotion.
  package static func walkback(_ index: Int, explainer: WhyMoved) -> String {
    let result = explainer.result
    let scores = result.scores[index]
    let decision = result.tiering.decisions[index]
    let from = result.book.accounts[index].currentTier ?? decision.finalTier
    let rubric = result.configuration.rubric
    var text = "On current ARR they scored \(scores.arr). On strategic fit, \(scores.fit). "
    text += "On expansion ceiling, \(scores.expansion). Total of \(scores.total)"
    let one = ExactDecimal(1)
    if rubric.arrWeight != one || rubric.fitWeight != one || rubric.expansionWeight != one {
      text += " (weighted \(rubric.arrWeight) × ARR + \(rubric.fitWeight) × fit + "
      text += "\(rubric.expansionWeight) × expansion)"
    }
    let lineTier = decision.finalTier > from ? from : decision.finalTier
    text += ", which lands in Tier \(decision.rubricTier). "
    text += "The line is \(explainer.line(ofTier: lineTier))."
    return text
  }

  /// One bullet per signal: the rule that fired, in plain words.
  package static func signalRules(_ index: Int, explainer: WhyMoved) -> String {
    let scores = explainer.result.scores[index]
    return "- Current ARR, \(scores.arr): \(explainer.arrRuleText(index)).\n"
      + "- Strategic fit, \(scores.fit): \(explainer.fitText(index)).\n"
      + "- Expansion ceiling, \(scores.expansion): \(explainer.expansionRuleText(index)).\n"
  }

  /// Why the tier differs from where the total lands (cap, override, new-logo hold); `nil` when
  /// the rubric alone decided.
  package static func decisionParagraph(_ index: Int, explainer: WhyMoved) -> String? {
    let result = explainer.result
    let decision = result.tiering.decisions[index]
    let cause = ReviewMemo.escaped(explainer.cause(of: index, direction: nil))
    switch decision.reason {
    case .rubric, .invalidInput:
      return nil
    case .cap(let tier):
      return "The Tier \(tier) cap moved it below where its total lands: \(cause)."
    case .override:
      return "A dual-approved exception sets the tier instead of the rubric: \(cause)."
    case .newLogo:
      return "The new-logo hold sets the tier whatever the total: \(cause)."
    }
  }

  /// The old tier's service levels against the new tier's, the change in CSM hours, where the
  /// time goes (or comes from) and the owner change.
  package static func serviceLevelReset(_ index: Int, explainer: WhyMoved) -> String {
    let result = explainer.result
    let account = result.book.accounts[index]
    let finalTier = result.tiering.decisions[index].finalTier
    let from = account.currentTier ?? finalTier
    let before = result.configuration.tier(from).serviceLevels
    let after = result.configuration.tier(finalTier).serviceLevels
    func row(_ label: String, _ old: String, _ new: String) -> [String] {
      [label, ReviewMemo.escaped(old), ReviewMemo.escaped(new)]
    }
    var text = ReviewMemo.table(
      [
        "", "before: \(ReviewMemo.escaped(explainer.tierLabel(from)))",
        "after: \(ReviewMemo.escaped(explainer.tierLabel(finalTier)))",
      ],
      [
        row("coverage", before.coverage, after.coverage),
        row("business reviews", before.reviewCadence, after.reviewCadence),
        row("P1 response", before.p1Response, after.p1Response),
        row("executive sponsor", yesNo(before.executiveSponsor), yesNo(after.executiveSponsor)),
        row(
          "CSM hours per month", before.csmHoursPerMonth.description,
          after.csmHoursPerMonth.description),
      ])
    let change = after.csmHoursPerMonth - before.csmHoursPerMonth
    text += "\nCSM time for this account: \(before.csmHoursPerMonth) → "
    text += "\(after.csmHoursPerMonth) hours per month (\(signed(change))).\n\n"
    text += timeTransfer(index, hours: change, explainer: explainer) + "\n\n"
    text += ownerLine(index, explainer: explainer) + "\n"
    return text
  }

  /// Where the hours a demotion frees go, or where a promotion's extra hours come from.
  private static func timeTransfer(_ index: Int, hours: ExactDecimal, explainer: WhyMoved) -> String
  {
    let result = explainer.result
    let from = result.book.accounts[index].currentTier ?? 0
    let finalTier = result.tiering.decisions[index].finalTier
    let magnitude = hours < .zero ? ExactDecimal.zero - hours : hours
    if finalTier > from {
      if let displacement = explainer.displacement(of: index), let taker = displacement.takenBy {
        return "The \(magnitude) hours per month go to \(accountReference(taker, result)), "
          + "promoted into Tier \(displacement.tier) in this account's seat."
      }
      return "The \(magnitude) hours per month are returned to the Tier \(from) pool."
    }
    if let displaced = explainer.seatTaken(by: index) {
      return "The \(magnitude) extra hours per month come from the seat of "
        + "\(accountReference(displaced, result)), moved down from Tier \(finalTier) under the cap."
    }
    return "The \(magnitude) extra hours per month come from the Tier \(finalTier) team's capacity."
  }

  private static func ownerLine(_ index: Int, explainer: WhyMoved) -> String {
    let result = explainer.result
    let old = result.book.accounts[index].ownerID
    let new = result.owners.owners[index]
    if new.isEmpty {
      return "No owner assigned: no CSM of the tier has a free seat (capacity shortfall; see "
        + "memo.md)."
    }
    if old == new { return "Owner stays \(ReviewMemo.escaped(new))." }
    let previous = old.isEmpty ? "none" : ReviewMemo.escaped(old)
    return "Owner: \(previous) → \(ReviewMemo.escaped(new)) (see reassignments.csv)."
  }

  /// `**ACC-7** (Acme 7)` for prose.
  package static func accountReference(_ index: Int, _ result: RunResult) -> String {
    let account = result.book.accounts[index]
    let name = account.name.isEmpty ? "" : " (\(ReviewMemo.escaped(account.name)))"
    return "**\(ReviewMemo.escaped(account.id))**\(name)"
  }

  private static func yesNo(_ flag: Bool) -> String { flag ? "yes" : "no" }

  /// `+6`, `−6`, `0` for hours.
  package static func signed(_ value: ExactDecimal) -> String {
    value > .zero ? "+\(value)" : value < .zero ? "−\(ExactDecimal.zero - value)" : "0"
  }
}
