import Testing

@testable import RetierCore

@Suite("CRM import files")
struct CRMFilesTests {
  /// The default configuration with the pool's CRM identity set or not.
  private static func configuration(poolEmail: String?, poolCRMID: String?) -> Configuration {
    var configuration = OwnerFixtures.configuration()
    configuration.poolOwnerEmail = poolEmail
    configuration.poolOwnerCRMID = poolCRMID
    return configuration
  }

  /// The `crm/` files of `result` by path, as text. Without `tierFieldUpdate` the result needs
  /// no scores (the owner fixtures have none), as only the tier field update quotes them.
  private static func files(_ result: RunResult, tierFieldUpdate: Bool = false) -> [String: String]
  {
    let owners = CRMOwnerImport(result)
    let files =
      tierFieldUpdate
      ? CRMFiles.piecewise(result, lookups: RunLookups(result))
      : [
        CRMFiles.ownerFile(
          CRMFiles.salesforcePath, header: CRMFiles.salesforceHeader,
          rows: owners.salesforceRows, result),
        CRMFiles.ownerFile(
          CRMFiles.hubSpotPath, header: CRMFiles.hubSpotHeader, rows: owners.hubSpotRows, result),
        CRMFiles.unassigned(result),
      ]
    return Dictionary(
      uniqueKeysWithValues: files.map {
        ($0.path, String(decoding: RenderedRun.bytes(of: $0), as: UTF8.self))
      }
    )
  }

  /// Tier 1 with CSMs `amy` (CRM id `005000000000AAA`) and `bob` (no email, CRM id defaults to `bob`);
  /// accounts moving to each, to the pool, and one left without an owner.
  private static func scenario(poolEmail: String?, poolCRMID: String?) -> OwnerFixtures.Scenario {
    OwnerFixtures.Scenario(
      [
        OwnerFixtures.placed("A1", arr: "900", from: 2, to: 1, owner: "old"),
        OwnerFixtures.placed("A2", arr: "800", from: nil, to: 1),
        OwnerFixtures.placed("A3", arr: "700", from: 1, to: 3, owner: "amy"),
        OwnerFixtures.placed("A4", arr: "600", from: 1, to: 2, owner: "amy"),
        OwnerFixtures.placed("A5", arr: "500", from: 1, to: 1, owner: "amy"),
        OwnerFixtures.placed("A6", arr: "400", from: 3, to: 3, owner: "cs-pool"),
      ],
      roster: [
        OwnerFixtures.csm("amy", tier: 1, max: 2, crmUserID: "005000000000AAA"),
        OwnerFixtures.csm("bob", tier: 1, max: 1, email: ""),
      ],
      configuration: configuration(poolEmail: poolEmail, poolCRMID: poolCRMID))
  }

  @Test(
    "headers are exactly what the import tools map, even with no rows",
    arguments: [
      (CRMFiles.salesforcePath, "Id,OwnerId\n"),
      (CRMFiles.hubSpotPath, "Record ID,Company owner\n"),
      (CRMFiles.tierFieldUpdatePath, "account_id,tier,tier_name,why_moved,effective_date\n"),
      (
        CRMFiles.unassignedPath,
        "account_id,account_name,tier,tier_name,arr,csm_hours_per_month,from_tier,from_owner_id,"
          + "from_owner_name,from_owner_email,tier_csms_short\n"
      ),
    ])
  func headers(path: String, expected: String) {
    let scenario = OwnerFixtures.Scenario(
      [OwnerFixtures.placed("A", arr: "1", from: 3, to: 3, owner: "cs-pool")], roster: [],
      configuration: Self.configuration(poolEmail: "pool@example.com", poolCRMID: "005P"))
    #expect(Self.files(scenario.runResult(), tierFieldUpdate: true)[path] == expected)
  }

