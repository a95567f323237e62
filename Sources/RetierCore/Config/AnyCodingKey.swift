/// A coding key for any name, used to list the keys a JSON object actually holds.
struct AnyCodingKey: CodingKey {
  var stringValue: String
  var intValue: Int?

  init(stringValue: String) {
    self.stringValue = stringValue
    self.intValue = nil
  }

  init(intValue: Int) {
    self.stringValue = String(intValue)
    self.intValue = intValue
  }
}

extension Decoder {
  /// Throws when the JSON object being decoded holds a key that neither `Keys` nor `allowing`
  /// names, so a typo in the config is an error that names the key rather than a silently
  /// ignored setting.
  package func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(
    _ keys: Keys.Type, allowing extra: Set<String> = []
  ) throws {
    let container = try container(keyedBy: AnyCodingKey.self)
    let known = Set(Keys.allCases.map(\.stringValue)).union(extra)
    for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue })
    where !known.contains(key.stringValue) {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: codingPath + [key],
          debugDescription: "unknown key '\(key.stringValue)'"))
    }
  }
}
