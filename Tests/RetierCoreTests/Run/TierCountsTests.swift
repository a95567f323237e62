import Testing

@testable import RetierCore

@Suite("Tier counts")
struct TierCountsTests {
  /// 200 first placements, one rejected account holding Tier 2 and one with no usable tier.
  private static func result() throws -> RunResult {
    var drop = TestDrop.simple(arrs: (1...200).map { "\($0 * 100)" })
    drop.accounts += "BAD,Bad Co,2,csm-9,2020-01-01,9\n"
    drop.accounts += "NOTIER,No Tier Co,,,2020-01-01,9\n"
    return try Retier.decide(drop.input())
  }

  @Test("every tiers.csv row is counted once before and once after; rejected accounts keep theirs")
  func counts() throws {
    let result = try Self.result()
    let counts = TierCounts(result)
    #expect(counts.before == [201, 0, 1, 0])
    #expect(counts.after.reduce(0, +) == 202)
    #expect(counts.after[0] == 1)
    #expect(counts.after[2] >= 1)
    #expect(counts.firstPlacements == 200)
    #expect(counts.promotions == 0 && counts.demotions == 0)
    // The same counts as a tally of the rendered tiers.csv rows.
    var tally = [Int](repeating: 0, count: 4)
    result.forEachTierRowSource { tally[result.tierRow($0).toTier ?? 0] += 1 }
    #expect(counts.after == tally)
  }

  @Test("memo.md's tier table shows the same no-tier counts as run.json")
  func memoAgrees() throws {
    let result = try Self.result()
    let memo = ReviewMemo.tierCounts(result)
    #expect(memo.contains("| no tier | 201 | 1 | −200 |"))
  }
}
