import RetierTestSupport
import Testing

@testable import RetierCore

@Suite("Caps by CSM capacity (cap_by_capacity)")
struct CapByCapacityTests {
  private let quarter = FiscalQuarter(label: "2026-Q3")!
  private let runDate = CalendarDate(year: 2026, month: 10, day: 14)!

  /// The default ladder with Tier 1 capped by capacity and the given share (none by default).
  private func configuration(share: String? = nil) -> Configuration {
    var configuration = TestAccounts.configuration
    configuration.tiers[0].maxShare = share.map { ExactDecimal($0)! }
    configuration.tiers[0].capByCapacity = true
    return configuration
  }

  private func csm(_ id: String, tier: Int, max: Int? = nil, active: Bool = true) -> CSM {
    CSM(
      line: 2, id: id, name: id, email: "\(id)@example.com", crmUserID: id, tier: tier,
      maxAccounts: max,
      isActive: active)
  }

  /// Assigns `book` with hand-made totals (by account id).
  private func assign(
    _ book: Book, totals: [String: Int], configuration: Configuration
  ) -> TestTiering {
    TestTiering(
      book, totals: totals, configuration: configuration, quarter: quarter, runDate: runDate)
  }

  @Test("capacity is each active CSM's max_accounts, else the tier default; inactive count 0")
  func capacitySeats() {
    let roster = [
      csm("a", tier: 1, max: 3), csm("b", tier: 1), csm("c", tier: 1, max: 9, active: false),
      csm("d", tier: 2, max: 1), csm("e", tier: 7, max: 5),
    ]
    let seats = TierAssigner.capacitySeats(roster, configuration: configuration())
    #expect(seats == [0, 3 + 20, 1, 0])
  }

  @Test(
    "the smaller bound holds and the report says which",
    arguments: [
      // (max share, Tier 1 CSM capacities, seats, bound)
      ("0.10", [1, 1], 2, CapReport.Bound.capacity),  // share 4 > capacity 2
      ("0.05", [3, 3], 2, CapReport.Bound.share),  // capacity 6 > share 2
      ("0.10", [2, 2], 4, CapReport.Bound.both),  // equal
      (nil, [], 0, CapReport.Bound.capacity),  // no active CSM: cap 0
    ] as [(String?, [Int], Int, CapReport.Bound)])
  func boundThatBinds(share: String?, capacities: [Int], seats: Int, bound: CapReport.Bound) throws
  {
    let accounts = (1...40).map {
      TestAccounts.account("A\($0)", arr: "\(1000 + $0)", currentTier: 2)
    }
    let roster = capacities.enumerated().map { csm("c\($0.offset)", tier: 1, max: $0.element) }
    let book = TestAccounts.book(accounts, roster: roster)
    let totals = Dictionary(uniqueKeysWithValues: accounts.map { ($0.id, 15) })
    let result = assign(book, totals: totals, configuration: configuration(share: share))
    let report = try #require(result.capReports.first { $0.tier == 1 })
    #expect(report.seats == seats)
    #expect(report.bindingBound == bound)
    #expect(result.decisions.count { $0.finalTier == 1 } == seats)
  }

  @Test("a capacity cap of 0 still honours overrides, and the memo warns")
  func zeroCapacityHonoursOverrides() throws {
    let accounts = [
      TestAccounts.account("O", arr: "10", currentTier: 2),
      TestAccounts.account("R", arr: "9000", currentTier: 1),
    ]
    let override = OverrideRow(
      line: 2, accountID: "O", tierText: "1", reason: "exec ask", approvedBySales: "Sam",
      approvedByCS: "Cat", expiresText: "2026-12-31")
    let book = TestAccounts.book(accounts, overrides: [override])
    let result = assign(book, totals: ["O": 0, "R": 15], configuration: configuration())
    let report = try #require(result.capReports.first)
    #expect(report.seats == 0 && report.capacitySeats == 0 && report.shareSeats == nil)
    #expect(report.isOverriddenPastCap)
    #expect(result.decisions.map(\.finalTier) == [1, 2])
    #expect(result.decisions[1].reason == .cap(tier: 1))
  }

