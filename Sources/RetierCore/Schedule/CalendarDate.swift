/// A day of the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// Dates in the input files (`customer_since`, `expires`) and every date the job derives (run
/// dates, effective dates) are plain calendar days, so they never shift with the machine's time
/// zone. `init?(year:month:day:)` accepts any year in ``yearRange``; only years 0000...9999 have
/// an ISO form that `init?(iso:)` reads back.
package struct CalendarDate: Sendable, Hashable {
  // Every account holds a date for the whole run, so the components are stored in 6 bytes
  // rather than three `Int`s (24); the accessors below give them back as `Int`.

  /// The calendar year.
  private let storedYear: Int32
  /// The month, 1...12.
  private let storedMonth: UInt8
  /// The day of the month, 1...31.
  private let storedDay: UInt8

  /// The years a date can have: those of an `Int32`, about two billion years either side of
  /// year 0, far beyond any date of the job.
  static let yearRange = Int(Int32.min)...Int(Int32.max)

  /// The calendar year; 2026 is 2026 CE (year 0 is 1 BCE).
  package var year: Int { Int(storedYear) }

  /// The month of the year, 1...12.
  package var month: Int { Int(storedMonth) }

  /// The day of the month, 1...28, 29, 30 or 31 as the month allows.
  package var day: Int { Int(storedDay) }

  /// Creates the date, or returns nil when `year` is not in ``yearRange``, `month` is not
  /// 1...12 or `day` is not a day of that month (February has 29 days in leap years).
  package init?(year: Int, month: Int, day: Int) {
    guard Self.yearRange.contains(year), (1...12).contains(month), day >= 1,
      day <= Self.daysInMonth(year: year, month: month)
    else { return nil }
    self.init(validYear: year, month: month, day: day)
  }

  /// Creates the date `daysSinceEpoch` days after 1970-01-01 (negative: before it). The date's
  /// year must be in ``yearRange`` (within about 784 billion days of 1970); traps otherwise.
  package init(daysSinceEpoch: Int) {
    // civil_from_days (H. Hinnant): years are counted from March so that the leap day is the
    // last day of the counting year, and 400-year eras repeat exactly (146_097 days).
    let shifted = daysSinceEpoch + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra =
      (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let marchBasedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * marchBasedMonth + 2) / 5 + 1
    let month = marchBasedMonth < 10 ? marchBasedMonth + 3 : marchBasedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    precondition(
      Self.yearRange.contains(year),
      "day \(daysSinceEpoch) since 1970 is outside the years a date holds")
    self.init(validYear: year, month: month, day: day)
  }

  /// Stores already validated components.
  private init(validYear: Int, month: Int, day: Int) {
    storedYear = Int32(validYear)
    storedMonth = UInt8(month)
    storedDay = UInt8(day)
  }

  /// The number of days from 1970-01-01 to this date: 1970-01-01 is 0, 1969-12-31 is -1.
  package var daysSinceEpoch: Int {
    // days_from_civil (H. Hinnant), the inverse of `init(daysSinceEpoch:)`.
    let marchBasedYear = month <= 2 ? year - 1 : year
    let era = (marchBasedYear >= 0 ? marchBasedYear : marchBasedYear - 399) / 400
    let yearOfEra = marchBasedYear - era * 400
    let marchBasedMonth = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * marchBasedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date `days` days later (earlier when `days` is negative); the result's year must be in
  /// ``yearRange``.
  package func adding(days: Int) -> CalendarDate {
    CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
  }

  /// The day of the week.
  package var weekday: Weekday {
    // 1970-01-01 was a Thursday (ISO day 4).
    let mondayBased = ((daysSinceEpoch + 3) % 7 + 7) % 7
    return Weekday(rawValue: mondayBased + 1)!
  }

  /// Whether the date is a Saturday or a Sunday.
  var isWeekend: Bool {
    weekday.isWeekend
  }

  /// Whether `year` has a February 29th: divisible by 4, except centuries not divisible by 400.
  static func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days of `month` (1...12) in `year`.
  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

extension CalendarDate: Comparable {
  /// Orders dates chronologically.
  package static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}
