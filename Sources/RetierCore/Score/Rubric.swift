/// The three-signal rubric of one run (SPEC §3): the constants, this quarter's cut lines and the
/// book's ARR ranking, fixed once per run. Every rule's predicate lives here (and its inverse in
/// `Rubric+PathBack.swift`, its wording in `Rubric+Wording.swift`), so the scorer, `why_moved`,
/// the memos, the path back and `explain` all state what the same code decided.
package struct Rubric: Sendable {
  /// The rubric's constants.
  package let constants: RubricConstants
  /// This quarter's cut lines.
  package let cutLines: RubricCutLines
  /// The usage signal's cut lines, `nil` when the signal is off.
  package let usageCutLines: UsageCutLines?
  /// The valid accounts' ARR in cents, largest first: `g(a)` and the rank lines come from it.
  private let descendingARRCents: [Int128]
  /// The active users of the accounts scored on usage, largest first: `g_u(a)` comes from it.
  private let descendingCohortUsers: [Int128]

  /// The rubric of a book whose valid accounts have, largest first, the given ARRs in cents, and
  /// whose usage cohort has, largest first, the given active users.
  private init(
    constants: RubricConstants, descendingARRCents descending: [Int128],
    descendingCohortUsers users: [Int128]
  ) {
    self.constants = constants
    self.descendingARRCents = descending
    self.descendingCohortUsers = users
    usageCutLines = Self.usageCutLines(
      constants: constants, accountCount: descending.count, descendingCohortUsers: users)
    let count = descending.count
    let doubledMedian: Int128 =
      count == 0 ? 0 : descending[(count - 1) / 2] + descending[count / 2]
    // Smallest cents c with c ≥ ratio × median, i.e. 2·c·10^6 ≥ ratio·doubledMedian.
    let healthy = Self.ceilingDivision(
      constants.healthyMedianRatio.millionths * doubledMedian, 2 * ExactDecimal.scale)
    // Largest cents c with c·10^4 ≤ ratio × min_contract (both in millionths of a unit).
    let floor =
      constants.floorRatio.millionths * constants.minContractARR.millionths
      / (ExactDecimal.scale * 10_000)
    cutLines = RubricCutLines(
      accountCount: count, doubledMedianCents: doubledMedian,
      topDecileCount: constants.topDecileShare.ceilingOfProduct(with: count),
      topQuartileCount: constants.topQuartileShare.ceilingOfProduct(with: count),
      healthyARR: Money(cents: healthy), floorARR: Money(cents: floor))
  }

  /// The rubric of a book known only by its ARR amounts (a completed run's `tiers.csv`): the
  /// same cut lines and ranks as ``scoring(_:constants:)`` gives on that book.
  init(constants: RubricConstants, bookARR: [Money]) {
    var descending = bookARR.map(\.cents)
    descending.sort(by: >)
    self.init(constants: constants, descendingARRCents: descending, descendingCohortUsers: [])
  }

  /// Scores every valid account of `ledger`, adding its ``AccountLedger/scores`` column, and
  /// returns the rubric of the book (N, median, decile and quartile counts). One sort of the
  /// ARRs (and one of the usage cohort's active users) serves both: `g(a)` of each account is
  /// its rank in that sort, the same count ``strictlyGreaterCount(than:)`` gives, so scoring a
  /// million accounts is O(N log N).
  static func scoring(
    _ ledger: inout AccountLedger, constants: RubricConstants
  ) -> Rubric {
    let refs = ledger.refs
    let ranks = ranks(refs.map { ledger.arr($0).cents })
    // The long tail with known usage, in ledger order (empty when the signal is off).
    var cohort: [(ref: AccountRef, users: Int)] = []
    if let start = cohortStartRank(constants: constants, accountCount: refs.count) {
      for (position, ref) in refs.enumerated() where ranks.strictlyGreater[position] >= start {
        if let users = ledger[ref].usage.activeUsers { cohort.append((ref, users)) }
      }
    }
    let userRanks = Self.ranks(cohort.map { Int128($0.users) })
    let rubric = Rubric(
      constants: constants, descendingARRCents: ranks.descending,
      descendingCohortUsers: userRanks.descending)
    var scores = ScoreColumn()
    scores.reserveCapacity(refs.count)
    for (position, ref) in refs.enumerated() {
      scores.append(
        rubric.scores(of: ledger[ref], strictlyGreater: ranks.strictlyGreater[position]))
    }
    for (position, member) in cohort.enumerated() {
      scores[member.ref] = rubric.usageScores(
        of: ledger[member.ref], strictlyGreaterUsers: userRanks.strictlyGreater[position])
    }
    ledger.scores = scores
    return rubric
  }

  /// ⌈(1 − below_share) × N⌉, the ARR rank where the long tail starts; `nil` when the usage
  /// signal is off.
  static func cohortStartRank(constants: RubricConstants, accountCount: Int) -> Int? {
    constants.usageSignal.belowShare.map {
      (ExactDecimal(1) - $0).ceilingOfProduct(with: accountCount)
    }
  }

  /// The usage signal's cut lines for a cohort with the given active users, largest first.
  private static func usageCutLines(
    constants: RubricConstants, accountCount: Int, descendingCohortUsers users: [Int128]
  ) -> UsageCutLines? {
    guard let start = cohortStartRank(constants: constants, accountCount: accountCount) else {
      return nil
    }
    let count = users.count
    let doubledMedian: Int128 = count == 0 ? 0 : users[(count - 1) / 2] + users[count / 2]
    return UsageCutLines(
      cohortStartRank: start, accountCount: count, doubledMedianUsers: doubledMedian,
      topDecileCount: constants.topDecileShare.ceilingOfProduct(with: count),
      topQuartileCount: constants.topQuartileShare.ceilingOfProduct(with: count),
      // Least u with u ≥ ratio × median, i.e. 2·u·10^6 ≥ ratio·doubledMedian.
      healthyUsers: ceilingDivision(
        constants.healthyMedianRatio.millionths * doubledMedian, 2 * ExactDecimal.scale),
      floorUsers: constants.usageSignal.usageFloor)
  }

  /// A rubric under the cut lines of an earlier run (the interim re-score, SPEC §7): there is
  /// no book to rank against, so callers give `g(a)` to ``scores(of:strictlyGreater:)``.
  init(constants: RubricConstants, fixedCutLines: RubricCutLines) {
    self.constants = constants
    self.cutLines = fixedCutLines
    self.descendingARRCents = []
    self.descendingCohortUsers = []
    self.usageCutLines = nil
  }

  /// The ARR at `rank` (1 = the largest) among the valid accounts, `nil` outside 1…N: at the
  /// decile and quartile ranks, the least ARR of the book that scored 5 and 4 (`run.json`).
  func arr(atRank rank: Int) -> Money? {
    rank >= 1 && rank <= descendingARRCents.count ? Money(cents: descendingARRCents[rank - 1]) : nil
  }

  // MARK: g(a) and the support cost

  /// `g(a)` for an ARR of `arr`: how many valid accounts have strictly more.
  package func strictlyGreaterCount(than arr: Money) -> Int {
    Self.strictlyGreaterCount(than: arr.cents, in: descendingARRCents)
  }

  /// `g_u(a)` for `activeUsers`: how many accounts scored on usage have strictly more.
  package func strictlyGreaterUsers(than activeUsers: Int) -> Int {
    Self.strictlyGreaterCount(than: Int128(activeUsers), in: descendingCohortUsers)
  }

  /// `g_u(a)` of an account scored on usage whose active users are set to `activeUsers`: the
  /// others of the cohort with strictly more (its active users in the book are `bookUsers`).
  func strictlyGreaterUsers(than activeUsers: Int, bookUsers: Int) -> Int {
    strictlyGreaterUsers(than: activeUsers) - (bookUsers > activeUsers ? 1 : 0)
  }

  /// How many of `descending` (largest first) are strictly greater than `value`.
  private static func strictlyGreaterCount(than value: Int128, in descending: [Int128]) -> Int {
    // The first position holding at most `value`; every value before it is greater.
    var low = 0
    var high = descending.count
    while low < high {
      let middle = (low + high) / 2
      if descending[middle] > value { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// `g(a)` of an account of the book whose ARR is set to `arr`: the valid accounts other than
  /// itself with strictly more (its ARR in the book is `bookARR`).
  func strictlyGreaterCount(than arr: Money, bookARR: Money) -> Int {
    strictlyGreaterCount(than: arr) - (bookARR > arr ? 1 : 0)
  }

  /// `annual_support_cost(a) = 4 × support_hours(a) × support_hour_cost`, exact to the
  /// millionth of a unit (unknown hours count as 0).
  package func annualSupportCost(of usage: Usage) -> ExactDecimal {
    // Hours in hundredths times a cost in millionths: 4·h·c / 100 millionths.
    let hundredths = Int128(usage.supportHundredths ?? 0)
    return ExactDecimal(millionths: 4 * hundredths * constants.supportHourCost.millionths / 100)
  }

  /// Whether `arr − annual_support_cost < 0`, exactly (in millionths of a cent).
  func hasNegativeMargin(arr: Money, usage: Usage) -> Bool {
    let hundredths = Int128(usage.supportHundredths ?? 0)
    return arr.cents * ExactDecimal.scale < 4 * hundredths * constants.supportHourCost.millionths
  }

  /// The least ARR whose margin after the annual support cost is not negative.
  func supportBreakEven(of usage: Usage) -> Money {
    let hundredths = Int128(usage.supportHundredths ?? 0)
    return Money(
      cents: Self.ceilingDivision(
        4 * hundredths * constants.supportHourCost.millionths, ExactDecimal.scale))
  }

  // MARK: Predicates

  /// The scores of one account given `g(a)`, the number of valid accounts with greater ARR.
  func scores(of account: Account, strictlyGreater: Int) -> SignalScores {
    let arrRule = arrRule(account, strictlyGreater: strictlyGreater)
    let expansionRule = expansionRule(account)
    return SignalScores(
      arrRule: arrRule, fit: account.strategicFit, expansionRule: expansionRule,
      total: total(arr: arrRule.score, fit: account.strategicFit, expansion: expansionRule.score))
  }

  /// The scores of an account scored on usage given `g_u(a)`; its active users are known.
  func usageScores(of account: Account, strictlyGreaterUsers: Int) -> SignalScores {
    let usageRule = usageRule(
      activeUsers: account.usage.activeUsers ?? 0,
      strictlyGreaterUsers: strictlyGreaterUsers)
    let expansionRule = expansionRule(account)
    return SignalScores(
      arrRule: usageRule, fit: account.strategicFit, expansionRule: expansionRule,
      total: total(arr: usageRule.score, fit: account.strategicFit, expansion: expansionRule.score),
      firstSignal: .usage)
  }

  /// The scores of an account of the book once some of its facts change (a path back), at this
  /// quarter's cut lines: the other accounts keep their ARR and usage, and the account keeps the
  /// signal it was scored on (`firstSignal`). `book` is the account as the book has it.
  func scores(of changed: Account, book: Account, firstSignal: FirstSignal) -> SignalScores {
    switch firstSignal {
    case .arr:
      return scores(
        of: changed, strictlyGreater: strictlyGreaterCount(than: changed.arr, bookARR: book.arr))
    case .usage:
      let users = changed.usage.activeUsers ?? 0
      return usageScores(
        of: changed,
        strictlyGreaterUsers: strictlyGreaterUsers(
          than: users, bookUsers: book.usage.activeUsers ?? 0))
    }
  }

  /// `w_arr × arr + w_fit × fit + w_exp × expansion`, exact.
  package func total(arr: Int, fit: Int, expansion: Int) -> ExactDecimal {
    constants.arrWeight * arr + constants.fitWeight * fit + constants.expansionWeight * expansion
  }

  /// The ARR rule, first match wins.
  func arrRule(_ account: Account, strictlyGreater: Int) -> ARRRule {
    arrRule(arr: account.arr, usage: account.usage, strictlyGreater: strictlyGreater)
  }

  /// The ARR rule of an amount `arr` with `usage`'s support load, given `g(a)`.
  private func arrRule(arr: Money, usage: Usage, strictlyGreater: Int) -> ARRRule {
    if hasNegativeMargin(arr: arr, usage: usage) { return .negativeMargin }
    if strictlyGreater < cutLines.topDecileCount { return .topDecile }
    if strictlyGreater < cutLines.topQuartileCount { return .topQuartile }
    if arr >= cutLines.healthyARR { return .healthy }
    if arr <= cutLines.floorARR { return .nearFloor }
    return .belowMedian
  }

  /// The rubric of a book known by its ARR amounts in cents, under the default constants: the
  /// drop generator sizes its books with it instead of keeping a copy of the rules.
  package static func withDefaultConstants(bookARRCents: [Int64]) -> Rubric {
    Rubric(constants: RubricConstants(), bookARR: bookARRCents.map { Money(cents: Int128($0)) })
  }

  /// The ARR score of an amount of this rubric's book, with a support load in hundredths of an
  /// hour (the drop generator asks it for the score it is generating).
  package func arrScore(cents: Int64, supportHundredths: Int64) -> Int {
    let arr = Money(cents: Int128(cents))
    let usage = Usage(supportHundredths: Int(supportHundredths))
    return arrRule(arr: arr, usage: usage, strictlyGreater: strictlyGreaterCount(than: arr)).score
  }

  /// The usage rule of the long tail, first match wins: the ARR table with active users ranked
  /// among the cohort, no margin rule, and `usage_floor` in place of the contract floor.
  func usageRule(activeUsers: Int, strictlyGreaterUsers: Int) -> ARRRule {
    guard let lines = usageCutLines else { return .belowMedian }
    if strictlyGreaterUsers < lines.topDecileCount { return .topDecile }
    if strictlyGreaterUsers < lines.topQuartileCount { return .topQuartile }
    if Int128(activeUsers) >= lines.healthyUsers { return .healthy }
    if activeUsers <= lines.floorUsers { return .nearFloor }
    return .belowMedian
  }

  /// Whether usage declines: last quarter's active users are known and above zero, and this
  /// quarter's are below the decline ratio of them.
  func isUsageDeclining(_ usage: Usage) -> Bool {
    guard let previous = usage.activeUsersPreviousQuarter, previous > 0,
      let active = usage.activeUsers
    else { return false }
    return ExactDecimal.isBelow(
      Int128(active), ratio: constants.usageDeclineRatio, of: Int128(previous))
  }

  /// The expansion rule, first match wins.
  func expansionRule(_ account: Account) -> ExpansionRule {
    if account.sponsorLost { return .sponsorLost }
    let usage = account.usage
    if isUsageDeclining(usage) { return .decliningUsage }
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

  // MARK: Helpers

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

  /// The `rank`-th largest ARR of the book (1 is the largest) leaving out one account whose ARR
  /// is `bookARR`; `nil` when the others are fewer than `rank`.
  func arr(atRank rank: Int, leavingOut bookARR: Money) -> Money? {
    Self.value(atRank: rank, in: descendingARRCents, leavingOut: bookARR.cents).map {
      Money(cents: $0)
    }
  }

  /// The `rank`-th largest active users of the usage cohort leaving out one account whose
  /// active users are `bookUsers`; `nil` when the others are fewer than `rank`.
  func activeUsers(atRank rank: Int, leavingOut bookUsers: Int) -> Int128? {
    Self.value(atRank: rank, in: descendingCohortUsers, leavingOut: Int128(bookUsers))
  }

  /// The `rank`-th largest of `descending` leaving out one element equal to `left`.
  private static func value(
    atRank rank: Int, in descending: [Int128], leavingOut left: Int128
  ) -> Int128? {
    let others = descending.count - 1
    guard rank >= 1, rank <= others else { return nil }
    // Leaving out a value at or above the rank-th largest moves the next one up.
    let position = left >= descending[rank - 1] ? rank : rank - 1
    return descending[position]
  }
}
