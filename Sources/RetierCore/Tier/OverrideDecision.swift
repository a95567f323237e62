/// A dual-approved exception that sets an account's tier this quarter.
package struct ValidOverride: Sendable, Hashable {
  /// The row as written.
  package var row: OverrideRow
  /// The tier it sets.
  var tier: Int
  /// Its expiry.
  package var expires: CalendarDate
}

/// An override row that was not applied, with why (listed in the memo).
package struct IgnoredOverride: Sendable, Hashable {
  /// The row as written.
  package var row: OverrideRow
  /// Why it was ignored.
  package var reason: String
}
