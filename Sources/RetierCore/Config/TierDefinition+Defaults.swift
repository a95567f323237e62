extension TierDefinition {
  /// SPEC §4–§5 defaults: Gold (capped at 10%), Silver (expected 20–30%), Bronze (pooled).
  static let defaultLadder: [TierDefinition] = [
    TierDefinition(
      name: "Gold", minScore: ExactDecimal(12), maxShare: ExactDecimal(millionths: 100_000),
      expectedShare: nil, coverage: .named, capacity: 20,
      serviceLevels: .trainingTier1,
      benchmark: CapacityBenchmark(
        accountsPerCSM: ClosedBounds(low: ExactDecimal(8), high: ExactDecimal(20)),
        arrPerCSM: ClosedBounds(low: ExactDecimal(1_500_000), high: ExactDecimal(4_000_000)),
        maximumCoverageCostShare: ExactDecimal(millionths: 150_000))),
    TierDefinition(
      name: "Silver", minScore: ExactDecimal(8), maxShare: nil,
      expectedShare: ShareBand(
        low: ExactDecimal(millionths: 200_000), high: ExactDecimal(millionths: 300_000)),
      coverage: .named, capacity: 80,
      serviceLevels: .trainingTier2,
      benchmark: CapacityBenchmark(
        accountsPerCSM: ClosedBounds(low: ExactDecimal(40), high: ExactDecimal(80)),
        arrPerCSM: ClosedBounds(low: ExactDecimal(2_000_000), high: ExactDecimal(5_000_000)),
        maximumCoverageCostShare: nil)),
    TierDefinition(
      name: "Bronze", minScore: ExactDecimal(0), maxShare: nil, expectedShare: nil,
      coverage: .pooled, capacity: 500,
      serviceLevels: .trainingPooled,
      benchmark: CapacityBenchmark(
        accountsPerCSM: ClosedBounds(low: ExactDecimal(200)), arrPerCSM: ClosedBounds(),
        maximumCoverageCostShare: ExactDecimal(millionths: 30_000))),
  ]
}
