import Testing

@testable import RetierCore

@Suite("CapacityTable")
struct CapacityTableTests {
  private let defaults = OwnerFixtures.configuration()

  private func flags(
    accounts: Int, arr: String, csms: Int, tier: Int, cost: Int = 150_000
  ) -> [String] {
    CapacityTable.flags(
      accounts: accounts, arr: Money(arr)!, activeCSMs: csms,
      benchmark: defaults.tier(tier).benchmark, csmLoadedCost: ExactDecimal(cost))
  }

  @Test(
    "CSMs short is ⌈accounts / default capacity⌉ − active CSMs, never below zero",
    arguments: [
      (0, 80, 0, 0), (1, 80, 0, 1), (80, 80, 0, 1), (81, 80, 0, 2), (175, 80, 0, 3),
      (175, 80, 1, 2), (175, 80, 3, 0), (175, 80, 9, 0), (180, 60, 0, 3), (60, 20, 6, 0),
    ])
  func csmsShort(accounts: Int, capacity: Int, csms: Int, short: Int) {
    #expect(
      CapacityTable.csmsShort(accounts: accounts, defaultCapacity: capacity, activeCSMs: csms)
        == short)
  }

  @Test(
    "accounts per CSM: a value exactly on a band edge is inside",
    arguments: [
      (16, 2, [String]()), (40, 2, []), (15, 2, ["accounts/CSM below 8"]),
      (41, 2, ["accounts/CSM above 20"]),
      // 20.00000033…: rounds to 20 at six decimals, but is above the band.
      (60_000_001, 3_000_000, ["accounts/CSM above 20"]),
      // 7.99999966…: rounds to 8 at six decimals, but is below the band.
      (23_999_999, 3_000_000, ["accounts/CSM below 8"]),
    ])
  func accountsBand(accounts: Int, csms: Int, expected: [String]) {
    // ARR chosen inside the ARR band (2M per CSM) and cost inside 15%.
    let arr = String(2_000_000 * csms)
    #expect(flags(accounts: accounts, arr: arr, csms: csms, tier: 1) == expected)
  }

  @Test(
    "ARR per CSM: exact to the cent on both edges",
    arguments: [
      ("3000000", [String]()), ("8000000", []),
      ("2999999.99", ["ARR/CSM below 1,500,000"]), ("8000000.01", ["ARR/CSM above 4,000,000"]),
    ])
  func arrBand(arr: String, expected: [String]) {
    #expect(flags(accounts: 20, arr: arr, csms: 2, tier: 1) == expected)
  }

  @Test(
    "coverage cost: exactly the maximum is inside, a cent less ARR is over",
    arguments: [
      ("2000000", 150_000, [String]()), ("1999999.99", 150_000, ["coverage cost above 15%"]),
      ("2000000", 150_001, ["coverage cost above 15%"]),
    ])
  func coverageCost(arr: String, cost: Int, expected: [String]) {
    // Two CSMs, 10 accounts each, 1M each (ARR flags are not the point: filter them out).
    let result = flags(accounts: 20, arr: arr, csms: 2, tier: 1, cost: cost)
      .filter { !$0.hasPrefix("ARR/CSM") }
    #expect(result == expected)
  }

  @Test(
    "pooled band has no upper bound; 200 per CSM is inside, 199 is not; 3% cost cap",
    arguments: [
      (400, 2, "10000000", [String]()), (398, 2, "10000000", ["accounts/CSM below 200"]),
      (100_000, 2, "10000000", []), (400, 2, "9999999.99", ["coverage cost above 3%"]),
      (400, 0, "1", ["no active CSM"]), (0, 0, "0", []),
    ])
  func pooledBand(accounts: Int, csms: Int, arr: String, expected: [String]) {
    #expect(flags(accounts: accounts, arr: arr, csms: csms, tier: 3) == expected)
  }

  @Test("a tier with CSMs and no accounts is flagged on every figure; its cost share is unknown")
  func emptyTierWithCSMs() {
    let row = CapacityTable.row(
      tier: 1, accounts: 0, arr: .zero, activeCSMs: 2, unassigned: 0, configuration: defaults)
    #expect(
      row.flags == ["accounts/CSM below 8", "ARR/CSM below 1,500,000", "coverage cost above 15%"])
    #expect(row.coverageCostShare == nil)
    #expect(row.accountsPerCSM == .zero)
    #expect(row.csmsShort == 0)
  }

  @Test("per-CSM figures are rounded half up for display; no CSM means no figure")
  func rounding() {
    let row = CapacityTable.row(
      tier: 2, accounts: 10, arr: Money("1000000.01")!, activeCSMs: 3, unassigned: 0,
      configuration: defaults)
    #expect(row.accountsPerCSM == ExactDecimal("3.333333"))
    #expect(row.arrPerCSM == Money("333333.34"))
    // 150000 × 3 ÷ 1000000.01 = 0.44999999550…
    #expect(row.coverageCostShare == ExactDecimal("0.45"))
    let alone = CapacityTable.row(
      tier: 2, accounts: 10, arr: Money("1000")!, activeCSMs: 0, unassigned: 10,
      configuration: defaults)
    #expect(alone.accountsPerCSM == nil)
    #expect(alone.arrPerCSM == nil)
    #expect(alone.coverageCostShare == .zero)
    #expect(alone.csmsShort == 1)
  }

  @Test("rows count valid accounts by final tier, active CSMs only, unassigned named accounts")
  func rowsFromBook() {
    let scenario = OwnerFixtures.Scenario(
      [
        OwnerFixtures.placed("A", arr: "1000000", from: 1, to: 1, owner: "t1"),
        OwnerFixtures.placed("B", arr: "500000", from: nil, to: 1),
        OwnerFixtures.placed("C", arr: "300000", from: 1, to: 2),
        OwnerFixtures.placed("D", arr: "1000", from: nil, to: 3),
      ],
      roster: [
        OwnerFixtures.csm("t1", tier: 1, max: 1),
        OwnerFixtures.csm("t1-off", tier: 1, active: false),
        OwnerFixtures.csm("t3", tier: 3),
      ],
      rejected: [RejectedAccount(id: "R", name: "R", currentTier: 1, ownerID: "t1")])
    let rows = scenario.assign().assignment.capacity
    #expect(rows.map(\.accounts) == [2, 1, 1])
    #expect(
      rows.map(\.arr) == [Money(units: 1_500_000), Money(units: 300_000), Money(units: 1_000)])
    #expect(rows.map(\.activeCSMs) == [1, 0, 1])
    #expect(rows.map(\.unassigned) == [1, 1, 0])
    #expect(rows.map(\.csmsShort) == [0, 1, 0])
  }

  /// The capacity table, the ARR balance table and the hiring signal of `rows`, as memo.md
  /// writes them.
  static func markdown(_ rows: [CapacityRow], configuration: Configuration) -> String {
    let blocks =
      [
        ReviewBlock.table(
          ReviewDocument.capacityTable(ReviewDocument.capacityColumns(configuration), rows))
      ]
      + ReviewDocument.balanceAndHiring(rows, configuration: configuration)
    return blocks.compactMap(ReviewMemo.markdown).joined(separator: "\n")
  }

  @Test("capacity, ARR balance and hiring signal for the worked example, as memo.md writes them")
  func markdown() {
    let scenario = OwnerFixtures.workedExample
    let rows = scenario.assign().assignment.capacity
    let expected = """
      | tier | accounts | ARR (USD) | CSMs | accounts/CSM (band) | ARR/CSM, USD (band) \
      | CSMs short | coverage cost (max) | flags |
      |---|---:|---:|---:|---:|---:|---:|---:|---|
      | Tier 1 (Gold) | 60 | 12,000,000 | 6 | 10 (8–20) | 2,000,000 (1,500,000–4,000,000) | 0 \
      | 7.5% (≤ 15%) | — |
      | Tier 2 (Silver) | 180 | 7,200,000 | 0 | — (40–80) | — (2,000,000–5,000,000) | 3 | 0% \
      | **no active CSM; 180 unassigned** |
      | Tier 3 (Bronze), pooled | 360 | 4,800,000 | 0 | — (≥ 200) | — | 1 | 0% (≤ 3%) \
      | **no active CSM** |

      ARR per active CSM of each named tier (a spread max ÷ mean above 1.5 is flagged; held: \
      accounts kept by a lock or a renewal hold):

      | tier | CSMs | min (USD) | median (USD) | max (USD) | spread (max ÷ mean) | CV | held |
      |---|---:|---:|---:|---:|---:|---:|---:|
      | Tier 1 (Gold) | 6 | 2,000,000 | 2,000,000 | 2,000,000 | 1.00 | 0.00 | 0 |

      - **Tier 2 (Silver) is 3 CSMs short: 180 accounts at 60 per CSM need 3, 0 are active.**
      - **Tier 3 (Bronze) is 1 CSM short: 360 accounts at 500 per CSM need 1, 0 are active.**

      """
    #expect(Self.markdown(rows, configuration: scenario.configuration) == expected)
  }

  @Test("memo.md says when no tier is short, and escapes pipes in tier names")
  func markdownNothingShort() {
    var configuration = defaults
    configuration.tiers[0].name = "Gold|Platinum"
    let row = CapacityTable.row(
      tier: 1, accounts: 10, arr: Money(units: 2_000_000), activeCSMs: 1, unassigned: 0,
      configuration: configuration)
    let text = Self.markdown([row], configuration: configuration)
    #expect(text.contains("| Tier 1 (Gold\\|Platinum) | 10 | 2,000,000 | 1 | 10 (8–20) |"))
    #expect(text.hasSuffix("\n\nNo tier is short of CSMs at its default capacity.\n"))
  }

  @Test(
    "hiring signal grammar",
    arguments: [
      (175, 0, "Tier 2 (Silver) is 3 CSMs short: 175 accounts at 80 per CSM need 3, 0 are active."),
      (175, 1, "Tier 2 (Silver) is 2 CSMs short: 175 accounts at 80 per CSM need 3, 1 is active."),
      (1, 0, "Tier 2 (Silver) is 1 CSM short: 1 account at 80 per CSM needs 1, 0 are active."),
      (161, 2, "Tier 2 (Silver) is 1 CSM short: 161 accounts at 80 per CSM need 3, 2 are active."),
    ])
  func hiringSignal(accounts: Int, csms: Int, sentence: String) {
    let row = CapacityTable.row(
      tier: 2, accounts: accounts, arr: Money(units: 100 * accounts), activeCSMs: csms,
      unassigned: 0, configuration: defaults)
    #expect(CapacityTable.hiringSignal(row, configuration: defaults) == sentence)
  }

  @Test("no hiring signal when the tier is not short")
  func noHiringSignal() {
    let row = CapacityTable.row(
      tier: 2, accounts: 160, arr: Money(units: 100), activeCSMs: 2, unassigned: 0,
      configuration: defaults)
    #expect(CapacityTable.hiringSignal(row, configuration: defaults) == nil)
    #expect(CapacityTable.hiringSignals([row], configuration: defaults).isEmpty)
  }

  @Test("summary lines: one per tier, then the hiring signal")
  func summaryLines() {
    let scenario = OwnerFixtures.workedExample
    let rows = scenario.assign().assignment.capacity
    #expect(
      CapacityTable.summaryLines(rows, configuration: scenario.configuration) == [
        "Tier 1 (Gold): 60 accounts, ARR 12,000,000, 6 active CSMs, 10 accounts/CSM (band 8–20), "
          + "ARR/CSM 2,000,000 (band 1,500,000–4,000,000), coverage cost 7.5% (max 15%), "
          + "0 CSMs short, 0 unassigned, ARR per CSM min 2,000,000 median 2,000,000 "
          + "max 2,000,000 spread 1.00 CV 0.00, 0 held",
        "Tier 2 (Silver): 180 accounts, ARR 7,200,000, 0 active CSMs, - accounts/CSM (band 40–80), "
          + "ARR/CSM - (band 2,000,000–5,000,000), coverage cost 0%, 3 CSMs short, 180 unassigned; "
          + "flags: no active CSM",
        "Tier 3 (Bronze): 360 accounts, ARR 4,800,000, 0 active CSMs, - accounts/CSM (band ≥ 200), "
          + "ARR/CSM -, coverage cost 0% (max 3%), 1 CSM short, 0 unassigned; flags: no active CSM",
        "Tier 2 (Silver) is 3 CSMs short: 180 accounts at 60 per CSM need 3, 0 are active.",
        "Tier 3 (Bronze) is 1 CSM short: 360 accounts at 500 per CSM need 1, 0 are active.",
      ])
  }

  @Test(
    "number text helpers",
    arguments: [
      ("58.333333", "58.3"), ("10", "10"), ("0.05", "0.1"), ("0.049999", "0"), ("12.96", "13"),
    ])
  func oneDecimal(value: String, text: String) {
    #expect(CapacityTable.oneDecimalText(ExactDecimal(value)!) == text)
  }

  @Test(
    "percent text: rounded for figures, exact for bounds",
    arguments: [
      ("0.075", "7.5%", "7.5%"), ("0.15", "15%", "15%"), ("0.031234", "3.1%", "3.1234%"),
      ("0.00049", "0%", "0.049%"),
    ])
  func percentText(share: String, rounded: String, exact: String) {
    let value = ExactDecimal(share)!
    #expect(CapacityTable.roundedPercentText(value) == rounded)
    #expect(CapacityTable.percentText(value) == exact)
  }

  @Test(
    "grouped units keep the exact fraction",
    arguments: [
      ("1500000", "1,500,000"), ("2500.5", "2,500.5"), ("999", "999"), ("0", "0"),
      ("-1234567.25", "-1,234,567.25"),
    ])
  func groupedUnits(value: String, text: String) {
    #expect(CapacityTable.groupedUnits(ExactDecimal(value)!) == text)
  }

  @Test(
    "the ARR spread max ÷ mean is flagged above arr_spread_max, and is compare's balance",
    arguments: [("900", "100", true), ("750", "250", false)])
  func arrSpread(kept: String, other: String, flagged: Bool) {
    let scenario = OwnerFixtures.Scenario(
      [
        OwnerFixtures.placed("A", arr: kept, from: 1, to: 1, owner: "a"),
        OwnerFixtures.placed("B", arr: other, from: 1, to: 1, owner: "b"),
      ],
      roster: [OwnerFixtures.csm("a", tier: 1), OwnerFixtures.csm("b", tier: 1)])
    let result = scenario.runResult()
    let row = result.owners.capacity[0]
    #expect(row.flags.contains("ARR spread (max ÷ mean) above 1.5") == flagged)
    // The figures are of the owners the ledger gives, as compare reads them.
    let perCSM = ["a", "b"].map { csm in
      result.ledger.refs.filter { result.ledger.owners[$0] == csm }
        .reduce(Int128(0)) { $0 + result.ledger.arr($1).cents }
    }
    #expect(row.arrBalance == BalanceFigures(perCSM))
    #expect(TierBalance.balances(result).first?.arrCents == row.arrBalance)
    #expect(row.arrBalance?.spreadThousandths == (flagged ? 1_800 : 1_500))
  }
}
