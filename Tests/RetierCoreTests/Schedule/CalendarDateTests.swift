import Foundation
import Testing

@testable import RetierCore

@Suite("CalendarDate")
struct CalendarDateTests {
  @Test(
    "leap years follow the Gregorian rule",
    arguments: [
      (1900, false), (2000, true), (2023, false), (2024, true), (2100, false), (2400, true),
    ])
  func leapYear(year: Int, isLeap: Bool) {
    #expect(CalendarDate.isLeapYear(year) == isLeap)
    #expect((CalendarDate(year: year, month: 2, day: 29) != nil) == isLeap)
    #expect(CalendarDate(year: year, month: 2, day: 28) != nil)
    #expect(CalendarDate(year: year, month: 2, day: 30) == nil)
  }

  @Test(
    "components that do not form a date are rejected",
    arguments: [
      (2026, 0, 1), (2026, 13, 1), (2026, 1, 0), (2026, 1, 32), (2026, 4, 31), (2026, 6, 31),
      (2026, 9, 31), (2026, 11, 31), (2026, -1, 10), (2026, 5, -3),
    ])
  func invalidComponents(year: Int, month: Int, day: Int) {
    #expect(CalendarDate(year: year, month: month, day: day) == nil)
  }

  @Test("valid components are stored as given")
  func validComponents() throws {
    let date = try #require(CalendarDate(year: 2026, month: 12, day: 31))
    #expect(date.year == 2026)
    #expect(date.month == 12)
    #expect(date.day == 31)
  }

  @Test(
    "compact components read back exactly at the ends of their ranges",
    arguments: [
      (Int(Int32.min), 1, 1), (Int(Int32.max), 12, 31), (0, 2, 29), (-1, 12, 31), (1, 1, 1),
      (9_999, 12, 31), (2_024, 2, 29), (-44, 3, 15),
    ])
  func compactComponents(year: Int, month: Int, day: Int) throws {
    let date = try #require(CalendarDate(year: year, month: month, day: day))
    #expect(date.year == year)
    #expect(date.month == month)
    #expect(date.day == day)
    #expect(CalendarDate(daysSinceEpoch: date.daysSinceEpoch) == date)
  }

  @Test(
    "years outside Int32 are rejected rather than truncated",
    arguments: [Int(Int32.max) + 1, Int(Int32.min) - 1, Int.max, Int.min])
  func yearsOutsideRange(year: Int) {
    #expect(!CalendarDate.yearRange.contains(year))
    #expect(CalendarDate(year: year, month: 1, day: 1) == nil)
  }

  @Test("the first and last day a date can hold are a whole number of days apart")
  func extremeDays() throws {
    let first = try #require(CalendarDate(year: Int(Int32.min), month: 1, day: 1))
    let last = try #require(CalendarDate(year: Int(Int32.max), month: 12, day: 31))
    #expect(first < last)
    #expect(first.adding(days: last.daysSinceEpoch - first.daysSinceEpoch) == last)
    #expect(last.adding(days: first.daysSinceEpoch - last.daysSinceEpoch) == first)
    #expect(last.adding(days: -1) == CalendarDate(year: Int(Int32.max), month: 12, day: 30))
  }

