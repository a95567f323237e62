/// Where one valid account lands and why.
struct TierDecision: Sendable, Hashable {
  /// Highest tier whose line the total reaches, ignoring overrides, new-logo hold and caps.
  var rubricTier: Int
  /// The tier the account aimed for before caps (override, new-logo hold or rubric).
  var targetTier: Int
  /// The tier it ends in.
  var finalTier: Int
  /// Why it ends there.
  var reason: TierReason
  /// The override applied, if any.
  var override: ValidOverride?
  /// Whether it was held in the last tier as a new logo.
  var isNewLogo: Bool
}
