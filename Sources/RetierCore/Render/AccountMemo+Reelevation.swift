extension AccountMemo {
  /// The total a demoted account must reach: the old tier's line, or strictly more than the
  /// lowest total seated under a cap.
  package struct Bar: Sendable, Hashable {
    /// The total to reach or pass.
    package var total: ExactDecimal
    /// Whether the total must be strictly above `total`.
    package var isStrict: Bool

    /// Whether `candidate` clears the bar.
    package func isMet(by candidate: ExactDecimal) -> Bool {
      isStrict ? candidate > total : candidate >= total
    }
  }

  /// The way back for a demoted account, with concrete figures (SPEC §6): the ARR and the
  /// expansion ceiling that would lift the total to the line, or what else must happen first.
  package static func reelevationPath(_ index: Int, explainer: WhyMoved) -> String {
    let result = explainer.result
    let account = result.book.accounts[index]
    let decision = result.tiering.decisions[index]
    let scores = result.scores[index]
    let from = account.currentTier ?? decision.finalTier
    switch decision.reason {
    case .override:
      let expires = decision.override.map { " It expires on \($0.expires);" } ?? ""
      return "A dual-approved override set this tier.\(expires) after that the rubric decides. "
        + "On this quarter's figures the total of \(scores.total) lands in Tier "
        + "\(decision.rubricTier) (the Tier \(from) line is \(explainer.line(ofTier: from))).\n"
    case .newLogo:
      return newLogoPath(index, explainer: explainer)
    case .cap where decision.rubricTier <= from:
      return capPath(index, tier: from, explainer: explainer)
    case .cap, .rubric, .invalidInput:
      let line = explainer.line(ofTier: from)
      var text = "The total needs to reach the Tier \(from) line of \(line) (today "
      text += "\(scores.total), \(line - scores.total) short). "
      text += levers(index, bar: Bar(total: line, isStrict: false), explainer: explainer)
      if explainer.capReport(ofTier: from) != nil {
        text += "\nReaching the line is not all: Tier \(from) is capped"
        if let lowest = explainer.lowestSeatedTotal(inTier: from) {
          text += ", and this quarter the lowest total seated in it was \(lowest)"
        }
        text += ".\n"
      }
      return text
    }
  }

  private static func capPath(_ index: Int, tier: Int, explainer: WhyMoved) -> String {
    let total = explainer.result.scores[index].total
    let seats = explainer.capReport(ofTier: tier)?.seats ?? 0
    var text = "The account lost its seat to the Tier \(tier) cap, not to the line: its total of "
    text += "\(total) reaches the Tier \(tier) line of \(explainer.line(ofTier: tier)). "
    guard let lowest = explainer.lowestSeatedTotal(inTier: tier) else {
      return text + "The cap of \(seats) seats went entirely to overrides this quarter: a seat "
        + "opens only when an override expires or the book grows.\n"
    }
    text += "The cap holds \(seats) seats; this quarter the lowest total seated in Tier \(tier) "
    text += "was \(lowest). Seats go by total, highest first; on equal totals current Tier "
    text += "\(tier) accounts come first (next quarter this account is no longer one), then "
    text += "higher ARR, then account id. A total above \(lowest) holds a seat against every "
    text += "account seated this quarter. "
    return text + levers(index, bar: Bar(total: lowest, isStrict: true), explainer: explainer)
  }

  private static func newLogoPath(_ index: Int, explainer: WhyMoved) -> String {
    let result = explainer.result
    let configuration = result.configuration
    let since = result.book.accounts[index].customerSince
    let needed = configuration.newLogoQuarters
    var quarter = result.quarter
    var steps = 0
    // Each later quarter adds at most one counted quarter; stop after a few centuries.
    while configuration.calendar.quartersStarting(onOrAfter: since, through: quarter) < needed,
      steps < 1_000
    {
      quarter = quarter.next()
      steps += 1
    }
    let decision = result.tiering.decisions[index]
    return "The new-logo hold (customer since \(since)) ends with the \(quarter.label) re-tier, "
      + "after \(needed) full quarter\(needed == 1 ? "" : "s") as a customer. On this quarter's "
      + "figures the total of \(result.scores[index].total) would then land in Tier "
      + "\(decision.rubricTier).\n"
  }

  /// The ARR lever, the expansion lever, and both together when neither is enough alone.
  package static func levers(_ index: Int, bar: Bar, explainer: WhyMoved) -> String {
    let solver = ReelevationSolver(explainer: explainer, index: index)
    let threshold = bar.isStrict ? "above \(bar.total)" : "to \(bar.total)"
    var text = "At this quarter's cut lines, with everything else unchanged:\n\n"
    let arr = solver.arrLever(bar)
    let expansion = solver.expansionLever(bar)
    text += "- ARR: " + (arr ?? solver.arrShortfall()) + "\n"
    text += "- Expansion ceiling: " + (expansion ?? solver.expansionShortfall()) + "\n"
    if let note = solver.blockerNote { text += "\n" + note + "\n" }
    guard arr == nil, expansion == nil else { return text }
    if let both = solver.combinedLever(bar) {
      text += "\nNo single signal lifts the total \(threshold); together they do: \(both).\n"
    } else {
      text += "\nNo single signal lifts the total \(threshold), nor do ARR and expansion "
      text += "together: even 5 on both gives \(solver.bestCase()). Strategic fit (today "
      text += "\(solver.scores.fit), the CRM's judgement) would have to rise as well.\n"
    }
    return text
  }
}
