/// Step 4 of SPEC §4, skipped business reviews (`reviews_skipped ≥ reviews_skipped_limit`), read
/// from the drop alone: (a) an account whose current tier has named coverage (its CSM runs
/// business reviews with it) moves down one tier when the rubric gave its current tier or a
/// better one; (b) whatever the coverage, no account moves up while the count stands. The rule's predicate and its wording for people live here; the tier step, `why_moved`,
/// the memos and `explain` all ask it.
package struct SkippedReviewsRule: Sendable {
  /// `reviews_skipped_limit`.
  let limit: Int
  /// The ladder, for each tier's coverage model.
  let tiers: [TierDefinition]

  /// The rule of `configuration`.
  init(_ configuration: Configuration) {
    limit = configuration.reviewsSkippedLimit
    tiers = configuration.tiers
  }

  /// What the rule does to one account.
  enum Effect: Sendable, Hashable {
    /// (a) Down one tier from a named tier whose CSM runs business reviews: the rubric gave the
    /// current tier or a better one.
    case downOneTier(to: Int)
    /// (b) No way up while the count stands: the rubric would have promoted it, and the target
    /// stays the current tier (whatever its coverage).
    case heldAtCurrent(Int)

    /// The tier the account targets.
    var tier: Int {
      switch self {
      case .downOneTier(let tier), .heldAtCurrent(let tier): tier
      }
    }
  }

  /// Whether the count has reached the limit (SPEC §4 step 4).
  func isReached(_ reviewsSkipped: Int) -> Bool { reviewsSkipped >= limit }

  /// Step 4 for an account with `currentTier` (`nil`: a first placement, which the rule never
  /// touches), `reviewsSkipped` and the rubric's tier; `nil` when the rubric's tier stands
  /// (reason `rubric`: the count is below the limit, or the rubric alone already lands it at
  /// least one tier down).
  func effect(currentTier: Int?, reviewsSkipped: Int, rubricTier: Int) -> Effect? {
    guard let current = currentTier, isReached(reviewsSkipped) else { return nil }
    if rubricTier <= current, current < tiers.count, tiers[current - 1].coverage == .named {
      return .downOneTier(to: current + 1)
    }
    return rubricTier < current ? .heldAtCurrent(current) : nil
  }

  /// The tier an interim re-score aims for: the rubric's, but never above `currentTier` (the
  /// completed run's tier) while the count stands (b). The quarter's (a) already moved the
  /// account down one tier for this count; the interim does not move it a second time for it.
  func interimTier(currentTier: Int, reviewsSkipped: Int, rubricTier: Int) -> Int {
    isReached(reviewsSkipped) ? max(rubricTier, currentTier) : rubricTier
  }

  /// Whether the rubric alone moved the account down while the count stood past the limit, so
  /// `why_moved` adds `; also N business reviews skipped in a row`.
  func isAlsoSkipped(currentTier: Int?, reviewsSkipped: Int, finalTier: Int) -> Bool {
    guard let current = currentTier else { return false }
    return isReached(reviewsSkipped) && finalTier > current
  }

  /// `two business reviews skipped in a row`, `one business review skipped`,
  /// `14 business reviews skipped in a row`.
  static func skippedPhrase(_ count: Int) -> String {
    if count == 1 { return "one business review skipped" }
    return "\(countInWords(count)) business reviews skipped in a row"
  }

  /// The held account's way back, in one sentence: `the customer holds a business review and
  /// the CRM's count returns to 0`.
  package static let pathBack =
    "the customer holds a business review and the CRM's count returns to 0"

  // MARK: Wording (the memos, `why_moved` and `explain` ask these)

  /// Appends the move in the memo's words: `Two business reviews skipped in a row (the limit is
  /// 2) move it one tier below Tier 2, whose CSM runs business reviews with the account, whatever
  /// its total.`
  func writeHold(reviewsSkipped: Int, currentTier: Int, to text: inout TextBuffer) {
    let phrase = Self.skippedPhrase(reviewsSkipped)
    text.append(
      phrase.prefix(1).uppercased(), String(phrase.dropFirst()), " (the limit is ", limit,
      ") move it one tier below Tier ", currentTier,
      ", whose CSM runs business reviews with the account, whatever its total.")
  }

  /// Appends (b) in the memo's words: `Two business reviews skipped in a row (the limit is 2)
  /// hold it in Tier 3: no account moves up while the count stands.`
  func writeHeldAtCurrent(reviewsSkipped: Int, currentTier: Int, to text: inout TextBuffer) {
    let phrase = Self.skippedPhrase(reviewsSkipped)
    text.append(
      phrase.prefix(1).uppercased(), String(phrase.dropFirst()), " (the limit is ", limit,
      ") hold it in Tier ", currentTier, ": no account moves up while the count stands.")
  }

  /// `why_moved`'s clause for (b): `held: two business reviews skipped in a row, none held since`.
  static func heldClause(_ count: Int) -> String {
    "held: \(skippedPhrase(count)), none held since"
  }

  /// `why_moved`'s addition when the rubric alone moved the account down while the count stood:
  /// `; also two business reviews skipped in a row`.
  static func alsoClause(_ count: Int) -> String { "; also \(skippedPhrase(count))" }

  /// Appends the first step of the held account's way back, true for the tier it is in: `First,
  /// the customer holds a business review (the pooled team runs one on request) and the CRM's
  /// count of skipped reviews returns to zero: the account moved down for two business reviews
  /// skipped in a row (the limit is 2), and no account moves up while the count stands.`
  func writePathBack(reviewsSkipped: Int, finalTier: Int, to text: inout TextBuffer) {
    let isPooled = tiers.indices.contains(finalTier - 1) && tiers[finalTier - 1].coverage == .pooled
    text.append(
      "First, the customer holds a business review",
      isPooled ? " (the pooled team runs one on request)" : " with its CSM",
      " and the CRM's count of skipped reviews returns to zero: the account moved down for ",
      Self.skippedPhrase(reviewsSkipped), " (the limit is ", limit,
      "), and no account moves up while the count stands.")
  }

  /// `explain`'s line for the move: `moved one tier below Tier 2 (Silver), whose CSM runs
  /// business reviews: reviews_skipped 2 ≥ reviews_skipped_limit 2 (way back: …)`.
  func holdCondition(reviewsSkipped: Int, currentTierName: String) -> String {
    "moved one tier below \(currentTierName), whose CSM runs business reviews: "
      + "reviews_skipped \(reviewsSkipped) ≥ reviews_skipped_limit \(limit) "
      + "(way back: \(Self.pathBack))"
  }

  /// `explain`'s line for (b): `held in Tier 3 (Bronze), no way up while the count stands:
  /// reviews_skipped 2 ≥ reviews_skipped_limit 2 (way back: …)`.
  func heldCondition(reviewsSkipped: Int, currentTierName: String) -> String {
    "held in \(currentTierName), no way up while the count stands: "
      + "reviews_skipped \(reviewsSkipped) ≥ reviews_skipped_limit \(limit) "
      + "(way back: \(Self.pathBack))"
  }

  /// Small counts in words (`two`), larger ones in digits (`14`).
  static func countInWords(_ count: Int) -> String {
    let words = [
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve",
    ]
    return words.indices.contains(count) ? words[count] : String(count)
  }
}
