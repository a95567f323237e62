import Glibc
import Testing

@testable import RetierCLI
@testable import RetierCore

@Suite("Run lock")
struct RunLockTests {
  @Test("A second lock on the same file fails at once; after release it succeeds")
  func exclusive() throws {
    let workspace = Workspace()
    let path = workspace.root + "/.retier.lock"
    let first = try RunLock(path: path)
    #expect(throws: RetierError.locked(path: path)) { try RunLock(path: path) }
    first.release()
    let second = try RunLock(path: path)
    second.release()
    #expect(FileReader.kind(path) == .file)
  }

  @Test("A lock whose holder is gone (descriptor closed, as when killed) is free again")
  func holderGone() throws {
    let workspace = Workspace()
    let path = workspace.root + "/.retier.lock"
    do {
      let holder = try RunLock(path: path)
      _ = holder
    }
    _ = try RunLock(path: path)
  }

  @Test("A lock file in a missing folder cannot be written: exit 73")
  func cannotCreate() throws {
    let error = try #require(throws: RetierError.self) {
      try RunLock(path: "/nonexistent-retier-folder/.retier.lock")
    }
    #expect(ExitStatus(error) == .cannotCreate)
  }
}
