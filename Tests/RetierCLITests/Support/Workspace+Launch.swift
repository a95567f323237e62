import Foundation

extension Workspace {
  /// Starts the built `retier run --quarter 2026-Q3` in the workspace with an empty environment,
  /// output discarded; the caller waits for it or kills it.
  func launchRun(_ binary: String) throws -> Process {
    try launch(binary, ["run", "--quarter", "2026-Q3"])
  }

  /// Starts the built `retier` with `arguments` in the workspace with an empty environment,
  /// output discarded; the caller waits for it or kills it.
  func launch(_ binary: String, _ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: root)
    process.environment = [:]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }
}
