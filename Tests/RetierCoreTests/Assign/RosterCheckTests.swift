import Testing

@testable import RetierCore

@Suite("Roster checks")
struct RosterCheckTests {
  @Test(
    "a CRM user id with spaces, or a Salesforce id of the wrong shape, is refused",
    arguments: [
      ("005Hn0000000001AAC", nil), ("005Hn0000000001", nil), ("u-42", nil), ("csm-01", nil),
      ("005 Hn0000000001AAC", "has spaces"),
      (
        "005Hn00000001AAC", "is not a Salesforce user id (15 or 18 letters and digits starting 005)"
      ),
      (
        "005Hn0000000001AA!",
        "is not a Salesforce user id (15 or 18 letters and digits starting 005)"
      ),
    ] as [(String, String?)])
  func crmUserIDShape(id: String, problem: String?) {
    #expect(RosterCheck.crmUserIDProblem(id) == problem)
  }

  @Test("each problem names its csms.csv row, and the CSM is kept out of the file it would break")
  func problemsAndImports() {
    let scenario = OwnerFixtures.Scenario(
      [
        OwnerFixtures.placed("A1", arr: "300", from: nil, to: 1),
        OwnerFixtures.placed("A2", arr: "200", from: nil, to: 1),
        OwnerFixtures.placed("A3", arr: "100", from: nil, to: 1),
      ],
      roster: [
        OwnerFixtures.csm("amy", tier: 1, max: 1, crmUserID: "005 bad"),
        OwnerFixtures.csm("bob", tier: 1, max: 1, email: "bob.example.com", backfill: "nobody"),
        OwnerFixtures.csm("cat", tier: 1, max: 1, crmUserID: "005Hn0000000003AAC"),
      ])
    let result = scenario.runResult()
    #expect(
      result.owners.warnings.map(\.description) == [
        "csms.csv:2: warning: csm 'amy': crm_user_id '005 bad' has spaces: left out of "
          + "crm/salesforce-account-owners.csv",
        "csms.csv:2: warning: csm 'bob': backfill_csm_id 'nobody' names nobody on the roster: "
          + "the book is placed by the balancing rule instead",
        "csms.csv:2: warning: csm 'bob': email 'bob.example.com' is not an email address: left "
          + "out of crm/hubspot-company-owners.csv",
      ])
    let imports = CRMOwnerImport(result)
    let owners = Dictionary(
      uniqueKeysWithValues: result.ledger.refs.map {
        (result.ledger.id($0), result.ledger.owners[$0])
      })
    // Each CSM takes one account; amy's is missing from Salesforce, bob's from HubSpot.
    #expect(Set(owners.values) == ["amy", "bob", "cat"])
    let salesforce = imports.salesforceRows.map { owners[result.ledger.id($0.ref)] }
    let hubSpot = imports.hubSpotRows.map { owners[result.ledger.id($0.ref)] }
    #expect(Set(salesforce) == ["bob", "cat"])
    #expect(Set(hubSpot) == ["amy", "cat"])
    #expect(
      imports.summaryLines == [
        "CRM import: 1 owner change to CSMs whose crm_user_id is not usable (amy) left out of "
          + "crm/salesforce-account-owners.csv: correct csms.csv (validate names the rows)",
        "CRM import: 1 owner change to CSMs whose email is not usable (bob) left out of "
          + "crm/hubspot-company-owners.csv: correct csms.csv (validate names the rows)",
      ])
  }

  @Test("a leaver's staying accounts go to an active same-tier backfill while it has seats")
  func backfill() {
    let scenario = OwnerFixtures.Scenario(
      [
        OwnerFixtures.placed("L1", arr: "300", from: 1, to: 1, owner: "gone"),
        OwnerFixtures.placed("L2", arr: "200", from: 1, to: 1, owner: "gone"),
        OwnerFixtures.placed("L3", arr: "100", from: 1, to: 2, owner: "gone"),
      ],
      roster: [
        OwnerFixtures.csm("gone", tier: 1, active: false, backfill: "bea"),
        OwnerFixtures.csm("bea", tier: 1, max: 1), OwnerFixtures.csm("zed", tier: 1, max: 5),
        OwnerFixtures.csm("two", tier: 2),
      ])
    let outcomes = OwnerFixtures.outcomes(scenario.assign().book)
    // bea has one seat: the larger staying account; the other is balanced; the moved one
    // follows its tier.
    #expect(outcomes["L1"] == OwnerFixtures.Outcome(owner: "bea", reason: .backfill))
    #expect(outcomes["L2"] == OwnerFixtures.Outcome(owner: "zed", reason: .ownerNotInTier))
    #expect(outcomes["L3"] == OwnerFixtures.Outcome(owner: "two", reason: .tierChange))
  }

  @Test("an inactive or other-tier backfill is a warning and is ignored (no chains)")
  func backfillIgnored() {
    let scenario = OwnerFixtures.Scenario(
      [
        OwnerFixtures.placed("L1", arr: "300", from: 1, to: 1, owner: "gone"),
        OwnerFixtures.placed("L2", arr: "200", from: 1, to: 1, owner: "left"),
      ],
      roster: [
        OwnerFixtures.csm("gone", tier: 1, active: false, backfill: "left"),
        OwnerFixtures.csm("left", tier: 1, active: false, backfill: "two"),
        OwnerFixtures.csm("two", tier: 2), OwnerFixtures.csm("zed", tier: 1),
      ])
    let (book, assignment) = scenario.assign()
    let outcomes = OwnerFixtures.outcomes(book)
    #expect(outcomes["L1"]?.owner == "zed" && outcomes["L2"]?.owner == "zed")
    #expect(
      assignment.warnings.map(\.message) == [
        "backfill_csm_id 'left' of inactive csm 'gone' is inactive too (no chains): the book is "
          + "placed by the balancing rule instead",
        "backfill_csm_id 'two' of inactive csm 'left' carries Tier 2, not Tier 1: the book is "
          + "placed by the balancing rule instead",
      ])
  }

  @Test("ASCII answered from its value agrees with the Unicode properties, character by character")
  func asciiFastPathAgrees() {
    for value in UInt32(0)...0x7F {
      let scalar = Unicode.Scalar(value)!
      #expect(Configuration.isWhitespace(scalar) == scalar.properties.isWhitespace, "\(value)")
      let plain =
        !scalar.properties.isWhitespace && scalar.properties.generalCategory != .control
        && scalar.properties.generalCategory != .format
      #expect(Configuration.isPlainID(String(Character(scalar))) == plain, "\(value)")
    }
  }

  @Test(
    "an email is one '@' after a non-empty name, then two or more non-empty dot-separated labels",
    arguments: [
      ("ava.chen@example.com", true), ("a@b.c", true), ("a@b.c.d", true), ("", false),
      ("ava.chen", false), ("@example.com", false), ("a@example", false), ("a@.com", false),
      ("a@example.", false), ("a@b..c", false), ("a@b@c.d", false), ("a b@c.d", false),
      ("a@c.d\u{7F}", false), ("ünï@cödé.de", true), ("a@b.c\u{200B}", false),
    ])
  func email(text: String, looksLikeEmail: Bool) {
    #expect(Configuration.looksLikeEmail(text) == looksLikeEmail)
  }
}
