import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("retier schedule")
struct ScheduleCommandTests {
  @Test("The latest due quarter comes first with its drop state, then the next runs")
  func lists() {
    let workspace = Workspace()
    let waiting = workspace.run(["schedule", "--count", "2"])
    #expect(waiting.status == 0)
    #expect(
      waiting.output == [
        "Today is 2026-11-02 (Monday). A quarter runs 10 business days after it ends; the fiscal "
          + "year starts in month 1.",
        "  2026-Q3  runs 2026-10-14 (Wed)  due: waiting for the drop (the drop folder does not exist)",
        "  2026-Q4  runs 2027-01-14 (Thu)  upcoming",
        "  2027-Q1  runs 2027-04-14 (Wed)  upcoming",
      ])
    workspace.writeDrop()
    #expect(
      workspace.run(["schedule", "--count", "1"]).output[1]
        == "  2026-Q3  runs 2026-10-14 (Wed)  due: the drop is ready; the next run processes it")
    #expect(workspace.run(["run"]).status == 0)
    #expect(
      workspace.run(["schedule", "--count", "1"]).output[1]
        == "  2026-Q3  runs 2026-10-14 (Wed)  done (latest due)")
  }

  @Test("On a run date that quarter is the due one and is not listed twice")
  func onRunDate() {
    let workspace = Workspace()
    let outcome = workspace.run(["schedule", "--as-of", "2026-10-14", "--count", "1"])
    #expect(outcome.output.count == 3)
    #expect(outcome.output[1].hasPrefix("  2026-Q3  runs 2026-10-14"))
    #expect(outcome.output[2].hasPrefix("  2026-Q4  runs 2027-01-14"))
  }
}
