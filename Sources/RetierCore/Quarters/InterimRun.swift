/// `retier interim` in memory (SPEC §7): the hot accounts of a flag file re-scored with the
/// latest drop under the cut lines and seats of the quarter's completed run, and the run result
/// of the accounts that moved, which renders as the same files as a run. Pure: the executable
/// reads the drop, the completed run and the flag file, and passes the interim's date.
package struct InterimRun: Sendable {
  /// The flags re-scored.
  package var flagCount: Int
  /// The flag rows not re-scored, with why (unknown ids, repeats, blank fields), in file order:
  /// the first few, then one line counting the rest.
  package var problems: [Diagnostic]
  /// The flag rows not re-scored, all of them.
  package var skippedRowCount: Int
  /// The accounts that moved, by id: hot accounts by the rubric, incumbents displaced by them.
  package var moveCount: Int
  /// The run result of the moved accounts alone (their `from_tier` is their tier after the
  /// chain of interims before this one); `nil` when nothing moved.
  package var result: RunResult?
  /// This interim's number in the chain: one more than the last interim it continues.
  package var number: Int

  /// Re-scores the hot accounts of the flag file named `hotPath` (each call of `hotFile` starts
  /// a pass over its bytes, handed out a chunk at a time, `nil` at the end) with the
  /// drop of `input` under the completed run of `input.quarter` (`completedTiersCSV` and
  /// `completedRunJSON` read that run's `tiers.csv` and `run.json`) as the interims before this
  /// one left it (`chain`); `date` is the interim's own date (effective dates and memos).
  ///
  /// Throws ``RetierError/unavailable(path:reason:)`` (66) when the completed run lacks
  /// what the interim needs (its `tiers.csv`, or a `run.json` with cut lines and tier lines),
  /// and ``RetierError/noUsableFlag(file:problems:)`` (65) when no row of the flag file can be
  /// re-scored.
  package static func decide(
    _ input: consuming RunInput, hotFile: () -> () throws(RetierError) -> [UInt8]?,
    hotPath: String, date: CalendarDate,
    chain: InterimChain, completedRunPath: String, completedTiersCSV: () -> [UInt8]?,
    completedRunJSON: () -> [UInt8]?
  ) throws(RetierError) -> InterimRun {
    let configuration = input.configuration
    let quarter = input.quarter
    let configBytes = input.configBytes
    let toolVersion = input.toolVersion
    let files = input.files
    input.files = DropFiles(accounts: [], arr: [], usage: [], csms: [], overrides: nil)
    // The completed run is read first, into what the interim needs of it (the hot accounts'
    // tiers, the capped tiers' incumbents, the ARR amounts), while only the drop's bytes are
    // held; its two files (120 MB at a million accounts) are never in memory with the book.
    // What it lacks is reported only once the drop's book stands, as when it was read after.
    let completed = CompletedRun.read(
      tiersCSV: completedTiersCSV, runJSON: completedRunJSON,
      hotKeys: HotList.candidateKeys(hotFile()), tierCount: configuration.tierCount,
      quarter: quarter, path: completedRunPath)
    // The typed rows are let go once the book is validated; only their checksums are kept.
    // Handed over, not copied, so the loader frees each file's bytes once its rows are typed.
    let (book, checksums) = try Self.book(consume files, configuration)
    let previous = try completed.get()
    let (cutLines, tierLines) = (previous.cutLines, previous.tierLines)
    // Where the chain of interims left each account: its placements laid over the completed run.
    let tierAfterChain = { (id: String) -> Int? in
      chain.placements[id]?.tier ?? previous.hotTiers[id]
    }
    let seated = chain.seated(
      over: previous.seated,
      cappedTiers: Set(tierLines.compactMap { $0.seats == nil ? nil : $0.tier }))

    // Valid accounts are found by halving the ledger's id order, no dictionary of a million ids.
    let ledger = book.ledger
    // The book's ids are listed once, and only when a listed problem needs suggestions.
    var bookIDs: [String]?
    let hot = try HotList(
      chunks: hotFile(), path: hotPath,
      isKnown: { ledger.ref(forID: $0) != nil && tierAfterChain($0) != nil },
      nearest: { id in
        if bookIDs == nil { bookIDs = ledger.refs.map { ledger.id($0) } }
        return NearestIDs.suggestions(for: id, among: bookIDs ?? [])
      })
    guard !hot.flags.isEmpty else {
      throw .noUsableFlag(file: hotPath, problems: hot.problems)
    }

    let minScores = tierLines.sorted { $0.tier < $1.tier }.map(\.minScore)
    var seats: [Int: Int] = [:]
    for line in tierLines { seats[line.tier] = line.seats }
    let rescore = InterimRescore(
      hot: hot.flags.compactMap { flag in
        guard let ref = ledger.ref(forID: flag.accountID),
          let tier = tierAfterChain(flag.accountID)
        else { return nil }
        return (ledger[ref], tier)
      },
      constants: configuration.rubric, skippedReviews: SkippedReviewsRule(configuration),
      cutLines: cutLines, minScores: minScores, seats: seats, seated: seated)

    var run = InterimRun(
      flagCount: hot.flags.count, problems: hot.problems, skippedRowCount: hot.skippedRowCount,
      moveCount: rescore.moves.count,
      result: nil, number: chain.number + 1)
    guard !rescore.moves.isEmpty else { return run }
    let displacedIDs = Set(rescore.moves.filter { $0.reason != .rubric }.map(\.id))
    let chainAfter = chain.advanced(
      by: rescore.moves, rescored: rescore.hotRanks,
      incumbents: Dictionary(
        seated.filter { displacedIDs.contains($0.id) }.map { ($0.id, $0) },
        uniquingKeysWith: { first, _ in first }))

    // The completed run's book, known by its ARR amounts, gives its cut lines and ARR ranks, so
    // the memos' walkbacks and paths back are figured under them.
    let rubric = Rubric(constants: configuration.rubric, bookARR: previous.bookARR)
    let ladder = TierLadder(lines: minScores)
    // The moved accounts as a ledger of their own, in id order, with their scores and
    // decisions under the completed run's cut lines.
    var moves: [(account: Account, scores: SignalScores, decision: TierDecision)] = []
    for move in rescore.moves {
      guard let ref = ledger.ref(forID: move.id) else { continue }
      var account = ledger[ref]
      account.currentTier = move.from
      let accountScores = rubric.scores(
        of: account,
        strictlyGreater: InterimRescore.impliedStrictlyGreater(account.arr, under: cutLines))
      let rubricTier = ladder.rubricTier(of: accountScores.total)
      moves.append(
        (
          account, accountScores,
          TierDecision(
            rubricTier: rubricTier, targetTier: move.reason == .rubric ? move.to : move.from,
            finalTier: move.to, reason: move.reason, override: nil, isNewLogo: false)
        ))
    }
    moves.sort { $0.account.id < $1.account.id }
    var columns = AccountColumns()
    var scores = ScoreColumn()
    var decisions = DecisionColumn()
    for move in moves {
      columns.append(move.account)
      scores.append(move.scores)
      decisions.append(move.decision)
    }
    var movedLedger = AccountLedger(accounts: columns, rejected: [])
    movedLedger.scores = scores
    movedLedger.decisions = decisions
    var capReports: [CapReport] = []
    for line in tierLines.sorted(by: { $0.tier < $1.tier }) {
      guard let cap = line.seats else { continue }
      let displaced = rescore.moves.filter { $0.reason == .cap(tier: line.tier) }
      let pairs = displaced.compactMap { move -> CapReport.Pair? in
        guard let displaced = movedLedger.ref(forID: move.id) else { return nil }
        return CapReport.Pair(
          displaced: displaced, takenBy: move.pairedWith.flatMap { movedLedger.ref(forID: $0) })
      }
      capReports.append(
        CapReport(
          tier: line.tier, seats: cap, overrideCount: line.overridesSeated ?? 0,
          seatedCount: rescore.seatedAfter[line.tier] ?? line.seated ?? 0,
          displaced: pairs.map(\.displaced), pairs: pairs))
    }
    let tiering = TieringResult(
      validOverrides: [:], ignoredOverrides: [], capReports: capReports)
    var moved = Book(
      ledger: movedLedger, rejections: [], warnings: [], orphanARRLines: 0, orphanUsageRows: 0,
      accountsWithoutUsage: [], overrideRows: [], roster: book.roster, rowCounts: book.rowCounts,
      accountRowCount: moves.count, rejectedAccountRowCount: 0)
    let owners = OwnerAssigner.assign(
      book: &moved, configuration: configuration, runDate: date,
      heldOutsideBook: Self.booksHeld(in: book, except: Set(moves.map(\.account.id))))
    run.result = RunResult(
      quarter: quarter, runDate: date, configuration: configuration, book: moved,
      rubric: rubric, tiering: tiering, owners: owners,
      previousRun: nil,
      inputs: checksums.sorted { $0.key < $1.key }.map { name, sha256 in
        InputFact(name: name, rows: book.rowCounts[name] ?? 0, sha256: sha256)
      },
      configSHA256: SHA256.hexDigest(configBytes), toolVersion: toolVersion,
      interim: InterimScope(
        flagCount: hot.flags.count, dropAccounts: ledger.count,
        audit: InterimAudit(
          flagFileSHA256: hot.sha256, flagFileRows: hot.rowCount,
          flags: hot.flags),
        chainAfter: chainAfter))
    return run
  }

  /// The validated book of `files` and the checksums of the files.
  private static func book(
    _ files: consuming DropFiles, _ configuration: Configuration
  ) throws(RetierError) -> (Book, [String: String]) {
    let loaded = try DropLoader.load(consume files, tierCount: configuration.tierCount)
    // The checksums first, so the typed rows are handed to the validator and let go as it
    // goes, as in a run, rather than held with the book it builds.
    let checksums = loaded.checksums
    let book = try BookValidator.validate(
      consume loaded, maxRejectedShare: configuration.maxRejectedShare,
      maxRejectedRowsFloor: configuration.maxRejectedRowsFloor)
    return (book, checksums)
  }

  /// What each owner of the drop (by the CRM's `owner_id`) carries apart from the moved
  /// accounts: the CRM already holds the quarter's reassignments, so these are the books the
  /// interim's new owners are added to.
  static func booksHeld(in book: Book, except moved: Set<String>) -> [String: OwnerAssigner
    .HeldBook]
  {
    var held: [String: OwnerAssigner.HeldBook] = [:]
    let ledger = book.ledger
    for ref in ledger.refs {
      let owner = ledger.ownerID(ref)
      guard !owner.isEmpty, !moved.contains(ledger.id(ref)) else { continue }
      held[owner, default: OwnerAssigner.HeldBook()].accounts += 1
      held[owner, default: OwnerAssigner.HeldBook()].arr += ledger.arr(ref)
    }
    return held
  }

  /// What the interim needs of the quarter's completed run: its cut lines and tier lines, the
  /// tier it gave each hot account, every incumbent of a capped tier, and its book's ARR
  /// amounts. At a million accounts a few MB, where its two files are 120 MB.
  private struct CompletedRun {
    /// `cut_lines` of its `run.json`.
    var cutLines: PreviousRunManifest.RecordedCutLines
    /// `tier_lines` of its `run.json`, one per tier of the config.
    var tierLines: [PreviousRunManifest.TierLine]
    /// The `to_tier` of each account it placed whose id may be flagged (its hash is among the
    /// flag file's ``HotList/candidateKeys(_:)``).
    var hotTiers: [String: Int]
    /// The accounts it seated in a capped tier.
    var seated: [InterimRescore.Seated]
    /// The ARR of every line of its `tiers.csv` that has one (its book's ARR amounts).
    var bookARR: [Money]

    /// Reads `run.json` (for the capped tiers), then `tiers.csv`, each let go before the next
    /// is read; 66 when the run lacks what the interim needs (its `tiers.csv` first).
    static func read(
      tiersCSV readTiersCSV: () -> [UInt8]?, runJSON: () -> [UInt8]?, hotKeys: Set<Int>,
      tierCount: Int, quarter: FiscalQuarter, path: String
    ) -> Result<CompletedRun, RetierError> {
      let (manifest, problem) = PreviousRunRecord.manifest(runJSON())
      guard let tiersCSV = readTiersCSV() else {
        return .failure(
          .unavailable(
            path: path + "/tiers.csv",
            reason: "the completed run of \(quarter.label) has no readable tiers.csv to re-score "
              + "against"))
      }
      guard let manifest, let cutLines = manifest.cutLines, let tierLines = manifest.tierLines,
        tierLines.count == tierCount
      else {
        let why =
          problem
          ?? "its run.json records no cut lines or tier lines for this config's tiers "
          + "(a run.json of schema_version 2 is needed)"
        return .failure(
          .unavailable(
            path: path + "/run.json",
            reason: "the completed run of \(quarter.label) cannot be re-scored against: \(why)"))
      }
      let capped = Set(tierLines.compactMap { $0.seats == nil ? nil : $0.tier })
      var run = CompletedRun(
        cutLines: cutLines, tierLines: tierLines, hotTiers: [:], seated: [], bookARR: [])
      PreviousRunRecord.forEachLineInIDOrder(
        ofTiersCSV: tiersCSV, totals: true,
        reset: {
          run.hotTiers = [:]
          run.seated = []
          run.bookARR = []
        },
        each: { id, line in
          if let arr = line.arr { run.bookARR.append(arr) }
          if let tier = line.toTier, hotKeys.contains(id.hashValue) { run.hotTiers[id] = tier }
          // Only the capped tiers' incumbents can be displaced or counted against seats.
          guard let arr = line.arr, let tier = line.toTier, capped.contains(tier),
            let total = line.total
          else { return }
          run.seated.append(
            InterimRescore.Seated(
              id: id, tier: tier, total: total, arr: arr, isOverride: line.isOverride))
        })
      return .success(run)
    }
  }
}
