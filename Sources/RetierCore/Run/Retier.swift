/// The job in memory, in the shape of openapi-generator's `runGenerator`: inputs in, the
/// decisions and the output files out. The executable does every read and write.
package enum Retier {
  /// Loads, validates, scores, tiers and assigns owners; reports each phase to `log`.
  package static func decide(
    _ input: RunInput, log: (PhaseReport) -> Void = { _ in }
  ) throws(RetierError) -> RunResult {
    let configuration = input.configuration
    let loaded = try DropLoader.load(input.files, tierCount: configuration.tierCount)
    log(
      PhaseReport(
        phase: .load,
        counts: loaded.rowCounts.sorted { $0.key < $1.key }
          .map { "\($0.key)=\($0.value)" }.joined(separator: " ")))

    let book = try BookValidator.validate(
      loaded, maxRejectedShare: configuration.maxRejectedShare)
    log(
      PhaseReport(
        phase: .validate,
        counts: "valid=\(book.accounts.count) rejected_rows=\(book.rejectedAccountRowCount) "
          + "orphan_arr=\(book.orphanARRLines) orphan_usage=\(book.orphanUsageRows) "
          + "without_usage=\(book.accountsWithoutUsage.count)"))

    let scorer = RubricScorer(constants: configuration.rubric, accounts: book.accounts)
    let scores = scorer.score(book.accounts)
    log(
      PhaseReport(
        phase: .score,
        counts: "scored=\(scores.count) median_arr=\(scorer.cutLines.median)"))

    let runDate = configuration.calendar.runDate(of: input.quarter)
    let tiering = TierAssigner(
      configuration: configuration, quarter: input.quarter, runDate: runDate
    )
    .assign(book, scores: scores)
    var perTier = [Int](repeating: 0, count: configuration.tierCount + 1)
    for decision in tiering.decisions { perTier[decision.finalTier] += 1 }
    log(
      PhaseReport(
        phase: .tier,
        counts: (1...configuration.tierCount).map { "tier\($0)=\(perTier[$0])" }
          .joined(separator: " ")
          + " overrides=\(tiering.validOverrides.count) ignored_overrides="
          + "\(tiering.ignoredOverrides.count)"))

    let owners = OwnerAssigner.assign(book: book, tiering: tiering, configuration: configuration)
    let unassigned = owners.owners.count { $0.isEmpty }
    let changed = owners.changeReasons.count { $0 != nil }
    log(PhaseReport(phase: .assign, counts: "owner_changes=\(changed) unassigned=\(unassigned)"))

    let namedFiles = input.files.namedFiles
    let inputDigests = Parallel.map(namedFiles.count) { SHA256.hexDigest(namedFiles[$0].bytes) }
    return RunResult(
      quarter: input.quarter, runDate: runDate, configuration: configuration, book: book,
      cutLines: scorer.cutLines, scores: scores, tiering: tiering, owners: owners,
      previousTiers: input.previousTiersCSV.map(PreviousRun.tiers(fromTiersCSV:)),
      inputs: zip(namedFiles, inputDigests).map { file, digest in
        InputFact(name: file.name, rows: book.rowCounts[file.name] ?? 0, sha256: digest)
      },
      configSHA256: SHA256.hexDigest(input.configBytes), toolVersion: input.toolVersion)
  }

  /// Renders every output file of `result`, `run.json` last (it holds the others' checksums).
  package static func render(_ result: RunResult) -> [OutputFile] {
    var files = OutputRenderers.render(result)
    files.append(OutputFile(path: "run.json", bytes: RunManifest.render(result, outputs: files)))
    // Output paths are ASCII (see `AccountMemo.safeStem`), so byte order is `String` order.
    return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }

  /// Decides and renders; the whole job in memory.
  package static func run(
    _ input: RunInput, log: (PhaseReport) -> Void = { _ in }
  ) throws(RetierError) -> (result: RunResult, files: [OutputFile]) {
    let result = try decide(input, log: log)
    let files = render(result)
    let bytes = files.reduce(0) { $0 + $1.bytes.count }
    log(PhaseReport(phase: .render, counts: "files=\(files.count) bytes=\(bytes)"))
    return (result, files)
  }
}
