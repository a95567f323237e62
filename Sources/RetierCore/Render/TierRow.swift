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
    var rows: [TierRow] = []
    rows.reserveCapacity(book.accounts.count + book.rejectedAccounts.count)
    for (index, account) in book.accounts.enumerated() {
      rows.append(
        TierRow(
          accountID: account.id, accountName: account.name, validIndex: index,
          fromTier: account.currentTier, toTier: tiering.decisions[index].finalTier,
          reason: tiering.decisions[index].reason, ownerID: owners.owners[index]))
    }
    for rejected in book.rejectedAccounts {
      rows.append(
        TierRow(
          accountID: rejected.id, accountName: rejected.name, validIndex: nil,
          fromTier: rejected.currentTier, toTier: rejected.currentTier, reason: .invalidInput,
          ownerID: rejected.ownerID))
    }
    return rows.sorted { $0.accountID < $1.accountID }
  }
}
