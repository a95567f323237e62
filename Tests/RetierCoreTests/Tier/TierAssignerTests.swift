import Testing

@testable import RetierCore

@Suite("Tier assigner")
struct TierAssignerTests {
  private let quarter = FiscalQuarter(label: "2026-Q3")!
  private let runDate = CalendarDate(year: 2026, month: 10, day: 14)!

  /// Assigns `book` with hand-made totals (by account id) and the default ladder: the ledger
  /// with its decisions, and the tiering result.
  private func assign(
    _ book: Book, totals: [String: Int], configuration: Configuration = TestAccounts.configuration
  ) -> (ledger: AccountLedger, result: TieringResult) {
    let tiering = TestTiering(
      book, totals: totals, configuration: configuration, quarter: quarter, runDate: runDate)
    return (tiering.ledger, tiering.result)
  }

  private func finalTiers(_ ledger: AccountLedger) -> [String: Int] {
    Dictionary(
      uniqueKeysWithValues: ledger.refs.map { (ledger.id($0), ledger.decisions.finalTier($0)) })
  }

  @Test(
    "the rubric tier is the highest line the total reaches",
    arguments: [
      (13, 1), (12, 1), (11, 2), (8, 2), (7, 3), (0, 3),
    ])
  func rubricTier(total: Int, tier: Int) {
    #expect(TierLadder(TestAccounts.configuration).rubricTier(of: ExactDecimal(total)) == tier)
  }

  @Test("at the cap line incumbents keep ties, then ARR, then account id")
  func incumbentsWinTies() {
    // N = 20 → Tier 1 seats ⌊0.10 × 20⌋ = 2.
    var accounts = [
      TestAccounts.account("NEW-BIG", arr: "900000", currentTier: 2),
      TestAccounts.account("INC-SMALL", arr: "100000", currentTier: 1),
      TestAccounts.account("TOP", arr: "50000", currentTier: 2),
    ]
    accounts += (1...17).map { TestAccounts.account("F\($0)", arr: "1000", currentTier: 3) }
    let book = TestAccounts.book(accounts)
    let (ledger, _) = assign(book, totals: ["NEW-BIG": 13, "INC-SMALL": 13, "TOP": 15])
    let tiers = finalTiers(ledger)
    #expect(tiers["TOP"] == 1)
    #expect(tiers["INC-SMALL"] == 1)
    #expect(tiers["NEW-BIG"] == 2)
    let ref = ledger.requireRef("NEW-BIG")
    #expect(ledger.decisions[ref].reason == .cap(tier: 1))
    #expect(ledger.decisions[ref].rubricTier == 1)
  }

  @Test("equal totals and no incumbent: higher ARR wins, then lower account id")
  func arrThenIDBreakTies() {
    var accounts = [
      TestAccounts.account("B", arr: "5000", currentTier: 2),
      TestAccounts.account("A", arr: "5000", currentTier: 2),
      TestAccounts.account("C", arr: "6000", currentTier: 2),
    ]
    accounts += (1...7).map { TestAccounts.account("F\($0)", arr: "100", currentTier: 3) }
    // N = 10 → one seat.
    let book = TestAccounts.book(accounts)
    var tiers = finalTiers(assign(book, totals: ["A": 12, "B": 12, "C": 12]).ledger)
    #expect(tiers["C"] == 1 && tiers["A"] == 2 && tiers["B"] == 2)
    let withoutC = TestAccounts.book(
      accounts.filter { $0.id != "C" } + [TestAccounts.account("F8", arr: "1")])
    tiers = finalTiers(assign(withoutC, totals: ["A": 12, "B": 12]).ledger)
    #expect(tiers["A"] == 1 && tiers["B"] == 2)
  }

