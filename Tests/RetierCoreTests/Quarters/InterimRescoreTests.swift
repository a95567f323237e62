import RetierTestSupport
import Testing

@testable import RetierCore

@Suite("Interim re-score of hot accounts")
struct InterimRescoreTests {
  typealias Seated = InterimRescore.Seated

  /// N = 20: ARR of 1,000,000 or more scores 5, 300,000 scores 4, 100,000 scores 3.
  static let cutLines = PreviousRunManifest.RecordedCutLines(
    lines: RubricCutLines(
      accountCount: 20, doubledMedianCents: 25_000_000, topDecileCount: 2, topQuartileCount: 5,
      healthyARR: Money(units: 100_000), floorARR: Money(units: 5_500)),
    topDecileARR: Money(units: 1_000_000), topQuartileARR: Money(units: 300_000))
  static let minScores = [ExactDecimal(12), ExactDecimal(8), ExactDecimal(0)]

  static func seated(
    _ id: String, tier: Int, total: Int, arr: Int = 100_000, isOverride: Bool = false
  ) -> Seated {
    Seated(
      id: id, tier: tier, total: ExactDecimal(total), arr: Money(units: arr),
      isOverride: isOverride)
  }

  static func rescore(
    _ hot: [(Account, Int)], seats: [Int: Int] = [1: 2], seated: [Seated]
  ) -> InterimRescore {
    InterimRescore(
      hot: hot.map { (account: $0.0, tier: $0.1) }, constants: TestAccounts.configuration.rubric,
      skippedReviews: SkippedReviewsRule(TestAccounts.configuration), cutLines: cutLines,
      minScores: minScores, seats: seats, seated: seated)
  }

  /// 1,000,000 scores 5, fit 5, a 2× ceiling scores 4: 14.
  static let fourteen = TestAccounts.account("HOT", arr: "1000000", fit: 5, ceiling: "2000000")
  /// 300,000 scores 4, fit 5, a 2× ceiling scores 4: 13.
  static let thirteen = TestAccounts.account("HOT", arr: "300000", fit: 5, ceiling: "600000")
  /// 300,000 scores 4, fit 4, a 2× ceiling scores 4: 12.
  static let twelve = TestAccounts.account("HOT", arr: "300000", fit: 4, ceiling: "600000")

  @Test("a hot account takes a free seat of the tier its new total reaches")
  func freeSeat() {
    let interim = Self.rescore(
      [(Self.fourteen, 2)],
      seated: [Self.seated("I1", tier: 1, total: 14), Self.seated("HOT", tier: 2, total: 9)])
    #expect(interim.moves == [.init(id: "HOT", from: 2, to: 1, reason: .rubric)])
    #expect(interim.seatedAfter[1] == 2)
  }

