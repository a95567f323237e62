/// A valid account of the run: the key of every per-account column of the ``AccountLedger``.
///
/// Accounts are numbered in id order, so refs compare as their accounts' ids do. A ref is only
/// made by the ledger (or a column it hands out), never from a bare number, so no position in
/// one list can be taken for an account of another.
package struct AccountRef: Sendable, Hashable, Comparable {
  /// The account's row in every column of the ledger.
  let row: Int

  /// Whether `left`'s account id sorts before `right`'s.
  package static func < (left: AccountRef, right: AccountRef) -> Bool { left.row < right.row }
}

/// A rejected account with a usable id (SPEC §2): it keeps its tier and owner, and is listed in
/// `tiers.csv` with reason `invalid_input`. Rejected accounts are numbered in id order.
package struct RejectedRef: Sendable, Hashable, Comparable {
  /// The account's row among the ledger's rejected accounts.
  let row: Int

  /// Whether `left`'s account id sorts before `right`'s.
  package static func < (left: RejectedRef, right: RejectedRef) -> Bool { left.row < right.row }
}

/// The refs of a ledger's accounts, in id order.
package struct AccountRefs: RandomAccessCollection, Sendable {
  /// How many accounts.
  let accountCount: Int

  package var startIndex: Int { 0 }
  package var endIndex: Int { accountCount }

  package subscript(position: Int) -> AccountRef { AccountRef(row: position) }
}

/// The refs of a ledger's rejected accounts, in id order.
package struct RejectedRefs: RandomAccessCollection, Sendable {
  /// How many rejected accounts.
  let accountCount: Int

  package var startIndex: Int { 0 }
  package var endIndex: Int { accountCount }

  package subscript(position: Int) -> RejectedRef { RejectedRef(row: position) }
}
