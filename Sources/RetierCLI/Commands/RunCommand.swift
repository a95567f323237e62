import RetierCore

/// `retier run`: re-tiers a quarter and writes its run folder, complete or not at all.
struct RunCommand {
  /// The shared options.
  var options: CommandOptions
  /// Decide and print the summary, write nothing.
  var dryRun: Bool
  /// Run a quarter that is already done; the earlier run is kept, renamed.
  var force: Bool

  /// Runs the command. Order matters: the lock is taken before anything is read, so two runs
  /// never both decide the same quarter, and "up to date" is judged under the lock.
  func execute(_ shell: Shell) throws(RetierError) -> ExitStatus {
    let phases = PhaseLog(shell)
    let loaded = try options.loadConfiguration(shell)
    let calendar = loaded.configuration.calendar
    guard let quarter = options.quarterToRun(loaded.configuration, shell) else {
      shell.console.log(loaded.nothingDue(asOf: options.today(shell)))
      return .success
    }
    let layout = loaded.output
    phases.log(
      "config",
      "\(loaded.path) quarter=\(quarter.label) run_date=\(calendar.runDate(of: quarter)) "
        + "today=\(options.today(shell))" + (dryRun ? " dry_run" : "") + (force ? " force" : ""))
    if dryRun { return try executeDryRun(quarter, loaded, phases, shell) }

    try makeFolders(layout.root, shell.fileSystem)
    let lock = try RunLock(path: layout.lockFile)
    defer { lock.release() }
    let writer = RunWriter(layout: layout, fileSystem: shell.fileSystem, processID: shell.processID)
    for folder in try writer.removeStaleTemporaryFolders() {
      shell.console.log("removed the temporary folder of an interrupted run: \(folder)")
    }
    if FileReader.kind(layout.runFolder(quarter)) == .folder {
      switch layout.verify(quarter, limits: PreviousRunManifest.Limits(loaded.configuration)) {
      case .success where !force:
        shell.console.log(
          "\(quarter.label) is up to date (\(layout.runFolder(quarter)) passed verification); "
            + "nothing to do" + (options.quarter == nil ? "" : "; pass --force to run it again"))
        return .success
      case .success:
        break
      case .failure(let failure):
        // SPEC §7: a folder of the due quarter that fails is not a complete run; it is kept
        // aside as incomplete when this run's folder takes its place.
        shell.console.log(
          "\(layout.runFolder(quarter)) is not a complete run (\(failure.message)); the quarter "
            + "is due, and the folder will be kept aside as incomplete")
      }
    }

    let result = try QuarterJob.decide(quarter, loaded, phases)
    var outputs: [OutputDigest] = []
    var writing: Int64 = 0
    let outcome = try writer.write(quarter: quarter) { emit throws(RetierError) in
      // Each batch is written while the next renders. The write phase is the time rendering
      // waits for the writer, plus the flush, run.json and the rename after the last batch.
      outputs = try Retier.render(result) { (batch: [OutputFile]) throws(RetierError) in
        let start = shell.milliseconds()
        try emit(batch)
        writing += shell.milliseconds() - start
      }
      writing -= shell.milliseconds()
    }
    writing += shell.milliseconds()
    phases.log(
      ("render", Retier.renderCounts(outputs)),
      then: ("write", "\(outcome.folder) files=\(outputs.count)"), milliseconds: writing)
    if let kept = outcome.kept { shell.console.log("kept the earlier run as \(kept)") }
    shell.console.print(
      RunSummary.lines(result, destination: "Output: \(outcome.folder) (\(outputs.count) files)")
    )
    return .success
  }

  /// Decides and renders in memory and prints the summary; no folder, lock or file is created.
  private func executeDryRun(
    _ quarter: FiscalQuarter, _ loaded: LoadedConfiguration, _ phases: PhaseLog, _ shell: Shell
  ) throws(RetierError) -> ExitStatus {
    let result = try QuarterJob.decide(quarter, loaded, phases)
    // Render everything, as a run would, but keep only the digests.
    let outputs = Retier.render(result) { (_: [OutputFile]) -> Void in }
    phases.log("render", Retier.renderCounts(outputs))
    let layout = loaded.output
    let note =
      layout.isComplete(quarter, limits: PreviousRunManifest.Limits(loaded.configuration))
      ? "; the quarter is already done, a run needs --force" : ""
    shell.console.print(
      RunSummary.lines(
        result,
        destination: "Dry run: nothing written (a run writes \(outputs.count) files to "
          + "\(layout.runFolder(quarter))\(note))"
      ))
    return .success
  }

  /// Creates `path` and any missing parent, like `mkdir -p`.
  private func makeFolders(_ path: String, _ fileSystem: any OutputFileSystem) throws(RetierError) {
    var prefix = ""
    for component in path.split(separator: "/") {
      prefix += "/" + component
      guard FileReader.kind(prefix) != .folder else { continue }
      do {
        try fileSystem.makeDirectory(atPath: prefix, existingIsFine: true)
      } catch {
        throw .cannotWrite(path: error.path, reason: "\(error.call) failed: \(error.reason)")
      }
    }
  }
}
