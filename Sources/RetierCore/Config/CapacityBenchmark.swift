/// The field benchmark a tier's capacity figures should sit in (SPEC §5); a figure outside is
/// flagged in the capacity table.
package struct CapacityBenchmark: Sendable, Hashable {
  /// Accounts per CSM, inclusive; `nil` bounds are open.
  package var accountsPerCSM: ClosedBounds
  /// ARR per CSM in currency units, inclusive; `nil` bounds are open.
  package var arrPerCSM: ClosedBounds
  /// Highest acceptable coverage cost as a share of the tier's ARR.
  package var maximumCoverageCostShare: ExactDecimal?

  /// A benchmark with no bounds: nothing is flagged.
  package static let none = CapacityBenchmark(
    accountsPerCSM: ClosedBounds(), arrPerCSM: ClosedBounds(), maximumCoverageCostShare: nil)
}

/// Inclusive lower and upper bounds, either of which may be open.
package struct ClosedBounds: Sendable, Hashable {
  /// Lowest value inside, when bounded.
  package var low: ExactDecimal?
  /// Highest value inside, when bounded.
  package var high: ExactDecimal?

  /// Creates bounds; both open by default.
  package init(low: ExactDecimal? = nil, high: ExactDecimal? = nil) {
    self.low = low
    self.high = high
  }

  /// Whether both bounds are open.
  package var isOpen: Bool { low == nil && high == nil }

  /// Whether `value` is inside the bounds.
  package func contains(_ value: ExactDecimal) -> Bool {
    if let low, value < low { return false }
    if let high, high < value { return false }
    return true
  }
}
