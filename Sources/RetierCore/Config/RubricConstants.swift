/// The constants of the three-signal rubric (SPEC §3), all exact decimals.
struct RubricConstants: Sendable, Hashable {
  /// Weight of the ARR signal in the total.
  var arrWeight = ExactDecimal(1)
  /// Weight of the strategic-fit signal in the total.
  var fitWeight = ExactDecimal(1)
  /// Weight of the expansion-ceiling signal in the total.
  var expansionWeight = ExactDecimal(1)
  /// Share of the book that scores 5 on ARR (top decile).
  var topDecileShare = ExactDecimal(millionths: 100_000)
  /// Share of the book that scores at least 4 on ARR (top quartile).
  var topQuartileShare = ExactDecimal(millionths: 250_000)
  /// ARR at or above this multiple of the median scores 3.
  var healthyMedianRatio = ExactDecimal(millionths: 800_000)
  /// ARR at or below this multiple of `min_contract_arr` scores 1.
  var floorRatio = ExactDecimal(millionths: 1_100_000)
  /// Active users below this multiple of last quarter's mean declining usage.
  var usageDeclineRatio = ExactDecimal(millionths: 900_000)
  /// Ceiling headroom over ARR that scores 5 for a multi-BU account.
  var multiBUHeadroom = ExactDecimal(500_000)
  /// A ceiling at or above this multiple of ARR scores 4.
  var clearPathRatio = ExactDecimal(2)
  /// A ceiling at or above this multiple of ARR scores 3.
  var modestExpansionRatio = ExactDecimal(millionths: 1_200_000)
  /// Active users at or above this multiple of licensed seats are near the seat cap.
  var seatCapRatio = ExactDecimal(millionths: 900_000)
  /// Cost of one hour of support, for the negative-margin rule.
  var supportHourCost = ExactDecimal(85)
  /// The smallest contract sold.
  var minContractARR = ExactDecimal(5_000)
}
