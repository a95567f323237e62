/// A valid account of the book: its CRM row joined with its ARR and usage.
struct Account: Sendable {
  /// `account_id`.
  var id: String
  /// `account_name`.
  var name: String
  /// Tier in the CRM before this run; `nil` for a first placement.
  var currentTier: Int?
  /// Owner in the CRM before this run (may be blank, unknown or inactive).
  var ownerID: String
  /// Customer since.
  var customerSince: CalendarDate
  /// Strategic fit 0–5 from the CRM.
  var strategicFit: Int
  /// The ARR the account could reach within 24 months; `nil` when unknown.
  var expansionCeiling: Money?
  /// Buys in more than one business unit.
  var multiBU: Bool
  /// The executive sponsor is lost.
  var sponsorLost: Bool
  /// Sum of the account's ARR lines (never negative for a valid account).
  var arr: Money
  /// Usage facts; ``Usage/unknown`` when the account has no usage row.
  var usage: Usage
  /// Whether the account had a usage row.
  var hasUsageRow: Bool
  /// Line in `accounts.csv`.
  var line: Int
}

/// An account row that was rejected but whose id is usable: it keeps its tier and owner and is
/// listed in `tiers.csv` with reason `invalid_input`.
struct RejectedAccount: Sendable, Hashable {
  /// `account_id`.
  var id: String
  /// `account_name` of its first row.
  var name: String
  /// `current_tier` of its first row when valid.
  var currentTier: Int?
  /// `owner_id` of its first row.
  var ownerID: String
}
