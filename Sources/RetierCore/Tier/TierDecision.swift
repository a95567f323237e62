/// Where one valid account lands and why.
package struct TierDecision: Sendable, Hashable {
  // A run holds one decision per account until the end. Tiers are stored as `Int32` (a tier is
  // 1…K for a ladder of K configured tiers), and `isNewLogo` follows `reason` so that it takes
  // the byte after the reason's tag rather than padding of its own: 32 bytes rather than 48.

  /// The override applied, if any, behind a reference: a book of a million decisions holds a
  /// few dozen overrides, and an inline `ValidOverride?` would more than double every decision.
  private var overrideBox: OverrideBox?
  /// Why it ends there.
  package var reason: TierReason
  /// Whether it was held in the last tier as a new logo.
  package var isNewLogo: Bool
  /// Whether skipped business reviews held its target one tier below its current one (the
  /// reason says so until a cap moves it further down).
  package var isHeldBySkippedReviews: Bool
  /// `rubricTier`.
  private var storedRubricTier: Int32
  /// `targetTier`.
  private var storedTargetTier: Int32
  /// `finalTier`.
  private var storedFinalTier: Int32

  /// Creates a decision; the tiers must fit an `Int32`.
  init(
    rubricTier: Int, targetTier: Int, finalTier: Int, reason: TierReason,
    override: ValidOverride?, isNewLogo: Bool, isHeldBySkippedReviews: Bool = false
  ) {
    self.overrideBox = override.map(OverrideBox.init)
    self.reason = reason
    self.isNewLogo = isNewLogo
    self.isHeldBySkippedReviews = isHeldBySkippedReviews
    storedRubricTier = Int32(rubricTier)
    storedTargetTier = Int32(targetTier)
    storedFinalTier = Int32(finalTier)
  }

  /// Highest tier whose line the total reaches, ignoring overrides, new-logo hold and caps.
  package var rubricTier: Int {
    get { Int(storedRubricTier) }
    set { storedRubricTier = Int32(newValue) }
  }

  /// The tier the account aimed for before caps (override, new-logo hold or rubric).
  package var targetTier: Int {
    get { Int(storedTargetTier) }
    set { storedTargetTier = Int32(newValue) }
  }

  /// The tier it ends in.
  package var finalTier: Int {
    get { Int(storedFinalTier) }
    set { storedFinalTier = Int32(newValue) }
  }

  /// The override applied, if any.
  package var override: ValidOverride? {
    get { overrideBox?.value }
    set { overrideBox = newValue.map(OverrideBox.init) }
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
