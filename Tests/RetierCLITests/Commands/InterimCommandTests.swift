import Foundation
import Glibc
import Testing

@testable import RetierCLI
@testable import RetierCore

/// `retier interim --hot FILE [--quarter Q]` through the command line: exit statuses, the flag
/// file's problems, the `<QUARTER>-interim-<n>` folder and its atomicity.
@Suite("retier interim")
struct InterimCommandTests {
  /// A workspace whose 2026-Q3 is run, then its drop changed so that `hotID` (an account that
  /// run placed below Tier 1 by the rubric) now scores the top of the rubric; `hot.csv` flags it.
  static func workspaceWithHotAccount() throws -> (workspace: Workspace, hotID: String) {
    let workspace = Workspace()
    workspace.writeDrop()
    try #require(workspace.run(["run", "--quarter", "2026-Q3"]).status == 0)
    let tiers = try workspace.text("out/2026-Q3/tiers.csv")
    let rows: [[Substring]] = tiers.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    let hotRow = try #require(rows.first { $0[9] != "1" && $0[10] == "rubric" })
    let hotID = String(hotRow[0])
    var files = TestDrop().files
    files["accounts.csv"] =
      files["accounts.csv"]!.split(separator: "\n").map { line in
        guard line.hasPrefix(hotID + ",") else { return String(line) }
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        return "\(hotID),\(fields[1]),\(fields[2]),\(fields[3]),2020-01-15,5,90000000,true,active"
      }.joined(separator: "\n") + "\n"
    files["arr.csv"] =
      files["arr.csv"]!.split(separator: "\n")
      .filter { !$0.hasPrefix(hotID + ",") }.joined(separator: "\n") + "\n\(hotID),4000000\n"
    for (name, text) in files { workspace.write(text, to: "inbox/2026-Q3/\(name)") }
    workspace.write("", to: "inbox/2026-Q3/READY")
    workspace.write("account_id,flagged_by,reason\n\(hotID),Sam,usage tripled\n", to: "hot.csv")
    return (workspace, hotID)
  }

