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
        $0.hasPrefix("\(folder)/accounts.csv:202: error: account 'BAD-0': strategic_fit 9")
      })
    #expect(
      outcome.output.contains {
        $0.hasPrefix("\(folder)/overrides.csv:2: warning: override for account 'ACC-0003' ignored")
      })
    #expect(outcome.output.last?.contains("1 error(s), 1 warning(s); the drop can run") == true)
    #expect(!workspace.exists("out"))
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
    #expect(outcome.output.last?.contains("3 rejected") == true)
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
