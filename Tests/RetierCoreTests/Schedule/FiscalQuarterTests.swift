import Foundation
import Testing

@testable import RetierCore

@Suite("FiscalQuarter")
struct FiscalQuarterTests {
  @Test(
    "labels parse and print",
    arguments: [
      ("2026-Q3", 2026, 3), ("2027-Q1", 2027, 1), ("0999-Q4", 999, 4), ("9999-Q2", 9_999, 2),
    ])
  func label(text: String, fiscalYear: Int, quarter: Int) throws {
    let parsed = try #require(FiscalQuarter(label: text))
    #expect(parsed == FiscalQuarter(fiscalYear: fiscalYear, quarter: quarter))
    #expect(parsed.label == text)
    #expect(parsed.description == text)
  }

  @Test(
    "malformed labels are rejected",
    arguments: [
      "", "2026-Q0", "2026-Q5", "2026-q3", "2026Q3", "26-Q3", "2026-Q", "2026-Q33", " 2026-Q3",
      "2026-Q3 ", "2026-03", "FY26-Q3", "2026-Q-1", "20x6-Q3", "2026-\u{FF31}3",
    ])
  func rejectsMalformed(text: String) {
    #expect(FiscalQuarter(label: text) == nil)
  }

  @Test("next and previous cross fiscal years")
  func stepping() {
    let q4 = FiscalQuarter(fiscalYear: 2026, quarter: 4)
    #expect(q4.next() == FiscalQuarter(fiscalYear: 2027, quarter: 1))
    #expect(q4.next().previous() == q4)
    #expect(FiscalQuarter(fiscalYear: 2026, quarter: 2).next().label == "2026-Q3")
    #expect(FiscalQuarter(fiscalYear: 2026, quarter: 1).previous().label == "2025-Q4")
  }

  @Test("index is a running count that round-trips, also below zero")
  func index() {
    for index in -9...9 {
      #expect(FiscalQuarter(index: index).index == index)
      #expect(FiscalQuarter(index: index).next().index == index + 1)
    }
    #expect(FiscalQuarter(index: -1) == FiscalQuarter(fiscalYear: -1, quarter: 4))
    #expect(FiscalQuarter(fiscalYear: 2026, quarter: 3).index == 8_106)
  }

  @Test("quarters order chronologically")
  func ordering() throws {
    let labels = ["2027-Q1", "2026-Q4", "2026-Q1", "2025-Q4", "2026-Q2"]
    let quarters = try labels.map { try #require(FiscalQuarter(label: $0)) }
    #expect(
      quarters.sorted().map(\.label) == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q4", "2027-Q1"])
  }

  @Test("Codable uses the label")
  func codable() throws {
    let quarter = FiscalQuarter(fiscalYear: 2026, quarter: 3)
    let json = try JSONEncoder().encode([quarter])
    #expect(String(decoding: json, as: UTF8.self) == #"["2026-Q3"]"#)
    #expect(try JSONDecoder().decode([FiscalQuarter].self, from: json) == [quarter])
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([FiscalQuarter].self, from: Data(#"["2026-Q5"]"#.utf8))
    }
  }
}
