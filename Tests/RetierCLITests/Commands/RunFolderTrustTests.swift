import Glibc
import Testing

@testable import RetierCLI
@testable import RetierCore

/// SPEC §7, §8 through the command line: run folders are verified before they are trusted.
@Suite("retier trusts a run folder only once verified")
struct RunFolderTrustTests {
  /// SPEC §7: `mkdir out/2026-Q3 && echo '{"quarter": "2026-Q3"}' > out/2026-Q3/run.json` made
  /// every daily firing say "up to date".
  @Test("a stub run.json is not a complete run: the quarter is due, the stub kept aside")
  func stubIsNotUpToDate() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    workspace.write(#"{"quarter": "2026-Q3"}"# + "\n", to: "out/2026-Q3/run.json")
    let layout = OutputLayout(root: workspace.output)
    #expect(!layout.isComplete(FiscalQuarter(label: "2026-Q3")!))
    let outcome = workspace.run(["run"])
    #expect(outcome.status == 0, "\(outcome.errorText)")
    #expect(!outcome.errorText.contains("up to date"))
    #expect(
      outcome.errorText.contains(
        "/2026-Q3 is not a complete run (run.json: lists no outputs); the quarter is due"))
    #expect(workspace.outputEntries.contains("2026-Q3.incomplete-1"))
    #expect(RunFolderCheck.check(workspace) == .complete)
    #expect(layout.isComplete(FiscalQuarter(label: "2026-Q3")!))
    // The next firing finds it done.
    #expect(workspace.run(["run"]).errorText.contains("2026-Q3 is up to date"))
  }

  @Test("a complete run whose tiers.csv was edited is not up to date either")
  func editedRunIsDue() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    #expect(workspace.run(["run"]).status == 0)
    let tiers = String(
      decoding: try FileReader.read(workspace.output + "/2026-Q3/tiers.csv"), as: UTF8.self)
    workspace.write(String(tiers.dropLast(40)), to: "out/2026-Q3/tiers.csv")
    let outcome = workspace.run(["run"])
    #expect(outcome.errorText.contains("is not a complete run (tiers.csv: has "))
    #expect(workspace.outputEntries.contains("2026-Q3.incomplete-1"))
  }

  /// A sparse file: 2 GB long, no disk and no memory used unless it is read.
  @Test("a 2 GB run.json in the previous folder is refused from its size, never read")
  func hugeManifestRefusedBySize() throws {
    let workspace = Workspace()
    workspace.writeDrop(quarter: "2026-Q2")
    workspace.writeDrop(quarter: "2026-Q3")
    #expect(workspace.run(["run", "--quarter", "2026-Q2"]).status == 0)
    let path = workspace.output + "/2026-Q2/run.json"
    #expect(truncate(path, 2_000_000_000) == 0)
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0, "\(outcome.errorText)")
    #expect(
      outcome.errorText.contains(
        "failed verification and is not used, nor any older run in its place: run.json: is "
          + "2000000000 bytes, more than the "),
      "\(outcome.errorText)")
    #expect(outcome.errorText.contains("can need; it was not read"))
  }

  @Test("interim refuses a completed run that fails verification: 66, naming the file")
  func interimRefusesDamagedRun() throws {
    let (workspace, _) = try InterimCommandTests.workspaceWithHotAccount()
    let tiers = String(
      decoding: try FileReader.read(workspace.output + "/2026-Q3/tiers.csv"), as: UTF8.self)
    let lines = tiers.split(separator: "\n")
    workspace.write(
      lines.prefix(lines.count / 2).joined(separator: "\n") + "\n", to: "out/2026-Q3/tiers.csv")
    let outcome = workspace.run(["interim", "--hot", workspace.root + "/hot.csv"])
    #expect(outcome.status == 66)
    #expect(
      outcome.errorText.contains(
        "/2026-Q3/tiers.csv: error: the completed run of 2026-Q3 failed "
          + "verification: has "),
      "\(outcome.errorText)")
    #expect(!workspace.outputEntries.contains("2026-Q3-interim-1"))
  }
}
