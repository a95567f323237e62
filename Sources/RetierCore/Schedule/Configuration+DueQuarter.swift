extension Configuration {
  /// The quarter a run without `--quarter` processes as of `today`: the latest quarter whose run
  /// date is on or before `today`, unless that is before ``firstQuarter``; `nil` when nothing is
  /// due yet (a fresh install before its first quarter's run date).
  package func dueQuarter(asOf today: CalendarDate) -> FiscalQuarter? {
    let latest = calendar.latestDueQuarter(asOf: today)
    if let firstQuarter, latest < firstQuarter { return nil }
    return latest
  }

  /// The first quarter a run without `--quarter` will process after `today`, when nothing is due
  /// yet: ``firstQuarter``, or the first one whose run date is after `today`.
  package func firstRun(after today: CalendarDate) -> (
    quarter: FiscalQuarter, runDate: CalendarDate
  ) {
    let calendar = calendar
    let next = calendar.latestDueQuarter(asOf: today).next()
    let quarter = max(next, firstQuarter ?? next)
    return (quarter, calendar.runDate(of: quarter))
  }
}
