import Glibc
import RetierCore

/// The one place the shell reads the wall clock: today's date in the machine's time zone, the
/// day the systemd timer fires. Everything below takes the date as a value.
enum SystemClock {
  /// Today's local calendar date.
  static func today() -> CalendarDate {
    var seconds = time(nil)
    var parts = tm()
    localtime_r(&seconds, &parts)
    // localtime_r always yields a real date.
    return CalendarDate(
      year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
  }
}
