/// What an account of a tier is entitled to; rendered in the service-level reset of a memo.
struct ServiceLevels: Sendable, Hashable {
  /// Who the customer deals with, e.g. "named CSM" or "pooled CS team".
  var coverage: String
  /// Business-review cadence, e.g. "quarterly".
  var reviewCadence: String
  /// Response target for a P1 ticket, e.g. "1 hour".
  var p1Response: String
  /// Whether an executive sponsor is assigned.
  var executiveSponsor: Bool
  /// CSM hours per account per month.
  var csmHoursPerMonth: ExactDecimal
}
