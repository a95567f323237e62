/// Every row of a drop, parsed but not yet cross-checked.
struct LoadedDrop: Sendable {
  /// `accounts.csv` rows in file order.
  var accountRows: [AccountRow]
  /// `arr.csv` lines in file order.
  var arrLines: [ARRLine]
  /// `usage.csv` rows in file order.
  var usageRows: [UsageRow]
  /// `overrides.csv` rows in file order (empty when the file is absent).
  var overrideRows: [OverrideRow]
  /// Usable roster rows.
  var roster: [CSM]
  /// Roster rows that cannot be used.
  var rosterRejections: [Rejection]
  /// Data rows per file name.
  var rowCounts: [String: Int]
}
