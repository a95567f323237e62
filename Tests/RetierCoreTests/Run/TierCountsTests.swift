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

  @Test("valid accounts are counted by tier; rejected accounts are a count of their own")
  func counts() throws {
    let result = try Self.result()
    let counts = TierCounts(result)
    #expect(counts.before == [200, 0, 0, 0])
    #expect(counts.after.reduce(0, +) == 200)
    #expect(counts.after[0] == 0)
    #expect(counts.rejected == 2)
    #expect(counts.firstPlacements == 200)
    #expect(counts.promotions == 0 && counts.demotions == 0)
    // The same counts as a tally of the rendered tiers.csv rows of valid accounts.
    var tally = [Int](repeating: 0, count: 4)
    var rejected = 0
    result.forEachTierRowSource { source in
      let row = result.tierRow(source)
      if row.reason == .invalidInput { rejected += 1 } else { tally[row.toTier ?? 0] += 1 }
    }
    #expect(counts.after == tally)
    #expect(counts.rejected == rejected)
  }

  @Test("memo.md's tier table shows the valid accounts by tier and the rejected row")
  func memoAgrees() throws {
    let result = try Self.result()
    let memo = result.memoSection("Tier counts")
    #expect(memo.contains("| new | 200 | 0 | −200 |"))
    #expect(memo.contains("| valid accounts | 200 | 200 | 0 |"))
    #expect(memo.contains("| rejected (keep the tier they hold) | 2 | 2 | 0 |"))
  }
}
