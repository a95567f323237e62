/// Accounts per tier before and after a run, and the movements by direction, counted over
/// every account with a usable id (every `tiers.csv` row): the one count behind `run.json`,
/// `memo.md` and the run summary, so the three always agree.
package struct TierCounts: Sendable, Hashable {
  /// Accounts per CRM tier before the run, by tier number; index 0 counts accounts without a
  /// tier (first placements, and rejected accounts whose CRM tier was unusable).
  package var before: [Int]
  /// Accounts per tier after the run, by tier number; index 0 counts rejected accounts whose CRM
  /// tier was unusable (a rejected account keeps the tier it holds).
  package var after: [Int]
  /// Valid accounts moved to a higher tier.
  package var promotions = 0
  /// Valid accounts moved to a lower tier.
  package var demotions = 0
  /// Valid accounts placed for the first time.
  package var firstPlacements = 0

  /// Counts `result`. No id order is needed, so valid and rejected accounts are counted list by
  /// list.
  package init(_ result: RunResult) {
    let slots = result.configuration.tierCount + 1
    before = [Int](repeating: 0, count: slots)
    after = [Int](repeating: 0, count: slots)
    let accounts = result.book.accounts
    for index in accounts.indices {
      let from = accounts[index].currentTier
      let to = result.tiering.decisions[index].finalTier
      before[from ?? 0] += 1
      after[to] += 1
      switch MovementDirection(from: from, to: to) {
      case .promotion: promotions += 1
      case .demotion: demotions += 1
      case .firstPlacement: firstPlacements += 1
      case nil: break
      }
    }
    for rejected in result.book.rejectedAccounts {
      before[rejected.currentTier ?? 0] += 1
      after[rejected.currentTier ?? 0] += 1
    }
  }
}
