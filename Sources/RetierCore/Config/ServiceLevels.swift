/// What an account of a tier is entitled to, as the training's service grid lays it out (SPEC
/// §4); the memos quote it old → new in the service-level reset.
struct ServiceLevels: Sendable, Hashable {
  /// Who the customer deals with, e.g. "named CSM + named TAM".
  var coverage: String
  /// Business-review cadence, e.g. "quarterly on-site QBR"; "none" when the tier runs none.
  var businessReviews: String
  /// Executive contact, e.g. "monthly exec sync, executive sponsor pairing".
  var executiveContact: String
  /// Response target for a P1 ticket, e.g. "4 hours".
  var p1Response: String
  /// How the renewal is run, e.g. "starts 120 days out".
  var renewalMotion: String
  /// The plays the tier runs that no other tier runs; every tier needs at least one.
  var plays: [String]
  /// CSM hours per account per month.
  var csmHoursPerMonth: ExactDecimal
}

extension ServiceLevels {
  /// The training's Tier 1 (Gold) column.
  static let trainingTier1 = ServiceLevels(
    coverage: "named CSM + named TAM", businessReviews: "quarterly on-site QBR",
    executiveContact: "monthly exec sync, executive sponsor pairing", p1Response: "4 hours",
    renewalMotion: "starts 120 days out",
    plays: ["roadmap influence seat", "NPS check at 30/90/180 days"],
    csmHoursPerMonth: ExactDecimal(8))

  /// The training's Tier 2 (Silver) column.
  static let trainingTier2 = ServiceLevels(
    coverage: "named CSM, pooled TAM", businessReviews: "quarterly QBR (virtual)",
    executiveContact: "twice-yearly executive touch", p1Response: "8 hours",
    renewalMotion: "success-plan review at renewal −120 days", plays: ["success-plan review"],
    csmHoursPerMonth: ExactDecimal(2))

  /// The training's Tier 3 (Bronze) column: pooled, tech-touch.
  static let trainingPooled = ServiceLevels(
    coverage: "pooled CSM (1:many)", businessReviews: "none", executiveContact: "none",
    p1Response: "1 business day", renewalMotion: "outreach at renewal −60 days",
    plays: ["self-serve playbooks", "in-product onboarding", "automated health-score nudges"],
    csmHoursPerMonth: ExactDecimal(millionths: 250_000))
}
