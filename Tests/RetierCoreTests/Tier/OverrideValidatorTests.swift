import Testing

@testable import RetierCore

@Suite("Override validator")
struct OverrideValidatorTests {
  private let runDate = CalendarDate(year: 2026, month: 10, day: 14)!

  private func row(
    _ id: String = "A", tier: String = "1", reason: String = "renewal at risk",
    sales: String = "Sam Sales", cs: String = "Cat CS", expires: String = "2026-12-31",
    line: Int = 2
  ) -> OverrideRow {
    OverrideRow(
      line: line, accountID: id, tierText: tier, reason: reason, approvedBySales: sales,
      approvedByCS: cs, expiresText: expires)
  }

  private func validate(_ rows: [OverrideRow]) -> (
    valid: [String: ValidOverride], ignored: IgnoredOverrides
  ) {
    OverrideValidator.validate(
      OverrideRows(rows), validAccountIDs: ["A", "B"], knownAccountIDs: ["A", "B", "BAD"],
      tierCount: 3,
      runDate: runDate, maxDays: 92)
  }

  @Test("a complete override applies")
  func validOverride() throws {
    let result = validate([row()])
    let override = try #require(result.valid["A"])
    #expect(override.tier == 1)
    #expect(result.ignored.isEmpty)
  }

  @Test(
    "invalid overrides are ignored with why",
    arguments: [
      (OverrideRowSpec(sales: "Pat Lee", cs: "pat lee"), "same person"),
      (OverrideRowSpec(sales: ""), "approved_by_sales is empty"),
      (OverrideRowSpec(cs: ""), "approved_by_cs is empty"),
      (OverrideRowSpec(reason: ""), "reason is empty"),
      (OverrideRowSpec(tier: "4"), "tier '4'"),
      (OverrideRowSpec(tier: "x"), "tier 'x'"),
      (OverrideRowSpec(expires: "2026-10-13"), "expired"),
      (OverrideRowSpec(expires: "2027-01-15"), "more than 92 days"),
      (OverrideRowSpec(expires: "soon"), "not a YYYY-MM-DD"),
      (OverrideRowSpec(id: "ZZZ"), "not in accounts.csv"),
      (OverrideRowSpec(id: "BAD"), "rejected"),
    ])
  func ignoredOverrides(spec: OverrideRowSpec, expected: String) {
    let result = validate([
      row(
        spec.id, tier: spec.tier, reason: spec.reason, sales: spec.sales, cs: spec.cs,
        expires: spec.expires)
    ])
    #expect(result.valid.isEmpty)
    #expect(result.ignored.count == 1)
    #expect(result.ignored.first?.reason.contains(expected) == true)
  }

  @Test(
    "expiry on the run date and exactly 92 days after are both valid",
    arguments: ["2026-10-14", "2027-01-14"])
  func expiryBounds(expires: String) {
    #expect(validate([row(expires: expires)]).valid["A"] != nil)
  }

  @Test(
    "a window wider than the years a date holds is still checked in days",
    arguments: [92, 1_000_000_000_000_000, Int.max])
  func hugeWindow(maxDays: Int) {
    let result = OverrideValidator.validate(
      [row(expires: "9999-12-31"), row("B", expires: "2026-10-13")], validAccountIDs: ["A", "B"],
      knownAccountIDs: ["A", "B"], tierCount: 3, runDate: runDate, maxDays: maxDays)
    #expect((result.valid["A"] != nil) == (maxDays > 92))
    #expect(result.valid["B"] == nil)
    #expect(result.ignored.map(\.row.accountID) == (maxDays > 92 ? ["B"] : ["A", "B"]))
  }

  @Test("two valid overrides for one account conflict and both are ignored")
  func conflicts() {
    let result = validate([row(tier: "1", line: 2), row(tier: "2", line: 3), row("B", line: 4)])
    #expect(result.valid.keys.sorted() == ["B"])
    #expect(result.ignored.map(\.row.line) == [2, 3])
    #expect(
      result.ignored.allSatisfy {
        $0.reason.hasSuffix("(2 valid overrides; first on line 2)")
      })
  }

  @Test("repeated rows are kept once with their lines, and each is still ignored on its own line")
  func repeatedRows() {
    // Interleaved: an unknown account's row 1,000 times, a valid one for B twice (a conflict),
    // an expired one for A 500 times, and one valid override for A.
    var rows: [OverrideRow] = []
    var line = 2
    for index in 0..<1_000 {
      rows.append(row("GHOST", line: line))
      line += 1
      if index < 500 {
        rows.append(row("A", expires: "2026-01-01", line: line))
        line += 1
      }
      if index == 10 || index == 900 {
        rows.append(row("B", line: line))
        line += 1
      }
    }
    rows.append(row("A", reason: "strategic", line: line))
    let grouped = OverrideRows(rows)
    #expect(grouped.count == rows.count)
    #expect(grouped.groups.count == 4, "one group per distinct row")
    #expect(grouped.groups.map(\.lines.count) == [1_000, 500, 2, 1])
    let result = validate(rows)
    #expect(result.valid.keys.sorted() == ["A"])
    #expect(result.valid["A"]?.row.line == line)
    // The same rows, one by one, in the order the memo and rejected.csv list them.
    let expected = rows.filter { $0.line != line }
      .sorted { ($0.accountID, $0.line) < ($1.accountID, $1.line) }
    #expect(result.ignored.count == expected.count)
    #expect(result.ignored.map(\.row) == expected)
    #expect(
      result.ignored.filter { $0.row.accountID == "B" }.map(\.reason)
        == Array(
          repeating: "conflicts with another valid override for the account (2 valid overrides; "
            + "first on line \(expected.first { $0.accountID == "B" }!.line))", count: 2))
    #expect(
      result.ignored.first { $0.row.accountID == "GHOST" }?.reason
        == "account is not in accounts.csv")
  }
}

/// The fields of an override row that a parameterised case changes.
struct OverrideRowSpec: Sendable, CustomTestStringConvertible {
  var id = "A"
  var tier = "1"
  var reason = "renewal at risk"
  var sales = "Sam Sales"
  var cs = "Cat CS"
  var expires = "2026-12-31"

  var testDescription: String { "\(id) tier=\(tier) sales=\(sales) cs=\(cs) expires=\(expires)" }
}
