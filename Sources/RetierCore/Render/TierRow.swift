/// One line of `tiers.csv`: a valid account with its scores, or a rejected one kept as is.
struct TierRow: Sendable {
  /// Where a line comes from: a valid account or a rejected one of the ledger.
  enum Source: Sendable, Hashable {
    /// A valid account.
    case valid(AccountRef)
    /// A rejected account with a usable id.
    case rejected(RejectedRef)
  }

  /// `account_id`.
  var accountID: String
  /// `account_name`.
  var accountName: String
  /// `from_tier`: the CRM's current tier.
  var fromTier: Int?
  /// `to_tier`: the tier after the run (a rejected account keeps its tier).
  var toTier: Int?
  /// `reason`.
  var reason: TierReason
  /// `owner_id` after the run.
  var ownerID: String
}

extension RunResult {
  /// Every account with a usable id, valid or rejected, sorted by account id.
  var tierRows: [TierRow] {
    var rows: [TierRow] = []
    rows.reserveCapacity(tierRowCount)
    forEachTierRowSource { rows.append(tierRow($0)) }
    return rows
  }

  /// The number of ``tierRows`` lines: every valid and every rejected account.
  var tierRowCount: Int { book.ledger.count + book.ledger.rejectedRefs.count }

  /// Where each rejected account's line falls among the ``tierRows`` lines, ascending; with
  /// these, any range of lines is found without walking the lines before it.
  var rejectedTierRowPositions: [Int] {
    // Both lists are sorted by id and share no id (a repeated id is rejected on every row), so
    // one merge gives the sorted list; valid accounts go first on a tie, as a stable sort would.
    let ledger = book.ledger
    var next = 0
    return ledger.rejectedRefs.map { rejected in
      let rejectedID = ledger[rejected].id
      while next < ledger.count, !(rejectedID < ledger.id(ledger.refs[next])) { next += 1 }
      return next + rejected.row
    }
  }

  /// Calls `body` with the source of every ``tierRows`` line, in the same order, without
  /// building the rows: a renderer reads the few fields it needs from the book directly.
  func forEachTierRowSource(_ body: (TierRow.Source) throws -> Void) rethrows {
    try forEachTierRowSource(
      in: 0..<tierRowCount, rejectedPositions: rejectedTierRowPositions, body)
  }

  /// Calls `body` with the source of each ``tierRows`` line in `lines`, in order, given the
  /// ``rejectedTierRowPositions``.
  func forEachTierRowSource(
    in lines: Range<Int>, rejectedPositions: [Int], _ body: (TierRow.Source) throws -> Void
  ) rethrows {
    // The rejected lines before the range, by binary search: line p is valid account
    // p - (rejected lines before p).
    var low = 0
    var high = rejectedPositions.count
    while low < high {
      let middle = (low + high) / 2
      if rejectedPositions[middle] < lines.lowerBound { low = middle + 1 } else { high = middle }
    }
    var rejectedBefore = low
    for line in lines {
      if rejectedBefore < rejectedPositions.count, rejectedPositions[rejectedBefore] == line {
        try body(.rejected(RejectedRef(row: rejectedBefore)))
        rejectedBefore += 1
      } else {
        try body(.valid(AccountRef(row: line - rejectedBefore)))
      }
    }
  }

  /// The `tiers.csv` line of `source`.
  func tierRow(_ source: TierRow.Source) -> TierRow {
    switch source {
    case .valid(let ref):
      return TierRow(
        accountID: ledger.id(ref), accountName: ledger.name(ref),
        fromTier: ledger.currentTier(ref), toTier: ledger.decisions.finalTier(ref),
        reason: ledger.decisions.reason(ref), ownerID: ledger.owners[ref])
    case .rejected(let ref):
      let rejected = ledger[ref]
      return TierRow(
        accountID: rejected.id, accountName: rejected.name,
        fromTier: rejected.currentTier, toTier: rejected.currentTier, reason: .invalidInput,
        ownerID: rejected.ownerID)
    }
  }
}
