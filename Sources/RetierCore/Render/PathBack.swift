/// A demoted account's way back to the tier it left, as figures: the total it must reach and the
/// least ARR or expansion evidence that reaches it at this quarter's cut lines. The account memo
/// states the same figures in words (both come from ``AccountMemo/ReelevationSolver``), and
/// `run.json` records them for the next quarter's re-elevation watch (SPEC §6, §8).
struct PathBack: Sendable {
  /// The least ARR that, alone, clears the bar.
  struct ARRTarget: Sendable, Hashable {
    /// The least ARR.
    var arr: Money
    /// The ARR score it gives.
    var arrScore: Int
    /// The expansion score at that ARR (the ceiling rules compare the ceiling with ARR).
    var expansionScore: Int
    /// The total it gives.
    var total: ExactDecimal
    /// Whether the yearly support cost, not the ARR line, sets the amount.
    var coversSupportCost: Bool
  }

  /// The least expansion evidence that, alone, clears the bar.
  struct ExpansionTarget: Sendable {
    /// What must change.
    var plan: AccountMemo.ReelevationSolver.ExpansionPlan
    /// The total it gives.
    var total: ExactDecimal
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
  /// The total to reach; `nil` when no total brings it back (an override or a new-logo hold set
  /// the tier, or overrides took every seat of the cap).
  var bar: AccountMemo.Bar?
  /// The ARR lever, when ARR alone clears the bar.
  var arr: ARRTarget?
  /// The expansion lever, when expansion evidence alone clears the bar.
  var expansion: ExpansionTarget?

  /// The path back of every demoted valid account, in book (account id) order.
  static func all(_ explainer: WhyMoved) -> [PathBack] {
    let result = explainer.result
    let accounts = result.book.accounts
    let decisions = result.tiering.decisions
    let demoted = accounts.indices.filter { index in
      guard let from = accounts[index].currentTier else { return false }
      return decisions[index].finalTier > from
    }
    return Parallel.map(demoted.count, minimumChunk: 256) { position in
      PathBack(demoted[position], explainer: explainer)
    }
  }

  /// The path back of the demoted account at `index`.
  init(_ index: Int, explainer: WhyMoved) {
    let result = explainer.result
    let account = result.book.accounts[index]
    let decision = result.tiering.decisions[index]
    let from = account.currentTier ?? decision.finalTier
    accountID = account.id
    fromTier = from
    toTier = decision.finalTier
    reason = decision.reason
    total = result.scores[index].total
    // The same bar as the account memo's re-elevation path.
    switch decision.reason {
    case .override, .newLogo:
      bar = nil
    case .cap where decision.rubricTier <= from:
      bar = explainer.lowestSeatedTotal(inTier: from).map {
        AccountMemo.Bar(total: $0, isStrict: true)
      }
    case .cap, .rubric, .invalidInput:
      bar = AccountMemo.Bar(total: explainer.line(ofTier: from), isStrict: false)
    }
    guard let bar else { return }
    let solver = AccountMemo.ReelevationSolver(explainer: explainer, index: index)
    arr = solver.arrTarget(bar)
    expansion = solver.expansionTarget(bar)
  }
}

extension AccountMemo.ReelevationSolver {
  /// The least ARR that alone clears `bar`, trying each higher ARR score in turn; `nil` when none
  /// does.
  func arrTarget(_ bar: AccountMemo.Bar) -> PathBack.ARRTarget? {
    guard scores.arr < 5 else { return nil }
    for score in (scores.arr + 1)...5 {
      guard let line = explainer.result.cutLines.minimumARR(forScore: score) else { continue }
      let needed = max(line, supportBreakEven)
      let expansion = expansionScore(
        arr: needed, ceiling: account.expansionCeiling, multiBU: account.multiBU,
        unblocked: false)
      let newTotal = total(arr: score, expansion: expansion)
      guard bar.isMet(by: newTotal) else { continue }
      return PathBack.ARRTarget(
        arr: needed, arrScore: score, expansionScore: expansion, total: newTotal,
        coversSupportCost: needed > line)
    }
    return nil
  }

  /// The least expansion evidence (after clearing any block) that alone clears `bar`; `nil`
  /// when none does.
  func expansionTarget(_ bar: AccountMemo.Bar) -> PathBack.ExpansionTarget? {
    guard scores.expansion < 5 else { return nil }
    for score in (scores.expansion + 1)...5 {
      guard let plan = expansionPlan(score: score, arr: account.arr) else { continue }
      let newTotal = total(arr: scores.arr, expansion: plan.score)
      guard bar.isMet(by: newTotal) else { continue }
      return PathBack.ExpansionTarget(plan: plan, total: newTotal)
    }
    return nil
  }
}
