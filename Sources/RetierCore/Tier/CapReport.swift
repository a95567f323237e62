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
  /// The seats that hold: the smaller of ``shareSeats`` and ``capacitySeats`` where both are set.
  package var seats: Int
  /// ⌊max_share × N⌋, when the tier has a `max_share`.
  package var shareSeats: Int?
  /// The summed capacity of the tier's active CSMs, when the tier has `cap_by_capacity`.
  package var capacitySeats: Int?
  /// Overrides seated in the tier (honoured even past the cap).
  package var overrideCount: Int
  /// Accounts seated in the tier, overrides included.
  package var seatedCount: Int
  /// Accounts that aimed for the tier and moved down, in rank order.
  package var displaced: [AccountRef]
  /// Incumbents displaced by the cap, each paired with its taker.
  package var pairs: [Pair]

  /// Which bound sets ``seats``.
  package enum Bound: String, Sendable, Hashable {
    /// `max_share` alone, or it is the smaller.
    case share
    /// The CSMs' capacity alone, or it is the smaller.
    case capacity
    /// Both bounds give the same seats.
    case both
  }

  /// Which bound sets ``seats``.
  package var bindingBound: Bound {
    switch (shareSeats, capacitySeats) {
    case (let share?, let capacity?) where share == capacity: .both
    case (let share?, let capacity?): share < capacity ? .share : .capacity
    case (_, .some): .capacity
    default: .share
    }
  }

  /// Whether overrides alone exceed the cap, the only way a tier holds more accounts than seats
  /// (memo.md and memo.html warn).
  var isOverriddenPastCap: Bool { overrideCount > seats }
}
