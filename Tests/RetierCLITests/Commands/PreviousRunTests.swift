import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("retier run reads the latest earlier complete run")
struct PreviousRunTests {
  @Test("A skipped quarter and a folder without run.json do not hide the run before them")
  func latestEarlierCompleteRun() {
    let workspace = Workspace()
    workspace.writeDrop(quarter: "2026-Q1")
    workspace.writeDrop(quarter: "2026-Q3")
    #expect(workspace.run(["run", "--quarter", "2026-Q1"]).status == 0)
    // A 2026-Q2 folder that never completed (no run.json) is not a run.
    workspace.write("account_id,to_tier\n", to: "out/2026-Q2/tiers.csv")
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0)
    #expect(
      outcome.errors.contains { $0.contains(" read ") && $0.contains("previous_run=2026-Q1") })
    #expect(
      outcome.errors.contains {
        $0.hasPrefix("retier: previous 2026-Q1 tiers.csv_bytes=") && $0.contains(" run.json_bytes=")
      })
    let memo = (try? FileReader.read(workspace.output + "/2026-Q3/memo.md")) ?? []
    #expect(
      String(decoding: memo, as: UTF8.self).contains(
        "This quarter compared with the 2026-Q1 run (the latest earlier complete run)."))
  }

  @Test("With no earlier complete run there is none")
  func noEarlierRun() {
    let workspace = Workspace()
    workspace.writeDrop(quarter: "2026-Q3")
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0)
    #expect(outcome.errors.contains { $0.contains(" read ") && $0.contains("previous_run=no") })
  }
}
