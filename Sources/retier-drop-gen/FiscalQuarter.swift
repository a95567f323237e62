/// A calendar-aligned quarter such as `2026-Q3` (fiscal year starting in January, the default
/// calendar of the drops this tool generates).
struct FiscalQuarter: CustomStringConvertible {
  /// The year the quarter belongs to.
  let year: Int
  /// The quarter number, 1...4.
  let number: Int

  /// Parses `YYYY-Qn`.
  init(parsing text: String) throws(DropGenError) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]),
      parts[1].count == 2, parts[1].first == "Q",
      let number = Int(parts[1].dropFirst()), (1...4).contains(number)
    else {
      throw .invalidValue(option: "--quarter", value: text, expected: "YYYY-Qn, e.g. 2026-Q3")
    }
    self.year = year
    self.number = number
  }

  private init(year: Int, number: Int) {
    self.year = year
    self.number = number
  }

  /// The quarter label, e.g. `2026-Q3`.
  var description: String { "\(year)-Q\(number)" }

  /// The first day of the quarter.
  var firstDay: CivilDate { CivilDate(year: year, month: 3 * number - 2, day: 1) }

  /// The last day of the quarter.
  var lastDay: CivilDate { next.firstDay.adding(days: -1) }

  /// The quarter before this one.
  var previous: FiscalQuarter {
    number == 1
      ? FiscalQuarter(year: year - 1, number: 4) : FiscalQuarter(year: year, number: number - 1)
  }

  /// The quarter after this one.
  var next: FiscalQuarter {
    number == 4
      ? FiscalQuarter(year: year + 1, number: 1) : FiscalQuarter(year: year, number: number + 1)
  }

  /// The run date: the 10th business day (Monday to Friday, no holidays) after the last day,
  /// e.g. 2026-10-14 for 2026-Q3. Override expiry dates in a drop are set relative to it.
  var runDate: CivilDate {
    var date = lastDay
    var businessDays = 0
    while businessDays < 10 {
      date = date.adding(days: 1)
      if !date.isWeekend {
        businessDays += 1
      }
    }
    return date
  }
}