  @Test("a day past the last year a date holds stops the process instead of wrapping")
  func dayPastRangeTraps() async {
    await #expect(processExitsWith: .failure) {
      let last = CalendarDate(year: Int(Int32.max), month: 12, day: 31)!
      _ = last.adding(days: 1)
    }
  }

  @Test("the record stays small: every account holds one")
  func stride() {
    #expect(MemoryLayout<CalendarDate>.stride <= 8)
  }

  @Test(
    "strict ISO parsing accepts exactly YYYY-MM-DD",
    arguments: [
      ("2026-10-14", 2026, 10, 14), ("2024-02-29", 2024, 2, 29), ("0001-01-01", 1, 1, 1),
      ("9999-12-31", 9999, 12, 31), ("2000-02-29", 2000, 2, 29),
    ])
  func parsesISO(text: String, year: Int, month: Int, day: Int) throws {
    let date = try #require(CalendarDate(iso: text))
    #expect(date == CalendarDate(year: year, month: month, day: day))
    #expect(date.description == text)
  }

  @Test(
    "strict ISO parsing rejects everything else",
    arguments: [
      "", "2026-1-01", "2026-01-1", "2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31",
      " 2026-01-01", "2026-01-01 ", "2026-01-01\n", "20260101", "2026-13-01", "2026-00-10",
      "2026-01-00", "2026-01-32", "2026/01/01", "2026.01.01", "26-01-01", "+2026-01-01",
      "-026-01-01", "2026-+1-01", "2026-01-+1", "2026-01-1a", "2026-01-01T00:00:00",
      "2026-01-01Z", "\u{FF12}\u{FF10}\u{FF12}\u{FF16}-01-01", "2026\u{2013}01\u{2013}01",
      "01-01-2026", "2026-Jan-01",
    ])
  func rejectsMalformedISO(text: String) {
    #expect(CalendarDate(iso: text) == nil)
    #expect(CalendarDate(isoBytes: text.utf8.span) == nil)
  }

  @Test("byte parsing reads a field inside a larger buffer")
  func parsesBytesSlice() {
    let line = Array("a,2026-10-14,b".utf8)
    #expect(
      CalendarDate(isoBytes: line.span.extracting(2..<12))
        == CalendarDate(year: 2026, month: 10, day: 14))
  }

  @Test(
    "days since epoch of known dates (reference: Python datetime)",
    arguments: [
      ("1970-01-01", 0), ("1969-12-31", -1), ("1900-01-01", -25_567), ("2000-01-01", 10_957),
      ("2024-02-29", 19_782), ("2026-10-14", 20_740), ("2200-12-31", 84_370),
      ("1600-03-01", -135_080), ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ])
  func knownDaysSinceEpoch(text: String, days: Int) throws {
    let date = try #require(CalendarDate(iso: text))
    #expect(date.daysSinceEpoch == days)
    #expect(CalendarDate(daysSinceEpoch: days) == date)
  }

  @Test("every day from 1900 to 2200 round-trips and follows the previous one")
  func roundTripsEveryDay() throws {
    var expectedDays = try #require(CalendarDate(iso: "1900-01-01")).daysSinceEpoch
    var mismatches: [String] = []
    for year in 1900...2200 {
      for month in 1...12 {
        for day in 1...CalendarDate.daysInMonth(year: year, month: month) {
          let date = try #require(CalendarDate(year: year, month: month, day: day))
          if date.daysSinceEpoch != expectedDays
            || CalendarDate(daysSinceEpoch: expectedDays) != date
          {
            mismatches.append(date.description)
          }
          expectedDays += 1
        }
      }
    }
    #expect(mismatches.isEmpty)
    #expect(expectedDays - 1 == 84_370)
  }

  @Test("adding days crosses months, years and leap days")
  func addingDays() throws {
    let leapDay = try #require(CalendarDate(iso: "2024-02-29"))
    #expect(leapDay.adding(days: 1) == CalendarDate(iso: "2024-03-01"))
    #expect(leapDay.adding(days: -60) == CalendarDate(iso: "2023-12-31"))
    #expect(leapDay.adding(days: 366) == CalendarDate(iso: "2025-03-01"))
    #expect(leapDay.adding(days: 0) == leapDay)
  }

  @Test(
    "weekday of known dates",
    arguments: [
      ("1970-01-01", Weekday.thursday), ("1969-12-31", .wednesday), ("1900-01-01", .monday),
      ("2000-01-01", .saturday), ("2024-02-29", .thursday), ("2026-10-14", .wednesday),
      ("2026-10-11", .sunday), ("2026-10-12", .monday), ("0001-01-01", .monday),
      ("9999-12-31", .friday), ("1600-03-01", .wednesday),
    ])
  func weekday(text: String, weekday: Weekday) throws {
    let date = try #require(CalendarDate(iso: text))
    #expect(date.weekday == weekday)
    #expect(date.isWeekend == (weekday == .saturday || weekday == .sunday))
  }

  @Test("weekdays cycle Monday to Sunday")
  func weekdayCycle() throws {
    let monday = try #require(CalendarDate(iso: "2026-10-12"))
    let week = (0..<14).map { monday.adding(days: $0).weekday }
    #expect(week == Weekday.allCases + Weekday.allCases)
    #expect(week.filter(\.isWeekend) == [.saturday, .sunday, .saturday, .sunday])
  }

  @Test("dates order chronologically")
  func ordering() throws {
    let dates = try ["2026-10-14", "2025-12-31", "2026-01-01", "2026-10-02", "2026-09-30"].map {
      try #require(CalendarDate(iso: $0))
    }
    #expect(
      dates.sorted().map(\.description) == [
        "2025-12-31", "2026-01-01", "2026-09-30", "2026-10-02", "2026-10-14",
      ])
    #expect(dates.sorted() == dates.sorted { $0.daysSinceEpoch < $1.daysSinceEpoch })
  }

  @Test("description pads the year to four digits")
  func descriptionPadding() throws {
    #expect(try #require(CalendarDate(year: 987, month: 3, day: 4)).description == "0987-03-04")
    #expect(try #require(CalendarDate(year: 12_026, month: 1, day: 1)).description == "12026-01-01")
    #expect(try #require(CalendarDate(year: -44, month: 3, day: 15)).description == "-0044-03-15")
  }

  @Test("Codable uses the ISO string")
  func codable() throws {
    let date = try #require(CalendarDate(iso: "2026-10-14"))
    let json = try JSONEncoder().encode([date])
    #expect(String(decoding: json, as: UTF8.self) == #"["2026-10-14"]"#)
    #expect(try JSONDecoder().decode([CalendarDate].self, from: json) == [date])
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2026-02-30"]"#.utf8))
    }
  }
}
