import RetierCore

/// The config file as the executable reads it: the two folders it works in (`inbox`, `output`,
/// as written; ``ConfigLocator`` resolves them) and the core's ``Configuration``, every other key
/// of the same JSON object. Unknown and repeated keys are rejected at every level, as the core
/// rejects them in its own keys.
struct ConfigFile: Decodable {
  /// The keys the executable reads itself.
  enum CodingKeys: String, CodingKey, CaseIterable {
    case inbox
    case output
  }

  /// Folder holding one drop folder per quarter, as written in the file.
  var inbox: String
  /// Folder receiving one output folder per quarter, as written in the file.
  var output: String
  /// The rules.
  var configuration: Configuration

  /// Decodes the file: both folders are required.
  init(from decoder: any Decoder) throws {
    let hostKeys = Set(CodingKeys.allCases.map(\.stringValue))
    // Unknown keys first, as for every other object of the file.
    try decoder.rejectUnknownKeys(Configuration.CodingKeys.self, allowing: hostKeys)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    inbox = try container.decode(String.self, forKey: .inbox)
    output = try container.decode(String.self, forKey: .output)
    configuration = try Configuration(from: decoder, hostKeys: hostKeys)
  }

  /// Decodes and checks a config file (`path` only names it in errors): unreadable JSON, a
  /// repeated, unknown or missing key throws ``RetierError/configUnreadable(path:reason:)``,
  /// every semantic problem together ``RetierError/configInvalid(path:problems:)``.
  static func load(json: [UInt8], path: String) throws(RetierError) -> ConfigFile {
    let file = try Configuration.decode(ConfigFile.self, json: json, path: path)
    let problems = file.problems
    guard problems.isEmpty else { throw .configInvalid(path: path, problems: problems) }
    return file
  }

  /// Every semantic problem of the file, the folders first, then the rules' in key order; empty
  /// when it is usable.
  var problems: [String] {
    var problems: [String] = []
    if inbox.isEmpty { problems.append("inbox is empty") }
    if output.isEmpty { problems.append("output is empty") }
    return problems + configuration.problems
  }
}
