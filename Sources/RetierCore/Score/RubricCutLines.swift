/// This quarter's ARR cut lines of the rubric, computed once from the valid book (see
/// ``Rubric``).
package struct RubricCutLines: Sendable, Hashable {
  /// Number of valid accounts, N.
  package var accountCount: Int
  /// Sum of the two middle ARRs in cents (the median is half of it; one value counted twice
  /// when N is odd). Kept doubled so that the median stays exact.
  var doubledMedianCents: Int128
  /// ⌈top_decile_share × N⌉: accounts with fewer than this many strictly greater ARRs score 5.
  package var topDecileCount: Int
  /// ⌈top_quartile_share × N⌉.
  package var topQuartileCount: Int
  /// Lowest ARR (to the cent) at or above `healthy_median_ratio × median`.
  package var healthyARR: Money
  /// Highest ARR (to the cent) at or below `floor_ratio × min_contract_arr`.
  package var floorARR: Money

  /// The median ARR rounded down to the cent, for prose.
  package var median: Money { Money(cents: doubledMedianCents / 2) }
}
