/// The constants of the three-signal rubric (SPEC §3), all exact decimals.
package struct RubricConstants: Sendable, Hashable {
  /// Weight of the ARR signal in the total.
  package var arrWeight = ExactDecimal(1)
  /// Weight of the strategic-fit signal in the total.
  package var fitWeight = ExactDecimal(1)
  /// Weight of the expansion-ceiling signal in the total.
  package var expansionWeight = ExactDecimal(1)
  /// Share of the book that scores 5 on ARR (top decile).
  package var topDecileShare = ExactDecimal(millionths: 100_000)
  /// Share of the book that scores at least 4 on ARR (top quartile).
  package var topQuartileShare = ExactDecimal(millionths: 250_000)
  /// ARR at or above this multiple of the median scores 3.
  package var healthyMedianRatio = ExactDecimal(millionths: 800_000)
  /// ARR at or below this multiple of `min_contract_arr` scores 1.
  package var floorRatio = ExactDecimal(millionths: 1_100_000)
  /// Active users below this multiple of last quarter's mean declining usage.
  package var usageDeclineRatio = ExactDecimal(millionths: 900_000)
  /// Ceiling headroom over ARR that scores 5 for a multi-BU account.
  package var multiBUHeadroom = ExactDecimal(500_000)
  /// A ceiling at or above this multiple of ARR scores 4.
  package var clearPathRatio = ExactDecimal(2)
  /// A ceiling at or above this multiple of ARR scores 3.
  package var modestExpansionRatio = ExactDecimal(millionths: 1_200_000)
  /// Active users at or above this multiple of licensed seats are near the seat cap.
  package var seatCapRatio = ExactDecimal(millionths: 900_000)
  /// Cost of one hour of support, for the negative-margin rule.
  package var supportHourCost = ExactDecimal(85)
  /// The smallest contract sold.
  package var minContractARR = ExactDecimal(5_000)
  /// The usage signal for the long tail (`rubric.usage_signal`), off by default.
  package var usageSignal = UsageSignalConstants()
}

/// The constants of the usage signal for the long tail (SPEC §3, `rubric.usage_signal`).
package struct UsageSignalConstants: Sendable, Hashable {
  /// `below_share`: the bottom share of the book by ARR rank scored on usage; `nil` (the
  /// default) turns the signal off.
  package var belowShare: ExactDecimal?
  /// `usage_floor`: active users at or below it score 1 (the floor rule's place).
  package var usageFloor = 1
}