  @Test("each displaced incumbent is paired with the newcomer that took its seat, in rank order")
  func pairsPromotionsWithDemotions() throws {
    // N = 20 → 2 seats; two promotions outrank two incumbents.
    var accounts = [
      TestAccounts.account("P-HIGH", arr: "1000", currentTier: 2),
      TestAccounts.account("P-LOW", arr: "1000", currentTier: 3),
      TestAccounts.account("I-HIGH", arr: "1000", currentTier: 1),
      TestAccounts.account("I-LOW", arr: "1000", currentTier: 1),
    ]
    accounts += (1...16).map { TestAccounts.account("F\($0)", arr: "10", currentTier: 3) }
    let book = TestAccounts.book(accounts)
    let (ledger, result) = assign(
      book, totals: ["P-HIGH": 15, "P-LOW": 14, "I-HIGH": 13, "I-LOW": 12])
    let report = try #require(result.capReports.first)
    #expect(report.tier == 1 && report.seats == 2 && report.seatedCount == 2)
    let id = { (ref: AccountRef?) in ref.map { ledger.id($0) } }
    let pairs = report.pairs.map { (id($0.displaced)!, id($0.takenBy)) }
    // Highest-ranked promotion ↔ lowest-ranked displaced incumbent.
    #expect(pairs.map(\.0) == ["I-LOW", "I-HIGH"])
    #expect(pairs.map(\.1) == ["P-HIGH", "P-LOW"])
    // Tier 2 has no cap: the displaced land there.
    let tiers = finalTiers(ledger)
    #expect(tiers["I-HIGH"] == 2 && tiers["I-LOW"] == 2)
  }

  @Test("a shrinking cap displaces incumbents with no taker")
  func shrinkingCap() throws {
    // 11 accounts → 1 seat, two incumbents with the same total.
    var accounts = [
      TestAccounts.account("I1", arr: "2000", currentTier: 1),
      TestAccounts.account("I2", arr: "1000", currentTier: 1),
    ]
    accounts += (1...9).map { TestAccounts.account("F\($0)", arr: "10", currentTier: 3) }
    let book = TestAccounts.book(accounts)
    let (ledger, result) = assign(book, totals: ["I1": 12, "I2": 12])
    let report = try #require(result.capReports.first)
    #expect(report.pairs.count == 1)
    #expect(report.pairs[0].takenBy == nil)
    #expect(ledger.id(report.pairs[0].displaced) == "I2")
  }

  @Test("overrides take seats first and are honoured past the cap")
  func overridesPastCap() throws {
    var accounts = [
      TestAccounts.account("O1", arr: "10", currentTier: 3),
      TestAccounts.account("O2", arr: "10", currentTier: 3),
      TestAccounts.account("R1", arr: "1000", currentTier: 1),
    ]
    accounts += (1...7).map { TestAccounts.account("F\($0)", arr: "10", currentTier: 3) }
    let overrides = ["O1", "O2"].enumerated().map {
      OverrideRow(
        line: $0.offset + 2, accountID: $0.element, tierText: "1", reason: "board mandate",
        approvedBySales: "Sam Sales", approvedByCS: "Cat CS", expiresText: "2026-12-31")
    }
    let book = TestAccounts.book(accounts, overrides: overrides)
    let (ledger, result) = assign(book, totals: ["R1": 15])
    let tiers = finalTiers(ledger)
    #expect(tiers["O1"] == 1 && tiers["O2"] == 1 && tiers["R1"] == 2)
    let report = try #require(result.capReports.first)
    #expect(report.isOverriddenPastCap)
    #expect(report.seatedCount == 2)
    // The override with the lower id takes the displaced incumbent's seat.
    #expect(report.pairs.map { ledger.id($0.takenBy!) } == ["O1"])
  }

  @Test(
    "a new logo is held in the last tier; two full quarters is no longer new",
    arguments: [
      ("2026-08-15", true), ("2026-07-01", true), ("2026-04-02", true), ("2026-04-01", false),
      ("2025-01-01", false),
    ])
  func newLogoHold(since: String, isNewLogo: Bool) throws {
    let account = TestAccounts.account(
      "N", arr: "100", currentTier: 2, customerSince: try #require(CalendarDate(iso: since)))
    let book = TestAccounts.book([account])
    // Total 9 reaches the uncapped Tier 2 line.
    let decision = assign(book, totals: ["N": 9]).ledger.decisionList[0]
    #expect(decision.isNewLogo == isNewLogo)
    #expect(decision.finalTier == (isNewLogo ? 3 : 2))
    #expect(decision.reason == (isNewLogo ? .newLogo : .rubric))
  }
}
