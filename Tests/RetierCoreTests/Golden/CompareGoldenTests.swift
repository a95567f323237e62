import Testing

@testable import RetierCore

/// `retier compare` on the demo drop: `config/retier.json` against `fixtures/what-if/alt.json`
/// (Tier 1 and Tier 2 capped by capacity as well as by share) with the roster
/// `fixtures/what-if/alt-csms.csv` (two Tier 2 CSMs hired), compared with
/// `fixtures/expected/what-if/compare.md`.
@Suite("What-if golden file")
struct CompareGoldenTests {
  @Test("the comparison matches its golden file")
  func comparisonMatchesGoldenFile() throws {
    let base = try Retier.decide(DemoDropGoldenTests.demoInput())
    let roster = try #require(RepositoryFiles.bytes("fixtures/what-if/alt-csms.csv"))
    let alternative = try Retier.decide(
      DemoDropGoldenTests.demoInput(config: "fixtures/what-if/alt.json")
        .replacingRoster(with: roster))
    let comparison = Comparison(
      base: ComparisonSide(base, label: "retier.json"),
      alternative: ComparisonSide(alternative, label: "alt.json + alt-csms.csv"))
    let quarter = try #require(FiscalQuarter(label: "2026-Q3"))
    GoldenFile.check(Array(comparison.markdown(quarter: quarter).utf8), named: "what-if/compare.md")
    // Tier 2's two new CSMs carry 120 seats, fewer than ⌊0.30 × 600⌋ = 180: capacity binds.
    let tierTwo = try #require(alternative.tiering.capReports.first { $0.tier == 2 })
    #expect(tierTwo.seats == 120 && tierTwo.bindingBound == .capacity)
  }
}
