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
  /// Whether it was held in the last tier as a new logo.
  package var isNewLogo: Bool
  /// The override applied, if any, behind a reference: a book of a million decisions holds a
  /// few dozen overrides, and an inline `ValidOverride?` would more than double every decision.
  private var overrideBox: OverrideBox?

  /// The override applied, if any.
  package var override: ValidOverride? {
    get { overrideBox?.value }
    set { overrideBox = newValue.map(OverrideBox.init) }
  }

  /// Creates a decision.
  package init(
    rubricTier: Int, targetTier: Int, finalTier: Int, reason: TierReason,
    override: ValidOverride?, isNewLogo: Bool
  ) {
    self.rubricTier = rubricTier
    self.targetTier = targetTier
    self.finalTier = finalTier
    self.reason = reason
    self.isNewLogo = isNewLogo
    self.overrideBox = override.map(OverrideBox.init)
  }
}

/// An immutable box for a ``ValidOverride``; equal and hashed by its value.
private final class OverrideBox: Sendable, Hashable {
  let value: ValidOverride

  init(_ value: ValidOverride) {
    self.value = value
  }

  static func == (left: OverrideBox, right: OverrideBox) -> Bool { left.value == right.value }

  func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
