/// This quarter's cut lines of the usage signal for the long tail (SPEC §3), computed once from
/// the valid book when `rubric.usage_signal.below_share` is set (see ``Rubric``).
package struct UsageCutLines: Sendable, Hashable {
  /// ⌈(1 − below_share) × N⌉: an account with at least this many valid accounts of strictly
  /// greater ARR is in the long tail.
  package var cohortStartRank: Int
  /// `N_u`: the accounts of the long tail whose active users are known, the ones scored on usage.
  package var accountCount: Int
  /// Sum of the two middle active-user counts of the cohort (the median is half of it).
  var doubledMedianUsers: Int128
  /// ⌈top_decile_share × N_u⌉.
  package var topDecileCount: Int
  /// ⌈top_quartile_share × N_u⌉.
  package var topQuartileCount: Int
  /// The least active users at or above `healthy_median_ratio × median_u`.
  package var healthyUsers: Int128
  /// `usage_floor`: active users at or below it score 1.
  package var floorUsers: Int

  /// `median_u`, exact (a half when the two middle counts differ by an odd number).
  package var median: ExactDecimal {
    ExactDecimal(millionths: doubledMedianUsers * ExactDecimal.scale / 2)
  }
}
