import Foundation

extension Workspace {
  /// Starts the built `retier run --quarter 2026-Q3` in the workspace with an empty environment,
  /// output discarded; the caller waits for it or kills it.
  func launchRun(_ binary: String) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["run", "--quarter", "2026-Q3"]
    process.currentDirectoryURL = URL(fileURLWithPath: root)
    process.environment = [:]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }
}
