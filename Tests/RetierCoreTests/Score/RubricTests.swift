import Testing

@testable import RetierCore

@Suite("Rubric: predicates, cut lines and inverses")
struct RubricTests {
  private let constants = RubricConstants()

  /// Scores `accounts` and returns the scores by id.
  private func scores(_ accounts: [Account]) -> [String: SignalScores] {
    let ledger = TestAccounts.scored(accounts, constants: constants).ledger
    return Dictionary(uniqueKeysWithValues: ledger.refs.map { (ledger.id($0), ledger.scores[$0]) })
  }

  @Test("ties at the decile cut all score 5; the next value scores 4")
  func decileTies() {
    // N = 20: ⌈0.10 × 20⌉ = 2, ⌈0.25 × 20⌉ = 5.
    var accounts = [TestAccounts.account("TOP", arr: "1000000")]
    accounts += (1...3).map { TestAccounts.account("TIE\($0)", arr: "900000") }
    accounts += (1...16).map { TestAccounts.account("R\($0)", arr: "\(10000 + $0)") }
    let result = scores(accounts)
    #expect(result["TOP"]?.arrRule == .topDecile)
    // g = 1 for each tie, below the cut of 2: every tied account is in the top decile.
    #expect(result["TIE1"]?.arrRule == .topDecile)
    #expect(result["TIE3"]?.arrRule == .topDecile)
    // g = 4 < 5: top quartile.
    #expect(result["R16"]?.arrRule == .topQuartile)
    #expect(result["R15"]?.arrRule != .topQuartile)
  }

  @Test("ties at the quartile cut all score 4")
  func quartileTies() {
    // N = 8: decile cut 1, quartile cut 2. Values: 100, then four ties at 50.
    var accounts = [TestAccounts.account("A", arr: "100000")]
    accounts += (1...4).map { TestAccounts.account("Q\($0)", arr: "50000") }
    accounts += (1...3).map { TestAccounts.account("L\($0)", arr: "\(20000 + $0)") }
    let result = scores(accounts)
    #expect(result["Q1"]?.arrRule == .topQuartile)
    #expect(result["Q4"]?.arrRule == .topQuartile)
  }

  @Test("exactly 0.8 × median scores 3; one cent less does not")
  func healthyBoundary() {
    // N = 10, even: median = (m5 + m6) / 2 = (20000 + 30000) / 2 = 25000; 0.8 × = 20000.
    let amounts = [
      "90000", "80000", "70000", "60000", "30000", "20000", "19999.99", "7000", "5500", "5500.01",
    ]
    let accounts = amounts.enumerated().map {
      TestAccounts.account("A\($0.offset)", arr: $0.element)
    }
    let rubric = TestAccounts.scored(accounts, constants: constants).rubric
    #expect(rubric.cutLines.median == Money(units: 25_000))
    #expect(rubric.cutLines.healthyARR == Money(units: 20_000))
    let result = scores(accounts)
    #expect(result["A5"]?.arrRule == .healthy)
    #expect(result["A6"]?.arrRule == .belowMedian)
    // 1.10 × 5000 = 5500: at the floor scores 1, a cent above scores 2.
    #expect(result["A8"]?.arrRule == .nearFloor)
    #expect(result["A9"]?.arrRule == .belowMedian)
  }

