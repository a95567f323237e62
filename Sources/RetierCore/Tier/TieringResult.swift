/// The outcome of the tier step for a whole book.
package struct TieringResult: Sendable {
  /// One decision per valid account, aligned with ``Book/accounts``.
  package var decisions: [TierDecision]
  /// Overrides applied, by account id.
  package var validOverrides: [String: ValidOverride]
  /// Overrides not applied, with why, sorted by account id and line.
  package var ignoredOverrides: [IgnoredOverride]
  /// One report per capped tier, top down.
  package var capReports: [CapReport]
}
