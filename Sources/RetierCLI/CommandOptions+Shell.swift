import RetierCore

extension CommandOptions {
  /// The configuration named by `--config` or found in the default places.
  func loadConfiguration(_ shell: Shell) throws(RetierError) -> LoadedConfiguration {
    try ConfigLocator.load(
      explicitPath: configPath, environment: shell.environment,
      currentDirectory: shell.currentDirectory)
  }

  /// Today: `--as-of`, or the real date.
  func today(_ shell: Shell) -> CalendarDate { asOf ?? shell.today }

  /// The quarter to work on: `--quarter`, or the latest quarter whose run date is on or before
  /// today and that is not before `first_quarter`; `nil` when nothing is due yet. (Not named
  /// `quarter`: a method of that name clashes with the `--quarter` property inside this
  /// extension.)
  func quarterToRun(_ configuration: Configuration, _ shell: Shell) -> FiscalQuarter? {
    self.quarter ?? configuration.dueQuarter(asOf: today(shell))
  }
}
