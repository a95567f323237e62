import RetierCore

/// The options the commands share; `nil` means "not given, use the default".
struct CommandOptions: Sendable, Hashable {
  /// `--config FILE`, as typed (relative to the working directory).
  var configPath: String?
  /// `--quarter YYYY-Qn`; never set for `schedule`.
  var quarter: FiscalQuarter?
  /// `--as-of YYYY-MM-DD`: the date to act as today.
  var asOf: CalendarDate?

  /// Creates options; every one defaults to "not given".
  init(configPath: String? = nil, quarter: FiscalQuarter? = nil, asOf: CalendarDate? = nil) {
    self.configPath = configPath
    self.quarter = quarter
    self.asOf = asOf
  }
}
