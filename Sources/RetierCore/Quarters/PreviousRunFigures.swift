/// What a run keeps of the previous complete run (SPEC §8): the across-quarter figures and the
/// CRM drift, computed once when the previous run is attached, so that neither memo computes
/// them again and the previous run's record (a line per account) is not held through the
/// render.
struct PreviousRunFigures: Sendable {
  /// An account whose CRM tier differs from the tier the previous run gave it.
  struct DriftedAccount: Sendable {
    /// Its line of this run's `tiers.csv`.
    var row: TierRow
    /// The tier the previous run gave it.
    var previousTier: Int
  }

  /// The previous run's quarter as its `run.json` names it.
  var quarter: String
  /// The currency the previous run is taken to be in when its `run.json` records none (schema
  /// 2 or older): this run's, and the memo says so; `nil` when it records its own.
  var assumedCurrency: String?
  /// The tier scorecard, the re-elevation watch and the flapping accounts.
  var acrossQuarters: AcrossQuarters
  /// The accounts whose CRM tier differs from the previous run's, in `tiers.csv` order.
  var crmDrift: ListHead<DriftedAccount>

  /// The figures of `result` against the previous run, whose folder passed verification with
  /// `manifest`, read from the bytes of its `tiers.csv`. Those bytes are checked again against
  /// the SHA-256 and rows `manifest` records (the file may have changed since the folder was
  /// verified), the two runs must share the currency, and every tier a line names must be one
  /// of that run's; otherwise the refusal says which file failed and why, and nothing of the
  /// previous run is used. Each list is kept as far as the review shows it
  /// (`memo_list_limit`).
  ///
  /// One pass: the previous lines come in account id order, as do this run's `tiers.csv` lines,
  /// so each previous line meets its account (if any) in a merge that adds it to the scorecard
  /// and the flapping list and checks it for CRM drift; nothing of the previous run's million
  /// lines is kept. The watched accounts are then found by a second merge over the book.
  init(
    _ result: RunResult, manifest: PreviousRunManifest, tiersCSV: consuming [UInt8]
  ) throws(PreviousRunManifest.Refusal) {
    if let changed = RunFolderVerification.check(
      tiersCSV, name: PreviousRunRecord.fileName, against: manifest)
    {
      throw changed
    }
    let configured = result.configuration.currency
    if let recorded = manifest.currency, recorded != configured {
      throw PreviousRunManifest.Refusal(
        file: RunManifest.fileName,
        reason: PreviousRunCheck.currencyMismatch(recorded: recorded, configured: configured))
    }
    let keeping = result.configuration.memoListLimit
    var pass = Pass(result, keeping: keeping)
    if let refusal = PreviousRunRecord.forEachLineInIDOrder(
      ofTiersCSV: tiersCSV, totals: false, maximumTier: manifest.tierCount,
      reset: { pass = Pass(result, keeping: keeping) }, each: { id, line in pass.add(id, line) })
    {
      throw refusal
    }
    _ = consume tiersCSV
    quarter = manifest.quarter
    assumedCurrency = manifest.currency == nil ? configured : nil
    let ledger = result.ledger
    var row = 0
    pass.acrossQuarters.watch(manifest.pathBacks, keeping: keeping) { id in
      while row < ledger.count, ledger.id(AccountRef(row: row)) < id { row += 1 }
      guard row < ledger.count, ledger.id(AccountRef(row: row)) == id else { return nil }
      return Self.standing(result, ref: AccountRef(row: row))
    }
    acrossQuarters = pass.acrossQuarters
    crmDrift = pass.crmDrift
  }

  /// The valid account at `ref` as the across-quarter figures read it.
  static func standing(_ result: RunResult, ref: AccountRef) -> AcrossQuarters.Standing {
    let account = result.ledger[ref]
    let scores = result.ledger.scores[ref]
    let blocked =
      switch scores.expansionRule {
      case .sponsorLost, .decliningUsage: true
      default: false
      }
    return AcrossQuarters.Standing(
      id: account.id, name: account.name, arr: account.arr, fromTier: account.currentTier,
      toTier: result.ledger.decisions[ref].finalTier, total: scores.total,
      ceiling: account.expansionCeiling, multiBU: account.multiBU, expansionBlocked: blocked)
  }

