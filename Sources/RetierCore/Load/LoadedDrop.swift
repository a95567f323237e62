/// Every row of a drop, parsed but not yet cross-checked.
package struct LoadedDrop: Sendable {
  /// `accounts.csv` rows in file order.
  package var accountRows: [AccountRow]
  /// `arr.csv` lines in file order.
  package var arrLines: [ARRLine]
  /// `usage.csv` rows in file order.
  package var usageRows: [UsageRow]
  /// `overrides.csv` rows in file order (empty when the file is absent).
  package var overrideRows: [OverrideRow]
  /// Usable roster rows.
  package var roster: [CSM]
  /// Roster rows that cannot be used.
  package var rosterRejections: [Rejection]
  /// Data rows per file name.
  package var rowCounts: [String: Int]
}
