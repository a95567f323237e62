import Testing

@testable import RetierCore

@Suite("FiscalCalendar")
struct FiscalCalendarTests {
  /// A holiday list with days inside run windows (Jan 1, May 1, Jul 4, Nov 11, 2026-04-06,
  /// 2026-10-12), some of them on weekends, and days outside them (Dec 25).
  private static let holidays: Set<CalendarDate> = {
    var days: Set<CalendarDate> = [
      FiscalCalendarTests.date("2026-04-06"), FiscalCalendarTests.date("2026-10-12"),
    ]
    for year in 2023...2030 {
      for (month, day) in [(1, 1), (5, 1), (7, 4), (11, 11), (12, 25)] {
        days.insert(CalendarDate(year: year, month: month, day: day)!)
      }
    }
    return days
  }()

  /// Calendar-year fiscal calendar without holidays.
  private static let plain = FiscalCalendar(fiscalYearStartMonth: 1, holidays: [])

  /// The date of an ISO literal that the test itself spells out.
  private static func date(_ text: String) -> CalendarDate {
    CalendarDate(iso: text)!
  }

  /// The quarter of a label literal that the test itself spells out.
  private static func quarter(_ label: String) -> FiscalQuarter {
    FiscalQuarter(label: label)!
  }

  @Test("SPEC §7 example: 2026-Q3 runs on 2026-10-14")
  func specExample() {
    #expect(Self.plain.runDate(of: Self.quarter("2026-Q3")) == Self.date("2026-10-14"))
  }

  @Test("a holiday inside the run window moves the run by a business day")
  func holidayMovesRun() {
    let calendar = FiscalCalendar(fiscalYearStartMonth: 1, holidays: [Self.date("2026-10-12")])
    #expect(calendar.runDate(of: Self.quarter("2026-Q3")) == Self.date("2026-10-15"))
  }

  @Test("holidays on weekends and outside the window change nothing")
  func irrelevantHolidays() {
    let holidays: Set<CalendarDate> = [
      Self.date("2026-10-10"), Self.date("2026-10-11"), Self.date("2026-10-15"),
      Self.date("2026-09-30"),
    ]
    let calendar = FiscalCalendar(fiscalYearStartMonth: 1, holidays: holidays)
    #expect(calendar.runDate(of: Self.quarter("2026-Q3")) == Self.date("2026-10-14"))
  }

  @Test(
    "the business-day count is configurable", arguments: [(1, "2026-10-01"), (5, "2026-10-07")])
  func businessDayCount(businessDays: Int, expected: String) {
    let calendar = FiscalCalendar(
      fiscalYearStartMonth: 1, holidays: [], businessDaysAfterQuarterEnd: businessDays)
    #expect(calendar.runDate(of: Self.quarter("2026-Q3")) == Self.date(expected))
  }

  @Test(
    "run dates without holidays, FY2026 (reference: Python)",
    arguments: [
      (1, ["2026-04-14", "2026-07-14", "2026-10-14", "2027-01-14"]),
      (2, ["2025-05-14", "2025-08-14", "2025-11-14", "2026-02-13"]),
      (4, ["2025-07-14", "2025-10-14", "2026-01-14", "2026-04-14"]),
      (7, ["2025-10-14", "2026-01-14", "2026-04-14", "2026-07-14"]),
      (10, ["2026-01-14", "2026-04-14", "2026-07-14", "2026-10-14"]),
    ])
  func runDatesWithoutHolidays(startMonth: Int, expected: [String]) {
    let calendar = FiscalCalendar(fiscalYearStartMonth: startMonth, holidays: [])
    let runs = (1...4).map {
      calendar.runDate(of: FiscalQuarter(fiscalYear: 2026, quarter: $0)).description
    }
    #expect(runs == expected)
  }

