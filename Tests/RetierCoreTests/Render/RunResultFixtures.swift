import Testing

@testable import RetierCore

/// Small drops written as CSV text and run through ``Retier/decide(_:log:)``, so the renderer
/// tests see what the whole pipeline produces. Figures in the comments are worked by hand.
enum RunResultFixtures {
  /// One account of a fixture drop, as its CSV rows spell it.
  struct AccountLine {
    /// `account_id`.
    var id: String
    /// `arr` (one line in `arr.csv`).
    var arr: String
    /// `current_tier`, blank for a first placement.
    var tier = ""
    /// `strategic_fit`.
    var fit = 3
    /// `expansion_ceiling_arr`.
    var ceiling = ""
    /// `multi_bu`.
    var multiBU = ""
    /// `sponsor_status`.
    var sponsor = ""
    /// `customer_since`.
    var since = "2020-01-01"
    /// `owner_id`.
    var owner = ""
    /// `account_name`; `Name <id>` when `nil`.
    var name: String?
    /// `licensed_seats,active_users,active_users_prev_quarter,support_hours`, or `nil` for no
    /// usage row.
    var usage: String?
  }

  /// Runs a drop of `accounts` (plus raw `overrides.csv` rows and extra raw `arr.csv` lines)
  /// for 2026-Q3 (run date 2026-10-14).
  static func result(
    _ accounts: [AccountLine], overrides: [String]? = nil, extraARRLines: [String] = [],
    previousTiersCSV: String? = nil, configure: (inout Configuration) -> Void = { _ in }
  ) throws -> RunResult {
    var accountsCSV =
      "account_id,account_name,current_tier,owner_id,customer_since,strategic_fit,"
      + "expansion_ceiling_arr,multi_bu,sponsor_status\n"
    var arrCSV = "account_id,arr\n"
    var usageCSV =
      "account_id,licensed_seats,active_users,active_users_prev_quarter,support_hours\n"
    for line in accounts {
      let fields = [
        line.id, line.name ?? "Name \(line.id)", line.tier, line.owner, line.since,
        String(line.fit), line.ceiling, line.multiBU, line.sponsor,
      ]
      accountsCSV += fields.map(quoted).joined(separator: ",") + "\n"
      arrCSV += "\(quoted(line.id)),\(line.arr)\n"
      if let usage = line.usage { usageCSV += "\(quoted(line.id)),\(usage)\n" }
    }
    arrCSV += extraARRLines.map { $0 + "\n" }.joined()
    var drop = TestDrop(accounts: accountsCSV, arr: arrCSV)
    drop.usage = usageCSV
    drop.overrides = overrides.map {
      "account_id,tier,reason,approved_by_sales,approved_by_cs,expires\n"
        + $0.map { $0 + "\n" }.joined()
    }
    var configuration = TestAccounts.configuration
    configure(&configuration)
    let result = try Retier.decide(drop.input(configuration))
    // As the executable does: the previous run is attached once the quarter is decided.
    guard let previousTiersCSV else { return result }
    return PreviousRunFolder(tiersCSV: previousTiersCSV).attach(to: result)
  }

