import RetierTestSupport

@testable import RetierCore

/// A seeded random drop for property tests: ties, zero ARR, credits, huge values, blank optional
/// fields, a few invalid rows, overrides valid and invalid, a roster with capacities.
struct GeneratedDrop {
  /// Rows of each file, header first, as cells (so tests can reorder rows and columns).
  var accounts: [[String]]
  var arr: [[String]]
  var usage: [[String]]
  var csms: [[String]]
  var overrides: [[String]]

  /// Generates a drop from `seed`.
  init(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let count = 1 + random.below(120)
    let arrPool = [
      "0", "5000", "5500", "12000", "12000", "48000.50", "100000", "250000", "999999999999999.99",
    ]
    accounts = [
      [
        "account_id", "account_name", "current_tier", "owner_id", "customer_since", "strategic_fit",
        "expansion_ceiling_arr", "multi_bu", "sponsor_status", "renewal_date", "owner_locked",
        "lock_reason",
      ]
    ]
    arr = [["account_id", "arr"]]
    usage = [
      [
        "account_id", "licensed_seats", "active_users", "active_users_prev_quarter",
        "support_hours",
      ]
    ]
    csms = [
      [
        "csm_id", "name", "email", "tier", "max_accounts", "active", "crm_user_id",
        "backfill_csm_id",
      ]
    ]
    // The hold and backfill columns draw from their own sequence, so the other columns stay as
    // they were for every seed.
    var holds = SplitMix64(seed: seed &+ 0x9E37_79B9)
    overrides = [
      ["account_id", "tier", "reason", "approved_by_sales", "approved_by_cs", "expires"]
    ]
    let owners = ["", "csm-1", "csm-2", "csm-3", "csm-gone", "cs-pool"]
    for index in 0..<count {
      // A few ids repeat, a few are hostile.
      let id =
        random.chance(3) && index > 0
        ? accounts[1 + random.below(index)][0]
        : random.pick([
          "ACC-\(index)", "=cmd\(index)", "../x\(index)", "a/b \(index)", "Ω-\(index)",
        ])
      let fit = random.chance(2) ? "7" : String(random.below(6))
      let since = random.pick(["2019-05-01", "2026-04-01", "2026-08-20", "2024-12-31", "bad"])
      accounts.append([
        id, random.pick(["Acme", "Globex, Inc", "\"Quoted\" Co", "=SUM(A1)", "Line\nBreak", ""]),
        random.pick(["", "1", "2", "3", "3"]), random.pick(owners), since, fit,
        random.pick(["", "", "0", "20000", "1000000", "2000000"]),
        random.pick(["", "true", "FALSE"]), random.pick(["", "active", "Lost"]),
        holds.pick(["", "", "2026-10-14", "2026-10-15", "2026-11-30", "2027-01-12", "2027-01-13"]),
        holds.pick(["", "", "", "true", "FALSE"]),
        holds.pick(["", "Exec sponsor, \"key\"", "=pinned"]),
      ])
      if !random.chance(3) {
        for _ in 0..<(1 + random.below(3)) {
          arr.append([id, random.pick(arrPool)])
        }
        if random.chance(10) { arr.append([id, "-\(random.pick(["1", "0.01", "50000"]))"]) }
      }
      if !random.chance(10) {
        usage.append([
          id, random.pick(["", "0", "100"]), random.pick(["", "50", "95", "100"]),
          random.pick(["", "0", "100"]), random.pick(["", "0", "12.5", "400"]),
        ])
      }
      if random.chance(8) {
        overrides.append([
          id, random.pick(["1", "2", "3", "9"]), random.pick(["strategic logo", ""]),
          random.pick(["Sam", "Pat"]), random.pick(["Cat", "pat"]),
          random.pick(["2026-12-31", "2026-10-13", "2027-03-01"]),
        ])
      }
    }
    arr.append(["GHOST", "100"])
    for index in 0..<random.below(8) {
      // CRM user ids and blank emails by position, so that the random draws stay as they were:
      // blank (the csm id stands in), one with a comma, quotes and non-ASCII (not a CRM id: the
      // roster check keeps it out of the Salesforce import), a Salesforce user id.
      csms.append([
        "csm-\(index + 1)", "CSM \(index + 1)", index == 2 ? "" : "csm\(index + 1)@example.com",
        random.pick(["1", "1", "2", "3"]), random.pick(["", "1", "2", "5"]),
        random.pick(["", "true", "false"]),
        ["", "005,\"Ω\"\(index)", "005Hn00000000\(index)A"][index % 3],
        holds.pick(["", "", "csm-1", "csm-2", "csm-9"]),
      ])
    }
  }

  /// The drop as bytes, rows and columns in the given order.
  func files(shuffledWith seed: UInt64? = nil) -> DropFiles {
    var random = SplitMix64(seed: seed ?? 0)
    func text(_ table: [[String]]) -> [UInt8] {
      var rows = Array(table.dropFirst())
      var columns = Array(table[0].indices)
      if seed != nil {
        rows.shuffle(using: &random)
        columns.shuffle(using: &random)
      }
      var writer = CSVWriter(header: columns.map { table[0][$0] })
      for row in rows { writer.appendRow(columns.map { .raw(row[$0]) }) }
      return writer.bytes
    }
    return DropFiles(
      accounts: text(accounts), arr: text(arr), usage: text(usage), csms: text(csms),
      overrides: text(overrides))
  }
}
