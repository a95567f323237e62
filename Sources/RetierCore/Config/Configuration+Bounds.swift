/// The largest values the config may hold so that no product the job computes can overflow
/// `Int128` (SPEC §7: a value that would overflow the arithmetic is a config error, exit 78,
/// naming the key). The bounds follow from the arithmetic, with the inputs bounded first:
///
/// - a money field of the drop has at most 15 integer digits (< 10^17 cents), a count or
///   support hours at most 15 (< 10^17 hundredths);
/// - a file holds at most ``maximumInputBytes`` = 2^40 bytes and an `arr.csv` line takes at
///   least 4 (`a,1` and a line end), so there are < 2^38 lines and any ARR sum (an account's,
///   a tier's, the book's) is < 2^38 × 10^17 < 2^95 cents; CSM and account counts are < 2^38.
///
/// Then, with a ratio, share or weight at most ``maximumRatio`` (< 2^30 millionths) and an
/// amount at most ``maximumAmount`` (< 2^60 millionths):
///
/// - scorer: ratio × doubled median < 2^30 × 2^96 = 2^126; ratio × ARR (clear path, modest
///   expansion, usage decline, seat cap) < 2^125; ARR × 10^6 < 2^115; 4 × support hundredths ×
///   `support_hour_cost` < 2^2 × 2^57 × 2^60 = 2^119; `floor_ratio` × `min_contract_arr`
///   < 2^90; ceiling − ARR in millionths < 2^110;
/// - capacity table: `csm_loaded_cost` × CSMs × 100 < 2^60 × 2^38 × 2^7 = 2^105; coverage
///   share × ARR < 2^125; a benchmark bound × CSMs < 2^98; `accounts + capacity` fits `Int`
///   with a capacity of at most ``maximumCapacity``;
/// - totals: 3 weights × 5 < 2^34, far inside.
extension Configuration {
  /// The largest ratio, share or weight: 1,000.
  static let maximumRatio = ExactDecimal(1_000)
  /// The largest money amount or benchmark figure: 10^12 currency units.
  static let maximumAmount = ExactDecimal(1_000_000_000_000)
  /// The largest `max_input_bytes`: 2^40 (1 TiB).
  static let maximumInputBytes = 1 << 40
  /// The largest default CSM capacity of a tier: 10^9 accounts.
  static let maximumCapacity = 1_000_000_000
  /// The largest `new_logo_quarters`: 1,000 (250 years).
  static let maximumNewLogoQuarters = 1_000
  /// The most hours a CSM can spend on an account in a month: 744 (31 days × 24).
  static let maximumHoursPerMonth = ExactDecimal(744)
  /// The most tiers a ladder may have: 20. The review holds a tier-by-tier transition matrix
  /// (K × K cells in memo.md and memo.html), so an unbounded ladder would grow the review with
  /// the square of a typo; no service model has anywhere near 20 levels.
  static let maximumTierCount = 20

  /// Every value above its bound, named by key.
  var boundProblems: [String] {
    var problems: [String] = []
    func check(_ key: String, _ value: ExactDecimal?, _ maximum: ExactDecimal) {
      guard let value, maximum < value || value < ExactDecimal.zero - maximum else { return }
      problems.append(
        "\(key) \(value) is out of range: at most \(maximum) in size, so that the rubric's "
          + "arithmetic cannot overflow")
    }
    if !(1...Self.maximumInputBytes).contains(maxInputBytes) {
      problems.append("max_input_bytes \(maxInputBytes) is not in 1…\(Self.maximumInputBytes)")
    }
    if tiers.count > Self.maximumTierCount {
      problems.append("tiers has \(tiers.count) tiers: at most \(Self.maximumTierCount)")
    }
    if newLogoQuarters > Self.maximumNewLogoQuarters {
      problems.append(
        "new_logo_quarters \(newLogoQuarters) is above \(Self.maximumNewLogoQuarters)")
    }
    check("csm_loaded_cost", csmLoadedCost, Self.maximumAmount)
    let ratios: [(String, ExactDecimal)] = [
      ("rubric.weights.arr", rubric.arrWeight), ("rubric.weights.fit", rubric.fitWeight),
      ("rubric.weights.expansion", rubric.expansionWeight),
      ("rubric.healthy_median_ratio", rubric.healthyMedianRatio),
      ("rubric.floor_ratio", rubric.floorRatio),
      ("rubric.usage_decline_ratio", rubric.usageDeclineRatio),
      ("rubric.clear_path_ratio", rubric.clearPathRatio),
      ("rubric.modest_expansion_ratio", rubric.modestExpansionRatio),
      ("rubric.seat_cap_ratio", rubric.seatCapRatio),
    ]
    for (key, value) in ratios { check(key, value, Self.maximumRatio) }
    let amounts: [(String, ExactDecimal)] = [
      ("rubric.multi_bu_headroom", rubric.multiBUHeadroom),
      ("rubric.support_hour_cost", rubric.supportHourCost),
      ("rubric.min_contract_arr", rubric.minContractARR),
    ]
    for (key, value) in amounts { check(key, value, Self.maximumAmount) }
    for (index, tier) in tiers.enumerated() {
      let key = "tiers[\(index)] (\(tier.name))"
      check("\(key) min_score", tier.minScore, Self.maximumAmount)
      if tier.capacity > Self.maximumCapacity {
        problems.append("\(key) capacity \(tier.capacity) is above \(Self.maximumCapacity)")
      }
      check(
        "\(key) service_levels.csm_hours_per_month", tier.serviceLevels.csmHoursPerMonth,
        Self.maximumHoursPerMonth)
      let benchmark = tier.benchmark
      check("\(key) benchmark accounts_per_csm", benchmark.accountsPerCSM.low, Self.maximumAmount)
      check("\(key) benchmark accounts_per_csm", benchmark.accountsPerCSM.high, Self.maximumAmount)
      check("\(key) benchmark arr_per_csm", benchmark.arrPerCSM.low, Self.maximumAmount)
      check("\(key) benchmark arr_per_csm", benchmark.arrPerCSM.high, Self.maximumAmount)
      check(
        "\(key) benchmark max_coverage_cost_share", benchmark.maximumCoverageCostShare,
        Self.maximumRatio)
    }
    return problems
  }
}
