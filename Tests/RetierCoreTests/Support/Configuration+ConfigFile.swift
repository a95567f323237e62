@testable import RetierCLI
@testable import RetierCore

extension Configuration {
  /// Decodes and validates a whole config file through the executable's own reader
  /// (`ConfigFile`: the folders `inbox` and `output` beside the rules), so the config tests read
  /// config files exactly as a run does.
  static func load(json: [UInt8], path: String) throws(RetierError) -> Configuration {
    try ConfigFile.load(json: json, path: path).configuration
  }
}
