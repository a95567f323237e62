/// One quarter of a fiscal year, labelled "YYYY-Qn" where YYYY is the fiscal year (the calendar
/// year in which that fiscal year ends, SPEC §7).
///
/// A quarter says nothing about calendar dates by itself; `FiscalCalendar` maps it to days.
package struct FiscalQuarter: Sendable, Hashable {
  /// The fiscal year, named by the calendar year in which it ends.
  package let fiscalYear: Int

  /// The quarter of the fiscal year, 1...4.
  let quarter: Int

  /// Creates the quarter; `quarter` must be 1...4.
  init(fiscalYear: Int, quarter: Int) {
    precondition((1...4).contains(quarter), "fiscal quarter must be 1...4, got \(quarter)")
    self.fiscalYear = fiscalYear
    self.quarter = quarter
  }

  /// Creates the quarter at `index` on the running count of quarters (see `index`).
  init(index: Int) {
    let fiscalYear = index >= 0 ? index / 4 : (index - 3) / 4
    self.init(fiscalYear: fiscalYear, quarter: index - fiscalYear * 4 + 1)
  }

  /// Parses a strict label "YYYY-Qn": four ASCII digits, "-Q" (capital Q), a digit 1...4, nothing
  /// else. Returns nil for anything else ("2026-q3", "2026-Q5", "26-Q3", " 2026-Q3").
  package init?(label: String) {
    let bytes = Array(label.utf8)
    guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "Q")
    else { return nil }
    var fiscalYear = 0
    for byte in bytes[0..<4] {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      fiscalYear = fiscalYear * 10 + Int(byte - UInt8(ascii: "0"))
    }
    guard (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(bytes[6]) else { return nil }
    self.init(fiscalYear: fiscalYear, quarter: Int(bytes[6] - UInt8(ascii: "0")))
  }

  /// The position of the quarter on a running count of quarters, `fiscalYear × 4 + quarter − 1`;
  /// consecutive quarters have consecutive indices, so quarter distances are subtractions.
  var index: Int {
    fiscalYear * 4 + quarter - 1
  }

  /// The label "YYYY-Qn", for example "2026-Q3"; the year is padded to four digits.
  package var label: String {
    let yearDigits = String(abs(fiscalYear))
    let paddedYear = String(repeating: "0", count: max(0, 4 - yearDigits.count)) + yearDigits
    return "\(fiscalYear < 0 ? "-" : "")\(paddedYear)-Q\(quarter)"
  }

  /// The quarter after this one; Q4 is followed by Q1 of the next fiscal year.
  package func next() -> FiscalQuarter {
    FiscalQuarter(index: index + 1)
  }

  /// The quarter before this one; Q1 is preceded by Q4 of the previous fiscal year.
  package func previous() -> FiscalQuarter {
    FiscalQuarter(index: index - 1)
  }
}

extension FiscalQuarter: Comparable {
  /// Orders quarters chronologically.
  package static func < (lhs: FiscalQuarter, rhs: FiscalQuarter) -> Bool {
    lhs.index < rhs.index
  }
}

extension FiscalQuarter: CustomStringConvertible {
  /// The label "YYYY-Qn".
  package var description: String {
    label
  }
}

extension FiscalQuarter: Codable {
  /// Decodes a quarter from its label "YYYY-Qn".
  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let quarter = FiscalQuarter(label: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected a fiscal quarter YYYY-Qn, got \"\(text)\"")
    }
    self = quarter
  }

  /// Encodes the quarter as its label "YYYY-Qn".
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(label)
  }
}
