import RetierCore

/// `retier interim --hot FILE [--quarter Q]`: the hot-account flag between quarterly runs
/// (SPEC §7). Re-scores only the flagged accounts with the quarter's drop as it is now, under
/// the cut lines and seats of the quarter's completed run, and writes the accounts that moved
/// to `<output>/<QUARTER>-interim-<n>/`, complete or not at all, under the run lock.
///
/// Exits 66 when the quarter has no completed run (or one without cut lines), or the flag
/// file or the drop cannot be read; 65 when no flag can be re-scored; 75 when another run
/// holds the lock; 0 otherwise, with or without moves.
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
      throw .dropMissing(
        path: layout.root, reason: "no output folder: no quarter has a completed run to re-score")
    }
    let lock = try RunLock(path: layout.lockFile)
    defer { lock.release() }
    let writer = RunWriter(layout: layout, fileSystem: shell.fileSystem, processID: shell.processID)
    for folder in try writer.removeStaleTemporaryFolders() {
      shell.console.log("removed the temporary folder of an interrupted run: \(folder)")
    }
    let quarter = try completedQuarter(layout)
    try Self.requireVerified(quarter, layout, loaded)
    let hotPath = ConfigLocator.absolute(hotFile, against: shell.currentDirectory)
    let hotList: [UInt8]
    do {
      hotList = try FileReader.read(hotPath, maximumBytes: loaded.configuration.maxInputBytes)
    } catch {
      throw .dropMissing(
        path: error.path, reason: "cannot read the hot-account file: \(error.reason)")
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
        consume input, hotList: hotList, hotPath: hotPath, date: date,
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
      "flags=\(interim.flagCount) skipped_rows=\(interim.problems.count) moved=\(interim.moveCount)"
    )
    guard let result = interim.result else {
      shell.console.print(
        "\(quarter.label) interim: \(interim.flagCount) hot account(s) re-scored, none moved; "
          + "nothing written")
      return .success
    }

    let name = layout.nextInterimName(quarter)
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
      throw .dropMissing(
        path: layout.runFolder(quarter) + "/" + failure.file,
        reason: "the completed run of \(quarter.label) failed verification: \(failure.reason)")
    }
  }

  /// The quarter whose completed run the interim works against: `--quarter` when it has a run
  /// folder, else the latest run folder; 66 otherwise.
  private func completedQuarter(_ layout: OutputLayout) throws(RetierError) -> FiscalQuarter {
    if let quarter = options.quarter {
      guard FileReader.kind(layout.runFolder(quarter)) == .folder else {
        throw .dropMissing(
          path: layout.runFolder(quarter),
          reason: "\(quarter.label) has no completed run to re-score against (its run.json is "
            + "missing or names another quarter); run 'retier run --quarter \(quarter.label)' first"
        )
      }
      return quarter
    }
    guard let latest = layout.latestRunFolder() else {
      throw .dropMissing(
        path: layout.root,
        reason: "no quarter has a completed run to re-score against; run 'retier run' first")
    }
    return latest
  }
}
