/// The outcome of the tier step for a whole book, besides each account's decision (the
/// ledger's ``AccountLedger/decisions`` column).
package struct TieringResult: Sendable {
  /// Overrides applied, by account id.
  package var validOverrides: [String: ValidOverride]
  /// Overrides not applied, with why, sorted by account id and line.
  package var ignoredOverrides: IgnoredOverrides
  /// One report per capped tier, top down.
  package var capReports: [CapReport]
}
