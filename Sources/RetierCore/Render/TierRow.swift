/// One line of `tiers.csv`: a valid account with its scores, or a rejected one kept as is.
package struct TierRow: Sendable {
  /// Where a line comes from: a valid account or a rejected one, by its index in the book.
  package enum Source: Sendable, Hashable {
    /// Index into ``Book/accounts``.
    case valid(Int)
    /// Index into ``Book/rejectedAccounts``.
    case rejected(Int)
  }

  /// `account_id`.
  package var accountID: String
  /// `account_name`.
  package var accountName: String
  /// Index into ``Book/accounts`` for a valid account; `nil` for a rejected one.
  package var validIndex: Int?
  /// `from_tier`: the CRM's current tier.
  package var fromTier: Int?
  /// `to_tier`: the tier after the run (a rejected account keeps its tier).
  package var toTier: Int?
  /// `reason`.
  package var reason: TierReason
  /// `owner_id` after the run.
  package var ownerID: String
}

extension RunResult {
  /// Every account with a usable id, valid or rejected, sorted by account id.
  package var tierRows: [TierRow] {
    var rows: [TierRow] = []
    rows.reserveCapacity(book.accounts.count + book.rejectedAccounts.count)
    forEachTierRowSource { rows.append(tierRow($0)) }
    return rows
  }

  /// Calls `body` with the source of every ``tierRows`` line, in the same order, without
  /// building the rows: a renderer reads the few fields it needs from the book directly.
  package func forEachTierRowSource(_ body: (TierRow.Source) throws -> Void) rethrows {
    // Both lists are sorted by id and share no id (a repeated id is rejected on every row), so
    // one merge gives the sorted list; valid accounts go first on a tie, as a stable sort would.
    let accounts = book.accounts
    let rejectedAccounts = book.rejectedAccounts
    var next = 0
    for (rejectedIndex, rejected) in rejectedAccounts.enumerated() {
      while next < accounts.count, !(rejected.id < accounts[next].id) {
        try body(.valid(next))
        next += 1
      }
      try body(.rejected(rejectedIndex))
    }
    while next < accounts.count {
      try body(.valid(next))
      next += 1
    }
  }

  /// The `tiers.csv` line of `source`.
  package func tierRow(_ source: TierRow.Source) -> TierRow {
    switch source {
    case .valid(let index):
      let account = book.accounts[index]
      return TierRow(
        accountID: account.id, accountName: account.name, validIndex: index,
        fromTier: account.currentTier, toTier: tiering.decisions[index].finalTier,
        reason: tiering.decisions[index].reason, ownerID: owners.owners[index])
    case .rejected(let index):
      let rejected = book.rejectedAccounts[index]
      return TierRow(
        accountID: rejected.id, accountName: rejected.name, validIndex: nil,
        fromTier: rejected.currentTier, toTier: rejected.currentTier, reason: .invalidInput,
        ownerID: rejected.ownerID)
    }
  }
}
