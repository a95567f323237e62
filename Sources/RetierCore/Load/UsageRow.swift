/// Product-usage facts for one account; every field may be unknown.
package struct Usage: Sendable, Hashable {
  /// `licensed_seats`.
  package var licensedSeats: Int?
  /// `active_users`.
  package var activeUsers: Int?
  /// `active_users_prev_quarter`.
  package var activeUsersPreviousQuarter: Int?
  /// `support_hours` in hundredths of an hour.
  package var supportHundredths: Int?

  /// Nothing known: the account has no usage row.
  package static let unknown = Usage()
}

/// One data row of `usage.csv`.
package struct UsageRow: Sendable {
  /// 1-based line.
  package var line: Int
  /// `account_id`, trimmed.
  package var accountID: String
  /// The parsed facts.
  package var usage: Usage
  /// Why the row cannot be used.
  package var problems: [String]
}
