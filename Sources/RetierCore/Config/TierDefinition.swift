/// One tier of the configured ladder (Tier 1 at the top).
package struct TierDefinition: Sendable, Hashable {
  /// Display name, e.g. "Gold".
  package var name: String
  /// Lowest total score that qualifies for the tier on the rubric.
  package var minScore: ExactDecimal
  /// Hard cap on the tier's share of valid accounts; `nil` means uncapped.
  package var maxShare: ExactDecimal?
  /// Whether the tier's seats are also (or instead) capped by the summed capacity of its active
  /// CSMs (`cap_by_capacity`; named tiers only).
  package var capByCapacity = false
  /// Soft band the tier's share should sit in; outside only warns.
  var expectedShare: ShareBand?
  /// Named CSM or pooled queue.
  var coverage: Coverage
  /// Default accounts per CSM when a roster row leaves `max_accounts` blank.
  var capacity: Int
  /// What the customer gets in this tier.
  var serviceLevels: ServiceLevels
  /// The field benchmark for the capacity table.
  var benchmark: CapacityBenchmark
}
