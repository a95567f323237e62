import Foundation

/// Where the job's text goes: summaries and reports to standard output, logs and errors to
/// standard error (journald under systemd). Tests capture both.
final class Console {
  private let writeOutput: (String) -> Void
  private let writeError: (String) -> Void

  /// Creates a console from two line sinks; each receives one line without its line feed.
  init(output: @escaping (String) -> Void, error: @escaping (String) -> Void) {
    self.writeOutput = output
    self.writeError = error
  }

  /// The process's standard output and standard error.
  static func standardStreams() -> Console {
    Console(
      output: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
      error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
  }

  /// Prints report text to standard output, one call per line.
  func print(_ text: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      writeOutput(String(line))
    }
  }

  /// Logs text to standard error, each line prefixed with `retier: ` so journald and grep find it.
  func log(_ text: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      writeError("retier: " + line)
    }
  }

  /// Writes text to standard error as is (the usage synopsis after a usage error).
  func printError(_ text: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      writeError(String(line))
    }
  }
}
