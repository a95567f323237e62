/// Every account of one run and everything each phase decided about it, addressed by
/// ``AccountRef`` (valid accounts) and ``RejectedRef`` (rejected accounts with a usable id).
///
/// Validation makes the ledger with the accounts' own columns; then each phase adds its
/// column: the score phase ``scores``, the tier phase ``decisions``, the assign phase
/// ``owners`` and ``ownerChangeReasons``. Renderers read an account's data through its ref,
/// so no two lists are ever aligned by position. A column is empty until its phase has run.
///
/// The ledger keeps its data compact (``AccountColumns``, ``ScoreColumn``, ``DecisionColumn``)
/// and hands out plain values: ``Account``, ``SignalScores``, ``TierDecision``.
package struct AccountLedger: Sendable {
  /// The valid accounts, in id order.
  private var accounts: AccountColumns
  /// The rejected accounts with a usable id, in id order, one per id.
  private var rejected: [RejectedAccount]
  /// The scores, once the score phase has run.
  package internal(set) var scores = ScoreColumn()
  /// The tier decisions, once the tier phase has run.
  package internal(set) var decisions = DecisionColumn()
  /// The owner after the run ("" when left unassigned), once the assign phase has run.
  package internal(set) var owners = AccountColumn<String>()
  /// Why the owner changes (`nil` when it stays), once the assign phase has run.
  package internal(set) var ownerChangeReasons = AccountColumn<OwnerChangeReason?>()

  /// A ledger of `accounts` and `rejected`, each sorted by id with no id in both.
  init(accounts: AccountColumns, rejected: [RejectedAccount]) {
    self.accounts = accounts
    self.rejected = rejected
  }

  /// The valid accounts, in id order.
  package var refs: AccountRefs { AccountRefs(accountCount: accounts.count) }

  /// The rejected accounts with a usable id, in id order.
  package var rejectedRefs: RejectedRefs { RejectedRefs(accountCount: rejected.count) }

  /// How many valid accounts.
  package var count: Int { accounts.count }

  /// The account of `ref`.
  package subscript(ref: AccountRef) -> Account { accounts[ref.row] }

  /// The rejected account of `ref`.
  package subscript(ref: RejectedRef) -> RejectedAccount { rejected[ref.row] }

  /// `account_id` of `ref`, without building the account.
  package func id(_ ref: AccountRef) -> String { accounts.id(ref.row) }

  /// `account_name` of `ref`, without building the account.
  package func name(_ ref: AccountRef) -> String { accounts.name(ref.row) }

  /// The ARR of `ref`, without building the account.
  package func arr(_ ref: AccountRef) -> Money { accounts.arr(ref.row) }

  /// The CRM's tier of `ref` before the run, without building the account.
  package func currentTier(_ ref: AccountRef) -> Int? { accounts.currentTier(ref.row) }

  /// The CRM's owner of `ref` before the run, without building the account.
  package func ownerID(_ ref: AccountRef) -> String { accounts.ownerID(ref.row) }

  /// `customer_since` of `ref`, without building the account.
  package func customerSince(_ ref: AccountRef) -> CalendarDate { accounts.customerSince(ref.row) }

  /// The account executive of `ref` (`sales_owner`, `sales_owner_email`).
  func accountExecutive(_ ref: AccountRef) -> AccountExecutive {
    accounts.accountExecutive(ref.row)
  }

  /// The business reviews `ref` skipped in a row, without building the account.
  package func reviewsSkipped(_ ref: AccountRef) -> Int { accounts.reviewsSkipped(ref.row) }

  /// `renewal_date` of `ref` (`nil` when unknown), without building the account.
  package func renewalDate(_ ref: AccountRef) -> CalendarDate? { accounts.renewalDate(ref.row) }

  /// Whether the CS lead pinned the owner of `ref` (`owner_locked`).
  package func ownerLocked(_ ref: AccountRef) -> Bool { accounts.ownerLocked(ref.row) }

  /// `lock_reason` of `ref`, as written.
  package func lockReason(_ ref: AccountRef) -> String { accounts.lockReason(ref.row) }

  /// The valid account whose id is `id`, if any (binary search on the id order).
  package func ref(forID id: String) -> AccountRef? {
    let row = Self.lowerBound(of: id, count: accounts.count) { accounts.id($0) }
    return row < accounts.count && accounts.id(row) == id ? AccountRef(row: row) : nil
  }

  /// The rejected account whose id is `id`, if any (binary search on the id order).
  package func rejectedRef(forID id: String) -> RejectedRef? {
    let row = Self.lowerBound(of: id, count: rejected.count) { rejected[$0].id }
    return row < rejected.count && rejected[row].id == id ? RejectedRef(row: row) : nil
  }

  /// The valid accounts by ARR, highest first, then by id.
  package func refsByARRDescending() -> [AccountRef] {
    let count = accounts.count
    let cents = (0..<count).map { accounts.arr($0).cents }
    guard cents.allSatisfy({ UInt64(exactly: $0) != nil }) else {
      return refs.sorted { left, right in
        let (leftCents, rightCents) = (cents[left.row], cents[right.row])
        return leftCents != rightCents ? leftCents > rightCents : left < right
      }
    }
    // One key per account, ARR descending in the high half and the row in the low half, sorts
    // in the natural order of integers, nearly three times faster than through a closure.
    var keys = cents.indices.map { row in
      UInt128(UInt64.max - UInt64(cents[row])) << 64 | UInt128(row)
    }
    keys.sort()
    return keys.map { AccountRef(row: Int(truncatingIfNeeded: $0)) }
  }

  /// The first of `count` rows, sorted by the id `idOfRow` gives, whose id is not below `id`.
  private static func lowerBound(
    of id: String, count: Int, idOfRow: (Int) -> String
  ) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if idOfRow(middle) < id { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
