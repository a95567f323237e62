import RetierCore

/// `retier interim --hot FILE [--quarter Q]`: the hot-account flag between quarterly runs
/// (SPEC §7). Re-scores only the flagged accounts with the quarter's drop as it is now, under
/// the cut lines and seats of the quarter's completed run, and writes the accounts that moved
/// to `<output>/<QUARTER>-interim-<n>/`, complete or not at all, under the run lock.
///
/// Interims chain (SPEC §7): the n-th starts from the state the interims 1…n−1 of the quarter
/// left, read back in order (``chain(_:quarter:configuration:)``); an interim folder that
/// cannot continue the chain stops it until the operator moves it aside (renames it so that
/// its name is no longer exactly `<QUARTER>-interim-<n>`).
///
/// Exits 64 when `--as-of` falls outside the completed run's quarter (before its run date, or
/// on or after the next quarter's); 66 when the quarter has no completed run (or one without
/// cut lines), an earlier interim cannot continue the chain, or the flag file or the drop
/// cannot be read; 65 when no flag can be re-scored; 75 when another run holds the lock; 0
/// otherwise, with or without moves.
struct InterimCommand {
  /// The shared options; `quarter` picks the completed run, the latest by default.
  var options: CommandOptions
  /// `--hot FILE`, as typed (relative to the working directory).
  var hotFile: String

  /// Runs the command. The lock is taken before anything is read, as for `run`, so an interim
  /// and a run never interleave and the interim's number is free when it is written.
  func execute(_ shell: Shell) throws(RetierError) -> ExitStatus {
    let phases = PhaseLog(shell)
    let loaded = try options.loadConfiguration(shell)
    // The interim ranks a hot account against the completed run's ARR amounts only; scoring the
    // usage cohort would need that run's active users too, which run.json does not record.
    // Refused rather than scoring a long-tail account on the wrong signal.
    if loaded.configuration.rubric.usageSignal.belowShare != nil {
      throw .configInvalid(
        path: loaded.path,
        problems: [
          "rubric.usage_signal.below_share: retier interim cannot re-score accounts scored on "
            + "usage yet; re-run the quarter with 'retier run --force' instead"
        ])
    }
    let layout = loaded.output
    guard FileReader.kind(layout.root) == .folder else {
      throw .unavailable(
        path: layout.root,
        reason: "no output folder: no quarter has a completed run to re-score against; run "
          + "'retier run' first")
    }
    let lock = try RunLock(path: layout.lockFile)
    defer { lock.release() }
    let writer = RunWriter(layout: layout, fileSystem: shell.fileSystem, processID: shell.processID)
    for folder in try writer.removeStaleTemporaryFolders() {
      shell.console.log("removed the temporary folder of an interrupted run: \(folder)")
    }
    let quarter = try completedQuarter(layout)
    try Self.requireVerified(quarter, layout, loaded)
    try checkAsOf(quarter, calendar: loaded.configuration.calendar)
    let chain = try Self.chain(layout, quarter: quarter, configuration: loaded.configuration)
    let hotPath = ConfigLocator.absolute(hotFile, against: shell.currentDirectory)
    let maximumBytes = loaded.configuration.maxInputBytes
    // Opened here so that a missing flag file is reported before the drop is read.
    do {
      _ = try FileChunks(hotPath, maximumBytes: maximumBytes)
    } catch {
      throw Self.hotFileError(error)
    }
    // Each pass over the flag file opens it again and reads it a chunk at a time; a file
    // replaced between the passes is refused as one that changed while read.
    var identity: FileIdentity?
    let hotFile = { () -> () throws(RetierError) -> [UInt8]? in
      var chunks: FileChunks?
      return { () throws(RetierError) -> [UInt8]? in
        do throws(FileReader.ReadError) {
          if chunks == nil {
            let opened = try FileChunks(hotPath, maximumBytes: maximumBytes)
            guard identity == nil || identity == opened.identity else {
              throw .changed(path: hotPath)
            }
            identity = opened.identity
            chunks = opened
          }
          return try chunks?.next()
        } catch {
          throw Self.hotFileError(error)
        }
      }
    }
    let date = options.today(shell)
    phases.log(
      "config", "\(loaded.path) quarter=\(quarter.label) interim_date=\(date) hot=\(hotPath)")

    // The interim works against the quarter's own completed run, not the one before it; the
    // core reads its files once the drop's book stands, so they are not held through the load.
    let input = try DropReader.input(
      quarter, configuration: loaded, phases: phases, previousRun: quarter)
    let interim: InterimRun
    do {
      interim = try InterimRun.decide(
        consume input, hotFile: hotFile, hotPath: hotPath, date: date, chain: chain,
        completedRunPath: layout.runFolder(quarter),
        completedTiersCSV: { try? FileReader.read(layout.tiersFile(quarter)) },
        completedRunJSON: { try? FileReader.read(layout.manifest(quarter)) })
    } catch {
      throw error.locating(in: loaded.dropFolder(quarter))
    }
    if !interim.problems.isEmpty {
      shell.console.log(interim.problems.map(\.description))
    }
    phases.log(
      "rescore",
      "flags=\(interim.flagCount) skipped_rows=\(interim.skippedRowCount) "
        + "moved=\(interim.moveCount)"
    )
    guard let result = interim.result else {
      shell.console.print(
        "\(quarter.label) interim: \(interim.flagCount) hot account(s) re-scored, none moved; "
          + "nothing written")
      return .success
    }

    let name = OutputLayout.interimName(quarter, number: interim.number)
    var outputs: [OutputDigest] = []
    let outcome = try writer.write(interimNamed: name) { emit throws(RetierError) in
      outputs = try Retier.render(result) { (batch: [OutputFile]) throws(RetierError) in
        try emit(batch)
      }
    }
    phases.log("write", "\(outcome.folder) files=\(outputs.count)")
    shell.console.print(
      "\(quarter.label) interim: \(interim.flagCount) hot account(s) re-scored, "
        + "\(interim.moveCount) account(s) moved. Output: \(outcome.folder) "
        + "(\(outputs.count) files)")
    return .success
  }

