/// One data row of `overrides.csv`: an exception to the rubric, not yet validated.
package struct OverrideRow: Sendable, Hashable {
  /// 1-based line.
  package var line: Int
  /// `account_id`, trimmed.
  package var accountID: String
  /// `tier` as written, trimmed.
  var tierText: String
  /// `reason`, trimmed.
  package var reason: String
  /// `approved_by_sales`, trimmed.
  package var approvedBySales: String
  /// `approved_by_cs`, trimmed.
  package var approvedByCS: String
  /// `expires` as written, trimmed.
  var expiresText: String
  /// Why the row's fields cannot be trusted (it has another number of fields than the header);
  /// `nil` for an aligned row.
  var misalignment: String? = nil
}
