extension AccountMemo {
  /// The total a demoted account must reach: the old tier's line, or strictly more than the
  /// lowest total seated under a cap.
  struct Bar: Sendable, Hashable {
    /// The total to reach or pass.
    var total: ExactDecimal
    /// Whether the total must be strictly above `total`.
    var isStrict: Bool

    /// Whether `candidate` clears the bar.
    func isMet(by candidate: ExactDecimal) -> Bool {
      isStrict ? candidate > total : candidate >= total
    }
  }

  /// Appends the way back for a demoted account, with concrete figures (SPEC §6): the ARR and the
  /// expansion ceiling that would lift the total to the line, or what else must happen first.
  static func writeReelevationPath(
    _ index: Int, explainer: WhyMoved, to text: inout TextBuffer
  ) {
    let result = explainer.result
    let account = result.book.accounts[index]
    let decision = result.tiering.decisions[index]
    let scores = result.scores[index]
    let from = account.currentTier ?? decision.finalTier
    if decision.isHeldBySkippedReviews {
      writeSkippedReviewsPath(index, explainer: explainer, to: &text)
      return
    }
    switch decision.reason {
    case .override:
      text.append("A dual-approved override set this tier.")
      if let override = decision.override { text.append(" It expires on ", override.expires, ";") }
      text.append(
        " after that the rubric decides. On this quarter's figures the total of ", scores.total,
        " lands in Tier ", decision.rubricTier, " (the Tier ", from, " line is ",
        explainer.line(ofTier: from), ").\n")
    case .newLogo:
      writeNewLogoPath(index, explainer: explainer, to: &text)
    case .cap where decision.rubricTier <= from:
      writeCapPath(index, tier: from, explainer: explainer, to: &text)
    case .cap, .rubric, .invalidInput, .skippedReviews:
      let line = explainer.line(ofTier: from)
      text.append(
        "The total needs to reach the Tier ", from, " line of ", line, " (today ", scores.total,
        ", ", line - scores.total, " short). ")
      writeLevers(index, bar: Bar(total: line, isStrict: false), explainer: explainer, to: &text)
      if explainer.capReport(ofTier: from) != nil {
        text.append("\nReaching the line is not all: Tier ", from, " is capped")
        if let lowest = explainer.lowestSeatedTotal(inTier: from) {
          text.append(", and this quarter the lowest total seated in it was ", lowest)
        }
        text.append(".\n")
      }
    }
  }

  /// The path back of an account held down by skipped reviews: hold the next review, and, when
  /// the total is below the old tier's line as well, the levers that lift it there.
  private static func writeSkippedReviewsPath(
    _ index: Int, explainer: WhyMoved, to text: inout TextBuffer
  ) {
    let result = explainer.result
    let account = result.book.accounts[index]
    let decision = result.tiering.decisions[index]
    let total = result.scores[index].total
    let from = account.currentTier ?? decision.finalTier
    let line = explainer.line(ofTier: from)
    let limit = result.configuration.reviewsSkippedLimit
    text.append(
      "First, ", SkippedReviewsRule.pathBack, ": the account moved down for ",
      SkippedReviewsRule.skippedPhrase(account.reviewsSkipped), " (the limit is ", limit,
      "), and once the customer holds a business review the count starts again from zero. ")
    if total >= line {
      text.append(
        "Its total of ", total, " reaches the Tier ", from, " line of ", line,
        ", so nothing else is needed on this quarter's figures")
      if explainer.capReport(ofTier: from) != nil {
        text.append(", though Tier ", from, " is capped")
        if let lowest = explainer.lowestSeatedTotal(inTier: from) {
          text.append(" (this quarter the lowest total seated in it was ", lowest, ")")
        }
      }
      text.append(".\n")
      return
    }
    text.append(
      "The total also needs to reach the Tier ", from, " line of ", line, " (today ", total, ", ",
      line - total, " short). ")
    writeLevers(index, bar: Bar(total: line, isStrict: false), explainer: explainer, to: &text)
  }

  private static func writeCapPath(
    _ index: Int, tier: Int, explainer: WhyMoved, to text: inout TextBuffer
  ) {
    let total = explainer.result.scores[index].total
    let seats = explainer.capReport(ofTier: tier)?.seats ?? 0
    text.append(
      "The account lost its seat to the Tier ", tier, " cap, not to the line: its total of ",
      total, " reaches the Tier ", tier, " line of ", explainer.line(ofTier: tier), ". ")
    guard let lowest = explainer.lowestSeatedTotal(inTier: tier) else {
      text.append(
        "The cap of ", seats, " seats went entirely to overrides this quarter: a seat opens only ",
        "when an override expires or the book grows.\n")
      return
    }
    text.append(
      "The cap holds ", seats, " seats; this quarter the lowest total seated in Tier ", tier,
      " was ", lowest, ". Seats go by total, highest first; on equal totals current Tier ", tier,
      " accounts come first (next quarter this account is no longer one), then higher ARR, then ",
      "account id. A total above ", lowest, " holds a seat against every account seated this ",
      "quarter. ")
    writeLevers(index, bar: Bar(total: lowest, isStrict: true), explainer: explainer, to: &text)
  }

  private static func writeNewLogoPath(
    _ index: Int, explainer: WhyMoved, to text: inout TextBuffer
  ) {
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
    text.append(
      "The new-logo hold (customer since ", since, ") ends with the ", quarter.label,
      " re-tier, after ", needed, " full quarter", needed == 1 ? "" : "s", " as a customer. On ",
      "this quarter's figures the total of ", result.scores[index].total,
      " would then land in Tier ", result.tiering.decisions[index].rubricTier, ".\n")
  }

  /// Appends the ARR lever, the expansion lever, and both together when neither is enough alone.
  static func writeLevers(
    _ index: Int, bar: Bar, explainer: WhyMoved, to text: inout TextBuffer
  ) {
    let solver = ReelevationSolver(explainer: explainer, index: index)
    text.append("At this quarter's cut lines, with everything else unchanged:\n\n- ARR: ")
    let hasARRLever = solver.writeARRLever(bar, to: &text)
    if !hasARRLever { solver.writeARRShortfall(to: &text) }
    text.append("\n- Expansion ceiling: ")
    let hasExpansionLever = solver.writeExpansionLever(bar, to: &text)
    if !hasExpansionLever { solver.writeExpansionShortfall(to: &text) }
    text.append("\n")
    if let note = solver.blockerNote { text.append("\n", note, "\n") }
    guard !hasARRLever, !hasExpansionLever else { return }
    text.append("\nNo single signal lifts the total ", bar.isStrict ? "above " : "to ", bar.total)
    var combined = TextBuffer(capacity: 256)
    if solver.writeCombinedLever(bar, to: &combined) {
      text.append("; together they do: ")
      text.append(utf8: combined.bytes)
      text.append(".\n")
      return
    }
    text.append(
      ", nor do ARR and expansion together: even 5 on both gives a total of ",
      solver.total(arr: 5, expansion: 5), ". Strategic fit (today ", solver.scores.fit,
      ", the CRM's judgement) would have to rise as well.\n")
  }
}
