import Foundation

extension ExactDecimal: Codable {
  /// Decodes a JSON number (or a numeric string) without passing through binary floating point:
  /// Foundation's `Decimal` keeps the literal's digits, which are then parsed exactly.
  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text: String
    if let string = try? container.decode(String.self) {
      text = string
    } else {
      let decimal = try container.decode(Decimal.self)
      text = NSDecimalNumber(decimal: decimal).stringValue
    }
    guard let value = ExactDecimal(text) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription: "\(text) is not a decimal with at most 6 fraction digits")
    }
    self = value
  }

  /// Encodes as a JSON string holding the exact text.
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
