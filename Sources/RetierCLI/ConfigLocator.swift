import Foundation
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
    let configuration = try Configuration.load(json: bytes, path: path)
    let folder = (path as NSString).deletingLastPathComponent
    return LoadedConfiguration(
      path: path, bytes: bytes, configuration: configuration,
      inbox: absolute(configuration.inbox, against: folder),
      output: OutputLayout(root: absolute(configuration.output, against: folder)))
  }

  /// `path` made absolute against `folder` when relative, with `.` and `..` resolved.
  static func absolute(_ path: String, against folder: String) -> String {
    let joined = path.hasPrefix("/") ? path : folder + "/" + path
    return URL(fileURLWithPath: joined).standardizedFileURL.path
  }
}