  @Test("with its skipped reviews standing, a hot account does not move up; at 0 it does")
  func skippedReviewsHoldIt() {
    var skipping = Self.fourteen
    skipping.reviewsSkipped = 2
    let seated = [Self.seated("I1", tier: 1, total: 14), Self.seated("HOT", tier: 3, total: 5)]
    #expect(Self.rescore([(skipping, 3)], seated: seated).moves.isEmpty)
    skipping.reviewsSkipped = 0
    #expect(
      Self.rescore([(skipping, 3)], seated: seated).moves == [
        .init(id: "HOT", from: 3, to: 1, reason: .rubric)
      ])
  }

  @Test("into a full capped tier only by outranking its lowest incumbent, who moves down paired")
  func outranksLowestIncumbent() {
    let interim = Self.rescore(
      [(Self.thirteen, 2)],
      seated: [
        Self.seated("I1", tier: 1, total: 14, arr: 900_000),
        Self.seated("I2", tier: 1, total: 12, arr: 800_000),
        Self.seated("I3", tier: 1, total: 12, arr: 850_000, isOverride: true),
      ], )
    #expect(
      interim.moves == [
        .init(id: "HOT", from: 2, to: 1, reason: .rubric, pairedWith: "I2"),
        .init(id: "I2", from: 1, to: 2, reason: .cap(tier: 1), pairedWith: "HOT"),
      ])
    #expect(interim.seatedAfter[1] == 3)
  }

  @Test("an equal total does not outrank an incumbent, and overrides are never displaced")
  func tiesAndOverridesKeepTheirSeats() {
    let tie = Self.rescore(
      [(Self.twelve, 2)],
      seated: [Self.seated("I1", tier: 1, total: 14), Self.seated("I2", tier: 1, total: 12)])
    #expect(tie.moves.isEmpty)
    let overrides = Self.rescore(
      [(Self.fourteen, 2)], seats: [1: 1],
      seated: [Self.seated("O", tier: 1, total: 3, isOverride: true)])
    #expect(overrides.moves.isEmpty)
    #expect(overrides.seatedAfter[1] == 1)
  }

  /// 10,000 scores 2 (above the floor, below the healthy line), fit 0, no ceiling 2: total 4.
  @Test("a hot account whose total fell moves down by the rubric")
  func movesDown() {
    let interim = Self.rescore(
      [(TestAccounts.account("HOT", arr: "10000", fit: 0), 1)],
      seated: [Self.seated("HOT", tier: 1, total: 14)])
    #expect(interim.moves == [.init(id: "HOT", from: 1, to: 3, reason: .rubric)])
    #expect(interim.seatedAfter[1] == 0)
  }

  @Test(
    "on generated books no capped tier holds more than its seats plus overrides, whatever the hot list's order",
    arguments: 0..<40)
  func neverPastTheCap(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    let seats = [1: 1 + draw(4), 2: 3 + draw(6)]
    var seated: [Seated] = []
    var hot: [(Account, Int)] = []
    for number in 0..<30 {
      let id = "A\(number < 10 ? "0" : "")\(number)"
      let tier = 1 + draw(3)
      seated.append(
        Self.seated(
          id, tier: tier, total: draw(16), arr: 1_000 * (1 + draw(2_000)),
          isOverride: draw(10) == 0))
      if draw(3) == 0 {
        let arr = String(1_000 * (1 + draw(1_500)))
        let ceiling = draw(2) == 0 ? nil : String(1_000 * (1 + draw(3_000)))
        hot.append((TestAccounts.account(id, arr: arr, fit: draw(6), ceiling: ceiling), tier))
      }
    }
    let interim = Self.rescore(hot, seats: seats, seated: seated)
    for (tier, cap) in seats {
      let overrides = seated.count { $0.tier == tier && $0.isOverride }
      let before = seated.count { $0.tier == tier }
      #expect(interim.seatedAfter[tier, default: 0] <= max(cap + overrides, before))
    }
    let reversed = Self.rescore(hot.reversed(), seats: seats, seated: seated)
    #expect(reversed.moves == interim.moves)
    // Every hot account that moved moved by the rubric; every other move is a paired incumbent.
    let hotIDs = Set(hot.map(\.0.id))
    for move in interim.moves {
      #expect(hotIDs.contains(move.id) ? move.reason == .rubric : move.pairedWith != nil)
    }
  }

  @Test("an account an earlier interim displaced is not displaced again: the next lowest is")
  func displacedOnceOnly() {
    var displaced = Self.seated("I2", tier: 1, total: 12)
    displaced.wasDisplaced = true
    let interim = Self.rescore(
      [(Self.fourteen, 2)], seated: [Self.seated("I1", tier: 1, total: 13), displaced])
    #expect(
      interim.moves == [
        .init(id: "HOT", from: 2, to: 1, reason: .rubric, pairedWith: "I1"),
        .init(id: "I1", from: 1, to: 2, reason: .cap(tier: 1), pairedWith: "HOT"),
      ])
  }

  @Test(
    "on generated chains of interims no capped tier ever holds more than its seats plus overrides, and no account is displaced twice",
    arguments: 0..<30)
  func chainsNeverPastTheCap(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    let seats = [1: 1 + draw(4), 2: 3 + draw(6)]
    var seated: [Seated] = []
    for number in 0..<30 {
      let id = "A\(number < 10 ? "0" : "")\(number)"
      seated.append(
        Self.seated(
          id, tier: 1 + draw(3), total: draw(16), arr: 1_000 * (1 + draw(2_000)),
          isOverride: draw(10) == 0))
    }
    let capped = Set(seats.keys)
    var chain = InterimChain.start
    var displacedOnce: Set<String> = []
    for _ in 0..<4 {
      let now = chain.seated(over: seated.filter { capped.contains($0.tier) }, cappedTiers: capped)
      // Each interim flags a few accounts, each from the tier the chain left it in.
      var hot: [(Account, Int)] = []
      for account in seated where draw(5) == 0 {
        let tier = chain.placements[account.id]?.tier ?? account.tier
        let arr = String(1_000 * (1 + draw(1_500)))
        let ceiling = draw(2) == 0 ? nil : String(1_000 * (1 + draw(3_000)))
        hot.append(
          (TestAccounts.account(account.id, arr: arr, fit: draw(6), ceiling: ceiling), tier))
      }
      let interim = Self.rescore(hot, seats: seats, seated: now)
      let byID = Dictionary(now.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      chain = chain.advanced(by: interim.moves, rescored: interim.hotRanks, incumbents: byID)
      for move in interim.moves where move.reason != .rubric {
        #expect(!displacedOnce.contains(move.id), "\(move.id) displaced twice")
        displacedOnce.insert(move.id)
      }
      for move in interim.moves where move.reason == .rubric { displacedOnce.remove(move.id) }
      let after = chain.seated(
        over: seated.filter { capped.contains($0.tier) }, cappedTiers: capped)
      for (tier, cap) in seats {
        let overrides = seated.count { $0.tier == tier && $0.isOverride }
        let before = seated.count { $0.tier == tier }
        #expect(after.count { $0.tier == tier } <= max(cap + overrides, before))
      }
    }
  }

  @Test("the chain state written to run.json reads back as the same state")
  func chainRoundTrips() throws {
    var chain = InterimChain(number: 2, placements: [:])
    chain.placements["B"] = .init(
      tier: 2, total: ExactDecimal(12), arr: Money(units: 400_000), wasDisplaced: true)
    chain.placements["A"] = .init(
      tier: 1, total: ExactDecimal(14), arr: Money(units: 1_000_000), wasDisplaced: false)
    var text = TextBuffer(capacity: 1_024)
    JSONValue.object([
      ("quarter", .string("2026-Q3")), ("interim", .object([("chain_after", chain.jsonValue)])),
    ])
    .write(to: &text, indent: 0)
    let read = InterimChain.read(
      runJSON: text.bytes, quarter: "2026-Q3", number: 2, tierCount: 3)
    #expect(read == .success(chain))
    #expect(
      InterimChain.read(runJSON: text.bytes, quarter: "2026-Q3", number: 3, tierCount: 3)
        == .failure(.init(message: "its run.json records another interim number")))
    let twice =
      Array(
        #"{"quarter": "2026-Q3", "interim": {"chain_after": {"number": 1, "accounts": []}, "#.utf8)
      + Array(#""chain_after": {"number": 1, "accounts": []}}}"#.utf8)
    #expect(
      InterimChain.read(runJSON: twice, quarter: "2026-Q3", number: 1, tierCount: 3)
        == .failure(
          .init(
            message: "its run.json is not strict JSON: key 'interim.chain_after' is given "
              + "twice; every key may appear once")))
    #expect(
      InterimChain.read(runJSON: text.bytes, quarter: "2026-Q3", number: 2, tierCount: 1)
        == .failure(.init(message: "its run.json has a chain account out of range or repeated")))
  }
}
