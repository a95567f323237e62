import Testing

@testable import RetierCore

@Suite("Tier ladder")
struct TierLadderTests {
  private typealias Standing = TierLadder.Standing<String>

  private func standing(
    _ id: String, total: Int, incumbent: Bool, arrCents: Int128
  ) -> Standing {
    Standing(
      total: ExactDecimal(total), isIncumbent: incumbent, arr: Money(cents: arrCents),
      accountKey: id)
  }

  @Test("the cap ranking: total desc, then incumbents, then ARR desc, then account id asc")
  func capRankingOrder() {
    // Each neighbour pair differs in exactly one key, and each key outweighs every later one:
    // a higher total beats incumbency, incumbency beats a higher ARR, ARR beats a lower id.
    let expected = [
      standing("ACC-9", total: 11, incumbent: false, arrCents: 1),
      standing("ACC-8", total: 10, incumbent: true, arrCents: 1),
      standing("ACC-2", total: 10, incumbent: false, arrCents: 500),
      standing("ACC-3", total: 10, incumbent: false, arrCents: 100),
      standing("ACC-4", total: 10, incumbent: false, arrCents: 1),
      standing("ACC-5", total: 10, incumbent: false, arrCents: 1),
      standing("ACC-1", total: 9, incumbent: true, arrCents: 900),
    ]
    for permutation in [expected.reversed(), expected.shuffledByStride(3), expected] {
      let ranked = permutation.sorted(by: TierLadder.ranksAbove)
      #expect(ranked.map(\.accountKey) == expected.map(\.accountKey))
    }
  }

  @Test(
    "on a tie of every other key the lower account id ranks above",
    arguments: [("ACC-1", "ACC-2"), ("A", "B"), ("ACC-10", "ACC-9")])
  func idBreaksTheLastTie(higher: String, lower: String) {
    let first = standing(higher, total: 8, incumbent: true, arrCents: 10_000)
    let second = standing(lower, total: 8, incumbent: true, arrCents: 10_000)
    #expect(TierLadder.ranksAbove(first, second))
    #expect(!TierLadder.ranksAbove(second, first))
    #expect(!TierLadder.ranksAbove(first, first))
  }

  @Test(
    "a ladder from its lines gives the rubric tier as the configuration's does",
    arguments: [(13, 1), (12, 1), (11, 2), (8, 2), (7, 3), (0, 3)])
  func rubricTierFromLines(total: Int, tier: Int) {
    let ladder = TierLadder(lines: TestAccounts.configuration.tiers.map(\.minScore))
    #expect(ladder.rubricTier(of: ExactDecimal(total)) == tier)
  }
}

extension Array {
  /// The elements taken every `stride`-th, starting from each offset in turn: a fixed
  /// reordering for ranking tests, with no random source.
  fileprivate func shuffledByStride(_ stride: Int) -> [Element] {
    (0..<stride).flatMap { start in
      Swift.stride(from: start, to: count, by: stride).map { self[$0] }
    }
  }
}
