import Foundation

extension DemoDrop {
  /// overrides.csv relative to the quarter's run date (2026-10-14 for 2026-Q3): two valid
  /// overrides, and one ignored override for every validity rule of SPEC §2.
  func appendOverrides(to tables: inout DropTables) {
    let runDate = quarter.runDate
    let sales = "Dana Whitfield"
    let success = "Marco Ruiz"
    let rows: [(number: Int, tier: String, reason: String, sales: String, cs: String, days: Int)] =
      [
        (
          72, "1", "3-year platform renewal in negotiation; exec sponsor asked for a named CSM",
          sales, success, 78
        ),
        (
          99, "2", "Reference logo for the healthcare vertical; keep named coverage to renewal",
          sales, success, 92
        ),
        (160, "1", "Pilot expanding to two new regions", sales, "dana whitfield", 60),
        (205, "1", "", sales, success, 60),
        (240, "1", "Board-level relationship", sales, "", 45),
        (390, "1", "Contract signature pending", sales, success, -1),
        (421, "2", "Keep the team through the data migration", sales, success, 93),
        (47, "1", "Strategic account for the EMEA launch", sales, success, 30),
        (47, "2", "Hold at Tier 2 during the customer's reorganisation", sales, success, 30),
        (999, "2", "Strategic partner", sales, success, 30),
        (RejectedNumber.fitOutOfRange, "1", "Named in the CEO's top-10 list", sales, success, 30),
        (310, "4", "Needs white-glove coverage", sales, success, 30),
      ]
    for row in rows {
      tables.appendOverride(
        accountID: AccountID.text(row.number), tier: row.tier, reason: row.reason,
        salesApprover: row.sales, csApprover: row.cs, expires: runDate.adding(days: row.days))
    }
  }

  /// csms.csv: six active Tier 1 CSMs at 10 Tier 1 accounts each (the worked example's whole
  /// team; two have an eleventh seat for a held account), an inactive Tier 1 CSM with a
  /// backfill, one inactive Tier 2 CSM, and one row with a tier that does not exist. The Tier 1
  /// CSMs report to Marco Ruiz; the inactive Tier 2 CSM reports to Elena Petrova, who holds the
  /// conversations of that CSM's accounts.
  func appendCSMs(to tables: inout DropTables) {
    let tierOne = [
      ("Ava Chen", "true"), ("Mateo Alvarez", "TRUE"), ("Hannah Okafor", ""),
      ("Lukas Becker", "true"), ("Nguyen, Linh", "True"), ("Sofia Rossi", "true"),
    ]
    // Ava Chen and Hannah Okafor carry one held account each past their ten Tier 1 accounts
    // (ACC-00021 pinned, ACC-00233 renewing): the CS lead gave them a seat for it.
    for (number, (id, person)) in zip(Self.tierOneCSMs, tierOne).enumerated() {
      tables.appendCSM(
        id: id, name: person.0, email: Self.email(person.0), tier: "1",
        maxAccounts: number == 0 || number == 2 ? 11 : 10,
        active: person.1, crmUserID: Self.salesforceUserID(number + 1), manager: "Marco Ruiz")
    }
    // The CSM who left: ACC-00011, still in their name, goes to their backfill.
    tables.appendCSM(
      id: Self.departedOwner, name: "Marcus Lee", email: Self.email("Marcus Lee"), tier: "1",
      maxAccounts: 10, active: "false", crmUserID: Self.salesforceUserID(9),
      manager: "Marco Ruiz", backfill: Self.tierOneCSMs[5])
    tables.appendCSM(
      id: Self.inactiveTierTwoCSM, name: "Priya Raman", email: Self.email("Priya Raman"),
      tier: "2", maxAccounts: nil, active: "false", crmUserID: Self.salesforceUserID(7),
      manager: "Elena Petrova")
    tables.appendCSM(
      id: "csm-08", name: "Jonas \"JJ\" Berg", email: "jonas.berg@example.com", tier: "4",
      maxAccounts: 80, active: "true", crmUserID: Self.salesforceUserID(8), manager: "Marco Ruiz")
  }

  /// An 18-character Salesforce user id (`005…`) for the demo's CSM `number`; the pool owner
  /// of `config/retier.json` is user 90.
  static func salesforceUserID(_ number: Int) -> String {
    let digits = String(number)
    return "005Hn00000" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits + "AAC"
  }

  /// `first.last@example.com` from a display name (`Last, First` is turned around).
  private static func email(_ name: String) -> String {
    let parts = name.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    let ordered = parts.count == 2 ? parts[1] + " " + parts[0] : name
    return ordered.lowercased().split(separator: " ").joined(separator: ".") + "@example.com"
  }
}
