import RetierTestSupport
import Testing

@testable import RetierCore

@Suite("OwnerAssigner")
struct OwnerAssignerTests {
  typealias Outcome = OwnerFixtures.Outcome

  private func run(
    _ placed: [OwnerFixtures.Placed], roster: [CSM],
    configuration: Configuration = OwnerFixtures.configuration()
  ) -> [String: Outcome] {
    let scenario = OwnerFixtures.Scenario(placed, roster: roster, configuration: configuration)
    return OwnerFixtures.outcomes(scenario.assign().book)
  }

  @Test("SPEC §5 worked example: Tier 1 takes the whole team, Tier 2 is 3 CSMs short")
  func workedExample() throws {
    let scenario = OwnerFixtures.workedExample
    let (book, assignment) = scenario.assign()
    let outcomes = OwnerFixtures.outcomes(book)
    #expect(
      scenario.book.ledger.accounts.reduce(Money.zero) { $0 + $1.arr } == Money(units: 24_000_000))
    // Every Tier 1 owner keeps its ten accounts.
    for number in 1...60 {
      let id = "ACC-" + String(repeating: "0", count: 3 - String(number).count) + String(number)
      #expect(outcomes[id] == Outcome(owner: "csm-\((number - 1) / 10 + 1)", reason: nil))
    }
    #expect(outcomes["ACC-061"] == Outcome(owner: "", reason: .capacityShortfall))
    #expect(outcomes["ACC-240"] == Outcome(owner: "", reason: .capacityShortfall))
    #expect(outcomes["ACC-241"] == Outcome(owner: "cs-pool", reason: nil))
    #expect(book.ledger.changeReasonList.count { $0 == .capacityShortfall } == 180)
    #expect(book.ledger.changeReasonList.count { $0 != nil } == 180)

