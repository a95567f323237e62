/// Step 4 of SPEC §4, the demotion path for skipped business reviews: an account whose current
/// tier has named coverage (its CSM runs business reviews with it) and that skipped
/// `reviews_skipped_limit` or more reviews in a row targets at most the tier below its current
/// one. The rule's predicate and its wording for people live here; the tier step, `why_moved`,
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

  /// The tier below the current one when the rule holds the account there: current tier named,
  /// `reviews_skipped ≥ limit`, not already in the last tier, and the rubric placed it at that
  /// tier or higher. `nil` when the rubric tier stands.
  func heldTier(currentTier: Int?, reviewsSkipped: Int, rubricTier: Int) -> Int? {
    guard let current = currentTier, current < tiers.count,
      tiers[current - 1].coverage == .named,
      reviewsSkipped >= limit,
      rubricTier <= current + 1
    else { return nil }
    return current + 1
  }

  /// `two business reviews skipped in a row`, `one business review skipped`,
  /// `14 business reviews skipped in a row`.
  static func skippedPhrase(_ count: Int) -> String {
    if count == 1 { return "one business review skipped" }
    return "\(countInWords(count)) business reviews skipped in a row"
  }

  /// The held account's path back, in one sentence: `hold the next review`.
  package static let pathBack = "hold the next review"

  // MARK: Wording (the memos, `why_moved` and `explain` ask these)

  /// Appends the hold in the memo's words: `Two business reviews skipped in a row (the limit is
  /// 2) hold it one tier below Tier 2, whose CSM runs business reviews with the account, whatever
  /// its total.`
  func writeHold(reviewsSkipped: Int, currentTier: Int, to text: inout TextBuffer) {
    let phrase = Self.skippedPhrase(reviewsSkipped)
    text.append(
      phrase.prefix(1).uppercased(), String(phrase.dropFirst()), " (the limit is ", limit,
      ") hold it one tier below Tier ", currentTier,
      ", whose CSM runs business reviews with the account, whatever its total.")
  }

  /// Appends the first step of the held account's way back: `First, hold the next review: the
  /// account moved down for two business reviews skipped in a row (the limit is 2), and once the
  /// customer holds a business review the count starts again from zero.`
  func writePathBack(reviewsSkipped: Int, to text: inout TextBuffer) {
    text.append(
      "First, ", Self.pathBack, ": the account moved down for ", Self.skippedPhrase(reviewsSkipped),
      " (the limit is ", limit,
      "), and once the customer holds a business review the count starts again from zero.")
  }

  /// `explain`'s line for the hold: `held one tier below Tier 2 (Silver), whose CSM runs business
  /// reviews: reviews_skipped 2 ≥ reviews_skipped_limit 2 (path back: hold the next review)`.
  func holdCondition(reviewsSkipped: Int, currentTierName: String) -> String {
    "held one tier below \(currentTierName), whose CSM runs business reviews: "
      + "reviews_skipped \(reviewsSkipped) ≥ reviews_skipped_limit \(limit) "
      + "(path back: \(Self.pathBack))"
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
