/// A demoted account's way back to the tier it left, as figures: the total it must reach and the
/// least ARR or expansion evidence that reaches it at this quarter's cut lines. The account memo
/// states the same figures in words (both ask the ``Rubric``: `Rubric+PathBack.swift`), and
/// `run.json` records them for the next quarter's re-elevation watch (SPEC §6, §8).
struct PathBack: Sendable {
  /// The account.
  var accountID: String
  /// The tier it left (the CRM's current tier).
  var fromTier: Int
  /// The tier it moved to.
  var toTier: Int
  /// Why it moved (`tiers.csv` reason).
  var reason: TierReason
  /// Its total this quarter.
  var total: ExactDecimal
  /// The total to reach; `nil` when no total brings it back (an override or a new-logo hold set
  /// the tier, or overrides took every seat of the cap).
  var bar: Rubric.Bar?
  /// The ARR lever, when ARR alone clears the bar.
  var arr: Rubric.ARRRaise?
  /// The expansion lever, when expansion evidence alone clears the bar.
  var expansion: Rubric.ExpansionPlan?

  /// The demoted valid accounts, in book (account id) order: the accounts that have a path back.
  /// `run.json` computes each one's ``PathBack`` as its piece is rendered, so a million-account
  /// run never holds some 90,000 of them at once.
  static func demoted(_ result: RunResult) -> [AccountRef] {
    let ledger = result.ledger
    let decisions = ledger.decisions
    return ledger.refs.filter { ref in
      TierLadder.isDemotion(from: ledger.currentTier(ref), to: decisions.finalTier(ref))
    }
  }

  /// The path back of the demoted account at `ref`.
  ///
  /// `explainer` is borrowed, and the ledger and rubric are passed on as its stored members:
  /// `run.json` computes some 90,000 of these, and a copy of the run's result (or of its
  /// ledger) per account retained and released every column.
  init(_ ref: AccountRef, explainer: borrowing WhyMoved) {
    self.init(
      ref, ledger: explainer.result.book.ledger, rubric: explainer.result.rubric,
      explainer: explainer)
  }

  private init(
    _ ref: AccountRef, ledger: borrowing AccountLedger, rubric: borrowing Rubric,
    explainer: borrowing WhyMoved
  ) {
    let decision = ledger.decisions[ref]
    let scores = ledger.scores[ref]
    let from = ledger.currentTier(ref) ?? decision.finalTier
    accountID = ledger.id(ref)
    fromTier = from
    toTier = decision.finalTier
    reason = decision.reason
    total = scores.total
    // The same bar as the account memo's re-elevation path.
    switch decision.reason {
    case .override, .newLogo:
      bar = nil
    case .cap where decision.rubricTier <= from:
      bar = explainer.lowestSeatedTotal(inTier: from).map { Rubric.Bar(total: $0, isStrict: true) }
    case .cap, .rubric, .invalidInput, .skippedReviews:
      // A skipped-reviews hold also needs the next review held (the memo says so); its bar is
      // the line, which the total usually reaches already.
      bar = Rubric.Bar(total: explainer.line(ofTier: from), isStrict: false)
    }
    guard let bar else { return }
    // A total already at the bar needs no lever (a skipped-reviews hold whose total reaches the
    // line: holding the next review is all its memo asks).
    guard !bar.isMet(by: total) else { return }
    let account = ledger[ref]
    // None for an account scored on usage: it climbs by active users, which run.json does not
    // record (its memo names them).
    arr = rubric.leastARRRaise(account, scores: scores, clearing: bar)
    expansion = rubric.leastExpansionChange(account, scores: scores, clearing: bar)
  }
}
