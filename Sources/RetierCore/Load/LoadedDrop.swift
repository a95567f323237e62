/// Every row of a drop, parsed but not yet cross-checked.
package struct LoadedDrop: Sendable {
  /// `accounts.csv` rows in file order, each typed as the account it describes. Validation
  /// fills in `arr`, `usage` and `hasUsageRow` (zero, unknown and false until then) and keeps
  /// the valid ones; a row with problems holds placeholders where its fields did not parse.
  package var accounts: [Account]
  /// Why `accounts.csv` rows cannot be used on their own, for the rows that have problems, in
  /// row order.
  package var accountProblems: [RowProblems]
  /// `arr.csv` lines in file order.
  package var arrLines: ARRLines
  /// `usage.csv` rows in file order.
  package var usageRows: UsageRows
  /// `overrides.csv` rows in file order (empty when the file is absent).
  package var overrideRows: [OverrideRow]
  /// Usable roster rows.
  package var roster: [CSM]
  /// Roster rows that cannot be used.
  package var rosterRejections: [Rejection]
  /// Data rows per file name.
  package var rowCounts: [String: Int]
  /// Lowercase hex SHA-256 of each file's bytes, by file name.
  package var checksums: [String: String]
}