    let tier2 = try #require(assignment.capacity.first { $0.tier == 2 })
    #expect(tier2.csmsShort == 3)
    #expect(tier2.accounts == 180)
    #expect(tier2.unassigned == 180)
    let tier1 = try #require(assignment.capacity.first { $0.tier == 1 })
    #expect(tier1.accounts == 60)
    #expect(tier1.arr == Money(units: 12_000_000))
    #expect(tier1.activeCSMs == 6)
    #expect(tier1.csmsShort == 0)
    #expect(tier1.arrPerCSM == Money(units: 2_000_000))
    #expect(tier1.flags.isEmpty)
    #expect(
      CapacityTable.hiringSignal(tier2, configuration: scenario.configuration)
        == "Tier 2 (Silver) is 3 CSMs short: 180 accounts at 60 per CSM need 3, 0 are active.")
  }

  @Test("four tiers: two named tiers get CSMs, two pooled tiers get the pool id")
  func fourTiers() {
    let configuration = OwnerFixtures.fourTierConfiguration
    let outcomes = run(
      [
        OwnerFixtures.placed("S1", arr: "900000", from: 1, to: 1, owner: "strat-a"),
        OwnerFixtures.placed("S2", arr: "800000", from: 2, to: 1, owner: "ent-a"),
        OwnerFixtures.placed("E1", arr: "300000", from: 2, to: 2, owner: "ent-a"),
        OwnerFixtures.placed("E2", arr: "250000", from: 1, to: 2, owner: "strat-a"),
        OwnerFixtures.placed("M1", arr: "60000", from: 3, to: 3, owner: "cs-pool"),
        OwnerFixtures.placed("M2", arr: "70000", from: 2, to: 3, owner: "ent-a"),
        OwnerFixtures.placed("M3", arr: "65000", from: 3, to: 3, owner: "mm-a"),
        OwnerFixtures.placed("B1", arr: "9000", from: nil, to: 4),
        OwnerFixtures.placed("B2", arr: "8000", from: 4, to: 4, owner: "cs-pool"),
      ],
      roster: [
        OwnerFixtures.csm("strat-a", tier: 1), OwnerFixtures.csm("strat-b", tier: 1),
        OwnerFixtures.csm("ent-a", tier: 2), OwnerFixtures.csm("mm-a", tier: 3),
      ],
      configuration: configuration)
    #expect(outcomes["S1"] == Outcome(owner: "strat-a", reason: nil))
    // strat-b has more free seats than strat-a, who kept S1.
    #expect(outcomes["S2"] == Outcome(owner: "strat-b", reason: .tierChange))
    #expect(outcomes["E1"] == Outcome(owner: "ent-a", reason: nil))
    #expect(outcomes["E2"] == Outcome(owner: "ent-a", reason: .tierChange))
    #expect(outcomes["M1"] == Outcome(owner: "cs-pool", reason: nil))
    #expect(outcomes["M2"] == Outcome(owner: "cs-pool", reason: .tierChange))
    #expect(outcomes["M3"] == Outcome(owner: "cs-pool", reason: .ownerNotInTier))
    #expect(outcomes["B1"] == Outcome(owner: "cs-pool", reason: .firstPlacement))
    #expect(outcomes["B2"] == Outcome(owner: "cs-pool", reason: nil))
  }

  @Test("four tiers: one capacity row per tier, pooled CSMs counted but never assigned")
  func fourTierCapacity() {
    let configuration = OwnerFixtures.fourTierConfiguration
    let scenario = OwnerFixtures.Scenario(
      [
        OwnerFixtures.placed("S1", arr: "900000", from: 1, to: 1),
        OwnerFixtures.placed("M1", arr: "60000", from: 3, to: 3),
      ],
      roster: [OwnerFixtures.csm("mm-a", tier: 3), OwnerFixtures.csm("mm-b", tier: 3)],
      configuration: configuration)
    let (book, assignment) = scenario.assign()
    #expect(assignment.capacity.map(\.tier) == [1, 2, 3, 4])
    #expect(assignment.capacity.map(\.activeCSMs) == [0, 0, 2, 0])
    #expect(assignment.capacity.map(\.unassigned) == [1, 0, 0, 0])
    #expect(assignment.capacity.map(\.csmsShort) == [1, 0, 0, 0])
    #expect(book.ledger.ownerList == ["cs-pool", ""])
  }

  @Test("among the CSMs holding the least ARR, the one with the most free seats gets the account")
  func mostFreeSeatsBreaksTies() {
    let outcomes = run(
      [
        OwnerFixtures.placed("K1", arr: "10", from: 1, to: 1, owner: "csm-a"),
        OwnerFixtures.placed("N1", arr: "500", from: nil, to: 1),
      ],
      roster: [
        OwnerFixtures.csm("csm-a", tier: 1, max: 3),
        // csm-a holds ARR; csm-b and csm-c hold none, and csm-c has more free seats (4 to 2)
        // though its id is higher.
        OwnerFixtures.csm("csm-b", tier: 1, max: 2), OwnerFixtures.csm("csm-c", tier: 1, max: 4),
      ])
    #expect(outcomes["N1"] == Outcome(owner: "csm-c", reason: .firstPlacement))
  }

  @Test("the CSM holding the least ARR gets the account, however few free seats they have")
  func leastARRFirst() {
    let outcomes = run(
      [
        OwnerFixtures.placed("K1", arr: "10", from: 1, to: 1, owner: "csm-a"),
        OwnerFixtures.placed("N1", arr: "500", from: nil, to: 1),
      ],
      roster: [
        OwnerFixtures.csm("csm-a", tier: 1, max: 90), OwnerFixtures.csm("csm-b", tier: 1, max: 1),
      ])
    #expect(outcomes["N1"] == Outcome(owner: "csm-b", reason: .firstPlacement))
  }

  @Test("books held outside the assigned book (an interim's) count against free seats")
  func heldOutsideBookTakesSeats() {
    let scenario = OwnerFixtures.Scenario(
      [
        OwnerFixtures.placed("N1", arr: "500", from: 2, to: 1, owner: "csm-t2"),
        OwnerFixtures.placed("N2", arr: "400", from: 2, to: 1, owner: "csm-t2"),
      ],
      roster: [
        OwnerFixtures.csm("csm-a", tier: 1, max: 3), OwnerFixtures.csm("csm-b", tier: 1, max: 3),
      ],
      configuration: OwnerFixtures.configuration())
    let empty = OwnerFixtures.outcomes(scenario.assign().book)
    #expect(empty["N1"]?.owner == "csm-a" && empty["N2"]?.owner == "csm-b")
    // csm-a already carries three accounts, csm-b two: csm-b takes one, then nobody has a seat.
    var book = scenario.book
    _ = OwnerAssigner.assign(
      book: &book, configuration: scenario.configuration, runDate: OwnerFixtures.runDate,
      heldOutsideBook: [
        "csm-a": OwnerAssigner.HeldBook(accounts: 3, arr: Money(units: 30)),
        "csm-b": OwnerAssigner.HeldBook(accounts: 2, arr: Money(units: 20)),
      ])
    let outcomes = OwnerFixtures.outcomes(book)
    #expect(outcomes["N1"] == Outcome(owner: "csm-b", reason: .tierChange))
    #expect(outcomes["N2"] == Outcome(owner: "", reason: .capacityShortfall))
  }

  @Test("equal free seats: the CSM holding the lowest ARR gets the account")
  func lowestAssignedARRBreaksTies() {
    let outcomes = run(
      [
        OwnerFixtures.placed("K1", arr: "300", from: 1, to: 1, owner: "csm-a"),
        OwnerFixtures.placed("K2", arr: "200", from: 1, to: 1, owner: "csm-b"),
        OwnerFixtures.placed("N1", arr: "50", from: nil, to: 1),
      ],
      roster: [
        OwnerFixtures.csm("csm-a", tier: 1, max: 2), OwnerFixtures.csm("csm-b", tier: 1, max: 2),
      ])
    #expect(outcomes["N1"] == Outcome(owner: "csm-b", reason: .firstPlacement))
  }

  @Test("equal free seats and ARR: the lowest csm_id, then the next account rotates")
  func csmIDBreaksTies() {
    let outcomes = run(
      [
        OwnerFixtures.placed("N1", arr: "100", from: nil, to: 1),
        OwnerFixtures.placed("N2", arr: "100", from: nil, to: 1),
        OwnerFixtures.placed("N3", arr: "90", from: nil, to: 1),
      ],
      roster: [
        OwnerFixtures.csm("csm-b", tier: 1, max: 2), OwnerFixtures.csm("csm-a", tier: 1, max: 2),
        OwnerFixtures.csm("csm-c", tier: 1, max: 1),
      ])
    // N1 (first by id among equal ARR) → csm-a; N2: csm-b has 2 free → csm-b; N3: csm-a and
    // csm-b have 1 free and hold 100 each, csm-c has 1 free and holds 0.
    #expect(outcomes["N1"]?.owner == "csm-a")
    #expect(outcomes["N2"]?.owner == "csm-b")
    #expect(outcomes["N3"]?.owner == "csm-c")
  }

  @Test("accounts needing an owner are placed in ARR desc order, so the largest get the seats")
  func arrOrderDecidesWhoGetsSeats() {
    let outcomes = run(
      [
        OwnerFixtures.placed("A", arr: "100", from: 2, to: 1, owner: "x"),
        OwnerFixtures.placed("B", arr: "300", from: 2, to: 1, owner: "x"),
        OwnerFixtures.placed("C", arr: "200", from: nil, to: 1),
      ],
      roster: [
        OwnerFixtures.csm("csm-a", tier: 1, max: 1), OwnerFixtures.csm("csm-b", tier: 1, max: 1),
      ])
    #expect(outcomes["B"] == Outcome(owner: "csm-a", reason: .tierChange))
    #expect(outcomes["C"] == Outcome(owner: "csm-b", reason: .firstPlacement))
    #expect(outcomes["A"] == Outcome(owner: "", reason: .capacityShortfall))
  }

  @Test("an owner over capacity keeps the highest-ARR accounts (ties by id) and releases the rest")
  func ownerOverCapacity() {
    let outcomes = run(
      [
        OwnerFixtures.placed("K1", arr: "100", from: 1, to: 1, owner: "csm-a"),
        OwnerFixtures.placed("K2", arr: "300", from: 1, to: 1, owner: "csm-a"),
        OwnerFixtures.placed("K3", arr: "200", from: 1, to: 1, owner: "csm-a"),
        OwnerFixtures.placed("K4", arr: "200", from: 1, to: 1, owner: "csm-a"),
      ],
      roster: [
        OwnerFixtures.csm("csm-a", tier: 1, max: 2), OwnerFixtures.csm("csm-b", tier: 1, max: 1),
      ])
    #expect(outcomes["K2"] == Outcome(owner: "csm-a", reason: nil))
    #expect(outcomes["K3"] == Outcome(owner: "csm-a", reason: nil))
    #expect(outcomes["K4"] == Outcome(owner: "csm-b", reason: .ownerOverCapacity))
    #expect(outcomes["K1"] == Outcome(owner: "", reason: .capacityShortfall))
  }

  @Test("a released account never goes back to its full owner")
  func releasedAccountsDoNotReturn() {
    let outcomes = run(
      [
        OwnerFixtures.placed("K1", arr: "100", from: 1, to: 1, owner: "csm-a"),
        OwnerFixtures.placed("K2", arr: "50", from: 1, to: 1, owner: "csm-a"),
      ],
      roster: [OwnerFixtures.csm("csm-a", tier: 1, max: 1)])
    #expect(outcomes["K1"] == Outcome(owner: "csm-a", reason: nil))
    #expect(outcomes["K2"] == Outcome(owner: "", reason: .capacityShortfall))
  }

  @Test(
    "an unchanged account whose owner is inactive, of another tier or unknown is reassigned",
    arguments: [
      OwnerFixtures.csm("old", tier: 1, active: false), OwnerFixtures.csm("old", tier: 2),
      nil,
    ])
  func ownerNotInTier(previousOwner: CSM?) {
    let outcomes = run(
      [OwnerFixtures.placed("K1", arr: "100", from: 1, to: 1, owner: "old")],
      roster: [OwnerFixtures.csm("csm-a", tier: 1)] + (previousOwner.map { [$0] } ?? []))
    #expect(outcomes["K1"] == Outcome(owner: "csm-a", reason: .ownerNotInTier))
  }

  @Test("an unchanged account without an owner gets one")
  func blankOwnerGetsOne() {
    let outcomes = run(
      [OwnerFixtures.placed("K1", arr: "100", from: 2, to: 2)],
      roster: [OwnerFixtures.csm("csm-a", tier: 2)])
    #expect(outcomes["K1"] == Outcome(owner: "csm-a", reason: .ownerNotInTier))
  }

  @Test("a first placement is placed even when its CRM owner is a CSM of the tier")
  func firstPlacement() {
    let outcomes = run(
      [
        OwnerFixtures.placed("N1", arr: "100", from: nil, to: 1, owner: "csm-b"),
        OwnerFixtures.placed("N2", arr: "90", from: nil, to: 1, owner: "csm-b"),
      ],
      roster: [OwnerFixtures.csm("csm-a", tier: 1), OwnerFixtures.csm("csm-b", tier: 1)])
    #expect(outcomes["N1"] == Outcome(owner: "csm-a", reason: .firstPlacement))
    // N2 lands on csm-b by the rules, which is its CRM owner: no change.
    #expect(outcomes["N2"] == Outcome(owner: "csm-b", reason: nil))
  }

  @Test("a moved account is reassigned even when its owner is a CSM of the new tier")
  func movedAccountIsReassigned() {
    let outcomes = run(
      [
        OwnerFixtures.placed("K1", arr: "500", from: 1, to: 1, owner: "csm-b"),
        OwnerFixtures.placed("M1", arr: "100", from: 2, to: 1, owner: "csm-b"),
      ],
      roster: [OwnerFixtures.csm("csm-a", tier: 1), OwnerFixtures.csm("csm-b", tier: 1)])
    #expect(outcomes["K1"] == Outcome(owner: "csm-b", reason: nil))
    #expect(outcomes["M1"] == Outcome(owner: "csm-a", reason: .tierChange))
  }

  @Test("shortfall with no CRM owner is no change; a demotion to a tier without CSMs is one")
  func capacityShortfall() {
    let outcomes = run(
      [
        OwnerFixtures.placed("A", arr: "100", from: 2, to: 2),
        OwnerFixtures.placed("B", arr: "100", from: 1, to: 2, owner: "csm-a"),
      ],
      roster: [OwnerFixtures.csm("csm-a", tier: 1)])
    #expect(outcomes["A"] == Outcome(owner: "", reason: nil))
    #expect(outcomes["B"] == Outcome(owner: "", reason: .capacityShortfall))
  }

  @Test("a pooled tier takes every account whatever the load, and keeps the pool owner")
  func pooledTier() {
    var configuration = OwnerFixtures.configuration(capacities: [3: 1])
    configuration.poolOwnerID = "digital"
    let outcomes = run(
      [
        OwnerFixtures.placed("P1", arr: "100", from: 3, to: 3, owner: "digital"),
        OwnerFixtures.placed("P2", arr: "200", from: 3, to: 3, owner: "digital"),
        OwnerFixtures.placed("P3", arr: "300", from: 2, to: 3, owner: "csm-b"),
        OwnerFixtures.placed("P4", arr: "300", from: 3, to: 3, owner: "csm-p"),
      ],
      roster: [OwnerFixtures.csm("csm-b", tier: 2), OwnerFixtures.csm("csm-p", tier: 3)],
      configuration: configuration)
    #expect(outcomes["P1"] == Outcome(owner: "digital", reason: nil))
    #expect(outcomes["P2"] == Outcome(owner: "digital", reason: nil))
    #expect(outcomes["P3"] == Outcome(owner: "digital", reason: .tierChange))
    #expect(outcomes["P4"] == Outcome(owner: "digital", reason: .ownerNotInTier))
  }

  @Test("rejected accounts use no seat")
  func rejectedAccountsTakeNoPart() {
    let scenario = OwnerFixtures.Scenario(
      [OwnerFixtures.placed("V1", arr: "100", from: nil, to: 1)],
      roster: [OwnerFixtures.csm("csm-a", tier: 1, max: 1)],
      rejected: [RejectedAccount(id: "R1", name: "Rejected", currentTier: 1, ownerID: "csm-a")])
    let (book, assignment) = scenario.assign()
    #expect(book.ledger.ownerList == ["csm-a"])
    #expect(assignment.capacity[0].accounts == 1)
  }

  @Test("the priority queue pops in (held ARR asc, free seats desc, csm id asc) order")
  func seatQueueOrder() {
    func seats(_ id: String, capacity: Int, held: Int, arr: Int) -> OwnerAssigner.CSMSeats {
      OwnerAssigner.CSMSeats(
        csmID: id, tier: 1, capacity: capacity, held: held, heldARR: Money(units: arr))
    }
    let expected = [
      seats("e", capacity: 9, held: 0, arr: 0), seats("b", capacity: 5, held: 1, arr: 10),
      seats("a", capacity: 5, held: 1, arr: 20), seats("c", capacity: 5, held: 1, arr: 20),
      seats("d", capacity: 2, held: 0, arr: 0), seats("f", capacity: 1, held: 0, arr: 0),
    ]
    for rotation in 0..<expected.count {
      var queue = OwnerAssigner.SeatQueue()
      for element in expected[rotation...] + expected[..<rotation] { queue.push(element) }
      var popped: [String] = []
      while let next = queue.popFirst() { popped.append(next.csmID) }
      #expect(popped == ["e", "d", "f", "b", "a", "c"])
    }
  }

  @Test(
    "matches a plain linear-scan reading of the rules on generated books with holds and backfills",
    arguments: [7, 8, 9, 10] as [UInt64])
  func matchesReference(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    var placed: [OwnerFixtures.Placed] = []
    let owners = [
      "", "gone", "t1-a", "t1-b", "t1-c", "t1-off", "t2-a", "t2-b", "t2-c", "t2-off", "cs-pool",
    ]
    let renewals: [CalendarDate?] = [
      nil, nil, nil, OwnerFixtures.runDate, OwnerFixtures.runDate.adding(days: 1),
      OwnerFixtures.runDate.adding(days: 90), OwnerFixtures.runDate.adding(days: 91),
    ]
    for number in 0..<3_000 {
      let from = generator.below(4)
      let to = generator.below(3) + 1
      placed.append(
        OwnerFixtures.placed(
          "A\(number)", arr: String(generator.below(50) * 1_000),
          from: from == 0 ? nil : from, to: to, owner: owners[generator.below(owners.count)],
          renewal: generator.pick(renewals), locked: generator.chance(4)))
    }
    let roster = [
      OwnerFixtures.csm("t1-a", tier: 1, max: 10), OwnerFixtures.csm("t1-b", tier: 1),
      OwnerFixtures.csm("t1-c", tier: 1, max: 900),
      OwnerFixtures.csm("t1-off", tier: 1, active: false, backfill: "t1-a"),
      OwnerFixtures.csm("t2-a", tier: 2, max: 100), OwnerFixtures.csm("t2-b", tier: 2),
      OwnerFixtures.csm("t2-c", tier: 2, max: 500),
      OwnerFixtures.csm("t2-off", tier: 2, active: false, backfill: "t2-c"),
    ]
    let scenario = OwnerFixtures.Scenario(placed, roster: roster)
    let (book, assignment) = scenario.assign()
    let reference = ReferenceAssigner.assign(scenario)
    let mismatches = book.ledger.accounts.indices.filter {
      book.ledger.ownerList[$0] != reference.owners[$0]
        || book.ledger.changeReasonList[$0] != reference.reasons[$0]
    }
    #expect(mismatches.isEmpty)
    // The generated book exercises every reason.
    let reasons = Set(book.ledger.changeReasonList.compactMap { $0 })
    #expect(reasons == Set(OwnerChangeReason.allCases))
    // No CSM is past capacity but by holds, and the capacity table counts the holds.
    for csm in roster where csm.isActive {
      let carried = book.ledger.ownerList.count { $0 == csm.id }
      let holds = book.ledger.refs.count {
        book.ledger.owners[$0] == csm.id && reference.isHeld[$0.row]
      }
      #expect(
        carried - holds <= (csm.maxAccounts ?? scenario.configuration.tier(csm.tier).capacity))
    }
    #expect(
      assignment.capacity.map(\.held).reduce(0, +)
        == book.ledger.refs.count { reference.isHeld[$0.row] })
  }
}

