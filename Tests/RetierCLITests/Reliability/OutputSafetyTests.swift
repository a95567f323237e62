import Foundation
import Glibc
import Testing

@testable import RetierCLI
@testable import RetierCore

/// The output folder cannot be turned against the job (SPEC §6, §7): the lock is opened without
/// following links, a run is complete only when its run.json names its own quarter, and no
/// folder name makes `--force` trap.
@Suite("Output folder safety")
struct OutputSafetyTests {
  @Test(
    "a lock file that is a link is never followed: exit 73, the target neither created nor locked",
    arguments: [false, true])
  func lockLink(targetExists: Bool) {
    let workspace = Workspace()
    workspace.writeDrop()
    let target = workspace.root + "/elsewhere/victim"
    if targetExists { workspace.write("keep", to: "elsewhere/victim") }
    workspace.write("", to: "out/placeholder")
    #expect(symlink(target, workspace.output + "/.retier.lock") == 0)
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 73, "\(outcome.errorText)")
    #expect(outcome.errorText.contains("the lock file is a symbolic link"))
    #expect(workspace.exists("elsewhere/victim") == targetExists)
    if targetExists {
      #expect(try! String(contentsOfFile: target, encoding: .utf8) == "keep")
    }
    #expect(!workspace.exists("out/2026-Q3"))
  }

  @Test(
    "an output folder that is a link is not followed for the lock: exit 73, however spelled",
    arguments: ["../out", "ROOT/out", "ROOT/config/../out", "./../out/"])
  func outputFolderLinkInConfig(spelling: String) {
    let workspace = Workspace()
    let output = spelling.replacingOccurrences(of: "ROOT", with: workspace.root)
    workspace.write(
      #"{"inbox": "../inbox", "output": "\#(output)"}"#, to: "config/retier.json")
    workspace.writeDrop()
    workspace.write("", to: "real-out/placeholder")
    #expect(symlink(workspace.root + "/real-out", workspace.output) == 0)
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 73, "\(outcome.errorText)")
    #expect(outcome.errorText.contains("the output folder is a symbolic link"))
    #expect(!workspace.exists("real-out/.retier.lock"))
    #expect(!workspace.exists("real-out/2026-Q3"))
  }

  @Test("the lock's folder is not followed when it is a link")
  func outputFolderLink() {
    let workspace = Workspace()
    workspace.write("", to: "real-out/placeholder")
    #expect(symlink(workspace.root + "/real-out", workspace.output) == 0)
    let error = #expect(throws: RetierError.self) {
      try RunLock(path: workspace.output + "/.retier.lock")
    }
    #expect(error.map(ExitStatus.init) == .cannotCreate)
    #expect(error?.description.contains("the output folder is a symbolic link") == true)
    #expect(!workspace.exists("real-out/.retier.lock"))
  }

  @Test("a quarter folder linked to another quarter's complete run is not up to date")
  func linkedQuarterIsNotComplete() throws {
    let workspace = Workspace()
    workspace.writeDrop(quarter: "2026-Q2")
    workspace.writeDrop(quarter: "2026-Q3")
    #expect(workspace.run(["run", "--quarter", "2026-Q2"]).status == 0)
    #expect(symlink(workspace.output + "/2026-Q2", workspace.output + "/2026-Q3") == 0)
    let layout = OutputLayout(root: workspace.output)
    #expect(layout.isComplete(FiscalQuarter(label: "2026-Q2")!))
    #expect(!layout.isComplete(FiscalQuarter(label: "2026-Q3")!))
    // Without --quarter the due quarter is 2026-Q3: it runs, and the link is kept aside.
    let outcome = workspace.run(["run"])
    #expect(outcome.status == 0, "\(outcome.errorText)")
    #expect(!outcome.errorText.contains("up to date"))
    #expect(layout.isComplete(FiscalQuarter(label: "2026-Q3")!))
    #expect(workspace.outputEntries.contains("2026-Q3.incomplete-1"))
    let manifest = try FileReader.read(workspace.output + "/2026-Q3/run.json")
    #expect(String(decoding: manifest, as: UTF8.self).contains(#""quarter": "2026-Q3""#))
  }

  @Test("a hand-made folder or another quarter's run is the previous run, refused, never replaced")
  func previousRunMustBeComplete() {
    let workspace = Workspace()
    workspace.writeDrop(quarter: "2026-Q1")
    workspace.writeDrop(quarter: "2026-Q3")
    #expect(workspace.run(["run", "--quarter", "2026-Q1"]).status == 0)
    // 2026-Q2 holds Q1's run under Q2's name, then a tiers.csv made by hand.
    #expect(symlink(workspace.output + "/2026-Q1", workspace.output + "/2026-Q2") == 0)
    var outcome = workspace.run(["run", "--quarter", "2026-Q3", "--dry-run"])
    #expect(outcome.errorText.contains("previous_run=2026-Q2"), "\(outcome.errorText)")
    #expect(
      outcome.errorText.contains(
        "not used, nor any older run in its place: run.json: names the quarter 2026-Q1, not its "
          + "folder's 2026-Q2"))
    unlink(workspace.output + "/2026-Q2")
    workspace.write("account_id,to_tier\nACC-0001,1\n", to: "out/2026-Q2/tiers.csv")
    outcome = workspace.run(["run", "--quarter", "2026-Q3", "--dry-run"])
    #expect(outcome.errorText.contains("run.json: is missing"), "\(outcome.errorText)")
    #expect(outcome.errorText.contains("previous 2026-Q2 verified=no"))
    workspace.writeDrop(quarter: "2026-Q2")
    #expect(workspace.run(["run", "--quarter", "2026-Q2", "--force"]).status == 0)
    outcome = workspace.run(["run", "--quarter", "2026-Q3", "--dry-run"])
    #expect(outcome.errorText.contains("previous 2026-Q2 verified=yes"), "\(outcome.errorText)")
  }

  @Test("whatever is at the quarter's name, even a link that leads nowhere, is kept aside")
  func danglingLinkKept() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    workspace.write("", to: "out/placeholder")
    #expect(symlink(workspace.root + "/nowhere", workspace.output + "/2026-Q3") == 0)
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0, "\(outcome.errorText)")
    var status = stat()
    #expect(lstat(workspace.output + "/2026-Q3.incomplete-1", &status) == 0)
    #expect(status.st_mode & S_IFMT == S_IFLNK)
    #expect(OutputLayout(root: workspace.output).isComplete(FiscalQuarter(label: "2026-Q3")!))
  }

  @Test(
    "no kept-folder name makes --force trap: the number after the largest, or the first free",
    arguments: [
      (["9223372036854775807"], 1), (["9223372036854775807", "1", "2"], 3),
      (["9223372036854775806"], 9_223_372_036_854_775_807), (["99999999999999999999"], 1),
      (["-5", "0"], 1), (["3"], 4),
    ])
  func forceNames(existing: [String], expected: Int) {
    let workspace = Workspace()
    for number in existing { workspace.write("", to: "out/2026-Q3.replaced-\(number)/run.json") }
    let layout = OutputLayout(root: workspace.output)
    #expect(
      layout.keptFolder(FiscalQuarter(label: "2026-Q3")!, label: "replaced")
        == workspace.output + "/2026-Q3.replaced-\(expected)")
  }

  @Test("--force keeps the earlier run even next to a folder named with Int.max")
  func forceNextToIntMax() {
    let workspace = Workspace()
    workspace.writeDrop()
    #expect(workspace.run(["run", "--quarter", "2026-Q3"]).status == 0)
    workspace.write("", to: "out/2026-Q3.replaced-9223372036854775807/run.json")
    let outcome = workspace.run(["run", "--quarter", "2026-Q3", "--force"])
    #expect(outcome.status == 0, "\(outcome.errorText)")
    #expect(workspace.outputEntries.contains("2026-Q3.replaced-1"))
  }
}
