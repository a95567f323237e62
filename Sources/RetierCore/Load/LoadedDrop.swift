/// Every row of a drop, parsed but not yet cross-checked.
struct LoadedDrop: Sendable {
  /// `accounts.csv` rows in file order, each typed as the account it describes. Validation
  /// fills in `arr`, `usage` and `hasUsageRow` (zero, unknown and false until then) and keeps
  /// the valid ones; a row with problems holds placeholders where its fields did not parse.
  var accounts: AccountColumns
  /// Why `accounts.csv` rows cannot be used on their own, for the rows that have problems, in
  /// row order.
  var accountProblems: [RowProblems]
  /// `arr.csv` lines in file order.
  var arrLines: ARRLines
  /// `usage.csv` rows in file order.
  var usageRows: UsageRows
  /// `overrides.csv` rows in file order (empty when the file is absent).
  var overrideRows: OverrideRows
  /// Usable roster rows.
  var roster: [CSM]
  /// Roster rows that cannot be used.
  var rosterRejections: [Rejection]
  /// Data rows per file name (blank rows not included).
  var rowCounts: [String: Int]
  /// Blank rows skipped per file name, for the files that had any.
  var blankRowCounts: [String: Int]
  /// Lowercase hex SHA-256 of each file's bytes, by file name.
  var checksums: [String: String]
}
