import Testing

@testable import RetierCore

/// `Usage` keeps its four optional counts in 64-bit words; every value the parsers accept, and
/// every other `Int` but `Int.min`, reads back exactly.
@Suite("Usage")
struct UsageTests {
  /// The largest `licensed_seats`, `active_users` or `active_users_prev_quarter` accepted.
  static let largestCount = 999_999_999_999_999
  /// The largest `support_hours` accepted, in hundredths (999999999999999.99 hours).
  static let largestHundredths = 99_999_999_999_999_999

  @Test(
    "each field reads back what it was given, nil included",
    arguments: [nil, 0, 1, largestCount, largestHundredths, Int.max, -1, Int.min + 1] as [Int?])
  func roundTrip(value: Int?) {
    let usage = Usage(
      licensedSeats: value, activeUsers: value, activeUsersPreviousQuarter: value,
      supportHundredths: value)
    #expect(usage.licensedSeats == value)
    #expect(usage.activeUsers == value)
    #expect(usage.activeUsersPreviousQuarter == value)
    #expect(usage.supportHundredths == value)
    #expect((usage == .unknown) == (value == nil))
  }

  @Test("setting one field leaves the others alone, and nil makes it unknown again")
  func setters() {
    var usage = Usage(licensedSeats: 10, activeUsers: 8, supportHundredths: 175)
    usage.activeUsersPreviousQuarter = Self.largestCount
    usage.licensedSeats = nil
    #expect(usage.licensedSeats == nil)
    #expect(usage.activeUsers == 8)
    #expect(usage.activeUsersPreviousQuarter == Self.largestCount)
    #expect(usage.supportHundredths == 175)
    usage.activeUsers = nil
    usage.activeUsersPreviousQuarter = nil
    usage.supportHundredths = nil
    #expect(usage == .unknown)
    #expect(usage.hashValue == Usage.unknown.hashValue)
  }

  @Test("the largest values usage.csv accepts load exactly")
  func largestParsedValues() throws {
    let csv =
      "account_id,licensed_seats,active_users,active_users_prev_quarter,support_hours\n"
      + "A,999999999999999,0,999999999999999,999999999999999.99\nB,,,,0\n"
    let rows = try DropLoader.loadUsage(Array(csv.utf8)).rows
    #expect(rows.count == 2)
    #expect(rows[0].problems.isEmpty)
    #expect(
      rows[0].usage
        == Usage(
          licensedSeats: Self.largestCount, activeUsers: 0,
          activeUsersPreviousQuarter: Self.largestCount,
          supportHundredths: Self.largestHundredths))
    #expect(rows[1].usage == Usage(supportHundredths: 0))
  }

  @Test("Int.min, the stored form of unknown, stops the process instead of reading back as nil")
  func intMinTraps() async {
    await #expect(processExitsWith: .failure) {
      _ = Usage(activeUsers: Int.min)
    }
  }

  @Test("the record stays small: every account holds one")
  func stride() {
    #expect(MemoryLayout<Usage>.stride <= 32)
  }
}
