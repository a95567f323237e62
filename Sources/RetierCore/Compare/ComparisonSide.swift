/// What one decision of a quarter looks like for `retier compare`: the figures the comparison
/// prints and, per valid account, the tier it lands in. Built from a ``RunResult`` and small
/// enough to keep while the other side is decided (a million accounts hold their ids, four bytes
/// of tier, the ARR, name and reason), so the two results are never in memory together.
package struct ComparisonSide: Sendable {
  /// What the caps did to one capped tier.
  package struct Cap: Sendable, Hashable {
    /// Tier number.
    package var tier: Int
    /// The seats that held.
    package var seats: Int
    /// Which bound set them.
    package var bound: CapReport.Bound
    /// Accounts seated, overrides included.
    package var seated: Int
    /// Accounts that aimed for the tier and moved down.
    package var displaced: Int
  }

  /// The side's name in the comparison, e.g. the config file's name.
  package var label: String
  /// `Tier 1 (Gold)`, … of the side's ladder, Tier 1 first.
  package var tierLabels: [String]
  /// Whether each tier, Tier 1 first, has named coverage.
  package var isNamed: [Bool]
  /// The movements (promotions, demotions, first placements) of valid accounts.
  package var counts: TierCounts
  /// Valid accounts per tier after the re-tier, by tier number (index 0 unused).
  package var validPerTier: [Int]
  /// Accounts rejected (they keep their CRM tier and take no seat).
  package var rejectedCount: Int
  /// Each capped tier's seats and binding bound, top down.
  package var caps: [Cap]
  /// The capacity table, Tier 1 first.
  package var capacity: [CapacityRow]
  /// The balance of each named tier's book over its CSMs.
  package var balances: [TierBalance]
  /// Valid accounts' ids, sorted (the book's order).
  package var accountIDs: [String]
  /// Each valid account's final tier, aligned with ``accountIDs``.
  package var finalTiers: [Int32]
  /// Each valid account's ARR in cents, aligned with ``accountIDs``.
  package var arrCents: CentsColumn
  /// Each valid account's name, aligned with ``accountIDs``; empty when the side keeps no
  /// detail.
  package var accountNames: [String]
  /// Each valid account's reason, aligned with ``accountIDs``; empty when the side keeps no
  /// detail.
  package var reasons: [TierReason]

  /// The side of `result`, named `label`. The comparison lists names and reasons from the
  /// alternative's side; the base side drops them (`keepsDetail` false) to stay small while the
  /// alternative is decided, and a base-only account is then listed by its id.
  package init(_ result: RunResult, label: String, keepsDetail: Bool = true) {
    let configuration = result.configuration
    self.label = label
    tierLabels = (1...configuration.tierCount).map { Prose.tierLabel($0, in: configuration) }
    isNamed = configuration.tiers.map { $0.coverage == .named }
    let counts = TierCounts(result)
    self.counts = counts
    // The one count (SPEC §6): valid accounts by tier after the run, rejected on their own.
    validPerTier = counts.after
    rejectedCount = counts.rejected
    let ledger = result.ledger
    caps = result.tiering.capReports.map {
      Cap(
        tier: $0.tier, seats: $0.seats, bound: $0.bindingBound, seated: $0.seatedCount,
        displaced: $0.displaced.count)
    }
    capacity = result.owners.capacity
    balances = TierBalance.balances(result)
    let refs = ledger.refs
    accountIDs = refs.map { ledger.id($0) }
    finalTiers = refs.map { Int32(ledger.decisions.finalTier($0)) }
    arrCents = CentsColumn(refs.map { ledger.arr($0).cents })
    accountNames = keepsDetail ? refs.map { ledger.name($0) } : []
    reasons = keepsDetail ? refs.map { ledger.decisions.reason($0) } : []
  }

  /// Number of tiers of the side's ladder.
  package var tierCount: Int { tierLabels.count }
}
