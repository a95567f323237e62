/// A valid account of the book: its CRM row joined with its ARR and usage.
///
/// A plain value: the run keeps its accounts in the compact columns of the
/// ``AccountLedger``, which builds an `Account` when one is read.
package struct Account: Sendable, Hashable {
  /// `account_id`.
  package var id: String
  /// `account_name`.
  package var name: String
  /// Tier in the CRM before this run; `nil` for a first placement.
  package var currentTier: Int?
  /// Owner in the CRM before this run (may be blank, unknown or inactive).
  package var ownerID: String
  /// Customer since.
  package var customerSince: CalendarDate
  /// Strategic fit 0–5 from the CRM.
  var strategicFit: Int
  /// The ARR the account could reach within 24 months; `nil` when unknown.
  package var expansionCeiling: Money?
  /// Buys in more than one business unit.
  package var multiBU: Bool
  /// The executive sponsor is lost.
  package var sponsorLost: Bool
  /// Sum of the account's ARR lines (never negative for a valid account).
  package var arr: Money
  /// Usage facts; ``Usage/unknown`` when the account has no usage row.
  package var usage: Usage
  /// Whether the account had a usage row.
  var hasUsageRow: Bool
  /// Line in `accounts.csv`.
  var line: Int
  /// Scheduled business reviews in a row the customer did not hold, up to the drop (0 when
  /// blank).
  package var reviewsSkipped = 0
  /// `sales_owner`, trimmed: the account executive who owns the account commercially (empty
  /// when blank).
  package var salesOwner = ""
  /// `sales_owner_email`, trimmed (empty when blank).
  package var salesOwnerEmail = ""
  /// `renewal_date`; `nil` when blank (unknown).
  package var renewalDate: CalendarDate? = nil
  /// `owner_locked`: the CS lead pinned the owner (blank means false).
  package var ownerLocked = false
  /// `lock_reason`, as written.
  package var lockReason = ""
}

/// An account row that was rejected but whose id is usable: it keeps its tier and owner and is
/// listed in `tiers.csv` with reason `invalid_input`.
package struct RejectedAccount: Sendable, Hashable {
  /// `account_id`.
  package var id: String
  /// `account_name` of its first row.
  package var name: String
  /// `current_tier` of its first row when valid.
  package var currentTier: Int?
  /// `owner_id` of its first row.
  package var ownerID: String
}
