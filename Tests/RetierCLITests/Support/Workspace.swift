import Foundation
import Glibc

@testable import RetierCLI
@testable import RetierCore

/// A temporary folder holding a config, an inbox and an output folder, and a way to run
/// `retier` against it with an injected date, environment, process id and file system.
final class Workspace {
  /// The workspace's root folder.
  let root: String
  /// Today, as the shell sees it: after the 2026-Q3 run date (2026-10-14).
  var today = CalendarDate(year: 2026, month: 11, day: 2)!
  /// Environment variables.
  var environment: [String: String] = [:]
  /// The file system writes go through.
  var fileSystem: any OutputFileSystem = DurableFileSystem()
  /// The process id the shell reports.
  var processID: Int32 = 4242

  /// The default config: the inbox and output folders next to the config folder.
  static let defaultConfig = #"{"inbox": "../inbox", "output": "../out"}"#

  /// Creates the workspace with `config/retier.json`.
  init(config: String = Workspace.defaultConfig) {
    var template = Array("/tmp/retier-cli-XXXXXX".utf8CString)
    root = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    write(config, to: "config/retier.json")
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  /// The config file.
  var configPath: String { root + "/config/retier.json" }
  /// The inbox folder.
  var inbox: String { root + "/inbox" }
  /// The output folder.
  var output: String { root + "/out" }

  /// Writes a drop for `quarter`, with its ready marker unless `ready` is false.
  func writeDrop(_ drop: TestDrop = TestDrop(), quarter: String = "2026-Q3", ready: Bool = true) {
    for (name, text) in drop.files { write(text, to: "inbox/\(quarter)/\(name)") }
    if ready { write("", to: "inbox/\(quarter)/READY") }
  }

  /// Writes `text` at `path` relative to the root, creating folders.
  func write(_ text: String, to path: String) {
    let url = URL(fileURLWithPath: root + "/" + path)
    try! FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try! Data(text.utf8).write(to: url)
  }

  /// Removes `path` relative to the root.
  func remove(_ path: String) {
    try! FileManager.default.removeItem(atPath: root + "/" + path)
  }

  /// What a run printed and returned.
  struct Outcome {
    /// Exit status.
    var status: Int32
    /// Standard output lines.
    var output: [String]
    /// Standard error lines.
    var errors: [String]

    /// Standard output as one text.
    var outputText: String { output.joined(separator: "\n") }
    /// Standard error as one text.
    var errorText: String { errors.joined(separator: "\n") }
  }

  /// Runs `retier` with `arguments` (program name excluded) from the workspace's root.
  @discardableResult
  func run(_ arguments: [String]) -> Outcome {
    var output: [String] = []
    var errors: [String] = []
    let console = Console(output: { output.append($0) }, error: { errors.append($0) })
    let shell = Shell(
      environment: environment, currentDirectory: root, today: today, processID: processID,
      console: console, fileSystem: fileSystem, milliseconds: { 0 })
    let status = RetierCommandLine.run(arguments: arguments, shell: shell)
    return Outcome(status: status, output: output, errors: errors)
  }

  /// Every file under `path` (relative to the root) by relative path, with the SHA-256 of its
  /// bytes; empty when `path` does not exist.
  func files(under path: String) -> [String: String] {
    let base = root + "/" + path
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
    var files: [String: String] = [:]
    while let relative = enumerator.nextObject() as? String {
      if FileReader.kind(base + "/" + relative) == .file {
        files[relative] = (try? FileReader.read(base + "/" + relative)).map(SHA256.hexDigest)
      }
    }
    return files
  }

  /// The names in the output folder, sorted (hidden ones included).
  var outputEntries: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []).sorted()
  }

  /// Whether `path` relative to the root exists.
  func exists(_ path: String) -> Bool { FileReader.kind(root + "/" + path) != .missing }
}
