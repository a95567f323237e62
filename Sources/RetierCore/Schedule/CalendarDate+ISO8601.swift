extension CalendarDate {
  /// Parses a strict ISO 8601 calendar date "YYYY-MM-DD": exactly 10 ASCII characters, four-digit
  /// year, two-digit month and day, hyphens, nothing around them. Returns nil for anything else,
  /// including dates that do not exist ("2026-02-30").
  package init?(iso: String) {
    // Native strings are contiguous UTF-8; the array copy is only for a bridged string.
    let parsed =
      iso.utf8.withContiguousStorageIfAvailable { CalendarDate(isoBytes: $0) }
      ?? Array(iso.utf8).withUnsafeBufferPointer { CalendarDate(isoBytes: $0) }
    guard let parsed else { return nil }
    self = parsed
  }

  /// Parses a strict "YYYY-MM-DD" date from raw bytes, with the rules of `init?(iso:)`; the fast
  /// path for CSV fields, which never become a `String`.
  init?(isoBytes: UnsafeBufferPointer<UInt8>) {
    guard isoBytes.count == 10, isoBytes[4] == UInt8(ascii: "-"), isoBytes[7] == UInt8(ascii: "-")
    else { return nil }
    guard let year = Self.decimal(isoBytes, 0..<4),
      let month = Self.decimal(isoBytes, 5..<7),
      let day = Self.decimal(isoBytes, 8..<10)
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The value of the ASCII digits at `range`, or nil when any byte there is not a digit.
  private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    var value = 0
    for index in range {
      let digit = Int(bytes[index]) &- Int(UInt8(ascii: "0"))
      guard (0...9).contains(digit) else { return nil }
      value = value * 10 + digit
    }
    return value
  }
}

extension CalendarDate: CustomStringConvertible {
  /// The ISO 8601 form "YYYY-MM-DD"; the year has at least four digits and a leading "-" when
  /// negative.
  package var description: String {
    let yearDigits = String(abs(year))
    let paddedYear = String(repeating: "0", count: max(0, 4 - yearDigits.count)) + yearDigits
    let sign = year < 0 ? "-" : ""
    let monthPart = month < 10 ? "0\(month)" : "\(month)"
    let dayPart = day < 10 ? "0\(day)" : "\(day)"
    return "\(sign)\(paddedYear)-\(monthPart)-\(dayPart)"
  }
}

extension CalendarDate: Codable {
  /// Decodes a date from its ISO string "YYYY-MM-DD".
  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = CalendarDate(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected a date YYYY-MM-DD, got \"\(text)\"")
    }
    self = date
  }

  /// Encodes the date as its ISO string "YYYY-MM-DD".
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
