/// Valid accounts per tier before and after a run, rejected accounts as a count of their own,
/// and the movements by direction: the one count behind `run.json`, `memo.md` and the run
/// summary, so they always agree.
package struct TierCounts: Sendable, Hashable {
  /// Valid accounts per CRM tier before the run, by tier number; index 0 counts those without a
  /// tier (first placements).
  package var before: [Int]
  /// Valid accounts per tier after the run, by tier number; index 0 is always 0.
  package var after: [Int]
  /// Rejected accounts: a row of their own in every table, never in a tier's count (SPEC §6,
  /// one count definition), though each keeps the tier it holds.
  package var rejected = 0
  /// Valid accounts moved to a higher tier.
  package var promotions = 0
  /// Valid accounts moved to a lower tier.
  package var demotions = 0
  /// Valid accounts placed for the first time.
  package var firstPlacements = 0

  /// Counts `result`.
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
    rejected = result.book.rejectedAccounts.count
  }
}
