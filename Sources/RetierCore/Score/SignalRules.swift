/// The signal an account's first score is on (SPEC §3): ARR, or product usage for the long tail
/// of a product-led book. Its raw value is `tiers.csv`'s `first_signal`.
package enum FirstSignal: String, Sendable, Hashable {
  /// Scored on ARR.
  case arr
  /// Scored on active users, ranked among the long tail (`rubric.usage_signal`).
  case usage
}

/// The rule that set an account's first signal (SPEC §3), first match wins: the ARR table, which
/// the usage signal shares with active users in place of ARR (no margin rule; `usage_floor` in
/// place of the contract floor).
package enum ARRRule: String, Sendable, Hashable, CaseIterable {
  /// 0: ARR minus the yearly support cost is negative.
  case negativeMargin = "negative_margin"
  /// 5: in the top decile by ARR.
  case topDecile = "top_decile"
  /// 4: in the top quartile by ARR.
  case topQuartile = "top_quartile"
  /// 3: at or above the healthy share of the median.
  case healthy
  /// 1: at or near the contract floor.
  case nearFloor = "near_floor"
  /// 2: below the median.
  case belowMedian = "below_median"

  /// The signal value the rule gives.
  package var score: Int {
    switch self {
    case .negativeMargin: 0
    case .topDecile: 5
    case .topQuartile: 4
    case .healthy: 3
    case .nearFloor: 1
    case .belowMedian: 2
    }
  }
}

/// The rule that set an account's expansion-ceiling signal (SPEC §3), first match wins.
package enum ExpansionRule: String, Sendable, Hashable, CaseIterable {
  /// 0: the executive sponsor is lost (sunset).
  case sponsorLost = "sponsor_lost"
  /// 1: active users fell below the decline ratio of last quarter's.
  case decliningUsage = "declining_usage"
  /// 5: multi-BU with the configured headroom between ceiling and ARR.
  case multiBUHeadroom = "multi_bu_headroom"
  /// 4: the ceiling is at least the clear-path multiple of ARR.
  case clearPath = "clear_path"
  /// 3: the ceiling is at least the modest multiple of ARR.
  case modestExpansion = "modest_expansion"
  /// 3: ceiling unknown, active users near the seat cap.
  case nearSeatCap = "near_seat_cap"
  /// 2: mostly maxed out.
  case maxedOut = "maxed_out"

  /// The signal value the rule gives.
  package var score: Int {
    switch self {
    case .sponsorLost: 0
    case .decliningUsage: 1
    case .multiBUHeadroom: 5
    case .clearPath: 4
    case .modestExpansion, .nearSeatCap: 3
    case .maxedOut: 2
    }
  }
}
