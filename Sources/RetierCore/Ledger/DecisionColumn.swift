/// Every valid account's ``TierDecision``, read and written by ``AccountRef``: the ledger column
/// the tier phase adds.
///
/// Stored compactly: tiers as `Int32` (a tier is 1…K for a ladder of K configured tiers) and the
/// reason as a one-byte kind, 20 bytes an account where a plain decision with its override
/// inline takes 176; the few overrides applied are kept aside by ref.
package struct DecisionColumn: Sendable {
  /// Tiers and reasons.
  private var decisions: [Packed] = []
  /// The overrides applied, by account.
  private var overrides: [AccountRef: ValidOverride] = [:]

  /// No decisions: the column of a ledger not yet tiered.
  init() {}

  /// Makes room for `count` accounts.
  mutating func reserveCapacity(_ count: Int) {
    decisions.reserveCapacity(count)
  }

  /// Appends the decision of the next account, in ledger order.
  mutating func append(_ decision: TierDecision) {
    if let override = decision.override {
      overrides[AccountRef(row: decisions.count)] = override
    }
    decisions.append(Packed(decision))
  }

  /// The decision of `ref`'s account.
  package subscript(ref: AccountRef) -> TierDecision {
    get {
      let packed = decisions[ref.row]
      // Only a handful of accounts have an override: the others skip the hash lookup.
      return packed.decision(override: packed.hasOverride ? overrides[ref] : nil)
    }
    set {
      decisions[ref.row] = Packed(newValue)
      overrides[ref] = newValue.override
    }
  }

  /// Moves `ref`'s account to `finalTier` for `reason`, keeping the rest of its decision.
  mutating func move(_ ref: AccountRef, to finalTier: Int, reason: TierReason) {
    var packed = decisions[ref.row]
    packed.finalTier = Int32(finalTier)
    packed.setReason(reason)
    decisions[ref.row] = packed
  }

  /// The tier `ref`'s account ends in, without building its decision.
  func finalTier(_ ref: AccountRef) -> Int { Int(decisions[ref.row].finalTier) }

  /// Why `ref`'s account ends where it does, without building its decision.
  func reason(_ ref: AccountRef) -> TierReason { decisions[ref.row].reason }

  /// The tier the rubric alone gives `ref`, without building the decision.
  func rubricTier(_ ref: AccountRef) -> Int { Int(decisions[ref.row].rubricTier) }

  /// How many accounts are decided.
  var count: Int { decisions.count }

  /// One decision without its override.
  private struct Packed: Sendable {
    var rubricTier: Int32
    var targetTier: Int32
    var finalTier: Int32
    /// The tier of a ``TierReason/cap(tier:)`` reason; zero for the others.
    var capTier: Int32
    var kind: Kind
    var isNewLogo: Bool
    var isHeldBySkippedReviews: Bool
    /// Whether the column's overrides hold one for this account (it fits the padding).
    var hasOverride: Bool

    /// The reasons without their payload.
    enum Kind: UInt8 {
      case rubric, override, newLogo, skippedReviews, cap, invalidInput
    }

    init(_ decision: TierDecision) {
      rubricTier = Int32(decision.rubricTier)
      targetTier = Int32(decision.targetTier)
      finalTier = Int32(decision.finalTier)
      isNewLogo = decision.isNewLogo
      isHeldBySkippedReviews = decision.isHeldBySkippedReviews
      hasOverride = decision.override != nil
      capTier = 0
      kind = .rubric
      setReason(decision.reason)
    }

    mutating func setReason(_ reason: TierReason) {
      capTier = 0
      switch reason {
      case .rubric: kind = .rubric
      case .override: kind = .override
      case .newLogo: kind = .newLogo
      case .skippedReviews: kind = .skippedReviews
      case .invalidInput: kind = .invalidInput
      case .cap(let tier):
        kind = .cap
        capTier = Int32(tier)
      }
    }

    var reason: TierReason {
      switch kind {
      case .rubric: .rubric
      case .override: .override
      case .newLogo: .newLogo
      case .skippedReviews: .skippedReviews
      case .invalidInput: .invalidInput
      case .cap: .cap(tier: Int(capTier))
      }
    }

    func decision(override: ValidOverride?) -> TierDecision {
      TierDecision(
        rubricTier: Int(rubricTier), targetTier: Int(targetTier), finalTier: Int(finalTier),
        reason: reason, override: override, isNewLogo: isNewLogo,
        isHeldBySkippedReviews: isHeldBySkippedReviews)
    }
  }
}
