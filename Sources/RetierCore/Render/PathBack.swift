/// A demoted account's way back to the tier it left, as figures: the route and the total it must
/// reach, and the least ARR, active users or expansion evidence that reaches it at this quarter's
/// cut lines (each the ``Rubric``'s own: `Rubric+PathBack.swift`). The account memo words this
/// value, and `run.json` records it for the next quarter's re-elevation watch (SPEC §6, §8).
struct PathBack: Sendable {
  /// What stands between the account and the tier it left, with the total it must reach.
  enum Route: Sendable, Hashable {
    /// A dual-approved override set the tier: the rubric decides once it expires.
    case override
    /// The new-logo hold set the tier: the rubric decides once it ends.
    case newLogoHold
    /// It keeps skipping business reviews: the next review, and the old tier's `line`.
    case skippedReviews(line: ExactDecimal)
    /// It lost its seat to the old tier's cap, not to the line: a total above the lowest total
    /// seated there (`nil` when overrides took every seat).
    case capSeat(lowestSeated: ExactDecimal?)
    /// Its total is below the old tier's `line`.
    case line(ExactDecimal)
  }

  /// What lifts an account's total over a bar, each alone and, when neither alone does, together.
  struct Levers: Sendable {
    /// The total to reach or pass.
    var bar: Rubric.Bar
    /// The least raise of ARR alone (an account scored on ARR); `nil` when none clears the bar.
    var arr: Rubric.ARRRaise?
    /// The least raise of active users alone (an account scored on usage); `nil` when none
    /// clears the bar.
    var activeUsers: Rubric.UsageRaise?
    /// The least change of expansion evidence alone; `nil` when none clears the bar.
    var expansion: Rubric.ExpansionPlan?
    /// The first signal and expansion raised together, when no lever alone clears the bar;
    /// `nil` when even both together do not.
    var combined: Rubric.ExpansionPlan?

    /// The levers of `account`, with today's `scores`, for `bar` under `rubric`.
    init(
      _ account: Account, scores: SignalScores, clearing bar: Rubric.Bar,
      rubric: borrowing Rubric
    ) {
      self.bar = bar
      // None for an account scored on usage: it climbs by active users.
      arr = rubric.leastARRRaise(account, scores: scores, clearing: bar)
      activeUsers =
        scores.firstSignal == .usage
        ? rubric.leastUsageRaise(account, scores: scores, clearing: bar) : nil
      expansion = rubric.leastExpansionChange(account, scores: scores, clearing: bar)
      combined =
        arr == nil && activeUsers == nil && expansion == nil
        ? rubric.leastCombinedChange(account, scores: scores, clearing: bar) : nil
    }
  }

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
  /// What stands between it and ``fromTier``.
  var route: Route
  /// The levers that lift ``total`` over ``bar``; `nil` when there is no bar or the total
  /// already clears it (a skipped-reviews hold whose total reaches the line: holding the next
  /// review is all it needs).
  var levers: Levers?

  /// The total to reach; `nil` when no total brings it back (an override or a new-logo hold set
  /// the tier, or overrides took every seat of the cap).
  var bar: Rubric.Bar? {
    switch route {
    case .override, .newLogoHold: nil
    case .skippedReviews(let line), .line(let line): Rubric.Bar(total: line, isStrict: false)
    case .capSeat(let lowest): lowest.map { Rubric.Bar(total: $0, isStrict: true) }
    }
  }

  /// The ARR lever, when ARR alone clears the bar.
  var arr: Rubric.ARRRaise? { levers?.arr }
  /// The expansion lever, when expansion evidence alone clears the bar.
  var expansion: Rubric.ExpansionPlan? { levers?.expansion }

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
  /// `lookups` is borrowed, and the ledger and rubric are passed on as its stored members:
  /// `run.json` computes some 90,000 of these, and a copy of the run's result (or of its
  /// ledger) per account retained and released every column.
  init(_ ref: AccountRef, lookups: borrowing RunLookups) {
    self.init(
      ref, ledger: lookups.result.book.ledger, rubric: lookups.result.rubric,
      lookups: lookups)
  }

  private init(
    _ ref: AccountRef, ledger: borrowing AccountLedger, rubric: borrowing Rubric,
    lookups: borrowing RunLookups
  ) {
    let decision = ledger.decisions[ref]
    let scores = ledger.scores[ref]
    let from = ledger.currentTier(ref) ?? decision.finalTier
    accountID = ledger.id(ref)
    fromTier = from
    toTier = decision.finalTier
    reason = decision.reason
    total = scores.total
    if decision.isHeldBySkippedReviews {
      // Also when a cap then moved it further down: the reviews, not the seat, come first.
      route = .skippedReviews(line: lookups.line(ofTier: from))
    } else {
      switch decision.reason {
      case .override: route = .override
      case .newLogo: route = .newLogoHold
      case .cap where decision.rubricTier <= from:
        route = .capSeat(lowestSeated: lookups.lowestSeatedTotal(inTier: from))
      case .cap, .rubric, .invalidInput, .skippedReviews:
        route = .line(lookups.line(ofTier: from))
      }
    }
    guard let bar, !bar.isMet(by: total) else { return }
    levers = Levers(ledger[ref], scores: scores, clearing: bar, rubric: rubric)
  }
}
