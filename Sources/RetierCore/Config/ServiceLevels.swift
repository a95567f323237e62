/// What an account of a tier is entitled to; rendered in the service-level reset of a memo.
package struct ServiceLevels: Sendable, Hashable {
  /// Who the customer deals with, e.g. "named CSM" or "pooled CS team".
  package var coverage: String
  /// Business-review cadence, e.g. "quarterly".
  package var reviewCadence: String
  /// Response target for a P1 ticket, e.g. "1 hour".
  package var p1Response: String
  /// Whether an executive sponsor is assigned.
  package var executiveSponsor: Bool
  /// CSM hours per account per month.
  package var csmHoursPerMonth: ExactDecimal
}