  @Test("The hot account moves up by the rubric into <QUARTER>-interim-1; flagged again, it stays")
  func writesInterimFolders() throws {
    let (workspace, hotID) = try Self.workspaceWithHotAccount()
    let arguments = ["interim", "--hot", workspace.root + "/hot.csv"]
    let first = workspace.run(arguments)
    #expect(first.status == 0, "\(first.errorText)")
    let files = workspace.files(under: "out/2026-Q3-interim-1")
    let tiers = try workspace.text("out/2026-Q3-interim-1/tiers.csv")
    let hotRow = try #require(tiers.split(separator: "\n").first { $0.hasPrefix(hotID + ",") })
    let fields = hotRow.split(separator: ",")
    // Promoted by the rubric (its usage still declines, so not necessarily to Tier 1).
    #expect(Int(fields[9])! < Int(fields[8])! && fields[10] == "rubric", "\(tiers)")
    // Every row is a moved account, and a run's files are all there.
    #expect(
      tiers.split(separator: "\n").dropFirst().allSatisfy { row in
        let columns = row.split(separator: ",", omittingEmptySubsequences: false)
        return columns[8] != columns[9]
      })
    for name in ["movements.csv", "reassignments.csv", "memo.md", "memo.html", "run.json"] {
      #expect(files[name] != nil, "\(name) missing")
    }
    #expect(files["memos/\(hotID).md"] != nil)
    #expect(RunFolderCheck.check(workspace, quarter: "2026-Q3") == .complete)
    #expect(
      first.outputText.contains("2026-Q3 interim: 1 hot account(s) re-scored, ")
        && first.outputText.contains(" moved. Output: \(workspace.output)/2026-Q3-interim-1 ("))

    // The second interim starts where the first left it: the account is already promoted.
    let second = workspace.run(arguments)
    #expect(second.status == 0)
    #expect(
      second.outputText
        == "2026-Q3 interim: 1 hot account(s) re-scored, none moved; nothing written")
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3", "2026-Q3-interim-1"])
  }

  @Test("The interim's reviews say what was re-scored against what, with the drop's true count")
  func reviewsSayInterim() throws {
    let (workspace, _) = try Self.workspaceWithHotAccount()
    #expect(workspace.run(["interim", "--hot", workspace.root + "/hot.csv"]).status == 0)
    let drop = try workspace.text("out/2026-Q3/memo.md")
    let validAccounts = try #require(
      drop.split(separator: "\n").first { $0.hasPrefix("| valid accounts |") })
    let dropCount = validAccounts.split(separator: "|")[1].trimmingCharacters(in: .whitespaces)
    let memo = try workspace.text("out/2026-Q3-interim-1/memo.md")
    let moved = memo.split(separator: "\n").first { $0.hasPrefix("| accounts moved |") }
    #expect(memo.hasPrefix("# Interim re-score memo: 2026-Q3\n\nInterim re-score on "))
    #expect(
      memo.contains(
        " of 1 hot account against the cut lines and seats of the completed 2026-Q3 run; the "
          + "latest drop holds \(dropCount) valid accounts. "))
    #expect(memo.contains("Every count below is of the moved accounts only.\n"))
    #expect(memo.contains("| hot accounts re-scored | 1 |\n"))
    #expect(memo.contains("| valid accounts in the latest drop | \(dropCount) |\n"))
    #expect(moved != nil)
    #expect(memo.contains("| interim date | ") && !memo.contains("| run date |"))
    #expect(
      memo.contains(
        "## Across quarters\n\nNot computed for an interim re-score: the completed 2026-Q3 "
          + "run's memo compares the quarter with the one before.\n"))
    #expect(!memo.contains("No previous complete run"))
    // Book-wide judgements are not made on the moved accounts alone.
    #expect(memo.contains("\nSeats are the completed 2026-Q3 run's (⌊max share × its valid "))
    #expect(!memo.contains("### Soft bands") && !memo.contains("### ARR rank against tier"))
    #expect(memo.contains("judge the whole book: not computed for an interim re-score;"))
    #expect(memo.contains("## Capacity and hiring\n\nOf the moved accounts only: the flags "))
    let page = try workspace.text("out/2026-Q3-interim-1/memo.html")
    #expect(page.contains("<title>Interim re-score memo: 2026-Q3</title>"))
    #expect(page.contains("latest drop holds \(dropCount) valid accounts."))
    #expect(page.contains("Not computed for an interim re-score: the completed 2026-Q3 run"))
    #expect(!page.contains("No previous complete run"))
    #expect(!page.contains("<h3>Soft bands</h3>"))
    #expect(page.contains("judge the whole book: not computed for an interim re-score;"))
    #expect(page.contains("Of the moved accounts only: the flags compare them alone"))
  }

  @Test("Unknown ids, repeats and blank fields are reported with file:line and skipped")
  func reportsFlagProblems() throws {
    let (workspace, hotID) = try Self.workspaceWithHotAccount()
    let path = workspace.root + "/hot.csv"
    workspace.write(
      "account_id,flagged_by,reason\n\(hotID),Sam,usage tripled\nNOPE-1,Sam,typo\n"
        + "\(hotID),Kim,again\nACC-0002,,no one\n", to: "hot.csv")
    let outcome = workspace.run(["interim", "--hot", path])
    #expect(outcome.status == 0)
    #expect(
      outcome.errors.filter { $0.contains("hot.csv:") } == [
        "retier: \(path):3: warning: account NOPE-1 is not a valid account of the drop placed by "
          + "the completed run; not re-scored",
        "retier: \(path):4: warning: account \(hotID) is flagged again (first on line 2); "
          + "re-scored once",
        "retier: \(path):5: warning: account ACC-0002 has no flagged_by; not re-scored",
      ])
    #expect(outcome.errors.contains { $0.contains("rescore flags=1 skipped_rows=3 moved=") })
  }

  @Test("A flag file with no usable flag exits 65 and writes nothing")
  func noUsableFlag() throws {
    let (workspace, _) = try Self.workspaceWithHotAccount()
    workspace.write("account_id,flagged_by,reason\nNOPE-1,Sam,typo\n", to: "hot.csv")
    let outcome = workspace.run(["interim", "--hot", workspace.root + "/hot.csv"])
    #expect(outcome.status == 65)
    #expect(outcome.errorText.contains("no flagged account can be re-scored"))
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"])
  }

  @Test("No account moved: exit 0, nothing written")
  func nothingMoved() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    try #require(workspace.run(["run", "--quarter", "2026-Q3"]).status == 0)
    workspace.write("account_id,flagged_by,reason\nACC-0001,Sam,check\n", to: "hot.csv")
    let outcome = workspace.run(["interim", "--hot", workspace.root + "/hot.csv"])
    #expect(outcome.status == 0)
    #expect(
      outcome.outputText
        == "2026-Q3 interim: 1 hot account(s) re-scored, none moved; nothing written")
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"])
  }

  @Test("No completed run: exit 66 with a clear message, nothing written")
  func noCompletedRun() {
    let workspace = Workspace()
    workspace.writeDrop()
    workspace.write("account_id,flagged_by,reason\nACC-0001,Sam,check\n", to: "hot.csv")
    let hot = workspace.root + "/hot.csv"
    let noOutput = workspace.run(["interim", "--hot", hot])
    #expect(noOutput.status == 66)
    #expect(noOutput.errorText.contains("no quarter has a completed run to re-score"))

    #expect(workspace.run(["run", "--quarter", "2026-Q3"]).status == 0)
    let other = workspace.run(["interim", "--hot", hot, "--quarter", "2026-Q2"])
    #expect(other.status == 66)
    #expect(
      other.errorText.contains(
        "2026-Q2 has no completed run to re-score against (its run.json is missing or names "
          + "another quarter); run 'retier run --quarter 2026-Q2' first"))
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"])
  }

  @Test("With the usage signal on, the interim refuses (78, naming the key) and writes nothing")
  func refusesUnderUsageSignal() throws {
    let (workspace, _) = try Self.workspaceWithHotAccount()
    workspace.write(
      #"{"inbox": "../inbox", "output": "../out", "rubric": {"usage_signal": {"below_share": 0.7}}}"#,
      to: "config/retier.json")
    let outcome = workspace.run(["interim", "--hot", workspace.root + "/hot.csv"])
    #expect(outcome.status == 78)
    #expect(
      outcome.errorText.contains(
        "rubric.usage_signal.below_share: retier interim cannot re-score accounts scored on usage"))
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"])
  }

  @Test("A missing flag file exits 66; a missing --hot is a usage error (64)")
  func missingHotFile() {
    let workspace = Workspace()
    workspace.writeDrop()
    #expect(workspace.run(["run", "--quarter", "2026-Q3"]).status == 0)
    let missing = workspace.run(["interim", "--hot", workspace.root + "/none.csv"])
    #expect(missing.status == 66)
    #expect(missing.errorText.contains("cannot read the hot-account file"))
    let usage = workspace.run(["interim"])
    #expect(usage.status == 64)
    #expect(
      usage.errorText.contains("retier interim needs --hot FILE (account_id, flagged_by, reason)"))
  }

  @Test("Another run holds the lock: exit 75, nothing written")
  func lockHeld() throws {
    let (workspace, _) = try Self.workspaceWithHotAccount()
    let lock = try RunLock(path: workspace.output + "/.retier.lock")
    defer { lock.release() }
    let outcome = workspace.run(["interim", "--hot", workspace.root + "/hot.csv"])
    #expect(outcome.status == 75)
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"])
  }

  /// The calls an interim makes in the output folder, as a killed process would stop them: each
  /// fails, and every call after it fails too (the process is dead), at several points.
  static let deathPoints: [(FailingFileSystem.Call, Int)] = [
    (.makeDirectory, 0), (.makeDirectory, 1), (.writeFile, 0), (.writeFile, 3),
    (.syncDirectory, 0), (.rename, 0),
  ]

  @Test(
    "Killed at any write: no interim folder; the next interim clears the temporary one",
    arguments: deathPoints)
  func killedMidWay(call: FailingFileSystem.Call, after: Int) throws {
    let (workspace, _) = try Self.workspaceWithHotAccount()
    let failing = FailingFileSystem(failing: call, after: after, code: EIO, dies: true)
    workspace.fileSystem = failing
    let arguments = ["interim", "--hot", workspace.root + "/hot.csv"]
    #expect(workspace.run(arguments).status == 73)
    #expect(!workspace.outputEntries.contains { $0.hasPrefix("2026-Q3-interim") })

    workspace.fileSystem = DurableFileSystem()
    let next = workspace.run(arguments)
    #expect(next.status == 0)
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3", "2026-Q3-interim-1"])
  }

  @Test("The only rename is the last call, from the temporary folder to -interim-1")
  func renameIsLast() throws {
    let (workspace, _) = try Self.workspaceWithHotAccount()
    // A call that never fails: an errno of 0 after more calls than an interim makes.
    let recording = FailingFileSystem(failing: .rename, after: 1_000)
    workspace.fileSystem = recording
    #expect(workspace.run(["interim", "--hot", workspace.root + "/hot.csv"]).status == 0)
    let temporary = workspace.output + "/.2026-Q3-interim-1.tmp-4242"
    let renames = recording.log.indices.filter { recording.log[$0].hasPrefix("rename ") }
    #expect(renames.map { recording.log[$0] } == ["rename \(temporary)"])
    // After the rename only the output folder itself is flushed.
    #expect(Array(recording.log[(renames[0] + 1)...]) == ["fsync \(workspace.output)"])
    #expect(
      recording.log[..<renames[0]].allSatisfy { $0.contains(temporary) })
  }
}

extension Workspace {
  /// The text of the file at `path`, relative to the root.
  fileprivate func text(_ path: String) throws -> String {
    String(decoding: try FileReader.read(root + "/" + path), as: UTF8.self)
  }
}