  @Test(
    "run dates with holidays, FY2024-FY2028 (reference: Python)",
    arguments: [
      ("2024-Q1", 1, "2024-04-12"), ("2024-Q2", 1, "2024-07-15"),
      ("2024-Q3", 1, "2024-10-14"), ("2024-Q4", 1, "2025-01-15"),
      ("2025-Q1", 1, "2025-04-14"), ("2025-Q2", 1, "2025-07-15"),
      ("2025-Q3", 1, "2025-10-14"), ("2025-Q4", 1, "2026-01-15"),
      ("2026-Q1", 1, "2026-04-15"), ("2026-Q2", 1, "2026-07-14"),
      ("2026-Q3", 1, "2026-10-15"), ("2026-Q4", 1, "2027-01-15"),
      ("2027-Q1", 1, "2027-04-14"), ("2027-Q2", 1, "2027-07-14"),
      ("2027-Q3", 1, "2027-10-14"), ("2027-Q4", 1, "2028-01-14"),
      ("2028-Q1", 1, "2028-04-14"), ("2028-Q2", 1, "2028-07-17"),
      ("2028-Q3", 1, "2028-10-13"), ("2028-Q4", 1, "2029-01-15"),
      ("2024-Q1", 2, "2023-05-15"), ("2024-Q2", 2, "2023-08-14"),
      ("2024-Q3", 2, "2023-11-14"), ("2024-Q4", 2, "2024-02-14"),
      ("2025-Q1", 2, "2024-05-15"), ("2025-Q2", 2, "2024-08-14"),
      ("2025-Q3", 2, "2024-11-15"), ("2025-Q4", 2, "2025-02-14"),
      ("2026-Q1", 2, "2025-05-15"), ("2026-Q2", 2, "2025-08-14"),
      ("2026-Q3", 2, "2025-11-17"), ("2026-Q4", 2, "2026-02-13"),
      ("2027-Q1", 2, "2026-05-15"), ("2027-Q2", 2, "2026-08-14"),
      ("2027-Q3", 2, "2026-11-16"), ("2027-Q4", 2, "2027-02-12"),
      ("2028-Q1", 2, "2027-05-14"), ("2028-Q2", 2, "2027-08-13"),
      ("2028-Q3", 2, "2027-11-15"), ("2028-Q4", 2, "2028-02-14"),
      ("2024-Q1", 4, "2023-07-17"), ("2024-Q2", 4, "2023-10-13"),
      ("2024-Q3", 4, "2024-01-15"), ("2024-Q4", 4, "2024-04-12"),
      ("2025-Q1", 4, "2024-07-15"), ("2025-Q2", 4, "2024-10-14"),
      ("2025-Q3", 4, "2025-01-15"), ("2025-Q4", 4, "2025-04-14"),
      ("2026-Q1", 4, "2025-07-15"), ("2026-Q2", 4, "2025-10-14"),
      ("2026-Q3", 4, "2026-01-15"), ("2026-Q4", 4, "2026-04-15"),
      ("2027-Q1", 4, "2026-07-14"), ("2027-Q2", 4, "2026-10-15"),
      ("2027-Q3", 4, "2027-01-15"), ("2027-Q4", 4, "2027-04-14"),
      ("2028-Q1", 4, "2027-07-14"), ("2028-Q2", 4, "2027-10-14"),
      ("2028-Q3", 4, "2028-01-14"), ("2028-Q4", 4, "2028-04-14"),
      ("2024-Q1", 7, "2023-10-13"), ("2024-Q2", 7, "2024-01-15"),
      ("2024-Q3", 7, "2024-04-12"), ("2024-Q4", 7, "2024-07-15"),
      ("2025-Q1", 7, "2024-10-14"), ("2025-Q2", 7, "2025-01-15"),
      ("2025-Q3", 7, "2025-04-14"), ("2025-Q4", 7, "2025-07-15"),
      ("2026-Q1", 7, "2025-10-14"), ("2026-Q2", 7, "2026-01-15"),
      ("2026-Q3", 7, "2026-04-15"), ("2026-Q4", 7, "2026-07-14"),
      ("2027-Q1", 7, "2026-10-15"), ("2027-Q2", 7, "2027-01-15"),
      ("2027-Q3", 7, "2027-04-14"), ("2027-Q4", 7, "2027-07-14"),
      ("2028-Q1", 7, "2027-10-14"), ("2028-Q2", 7, "2028-01-14"),
      ("2028-Q3", 7, "2028-04-14"), ("2028-Q4", 7, "2028-07-17"),
      ("2024-Q1", 10, "2024-01-15"), ("2024-Q2", 10, "2024-04-12"),
      ("2024-Q3", 10, "2024-07-15"), ("2024-Q4", 10, "2024-10-14"),
      ("2025-Q1", 10, "2025-01-15"), ("2025-Q2", 10, "2025-04-14"),
      ("2025-Q3", 10, "2025-07-15"), ("2025-Q4", 10, "2025-10-14"),
      ("2026-Q1", 10, "2026-01-15"), ("2026-Q2", 10, "2026-04-15"),
      ("2026-Q3", 10, "2026-07-14"), ("2026-Q4", 10, "2026-10-15"),
      ("2027-Q1", 10, "2027-01-15"), ("2027-Q2", 10, "2027-04-14"),
      ("2027-Q3", 10, "2027-07-14"), ("2027-Q4", 10, "2027-10-14"),
      ("2028-Q1", 10, "2028-01-14"), ("2028-Q2", 10, "2028-04-14"),
      ("2028-Q3", 10, "2028-07-17"), ("2028-Q4", 10, "2028-10-13"),
    ])
  func runDateTable(label: String, startMonth: Int, expected: String) {
    let calendar = FiscalCalendar(fiscalYearStartMonth: startMonth, holidays: Self.holidays)
    #expect(calendar.runDate(of: Self.quarter(label)).description == expected)
  }

