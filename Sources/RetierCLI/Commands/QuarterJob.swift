import RetierCore

/// The core job on a quarter's drop, as the commands share it: the drop is read, the job runs
/// in memory, and problems name the drop's real file paths.
enum QuarterJob {
  /// Decides every account of the quarter (run, validate, explain, compare); `roster`, when
  /// given, replaces the drop's `csms.csv`.
  static func decide(
    _ quarter: FiscalQuarter, _ loaded: LoadedConfiguration, _ phases: PhaseLog,
    roster: [UInt8]? = nil
  ) throws(RetierError) -> RunResult {
    var input = try DropReader.input(quarter, configuration: loaded, phases: phases)
    if let roster { input = input.replacingRoster(with: roster) }
    do {
      return try Retier.decide(input, log: phases.log)
    } catch {
      throw error.locating(in: loaded.dropFolder(quarter))
    }
  }

  /// Loads the config, picks the quarter and decides it: the common start of the read-only
  /// commands (validate, explain).
  static func decide(
    _ options: CommandOptions, _ shell: Shell
  ) throws(RetierError) -> (loaded: LoadedConfiguration, quarter: FiscalQuarter, result: RunResult)
  {
    let phases = PhaseLog(shell)
    let loaded = try options.loadConfiguration(shell)
    let quarter = options.quarterToRun(loaded.configuration, shell)
    phases.log("config", "\(loaded.path) quarter=\(quarter.label)")
    return (loaded, quarter, try decide(quarter, loaded, phases))
  }
}
