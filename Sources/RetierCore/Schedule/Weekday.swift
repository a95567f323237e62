/// A day of the week, numbered as in ISO 8601: Monday is 1, Sunday is 7.
package enum Weekday: Int, Sendable, CaseIterable, CustomStringConvertible {
  /// Monday, ISO day 1.
  case monday = 1
  /// Tuesday, ISO day 2.
  case tuesday = 2
  /// Wednesday, ISO day 3.
  case wednesday = 3
  /// Thursday, ISO day 4.
  case thursday = 4
  /// Friday, ISO day 5.
  case friday = 5
  /// Saturday, ISO day 6.
  case saturday = 6
  /// Sunday, ISO day 7.
  case sunday = 7

  /// Whether the day is Saturday or Sunday.
  var isWeekend: Bool {
    self == .saturday || self == .sunday
  }

  /// The English name of the day, capitalised: "Monday".
  package var description: String {
    switch self {
    case .monday: "Monday"
    case .tuesday: "Tuesday"
    case .wednesday: "Wednesday"
    case .thursday: "Thursday"
    case .friday: "Friday"
    case .saturday: "Saturday"
    case .sunday: "Sunday"
    }
  }
}
