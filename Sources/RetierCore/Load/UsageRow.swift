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

  /// Creates the facts; every value left out is unknown.
  init(
    licensedSeats: Int? = nil, activeUsers: Int? = nil, activeUsersPreviousQuarter: Int? = nil,
    supportHundredths: Int? = nil
  ) {
    self.licensedSeats = licensedSeats
    self.activeUsers = activeUsers
    self.activeUsersPreviousQuarter = activeUsersPreviousQuarter
    self.supportHundredths = supportHundredths
  }

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
