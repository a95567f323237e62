import Foundation
import Glibc
import RetierCore

/// Finds, reads and decodes the configuration (SPEC §7): `--config`, then `$RETIER_CONFIG`, then
/// `./config/retier.json`, then `/etc/retier/retier.json`.
enum ConfigLocator {
  /// The environment variable naming the config file.
  static let environmentVariable = "RETIER_CONFIG"
  /// The config looked for in the working directory.
  static let workingDirectoryPath = "config/retier.json"
  /// The system-wide config.
  static let systemPath = "/etc/retier/retier.json"

  /// Loads the configuration. A path given by `--config` or `$RETIER_CONFIG` must exist (a typo
  /// never falls through to another file); the two default places are tried in order.
  static func load(
    explicitPath: String?, environment: [String: String], currentDirectory: String
  ) throws(RetierError) -> LoadedConfiguration {
    let path: String
    if let explicitPath {
      path = absolute(explicitPath, against: currentDirectory)
    } else if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
      path = absolute(fromEnvironment, against: currentDirectory)
    } else {
      let defaults = [absolute(workingDirectoryPath, against: currentDirectory), systemPath]
      guard let found = defaults.first(where: { FileReader.kind($0) != .missing })
      else {
        throw .configUnreadable(
          path: defaults[0],
          reason: "no config file found here nor at \(systemPath); pass --config FILE or set "
            + environmentVariable)
      }
      path = found
    }
    let bytes: [UInt8]
    do {
      bytes = try FileReader.read(path)
    } catch {
      throw .configUnreadable(path: path, reason: error.reason)
    }
    let file = try ConfigFile.load(json: bytes, path: path)
    let folder = (path as NSString).deletingLastPathComponent
    let inbox = absolute(file.inbox, against: folder)
    let output = absolute(file.output, against: folder)
    if overlap(inbox, output) {
      throw .configInvalid(
        path: path,
        problems: [
          "inbox \(inbox) and output \(output) are the same folder or one is inside the other; "
            + "a run would write into the drops (or read its own output as a drop)"
        ])
    }
    return LoadedConfiguration(
      path: path, bytes: bytes, configuration: file.configuration, inbox: inbox,
      output: OutputLayout(root: output))
  }

  /// Whether two absolute folders are the same or one holds the other, compared both as
  /// written and with their links resolved (for the parts that exist).
  static func overlap(_ first: String, _ second: String) -> Bool {
    func nested(_ inner: String, in outer: String) -> Bool {
      inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }
    let pairs = [(first, second), (resolved(first), resolved(second))]
    return pairs.contains { nested($0.0, in: $0.1) || nested($0.1, in: $0.0) }
  }

  /// `path` with its links resolved: the longest existing prefix through `realpath`, the rest
  /// appended as written.
  private static func resolved(_ path: String) -> String {
    var existing = path
    var rest: [String] = []
    while !existing.isEmpty, existing != "/" {
      if let real = realpath(existing, nil) {
        defer { free(real) }
        let base = String(cString: real)
        return ([base == "/" ? "" : base] + rest.reversed()).joined(separator: "/")
      }
      rest.append((existing as NSString).lastPathComponent)
      existing = (existing as NSString).deletingLastPathComponent
    }
    return path
  }

  /// `path` made absolute against `folder` when relative, with `.` and `..` resolved as written
  /// (lexically). Links are left as they are: Foundation's standardizing resolves them, but only
  /// in paths that hold `..` and exist, so that an output folder that is a link would be
  /// followed or refused depending on how the config spells it. The lock refuses it always.
  static func absolute(_ path: String, against folder: String) -> String {
    let joined = path.hasPrefix("/") ? path : folder + "/" + path
    var components: [Substring] = []
    for component in joined.split(separator: "/") {
      switch component {
      case ".": continue
      case "..": _ = components.popLast()
      default: components.append(component)
      }
    }
    return "/" + components.joined(separator: "/")
  }
}
