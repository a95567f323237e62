/// A proleptic Gregorian calendar date, with day arithmetic done on a day number so no clock,
/// time zone or `Calendar` is involved.
struct CivilDate: Comparable, CustomStringConvertible {
  /// The year, e.g. 2026.
  let year: Int
  /// The month, 1...12.
  let month: Int
  /// The day of the month, 1...31.
  let day: Int

  /// Creates a date from its parts; the caller passes a real date.
  init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Creates the date `dayNumber` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
  init(dayNumber: Int) {
    let shifted = dayNumber + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
  var dayNumber: Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// True on Saturday and Sunday.
  var isWeekend: Bool {
    // 1970-01-01 was a Thursday: day number 2 is a Saturday, 3 a Sunday.
    let weekday = ((dayNumber % 7) + 7) % 7
    return weekday == 2 || weekday == 3
  }

  /// The date `count` days later (earlier when negative).
  func adding(days count: Int) -> CivilDate {
    CivilDate(dayNumber: dayNumber + count)
  }

  /// `YYYY-MM-DD`.
  var description: String {
    let monthText = month < 10 ? "0\(month)" : "\(month)"
    let dayText = day < 10 ? "0\(day)" : "\(day)"
    return "\(year)-\(monthText)-\(dayText)"
  }

  /// Orders dates in time.
  static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}
