/// The validated book of one drop: valid accounts, rejected rows, orphans and the roster.
package struct Book: Sendable {
  /// The valid accounts and the rejected ones with a usable id, each in id order; the later
  /// phases add their columns to it.
  package var ledger: AccountLedger
  /// Every unused row of every file, sorted for `rejected.csv`.
  package var rejections: [Rejection]
  /// Problems that did not stop a row from being used (e.g. no usage row).
  package var warnings: [Diagnostic]
  /// ARR lines whose account is not in `accounts.csv`.
  package var orphanARRLines: Int
  /// Usage rows whose account is not in `accounts.csv`.
  package var orphanUsageRows: Int
  /// Ids of valid accounts scored with unknown usage, sorted.
  package var accountsWithoutUsage: [String]
  /// Override rows as written, for tiering to validate.
  var overrideRows: OverrideRows
  /// Usable CSMs, sorted by id.
  package var roster: [CSM]
  /// Data rows per input file name.
  var rowCounts: [String: Int]
  /// Rows of `accounts.csv`.
  package var accountRowCount: Int
  /// Rows of `accounts.csv` rejected (the error-budget numerator).
  package var rejectedAccountRowCount: Int
}
