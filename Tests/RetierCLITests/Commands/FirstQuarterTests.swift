import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("first_quarter: a fresh install before its first run date")
struct FirstQuarterTests {
  /// Today is 2026-11-02 (2026-Q3 is due); the installation starts with 2026-Q4.
  private func workspace() -> Workspace {
    Workspace(
      config: #"{"inbox": "../inbox", "output": "../out", "first_quarter": "2026-Q4"}"#)
  }

  private func nothingDue(_ workspace: Workspace) -> String {
    "no quarter is due yet (first_quarter 2026-Q4): the first run is 2026-Q4 on 2027-01-14, "
      + "from the drop \(workspace.inbox)/2026-Q4/"
  }

  @Test("run with nothing due exits 0 with one line saying when and which drop, writing nothing")
  func run() {
    let workspace = workspace()
    workspace.writeDrop(quarter: "2026-Q3")
    let outcome = workspace.run(["run"])
    #expect(outcome.status == 0)
    #expect(outcome.output.isEmpty)
    #expect(outcome.errors == ["retier: " + nothingDue(workspace)])
    #expect(!workspace.exists("out"))
  }

  @Test("validate and explain with nothing due exit 0 with that line")
  func readOnlyCommands() {
    let workspace = workspace()
    for arguments in [["validate"], ["explain", "ACC-0001"]] {
      let outcome = workspace.run(arguments)
      #expect(outcome.status == 0)
      #expect(outcome.output == [nothingDue(workspace)])
      #expect(outcome.errors.isEmpty)
    }
  }

  @Test("--quarter still runs any quarter, first_quarter or not")
  func explicitQuarter() {
    let workspace = workspace()
    workspace.writeDrop(quarter: "2026-Q3")
    #expect(workspace.run(["run", "--quarter", "2026-Q3"]).status == 0)
    #expect(workspace.exists("out/2026-Q3/run.json"))
  }

  @Test("from first_quarter's run date on, the due quarter runs (a missing drop is 66 again)")
  func due() {
    let workspace = workspace()
    workspace.today = CalendarDate(year: 2027, month: 1, day: 14)!
    #expect(workspace.run(["run"]).status == 66)
    workspace.writeDrop(quarter: "2026-Q4")
    #expect(workspace.run(["run"]).status == 0)
    #expect(workspace.exists("out/2026-Q4/run.json"))
  }

  @Test("schedule says nothing is due yet and marks runs before first_quarter")
  func schedule() {
    let workspace = Workspace(
      config: #"{"inbox": "../inbox", "output": "../out", "first_quarter": "2027-Q1"}"#)
    let outcome = workspace.run(["schedule", "--count", "2"])
    #expect(outcome.status == 0)
    #expect(
      outcome.output == [
        "Today is 2026-11-02 (Monday). A quarter runs 10 business days after it ends; the fiscal "
          + "year starts in month 1. The first quarter run is 2027-Q1 (first_quarter).",
        "  no quarter is due yet (first_quarter 2027-Q1): the first run is 2027-Q1 on "
          + "2027-04-14, from the drop \(workspace.inbox)/2027-Q1/",
        "  2026-Q4  runs 2027-01-14 (Thu)  not run: before first_quarter",
        "  2027-Q1  runs 2027-04-14 (Wed)  upcoming",
      ])
  }
}
