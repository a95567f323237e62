import RetierTestSupport
import Testing

@testable import RetierCore

@Suite("Compare")
struct ComparisonTests {
  @Test("book balance: min, exact median, max and CV of a worked example")
  func workedExample() {
    // 1, 2, 3, 4: median 2.5; mean 2.5, σ = √1.25 ≈ 1.118, CV ≈ 0.4472 → 0.447.
    let figures = BalanceFigures([4, 1, 3, 2])
    #expect(figures.minimum == 1 && figures.maximum == 4 && figures.doubledMedian == 5)
    #expect(figures.coefficientOfVariationThousandths == 447)
    let empty = BalanceFigures([])
    #expect(empty.minimum == nil && empty.doubledMedian == nil)
    #expect(empty.coefficientOfVariationThousandths == nil)
    #expect(BalanceFigures([0, 0]).coefficientOfVariationThousandths == nil)
    #expect(BalanceFigures([7, 7, 7]).coefficientOfVariationThousandths == 0)
  }

  @Test("property: the integer square root is the floor of the root")
  func integerSquareRoot() {
    var random = SplitMix64(seed: 17)
    for _ in 0..<2_000 {
      let value = Int128(random.next() >> UInt64(random.below(60))) * Int128(random.below(1_000))
      let root = BalanceFigures.integerSquareRoot(value)
      #expect(root * root <= value && (root + 1) * (root + 1) > value, "\(value)")
    }
  }

  @Test("property: CV in thousandths is σ ÷ mean rounded half up, checked by counting up")
  func coefficientOfVariation() {
    var random = SplitMix64(seed: 2026)
    for _ in 0..<300 {
      let values = (0..<(1 + random.below(12))).map { _ in Int128(random.below(5_000)) }
      let n = Int128(values.count)
      let sum = values.reduce(0, +)
      let squares = values.reduce(0) { $0 + $1 * $1 }
      let result = BalanceFigures(values).coefficientOfVariationThousandths
      guard sum > 0 else {
        #expect(result == nil)
        continue
      }
      // round(1000 σ/mean) = m exactly when m − ½ ≤ 1000 √(nQ − S²) / S < m + ½; count m up.
      let target = 4_000_000 * (n * squares - sum * sum)
      var m: Int128 = 0
      while (2 * m + 1) * (2 * m + 1) * sum * sum <= target { m += 1 }
      #expect(result == m, "\(values)")
    }
  }

  /// Decides the generated drop under the default ladder and under one with another Tier 1
  /// share and a Tier 2 capped by capacity.
  private func sides(seed: UInt64) throws -> (ComparisonSide, ComparisonSide) {
    let drop = GeneratedDrop(seed: seed)
    var configuration = TestAccounts.configuration
    configuration.maxRejectedShare = ExactDecimal(1)
    var alternative = configuration
    alternative.tiers[0].maxShare = ExactDecimal("0.25")
    alternative.tiers[1].capByCapacity = true
    let input = { (configuration: Configuration) in
      RunInput(
        quarter: FiscalQuarter(label: "2026-Q3")!, files: drop.files(),
        configuration: configuration, configBytes: [], toolVersion: "test")
    }
    return (
      ComparisonSide(try Retier.decide(input(configuration)), label: "config"),
      ComparisonSide(try Retier.decide(input(alternative)), label: "ALT")
    )
  }

  @Test("property: the accounts landing differently match an independent diff")
  func landingsMatchIndependentDiff() throws {
    for seed in UInt64(1)...60 {
      let (base, alternative) = try sides(seed: seed)
      let comparison = Comparison(base: base, alternative: alternative)
      let baseTiers = Dictionary(
        uniqueKeysWithValues: zip(base.accountIDs, base.finalTiers.map(Int.init)))
      let alternativeTiers = Dictionary(
        uniqueKeysWithValues: zip(alternative.accountIDs, alternative.finalTiers.map(Int.init)))
      let ids = Set(baseTiers.keys).union(alternativeTiers.keys)
      let differing = ids.filter { baseTiers[$0] != alternativeTiers[$0] }
      #expect(comparison.landingCount == differing.count, "seed \(seed)")
      let arr = Dictionary(
        uniqueKeysWithValues: zip(alternative.accountIDs, alternative.arrCents))
      let expected = differing.sorted {
        (arr[$0] ?? 0, $1) > (arr[$1] ?? 0, $0)
      }.prefix(Comparison.landingListLimit)
      #expect(comparison.landings.map(\.accountID) == Array(expected), "seed \(seed)")
      for landing in comparison.landings {
        #expect(landing.baseTier == baseTiers[landing.accountID])
        #expect(landing.alternativeTier == alternativeTiers[landing.accountID])
      }
    }
  }

  @Test("a config compared with itself lands no account differently and changes nothing")
  func sameConfiguration() throws {
    let (base, _) = try sides(seed: 5)
    let comparison = Comparison(base: base, alternative: base)
    #expect(comparison.landingCount == 0)
    let markdown = comparison.markdown(quarter: FiscalQuarter(label: "2026-Q3")!)
    #expect(markdown.contains("0 accounts land in a different tier.\n"))
    #expect(!markdown.contains("| +") && !markdown.contains("| −"))
  }

  @Test("the Markdown names the bound that binds and the balance of each named tier")
  func markdownSections() throws {
    let drop = TestAccounts.capacityBoundDrop()
    var alternative = TestAccounts.configuration
    alternative.tiers[0].capByCapacity = true
    let base = ComparisonSide(try Retier.decide(drop.input()), label: "retier.json")
    let second = ComparisonSide(try Retier.decide(drop.input(alternative)), label: "alt.json")
    let markdown = Comparison(base: base, alternative: second)
      .markdown(quarter: FiscalQuarter(label: "2026-Q3")!)
    // Seats: ⌊0.10 × 40⌋ = 4 against the CSMs' 2 + 1 = 3. The config seats 4 but its CSMs carry
    // 3 (one left unassigned): 2 and 1 per CSM either way.
    #expect(markdown.contains("| Tier 1 | 4 (max share) | 4 | 20 | 3 (CSM capacity) | 3 | 21 |"))
    #expect(markdown.contains("| Tier 1 | unassigned | 1 | 0 |"))
    #expect(markdown.contains("| Tier 1 | accounts per CSM: median | 1.5 | 1.5 |"))
    #expect(markdown.contains("| Tier 1 | accounts per CSM: CV | 0.333 | 0.333 |"))
    #expect(markdown.contains("1 account lands in a different tier, by ARR:"))
  }
}