  /// 66 naming the file when the completed run of `quarter` fails verification (SPEC §7, §8):
  /// the interim depends on it entirely.
  private static func requireVerified(
    _ quarter: FiscalQuarter, _ layout: OutputLayout, _ loaded: LoadedConfiguration
  ) throws(RetierError) {
    if case .failure(let failure) = layout.verify(
      quarter, limits: PreviousRunManifest.Limits(loaded.configuration))
    {
      throw .unavailable(
        path: layout.runFolder(quarter) + "/" + failure.file,
        reason: "the completed run of \(quarter.label) failed verification: \(failure.reason)")
    }
  }

  /// The quarter whose completed run the interim works against: `--quarter` when it has a run
  /// folder, else the latest run folder; 66 otherwise.
  private func completedQuarter(_ layout: OutputLayout) throws(RetierError) -> FiscalQuarter {
    if let quarter = options.quarter {
      guard FileReader.kind(layout.runFolder(quarter)) == .folder else {
        throw .unavailable(
          path: layout.runFolder(quarter),
          reason: "\(quarter.label) has no completed run to re-score against (its run.json is "
            + "missing or names another quarter); run 'retier run --quarter \(quarter.label)' first"
        )
      }
      return quarter
    }
    guard let latest = layout.latestRunFolder() else {
      throw .unavailable(
        path: layout.root,
        reason: "no quarter has a completed run to re-score against; run 'retier run' first")
    }
    return latest
  }

  /// 66 for a flag file that cannot be read whole: missing, not a regular file, too large, or
  /// changed while read.
  private static func hotFileError(_ error: FileReader.ReadError) -> RetierError {
    let reason =
      if case .changed = error {
        "it changed while being read; write it whole, then run the interim again"
      } else {
        error.reason
      }
    return .unavailable(path: error.path, reason: "cannot read the hot-account file: \(reason)")
  }

  /// Refuses (64) an `--as-of` outside the completed run's quarter: before its run date
  /// (effective dates before the run the interim re-scores against), or on or after the next
  /// quarter's run date (that quarter's run decides then). Without `--as-of`, today stands.
  private func checkAsOf(_ quarter: FiscalQuarter, calendar: FiscalCalendar) throws(RetierError) {
    guard let asOf = options.asOf else { return }
    let start = calendar.runDate(of: quarter)
    let next = quarter.next()
    let end = calendar.runDate(of: next)
    guard asOf >= start, asOf < end else {
      throw .usage(
        "--as-of \(asOf) is outside the \(quarter.label) interim period: an interim against the "
          + "completed \(quarter.label) run is dated on or after its run date \(start) and "
          + "before \(next.label)'s run date \(end)")
    }
  }

  /// The state the interims of `quarter` already written left (``InterimChain``), read back
  /// from their `run.json` in order 1, 2, …: the one place the chain is read. An interim folder
  /// that cannot continue it, or one that follows a gap in the numbers (it was built on a
  /// folder since moved aside), stops the chain: 66, naming the folder and how to move it
  /// aside.
  static func chain(
    _ layout: OutputLayout, quarter: FiscalQuarter, configuration: Configuration
  ) throws(RetierError) -> InterimChain {
    var chain = InterimChain.start
    for (position, number) in layout.interimNumbers(quarter).enumerated() {
      let folder = layout.root + "/" + OutputLayout.interimName(quarter, number: number)
      let moveAside =
        "the chain of interims stops here until it is moved aside (renamed, e.g. "
        + "mv \(folder) \(folder).bad)"
      guard number == position + 1 else {
        throw .unavailable(
          path: folder,
          reason: "interim \(number) continues interim \(position + 1), which is no longer "
            + "in the output folder; \(moveAside)")
      }
      if case .failure(let failure) = layout.verify(
        folderNamed: OutputLayout.interimName(quarter, number: number), quarter: quarter,
        limits: PreviousRunManifest.Limits(configuration))
      {
        throw .unavailable(
          path: folder + "/" + failure.file,
          reason: "this interim folder fails verification: \(failure.reason); \(moveAside)")
      }
      let bytes: [UInt8]
      do {
        bytes = try FileReader.read(
          folder + "/" + RunManifest.fileName, maximumBytes: configuration.maxInputBytes)
      } catch {
        throw .unavailable(
          path: folder, reason: "this interim folder has no readable run.json; \(moveAside)")
      }
      switch InterimChain.read(
        runJSON: bytes, quarter: quarter.label, number: number,
        tierCount: configuration.tierCount)
      {
      case .success(let next): chain = next
      case .failure(let refusal):
        throw .unavailable(
          path: folder,
          reason: "this interim folder fails verification: \(refusal.message); \(moveAside)")
      }
    }
    return chain
  }
}
