/// The fiscal calendar and the run schedule of SPEC §7.
///
/// A fiscal year starts on the 1st of `fiscalYearStartMonth`, lasts twelve months and is named by
/// the calendar year in which it ends: with start month 2, February 2026 – January 2027 is FY2027
/// and its first quarter (February – April 2026) is "2027-Q1". With start month 1 the fiscal year
/// is the calendar year.
///
/// A quarter's run date is the Nth business day (Monday – Friday, not a configured holiday) after
/// the quarter's last day, N = `businessDaysAfterQuarterEnd` (default 10): 2026-Q3 with start
/// month 1 runs on 2026-10-14.
package struct FiscalCalendar: Sendable {
  /// The calendar month, 1...12, in which every fiscal year starts.
  let fiscalYearStartMonth: Int

  /// Days that are not business days even when they fall on Monday – Friday.
  let holidays: Set<CalendarDate>

  /// The number of business days between a quarter's end and its run (N above), at least 1.
  let businessDaysAfterQuarterEnd: Int

  /// The running month count (`year × 12 + month − 1`) of a quarter's first month minus
  /// `3 × quarter.index`: 0 for start month 1; otherwise negative, because such a fiscal year
  /// starts in the calendar year before the one that names it.
  private let monthOffset: Int

  /// Creates the calendar. `fiscalYearStartMonth` must be 1...12 and
  /// `businessDaysAfterQuarterEnd` at least 1 (configuration validates both before this point).
  package init(
    fiscalYearStartMonth: Int, holidays: Set<CalendarDate>, businessDaysAfterQuarterEnd: Int = 10
  ) {
    precondition(
      (1...12).contains(fiscalYearStartMonth),
      "fiscal year start month must be 1...12, got \(fiscalYearStartMonth)")
    precondition(
      businessDaysAfterQuarterEnd >= 1,
      "business days after quarter end must be at least 1, got \(businessDaysAfterQuarterEnd)")
    self.fiscalYearStartMonth = fiscalYearStartMonth
    self.holidays = holidays
    self.businessDaysAfterQuarterEnd = businessDaysAfterQuarterEnd
    self.monthOffset = fiscalYearStartMonth == 1 ? 0 : fiscalYearStartMonth - 13
  }

  /// The first day of quarter `q`.
  package func firstDay(of q: FiscalQuarter) -> CalendarDate {
    let runningMonth = q.index * 3 + monthOffset
    let year = Self.floorDivide(runningMonth, 12)
    return CalendarDate(year: year, month: runningMonth - year * 12 + 1, day: 1)!
  }

  /// The last day of quarter `q`: the day before the next quarter's first day.
  package func lastDay(of q: FiscalQuarter) -> CalendarDate {
    firstDay(of: q.next()).adding(days: -1)
  }

  /// The fiscal quarter that contains `date`.
  func quarter(containing date: CalendarDate) -> FiscalQuarter {
    FiscalQuarter(index: Self.floorDivide(alignedMonth(of: date), 3))
  }

  /// Whether `d` is a business day: Monday – Friday and not a holiday.
  func isBusinessDay(_ d: CalendarDate) -> Bool {
    !d.isWeekend && !holidays.contains(d)
  }

  /// The run date of quarter `q`: the Nth business day after `lastDay(of: q)`.
  package func runDate(of q: FiscalQuarter) -> CalendarDate {
    var date = lastDay(of: q)
    var businessDaysSeen = 0
    // Ends because the holiday set is finite; about two weeks of steps in practice.
    while businessDaysSeen < businessDaysAfterQuarterEnd {
      date = date.adding(days: 1)
      if isBusinessDay(date) {
        businessDaysSeen += 1
      }
    }
    return date
  }

  /// The latest quarter whose run date is on or before `today`: the quarter a run without
  /// `--quarter` processes.
  package func latestDueQuarter(asOf today: CalendarDate) -> FiscalQuarter {
    // Run dates lie after their quarter and increase with it, so walk back from the quarter
    // before today's; one or two steps unless N is more than a quarter of business days.
    var candidate = quarter(containing: today).previous()
    while runDate(of: candidate) > today {
      candidate = candidate.previous()
    }
    return candidate
  }

  /// The next `count` runs in date order, starting with the first run on or after `today`: a
  /// quarter whose run date is `today` is included, because that run is still to happen (or is
  /// happening) today. Returns an empty list when `count` is not positive.
  package func upcomingRuns(
    after today: CalendarDate, count: Int
  ) -> [(quarter: FiscalQuarter, runDate: CalendarDate)] {
    guard count > 0 else { return [] }
    // The first quarter not yet due yesterday is the first whose run date is today or later.
    var quarter = latestDueQuarter(asOf: today.adding(days: -1)).next()
    var runs: [(quarter: FiscalQuarter, runDate: CalendarDate)] = []
    runs.reserveCapacity(count)
    for _ in 0..<count {
      runs.append((quarter: quarter, runDate: runDate(of: quarter)))
      quarter = quarter.next()
    }
    return runs
  }

  /// Number of fiscal quarters q <= `quarter` whose first day is on or after `date` (new-logo rule
  /// of SPEC §4): 1 when `date` is the first day of `quarter` itself, 0 when `date` is later than
  /// that first day. Constant time: it is evaluated once per account.
  package func quartersStarting(onOrAfter date: CalendarDate, through quarter: FiscalQuarter) -> Int
  {
    let month = alignedMonth(of: date)
    let containingIndex = Self.floorDivide(month, 3)
    let isQuarterFirstDay = date.day == 1 && month == containingIndex * 3
    let firstCountedIndex = isQuarterFirstDay ? containingIndex : containingIndex + 1
    return max(0, quarter.index - firstCountedIndex + 1)
  }

  /// The running month count of `date` (`year × 12 + month − 1`) minus `monthOffset`, so that
  /// dividing it by 3 (rounding down) gives the index of the fiscal quarter containing `date`.
  private func alignedMonth(of date: CalendarDate) -> Int {
    date.year * 12 + date.month - 1 - monthOffset
  }

  /// `dividend / divisor` rounded toward minus infinity (`divisor` > 0).
  private static func floorDivide(_ dividend: Int, _ divisor: Int) -> Int {
    let quotient = dividend / divisor
    return dividend % divisor < 0 ? quotient - 1 : quotient
  }
}
