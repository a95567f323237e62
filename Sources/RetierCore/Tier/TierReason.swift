/// Why an account ends in its tier (the `reason` column of `tiers.csv`).
package enum TierReason: Sendable, Hashable, CustomStringConvertible {
  /// The rubric placed it.
  case rubric
  /// A valid, dual-approved override placed it.
  case override
  /// A new logo held in the last tier.
  case newLogo
  /// A named-tier account that skipped `reviews_skipped_limit` business reviews in a row, held
  /// one tier below its current one (SPEC §4 step 4).
  case skippedReviews
  /// Did not get a seat under the cap of the given tier and moved down.
  case cap(tier: Int)
  /// Its input rows were rejected; it keeps its tier and owner.
  case invalidInput

  /// The reason as a person says it, for the memos: `on the rubric's numbers`, `under the Tier 1
  /// cap`.
  var inWords: String {
    switch self {
    case .rubric: "on the rubric's numbers"
    case .override: "by a dual-approved exception"
    case .newLogo: "held as a new logo"
    case .skippedReviews: "for skipped business reviews"
    case .cap(let tier): "under the Tier \(tier) cap"
    case .invalidInput: "kept as it was: its input rows were rejected"
    }
  }

  /// `rubric`, `override`, `new_logo`, `skipped_reviews`, `tier1_cap`, `invalid_input`.
  package var description: String {
    switch self {
    case .rubric: "rubric"
    case .override: "override"
    case .newLogo: "new_logo"
    case .skippedReviews: "skipped_reviews"
    case .cap(let tier): "tier\(tier)_cap"
    case .invalidInput: "invalid_input"
    }
  }
}
