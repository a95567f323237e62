/// One planned account of the demo drop: a deliberate case from `catalog` (fixtures/README.md
/// tells what each one exercises) or a random filler.
///
/// A case pins an account id to a place in the ARR ranking (which fixes its ARR signal) and to
/// the strategic fit and expansion signal it must score, so its rubric total is known by
/// construction.
struct DemoCase {
  /// Where `customer_since` falls, relative to the drop's quarter.
  enum Since {
    /// The given number of days after the first day of the quarter.
    case quarterStart(plusDays: Int)
    /// The given number of days after the first day of the previous quarter.
    case previousQuarterStart(plusDays: Int)
    /// The last day of the quarter.
    case quarterLastDay
  }

  /// What a case does beyond its three signals.
  enum Quirk {
    /// Two ARR lines, one of them a negative credit, summing to the ranked ARR.
    case creditLine
    /// Support hours whose annual cost exceeds ARR: ARR signal 0.
    case negativeMargin
    /// ARR exactly 0 (one `0.00` line) with some support hours: ARR signal 0.
    case zeroARR
    /// `expansion_ceiling_arr` exactly 2 × ARR (scores 4).
    case exactDoubleCeiling
    /// `expansion_ceiling_arr` exactly 1.2 × ARR (scores 3).
    case exactModestCeiling
    /// `multi_bu` with `expansion_ceiling_arr − arr` exactly 500,000 (scores 5).
    case exactMultiBURoom
    /// Active users exactly 90% of last quarter's: not declining.
    case usageAtDeclineLine
    /// Blank ceiling and active users exactly 90% of licensed seats: near the cap (scores 3).
    case usageAtSeatCapLine
    /// Blank ceiling, expansion 3 from the near-seat-cap rule.
    case seatCapExpansion
    /// No usage row: scored with unknown usage.
    case noUsageRow
  }

  /// The account number (`ACC-` and five digits).
  let number: Int
  /// The place in the ARR ranking, 0 = largest ARR.
  let rank: Int
  /// `strategic_fit`.
  let fit: Int
  /// The expansion signal the account's fields must produce.
  let expansion: Int
  /// `current_tier`; `nil` is blank.
  let currentTier: Int?
  /// The tier the run must assign (rubric, new logo, cap and overrides applied).
  let expectedTier: Int
  /// `customer_since` when it matters; otherwise a random date long before the quarter.
  var since: Since?
  /// A name chosen to exercise quoting or formula neutralisation.
  var name: String?
  /// An explicit `owner_id`.
  var owner: String?
  /// Extra behaviour.
  var quirks: [Quirk] = []
  /// `reviews_skipped`; `nil` is blank.
  var reviewsSkipped: Int?

  /// Whether skipped business reviews hold the account one tier below its current one under the
  /// default `reviews_skipped_limit` of 2 (its rubric tier is then not its expected tier).
  var isHeldBySkippedReviews: Bool { (reviewsSkipped ?? 0) >= 2 && expectedTier != currentTier }
}
