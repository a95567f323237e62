import Testing

@testable import RetierCore

@Suite("Hot-account flags (retier interim --hot)")
struct HotListTests {
  static func read(_ text: String) throws(RetierError) -> HotList {
    try HotList(Array(text.utf8), path: "hot.csv") { ["A", "B", "C"].contains($0) }
  }

  @Test("every row is a flag or a reported problem: unknown ids, repeats and blanks are listed")
  func flagsAndProblems() throws {
    let list = try Self.read(
      "account_id,flagged_by,reason\nA,Sam,usage tripled\nZ,Sam,new deal\n A ,Kim,again\n"
        + ",Kim,no id\nB,,no one\nC,Kim,exec escalation\n")
    #expect(list.flags.map(\.accountID) == ["A", "C"])
    #expect(
      list.flags.first == .init(accountID: "A", flaggedBy: "Sam", reason: "usage tripled", line: 2))
    #expect(
      list.problems.map(\.description) == [
        "hot.csv:3: warning: account Z is not a valid account of the drop placed by the completed run; not re-scored",
        "hot.csv:4: warning: account A is flagged again (first on line 2); re-scored once",
        "hot.csv:5: warning: account_id is empty",
        "hot.csv:6: warning: account B has no flagged_by; not re-scored",
      ])
  }

  @Test("a file without a required column is refused, naming it")
  func missingColumn() {
    #expect(
      throws: RetierError.missingColumn(
        file: "hot.csv", column: "flagged_by", header: ["account_id", "reason"])
    ) {
      try Self.read("account_id,reason\nA,x\n")
    }
  }
}
