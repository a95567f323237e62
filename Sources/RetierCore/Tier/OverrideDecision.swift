/// A dual-approved exception that sets an account's tier this quarter.
struct ValidOverride: Sendable, Hashable {
  /// The row as written.
  var row: OverrideRow
  /// The tier it sets.
  var tier: Int
  /// Its expiry.
  var expires: CalendarDate
}

/// An override row that was not applied, with why (listed in the memo).
struct IgnoredOverride: Sendable, Hashable {
  /// The row as written.
  var row: OverrideRow
  /// Why it was ignored.
  var reason: String
}
