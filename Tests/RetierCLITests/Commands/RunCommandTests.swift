import Foundation
import Glibc
import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("retier run")
struct RunCommandTests {
  @Test("A run writes the quarter folder with run.json and leaves no temporary folder")
  func writesQuarter() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    let outcome = workspace.run(["run"])
    #expect(outcome.status == 0)
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"])
    let files = workspace.files(under: "out/2026-Q3")
    #expect(files["run.json"] != nil)
    #expect(files["tiers.csv"] != nil)
    #expect(outcome.output.last == "Output: \(workspace.output)/2026-Q3 (\(files.count) files)")
    #expect(
      outcome.output.first
        == "2026-Q3 (run date 2026-10-14): 40 account rows, 40 valid, 0 rejected accounts")
  }

  @Test("One log line per phase, on stderr, in order")
  func logsPhases() {
    let workspace = Workspace()
    workspace.writeDrop()
    let phases = workspace.run(["run"]).errors.map { $0.split(separator: " ")[1] }
    #expect(
      phases == [
        "config", "read", "load", "validate", "score", "tier", "assign", "render", "write",
      ])
  }

  @Test(
    "Without --quarter the latest quarter whose run date is on or before today runs",
    arguments: [
      ((2026, 10, 13), "2026-Q2"),
      ((2026, 10, 14), "2026-Q3"),
      ((2027, 1, 13), "2026-Q3"),
    ])
  func picksDueQuarter(today: (Int, Int, Int), quarter: String) {
    let workspace = Workspace()
    workspace.today = CalendarDate(year: today.0, month: today.1, day: today.2)!
    workspace.writeDrop(quarter: quarter)
    #expect(workspace.run(["run"]).status == 0)
    #expect(workspace.exists("out/\(quarter)/run.json"))
  }

  @Test("--as-of replaces today when picking the quarter")
  func asOf() {
    let workspace = Workspace()
    workspace.writeDrop(quarter: "2026-Q2")
    #expect(workspace.run(["run", "--as-of", "2026-10-13"]).status == 0)
    #expect(workspace.exists("out/2026-Q2/run.json"))
  }

  @Test("A done quarter is up to date: exit 0, one line, nothing written")
  func upToDate() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    #expect(workspace.run(["run"]).status == 0)
    let before = workspace.files(under: "out")
    for arguments in [["run"], ["run", "--quarter", "2026-Q3"]] {
      let again = workspace.run(arguments)
      #expect(again.status == 0)
      #expect(again.output.isEmpty)
      #expect(again.errors.last?.hasPrefix("retier: 2026-Q3 is up to date") == true)
      #expect(workspace.files(under: "out") == before)
      #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"])
    }
  }

  @Test("An up-to-date check needs no drop: an archived drop is not an error")
  func upToDateWithoutDrop() {
    let workspace = Workspace()
    workspace.writeDrop()
    #expect(workspace.run(["run"]).status == 0)
    workspace.remove("inbox/2026-Q3")
    #expect(workspace.run(["run"]).status == 0)
  }

  @Test("--force re-runs: the old folder is kept renamed, the new outputs are byte-identical")
  func force() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    #expect(workspace.run(["run"]).status == 0)
    let first = workspace.files(under: "out/2026-Q3")
    let second = workspace.run(["run", "--quarter", "2026-Q3", "--force"])
    #expect(second.status == 0)
    #expect(
      second.errorText.contains("kept the earlier run as \(workspace.output)/2026-Q3.replaced-1"))
    #expect(workspace.files(under: "out/2026-Q3") == first)
    #expect(workspace.files(under: "out/2026-Q3.replaced-1") == first)
    #expect(workspace.run(["run", "--force"]).status == 0)
    #expect(
      workspace.outputEntries
        == [".retier.lock", "2026-Q3", "2026-Q3.replaced-1", "2026-Q3.replaced-2"])
  }

  @Test("A folder at the quarter's name without run.json is kept aside, never deleted")
  func incompleteFolderKept() {
    let workspace = Workspace()
    workspace.writeDrop()
    workspace.write("by hand", to: "out/2026-Q3/notes.txt")
    #expect(workspace.run(["run"]).status == 0)
    #expect(workspace.exists("out/2026-Q3/run.json"))
    #expect(
      workspace.files(under: "out/2026-Q3.incomplete-1") == [
        "notes.txt": SHA256.hexDigest(Array("by hand".utf8))
      ])
  }

  @Test("--dry-run prints the summary and creates no folder, lock or file")
  func dryRun() {
    let workspace = Workspace()
    workspace.writeDrop()
    let outcome = workspace.run(["run", "--dry-run"])
    #expect(outcome.status == 0)
    #expect(outcome.output.first?.hasPrefix("2026-Q3 (run date 2026-10-14)") == true)
    #expect(outcome.output.last?.hasPrefix("Dry run: nothing written") == true)
    #expect(!workspace.exists("out"))
  }

  @Test("The previous quarter's tiers.csv is read when that quarter was run")
  func previousRun() {
    let workspace = Workspace()
    workspace.writeDrop(quarter: "2026-Q2")
    workspace.writeDrop(quarter: "2026-Q3")
    #expect(workspace.run(["run", "--quarter", "2026-Q2"]).status == 0)
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(
      outcome.errors.contains { $0.contains(" read ") && $0.contains("previous_run=2026-Q2") })
  }

  @Test("A crash after any number of files leaves no quarter folder; the next run cleans up")
  func crashMidWrite() throws {
    var crashes = 0
    // One crash point per file: stop at the first k at which writing k files no longer fails.
    for filesWritten in 0... {
      let workspace = Workspace()
      workspace.writeDrop()
      // `dies`: every call after the failure fails too, so the temporary folder stays behind as
      // it would after a SIGKILL.
      workspace.fileSystem = FailingFileSystem(failing: .writeFile, after: filesWritten, dies: true)
      guard workspace.run(["run"]).status == 73 else { break }
      crashes += 1
      #expect(!workspace.exists("out/2026-Q3"))
      #expect(workspace.outputEntries == [".2026-Q3.tmp-4242", ".retier.lock"])

      workspace.fileSystem = DurableFileSystem()
      workspace.processID = 4343
      let next = workspace.run(["run"])
      #expect(next.status == 0)
      #expect(next.errorText.contains("removed the temporary folder of an interrupted run"))
      #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"])
    }
    #expect(crashes >= 3)
  }

  @Test("A failed rename into place restores the kept run and removes the temporary folder")
  func failedRenameRestores() {
    let workspace = Workspace()
    workspace.writeDrop()
    #expect(workspace.run(["run"]).status == 0)
    let first = workspace.files(under: "out/2026-Q3")
    // The first rename keeps the old run aside, the second (into place) fails.
    workspace.fileSystem = FailingFileSystem(failing: .rename, after: 1, code: EXDEV)
    #expect(workspace.run(["run", "--force"]).status == 73)
    #expect(workspace.files(under: "out/2026-Q3") == first)
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"])
  }

  @Test("Stale temporary folders of killed runs are removed at the next start")
  func staleTemporaryFolders() {
    let workspace = Workspace()
    workspace.writeDrop()
    workspace.write("partial", to: "out/.2026-Q3.tmp-17/tiers.csv")
    workspace.write("partial", to: "out/.2026-Q2.tmp-18/memos/ACC-1.md")
    #expect(workspace.run(["run"]).status == 0)
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"])
  }
}

@Suite("retier run, failures at every kind of write")
struct RunCommandFailureTests {
  @Test(
    "A run that dies at the first or second call of any kind leaves the folder absent or complete",
    arguments: FailingFileSystem.Call.allCases, [0, 1])
  func diesAnywhere(call: FailingFileSystem.Call, after: Int) {
    let workspace = Workspace()
    workspace.writeDrop()
    workspace.fileSystem = FailingFileSystem(failing: call, after: after, dies: true)
    let outcome = workspace.run(["run"])
    #expect([0, 73].contains(outcome.status))
    let state = RunFolderCheck.check(workspace)
    #expect(state == .absent || state == .complete)

    workspace.fileSystem = DurableFileSystem()
    #expect(workspace.run(["run"]).status == 0)
    #expect(RunFolderCheck.check(workspace) == .complete)
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"])
  }
}