  @Test(
    "FY2027 quarter bounds per start month (reference: Python)",
    arguments: [
      (
        1,
        [
          "2027-01-01", "2027-03-31", "2027-04-01", "2027-06-30",
          "2027-07-01", "2027-09-30", "2027-10-01", "2027-12-31",
        ]
      ),
      (
        2,
        [
          "2026-02-01", "2026-04-30", "2026-05-01", "2026-07-31",
          "2026-08-01", "2026-10-31", "2026-11-01", "2027-01-31",
        ]
      ),
      (
        4,
        [
          "2026-04-01", "2026-06-30", "2026-07-01", "2026-09-30",
          "2026-10-01", "2026-12-31", "2027-01-01", "2027-03-31",
        ]
      ),
      (
        7,
        [
          "2026-07-01", "2026-09-30", "2026-10-01", "2026-12-31",
          "2027-01-01", "2027-03-31", "2027-04-01", "2027-06-30",
        ]
      ),
      (
        10,
        [
          "2026-10-01", "2026-12-31", "2027-01-01", "2027-03-31",
          "2027-04-01", "2027-06-30", "2027-07-01", "2027-09-30",
        ]
      ),
    ])
  func quarterBounds(startMonth: Int, expected: [String]) {
    let calendar = FiscalCalendar(fiscalYearStartMonth: startMonth, holidays: [])
    let bounds = (1...4).flatMap { number -> [String] in
      let quarter = FiscalQuarter(fiscalYear: 2027, quarter: number)
      return [
        calendar.firstDay(of: quarter).description, calendar.lastDay(of: quarter).description,
      ]
    }
    #expect(bounds == expected)
  }

  @Test(
    "the quarter label of 2026-03-15 per start month",
    arguments: [
      (1, "2026-Q1"), (2, "2027-Q1"), (3, "2027-Q1"), (4, "2026-Q4"), (7, "2026-Q3"),
      (10, "2026-Q2"), (12, "2026-Q2"),
    ])
  func quarterLabel(startMonth: Int, expected: String) {
    let calendar = FiscalCalendar(fiscalYearStartMonth: startMonth, holidays: [])
    #expect(calendar.quarter(containing: Self.date("2026-03-15")).label == expected)
  }

  @Test("start month 2: February 2026 to January 2027 is FY2027")
  func fiscalYearNamedByEndYear() {
    let calendar = FiscalCalendar(fiscalYearStartMonth: 2, holidays: [])
    #expect(calendar.quarter(containing: Self.date("2026-01-31")).label == "2026-Q4")
    #expect(calendar.quarter(containing: Self.date("2026-02-01")).label == "2027-Q1")
    #expect(calendar.quarter(containing: Self.date("2027-01-31")).label == "2027-Q4")
    #expect(calendar.quarter(containing: Self.date("2027-02-01")).label == "2028-Q1")
  }

