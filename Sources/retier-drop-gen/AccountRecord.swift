import RetierCore

/// One generated account: its accounts.csv row and, when it has one, its usage.csv row.
struct AccountRecord {
  /// `customer_since` as written.
  enum Since {
    /// A real date.
    case date(CalendarDate)
    /// Raw text, for a deliberately broken row such as `2026-13-01`.
    case text(String)
  }

  /// `account_id`, e.g. `ACC-00042`.
  var id: String
  /// `account_name`.
  var name: String
  /// `industry`, a column unknown to the contract.
  var industry: String
  /// `customer_since`.
  var customerSince: Since
  /// `strategic_fit` (0...5 for a valid row).
  var strategicFit: Int
  /// `current_tier`; `nil` is blank (a first placement).
  var currentTier: Int?
  /// `owner_id`; empty is blank.
  var ownerID: String
  /// The fields behind the expansion signal.
  var expansion: ExpansionFields
  /// `support_hours` in hundredths of an hour; `nil` is blank.
  var supportHundredths: Int64?
  /// False for an account with no usage row.
  var hasUsageRow: Bool
  /// `reviews_skipped`; `nil` is blank.
  var reviewsSkipped: Int? = nil
  /// `renewal_date`, `owner_locked` and `lock_reason`.
  var hold = Hold()

  /// The owner-hold columns of an account (SPEC §2).
  struct Hold {
    /// `renewal_date`; `nil` is blank.
    var renewal: CalendarDate? = nil
    /// `owner_locked`.
    var locked = false
    /// `lock_reason`.
    var reason = ""
  }
}
