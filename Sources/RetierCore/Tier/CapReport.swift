/// What the hard cap of one tier did this quarter.
package struct CapReport: Sendable, Hashable {
  /// A cap-displaced incumbent and the newcomer that took its seat.
  package struct Pair: Sendable, Hashable {
    /// The incumbent that moved down.
    package var displaced: AccountRef
    /// The account seated in its place; `nil` when the cap itself shrank.
    package var takenBy: AccountRef?
  }

  /// The capped tier.
  package var tier: Int
  /// ⌊max_share × N⌋.
  package var seats: Int
  /// Overrides seated in the tier (honoured even past the cap).
  package var overrideCount: Int
  /// Accounts seated in the tier, overrides included.
  package var seatedCount: Int
  /// Accounts that aimed for the tier and moved down, in rank order.
  package var displaced: [AccountRef]
  /// Incumbents displaced by the cap, each paired with its taker.
  package var pairs: [Pair]

  /// Whether overrides alone exceed the cap (the memo warns).
  var isOverriddenPastCap: Bool { overrideCount > seats }
}
