/// The validated book of one drop: valid accounts, rejected rows, orphans and the roster.
struct Book: Sendable {
  /// Valid accounts, sorted by id.
  var accounts: [Account]
  /// Rejected accounts with a usable id, sorted by id, one per id.
  var rejectedAccounts: [RejectedAccount]
  /// Every unused row of every file, sorted for `rejected.csv`.
  var rejections: [Rejection]
  /// Problems that did not stop a row from being used (e.g. no usage row).
  var warnings: [Diagnostic]
  /// ARR lines whose account is not in `accounts.csv`.
  var orphanARRLines: Int
  /// Usage rows whose account is not in `accounts.csv`.
  var orphanUsageRows: Int
  /// Ids of valid accounts scored with unknown usage, sorted.
  var accountsWithoutUsage: [String]
  /// Override rows as written, for tiering to validate.
  var overrideRows: [OverrideRow]
  /// Usable CSMs, sorted by id.
  var roster: [CSM]
  /// Data rows per input file name.
  var rowCounts: [String: Int]
  /// Rows of `accounts.csv`.
  var accountRowCount: Int
  /// Rows of `accounts.csv` rejected (the error-budget numerator).
  var rejectedAccountRowCount: Int
}