  @Test("the median of an odd book is its middle value")
  func oddMedian() {
    let accounts = ["100", "300", "200"].enumerated().map {
      TestAccounts.account("A\($0.offset)", arr: $0.element)
    }
    #expect(
      TestAccounts.scored(accounts, constants: constants).rubric.cutLines.median
        == Money(units: 200))
  }

  @Test("negative margin after support load scores 0; exactly break-even does not")
  func negativeMargin() {
    // 4 × 10 h × 85 = 3400.
    let loaded = Usage(supportHundredths: 1_000)
    let accounts = [
      TestAccounts.account("LOSS", arr: "3399.99", usage: loaded),
      TestAccounts.account("EVEN", arr: "3400", usage: loaded),
      TestAccounts.account("ZERO", arr: "0", usage: Usage(supportHundredths: 1)),
      TestAccounts.account("FREE", arr: "0"),
    ]
    let result = scores(accounts)
    #expect(result["LOSS"]?.arr == 0)
    #expect(result["EVEN"]?.arrRule != .negativeMargin)
    #expect(result["ZERO"]?.arrRule == .negativeMargin)
    #expect(result["FREE"]?.arrRule != .negativeMargin)
  }

  @Test(
    "expansion rules, first match wins, boundaries exact",
    arguments: [
      // (arr, ceiling, multiBU, sponsorLost, seats, active, previous, expected)
      ("100000", "200000", false, false, nil, nil, nil, ExpansionRule.clearPath),
      ("100000", "199999.99", false, false, nil, nil, nil, .modestExpansion),
      ("100000", "120000", false, false, nil, nil, nil, .modestExpansion),
      ("100000", "119999.99", false, false, nil, nil, nil, .maxedOut),
      ("100000", "600000", true, false, nil, nil, nil, .multiBUHeadroom),
      ("100000", "599999.99", true, false, nil, nil, nil, .clearPath),
      ("100000", "600000", true, true, nil, nil, nil, .sponsorLost),
      ("100000", "600000", true, false, nil, 89, 100, .decliningUsage),
      ("100000", "600000", true, false, nil, 90, 100, .multiBUHeadroom),
      ("100000", nil, false, false, 100, 90, nil, .nearSeatCap),
      ("100000", nil, false, false, 100, 89, nil, .maxedOut),
      ("100000", nil, false, false, 0, 0, nil, .maxedOut),
      ("100000", "150000", false, false, 100, 100, nil, .modestExpansion),
      ("100000", nil, false, false, nil, 5, 0, .maxedOut),
      ("0", "0", false, false, nil, nil, nil, .clearPath),
    ] as [(String, String?, Bool, Bool, Int?, Int?, Int?, ExpansionRule)])
  func expansionRules(
    arr: String, ceiling: String?, multiBU: Bool, sponsorLost: Bool, seats: Int?, active: Int?,
    previous: Int?, expected: ExpansionRule
  ) {
    let account = TestAccounts.account(
      "X", arr: arr, ceiling: ceiling, multiBU: multiBU, sponsorLost: sponsorLost,
      usage: Usage(licensedSeats: seats, activeUsers: active, activeUsersPreviousQuarter: previous))
    let rubric = TestAccounts.scored([account], constants: constants).rubric
    #expect(rubric.expansionRule(account) == expected)
  }

  @Test("the total applies exact decimal weights")
  func weightedTotal() throws {
    var weighted = constants
    weighted.arrWeight = try #require(ExactDecimal("1.5"))
    weighted.fitWeight = try #require(ExactDecimal("0.5"))
    let account = TestAccounts.account("W", arr: "100000", fit: 3, ceiling: "200000")
    let score = TestAccounts.scored([account], constants: weighted).ledger.scoreList[0]
    // Alone in the book: top decile (5). 1.5 × 5 + 0.5 × 3 + 1 × 4 = 13.
    #expect(score.total == ExactDecimal(13))
    #expect(score.arr == 5 && score.fit == 3 && score.expansion == 4)
  }

  @Test("strictly-greater counts give equal values equal ranks; the values come back sorted")
  func strictlyGreater() {
    let ranks = Rubric.ranks([5, 9, 5, 1, 9])
    #expect(ranks.strictlyGreater == [2, 0, 2, 4, 0])
    #expect(ranks.descending == [9, 9, 5, 5, 1])
    #expect(Rubric.ranks([]).strictlyGreater.isEmpty)
  }

  @Test("the least ARR per score follows the cut lines, leaving the account's own ARR out")
  func leastARR() {
    let accounts = (1...20).map { TestAccounts.account("A\($0)", arr: "\($0 * 10_000)") }
    let rubric = TestAccounts.scored(accounts, constants: constants).rubric
    let lowest = accounts[0]
    // Decile cut 2: the 2nd largest of the others (190,000); quartile cut 5: 160,000.
    #expect(rubric.leastARR(forARRScore: 5, of: lowest) == Money(units: 190_000))
    #expect(rubric.leastARR(forARRScore: 4, of: lowest) == Money(units: 160_000))
    // Median (100000 + 110000) / 2 = 105000; 0.8 × = 84000.
    #expect(rubric.leastARR(forARRScore: 3, of: lowest) == Money(units: 84_000))
    // Above the floor line of 5,500: 5,500.01, said in whole units as 5,501.
    #expect(rubric.leastARR(forARRScore: 2, of: lowest) == Money(units: 5_501))
    #expect(rubric.leastARR(forARRScore: 6, of: lowest) == nil)
    // The second largest account, were it to lose its rank, needs only the third largest's
    // ARR to be back among the top two: it is not counted against itself.
    let second = accounts[18]
    #expect(rubric.leastARR(forARRScore: 5, of: second) == Money(units: 180_000))
  }

  @Test("g(a) counts the valid accounts with strictly more ARR, ties and ends included")
  func strictlyGreaterCount() {
    let amounts = ["300000", "300000", "150000", "150000", "0", "5500", "999999999999.99"]
    let accounts = amounts.enumerated().map {
      TestAccounts.account("A\($0.offset)", arr: $0.element)
    }
    let rubric = TestAccounts.scored(accounts, constants: constants).rubric
    let arrs = accounts.map(\.arr)
    var probes = [Money.zero, Money(cents: -1), Money(cents: Int128.max)]
    for amount in arrs {
      probes += [amount, Money(cents: amount.cents - 1), Money(cents: amount.cents + 1)]
    }
    for probe in probes {
      #expect(rubric.strictlyGreaterCount(than: probe) == arrs.count { $0 > probe }, "at \(probe)")
    }
    // The scorer's one sort gives every account the same g(a).
    let ranks = Rubric.ranks(arrs.map(\.cents)).strictlyGreater
    #expect(ranks == arrs.map { rubric.strictlyGreaterCount(than: $0) })
  }

  @Test("the annual support cost is exact; break-even is the least ARR with no negative margin")
  func supportCost() throws {
    var fractional = constants
    fractional.supportHourCost = try #require(ExactDecimal("85.125"))
    // 4 × 12.35 h × 85.125 = 4205.175.
    let usage = Usage(supportHundredths: 1_235)
    let account = TestAccounts.account("S", arr: "4205.17", usage: usage)
    let rubric = TestAccounts.scored([account], constants: fractional).rubric
    #expect(rubric.annualSupportCost(of: usage) == ExactDecimal("4205.175"))
    #expect(rubric.supportBreakEven(of: usage) == Money(cents: 420_518))
    #expect(rubric.hasNegativeMargin(arr: Money(cents: 420_517), usage: usage))
    #expect(!rubric.hasNegativeMargin(arr: Money(cents: 420_518), usage: usage))
    #expect(rubric.annualSupportCost(of: .unknown) == .zero)
  }
}
