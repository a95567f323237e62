import Testing

@testable import RetierCore

@Suite("MovementsCSV")
struct MovementsCSVTests {
  private func lines(_ result: RunResult) -> [String] {
    String(decoding: RenderedRun.bytes("movements.csv", of: result), as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test("moved and first-placed accounts, by account id, with direction and why")
  func rubricBook() throws {
    #expect(
      lines(try RunResultFixtures.rubricBook()) == [
        "account_id,account_name,from_tier,to_tier,direction,why_moved",
        "T06,Name T06,1,2,demotion,\"Tier 1 → Tier 2: total 9 (ARR 3, fit 4, expansion 2) is below "
          + "the Tier 1 line of 12\"",
        "X02,Name X02,2,1,promotion,\"Tier 2 → Tier 1: total 12 (ARR 4, fit 4, expansion 4) "
          + "reaches the Tier 1 line of 12\"",
        "X03,Name X03,1,2,demotion,\"Tier 1 → Tier 2: total 8 (ARR 4, fit 2, expansion 2) is below "
          + "the Tier 1 line of 12\"",
        "X04,Name X04,1,3,demotion,\"Tier 1 → Tier 3: total 3 (ARR 3, fit 0, expansion 0) is below "
          + "the Tier 2 line of 8\"",
        "X05,Name X05,,2,first_placement,\"First placement in Tier 2: total 9 (ARR 3, fit 3, "
          + "expansion 3) reaches the Tier 2 line of 8\"",
        "X07,Name X07,2,3,demotion,\"Tier 2 → Tier 3: total 7 (ARR 2, fit 3, expansion 2) is below "
          + "the Tier 2 line of 8\"",
        "X08,Name X08,2,3,demotion,\"Tier 2 → Tier 3: total 5 (ARR 2, fit 3, expansion 0) is below "
          + "the Tier 2 line of 8\"",
        "X09,Name X09,2,3,demotion,\"Tier 2 → Tier 3: total 6 (ARR 2, fit 3, expansion 1) is below "
          + "the Tier 2 line of 8\"",
        "",
      ])
  }

  @Test("rejected accounts keep their tier and are not listed")
  func rejectedAccountsLeftOut() throws {
    let result = try RunResultFixtures.result(
      [
        .init(id: "A", arr: "1000", tier: "1", fit: 0),
        .init(id: "B", arr: "-5", tier: "1", fit: 0),
      ], configure: { $0.maxRejectedShare = ExactDecimal(1) })
    let rows = lines(result)
    #expect(rows.count == 3)
    #expect(rows[1].hasPrefix("A,Name A,1,3,demotion,"))
  }

  @Test("text cells that a spreadsheet would run as a formula are neutralised")
  func formulaNeutralised() throws {
    let result = try RunResultFixtures.result([
      .init(id: "=HYPERLINK(\"x\")", arr: "1000", fit: 0, name: "+cmd|' /C calc'!A0"),
      .init(id: "@SUM", arr: "2000", fit: 0, name: "-2+3"),
    ])
    let rows = lines(result)
    #expect(rows[1].hasPrefix("\"'=HYPERLINK(\"\"x\"\")\",'+cmd|' /C calc'!A0,,3,first_placement,"))
    #expect(rows[2].hasPrefix("'@SUM,'-2+3,,3,first_placement,"))
  }

  @Test("rows are sorted by account id in byte order")
  func sortedByID() throws {
    let result = try RunResultFixtures.result([
      .init(id: "b", arr: "1000", fit: 0), .init(id: "a", arr: "1000", fit: 0),
      .init(id: "A", arr: "1000", fit: 0),
    ])
    #expect(lines(result).dropFirst().prefix(3).map { $0.prefix(2) } == ["A,", "a,", "b,"])
  }
}
