import Foundation
import Glibc
import Testing

@testable import RetierCLI
@testable import RetierCore

/// `compare --out` writes only a new file or one of its own reports (SPEC §7): every other
/// target is a usage error (64) and is left as it was.
@Suite("retier compare --out")
struct CompareOutTests {
  private static let alternative = """
    {"inbox": "unused", "output": "unused", "tiers": [
      {"name": "Gold", "min_score": 12, "max_share": 0.2},
      {"name": "Silver", "min_score": 8},
      {"name": "Bronze", "min_score": 0, "coverage": "pooled"}]}
    """

  /// A workspace with a drop, an alternative config and roster, and a completed 2026-Q3 run
  /// (so the output folder, its run.json and the lock file exist).
  private static func workspace() -> Workspace {
    let workspace = Workspace()
    workspace.writeDrop()
    workspace.write(alternative, to: "alt.json")
    workspace.write("csm_id,name,tier\ncsm-9,Nine,1\n", to: "alt-csms.csv")
    let run = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(run.status == 0, "\(run.errors)")
    return workspace
  }

  private static func compare(_ workspace: Workspace, out: String) -> Workspace.Outcome {
    workspace.run([
      "compare", "--with", "alt.json", "--roster", "alt-csms.csv", "--out", out, "--quarter",
      "2026-Q3",
    ])
  }

  /// The bytes at `path` (relative to the root), links not followed; `nil` when unreadable.
  private static func bytes(_ workspace: Workspace, _ path: String) -> Data? {
    FileManager.default.contents(atPath: workspace.root + "/" + path)
  }

  @Test(
    "refuses the drop, the completed run, the lock, the config, the alternative and the roster",
    arguments: [
      ("inbox/2026-Q3/accounts.csv", "inside the inbox"),
      ("inbox/../inbox/2026-Q3/new.md", "inside the inbox"),
      ("out/2026-Q3/run.json", "inside the output folder"),
      ("out/.retier.lock", "inside the output folder"),
      ("out/report.md", "inside the output folder"),
      ("config/retier.json", "is the config"),
      ("alt.json", "is the alternative config"),
      ("alt-csms.csv", "is the alternative roster"),
    ])
  func refusesProtectedPaths(out: String, reason: String) throws {
    let workspace = Self.workspace()
    let before = Self.bytes(workspace, out)
    let outcome = Self.compare(workspace, out: out)
    #expect(outcome.status == 64)
    #expect(outcome.errorText.contains(reason), "\(outcome.errors)")
    #expect(Self.bytes(workspace, out) == before)
  }

  @Test("refuses a path inside the output folder reached through a linked folder")
  func refusesThroughLinkedFolder() {
    let workspace = Self.workspace()
    #expect(symlink(workspace.output + "/2026-Q3", workspace.root + "/reports") == 0)
    let before = Self.bytes(workspace, "out/2026-Q3/tiers.csv")
    let outcome = Self.compare(workspace, out: "reports/tiers.csv")
    #expect(outcome.status == 64)
    #expect(outcome.errorText.contains("inside the output folder"), "\(outcome.errors)")
    #expect(Self.bytes(workspace, "out/2026-Q3/tiers.csv") == before)
  }

  @Test("refuses a symbolic link, even one to a report of its own, and leaves both in place")
  func refusesSymbolicLink() throws {
    let workspace = Self.workspace()
    #expect(Self.compare(workspace, out: "own.md").status == 0)
    let own = Self.bytes(workspace, "own.md")
    #expect(symlink(workspace.root + "/own.md", workspace.root + "/link.md") == 0)
    let outcome = Self.compare(workspace, out: "link.md")
    #expect(outcome.status == 64)
    #expect(outcome.errorText.contains("is a symbolic link"), "\(outcome.errors)")
    #expect(FileReader.exists(workspace.root + "/link.md"))
    #expect(
      (try? FileManager.default.destinationOfSymbolicLink(atPath: workspace.root + "/link.md"))
        == workspace.root + "/own.md")
    #expect(Self.bytes(workspace, "own.md") == own)
  }

  @Test("refuses a FIFO and leaves it a FIFO")
  func refusesFIFO() {
    let workspace = Self.workspace()
    #expect(mkfifo(workspace.root + "/pipe", 0o600) == 0)
    let outcome = Self.compare(workspace, out: "pipe")
    #expect(outcome.status == 64)
    #expect(outcome.errorText.contains("is a FIFO"), "\(outcome.errors)")
    var status = stat()
    #expect(lstat(workspace.root + "/pipe", &status) == 0)
    #expect(status.st_mode & S_IFMT == S_IFIFO)
  }

  @Test("refuses a character device (a copy of /dev/null's node, where one can be made)")
  func refusesDevice() throws {
    let workspace = Self.workspace()
    var null = stat()
    try #require(stat("/dev/null", &null) == 0)
    let node = workspace.root + "/null"
    // Making a device node needs CAP_MKNOD. A process without it cannot replace /dev/null
    // either, so only then is the real /dev/null named.
    let target = mknod(node, S_IFCHR | 0o666, null.st_rdev) == 0 ? "null" : "/dev/null"
    let outcome = Self.compare(workspace, out: target)
    #expect(outcome.status == 64)
    #expect(outcome.errorText.contains("character device"), "\(outcome.errors)")
    var status = stat()
    #expect(lstat(target == "null" ? node : "/dev/null", &status) == 0)
    #expect(status.st_mode & S_IFMT == S_IFCHR)
  }

  @Test("a folder is named as one, not as a Cocoa error")
  func refusesFolder() {
    let workspace = Self.workspace()
    workspace.write("", to: "reports/keep")
    let outcome = Self.compare(workspace, out: "reports")
    #expect(outcome.status == 64)
    #expect(outcome.errorText.contains("is a folder; name a file"), "\(outcome.errors)")
    #expect(!outcome.errorText.contains("NSCocoaErrorDomain"))
    #expect(FileReader.kind(workspace.root + "/reports") == .folder)
  }

  @Test("refuses an existing file without the mark and leaves it as it was")
  func refusesForeignFile() {
    let workspace = Self.workspace()
    workspace.write("# my notes\n", to: "notes.md")
    let outcome = Self.compare(workspace, out: "notes.md")
    #expect(outcome.status == 64)
    #expect(outcome.errorText.contains("not a report compare wrote"), "\(outcome.errors)")
    #expect(Self.bytes(workspace, "notes.md") == Data("# my notes\n".utf8))
  }

  @Test("writes a new file with the mark first, then replaces its own report")
  func replacesOwnReport() throws {
    let workspace = Self.workspace()
    let first = Self.compare(workspace, out: "what-if.md")
    #expect(first.status == 0, "\(first.errors)")
    let written = try String(contentsOfFile: workspace.root + "/what-if.md", encoding: .utf8)
    #expect(written == CompareReport.mark + "\n" + first.outputText + "\n")
    workspace.write(written + "an edit\n", to: "what-if.md")
    let second = Self.compare(workspace, out: "what-if.md")
    #expect(second.status == 0, "\(second.errors)")
    #expect(
      try String(contentsOfFile: workspace.root + "/what-if.md", encoding: .utf8) == written)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.root)
      .filter { $0.contains(".compare-") }
    #expect(leftovers.isEmpty)
  }
}
