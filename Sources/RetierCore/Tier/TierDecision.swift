/// Where one valid account lands and why.
package struct TierDecision: Sendable, Hashable {
  /// Highest tier whose line the total reaches, ignoring overrides, new-logo hold and caps.
  package var rubricTier: Int
  /// The tier the account aimed for before caps (override, new-logo hold or rubric).
  package var targetTier: Int
  /// The tier it ends in.
  package var finalTier: Int
  /// Why it ends there.
  package var reason: TierReason
  /// The override applied, if any.
  package var override: ValidOverride?
  /// Whether it was held in the last tier as a new logo.
  package var isNewLogo: Bool
  /// Whether skipped business reviews set its target (SPEC §4 step 4): one tier below its
  /// current one, or held at its current one when the rubric would have promoted it (the reason
  /// says so until a cap moves it further down).
  package var isHeldBySkippedReviews = false
}
