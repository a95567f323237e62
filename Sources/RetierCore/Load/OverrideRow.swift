/// One data row of `overrides.csv`: an exception to the rubric, not yet validated.
struct OverrideRow: Sendable, Hashable {
  /// 1-based line.
  var line: Int
  /// `account_id`, trimmed.
  var accountID: String
  /// `tier` as written, trimmed.
  var tierText: String
  /// `reason`, trimmed.
  var reason: String
  /// `approved_by_sales`, trimmed.
  var approvedBySales: String
  /// `approved_by_cs`, trimmed.
  var approvedByCS: String
  /// `expires` as written, trimmed.
  var expiresText: String
}
