/// An inclusive band of shares of the book, e.g. the expected 0.20–0.30 of Tier 2.
struct ShareBand: Sendable, Hashable, Codable {
  /// Lowest expected share.
  var low: ExactDecimal
  /// Highest expected share.
  var high: ExactDecimal

  /// Creates a band.
  init(low: ExactDecimal, high: ExactDecimal) {
    self.low = low
    self.high = high
  }

  /// Decodes `[low, high]`.
  init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    low = try container.decode(ExactDecimal.self)
    high = try container.decode(ExactDecimal.self)
    guard container.isAtEnd else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "a band is [low, high]: two numbers")
    }
  }

  /// Encodes `[low, high]`.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    try container.encode(low)
    try container.encode(high)
  }

  /// Whether `count` out of `total` lies inside the band, exactly.
  func contains(_ count: Int, of total: Int) -> Bool {
    let scaled = Int128(count) * ExactDecimal.scale
    return scaled >= low.millionths * Int128(total) && scaled <= high.millionths * Int128(total)
  }
}