/// A deliberately plain, quadratic reading of SPEC §5 rules 0–3 used as the oracle for the fast
/// assigner.
private enum ReferenceAssigner {
  static func assign(
    _ scenario: OwnerFixtures.Scenario
  ) -> (owners: [String], reasons: [OwnerChangeReason?], isHeld: [Bool]) {
    let accounts = scenario.book.ledger.accounts
    let configuration = scenario.configuration
    let tiers = scenario.book.ledger.refs.map { scenario.book.ledger.decisions.finalTier($0) }
    let roster = scenario.book.roster
    let active = roster.filter { $0.isActive && configuration.tier($0.tier).coverage == .named }
    func capacity(_ csm: CSM) -> Int { csm.maxAccounts ?? configuration.tier(csm.tier).capacity }
    var held: [String: Int] = [:]
    var heldARR: [String: Money] = [:]
    func take(_ index: Int, _ csm: CSM) {
      held[csm.id, default: 0] += 1
      heldARR[csm.id, default: .zero] += accounts[index].arr
    }
    var owners = accounts.map(\.ownerID)
    var reasons = [OwnerChangeReason?](repeating: nil, count: accounts.count)
    var decided = [Bool](repeating: false, count: accounts.count)
    var isHeld = [Bool](repeating: false, count: accounts.count)
    func reasonForNewOwner(_ index: Int) -> OwnerChangeReason {
      let current = accounts[index].currentTier
      return current == nil
        ? .firstPlacement : current == tiers[index] ? .ownerNotInTier : .tierChange
    }
    let byARR: (Int, Int) -> Bool = {
      accounts[$0].arr != accounts[$1].arr ? accounts[$0].arr > accounts[$1].arr : $0 < $1
    }
    let lastHeld = OwnerFixtures.runDate.adding(days: configuration.renewalHoldDays)
    // Rule 0: holds.
    for index in accounts.indices {
      let account = accounts[index]
      let renews =
        account.renewalDate.map { OwnerFixtures.runDate < $0 && !(lastHeld < $0) } ?? false
      guard account.ownerLocked || renews,
        let csm = active.first(where: { $0.id == account.ownerID })
      else { continue }
      take(index, csm)
      decided[index] = true
      isHeld[index] = true
      if configuration.tier(tiers[index]).coverage == .pooled || account.currentTier != tiers[index]
        || csm.tier != tiers[index]
      {
        reasons[index] = account.ownerLocked ? .locked : .renewalHold
      }
    }
    for index in accounts.indices
    where !decided[index] && configuration.tier(tiers[index]).coverage == .pooled {
      owners[index] = configuration.poolOwnerID
      reasons[index] = reasonForNewOwner(index)
      decided[index] = true
    }
    // Rule 1: keep up to capacity, highest ARR first.
    var pending: [Int] = []
    for csm in active {
      let mine = accounts.indices.filter {
        !decided[$0] && accounts[$0].currentTier == tiers[$0] && tiers[$0] == csm.tier
          && accounts[$0].ownerID == csm.id
      }.sorted(by: byARR)
      for index in mine {
        decided[index] = true
        if held[csm.id, default: 0] < capacity(csm) {
          take(index, csm)
        } else {
          reasons[index] = .ownerOverCapacity
          pending.append(index)
        }
      }
    }
    // Rule 1: backfills, leaver by leaver.
    for leaver in roster.sorted(by: { $0.id < $1.id })
    where !leaver.isActive && !leaver.backfillCSMID.isEmpty {
      let mine = accounts.indices.filter {
        !decided[$0] && accounts[$0].currentTier == tiers[$0] && accounts[$0].ownerID == leaver.id
      }.sorted(by: byARR)
      for index in mine {
        decided[index] = true
        if let backfill = active.first(where: { $0.id == leaver.backfillCSMID }),
          backfill.tier == tiers[index], held[backfill.id, default: 0] < capacity(backfill)
        {
          take(index, backfill)
          owners[index] = backfill.id
          reasons[index] = .backfill
        } else {
          reasons[index] = reasonForNewOwner(index)
          pending.append(index)
        }
      }
    }
    for index in accounts.indices where !decided[index] {
      reasons[index] = reasonForNewOwner(index)
      pending.append(index)
    }
    // Rules 2 and 3: largest first to the least ARR held; ties most free seats, then csm id.
    for index in pending.sorted(by: byARR) {
      var best: CSM?
      for csm in active where csm.tier == tiers[index] && held[csm.id, default: 0] < capacity(csm) {
        guard let current = best else {
          best = csm
          continue
        }
        let free = capacity(csm) - held[csm.id, default: 0]
        let bestFree = capacity(current) - held[current.id, default: 0]
        let arr = heldARR[csm.id, default: .zero]
        let bestARR = heldARR[current.id, default: .zero]
        if arr < bestARR
          || (arr == bestARR && (free > bestFree || (free == bestFree && csm.id < current.id)))
        {
          best = csm
        }
      }
      if let best {
        owners[index] = best.id
        take(index, best)
      } else {
        owners[index] = ""
        reasons[index] = .capacityShortfall
      }
    }
    for index in accounts.indices
    where owners[index] == accounts[index].ownerID && !(reasons[index]?.isHold ?? false) {
      reasons[index] = nil
    }
    return (owners, reasons, isHeld)
  }
}