  /// The merge of the previous run's lines, in account id order, with this run's `tiers.csv`
  /// lines (valid and rejected accounts, in account id order).
  private struct Pass {
    /// This run.
    let result: RunResult
    /// Where each rejected account's line falls among this run's `tiers.csv` lines.
    let rejectedPositions: [Int]
    /// The next of this run's `tiers.csv` lines to meet a previous line.
    var line = 0
    /// The rejected lines before ``line``.
    var rejectedBefore = 0
    /// The scorecard, flapping and (last) watch.
    var acrossQuarters: AcrossQuarters
    /// The drifted accounts so far, in `tiers.csv` order.
    var crmDrift: ListHead<DriftedAccount>

    init(_ result: RunResult, keeping: Int) {
      self.result = result
      rejectedPositions = result.rejectedTierRowPositions
      acrossQuarters = AcrossQuarters(keeping: keeping)
      crmDrift = ListHead(keeping: keeping)
    }

    /// The source of this run's `tiers.csv` line ``line``.
    private var source: TierRow.Source {
      if rejectedBefore < rejectedPositions.count, rejectedPositions[rejectedBefore] == line {
        return .rejected(RejectedRef(row: rejectedBefore))
      }
      return .valid(AccountRef(row: line - rejectedBefore))
    }

    /// The account id and CRM tier of `source`.
    private func facts(_ source: TierRow.Source) -> (id: String, fromTier: Int?) {
      switch source {
      case .valid(let ref): (result.ledger.id(ref), result.ledger.currentTier(ref))
      case .rejected(let ref): (result.ledger[ref].id, result.ledger[ref].currentTier)
      }
    }

    /// Moves to the next of this run's lines.
    private mutating func advance() {
      if case .rejected = source { rejectedBefore += 1 }
      line += 1
    }

    /// Meets the previous line of `id` (ids come in ascending order, each once) with this run's
    /// lines of the same id: CRM drift for each, the scorecard and flapping for a valid one.
    mutating func add(_ id: String, _ then: PreviousRunRecord.TierLine) {
      let lineCount = result.tierRowCount
      while line < lineCount, facts(source).id < id { advance() }
      var valid: AccountRef?
      while line < lineCount {
        let source = self.source
        let (currentID, fromTier) = facts(source)
        guard currentID == id else { break }
        if let before = then.toTier, before != fromTier {
          crmDrift.append(DriftedAccount(row: result.tierRow(source), previousTier: before))
        }
        if case .valid(let ref) = source { valid = ref }
        advance()
      }
      guard let ref = valid else {
        acrossQuarters.add(previous: then)
        return
      }
      let ledger = result.ledger
      acrossQuarters.add(
        previous: then,
        now: AcrossQuarters.AccountNow(
          arr: ledger.arr(ref), fromTier: ledger.currentTier(ref),
          toTier: ledger.decisions.finalTier(ref)),
        standing: { PreviousRunFigures.standing(result, ref: ref) })
    }
  }
}

/// The head of a list the memos show only in part: its first items, as many as the longest
/// listing shows, and its exact length. A 1M run can find 146,000 drifted accounts; the memos
/// list the first few and count the rest, so only those few are kept.
struct ListHead<Item: Sendable>: Sendable {
  /// The first items, at most ``capacity``.
  private(set) var first: [Item] = []
  /// How many items the whole list has.
  private(set) var count = 0
  /// How many items are kept.
  let capacity: Int

  /// An empty list keeping its first `capacity` items.
  init(keeping capacity: Int) {
    self.capacity = max(capacity, 0)
  }

  /// Whether the list has no item.
  var isEmpty: Bool { count == 0 }

  /// Counts one more item, built only when it is kept.
  mutating func append(_ item: @autoclosure () -> Item) {
    if first.count < capacity { first.append(item()) }
    count += 1
  }

  /// The first `limit` items and, when there are more, `…and N more` (with `; see <file>`),
  /// worded as ``ReviewMemo/capped(_:limit:seeAlso:)``; `limit` is at most ``capacity``.
  func capped(limit: Int, seeAlso: String? = nil) -> (shown: ArraySlice<Item>, more: String?) {
    precondition(limit <= capacity || count <= capacity, "a list head shows what it kept")
    guard count > limit else { return (first[...], nil) }
    let suffix = seeAlso.map { "; see \($0)" } ?? ""
    return (first.prefix(limit), "…and \(count - limit) more\(suffix).")
  }
}
