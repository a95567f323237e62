import Foundation
import RetierCore

/// Where the job's text goes: summaries and reports to standard output, logs and errors to
/// standard error (journald under systemd). Tests capture both.
///
/// This is the one place where printed text is made safe: every line is passed as one element
/// and has its control characters escaped (``ControlCharacters/escaped(_:)``), so an id or name
/// from the drop holding a line feed, carriage return or escape sequence can neither start a
/// line of its own nor rewrite one on a terminal.
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

  /// Prints report lines to standard output, each escaped onto one line.
  func print(_ lines: [String]) {
    for line in lines { writeOutput(ControlCharacters.escaped(line)) }
  }

  /// Prints one report line to standard output, escaped.
  func print(_ line: String) { print([line]) }

  /// Logs lines to standard error, each escaped onto one line and prefixed with `retier: ` so
  /// journald and grep find it.
  func log(_ lines: [String]) {
    for line in lines { writeError("retier: " + ControlCharacters.escaped(line)) }
  }

  /// Logs one line to standard error, escaped.
  func log(_ line: String) { log([line]) }

  /// Writes lines to standard error as they are, without the prefix (the usage synopsis after a
  /// usage error), each escaped onto one line.
  func printError(_ lines: [String]) {
    for line in lines { writeError(ControlCharacters.escaped(line)) }
  }
}

extension String {
  /// The text's lines, split at each line feed (text the tool itself wrote, such as the help).
  var lines: [String] {
    split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }
}
