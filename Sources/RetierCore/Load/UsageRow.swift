/// Product-usage facts for one account; every field may be unknown.
package struct Usage: Sendable, Hashable {
  // Every account holds its usage for the whole run. Four `Int?` take 64 bytes (each optional
  // pads to 16), so each is stored in one word: 32 bytes. The parsers give counts below 10^15
  // and hundredths below 10^17, never negative, so every parsed value fits a word exactly and
  // none is `Int.min`, which stands for nil.

  /// `licensed_seats`.
  @WordSizedOptional package var licensedSeats: Int?
  /// `active_users`.
  @WordSizedOptional package var activeUsers: Int?
  /// `active_users_prev_quarter`.
  @WordSizedOptional package var activeUsersPreviousQuarter: Int?
  /// `support_hours` in hundredths of an hour.
  @WordSizedOptional package var supportHundredths: Int?

  /// Creates the facts; every value left out is unknown. No value may be `Int.min`.
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
