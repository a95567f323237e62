import Foundation
import Glibc
import Testing

@testable import RetierCLI
@testable import RetierCore

/// Faults around a real run: SIGKILL at seeded points, a full disk, a lock left by a dead
/// process, a read-only output folder. After each, the previous quarter's outputs are intact, the
/// interrupted quarter is absent or complete, and the next run succeeds.
@Suite("Faults through the CLI")
struct FaultTests {
  /// The quarter run before every fault, whose outputs must survive it.
  static let previousQuarter = "2026-Q2"

  /// A workspace with `2026-Q2` already run in-process and a `2026-Q3` drop of `accounts`.
  static func workspaceWithPreviousRun(
    previousAccounts: Int = 40, accounts: Int = 40
  ) -> Workspace {
    let workspace = Workspace()
    workspace.writeDrop(TestDrop(accounts: previousAccounts), quarter: previousQuarter)
    workspace.writeDrop(TestDrop(accounts: accounts))
    return workspace
  }

  /// Runs the previous quarter and returns its files with their checksums.
  static func runPreviousQuarter(_ workspace: Workspace) throws -> [String: String] {
    try #require(workspace.run(["run", "--quarter", previousQuarter]).status == 0)
    let files = workspace.files(under: "out/\(previousQuarter)")
    try #require(!files.isEmpty)
    return files
  }

  /// After a fault: the previous quarter is untouched and no temporary folder is left behind.
  static func expectPreviousIntact(_ workspace: Workspace, _ previous: [String: String]) {
    #expect(workspace.files(under: "out/\(previousQuarter)") == previous)
    #expect(RunFolderCheck.check(workspace, quarter: previousQuarter) == .complete)
  }

