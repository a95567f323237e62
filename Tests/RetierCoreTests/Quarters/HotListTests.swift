import Testing

@testable import RetierCore

@Suite("Hot-account flags (retier interim --hot)")
struct HotListTests {
  static func read(_ text: String) throws(RetierError) -> HotList {
    try HotList(
      Array(text.utf8), path: "hot.csv", isKnown: { ["A", "B", "C"].contains($0) },
      nearest: { _ in [] })
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

  @Test("a flag file of junk lists its first problems and counts the rest in one line")
  func problemsAreBounded() throws {
    let junk = (1...100).map { "Z\($0),Sam,typo\n" }.joined()
    let list = try Self.read("account_id,flagged_by,reason\nA,Sam,usage tripled\n" + junk)
    #expect(list.flags.map(\.accountID) == ["A"])
    #expect(list.skippedRowCount == 100 && list.rowCount == 101)
    #expect(list.problems.count == HotList.shownProblemLimit + 1)
    #expect(
      list.problems.last?.description
        == "hot.csv: warning: 80 more rows not re-scored, not listed one by one")
  }

  @Test("a typo'd id gets the nearest ids, as explain suggests them")
  func typoSuggestsNearestIDs() throws {
    let ids = ["ACC-0010", "ACC-0011", "BCD-9999"]
    let list = try HotList(
      Array("account_id,flagged_by,reason\nACC-001,Sam,typo\nacc-0010,Sam,case\n".utf8),
      path: "hot.csv", isKnown: { ids.contains($0) },
      nearest: { NearestIDs.suggestions(for: $0, among: ids) })
    #expect(
      list.problems.map(\.message) == [
        "account ACC-001 is not a valid account of the drop placed by the completed run; not "
          + "re-scored (nearest ids: ACC-0010, ACC-0011)",
        "account acc-0010 is not a valid account of the drop placed by the completed run; not "
          + "re-scored (nearest ids: ACC-0010, ACC-0011)",
      ])
  }

  @Test(
    "read in chunks of any size, the flags, problems, lines, rows and checksum are the file's",
    arguments: [1, 2, 7, 64])
  func chunksOfAnySize(size: Int) throws {
    let text =
      "\u{FEFF}account_id,flagged_by,reason\r\nA,Sam,\"usage\r\ntripled, \"\"twice\"\"\"\r\n"
      + "Z,Kim,typo\r\n,,\r\nB,Kim,\"two\nlines\"\nA,Kim,again\nC,Lee,last"
    let bytes = Array(text.utf8)
    let whole = try Self.read(text)
    var offset = 0
    let chunked = try HotList(
      chunks: { () throws(RetierError) -> [UInt8]? in
        guard offset < bytes.count else { return nil }
        defer { offset += size }
        return Array(bytes[offset..<min(offset + size, bytes.count)])
      }, path: "hot.csv", isKnown: { ["A", "B", "C"].contains($0) }, nearest: { _ in [] })
    #expect(chunked.flags == whole.flags)
    #expect(chunked.flags.map(\.line) == [2, 6, 9])
    #expect(chunked.problems == whole.problems)
    #expect(chunked.rowCount == whole.rowCount && chunked.rowCount == 6)
    #expect(chunked.sha256 == SHA256.hexDigest(bytes) && whole.sha256 == chunked.sha256)
  }
}
