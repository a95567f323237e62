/// Scores every valid account on the three-signal rubric (SPEC §3).
struct RubricScorer: Sendable {
  /// The rubric's constants.
  let constants: RubricConstants
  /// This quarter's cut lines.
  let cutLines: RubricCutLines

  /// The accounts scored: the book's valid accounts.
  private let accounts: [Account]
  /// `g(a)` of each of ``accounts``: how many have a strictly greater ARR.
  private let strictlyGreater: [Int]

  /// Computes the cut lines of `accounts` (N, median, decile and quartile counts) and each
  /// account's `g(a)`, from one sort of their ARR.
  init(constants: RubricConstants, accounts: [Account]) {
    self.constants = constants
    self.accounts = accounts
    let ranks = Self.ranks(accounts.map(\.arr.cents))
    strictlyGreater = ranks.strictlyGreater
    let descending = ranks.descending
    let count = descending.count
    let doubledMedian: Int128 =
      count == 0 ? 0 : descending[(count - 1) / 2] + descending[count / 2]
    let decileCount = constants.topDecileShare.ceilingOfProduct(with: count)
    let quartileCount = constants.topQuartileShare.ceilingOfProduct(with: count)
    func arr(atRank rank: Int) -> Money? {
      rank >= 1 && rank <= count ? Money(cents: descending[rank - 1]) : nil
    }
    // Smallest cents c with c ≥ ratio × median, i.e. 2·c·10^6 ≥ ratio·doubledMedian.
    let healthyNumerator = constants.healthyMedianRatio.millionths * doubledMedian
    let healthyDenominator = 2 * ExactDecimal.scale
    let healthy = Self.ceilingDivision(healthyNumerator, healthyDenominator)
    // Largest cents c with c·10^4 ≤ ratio × min_contract (both in millionths of a unit).
    let floorNumerator = constants.floorRatio.millionths * constants.minContractARR.millionths
    let floor = floorNumerator / (ExactDecimal.scale * 10_000)
    cutLines = RubricCutLines(
      accountCount: count, doubledMedianCents: doubledMedian, topDecileCount: decileCount,
      topQuartileCount: quartileCount, topDecileARR: arr(atRank: decileCount),
      topQuartileARR: arr(atRank: quartileCount), healthyARR: Money(cents: healthy),
      floorARR: Money(cents: floor))
  }

  /// A scorer under the cut lines of an earlier run (the interim re-score, SPEC §7), for
  /// ``score(_:strictlyGreater:)`` one account at a time.
  init(constants: RubricConstants, fixedCutLines: RubricCutLines) {
    self.constants = constants
    self.cutLines = fixedCutLines
    self.accounts = []
    self.strictlyGreater = []
  }

  /// The scores of the accounts the scorer was built with, in their order. `g(a)` comes from
  /// the sort behind the cut lines, so scoring a million accounts is O(N log N).
  func scores() -> [SignalScores] {
    accounts.indices.map { score(accounts[$0], strictlyGreater: strictlyGreater[$0]) }
  }

  /// The scores of one account given `g(a)`, the number of valid accounts with greater ARR.
  func score(_ account: Account, strictlyGreater: Int) -> SignalScores {
    let arrRule = arrRule(account, strictlyGreater: strictlyGreater)
    let expansionRule = expansionRule(account)
    let total =
      constants.arrWeight * arrRule.score + constants.fitWeight * account.strategicFit
      + constants.expansionWeight * expansionRule.score
    return SignalScores(
      arrRule: arrRule, fit: account.strategicFit, expansionRule: expansionRule, total: total)
  }

  /// The ARR rule, first match wins.
  func arrRule(_ account: Account, strictlyGreater: Int) -> ARRRule {
    let cents = account.arr.cents
    // arr − 4 × hours × cost < 0, in millionths of a cent-hour: cents·10^6 < 4·h·c.
    let hundredths = Int128(account.usage.supportHundredths ?? 0)
    if cents * ExactDecimal.scale < 4 * hundredths * constants.supportHourCost.millionths {
      return .negativeMargin
    }
    if strictlyGreater < cutLines.topDecileCount { return .topDecile }
    if strictlyGreater < cutLines.topQuartileCount { return .topQuartile }
    if account.arr >= cutLines.healthyARR { return .healthy }
    if account.arr <= cutLines.floorARR { return .nearFloor }
    return .belowMedian
  }

  /// The expansion rule, first match wins.
  func expansionRule(_ account: Account) -> ExpansionRule {
    if account.sponsorLost { return .sponsorLost }
    let usage = account.usage
    if let previous = usage.activeUsersPreviousQuarter, previous > 0,
      let active = usage.activeUsers,
      ExactDecimal.isBelow(Int128(active), ratio: constants.usageDeclineRatio, of: Int128(previous))
    {
      return .decliningUsage
    }
    if let ceiling = account.expansionCeiling {
      let headroom = ExactDecimal(ceiling - account.arr)
      if account.multiBU, headroom >= constants.multiBUHeadroom { return .multiBUHeadroom }
      if ExactDecimal.isAtLeast(
        ceiling.cents, ratio: constants.clearPathRatio, of: account.arr.cents)
      {
        return .clearPath
      }
      if ExactDecimal.isAtLeast(
        ceiling.cents, ratio: constants.modestExpansionRatio, of: account.arr.cents)
      {
        return .modestExpansion
      }
    } else if let seats = usage.licensedSeats, seats > 0, let active = usage.activeUsers,
      ExactDecimal.isAtLeast(Int128(active), ratio: constants.seatCapRatio, of: Int128(seats))
    {
      return .nearSeatCap
    }
    return .maxedOut
  }

  /// For each value, how many values are strictly greater; and the values, largest first.
  static func ranks(_ values: [Int128]) -> (strictlyGreater: [Int], descending: [Int128]) {
    let order = values.indices.sorted { values[$0] > values[$1] }
    var counts = [Int](repeating: 0, count: values.count)
    var rank = 0
    while rank < order.count {
      var end = rank
      while end < order.count, values[order[end]] == values[order[rank]] {
        counts[order[end]] = rank
        end += 1
      }
      rank = end
    }
    return (counts, order.map { values[$0] })
  }

  /// ⌈numerator / denominator⌉ for a positive denominator.
  static func ceilingDivision(_ numerator: Int128, _ denominator: Int128) -> Int128 {
    let quotient = numerator / denominator
    return numerator % denominator > 0 ? quotient + 1 : quotient
  }
}
