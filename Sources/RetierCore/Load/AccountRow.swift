/// One data row of `accounts.csv`, parsed; `problems` lists why it cannot be used.
package struct AccountRow: Sendable {
  /// 1-based line of the row.
  package var line: Int
  /// `account_id`, trimmed.
  package var id: String
  /// `account_name` as written.
  package var name: String
  /// `current_tier` when it is a valid tier number; `nil` when blank or invalid.
  package var currentTier: Int?
  /// `owner_id`, trimmed.
  package var ownerID: String
  /// `customer_since`.
  package var customerSince: CalendarDate?
  /// `strategic_fit`, 0–5.
  package var strategicFit: Int?
  /// `expansion_ceiling_arr`; `nil` means unknown.
  package var expansionCeiling: Money?
  /// `multi_bu`.
  package var multiBU: Bool
  /// `sponsor_status` is `lost`.
  package var sponsorLost: Bool
  /// Why the row is rejected; empty when it is valid on its own.
  package var problems: [String]
}
