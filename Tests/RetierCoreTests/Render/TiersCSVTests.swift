import Testing

@testable import RetierCore

/// `tiers.csv` and the line order it shares with the other renderers.
@Suite("TiersCSV")
struct TiersCSVTests {
  /// A valid account, a rejected one that keeps its tier, and ids that sort across both lists.
  private static func mixedBook() throws -> RunResult {
    try RunResultFixtures.result(
      [
        .init(id: "A", arr: "1234.5", tier: "1", fit: 0, owner: "csm-1"),
        .init(id: "B", arr: "-5", tier: "2", fit: 0, owner: "csm-2"),
        .init(id: "C", arr: "2000", fit: 4, name: "=cmd"),
        .init(id: "D", arr: "bad", fit: 0),
      ], configure: { $0.maxRejectedShare = ExactDecimal(1) })
  }

  @Test("valid accounts have scores; rejected accounts keep their tier and owner")
  func lines() throws {
    let text = String(
      decoding: RenderedRun.bytes("tiers.csv", of: try Self.mixedBook()), as: UTF8.self)
    #expect(
      text.split(separator: "\n", omittingEmptySubsequences: false) == [
        "account_id,account_name,arr,arr_score,fit_score,expansion_score,total_score,rubric_tier,"
          + "from_tier,to_tier,reason,owner_id",
        // 1,234.50 is below 1.1 × the 5,000 floor (1); fit 0; no ceiling (2): total 3, Tier 3.
        "A,Name A,1234.50,1,0,2,3,3,1,3,rubric,cs-pool",
        "B,Name B,,,,,,,2,2,invalid_input,csm-2",
        // The top decile of two accounts is one: 5 + 4 + 2 = 11, Tier 2, no CSM of the tier.
        "C,'=cmd,2000.00,5,4,2,11,2,,2,rubric,",
        "D,Name D,,,,,,,,,invalid_input,",
        "",
      ])
  }

  @Test("the row sources follow the rows, in id order")
  func sourcesInRowOrder() throws {
    let result = try Self.mixedBook()
    var sources: [TierRow.Source] = []
    result.forEachTierRowSource { sources.append($0) }
    #expect(sources == [.valid(0), .rejected(0), .valid(1), .rejected(1)])
    #expect(result.tierRows.map(\.accountID) == ["A", "B", "C", "D"])
    #expect(sources.map { result.tierRow($0).accountID } == ["A", "B", "C", "D"])
  }
}