  /// The next in-process run succeeds and leaves exactly the lock and both quarter folders.
  static func expectNextRunSucceeds(_ workspace: Workspace) {
    workspace.fileSystem = DurableFileSystem()
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 0, "\(outcome.errorText)")
    #expect(RunFolderCheck.check(workspace) == .complete)
    #expect(workspace.outputEntries == [".retier.lock", previousQuarter, "2026-Q3"])
  }

  // MARK: - SIGKILL

  /// Fractions (in thousandths) of an uninterrupted run's duration at which to kill, from a
  /// fixed seed; some fall past the end, when the run has already finished.
  static let killFractions: [Int] = {
    var state: UInt64 = 20_261_122
    return (0..<5).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % 1_100)
    }
  }()

  /// The built `retier-drop-gen` executable, next to `retier`.
  static let dropGenerator: String? = RetierBinary.path.map {
    URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("retier-drop-gen")
      .path
  }
  .flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }

  @Test(
    "SIGKILL at seeded points of a 5,000-account run: absent or complete, then byte-identical",
    .enabled(
      if: RetierBinary.path != nil && dropGenerator != nil,
      "the built retier and retier-drop-gen executables are not next to the tests"))
  func killLoop() throws {
    let binary = try #require(RetierBinary.path)
    let workspace = Self.workspaceWithPreviousRun()
    let previous = try Self.runPreviousQuarter(workspace)
    // The bench profile: 5,000 valid accounts plus rejected rows, overrides and ~500 memos.
    workspace.remove("inbox/2026-Q3")
    let generator = Process()
    generator.executableURL = URL(fileURLWithPath: try #require(Self.dropGenerator))
    generator.arguments = [
      "--profile", "bench", "--accounts", "5000", "--out", workspace.inbox + "/2026-Q3",
    ]
    generator.standardOutput = FileHandle.nullDevice
    try generator.run()
    try #require(generator.waitForStatus() == 0)

    // The kill points are fractions of this uninterrupted run's duration; the assertions hold
    // wherever the kill lands.
    let clock = ContinuousClock()
    let start = clock.now
    let uninterrupted = try workspace.launchRun(binary)
    try #require(uninterrupted.waitForStatus() == 0)
    let duration = clock.now - start
    let reference = workspace.files(under: "out/2026-Q3")
    try #require(RunFolderCheck.check(workspace) == .complete)
    let micros =
      duration.components.seconds * 1_000_000
      + duration.components.attoseconds / 1_000_000_000_000

    for fraction in Self.killFractions {
      workspace.remove("out/2026-Q3")
      let process = try workspace.launchRun(binary)
      usleep(UInt32(micros * Int64(fraction) / 1_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()

      let state = RunFolderCheck.check(workspace)
      #expect(state == .absent || state == .complete, "killed at \(fraction)‰: \(state)")
      if state == .complete {
        #expect(workspace.files(under: "out/2026-Q3") == reference)
      }
      Self.expectPreviousIntact(workspace, previous)

      #expect(try workspace.launchRun(binary).waitForStatus() == 0)
      #expect(workspace.files(under: "out/2026-Q3") == reference, "after kill at \(fraction)‰")
      #expect(workspace.outputEntries == [".retier.lock", Self.previousQuarter, "2026-Q3"])
    }
  }

  // MARK: - Disk full

  @Test(
    "Disk full on a 160 KiB tmpfs: exit 73, no quarter folder, previous outputs intact",
    .enabled(if: Mounts.areAllowed, "mount(2) is not permitted here (no CAP_SYS_ADMIN)"))
  func diskFullOnTmpfs() throws {
    // Room for the 4-account quarter, memo.html included, not for the 300-account one.
    let workspace = Self.workspaceWithPreviousRun(previousAccounts: 4, accounts: 300)
    try FileManager.default.createDirectory(
      atPath: workspace.output, withIntermediateDirectories: true)
    try #require(Mounts.mountTmpfs(at: workspace.output, size: "160k"))
    defer { Mounts.unmount(workspace.output) }
    let previous = try Self.runPreviousQuarter(workspace)

    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 73)
    #expect(outcome.errorText.contains("No space left on device"))
    #expect(workspace.outputEntries == [".retier.lock", Self.previousQuarter])
    Self.expectPreviousIntact(workspace, previous)

    // Space freed: the next run succeeds.
    try #require(Mounts.resizeTmpfs(at: workspace.output, size: "64m"))
    Self.expectNextRunSucceeds(workspace)
    Self.expectPreviousIntact(workspace, previous)
  }

  @Test(
    "Disk full at any of the first writes (writer seam): exit 73, previous outputs intact",
    arguments: [0, 1, 3, 6])
  func diskFullThroughSeam(writesBeforeFailure: Int) throws {
    let workspace = Self.workspaceWithPreviousRun()
    let previous = try Self.runPreviousQuarter(workspace)
    workspace.fileSystem = FailingFileSystem(
      failing: .writeFile, after: writesBeforeFailure, code: ENOSPC)
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 73)
    #expect(outcome.errorText.contains("No space left on device"))
    #expect(workspace.outputEntries == [".retier.lock", Self.previousQuarter])
    Self.expectPreviousIntact(workspace, previous)
    Self.expectNextRunSucceeds(workspace)
  }

  // MARK: - Lock held by a dead process

  @Test(
    "A lock whose holder was SIGKILLed is free: the next run succeeds",
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock"),
      "/usr/bin/flock (util-linux) is not installed"))
  func lockOfKilledHolder() throws {
    let workspace = Self.workspaceWithPreviousRun()
    let previous = try Self.runPreviousQuarter(workspace)
    // One process, no children, holds the flock: the shell locks fd 9 through flock(1), says
    // so, then becomes `sleep` keeping fd 9 open.
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/bin/sh")
    holder.arguments = [
      "-c", #"exec 9>>"$0"; /usr/bin/flock -x 9; echo locked; exec sleep 120"#,
      workspace.output + "/.retier.lock",
    ]
    let pipe = Pipe()
    holder.standardOutput = pipe
    try holder.run()
    let said = String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self)
    try #require(said == "locked\n")

    let blocked = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(blocked.status == 75)
    #expect(!workspace.exists("out/2026-Q3"))

    kill(holder.processIdentifier, SIGKILL)
    holder.waitUntilExit()
    #expect(holder.terminationReason == .uncaughtSignal)
    Self.expectNextRunSucceeds(workspace)
    Self.expectPreviousIntact(workspace, previous)
  }

  // MARK: - Read-only output folder

  @Test(
    "A read-only output folder: exit 73, previous outputs intact; writable again, the run succeeds",
    .enabled(
      if: getuid() != 0 || Mounts.areAllowed,
      "root ignores file modes and mount(2) is not permitted for a read-only bind mount"))
  func readOnlyOutput() throws {
    let workspace = Self.workspaceWithPreviousRun()
    let previous = try Self.runPreviousQuarter(workspace)
    let asRoot = getuid() == 0
    if asRoot {
      try #require(Mounts.bindReadOnly(workspace.output))
    } else {
      chmod(workspace.output, 0o555)
    }
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    if asRoot { Mounts.unmount(workspace.output) } else { chmod(workspace.output, 0o755) }

    #expect(outcome.status == 73)
    #expect(workspace.outputEntries == [".retier.lock", Self.previousQuarter])
    Self.expectPreviousIntact(workspace, previous)
    Self.expectNextRunSucceeds(workspace)
  }

  @Test("A read-only file system (EROFS through the writer seam): exit 73, next run succeeds")
  func readOnlyThroughSeam() throws {
    let workspace = Self.workspaceWithPreviousRun()
    let previous = try Self.runPreviousQuarter(workspace)
    workspace.fileSystem = FailingFileSystem(failing: .makeDirectory, code: EROFS)
    let outcome = workspace.run(["run", "--quarter", "2026-Q3"])
    #expect(outcome.status == 73)
    #expect(outcome.errorText.contains("Read-only file system"))
    #expect(workspace.outputEntries == [".retier.lock", Self.previousQuarter])
    Self.expectPreviousIntact(workspace, previous)
    Self.expectNextRunSucceeds(workspace)
  }
}

extension Process {
  /// Waits for the process to end and returns its exit status.
  fileprivate func waitForStatus() -> Int32 {
    waitUntilExit()
    return terminationStatus
  }
}
