import Foundation
import Glibc
import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("retier exit statuses, end to end")
struct RetierCommandLineTests {
  @Test(
    "Every fatal error maps to its SPEC §7 exit status",
    arguments: [
      (RetierError.usage("x"), Int32(64)),
      (.configUnreadable(path: "c", reason: "r"), 78),
      (.configInvalid(path: "c", problems: ["p"]), 78),
      (.dropMissing(path: "d", reason: "r"), 66),
      (.malformedCSV(file: "f", error: .unterminatedQuote(line: 1, column: 1)), 65),
      (.missingColumn(file: "f", column: "c", header: ["h"]), 65),
      (
        .tooManyRejected(
          rejected: 4, accounts: 5, allowedShare: ExactDecimal(millionths: 10_000), allowedRows: 3,
          problems: []),
        65
      ),
      (.incompleteBook(file: "f", reason: "r", problems: []), 65),
      (.unknownAccount("a", nearest: []), 65),
      (.cannotWrite(path: "p", reason: "r"), 73),
      (.locked(path: "p"), 75),
    ])
  func exitStatusTable(error: RetierError, status: Int32) {
    #expect(ExitStatus(error).rawValue == status)
  }

  @Test("A usage error exits 64 with one line and the synopsis on stderr")
  func usage() {
    let workspace = Workspace()
    let outcome = workspace.run(["run", "--quater", "2026-Q3"])
    #expect(outcome.status == 64)
    #expect(outcome.errors.first == "retier: usage: unknown option '--quater' for 'retier run'")
    #expect(outcome.errorText.contains(CommandLineArguments.usage))
    #expect(outcome.output.isEmpty)
  }

  @Test("--help and --version print on stdout and exit 0")
  func helpAndVersion() {
    let workspace = Workspace()
    let help = workspace.run(["--help"])
    #expect(help.status == 0)
    #expect(help.outputText == CommandLineArguments.help)
    let version = workspace.run(["--version"])
    #expect(version.status == 0)
    #expect(version.output == ["retier \(RetierVersion.current)"])
  }

  @Test(
    "retier <command> --help prints that command's own usage, options and example",
    arguments: CommandDeclaration.all.map(\.name))
  func commandHelp(name: String) throws {
    let workspace = Workspace()
    let declaration = try #require(CommandDeclaration.named(name))
    for arguments in [[name, "--help"], [name, "-h"], ["help", name]] {
      let outcome = workspace.run(arguments)
      #expect(outcome.status == 0)
      #expect(outcome.outputText == declaration.help)
    }
    let help = workspace.run([name, "--help"]).output
    #expect(help.first == "usage: " + declaration.synopsis)
    #expect(help.contains("Example:"))
    // The example runs this command, and no other command's usage is printed.
    #expect(help.contains { $0.hasPrefix("  retier \(name)") })
    for other in CommandDeclaration.all where other.name != name {
      #expect(!help.contains { $0.contains(other.synopsis) })
    }
  }

  @Test("compare's help shows an ALT config, interim's a flag file")
  func commandHelpExamples() {
    let workspace = Workspace()
    let compare = workspace.run(["compare", "--help"]).outputText
    #expect(compare.contains("retier compare --with alt.json --quarter 2026-Q3"))
    #expect(compare.contains("\"min_score\": 11"))
    let interim = workspace.run(["interim", "--help"]).outputText
    #expect(interim.contains("account_id,flagged_by,reason"))
    #expect(interim.contains("retier interim --hot hot.csv"))
  }

