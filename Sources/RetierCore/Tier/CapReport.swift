/// What the hard cap of one tier did this quarter.
struct CapReport: Sendable, Hashable {
  /// A cap-displaced incumbent and the newcomer that took its seat.
  struct Pair: Sendable, Hashable {
    /// Index (into the book's valid accounts) of the incumbent that moved down.
    var displaced: Int
    /// Index of the account seated in its place; `nil` when the cap itself shrank.
    var takenBy: Int?
  }

  /// The capped tier.
  var tier: Int
  /// ⌊max_share × N⌋.
  var seats: Int
  /// Overrides seated in the tier (honoured even past the cap).
  var overrideCount: Int
  /// Accounts seated in the tier, overrides included.
  var seatedCount: Int
  /// Accounts that aimed for the tier and moved down, in rank order.
  var displaced: [Int]
  /// Incumbents displaced by the cap, each paired with its taker.
  var pairs: [Pair]

  /// Whether overrides alone exceed the cap (the memo warns).
  var isOverriddenPastCap: Bool { overrideCount > seats }
}
