import Testing

@testable import RetierCore

/// The compact stores of ARR lines and usage rows give back exactly what was appended.
@Suite("Row storage")
struct RowStorageTests {
  @Test("ARR lines read back with their amount, missing amount or problem")
  func arrLinesRoundTrip() {
    let written = [
      ARRLine(line: 2, accountID: "A", arr: Money(cents: 1_250), problem: nil),
      ARRLine(line: 3, accountID: "", arr: nil, problem: "arr is missing"),
      ARRLine(line: 5, accountID: "B", arr: Money(cents: -99_999_999_999_999_999), problem: nil),
      ARRLine(line: 6, accountID: "C", arr: Money(cents: Int128(Int64.min)), problem: nil),
      ARRLine(line: 7, accountID: "D", arr: Money(cents: Int128(Int64.max) * 4), problem: nil),
      ARRLine(line: 8, accountID: "E", arr: .zero, problem: "row has 3 fields"),
    ]
    var lines = ARRLines()
    lines.reserveCapacity(written.count)
    for line in written { lines.append(line) }
    #expect(lines.count == written.count)
    #expect(lines.indices.map { lines.accountID(at: $0) } == written.map(\.accountID))
    for (stored, original) in zip(lines, written) {
      #expect(stored.line == original.line)
      #expect(stored.accountID == original.accountID)
      #expect(stored.arr == original.arr)
      #expect(stored.problem == original.problem)
    }
  }

  @Test("usage rows read back with unknown values and problems")
  func usageRowsRoundTrip() {
    let written = [
      UsageRow(
        line: 2, accountID: "A",
        usage: Usage(
          licensedSeats: 0, activeUsers: 5, activeUsersPreviousQuarter: nil, supportHundredths: 175),
        problems: []),
      UsageRow(line: 3, accountID: "B", usage: .unknown, problems: ["a", "b"]),
      UsageRow(
        line: 9, accountID: "C",
        usage: Usage(
          licensedSeats: 999_999_999_999_999, activeUsers: nil, activeUsersPreviousQuarter: 1,
          supportHundredths: nil),
        problems: []),
    ]
    var rows = UsageRows()
    for row in written { rows.append(row) }
    #expect(rows.count == written.count)
    #expect(rows.indices.map { rows.accountID(at: $0) } == written.map(\.accountID))
    for (stored, original) in zip(rows, written) {
      #expect(stored.line == original.line)
      #expect(stored.accountID == original.accountID)
      #expect(stored.usage == original.usage)
      #expect(stored.problems == original.problems)
    }
  }
}
