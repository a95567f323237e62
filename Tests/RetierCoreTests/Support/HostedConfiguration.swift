@testable import RetierCore

/// A config file as the executable reads it (`RetierCLI`'s `ConfigFile`): the folders `inbox`
/// and `output` beside the rules, so the config tests read whole config files.
struct HostedConfiguration: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case inbox
    case output
  }

  var configuration: Configuration

  init(from decoder: any Decoder) throws {
    let hostKeys = Set(CodingKeys.allCases.map(\.stringValue))
    try decoder.rejectUnknownKeys(Configuration.CodingKeys.self, allowing: hostKeys)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    _ = try container.decode(String.self, forKey: .inbox)
    _ = try container.decode(String.self, forKey: .output)
    configuration = try Configuration(from: decoder, hostKeys: hostKeys)
  }
}

extension Configuration {
  /// Decodes and validates a whole config file, as the executable does.
  static func load(json: [UInt8], path: String) throws(RetierError) -> Configuration {
    let configuration = try decode(HostedConfiguration.self, json: json, path: path).configuration
    let problems = configuration.problems
    guard problems.isEmpty else { throw .configInvalid(path: path, problems: problems) }
    return configuration
  }
}
