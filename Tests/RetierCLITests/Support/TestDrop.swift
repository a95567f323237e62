/// A small, deterministic drop written by the tests themselves: CSV text for every file.
struct TestDrop {
  /// Number of valid accounts.
  var accounts = 40
  /// Extra account rows with an out-of-range strategic_fit (rejected rows).
  var badFitRows = 0
  /// `overrides.csv`, when the drop has one.
  var overrides: String?
  /// Replaces `accounts.csv` entirely (malformed files, missing columns).
  var accountsText: String?

  /// The files by name, the ready marker excluded.
  var files: [String: String] {
    var accountLines = [
      "account_id,account_name,current_tier,owner_id,customer_since,strategic_fit,"
        + "expansion_ceiling_arr,multi_bu,sponsor_status"
    ]
    var arrLines = ["account_id,arr"]
    var usageLines = [
      "account_id,licensed_seats,active_users,active_users_prev_quarter,support_hours"
    ]
    for number in 1...accounts {
      let id = Self.id(number)
      let arr = 5_000 + (number * 7_919) % 200_000
      let tier = number % 7 == 0 ? "" : String(1 + number % 3)
      let owner = tier == "1" ? "csm-1" : tier == "2" ? "csm-2" : "cs-pool"
      let ceiling = number % 4 == 0 ? "" : String(arr * (1 + number % 3))
      accountLines.append(
        "\(id),Account \(number),\(tier),\(owner),2020-0\(1 + number % 9)-15,\(number % 6),"
          + "\(ceiling),\(number % 5 == 0),\(number % 11 == 0 ? "lost" : "active")")
      arrLines.append("\(id),\(arr).50")
      if number % 2 == 0 { arrLines.append("\(id),\(number * 10)") }
      usageLines.append(
        "\(id),\(50 + number),\(40 + number % 17),\(45 + number % 13),\(number % 9)")
    }
    for number in 0..<badFitRows {
      let id = "BAD-\(number)"
      accountLines.append("\(id),Bad \(number),2,csm-2,2020-01-01,9,,false,active")
      arrLines.append("\(id),1000")
    }
    var files = [
      "accounts.csv": accountsText ?? accountLines.joined(separator: "\n") + "\n",
      "arr.csv": arrLines.joined(separator: "\n") + "\n",
      "usage.csv": usageLines.joined(separator: "\n") + "\n",
      "csms.csv": """
      csm_id,name,email,tier,max_accounts,active
      csm-1,Ada,ada@example.com,1,,true
      csm-2,Bo,bo@example.com,2,,true
      csm-3,Cy,cy@example.com,2,30,true

      """,
    ]
    if let overrides { files["overrides.csv"] = overrides }
    return files
  }

  /// The id of account `number`: `ACC-0007`.
  static func id(_ number: Int) -> String {
    let digits = String(number)
    return "ACC-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
