/// Product-usage facts for one account; every field may be unknown.
struct Usage: Sendable, Hashable {
  /// `licensed_seats`.
  var licensedSeats: Int?
  /// `active_users`.
  var activeUsers: Int?
  /// `active_users_prev_quarter`.
  var activeUsersPreviousQuarter: Int?
  /// `support_hours` in hundredths of an hour.
  var supportHundredths: Int?

  /// Nothing known: the account has no usage row.
  static let unknown = Usage()
}

/// One data row of `usage.csv`.
struct UsageRow: Sendable {
  /// 1-based line.
  var line: Int
  /// `account_id`, trimmed.
  var accountID: String
  /// The parsed facts.
  var usage: Usage
  /// Why the row cannot be used.
  var problems: [String]
}
