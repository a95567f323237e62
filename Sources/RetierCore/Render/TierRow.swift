/// One line of `tiers.csv`: a valid account with its scores, or a rejected one kept as is.
package struct TierRow: Sendable {
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
    // Both lists are sorted by id and share no id (a repeated id is rejected on every row), so
    // one merge gives the sorted list; valid accounts go first on a tie, as a stable sort would.
    let accounts = book.accounts
    let rejectedAccounts = book.rejectedAccounts
    var rows: [TierRow] = []
    rows.reserveCapacity(accounts.count + rejectedAccounts.count)
    var next = 0
    for rejected in rejectedAccounts {
      while next < accounts.count, !(rejected.id < accounts[next].id) {
        rows.append(validRow(next))
        next += 1
      }
      rows.append(
        TierRow(
          accountID: rejected.id, accountName: rejected.name, validIndex: nil,
          fromTier: rejected.currentTier, toTier: rejected.currentTier, reason: .invalidInput,
          ownerID: rejected.ownerID))
    }
    while next < accounts.count {
      rows.append(validRow(next))
      next += 1
    }
    return rows
  }

  /// The `tiers.csv` line of the valid account at `index`.
  private func validRow(_ index: Int) -> TierRow {
    let account = book.accounts[index]
    return TierRow(
      accountID: account.id, accountName: account.name, validIndex: index,
      fromTier: account.currentTier, toTier: tiering.decisions[index].finalTier,
      reason: tiering.decisions[index].reason, ownerID: owners.owners[index])
  }
}
