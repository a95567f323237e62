import RetierCore

/// The demo drop: 600 valid accounts that reproduce the SPEC §5 worked example (≈24M ARR, the
/// top 60 holding ≈12M, six Tier 1 CSMs at 10 accounts each, Tier 2 three CSMs short) and
/// exercise every input, rubric, tier and owner rule; fixtures/README.md lists the cases.
///
/// The deliberate accounts come from `DemoCase.catalog`; the others ("fillers") are drawn at
/// random but with their tier decided up front, so the tier counts do not depend on the seed.
struct DemoDrop {
  /// The number of valid accounts.
  static let accountCount = 600
  /// Tier 2 size after the run: between 161 and 180, so Tier 2 is 3 CSMs short both at the
  /// default capacity of 80 and at the worked example's 60.
  static let tierTwoTarget = 171

  /// Knots of the ARR curve in cents, by rank; ranks between knots are interpolated and
  /// rounded down to whole dollars. Equal knots at ranks 299 and 300 make the median exactly
  /// 17,500, so the 0.8 × median line is exactly 14,000.00 (ranks 353 and 354 sit on either side
  /// of it by one cent), and ranks 560 and 561 straddle the 1.10 × 5,000 floor by one cent.
  private static let curveKnots: [(rank: Int, cents: Int64)] = [
    (0, 76_000_000), (2, 52_000_000), (8, 30_500_000), (20, 17_800_000), (40, 11_900_000),
    (59, 9_650_000), (60, 9_300_000), (100, 5_150_000), (149, 3_350_000), (150, 3_300_000),
    (299, 1_750_000), (300, 1_750_000), (353, 1_400_000), (354, 1_399_999), (450, 960_000),
    (560, 550_001), (561, 550_000), (578, 500_000), (598, 500_000), (599, 0),
  ]

  /// Account numbers of the rows that must be rejected (not among the 600 valid accounts).
  enum RejectedNumber {
    /// Appears twice in accounts.csv: both rows are rejected.
    static let repeated = 137
    /// strategic_fit 7.
    static let fitOutOfRange = 288
    /// customer_since 2026-13-01.
    static let impossibleDate = 415
    /// No ARR line.
    static let withoutARR = 533
    /// All of them.
    static let all = [repeated, fitOutOfRange, impossibleDate, withoutARR]
  }

  /// The Tier 1 CSMs; each carries 10 accounts.
  static let tierOneCSMs = ["csm-01", "csm-02", "csm-03", "csm-04", "csm-05", "csm-06"]
  /// The inactive Tier 2 CSM who still owns last quarter's Tier 2 book.
  static let inactiveTierTwoCSM = "csm-07"
  /// The pooled tier's owner id.
  static let poolOwner = "cs-pool"
  /// The Tier 1 CSM who left (inactive on the roster, with a backfill).
  static let departedOwner = "csm-departed"

  /// The quarter the drop is for; dates that matter are placed relative to it.
  let quarter: FiscalQuarter
  /// The drop's random generator.
  var random: DropRandom

  /// Prepares a demo drop for `quarter`.
  init(seed: UInt64, quarter: FiscalQuarter) {
    self.quarter = quarter
    random = DropRandom(seed: seed)
  }

  /// The ARR of each rank in cents, largest first.
  static func arrCurve() -> [Int64] {
    var curve: [Int64] = []
    curve.reserveCapacity(accountCount)
    for (start, end) in zip(curveKnots, curveKnots.dropFirst()) {
      for rank in start.rank..<end.rank {
        if rank == start.rank {
          curve.append(start.cents)
        } else {
          let cents =
            start.cents - (start.cents - end.cents) * Int64(rank - start.rank)
            / Int64(end.rank - start.rank)
          curve.append(cents - cents % 100)
        }
      }
    }
    curve.append(curveKnots[curveKnots.count - 1].cents)
    return curve
  }
}
