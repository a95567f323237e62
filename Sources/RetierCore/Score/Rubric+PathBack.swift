extension Rubric {
  /// The total a demoted account must reach on its path back: its old tier's line, or strictly
  /// more than the lowest total seated under a cap.
  struct Bar: Sendable, Hashable {
    /// The total to reach or pass.
    var total: ExactDecimal
    /// Whether the total must be strictly above `total`.
    var isStrict: Bool

    /// Whether `candidate` clears the bar.
    func isMet(by candidate: ExactDecimal) -> Bool {
      isStrict ? candidate > total : candidate >= total
    }
  }

  /// A raise of ARR on a path back: the least ARR that reaches a score, and what the account
  /// scores there (everything else unchanged, this quarter's cut lines).
  struct ARRRaise: Sendable, Hashable {
    /// The ARR to reach.
    var arr: Money
    /// Whether the annual support cost, not a cut line, sets ``arr``.
    var isSetBySupportCost: Bool
    /// The account's scores at ``arr``: the expansion rules compare the ceiling with ARR, so
    /// expansion may score less there.
    var scores: SignalScores
  }

  /// A raise of active users on the path back of an account scored on usage: the least active
  /// users that reach a usage score, and what the account scores there (everything else
  /// unchanged, this quarter's cut lines, still scored on usage).
  struct UsageRaise: Sendable, Hashable {
    /// The active users to reach.
    var activeUsers: Int
    /// The account's scores at ``activeUsers``: more users can also end a usage decline or
    /// reach the seat cap, so expansion may score more there.
    var scores: SignalScores
  }

  /// What it takes to score at least a given expansion score at some ARR.
  struct ExpansionPlan: Sendable {
    /// The executive sponsor must be active again (the account's sponsor is lost).
    var restoresSponsor: Bool
    /// Usage must stop declining (it declines today: with the sponsor back as well, the decline
    /// alone would still score 1).
    var stopsDecline: Bool
    /// Whether a blocker of the ceiling rules must clear first.
    var unblocks: Bool { restoresSponsor || stopsDecline }
    /// The account must buy in more than one business unit.
    var addsMultiBU: Bool
    /// The ceiling needed and the score whose rule sets it, when the ceiling must rise.
    var ceiling: (needed: Money, forScore: Int)?
    /// The ARR the plan is for.
    var arr: Money
    /// The active users the plan is for (raised on the path back of an account scored on usage).
    var activeUsers: Int?
    /// The account's scores once the plan holds.
    var scores: SignalScores

  }

  // MARK: ARR

  /// The least ARR at which `account` (of the book) scores at least `score` on ARR, everything
  /// else unchanged; `nil` when no ARR does this quarter. Below the support break-even the
  /// margin rule scores 0 whatever the rank, so the result is never below it. Found over whole
  /// units (SPEC §6: a memo names whole currency units), so the least whole-unit amount.
  func leastARR(forARRScore score: Int, of account: Account) -> Money? {
    guard let line = leastRankedARR(forARRScore: score, of: account) else { return nil }
    return max(line, supportBreakEven(of: account.usage)).roundedUpToWholeUnits
  }

  /// The least ARR whose rank or amount rules give at least `score` (the margin rule aside).
  private func leastRankedARR(forARRScore score: Int, of account: Account) -> Money? {
    guard score >= 1 else { return .zero }
    guard score <= 5 else { return nil }
    // Each rule scoring `score` or more holds from some ARR up; the least of those lines.
    var lines: [Money] = []
    if let decile = leastARR(withFewerGreaterThan: cutLines.topDecileCount, of: account) {
      lines.append(decile)
    }
    if score <= 4,
      let quartile = leastARR(withFewerGreaterThan: cutLines.topQuartileCount, of: account)
    {
      lines.append(quartile)
    }
    if score <= 3 { lines.append(cutLines.healthyARR) }
    if score <= 2 { lines.append(Money(cents: cutLines.floorARR.cents + 1)) }
    if score <= 1 { lines.append(.zero) }
    return lines.min()
  }

  /// The least ARR at which fewer than `count` other valid accounts have strictly more.
  private func leastARR(withFewerGreaterThan count: Int, of account: Account) -> Money? {
    guard count >= 1 else { return nil }
    // With fewer other accounts than `count`, any ARR qualifies.
    return arr(atRank: count, leavingOut: account.arr) ?? .zero
  }

  /// The least raise of ARR alone that lets `account` clear `bar`, with what it scores there;
  /// `nil` when no ARR does. Expansion can only fall as ARR rises (its rules compare the ceiling
  /// with ARR), so within one ARR score the least ARR gives the highest total: the candidates
  /// are the least ARR of each higher ARR score. `nil` for an account scored on usage: its first
  /// signal moves with active users (``leastUsageRaise(_:scores:clearing:)``), not ARR.
  func leastARRRaise(_ account: Account, scores: SignalScores, clearing bar: Bar) -> ARRRaise? {
    guard scores.firstSignal == .arr, scores.arr < 5 else { return nil }
    for score in (scores.arr + 1)...5 {
      guard let raise = arrRaise(account, toARRScore: score) else { continue }
      // A lower score's amount may already give a higher score (the support cost sets it).
      guard raise.scores.arr >= score else { continue }
      if bar.isMet(by: raise.scores.total) { return raise }
    }
    return nil
  }

  /// The least ARR at which `account` scores at least `score` on ARR, and its scores there.
  func arrRaise(_ account: Account, toARRScore score: Int) -> ARRRaise? {
    guard let line = leastRankedARR(forARRScore: score, of: account) else { return nil }
    let breakEven = supportBreakEven(of: account.usage)
    var changed = account
    // The least whole-unit amount: expansion can only fall as ARR rises, so within this ARR
    // score no whole-unit amount above it gives a higher total.
    changed.arr = max(line, breakEven).roundedUpToWholeUnits
    return ARRRaise(
      arr: changed.arr, isSetBySupportCost: breakEven > line,
      scores: scores(of: changed, book: account, firstSignal: .arr))
  }

  // MARK: Usage (the inverse of the usage signal)

  /// The least active users at which `account`, scored on usage, scores at least `score` on
  /// usage under this quarter's usage cut lines (the cohort fixed); `nil` when none does.
  func leastActiveUsers(forUsageScore score: Int, of account: Account) -> Int? {
    guard let lines = usageCutLines else { return nil }
    guard score >= 2 else { return score >= 0 ? 0 : nil }
    guard score <= 5 else { return nil }
    let bookUsers = account.usage.activeUsers ?? 0
    // Each rule scoring `score` or more holds from some count up; the least of those counts.
    var counts: [Int128] = []
    func rankLine(_ count: Int) {
      guard count >= 1 else { return }
      // With fewer other accounts than `count`, any count qualifies.
      counts.append(activeUsers(atRank: count, leavingOut: bookUsers) ?? 0)
    }
    rankLine(lines.topDecileCount)
    if score <= 4 { rankLine(lines.topQuartileCount) }
    if score <= 3 { counts.append(lines.healthyUsers) }
    if score <= 2 { counts.append(Int128(lines.floorUsers) + 1) }
    return counts.min().flatMap { Int(exactly: $0) }
  }

  /// The least active users at which `account` scores at least `score` on usage, and its
  /// scores there.
  func usageRaise(_ account: Account, toUsageScore score: Int) -> UsageRaise? {
    guard let users = leastActiveUsers(forUsageScore: score, of: account) else { return nil }
    return usageRaise(account, to: max(users, account.usage.activeUsers ?? 0))
  }

  /// `account`, scored on usage, with `activeUsers` active users, and its scores there.
  private func usageRaise(_ account: Account, to activeUsers: Int) -> UsageRaise {
    var changed = account
    changed.usage.activeUsers = activeUsers
    return UsageRaise(
      activeUsers: activeUsers, scores: scores(of: changed, book: account, firstSignal: .usage))
  }

  /// The least raise of active users alone that lets `account`, scored on usage, clear `bar`,
  /// with what it scores there; `nil` when no count does. More users never lower a score: the
  /// usage rules, the end of a usage decline and the seat-cap rule each hold from some count
  /// up, so the total changes only at those counts and the least one that clears is the answer.
  func leastUsageRaise(
    _ account: Account, scores: SignalScores, clearing bar: Bar
  ) -> UsageRaise? {
    let today = account.usage.activeUsers ?? 0
    var counts = (1...5).compactMap { leastActiveUsers(forUsageScore: $0, of: account) }
    if let previous = account.usage.activeUsersPreviousQuarter, previous > 0,
      let holding = Int(exactly: leastActiveUsersHoldingUsage(previous: previous))
    {
      counts.append(holding)
    }
    if account.expansionCeiling == nil, let seats = account.usage.licensedSeats, seats > 0,
      let nearCap = Int(
        exactly: Self.ceilingDivision(
          constants.seatCapRatio.millionths * Int128(seats), ExactDecimal.scale))
    {
      counts.append(nearCap)
    }
    for count in Set(counts).sorted() where count > today {
      let raise = usageRaise(account, to: count)
      if bar.isMet(by: raise.scores.total) { return raise }
    }
    return nil
  }

  // MARK: Expansion

  /// The least ceiling that scores `score` (3, 4 or 5) on expansion at `arr`, once nothing
  /// blocks the ceiling rules (and, for 5, with a multi-BU footprint), in whole units (each
  /// rule holds from its ceiling up).
  func leastCeiling(forExpansionScore score: Int, arr: Money) -> Money {
    leastCeilingInCents(forExpansionScore: score, arr: arr).roundedUpToWholeUnits
  }

  /// ``leastCeiling(forExpansionScore:arr:)`` to the cent.
  private func leastCeilingInCents(forExpansionScore score: Int, arr: Money) -> Money {
    switch score {
    case 5:
      let headroomCents = Self.ceilingDivision(constants.multiBUHeadroom.millionths, 10_000)
      return Money(cents: arr.cents + headroomCents)
    case 4:
      return Money(
        cents: Self.ceilingDivision(
          constants.clearPathRatio.millionths * arr.cents, ExactDecimal.scale))
    default:
      return Money(
        cents: Self.ceilingDivision(
          constants.modestExpansionRatio.millionths * arr.cents, ExactDecimal.scale))
    }
  }

  /// The least active users that keep usage from declining against last quarter's `previous`.
  package func leastActiveUsersHoldingUsage(previous: Int) -> Int128 {
    Self.ceilingDivision(
      constants.usageDeclineRatio.millionths * Int128(previous), ExactDecimal.scale)
  }

  /// Whether an expansion rule blocks every ceiling rule (a lost sponsor, declining usage).
  static func blocksCeiling(_ rule: ExpansionRule) -> Bool {
    switch rule {
    case .sponsorLost, .decliningUsage: true
    default: false
    }
  }

  /// The plan for `account` to score at least `score` on expansion with its ARR set to `arr`;
  /// `nil` when nothing needs to change or the score cannot be reached.
  func expansionPlan(
    _ account: Account, scores: SignalScores, score: Int, arr: Money, activeUsers: Int? = nil
  ) -> ExpansionPlan? {
    var changed = account
    changed.arr = arr
    if let activeUsers { changed.usage.activeUsers = activeUsers }
    // Every blocker the account has must clear: a sponsor back with usage still declining
    // scores 1 on the decline.
    let restoresSponsor = changed.sponsorLost
    let stopsDecline = isUsageDeclining(changed.usage)
    let unblocks = restoresSponsor || stopsDecline
    changed.sponsorLost = false
    if stopsDecline { changed.usage.activeUsersPreviousQuarter = nil }
    var addsMultiBU = false
    var ceiling: (needed: Money, forScore: Int)?
    if score >= 3 {
      if score == 5, !changed.multiBU {
        addsMultiBU = true
        changed.multiBU = true
      }
      // The least ceiling of the rules that score `score` or more: with a multi-BU footprint
      // the headroom rule can ask less than a ratio of a large ARR.
      var rules = (3...4).filter { $0 >= score }.map {
        ($0, leastCeiling(forExpansionScore: $0, arr: arr))
      }
      if changed.multiBU { rules.append((5, leastCeiling(forExpansionScore: 5, arr: arr))) }
      if let (forScore, needed) = rules.min(by: { $0.1 < $1.1 }),
        changed.expansionCeiling.map({ $0 < needed }) ?? true
      {
        ceiling = (needed, forScore)
        changed.expansionCeiling = needed
      }
    }
    guard unblocks || addsMultiBU || ceiling != nil else { return nil }
    let planned = self.scores(of: changed, book: account, firstSignal: scores.firstSignal)
    guard planned.expansion >= score else { return nil }
    return ExpansionPlan(
      restoresSponsor: restoresSponsor, stopsDecline: stopsDecline, addsMultiBU: addsMultiBU,
      ceiling: ceiling, arr: arr,
      activeUsers: activeUsers, scores: planned)
  }

  /// The least change of expansion alone (today's ARR) that lets `account` clear `bar`.
  func leastExpansionChange(
    _ account: Account, scores: SignalScores, clearing bar: Bar
  ) -> ExpansionPlan? {
    guard scores.expansion < 5 else { return nil }
    for score in (scores.expansion + 1)...5 {
      guard let plan = expansionPlan(account, scores: scores, score: score, arr: account.arr)
      else { continue }
      if bar.isMet(by: plan.scores.total) { return plan }
    }
    return nil
  }

  /// The smallest joint raise of the first signal (ARR, or active users for an account scored
  /// on usage) and expansion (fewest score steps, then the first signal first) that lets
  /// `account` clear `bar`.
  func leastCombinedChange(
    _ account: Account, scores: SignalScores, clearing bar: Bar
  ) -> ExpansionPlan? {
    let maximumSteps = (5 - scores.arr) + (5 - scores.expansion)
    guard maximumSteps >= 2 else { return nil }
    for steps in 2...maximumSteps {
      for arrStep in 1..<steps {
        let arrScore = scores.arr + arrStep
        let targetExpansion = scores.expansion + steps - arrStep
        guard arrScore <= 5, targetExpansion <= 5 else { continue }
        let plan: ExpansionPlan?
        switch scores.firstSignal {
        case .arr:
          plan = leastARR(forARRScore: arrScore, of: account).flatMap {
            expansionPlan(account, scores: scores, score: targetExpansion, arr: $0)
          }
        case .usage:
          plan = leastActiveUsers(forUsageScore: arrScore, of: account).flatMap {
            expansionPlan(
              account, scores: scores, score: targetExpansion, arr: account.arr,
              activeUsers: max($0, account.usage.activeUsers ?? 0))
          }
        }
        guard let plan, plan.scores.arr >= arrScore else { continue }
        if bar.isMet(by: plan.scores.total) { return plan }
      }
    }
    return nil
  }
}