  @Test("every day 2020-2031 lies inside its quarter's bounds", arguments: 1...12)
  func quartersTileTheCalendar(startMonth: Int) {
    let calendar = FiscalCalendar(fiscalYearStartMonth: startMonth, holidays: [])
    let start = Self.date("2020-01-01")
    var wrong: [String] = []
    var previous = calendar.quarter(containing: start)
    for offset in 0..<(12 * 366) {
      let day = start.adding(days: offset)
      let quarter = calendar.quarter(containing: day)
      if calendar.firstDay(of: quarter) > day || calendar.lastDay(of: quarter) < day
        || (quarter != previous && quarter != previous.next())
      {
        wrong.append(day.description)
      }
      previous = quarter
    }
    #expect(wrong.isEmpty)
  }

  @Test("business days are Monday to Friday minus holidays")
  func businessDays() {
    let calendar = FiscalCalendar(
      fiscalYearStartMonth: 1, holidays: [Self.date("2026-10-12"), Self.date("2026-10-10")])
    #expect(calendar.isBusinessDay(Self.date("2026-10-09")))  // Friday
    #expect(!calendar.isBusinessDay(Self.date("2026-10-10")))  // Saturday, also a holiday
    #expect(!calendar.isBusinessDay(Self.date("2026-10-11")))  // Sunday
    #expect(!calendar.isBusinessDay(Self.date("2026-10-12")))  // Monday, a holiday
    #expect(calendar.isBusinessDay(Self.date("2026-10-13")))  // Tuesday
  }

  @Test(
    "latest due quarter the day before, of and after a run date",
    arguments: [
      ("2026-10-13", "2026-Q2"), ("2026-10-14", "2026-Q3"), ("2026-10-15", "2026-Q3"),
      ("2027-01-13", "2026-Q3"), ("2027-01-14", "2026-Q4"), ("2027-01-15", "2026-Q4"),
      ("2026-12-31", "2026-Q3"), ("2027-01-01", "2026-Q3"), ("2026-10-01", "2026-Q2"),
    ])
  func latestDueQuarter(today: String, expected: String) {
    #expect(Self.plain.latestDueQuarter(asOf: Self.date(today)).label == expected)
  }

  @Test(
    "latest due quarter when holidays push the run",
    arguments: [
      ("2026-10-14", "2026-Q2"), ("2026-10-15", "2026-Q3"), ("2027-01-14", "2026-Q3"),
      ("2027-01-15", "2026-Q4"),
    ])
  func latestDueQuarterWithHolidays(today: String, expected: String) {
    let calendar = FiscalCalendar(fiscalYearStartMonth: 1, holidays: Self.holidays)
    #expect(calendar.latestDueQuarter(asOf: Self.date(today)).label == expected)
  }

  @Test(
    "latest due quarter equals a brute-force search on every day 2024-2028",
    arguments: [(1, 10), (2, 10), (4, 10), (7, 10), (10, 10), (1, 1), (1, 70), (7, 130)])
  func latestDueQuarterBruteForce(startMonth: Int, businessDays: Int) {
    let calendar = FiscalCalendar(
      fiscalYearStartMonth: startMonth, holidays: Self.holidays,
      businessDaysAfterQuarterEnd: businessDays)
    let firstIndex = FiscalQuarter(fiscalYear: 2021, quarter: 1).index
    let runs = (firstIndex..<firstIndex + 40).map { index in
      let quarter = FiscalQuarter(index: index)
      return (quarter: quarter, runDate: calendar.runDate(of: quarter))
    }
    let start = Self.date("2024-01-01")
    var wrong: [String] = []
    for offset in 0..<(5 * 366) {
      let today = start.adding(days: offset)
      let expected = runs.last { $0.runDate <= today }?.quarter
      if calendar.latestDueQuarter(asOf: today) != expected {
        wrong.append(today.description)
      }
    }
    #expect(wrong.isEmpty)
  }

