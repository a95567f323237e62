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
    // The latest earlier quarter with a run folder (SPEC §8); verified once the quarter is
    // decided, against the size of this book.
    let previousQuarter = readsPreviousRun ? loaded.output.previousRunFolder(before: quarter) : nil
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
    guard let previousQuarter else { return result }
    return attachingPreviousRun(result, previousQuarter, loaded, phases)
  }

  /// `result` with the previous run of `previousQuarter`, verified first (SPEC §8): its
  /// `run.json` is checked against the size a book of this run's accounts can need and parsed
  /// strictly, and its `tiers.csv` read only once that passed (so its bytes are not held through
  /// the load) and checked against what run.json records before it is used. A run that fails is not used, and stderr says which file failed and why.
  private static func attachingPreviousRun(
    _ result: RunResult, _ previousQuarter: FiscalQuarter, _ loaded: LoadedConfiguration,
    _ phases: PhaseLog
  ) -> RunResult {
    let layout = loaded.output
    let verified = layout.verifyForReadBack(
      previousQuarter, limits: PreviousRunManifest.Limits(loaded.configuration),
      accounts: result.book.accountRowCount)
    var tiersCSVBytes = 0
    let attached = Retier.attachingPreviousRun(
      result, quarter: previousQuarter.label, verified: verified
    ) {
      do throws(FileReader.ReadError) {
        let bytes = try FileReader.read(
          layout.tiersFile(previousQuarter), maximumBytes: loaded.configuration.maxInputBytes)
        tiersCSVBytes = bytes.count
        return .success(bytes)
      } catch {
        return .failure(
          PreviousRunManifest.Refusal(
            file: PreviousRunRecord.fileName, reason: "cannot be read: \(error.reason)"))
      }
    }
    if let failure = attached.previousRunCheck?.failure {
      phases.warn(PreviousRunCheck.notUsed(quarter: previousQuarter.label, failure: failure))
    }
    phases.log(
      "previous",
      "\(previousQuarter.label) verified=\(attached.previousRunCheck?.failure == nil ? "yes" : "no") "
        + "tiers.csv_bytes=\(tiersCSVBytes)")
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