  @Test("owner files carry every owner change with a real owner, in account id order")
  func ownerRows() {
    let result = Self.scenario(poolEmail: "pool@example.com", poolCRMID: "005P").runResult()
    let files = Self.files(result)
    // amy keeps A5; A1 goes to bob (a free seat each, bob holds less ARR), who has no email;
    // A2 to amy; A3 to the pool; A4 finds no Tier 2 CSM. A6 stays with the pool: no row.
    #expect(
      files[CRMFiles.salesforcePath] == "Id,OwnerId\nA1,bob\nA2,005000000000AAA\nA3,005P\n")
    #expect(
      files[CRMFiles.hubSpotPath]
        == "Record ID,Company owner\nA2,amy@example.com\nA3,pool@example.com\n")
    #expect(
      files[CRMFiles.unassignedPath]
        == "account_id,account_name,tier,tier_name,arr,csm_hours_per_month,from_tier,"
        + "from_owner_id,from_owner_name,from_owner_email,tier_csms_short\n"
        + "A4,Account A4,2,Silver,600.00,2,1,amy,CSM amy,amy@example.com,1\n")
    let owners = CRMOwnerImport(result)
    #expect(
      owners.summaryLines == [
        "CRM import: 1 owner change to CSMs without an email (bob) left out of "
          + "crm/hubspot-company-owners.csv: add their email to csms.csv"
      ])
  }

  @Test(
    "a pool without its CRM identity is left out of that file, and the summary says so",
    arguments: [
      (
        nil, nil,
        "CRM import: 1 owner change to the pool (cs-pool) left out of "
          + "crm/salesforce-account-owners.csv and crm/hubspot-company-owners.csv: set "
          + "pool_owner_crm_id and pool_owner_email in the config"
      ),
      (
        "pool@example.com", nil,
        "CRM import: 1 owner change to the pool (cs-pool) left out of "
          + "crm/salesforce-account-owners.csv: set pool_owner_crm_id in the config"
      ),
      (
        nil, "005P",
        "CRM import: 1 owner change to the pool (cs-pool) left out of "
          + "crm/hubspot-company-owners.csv: set pool_owner_email in the config"
      ),
    ] as [(String?, String?, String)])
  func poolLeftOut(email: String?, crmID: String?, line: String) {
    let result = Self.scenario(poolEmail: email, poolCRMID: crmID).runResult()
    let files = Self.files(result)
    #expect(files[CRMFiles.salesforcePath]?.contains("A3,") == (crmID != nil))
    #expect(files[CRMFiles.hubSpotPath]?.contains("A3,") == (email != nil))
    #expect(CRMOwnerImport(result).summaryLines.first == line)
  }

  @Test("memo.md's capacity section points to unassigned.csv and repeats what the imports left out")
  func memoCapacitySection() {
    let result = Self.scenario(poolEmail: nil, poolCRMID: "005P").runResult()
    let section = result.memoSection("Capacity and hiring")
    #expect(
      section.hasSuffix(
        "\nAccounts without an owner: 1, listed in `crm/unassigned.csv` for the hiring decision.\n"
          + "\nCRM import: 1 owner change to the pool (cs-pool) left out of "
          + "crm/hubspot-company-owners.csv: set pool\\_owner\\_email in the config\n"
          + "\nCRM import: 1 owner change to CSMs without an email (bob) left out of "
          + "crm/hubspot-company-owners.csv: add their email to csms.csv\n"),
      "\(section)")
    let complete = OwnerFixtures.Scenario(
      [OwnerFixtures.placed("A", arr: "1", from: nil, to: 1)],
      roster: [OwnerFixtures.csm("amy", tier: 1)],
      configuration: Self.configuration(poolEmail: "p@example.com", poolCRMID: "005P"))
    #expect(!complete.runResult().memoSection("Capacity and hiring").contains("crm/"))
  }

  @Test("the summary names at most five CSMs without an email")
  func summaryNamesFewCSMs() {
    let ids = (1...7).map { "c\($0)" }
    let scenario = OwnerFixtures.Scenario(
      ids.map { OwnerFixtures.placed("A-\($0)", arr: "100", from: nil, to: 1) },
      roster: ids.map { OwnerFixtures.csm($0, tier: 1, max: 1, email: "") },
      configuration: Self.configuration(poolEmail: nil, poolCRMID: nil))
    #expect(
      CRMOwnerImport(scenario.runResult()).summaryLines == [
        "CRM import: 7 owner changes to CSMs without an email (c1, c2, c3, c4, c5 and 2 more) "
          + "left out of crm/hubspot-company-owners.csv: add their email to csms.csv"
      ])
  }

  @Test("ids with commas, quotes and non-ASCII round-trip; formulas are neutralised")
  func hostileValuesRoundTrip() throws {
    let accountID = "Ω-1, \"Zürich\""
    let crmID = "u,\"é\""
    let scenario = OwnerFixtures.Scenario(
      [
        OwnerFixtures.placed(accountID, arr: "100", from: nil, to: 1),
        OwnerFixtures.placed("=2", arr: "50", from: nil, to: 3),
      ],
      roster: [OwnerFixtures.csm("c", tier: 1, email: "ç@exämple.com", crmUserID: crmID)],
      configuration: Self.configuration(poolEmail: "+pool@example.com", poolCRMID: "-005"))
    let files = Self.files(scenario.runResult())
    let salesforce = try CSVReader.parse(Array(try #require(files[CRMFiles.salesforcePath]).utf8))
    #expect(salesforce.header == ["Id", "OwnerId"])
    #expect(salesforce.rowCount == 2)
    #expect(salesforce.fields(ofRow: 0) == ["'=2", "'-005"])
    #expect(salesforce.fields(ofRow: 1) == [accountID, crmID])
    let hubSpot = try CSVReader.parse(Array(try #require(files[CRMFiles.hubSpotPath]).utf8))
    #expect(hubSpot.fields(ofRow: 0) == ["'=2", "'+pool@example.com"])
    #expect(hubSpot.fields(ofRow: 1) == [accountID, "ç@exämple.com"])
  }

  @Test(
    "the tier field update is movements.csv's rows: new tier, its name, the same sentence",
    arguments: ["rubric", "cap", "reasons"])
  func tierFieldUpdate(book: String) throws {
    let result =
      switch book {
      case "rubric": try RunResultFixtures.rubricBook()
      case "cap": try RunResultFixtures.capBook()
      default: try RunResultFixtures.reasonsBook()
      }
    let movements = try CSVReader.parse(RenderedRun.bytes("movements.csv", of: result))
    let update = try CSVReader.parse(
      Array(
        try #require(Self.files(result, tierFieldUpdate: true)[CRMFiles.tierFieldUpdatePath]).utf8))
    #expect(movements.rowCount >= 3)
    #expect(update.rowCount == movements.rowCount)
    for row in 0..<min(update.rowCount, movements.rowCount) {
      let moved = movements.fields(ofRow: row)
      let tier = try #require(Int(moved[3]))
      #expect(
        update.fields(ofRow: row) == [
          moved[0], moved[3], result.configuration.tier(tier).name, moved[5], "2026-10-14",
        ])
    }
  }
}
