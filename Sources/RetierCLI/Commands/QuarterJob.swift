import RetierCore

/// The core job on a quarter's drop, as the commands share it: the drop is read, the job runs
/// in memory, and problems name the drop's real file paths.
enum QuarterJob {
  /// Decides every account of the quarter (run, validate, explain, compare); `roster`, when
  /// given, replaces the drop's `csms.csv`; `readsPreviousRun` attaches the previous complete
  /// run (for the across-quarter sections and CRM drift), which `compare` does not print.
  static func decide(
    _ quarter: FiscalQuarter, _ loaded: LoadedConfiguration, _ phases: PhaseLog,
    roster: [UInt8]? = nil, readsPreviousRun: Bool = true
  ) throws(RetierError) -> RunResult {
    // The latest earlier complete run: its run.json names its own quarter (SPEC §7, §8).
    let previousQuarter =
      readsPreviousRun ? loaded.output.previousCompleteRun(before: quarter) : nil
    var input = try DropReader.input(
      quarter, configuration: loaded, phases: phases, previousRun: previousQuarter)
    if let roster { input = input.replacingRoster(with: roster) }
    let result: RunResult
    do {
      // Handed over, not copied: `decide` frees each file's bytes once its rows are typed, which
      // it cannot while this frame still holds them (a `var` is not forwarded as a `let` is:
      // 142 MB of a 1M drop stayed alive through validation).
      result = try Retier.decide(consume input, log: phases.log)
    } catch {
      throw error.locating(in: loaded.dropFolder(quarter))
    }
    // Read once the quarter is decided, so its bytes are not held through the load; run.json
    // only once tiers.csv is read and let go (the previous run only feeds reports: an unreadable
    // tiers.csv means no previous run).
    guard let previousQuarter,
      let tiersCSV = try? FileReader.read(loaded.output.tiersFile(previousQuarter))
    else { return result }
    let tiersCSVBytes = tiersCSV.count
    var runJSONBytes = 0
    let attached = Retier.attachingPreviousRun(result, tiersCSV: consume tiersCSV) {
      let runJSON = try? FileReader.read(loaded.output.manifest(previousQuarter))
      runJSONBytes = runJSON?.count ?? 0
      return runJSON
    }
    phases.log(
      "previous",
      "\(previousQuarter.label) tiers.csv_bytes=\(tiersCSVBytes) run.json_bytes=\(runJSONBytes)")
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
