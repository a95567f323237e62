import Testing

@testable import RetierCore

@Suite("csms.csv crm_user_id")
struct RosterCRMUserIDTests {
  private func crmUserIDs(_ text: String) throws -> [String: String] {
    let roster = try DropLoader.loadRoster(Array(text.utf8), tierCount: 3)
    #expect(roster.rejections.isEmpty)
    return Dictionary(uniqueKeysWithValues: roster.csms.map { ($0.id, $0.crmUserID) })
  }

  @Test("a CRM user id is read trimmed, with its commas, quotes and non-ASCII; blank means csm_id")
  func readsOrDefaults() throws {
    let ids = try crmUserIDs(
      "csm_id,tier, CRM_User_ID \n" + "a,1, 005Hn0000000001AAC \n" + "b,1,\n"
        + "c,2,\"005,\"\"é\"\"\"\n")
    #expect(ids == ["a": "005Hn0000000001AAC", "b": "b", "c": "005,\"é\""])
  }

  @Test("without the column every CRM user id is the csm_id")
  func absentColumn() throws {
    #expect(try crmUserIDs("csm_id,tier\nx,1\ny,3\n") == ["x": "x", "y": "y"])
  }
}
