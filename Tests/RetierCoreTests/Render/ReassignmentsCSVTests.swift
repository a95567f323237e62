import Testing

@testable import RetierCore

@Suite("ReassignmentsCSV")
struct ReassignmentsCSVTests {
  private let header =
    "account_id,account_name,from_tier,to_tier,from_owner_id,from_owner_crm_id,from_owner_email,"
    + "to_owner_id,to_owner_crm_id,to_owner_email,reason,note,effective_date\n"

  private func render(_ scenario: OwnerFixtures.Scenario) -> String {
    String(
      decoding: RenderedRun.bytes(of: ReassignmentsCSV.piecewise(scenario.runResult())),
      as: UTF8.self)
  }

  @Test("rows for changed owners only, by new owner (blank first) then account id")
  func orderingAndColumns() {
    let scenario = OwnerFixtures.Scenario(
      [
        OwnerFixtures.placed("A9", arr: "900", from: 2, to: 1, owner: "old"),
        OwnerFixtures.placed("A1", arr: "100", from: nil, to: 1),
        OwnerFixtures.placed("A5", arr: "500", from: 1, to: 1, owner: "zed"),
        OwnerFixtures.placed("A2", arr: "200", from: 1, to: 2, owner: "amy"),
        OwnerFixtures.placed("A3", arr: "300", from: 2, to: 3, owner: "old"),
        OwnerFixtures.placed("A4", arr: "50", from: 1, to: 1, owner: "zed"),
      ],
      roster: [
        OwnerFixtures.csm("zed", tier: 1, max: 2, email: "zed@example.com"),
        OwnerFixtures.csm("amy", tier: 1, max: 2, email: "amy@example.com"),
      ])
    // zed keeps A5 and A4 (full); amy gets A9 then A1; A2 drops to Tier 2 with no CSM.
    #expect(
      render(scenario) == header
        + "A2,Account A2,1,2,amy,amy,amy@example.com,,,,capacity_shortfall,,2026-10-14\n"
        + "A1,Account A1,,1,,,,amy,amy,amy@example.com,first_placement,,2026-10-14\n"
        + "A9,Account A9,2,1,old,,,amy,amy,amy@example.com,tier_change,,2026-10-14\n"
        + "A3,Account A3,2,3,old,,,cs-pool,,,tier_change,,2026-10-14\n")
  }

  @Test("an owner change within the tier names its reason; an unchanged owner has no row")
  func ownerReasons() {
    let scenario = OwnerFixtures.Scenario(
      [
        OwnerFixtures.placed("K1", arr: "300", from: 1, to: 1, owner: "a"),
        OwnerFixtures.placed("K2", arr: "200", from: 1, to: 1, owner: "a"),
        OwnerFixtures.placed("K3", arr: "100", from: 1, to: 1, owner: "gone"),
      ],
      roster: [OwnerFixtures.csm("a", tier: 1, max: 1), OwnerFixtures.csm("b", tier: 1, max: 5)])
    #expect(
      render(scenario) == header
        + "K2,Account K2,1,1,a,a,a@example.com,b,b,b@example.com,owner_over_capacity,,2026-10-14\n"
        + "K3,Account K3,1,1,gone,,,b,b,b@example.com,owner_not_in_tier,,2026-10-14\n")
  }

  @Test("names, ids and emails that look like formulas are neutralised; commas are quoted")
  func formulaNeutralised() {
    let scenario = OwnerFixtures.Scenario(
      [
        OwnerFixtures.placed(
          "-X1", arr: "100", from: nil, to: 1, owner: "@old", name: "=HYPERLINK(\"x\",\"y\")"),
        OwnerFixtures.placed("X2", arr: "50", from: nil, to: 1, name: "Acme, Inc."),
      ],
      roster: [OwnerFixtures.csm("+csm", tier: 1, email: "-mail@example.com")])
    #expect(
      render(scenario) == header
        + "'-X1,\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",,1,'@old,,,'+csm,'+csm,'-mail@example.com,"
        + "first_placement,,2026-10-14\n"
        + "X2,\"Acme, Inc.\",,1,,,,'+csm,'+csm,'-mail@example.com,first_placement,,2026-10-14\n")
  }

  @Test("the effective date is the run date, not a clock")
  func effectiveDate() {
    let scenario = OwnerFixtures.Scenario(
      [OwnerFixtures.placed("A", arr: "1", from: 2, to: 3, owner: "x")], roster: [])
    let result = scenario.runResult(runDate: CalendarDate(year: 2027, month: 1, day: 15)!)
    #expect(
      String(decoding: RenderedRun.bytes(of: ReassignmentsCSV.piecewise(result)), as: UTF8.self)
        == header
        + "A,Account A,2,3,x,,,cs-pool,,,tier_change,,2027-01-15\n")
  }

  @Test("the pool owner has no email even when it is also on the roster")
  func poolHasNoEmail() {
    let scenario = OwnerFixtures.Scenario(
      [OwnerFixtures.placed("A", arr: "1", from: nil, to: 3)],
      roster: [OwnerFixtures.csm("cs-pool", tier: 3, email: "pool@example.com")])
    #expect(
      render(scenario) == header + "A,Account A,,3,,,,cs-pool,,,first_placement,,2026-10-14\n")
  }

  @Test("no change gives just the header")
  func headerOnly() {
    let scenario = OwnerFixtures.Scenario(
      [OwnerFixtures.placed("A", arr: "1", from: 3, to: 3, owner: "cs-pool")], roster: [])
    #expect(render(scenario) == header)
  }

  @Test("held accounts keep their owner with the reason, note and effective date of the hold")
  func heldRows() {
    let scenario = OwnerFixtures.Scenario(
      [
        OwnerFixtures.placed(
          "H1", arr: "400", from: 1, to: 2, owner: "amy",
          renewal: CalendarDate(year: 2026, month: 11, day: 30)),
        OwnerFixtures.placed(
          "H2", arr: "300", from: 1, to: 1, owner: "amy", locked: true, lockReason: "Pinned"),
        OwnerFixtures.placed(
          "H3", arr: "200", from: 1, to: 2, owner: "amy", locked: true,
          lockReason: "Reference logo"),
        OwnerFixtures.placed(
          "H4", arr: "100", from: 1, to: 2, owner: "amy",
          renewal: CalendarDate(year: 2027, month: 1, day: 13)),
        OwnerFixtures.placed(
          "H5", arr: "50", from: 1, to: 2, owner: "gone",
          renewal: CalendarDate(year: 2026, month: 11, day: 1)),
      ],
      roster: [OwnerFixtures.csm("amy", tier: 1, max: 1), OwnerFixtures.csm("bob", tier: 2)])
    // H1 renews within 90 days and H3 is locked: amy keeps both past her one seat; H2 stays
    // anyway (no row); H4 renews on day 91; H5's owner is not on the roster, so its hold is
    // released.
    #expect(
      render(scenario) == header
        + "H1,Account H1,1,2,amy,amy,amy@example.com,amy,amy,amy@example.com,renewal_hold,"
        + "handoff after the renewal on 2026-11-30,2026-12-01\n"
        + "H3,Account H3,1,2,amy,amy,amy@example.com,amy,amy,amy@example.com,locked,"
        + "Reference logo,2026-10-14\n"
        + "H4,Account H4,1,2,amy,amy,amy@example.com,bob,bob,bob@example.com,tier_change,,"
        + "2026-10-14\n"
        + "H5,Account H5,1,2,gone,,,bob,bob,bob@example.com,tier_change,,2026-10-14\n")
    let result = scenario.runResult()
    let imports = CRMOwnerImport(result)
    #expect(imports.salesforceRows.map { result.ledger.id($0.ref) } == ["H4", "H5"])
    #expect(imports.hubSpotRows.map { result.ledger.id($0.ref) } == ["H4", "H5"])
    let tierOne = result.owners.capacity[0]
    #expect(tierOne.held == 3)
    #expect(tierOne.flags.contains("1 CSM past capacity by holds"))
    #expect(
      result.owners.warnings.map(\.description) == [
        "accounts.csv:2: warning: owner hold released on account 'H5': the owner is not on the "
          + "roster, so the rules pick a new owner"
      ])
  }
}