  /// A CSV field, quoted when it needs to be.
  static func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return field
    }
    return "\"" + field.replacing("\"", with: "\"\"") + "\""
  }

  /// The valid account `id` of the run.
  static func ref(of id: String, in result: RunResult) throws -> AccountRef {
    try #require(result.ledger.ref(forID: id))
  }

  /// The configuration with Tier 1 uncapped, for tests of the rubric alone.
  static func uncapped(_ configuration: inout Configuration) {
    configuration.tiers[0].maxShare = nil
  }

  /// Ten accounts, Tier 1 uncapped. N = 10: top decile ⌈1⌉ = 1 (1,000,000 scores 5), top
  /// quartile ⌈2.5⌉ = 3 (300,000 is the lowest 4). Median = (150,000 + 123,456.78) / 2 =
  /// 136,728.39; healthy line 0.8 × median = 109,382.712 → 109,382.72 to the cent; floor
  /// 1.1 × 5,000 = 5,500.
  ///
  /// | id  | ARR          | tier | fit | expansion rule            | total | lands |
  /// |-----|--------------|------|-----|---------------------------|-------|-------|
  /// | X01 | 1,000,000    | 1    | 4   | 2,000,000 = 2× → 4        | 13    | 1     |
  /// | X02 | 500,000      | 2    | 4   | 1,000,000 = 2× → 4        | 12    | 1 ↑   |
  /// | X03 | 300,000      | 1    | 2   | unknown → 2               | 8     | 2 ↓   |
  /// | X04 | 200,000      | 1    | 0   | sponsor lost → 0          | 3     | 3 ↓   |
  /// | X05 | 150,000      | –    | 3   | 200,000 ≥ 1.2× → 3        | 9     | 2 new |
  /// | T06 | 123,456.78   | 1    | 4   | 130,000 < 1.2× → 2        | 9     | 2 ↓   |
  /// | X07 | 80,000       | 2    | 3   | unknown → 2               | 7     | 3 ↓   |
  /// | X08 | 60,000       | 2    | 3   | sponsor lost → 0          | 5     | 3 ↓   |
  /// | X09 | 20,000       | 2    | 3   | 50 users vs 100 → 1       | 6     | 3 ↓   |
  /// | X10 | 5,000        | 3    | 1   | unknown → 2               | 3     | 3     |
  ///
  /// X10's 20 support hours cost 4 × 20 × 85 = 6,800 a year, more than its ARR: ARR scores 0.
  static func rubricBook() throws -> RunResult {
    try result(
      [
        AccountLine(id: "X01", arr: "1000000", tier: "1", fit: 4, ceiling: "2000000"),
        AccountLine(id: "X02", arr: "500000", tier: "2", fit: 4, ceiling: "1000000"),
        AccountLine(id: "X03", arr: "300000", tier: "1", fit: 2, owner: "csm-gold"),
        AccountLine(id: "X04", arr: "200000", tier: "1", fit: 0, sponsor: "lost"),
        AccountLine(id: "X05", arr: "150000", fit: 3, ceiling: "200000"),
        AccountLine(id: "T06", arr: "123456.78", tier: "1", fit: 4, ceiling: "130000"),
        AccountLine(id: "X07", arr: "80000", tier: "2", fit: 3),
        AccountLine(id: "X08", arr: "60000", tier: "2", fit: 3, sponsor: "lost"),
        AccountLine(id: "X09", arr: "20000", tier: "2", fit: 3, usage: ",50,100,"),
        AccountLine(id: "X10", arr: "5000", tier: "3", fit: 1, usage: ",,,20"),
      ], configure: uncapped)
  }

  /// Twenty accounts under the default Tier 1 cap of ⌊0.10 × 20⌋ = 2 seats. Top decile 2
  /// (900,000 is the lowest 5), top quartile 5; fillers at 10,000 score 3 + 1 + 2 = 6.
  ///
  /// NEW-1 (Tier 2, 1,000,000, fit 5, 2× ceiling: 5 + 5 + 4 = 14) and INC-B (Tier 1, 900,000,
  /// fit 4: 5 + 4 + 4 = 13) take the seats. INC-A (Tier 1, 800,000, fit 4: 4 + 4 + 4 = 12) is
  /// displaced and paired with NEW-1; T3-UP (Tier 3, 700,000, 12) loses the tie to the
  /// incumbent and lands in Tier 2, a promotion that missed the cap.
  static func capBook(overrides: [String]? = nil) throws -> RunResult {
    try result(
      [
        AccountLine(id: "NEW-1", arr: "1000000", tier: "2", fit: 5, ceiling: "2000000"),
        AccountLine(id: "INC-B", arr: "900000", tier: "1", fit: 4, ceiling: "1800000"),
        AccountLine(id: "INC-A", arr: "800000", tier: "1", fit: 4, ceiling: "1600000"),
        AccountLine(id: "T3-UP", arr: "700000", tier: "3", fit: 4, ceiling: "1400000"),
        AccountLine(id: "F05", arr: "600000", tier: "3", fit: 0),
      ] + fillers(15), overrides: overrides)
  }

  /// Twenty accounts, three Tier 1 incumbents that all qualify (14, 13, 12) and no newcomer:
  /// the cap of 2 seats displaces INC-3 with nobody taking its seat.
  static func shrunkCapBook() throws -> RunResult {
    try result(
      [
        AccountLine(id: "INC-1", arr: "1000000", tier: "1", fit: 5, ceiling: "2000000"),
        AccountLine(id: "INC-2", arr: "900000", tier: "1", fit: 4, ceiling: "1800000"),
        AccountLine(id: "INC-3", arr: "800000", tier: "1", fit: 4, ceiling: "1600000"),
        AccountLine(id: "F04", arr: "700000", tier: "3", fit: 0),
        AccountLine(id: "F05", arr: "600000", tier: "3", fit: 0),
      ] + fillers(15))
  }

  /// Five accounts, Tier 1 uncapped: new logos, an override and first placements. N = 5: top
  /// decile 1, top quartile 2, median 40,000, healthy line 32,000.
  ///
  /// R1 (Tier 1, since 2026-05-01: one counted quarter) is held in Tier 3; R2 (blank, same
  /// date) is first placed there; R3 (Tier 2, 3 + 1 + 2 = 6) is overridden to Tier 1; R4
  /// (blank, 2 + 0 + 2 = 4) is first placed in Tier 3; R5 (Tier 2, 10,000, fit 5, ceiling
  /// 20,000 = 2×: 2 + 5 + 4 = 11) stays.
  static func reasonsBook(
    overrides: [String] = [
      "R3,1,Renewal at risk; board sponsor,Sam Sales,Casey CS,2026-12-31",
      "R4,1,Same approver,Pat,pat,2026-12-31",
    ],
    previousTiersCSV: String? = nil
  ) throws -> RunResult {
    try result(
      [
        AccountLine(
          id: "R1", arr: "100000", tier: "1", fit: 5, ceiling: "300000", since: "2026-05-01"),
        AccountLine(id: "R2", arr: "50000", since: "2026-05-01"),
        AccountLine(id: "R3", arr: "40000", tier: "2", fit: 1),
        AccountLine(id: "R4", arr: "30000", fit: 0),
        AccountLine(id: "R5", arr: "10000", tier: "2", fit: 5, ceiling: "20000"),
      ], overrides: overrides, previousTiersCSV: previousTiersCSV, configure: uncapped)
  }

  /// `count` Tier 3 fillers `F06…` at 10,000 ARR, fit 1: 3 + 1 + 2 = 6, staying in Tier 3.
  static func fillers(_ count: Int) -> [AccountLine] {
    (0..<count).map { offset in
      let number = offset + 6
      return AccountLine(
        id: "F\(number < 10 ? "0" : "")\(number)", arr: "10000", tier: "3", fit: 1)
    }
  }
}