  @Test("A bad config exits 78 with each problem on its own line")
  func badConfig() {
    let workspace = Workspace(
      config: #"{"inbox": "../inbox", "output": "../out", "fiscal_year_start_month": 13, "#
        + #""max_rejected_share": 2}"#)
    workspace.writeDrop()
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 78)
    #expect(
      outcome.errors == [
        "retier: \(workspace.configPath): error: fiscal_year_start_month 13 is not in 1…12",
        "retier: \(workspace.configPath): error: max_rejected_share 2 is not in 0…1",
      ])
    #expect(!workspace.exists("out"))
  }

  @Test("An unknown config key and a missing config file exit 78")
  func unreadableConfig() {
    let workspace = Workspace(config: #"{"inbox": "i", "output": "o", "inbux": "x"}"#)
    #expect(workspace.run(["validate"]).status == 78)
    let missing = workspace.run(["validate", "--config", "nowhere.json"])
    #expect(missing.status == 78)
    #expect(missing.errorText.contains("\(workspace.root)/nowhere.json: error: cannot read config"))
  }

  @Test("A tier without a play of its own and an unknown service-level key exit 78 naming them")
  func badServiceLevels() {
    let ownPlay = Workspace(
      config: #"{"inbox": "../inbox", "output": "../out", "tiers": ["#
        + #"{"name": "Gold", "min_score": 12, "max_share": 0.1}, {"name": "Silver", "min_score": 8}, "#
        + #"{"name": "Bronze", "min_score": 0, "coverage": "pooled", "#
        + #""service_levels": {"plays": ["success-plan review"]}}]}"#)
    ownPlay.writeDrop()
    let outcome = ownPlay.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 78)
    // Bronze runs only Silver's play, so neither tier has one of its own.
    #expect(
      outcome.errors == [
        "retier: \(ownPlay.configPath): error: tiers[1] (Silver) service_levels.plays names no "
          + "play that no other tier runs: if Tier 2 is just Tier 1 with fewer meetings, you have "
          + "not built a tech-touch motion",
        "retier: \(ownPlay.configPath): error: tiers[2] (Bronze) service_levels.plays names no "
          + "play that no other tier runs: if Tier 3 is just Tier 1 with fewer meetings, you have "
          + "not built a tech-touch motion",
      ])
    #expect(!ownPlay.exists("out"))
    let unknownKey = Workspace(
      config: #"{"inbox": "i", "output": "o", "tiers": [{"name": "Gold", "min_score": 12, "#
        + #""service_levels": {"qbr": "monthly"}}, {"name": "Bronze", "min_score": 0}]}"#)
    let unknown = unknownKey.run(["validate"])
    #expect(unknown.status == 78)
    #expect(unknown.errorText.contains("unknown key 'qbr'"))
  }

  @Test(
    "A missing or unfinished drop exits 66 with one line and writes nothing",
    arguments: [
      ("folder", "the drop folder does not exist"),
      ("READY", "the ready marker 'READY' is missing"),
      ("usage.csv", "required file missing: usage.csv"),
    ])
  func dropMissing(removed: String, message: String) throws {
    let workspace = Workspace()
    workspace.writeDrop()
    workspace.remove(removed == "folder" ? "inbox/2026-Q3" : "inbox/2026-Q3/\(removed)")
    let outcome = workspace.run(["run"])
    #expect(outcome.status == 66)
    let line = try #require(outcome.errors.last)
    #expect(line.hasPrefix("retier: \(workspace.inbox)/2026-Q3: error: drop not ready: \(message)"))
    #expect(outcome.output.isEmpty)
    #expect(!workspace.exists("out/2026-Q3"))
  }

  @Test("Rejections over the error budget exit 65, list every problem and write nothing")
  func tooManyRejected() {
    let workspace = Workspace()
    // 4 of 44 rows: over max_rejected_share 0.01 (0.44 rows) and over the floor of 3.
    workspace.writeDrop(TestDrop(accounts: 40, badFitRows: 4))
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 65)
    #expect(
      outcome.errors.contains(
        "retier: error: 4 of 44 account rows rejected, more than max_rejected_share 0.01 of "
          + "them and more than max_rejected_rows_floor 3: the quarter cannot run until the rows "
          + "below are fixed"))
    for number in 0..<4 {
      #expect(
        outcome.errors.contains {
          $0.hasPrefix("retier: \(workspace.inbox)/2026-Q3/accounts.csv:\(42 + number): error: ")
            && $0.contains("BAD-\(number)")
        })
    }
    #expect(workspace.outputEntries.allSatisfy { !$0.contains("2026-Q3") })
  }

  @Test("A malformed file exits 65 naming its real path and line")
  func malformedFile() {
    let workspace = Workspace()
    workspace.writeDrop(
      TestDrop(accountsText: "account_id,customer_since,strategic_fit\n\"ACC-1,2020-01-01,3\n"))
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 65)
    #expect(outcome.errorText.contains("\(workspace.inbox)/2026-Q3/accounts.csv:2"))
  }

  @Test("A write that fails (disk full) exits 73 and leaves no quarter folder")
  func cannotWriteThroughSeam() {
    let workspace = Workspace()
    workspace.writeDrop()
    workspace.fileSystem = FailingFileSystem(failing: .writeFile, after: 1, code: ENOSPC)
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 73)
    #expect(outcome.errorText.contains("No space left on device"))
    #expect(workspace.outputEntries == [".retier.lock"])
  }

  @Test(
    "A read-only output folder exits 73",
    .enabled(if: getuid() != 0, "root ignores permissions; the seam test covers 73 then"))
  func cannotWriteReadOnly() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    try FileManager.default.createDirectory(
      atPath: workspace.output, withIntermediateDirectories: true)
    chmod(workspace.output, 0o555)
    defer { chmod(workspace.output, 0o755) }
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 73)
    #expect(workspace.outputEntries.isEmpty)
  }

  @Test("A run while another holds the lock exits 75 at once and writes nothing")
  func locked() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    try FileManager.default.createDirectory(
      atPath: workspace.output, withIntermediateDirectories: true)
    // flock locks belong to the open file description, so this second open conflicts even
    // within one process.
    let holder = open(workspace.output + "/.retier.lock", O_RDWR | O_CREAT, 0o644)
    #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 75)
    #expect(outcome.errorText.contains("another retier run holds the lock"))
    #expect(workspace.outputEntries == [".retier.lock"])
    close(holder)
    #expect(workspace.run(["run", "--quarter", "2026-Q3"]).status == 0)
  }
}