  @Test("upcoming runs include a run that falls today")
  func upcomingRunsIncludeToday() {
    let runs = Self.plain.upcomingRuns(after: Self.date("2026-10-14"), count: 3)
    #expect(runs.map(\.quarter.label) == ["2026-Q3", "2026-Q4", "2027-Q1"])
    #expect(runs.map(\.runDate.description) == ["2026-10-14", "2027-01-14", "2027-04-14"])
  }

  @Test("upcoming runs after a run day start with the next quarter")
  func upcomingRunsAfterRunDay() {
    let runs = Self.plain.upcomingRuns(after: Self.date("2026-10-15"), count: 2)
    #expect(runs.map(\.quarter.label) == ["2026-Q4", "2027-Q1"])
  }

  @Test("upcoming runs include a quarter that has ended but not yet run")
  func upcomingRunsInsideWindow() {
    let calendar = FiscalCalendar(fiscalYearStartMonth: 1, holidays: Self.holidays)
    let runs = calendar.upcomingRuns(after: Self.date("2026-10-14"), count: 5)
    #expect(runs.map(\.quarter.label) == ["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3"])
    #expect(
      runs.map(\.runDate.description) == [
        "2026-10-15", "2027-01-15", "2027-04-14", "2027-07-14", "2027-10-14",
      ])
  }

  @Test("no upcoming runs are asked for", arguments: [0, -3])
  func upcomingRunsEmpty(count: Int) {
    #expect(Self.plain.upcomingRuns(after: Self.date("2026-10-14"), count: count).isEmpty)
  }

  @Test(
    "quarters starting on or after customer_since, through 2026-Q3 (calendar fiscal year)",
    arguments: [
      ("2026-07-01", 1),  // first day of the run's quarter
      ("2026-07-02", 0),  // the day after it
      ("2026-06-30", 1),  // last day of the quarter before
      ("2026-04-01", 2),  // first day of the quarter before
      ("2026-04-02", 1),
      ("2026-01-01", 3),
      ("2000-01-01", 107),  // far past: 26 years of 4 quarters, plus 3
      ("1999-12-31", 107),
      ("2026-10-01", 0),  // first day of the next quarter
      ("2027-05-20", 0),  // future
    ])
  func quartersStarting(customerSince: String, expected: Int) {
    let count = Self.plain.quartersStarting(
      onOrAfter: Self.date(customerSince), through: Self.quarter("2026-Q3"))
    #expect(count == expected)
  }

  @Test(
    "quarters starting with a February fiscal year, through 2027-Q3 (August - October 2026)",
    arguments: [
      ("2026-08-01", 1), ("2026-08-02", 0), ("2026-05-01", 2), ("2026-02-01", 3),
      ("2026-01-31", 3), ("2026-01-01", 3), ("2026-11-01", 0),
    ])
  func quartersStartingShiftedYear(customerSince: String, expected: Int) {
    let calendar = FiscalCalendar(fiscalYearStartMonth: 2, holidays: [])
    let count = calendar.quartersStarting(
      onOrAfter: Self.date(customerSince), through: Self.quarter("2027-Q3"))
    #expect(count == expected)
  }

  @Test("quarters starting equals counting quarter first days", arguments: 1...12)
  func quartersStartingBruteForce(startMonth: Int) {
    let calendar = FiscalCalendar(fiscalYearStartMonth: startMonth, holidays: [])
    let firstIndex = FiscalQuarter(fiscalYear: 2023, quarter: 1).index
    let firstDays = (firstIndex..<firstIndex + 16).map {
      calendar.firstDay(of: FiscalQuarter(index: $0))
    }
    let start = Self.date("2023-01-01")
    var wrong: [String] = []
    for offset in 0..<(4 * 366) {
      let since = start.adding(days: offset)
      for throughOffset in 8..<16 {
        let through = FiscalQuarter(index: firstIndex + throughOffset)
        let expected = firstDays[0...throughOffset].filter { $0 >= since }.count
        if calendar.quartersStarting(onOrAfter: since, through: through) != expected {
          wrong.append("\(since) through \(through)")
        }
      }
    }
    #expect(wrong.isEmpty)
  }
}
