import Testing

@testable import RetierCore

@Suite("Across quarters: tier scorecard, re-elevation watch, flapping")
struct AcrossQuartersTests {
  typealias Line = PreviousRunRecord.TierLine
  typealias Standing = AcrossQuarters.Standing

  static func standing(
    _ id: String, arr: Money, from: Int?, to: Int, total: Int = 8, ceiling: Money? = nil
  ) -> Standing {
    Standing(
      id: id, name: "Name \(id)", arr: arr, fromTier: from, toTier: to, total: ExactDecimal(total),
      ceiling: ceiling, multiBU: false, expansionBlocked: false)
  }

  /// The figures of the previous `lines` against this quarter's valid accounts `now`, added as
  /// the run's one pass adds them (in account id order), then the watch of `pathBacks`.
  static func figures(
    _ lines: [String: Line], _ now: [Standing],
    pathBacks: [PreviousRunManifest.RecordedPathBack]? = nil, keeping: Int = 50
  ) -> AcrossQuarters {
    var figures = AcrossQuarters(keeping: keeping)
    let standings = Dictionary(uniqueKeysWithValues: now.map { ($0.id, $0) })
    for (id, line) in lines.sorted(by: { $0.key < $1.key }) {
      guard let standing = standings[id] else {
        figures.add(previous: line)
        continue
      }
      figures.add(
        previous: line,
        now: .init(arr: standing.arr, fromTier: standing.fromTier, toTier: standing.toTier),
        standing: { standing })
    }
    figures.watch(pathBacks, keeping: keeping) { standings[$0] }
    return figures
  }

  /// Tier 1 cohort: A (100,000 → 120,000), B (50,000 → 40,000, now Tier 2), C (30,000, gone: 0).
  /// Then 180,000; now 160,000; retained 100,000 + 40,000 + 0 = 140,000. GRR 140/180 = 77.78%
  /// → 77.8%; NRR 160/180 = 88.89% → 88.9%.
  /// Tier 2 cohort: D (20,000 → 0: its credit line cancels its ARR, now Tier 3), E (10,000.50,
  /// unchanged, now Tier 1). Then 30,000.50, now and retained 10,000.50: 33.33% → 33.3%.
  /// F was rejected then (no ARR): in no cohort. NEW is new this quarter: in no cohort.
  @Test(
    "cohorts follow the previous run's accounts: churned and zeroed count 0, new ones do not count")
  func scorecard() throws {
    let lines: [String: Line] = [
      "A": Line(fromTier: 1, toTier: 1, arr: Money(units: 100_000)),
      "B": Line(fromTier: 2, toTier: 1, arr: Money(units: 50_000)),
      "C": Line(fromTier: 1, toTier: 1, arr: Money(units: 30_000)),
      "D": Line(fromTier: 2, toTier: 2, arr: Money(units: 20_000)),
      "E": Line(fromTier: 3, toTier: 2, arr: Money(cents: 1_000_050)),
      "F": Line(fromTier: 3, toTier: 3, arr: nil),
    ]
    let now = [
      Self.standing("A", arr: Money(units: 120_000), from: 1, to: 1),
      Self.standing("B", arr: Money(units: 40_000), from: 1, to: 2),
      Self.standing("D", arr: .zero, from: 2, to: 3),
      Self.standing("E", arr: Money(cents: 1_000_050), from: 2, to: 1),
      Self.standing("NEW", arr: Money(units: 1_000_000), from: nil, to: 1),
    ]
    let figures = Self.figures(lines, now)
    #expect(figures.cohortRowsWithoutARR == 1)
    let rows = figures.scorecard
    #expect(rows.map(\.tier) == [1, 2])
    let tier1 = try #require(rows.first)
    #expect(tier1.accounts == 3 && tier1.stillValid == 2)
    #expect(tier1.arrThen == Money(units: 180_000))
    #expect(tier1.arrNow == Money(units: 160_000))
    #expect(tier1.arrRetained == Money(units: 140_000))
    #expect(tier1.grossRetention?.description == "77.8%")
    #expect(tier1.netRetention?.description == "88.9%")
    #expect(tier1.movedUp == 0 && tier1.movedDown == 1)
    let tier2 = try #require(rows.last)
    #expect(tier2.accounts == 2 && tier2.stillValid == 2)
    #expect(tier2.arrThen == Money(cents: 3_000_050))
    #expect(tier2.arrNow == Money(cents: 1_000_050) && tier2.arrRetained == tier2.arrNow)
    #expect(tier2.grossRetention?.description == "33.3%")
    #expect(tier2.movedUp == 1 && tier2.movedDown == 1)
    // B was promoted (2 → 1) last time and is demoted (1 → 2) now; E moved up both times.
    #expect(figures.flapping.first.map(\.now.id) == ["B"])
    let flap = try #require(figures.flapping.first.first)
    #expect(flap.previousFrom == 2 && flap.previousTo == 1)
  }

