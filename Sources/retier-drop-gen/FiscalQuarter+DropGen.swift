import RetierCore

/// The calendar of generated drops: the spec's default (fiscal year = calendar year, no
/// holidays, run on the 10th business day after quarter end), from RetierCore itself so that
/// generated dates follow exactly the rules the job applies.
extension FiscalQuarter {
  /// The default fiscal calendar.
  static let dropCalendar = FiscalCalendar(
    fiscalYearStartMonth: 1, holidays: [], businessDaysAfterQuarterEnd: 10)

  /// Parses `--quarter`.
  init(parsing text: String) throws(DropGenError) {
    guard let quarter = FiscalQuarter(label: text) else {
      throw .invalidValue(option: "--quarter", value: text, expected: "YYYY-Qn, e.g. 2026-Q3")
    }
    self = quarter
  }

  /// First day of the quarter.
  var firstDay: CalendarDate { Self.dropCalendar.firstDay(of: self) }

  /// Last day of the quarter.
  var lastDay: CalendarDate { Self.dropCalendar.lastDay(of: self) }

  /// The quarter's run date.
  var runDate: CalendarDate { Self.dropCalendar.runDate(of: self) }
}