  @Test("cap_by_capacity on a pooled or last tier is a config error naming the key")
  func configErrors() throws {
    let json = """
      {"inbox": "i", "output": "o", "tiers": [
        {"name": "Gold", "min_score": 12, "cap_by_capacity": true},
        {"name": "Pool", "min_score": 8, "coverage": "pooled", "cap_by_capacity": true},
        {"name": "Last", "min_score": 0, "cap_by_capacity": true}]}
      """
    #expect {
      try Configuration.load(json: Array(json.utf8), path: "retier.json")
    } throws: { error in
      guard case .configInvalid(_, let problems) = error as? RetierError else { return false }
      return problems == [
        "tiers[1] (Pool) cap_by_capacity: a pooled tier has no named headcount to cap by (its "
          + "capacity is only reported)",
        "tiers[2] (Last) cap_by_capacity: the last tier cannot be capped (nowhere to move down)",
      ]
    }
    let gold = try Configuration.load(
      json: Array(
        #"{"inbox": "i", "output": "o", "tiers": [{"name": "G", "min_score": 1, "cap_by_capacity": true}, {"name": "B", "min_score": 0}]}"#
          .utf8),
      path: "retier.json")
    #expect(gold.tiers[0].capByCapacity && !gold.tiers[1].capByCapacity)
  }

  @Test("property: seats and seated accounts match an independent cap on generated books")
  func propertyMatchesIndependentCap() {
    for seed in UInt64(1)...200 {
      var random = SplitMix64(seed: seed)
      let share: String? = random.chance(50) ? nil : "0.\(random.below(4))"
      let roster = (0..<random.below(4)).map {
        csm(
          "c\($0)", tier: 1 + random.below(2), max: random.chance(30) ? nil : random.below(6),
          active: !random.chance(20))
      }
      var totals: [String: Int] = [:]
      let accounts = (0..<(1 + random.below(50))).map { number in
        let id = "A\(number)"
        totals[id] = 10 + random.below(6)
        return TestAccounts.account(
          id, arr: String(random.below(5) * 100),
          currentTier: random.chance(20) ? nil : 1 + random.below(3))
      }
      let book = TestAccounts.book(accounts, roster: roster)
      let result = assign(book, totals: totals, configuration: configuration(share: share))

      // Independent: seats = min(⌊share × N⌋, Σ capacity of active Tier 1 CSMs).
      let capacity = roster.filter { $0.isActive && $0.tier == 1 }
        .reduce(0) { $0 + ($1.maxAccounts ?? 20) }
      let shareSeats = share.map { (Int($0.dropFirst(2))! * accounts.count) / 10 }
      let seats = min(capacity, shareSeats ?? Int.max)
      // Every account aims for Tier 1 (totals ≥ 12) or Tier 2; rank those aiming for Tier 1.
      let aiming = book.ledger.accounts.filter { totals[$0.id]! >= 12 }.sorted { lhs, rhs in
        let (lt, rt) = (totals[lhs.id]!, totals[rhs.id]!)
        if lt != rt { return lt > rt }
        if (lhs.currentTier == 1) != (rhs.currentTier == 1) { return lhs.currentTier == 1 }
        if lhs.arr != rhs.arr { return lhs.arr > rhs.arr }
        return lhs.id < rhs.id
      }
      let expected = Set(aiming.prefix(seats).map(\.id))
      let seated = Set(
        zip(book.ledger.accounts, result.decisions).filter { $0.1.finalTier == 1 }.map(\.0.id))
      #expect(seated == expected, "seed \(seed)")
      #expect(result.capReports.first?.seats == seats, "seed \(seed)")
    }
  }

  @Test("memo.md and the run say which bound binds")
  func memoNamesTheBound() throws {
    var drop = TestDrop.simple(arrs: (1...40).map { String(1000 * $0) })
    drop.csms += "c1,Casey,c1@example.com,1,2,\nc2,Dana,c2@example.com,1,1,\n"
    let result = try Retier.decide(drop.input(configuration(share: "0.10")))
    let text = result.memoSection("Guardrails")
    #expect(
      text.contains(
        "- Tier 1 (Gold): capacity of 2 active CSMs: 3 seats; max share 10% gives 4; the "
          + "capacity bound binds (3 seats)."))
    #expect(text.contains("or, for a tier with `cap_by_capacity`, the summed capacity"))
  }

  @Test("explain shows both bounds and the one that holds")
  func explainBounds() throws {
    let drop = TestAccounts.capacityBoundDrop()
    let result = try Retier.decide(drop.input(configuration(share: "0.10")))
    let top = try RunResultFixtures.ref(of: "A40", in: result)
    let lines = AccountExplanation(result: result, ref: top).lines
    #expect(
      lines.contains {
        $0.hasPrefix(
          "  Tier 1 cap: min(⌊0.1 × N⌋ = 4, capacity of its active CSMs = 3) = 3 seats, ")
      })
  }
}
