import Foundation
import Glibc
import Testing

@testable import RetierCLI
@testable import RetierCore

/// A drop is read as a whole or not at all (SPEC §2): only regular files, each at most
/// `max_input_bytes`, none modified after `READY`, none changing while read, and an optional
/// file that exists but cannot be read is an error. Every refusal exits 66 (the next firing
/// retries), names the file, and writes nothing. No case blocks: a FIFO with no writer would
/// hang a reader that opened it without `O_NONBLOCK` or read it before `fstat`.
@Suite("A drop is read whole or not at all")
struct WholeDropTests {
  /// What replaces a drop file.
  enum Replacement: String, CaseIterable, CustomTestStringConvertible {
    case fifo
    case deviceZero
    case folder
    case danglingLink

    var testDescription: String { rawValue }

    /// Puts the replacement at `path`.
    func make(at path: String) {
      unlink(path)
      switch self {
      case .fifo: #expect(mkfifo(path, 0o644) == 0)
      case .deviceZero: #expect(symlink("/dev/zero", path) == 0)
      case .folder: #expect(mkdir(path, 0o755) == 0)
      case .danglingLink: #expect(symlink(path + ".gone", path) == 0)
      }
    }
  }

  /// Runs the quarter and checks the refusal: exit 66, one error line naming `file`, no run
  /// folder.
  static func expectRefused(
    _ workspace: Workspace, file: String, containing text: String
  ) {
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 66, "\(outcome.errorText)")
    let errors = outcome.errors.filter { $0.contains(": error: ") }
    #expect(errors.count == 1, "\(outcome.errorText)")
    #expect(errors.first?.contains("/inbox/2026-Q3/\(file): error: ") == true, "\(errors)")
    #expect(errors.first?.contains(text) == true, "\(errors)")
    #expect(!workspace.exists("out/2026-Q3"))
  }

  @Test(
    "a FIFO, /dev/zero, a folder or a dangling link as any drop file is refused at once",
    arguments: ["accounts.csv", "arr.csv", "usage.csv", "csms.csv", "overrides.csv"],
    Replacement.allCases)
  func notRegular(file: String, replacement: Replacement) {
    let workspace = Workspace()
    workspace.writeDrop()
    replacement.make(at: workspace.inbox + "/2026-Q3/" + file)
    let required = file != "overrides.csv"
    switch replacement {
    case .fifo:
      Self.expectRefused(workspace, file: file, containing: "not a regular file (it is a FIFO)")
    case .deviceZero:
      Self.expectRefused(
        workspace, file: file, containing: "not a regular file (it is a character device)")
    case .folder:
      Self.expectRefused(workspace, file: file, containing: "not a regular file (it is a folder)")
    case .danglingLink where required:
      // A required file that leads nowhere is missing, named on the folder's line.
      let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
      #expect(outcome.status == 66)
      #expect(outcome.errorText.contains("required file missing: \(file)"))
    case .danglingLink:
      // An optional file that exists but leads nowhere is not an absent file.
      Self.expectRefused(workspace, file: file, containing: "No such file or directory")
    }
  }

  @Test(
    "max_input_bytes bounds every file: at the largest file's size it runs, one byte less not",
    arguments: [0, 1, 2, 3])
  func maximumBytes(fileIndex: Int) throws {
    let workspace = Workspace()
    workspace.writeDrop()
    let names = ["accounts.csv", "arr.csv", "usage.csv", "csms.csv"]
    // Grow one file past the others, so that it alone decides.
    let grown = names[fileIndex]
    let path = workspace.inbox + "/2026-Q3/" + grown
    var text = String(decoding: try FileReader.read(path), as: UTF8.self)
    text += String(repeating: "\n", count: 40_000)
    workspace.write(text, to: "inbox/2026-Q3/" + grown)
    workspace.write("", to: "inbox/2026-Q3/READY")
    let size = text.utf8.count
    func config(_ maximum: Int) -> String {
      #"{"inbox": "../inbox", "output": "../out", "max_input_bytes": \#(maximum)}"#
    }
    workspace.write(config(size - 1), to: "config/retier.json")
    Self.expectRefused(
      workspace, file: grown, containing: "over max_input_bytes \(size - 1)")
    workspace.write(config(size), to: "config/retier.json")
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0, "\(outcome.errorText)")
  }

  @Test(
    "a file modified after READY is refused until READY is written again",
    arguments: ["accounts.csv", "arr.csv", "usage.csv", "csms.csv", "overrides.csv"])
  func modifiedAfterReady(file: String) throws {
    let workspace = Workspace()
    workspace.writeDrop(
      TestDrop(overrides: "account_id,tier,reason,approved_by_sales,approved_by_cs,expires\n"))
    let ready = workspace.inbox + "/2026-Q3/READY"
    let path = workspace.inbox + "/2026-Q3/" + file
    // The file's time a minute after READY's, as when it is rewritten after the marker.
    let readyTime = try #require(FileReader.identity(ready))
    var times = [
      timespec(tv_sec: Int(readyTime.modified) + 60, tv_nsec: 0),
      timespec(tv_sec: Int(readyTime.modified) + 60, tv_nsec: 0),
    ]
    #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    Self.expectRefused(
      workspace, file: file,
      containing: "the file was modified after the ready marker 'READY'; write READY again")
    // Writing READY again (later than every file) makes the drop whole.
    times = [
      timespec(tv_sec: Int(readyTime.modified) + 61, tv_nsec: 0),
      timespec(tv_sec: Int(readyTime.modified) + 61, tv_nsec: 0),
    ]
    #expect(utimensat(AT_FDCWD, ready, &times, 0) == 0)
    #expect(workspace.run(["run", "--quarter", "2026-Q3"]).status == 0)
  }

  @Test(
    "a drop copied whole in any order (the marker up to 2 s older than a file) is read",
    arguments: [0, 1, 999_999_999, 2_000_000_000, 2_000_000_001])
  func copiedInAnyOrder(nanosecondsAfterReady: Int) throws {
    let workspace = Workspace()
    workspace.writeDrop()
    let readyTime = try #require(FileReader.identity(workspace.inbox + "/2026-Q3/READY"))
    let total = Int(readyTime.modifiedNanoseconds) + nanosecondsAfterReady
    var times = [
      timespec(
        tv_sec: Int(readyTime.modified) + total / 1_000_000_000, tv_nsec: total % 1_000_000_000),
      timespec(
        tv_sec: Int(readyTime.modified) + total / 1_000_000_000, tv_nsec: total % 1_000_000_000),
    ]
    #expect(utimensat(AT_FDCWD, workspace.inbox + "/2026-Q3/arr.csv", &times, 0) == 0)
    let outcome = workspace.run(["validate", "--quarter", "2026-Q3"])
    #expect(
      outcome.status == (nanosecondsAfterReady > 2_000_000_000 ? 66 : 0), "\(outcome.errorText)")
  }

  @Test("a file whose size is not what it reads (it changed while read) stops the run")
  func changedWhileRead() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    // A /proc file says 0 bytes and reads more: to the reader it changed between its stat and
    // its last read, which is what a file being written looks like. Deterministic, no race.
    let path = workspace.inbox + "/2026-Q3/csms.csv"
    unlink(path)
    #expect(symlink("/proc/self/status", path) == 0)
    #expect(throws: FileReader.ReadError.changed(path: path)) {
      try FileReader.read(path, maximumBytes: 1 << 20)
    }
    Self.expectRefused(workspace, file: "csms.csv", containing: DropReader.changedReason)
  }

  @Test(
    "inbox and output that are the same folder or inside each other are a config error",
    arguments: [
      ("../data", "../data"), ("../data", "../data/out"), ("../data/in", "../data"),
      ("../data/./in/", "../data"), ("../linked", "../data"), ("../data", "../linked/out"),
    ])
  func overlappingFolders(inbox: String, output: String) {
    let workspace = Workspace(
      config: #"{"inbox": "\#(inbox)", "output": "\#(output)"}"#)
    workspace.write("", to: "data/placeholder")
    #expect(symlink(workspace.root + "/data", workspace.root + "/linked") == 0)
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 78, "\(outcome.errorText)")
    #expect(outcome.errorText.contains("are the same folder or one is inside the other"))
  }

  @Test("inbox and output side by side, or sharing a name prefix, are fine")
  func separateFolders() {
    let workspace = Workspace(config: #"{"inbox": "../data", "output": "../data-out"}"#)
    workspace.writeDrop(TestDrop(), quarter: "2026-Q3")
    let outcome = workspace.run(["validate", "--quarter", "2026-Q3"])
    #expect(outcome.status == 66, "\(outcome.errorText)")
    #expect(!outcome.errorText.contains("inside the other"))
  }
}
