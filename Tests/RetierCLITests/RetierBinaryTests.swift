import Foundation
import Glibc
import Testing

@testable import RetierCLI
@testable import RetierCore

/// The built `retier` executable, next to the test bundle in the build folder.
enum RetierBinary {
  /// Its path, or `nil` when the build folder has none (the tests that need it are skipped).
  static let path: String? = {
    var folders: [URL] = []
    if let executable = Bundle.main.executableURL {
      folders.append(executable.deletingLastPathComponent())
    }
    folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    return folders.map { $0.appendingPathComponent("retier").path }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }()
}

@Suite(
  "retier killed mid-run",
  .enabled(if: RetierBinary.path != nil, "the built retier executable is not next to the tests"))
struct RetierBinaryTests {
  /// When to send SIGKILL: at a point the run is known to have reached, or after a delay from a
  /// fixed seed. Either way the assertion does not depend on where the run was.
  enum KillPoint: CustomTestStringConvertible, Sendable {
    case atStart
    case lockTaken
    case temporaryFolderCreated
    case filesWritten(Int)
    case afterMicroseconds(UInt32)

    var testDescription: String {
      switch self {
      case .atStart: "at start"
      case .lockTaken: "once the lock file exists"
      case .temporaryFolderCreated: "once the temporary folder exists"
      case .filesWritten(let count): "once \(count) files are in the temporary folder"
      case .afterMicroseconds(let delay): "after \(delay) µs"
      }
    }
  }

  /// Delays from a fixed linear congruential sequence, 0.5–40 ms.
  static let seededDelays: [KillPoint] = {
    var state: UInt32 = 20_261_014
    return (0..<3).map { _ in
      state = state &* 1_664_525 &+ 1_013_904_223
      return .afterMicroseconds(500 + state % 39_500)
    }
  }()

  static let killPoints: [KillPoint] =
    [.atStart, .lockTaken, .temporaryFolderCreated, .filesWritten(2)] + seededDelays

  @Test(
    "After SIGKILL the quarter folder is absent or complete, and the next run succeeds",
    arguments: killPoints)
  func killed(at point: KillPoint) throws {
    let binary = try #require(RetierBinary.path)
    let workspace = Workspace()
    workspace.writeDrop(TestDrop(accounts: 3_000))

    let process = try workspace.launchRun(binary)
    let temporary = "\(workspace.output)/.2026-Q3.tmp-\(process.processIdentifier)"
    reach(point, process, lock: workspace.output + "/.retier.lock", temporary: temporary)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()

    let state = RunFolderCheck.check(workspace)
    #expect(state == .absent || state == .complete)

    let next = try workspace.launchRun(binary)
    next.waitUntilExit()
    #expect(next.terminationStatus == 0)
    #expect(RunFolderCheck.check(workspace) == .complete)
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"])
  }

  @Test(
    "After SIGKILL mid-interim every -interim folder is complete, and the next interim succeeds",
    // Not `.lockTaken`: the completed run left the lock file, so it would be met at once.
    arguments: [KillPoint.atStart, .temporaryFolderCreated, .filesWritten(2)] + seededDelays)
  func killedMidInterim(at point: KillPoint) throws {
    let binary = try #require(RetierBinary.path)
    let (workspace, _) = try InterimCommandTests.workspaceWithHotAccount()
    let arguments = ["interim", "--hot", workspace.root + "/hot.csv"]
    func interimFolders() -> [String] {
      workspace.outputEntries.filter { $0.hasPrefix("2026-Q3-interim-") }
    }

    let process = try workspace.launch(binary, arguments)
    let temporary = "\(workspace.output)/.2026-Q3-interim-1.tmp-\(process.processIdentifier)"
    reach(point, process, lock: workspace.output + "/.retier.lock", temporary: temporary)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()

    let left = interimFolders()
    #expect(left.count <= 1)
    for folder in left { #expect(RunFolderCheck.check(workspace, quarter: folder) == .complete) }

    let next = try workspace.launch(binary, arguments)
    next.waitUntilExit()
    #expect(next.terminationStatus == 0)
    // Written now if the killed interim was not; if it was, the chain already holds the move
    // and the next interim moves nothing and writes nothing.
    let after = interimFolders()
    #expect(after == ["2026-Q3-interim-1"])
    for folder in after { #expect(RunFolderCheck.check(workspace, quarter: folder) == .complete) }
    // The killed interim's temporary folder is gone: only the lock and run folders remain.
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"] + after)
  }

  @Test(
    "After SIGKILL mid-chain every -interim folder is complete or absent, and the chain goes on",
    arguments: [KillPoint.atStart, .temporaryFolderCreated, .filesWritten(2)] + seededDelays)
  func killedMidChain(at point: KillPoint) throws {
    let binary = try #require(RetierBinary.path)
    let (workspace, hotIDs, seats) = try InterimChainTests.workspaceWithHotAccounts(2)
    func interimFolders() -> [String] {
      workspace.outputEntries.filter { $0.hasPrefix("2026-Q3-interim-") }
    }
    let first = workspace.run(["interim", "--hot", workspace.root + "/hot-1.csv"])
    try #require(first.status == 0)
    let second = ["interim", "--hot", workspace.root + "/hot-2.csv"]

    let process = try workspace.launch(binary, second)
    let temporary = "\(workspace.output)/.2026-Q3-interim-2.tmp-\(process.processIdentifier)"
    reach(point, process, lock: workspace.output + "/.retier.lock", temporary: temporary)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()

    let left = interimFolders()
    #expect(left == ["2026-Q3-interim-1"] || left == ["2026-Q3-interim-1", "2026-Q3-interim-2"])
    for folder in left { #expect(RunFolderCheck.check(workspace, quarter: folder) == .complete) }

    // Again: the second interim is written now if the killed one was not; either way the
    // chain holds Tier 1 to its seats and displaces no account twice.
    let next = try workspace.launch(binary, second)
    next.waitUntilExit()
    #expect(next.terminationStatus == 0)
    let after = interimFolders()
    #expect(after == ["2026-Q3-interim-1", "2026-Q3-interim-2"])
    for folder in after { #expect(RunFolderCheck.check(workspace, quarter: folder) == .complete) }
    let tierOne = try InterimChainTests.tierOne(workspace, after: after)
    #expect(tierOne.count <= seats && tierOne.isSuperset(of: hotIDs))
    let displaced = try after.flatMap { folder in
      try InterimChainTests.tiersRows(workspace, "out/\(folder)/tiers.csv")
        .filter { $0[10] == "tier1_cap" }.map { String($0[0]) }
    }
    #expect(displaced.count == 2 && Set(displaced).count == 2, "\(displaced)")
    #expect(workspace.outputEntries == [".retier.lock", "2026-Q3"] + after)
  }

  /// Waits until `process` has reached `point` or has ended; `lock` is the lock file and
  /// `temporary` the folder the process writes aside.
  private func reach(_ point: KillPoint, _ process: Process, lock: String, temporary: String) {
    switch point {
    case .atStart: break
    case .lockTaken: waitUntil(process) { FileReader.kind(lock) == .file }
    case .temporaryFolderCreated: waitUntil(process) { FileReader.kind(temporary) == .folder }
    case .filesWritten(let count):
      waitUntil(process) {
        ((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []).count >= count
      }
    case .afterMicroseconds(let delay): usleep(delay)
    }
  }

  /// Polls `condition` until it holds or the process has ended.
  private func waitUntil(_ process: Process, _ condition: () -> Bool) {
    while process.isRunning, !condition() { usleep(100) }
  }
}
