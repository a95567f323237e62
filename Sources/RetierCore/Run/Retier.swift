/// The job in memory, in the shape of openapi-generator's `runGenerator`: inputs in, the
/// decisions and the output files out. The executable does every read and write.
package enum Retier {
  /// Loads, validates, scores, tiers and assigns owners; reports each phase to `log`.
  ///
  /// The input is consumed: each file of the drop is checksummed and parsed, then let go as soon
  /// as its rows are typed, so a big drop is not held through the rest of the run.
  package static func decide(
    _ input: consuming RunInput, log: (PhaseReport) -> Void = { _ in }
  ) throws(RetierError) -> RunResult {
    let configuration = input.configuration
    let files = input.files
    input.files = DropFiles(accounts: [], arr: [], usage: [], csms: [], overrides: nil)
    let loaded = try DropLoader.load(files, tierCount: configuration.tierCount)
    let checksums = loaded.checksums
    let blankRows = loaded.blankRowCounts
    log(
      PhaseReport(
        phase: .load,
        counts: loaded.rowCounts.sorted { $0.key < $1.key }
          .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
          + (blankRows.isEmpty
            ? ""
            : " blank_rows_skipped="
              + blankRows.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }
              .joined(separator: ","))))

    var book = try BookValidator.validate(
      loaded, maxRejectedShare: configuration.maxRejectedShare,
      maxRejectedRowsFloor: configuration.maxRejectedRowsFloor)
    log(
      PhaseReport(
        phase: .validate,
        counts: "valid=\(book.ledger.count) rejected_rows=\(book.rejectedAccountRowCount) "
          + "orphan_arr=\(book.orphanARRLines) orphan_usage=\(book.orphanUsageRows) "
          + "without_usage=\(book.accountsWithoutUsage.count)"))

    let rubric = Rubric.scoring(&book.ledger, constants: configuration.rubric)
    log(
      PhaseReport(
        phase: .score,
        counts: "scored=\(book.ledger.scores.count) median_arr=\(rubric.cutLines.median)"))

    let runDate = configuration.calendar.runDate(of: input.quarter)
    let tiering = TierAssigner(
      configuration: configuration, quarter: input.quarter, runDate: runDate
    )
    .assign(&book)
    var perTier = [Int](repeating: 0, count: configuration.tierCount + 1)
    for ref in book.ledger.refs { perTier[book.ledger.decisions.finalTier(ref)] += 1 }
    log(
      PhaseReport(
        phase: .tier,
        counts: (1...configuration.tierCount).map { "tier\($0)=\(perTier[$0])" }
          .joined(separator: " ")
          + " overrides=\(tiering.validOverrides.count) ignored_overrides="
          + "\(tiering.ignoredOverrides.count)"))

    let owners = OwnerAssigner.assign(
      book: &book, configuration: configuration, runDate: runDate)
    let ledger = book.ledger
    let unassigned = ledger.refs.count { ledger.owners[$0].isEmpty }
    let changed = ledger.refs.count { ledger.ownerChanges($0) }
    log(PhaseReport(phase: .assign, counts: "owner_changes=\(changed) unassigned=\(unassigned)"))

    return RunResult(
      quarter: input.quarter, runDate: runDate, configuration: configuration, book: book,
      rubric: rubric, tiering: tiering, owners: owners,
      inputs: checksums.sorted { $0.key < $1.key }.map { name, sha256 in
        InputFact(
          name: name, rows: book.rowCounts[name] ?? 0, sha256: sha256,
          blankRows: blankRows[name] ?? 0)
      },
      configSHA256: SHA256.hexDigest(input.configBytes), toolVersion: input.toolVersion)
  }

  /// `result` with the figures of the previous run (CRM drift and the across-quarter
  /// sections; SPEC §8), whose folder of `quarter` the executable verified (`verified`: its
  /// manifest, or the file that failed and why). Its `tiers.csv` is read (`tiersCSV`) only when
  /// the folder passed, and checked again here before use; a run that fails is recorded as not
  /// verified (``RunResult/previousRunCheck``) and none of it is used. The figures are computed
  /// here once for both memos, in one pass over the previous lines that keeps none of them.
  package static func attachingPreviousRun(
    _ result: RunResult, quarter: String,
    verified: Result<PreviousRunManifest, PreviousRunManifest.Refusal>,
    tiersCSV: () -> Result<[UInt8], PreviousRunManifest.Refusal>
  ) -> RunResult {
    var attached = result
    do throws(PreviousRunManifest.Refusal) {
      let manifest = try verified.get()
      attached.previousRun = try PreviousRunFigures(
        result, manifest: manifest, tiersCSV: try tiersCSV().get())
      attached.previousRunCheck = PreviousRunCheck(quarter: quarter, failure: nil)
    } catch {
      attached.previousRun = nil
      attached.previousRunCheck = PreviousRunCheck(quarter: quarter, failure: error)
    }
    return attached
  }

  /// Renders every output file of `result` and passes them to `emit` in batches as they are
  /// ready, `run.json` last (it holds the others' checksums); see ``OutputRenderers``. Only a
  /// batch or two is in memory at a time, so the caller can write each batch and let it go.
  /// Returns the digests `run.json` lists, `run.json` itself last.
  package static func render<Failure: Error>(
    _ result: RunResult, emit: ([OutputFile]) throws(Failure) -> Void
  ) throws(Failure) -> [OutputDigest] {
    let lookups = RunLookups(result)
    var digests = try OutputRenderers.render(result, lookups: lookups, emit: emit)
    let manifest = RunManifest.piecewise(
      result, outputs: digests, lookups: lookups)
    digests.append(
      try OutputRenderers.emitPieces(
        of: manifest, itemsPerPiece: OutputRenderers.itemsPerPiece, emit: emit))
    return digests
  }

  /// The counts of the render phase's log line for `outputs`.
  package static func renderCounts(_ outputs: [OutputDigest]) -> String {
    "files=\(outputs.count) bytes=\(outputs.reduce(0) { $0 + $1.byteCount })"
  }
}
