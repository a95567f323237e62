import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("retier validate")
struct ValidateCommandTests {
  @Test("Every problem is listed with the real path and line; within budget it exits 0")
  func listsProblems() {
    let workspace = Workspace()
    workspace.writeDrop(
      TestDrop(
        accounts: 200, badFitRows: 1,
        overrides: "account_id,tier,reason,approved_by_sales,approved_by_cs,expires\n"
          + "ACC-0003,1,strategic,ann,ann,2026-12-01\n"))
    let outcome = workspace.run(["validate", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0)
    let folder = workspace.inbox + "/2026-Q3"
    #expect(
      outcome.output.contains {
        $0.hasPrefix(
          "\(folder)/accounts.csv:202: warning: will be rejected: account 'BAD-0': strategic_fit 9")
      })
    #expect(
      outcome.output.contains(
        "\(folder)/overrides.csv:2: warning: override for account 'ACC-0003' will be ignored: "
          + "approved by the same person twice ('ann'); two leaders must approve"))
    // The pooled Tier 3 has no CSM at all: a hiring signal, as in the run's capacity table.
    #expect(
      outcome.output.contains {
        $0.hasPrefix("\(folder)/csms.csv: warning: Tier 3 (Bronze) is 1 CSM(s) short: ")
          && $0.hasSuffix(" accounts at 500 per CSM need 1, 0 active")
      })
    // Rows the run will reject are warnings under the budget, never `error:` lines followed by
    // "the drop can run".
    #expect(!outcome.output.contains { $0.contains(": error: ") })
    #expect(
      outcome.output.last?.hasSuffix(
        "1 row will be rejected (1 in accounts.csv); 2 other warning(s); within the error budget "
          + "(max_rejected_share 0.01, max_rejected_rows_floor 3), the drop can run") == true,
      "\(outcome.output.last ?? "")")
    #expect(!workspace.exists("out"))
  }

  @Test("A named tier with no active CSM is foreseen with the accounts the run leaves unassigned")
  func namedTierWithoutCSM() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    workspace.write(
      "csm_id,name,email,tier,max_accounts,active\ncsm-1,Ada,ada@example.com,1,,true\n"
        + "csm-2,Bo,bo@example.com,2,,false\n",
      to: "inbox/2026-Q3/csms.csv")
    let outcome = workspace.run(["validate", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0)
    let warning = try #require(outcome.output.first { $0.contains("Tier 2 (Silver)") })
    #expect(workspace.run(["run", "--quarter", "2026-Q3"]).status == 0)
    // The figure validate gave is the run's: Tier 2 accounts left without an owner.
    let tiers = try CSVReader.parse(try FileReader.read(workspace.output + "/2026-Q3/tiers.csv"))
    let toTier = try #require(tiers.columnIndex(named: "to_tier"))
    let owner = try #require(tiers.columnIndex(named: "owner_id"))
    let unassigned = (0..<tiers.rowCount).count {
      tiers.field(row: $0, column: toTier) == "2" && tiers.field(row: $0, column: owner).isEmpty
    }
    #expect(unassigned > 0)
    #expect(
      warning
        == "\(workspace.inbox)/2026-Q3/csms.csv: warning: Tier 2 (Silver) has named coverage but "
        + "no active CSM, 1 CSM(s) short; the run will leave \(unassigned) of its accounts "
        + "unassigned (capacity_shortfall)")
  }

  @Test("Over the error budget it exits 65 with every problem on stderr")
  func overBudget() {
    let workspace = Workspace()
    workspace.writeDrop(TestDrop(accounts: 40, badFitRows: 4))
    let outcome = workspace.run(["validate", "--quarter", "2026-Q3"])
    #expect(outcome.status == 65)
    #expect(
      outcome.errors.count { $0.contains("/2026-Q3/accounts.csv:") && $0.contains("BAD-") } == 4)
    // validate never writes, so it does not say that nothing was written.
    #expect(!outcome.errorText.contains("written"))
    #expect(
      outcome.errors.contains {
        $0.hasSuffix("the quarter cannot run until the rows below are fixed")
      })
  }

  @Test("A 40-account book with three typos runs: the floor of max_rejected_rows_floor holds")
  func smallBookFloor() {
    let workspace = Workspace()
    workspace.writeDrop(TestDrop(accounts: 40, badFitRows: 3))
    let outcome = workspace.run(["validate", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0)
    #expect(outcome.output.last?.contains("3 rows will be rejected (3 in accounts.csv)") == true)
  }

  @Test("A missing column exits 65 naming the file, the column and the header found")
  func missingColumn() {
    let workspace = Workspace()
    workspace.writeDrop(TestDrop(accountsText: "account_id,strategic_fit\nACC-1,3\n"))
    let outcome = workspace.run(["validate", "--quarter", "2026-Q3"])
    #expect(outcome.status == 65)
    #expect(
      outcome.errors.last
        == "retier: \(workspace.inbox)/2026-Q3/accounts.csv: error: required column "
        + "'customer_since' is missing from the header (found: 'account_id', 'strategic_fit')")
  }
}
