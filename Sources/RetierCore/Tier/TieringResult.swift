/// The outcome of the tier step for a whole book.
struct TieringResult: Sendable {
  /// One decision per valid account, aligned with ``Book/accounts``.
  var decisions: [TierDecision]
  /// Overrides applied, by account id.
  var validOverrides: [String: ValidOverride]
  /// Overrides not applied, with why, sorted by account id and line.
  var ignoredOverrides: [IgnoredOverride]
  /// One report per capped tier, top down.
  var capReports: [CapReport]
}
