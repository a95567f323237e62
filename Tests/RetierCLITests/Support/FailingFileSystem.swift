import Glibc

@testable import RetierCLI

/// An ``OutputFileSystem`` that fails one chosen call (the `after + 1`-th of its kind) and, when
/// `dies`, every call after it, as a process killed at that point would leave the disk.
final class FailingFileSystem: OutputFileSystem {
  /// The calls that can be failed.
  enum Call: String, CaseIterable {
    case makeDirectory = "mkdir"
    case writeFile = "write"
    case appendToFile = "append"
    case syncDirectory = "fsync"
    case rename
    case removeItem = "remove"
  }

  private let base = DurableFileSystem()
  private let failing: Call
  private let after: Int
  private let code: Int32
  private let dies: Bool
  private var count = 0
  private var failed = false
  /// Every call made, in order, as `call path`.
  private(set) var log: [String] = []

  /// Fails the call of kind `failing` after `after` successful ones, with `errno` `code`.
  init(failing: Call, after: Int = 0, code: Int32 = ENOSPC, dies: Bool = false) {
    self.failing = failing
    self.after = after
    self.code = code
    self.dies = dies
  }

  private func check(_ call: Call, _ path: String) throws(SystemCallError) {
    log.append("\(call.rawValue) \(path)")
    if failed, dies { throw SystemCallError(call: call.rawValue, path: path, code: EIO) }
    guard call == failing, !failed else { return }
    if count >= after {
      failed = true
      throw SystemCallError(call: call.rawValue, path: path, code: code)
    }
    count += 1
  }

  func makeDirectory(atPath path: String, existingIsFine: Bool) throws(SystemCallError) {
    try check(.makeDirectory, path)
    try base.makeDirectory(atPath: path, existingIsFine: existingIsFine)
  }

  func writeFile(atPath path: String, bytes: [UInt8]) throws(SystemCallError) {
    try check(.writeFile, path)
    try base.writeFile(atPath: path, bytes: bytes)
  }

  func appendToFile(atPath path: String, bytes: [UInt8]) throws(SystemCallError) {
    try check(.appendToFile, path)
    try base.appendToFile(atPath: path, bytes: bytes)
  }

  func syncDirectory(atPath path: String) throws(SystemCallError) {
    try check(.syncDirectory, path)
    try base.syncDirectory(atPath: path)
  }

  func rename(atPath source: String, toPath destination: String) throws(SystemCallError) {
    try check(.rename, source)
    try base.rename(atPath: source, toPath: destination)
  }

  func removeItem(atPath path: String) throws(SystemCallError) {
    try check(.removeItem, path)
    try base.removeItem(atPath: path)
  }
}
