/// One data row of `accounts.csv`, parsed; `problems` lists why it cannot be used.
struct AccountRow: Sendable {
  /// 1-based line of the row.
  var line: Int
  /// `account_id`, trimmed.
  var id: String
  /// `account_name` as written.
  var name: String
  /// `current_tier` when it is a valid tier number; `nil` when blank or invalid.
  var currentTier: Int?
  /// `owner_id`, trimmed.
  var ownerID: String
  /// `customer_since`.
  var customerSince: CalendarDate?
  /// `strategic_fit`, 0–5.
  var strategicFit: Int?
  /// `expansion_ceiling_arr`; `nil` means unknown.
  var expansionCeiling: Money?
  /// `multi_bu`.
  var multiBU: Bool
  /// `sponsor_status` is `lost`.
  var sponsorLost: Bool
  /// Why the row is rejected; empty when it is valid on its own.
  var problems: [String]
}
