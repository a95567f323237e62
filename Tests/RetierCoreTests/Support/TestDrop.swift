@testable import RetierCore

/// Builds drops from CSV text for end-to-end tests of the in-memory job.
struct TestDrop {
  /// `accounts.csv` text.
  var accounts: String
  /// `arr.csv` text.
  var arr: String
  /// `usage.csv` text.
  var usage = "account_id,licensed_seats,active_users,active_users_prev_quarter,support_hours\n"
  /// `csms.csv` text.
  var csms = "csm_id,name,email,tier,max_accounts,active\n"
  /// `overrides.csv` text, when present.
  var overrides: String?

  /// The drop's files as bytes.
  var files: DropFiles {
    DropFiles(
      accounts: Array(accounts.utf8), arr: Array(arr.utf8), usage: Array(usage.utf8),
      csms: Array(csms.utf8), overrides: overrides.map { Array($0.utf8) })
  }

  /// The run input for 2026-Q3 with `configuration`.
  func input(
    _ configuration: Configuration = TestAccounts.configuration,
    quarter: String = "2026-Q3"
  ) -> RunInput {
    RunInput(
      quarter: FiscalQuarter(label: quarter)!, files: files, configuration: configuration,
      configBytes: Array("{}".utf8), toolVersion: "test")
  }

  /// A drop of simple accounts `A1…An` with the given ARRs, fit 3, since 2020.
  static func simple(arrs: [String]) -> TestDrop {
    var accounts = "account_id,account_name,current_tier,owner_id,customer_since,strategic_fit\n"
    var arr = "account_id,arr\n"
    for (offset, amount) in arrs.enumerated() {
      accounts += "A\(offset + 1),Account \(offset + 1),,,2020-01-01,3\n"
      arr += "A\(offset + 1),\(amount)\n"
    }
    return TestDrop(accounts: accounts, arr: arr)
  }
}