  @Test(
    "retention rates are exact ratios shown to a tenth of a percent, rounded half up",
    arguments: [
      (974_500, 1_000_000, "97.5%"), (974_499, 1_000_000, "97.4%"), (1, 3, "33.3%"),
      (2, 3, "66.7%"), (0, 5, "0.0%"), (3, 2, "150.0%"), (1, 2_000, "0.1%"), (1, 2_001, "0.0%"),
    ])
  func retentionRounding(numerator: Int, denominator: Int, text: String) throws {
    let rate = try #require(
      RetentionRate(Money(cents: Int128(numerator)), over: Money(cents: Int128(denominator))))
    #expect(rate.description == text)
  }

  @Test("a cohort with no ARR then has no retention rate")
  func emptyCohortRate() {
    #expect(RetentionRate(Money(units: 10), over: .zero) == nil)
  }

  /// G left Tier 1 needing ARR ≥ 80,000 or a ceiling ≥ 200,000 to reach 12: now 90,000 (reached),
  /// ceiling 150,000 (not), total 12, back in Tier 1. H is gone. K stays in Tier 2 with a total
  /// of 9 under a cap bar of more than 9.
  @Test("the watch checks each recorded target against this quarter's figures")
  func reelevationWatch() throws {
    func recorded(
      _ id: String, arr: Money?, ceiling: Money?, bar: Int, strict: Bool = false
    ) -> PreviousRunManifest.RecordedPathBack {
      .init(
        accountID: id, fromTier: 1, toTier: 2, reason: "rubric", total: ExactDecimal(10),
        bar: ExactDecimal(bar), barIsStrict: strict, arrAtLeast: arr,
        hasExpansionTarget: ceiling != nil, ceilingAtLeast: ceiling, needsMultiBU: false,
        needsUnblock: false)
    }
    let figures = Self.figures(
      [:],
      [
        Self.standing(
          "G", arr: Money(units: 90_000), from: 2, to: 1, total: 12,
          ceiling: Money(units: 150_000)),
        Self.standing("K", arr: Money(units: 1_000), from: 2, to: 2, total: 9),
      ],
      pathBacks: [
        recorded("K", arr: nil, ceiling: nil, bar: 9, strict: true),
        recorded("H", arr: Money(units: 1), ceiling: nil, bar: 12),
        recorded("G", arr: Money(units: 80_000), ceiling: Money(units: 200_000), bar: 12),
      ])
    #expect(figures.watch?.count == 3 && figures.reentered == 1)
    let watch = try #require(figures.watch?.first)
    #expect(watch.map(\.recorded.accountID) == ["G", "H", "K"])
    #expect(watch[0].reachedARR == true && watch[0].reachedExpansion == false)
    #expect(watch[0].reachedBar == true && watch[0].reentered)
    #expect(watch[1].now == nil && watch[1].reachedARR == nil && !watch[1].reentered)
    #expect(watch[2].reachedBar == false && watch[2].reachedARR == nil && !watch[2].reentered)
  }
}
