/// The field benchmark a tier's capacity figures should sit in (SPEC §5); a figure outside is
/// flagged in the capacity table.
struct CapacityBenchmark: Sendable, Hashable {
  /// Accounts per CSM, inclusive; `nil` bounds are open.
  var accountsPerCSM: ClosedBounds
  /// ARR per CSM in currency units, inclusive; `nil` bounds are open.
  var arrPerCSM: ClosedBounds
  /// Highest acceptable coverage cost as a share of the tier's ARR.
  var maximumCoverageCostShare: ExactDecimal?

  /// A benchmark with no bounds: nothing is flagged.
  static let none = CapacityBenchmark(
    accountsPerCSM: ClosedBounds(), arrPerCSM: ClosedBounds(), maximumCoverageCostShare: nil)
}

/// Inclusive lower and upper bounds, either of which may be open.
struct ClosedBounds: Sendable, Hashable {
  /// Lowest value inside, when bounded.
  var low: ExactDecimal?
  /// Highest value inside, when bounded.
  var high: ExactDecimal?

  /// Creates bounds; both open by default.
  init(low: ExactDecimal? = nil, high: ExactDecimal? = nil) {
    self.low = low
    self.high = high
  }

  /// Whether both bounds are open.
  var isOpen: Bool { low == nil && high == nil }

  /// Whether `value` is inside the bounds.
  func contains(_ value: ExactDecimal) -> Bool {
    if let low, value < low { return false }
    if let high, high < value { return false }
    return true
  }
}
