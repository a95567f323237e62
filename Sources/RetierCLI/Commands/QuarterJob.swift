import RetierCore

/// The core job on a quarter's drop, as the commands share it: the drop is read, the job runs
/// in memory, and problems name the drop's real file paths.
enum QuarterJob {
  /// Decides every account of the quarter (run, validate, explain).
  static func decide(
    _ quarter: FiscalQuarter, _ loaded: LoadedConfiguration, _ phases: PhaseLog
  ) throws(RetierError) -> RunResult {
    // The latest earlier complete run: its run.json names its own quarter (SPEC §7, §8).
    let previousQuarter = loaded.output.previousCompleteRun(before: quarter)
    let input = try DropReader.input(
      quarter, configuration: loaded, phases: phases, previousRun: previousQuarter)
    let result: RunResult
    do {
      result = try Retier.decide(input, log: phases.log)
    } catch {
      throw error.locating(in: loaded.dropFolder(quarter))
    }
    guard let previousQuarter,
      let previous = DropReader.previousRunFiles(previousQuarter, loaded.output)
    else { return result }
    let attached = Retier.attachingPreviousRun(
      result, tiersCSV: previous.tiersCSV, runJSON: previous.runJSON)
    phases.log(
      "previous",
      "\(previousQuarter.label) tiers.csv_bytes=\(previous.tiersCSV.count) run.json_bytes="
        + "\(previous.runJSON?.count ?? 0)")
    return attached
  }

  /// What the read-only commands work on: a decided quarter, or nothing due yet.
  enum Decision {
    /// The quarter was decided in memory.
    case decided(loaded: LoadedConfiguration, quarter: FiscalQuarter, result: RunResult)
    /// No quarter is due yet (before `first_quarter`'s run date); the line says when the first
    /// run is and which drop it expects.
    case nothingDue(String)
  }

  /// Loads the config, picks the quarter and decides it: the common start of the read-only
  /// commands (validate, explain). The phase log goes to standard error unless `quiet`.
  static func decide(
    _ options: CommandOptions, _ shell: Shell, quiet: Bool = false
  ) throws(RetierError) -> Decision {
    let phases = PhaseLog(shell, quiet: quiet)
    let loaded = try options.loadConfiguration(shell)
    guard let quarter = options.quarterToRun(loaded.configuration, shell) else {
      return .nothingDue(loaded.nothingDue(asOf: options.today(shell)))
    }
    phases.log("config", "\(loaded.path) quarter=\(quarter.label)")
    return .decided(loaded: loaded, quarter: quarter, result: try decide(quarter, loaded, phases))
  }
}
