extension Rubric {
  /// The annual support cost for prose, rounded toward zero to the cent.
  func annualSupportCostForProse(of usage: Usage) -> Money {
    Money(cents: annualSupportCost(of: usage).millionths / 10_000)
  }

  /// Appends the rule that set the account's ARR signal, in plain words with this quarter's
  /// figures, e.g. `ARR of 120,000 is in the top quartile (3 of 20 accounts have more; the
  /// quartile is the top 5)`.
  func writeARRRule(_ rule: ARRRule, of account: Account, to text: inout TextBuffer) {
    // The line the ARR is compared with, so both keep their cents where they would read alike.
    let comparedLine: Money? =
      switch rule {
      case .healthy, .belowMedian: cutLines.healthyARR
      case .nearFloor: cutLines.floorARR
      case .negativeMargin, .topDecile, .topQuartile: nil
      }
    let (arr, line) = ProseAmount.compared(account.arr, with: comparedLine ?? account.arr)
    text.append("ARR of ", arr)
    switch rule {
    case .negativeMargin:
      let hours = ExactDecimal(millionths: Int128(account.usage.supportHundredths ?? 0) * 10_000)
      text.append(
        " less the yearly support cost of ", .amount(annualSupportCostForProse(of: account.usage)),
        " (4 × ", hours, " support hours × ", constants.supportHourCost, ") is below zero")
    case .topDecile:
      text.append(
        " is in the top decile (", strictlyGreaterCount(than: account.arr), " of ",
        cutLines.accountCount, " accounts have more; the decile is the top ",
        cutLines.topDecileCount, ")")
    case .topQuartile:
      text.append(
        " is in the top quartile (", strictlyGreaterCount(than: account.arr), " of ",
        cutLines.accountCount, " accounts have more; the quartile is the top ",
        cutLines.topQuartileCount, ")")
    case .healthy:
      text.append(
        " is at least ", constants.healthyMedianRatio, " × the median of ",
        .amount(cutLines.median), " (", line, ")")
    case .nearFloor:
      text.append(
        " is at or near the contract floor: at most ", constants.floorRatio, " × ",
        .amount(constants.minContractARR), " (", line, ")")
    case .belowMedian:
      text.append(
        " is below ", constants.healthyMedianRatio, " × the median of ", .amount(cutLines.median),
        " (", line, ") and above the contract floor (",
        ProseAmount.compared(account.arr, with: cutLines.floorARR).1, ")")
    }
  }

  /// How a path back words raising ARR alone (see ``RaiseWording``).
  static let arrRaiseWording = RaiseWording(
    lever: "Growth", expansionChangeOpening: " (at that ARR the ceiling scores ",
    expansionChangeJoin: " on expansion instead of ", addsNothing: "growth alone adds nothing",
    cannotLift: "growth alone cannot lift it")

  // MARK: The first signal's name and the usage rule

  /// The first signal's name in the walkback: `On current ARR they scored 4` or `On product
  /// usage they scored 4` (SPEC §3: the signal's name in every output is then "usage").
  static func walkbackName(_ signal: FirstSignal) -> String {
    switch signal {
    case .arr: "current ARR"
    case .usage: "product usage"
    }
  }

  /// The first signal's short name in a score list: `ARR 4` or `usage 4`.
  static func shortName(_ signal: FirstSignal) -> String {
    switch signal {
    case .arr: "ARR"
    case .usage: "usage"
    }
  }

  /// The first signal's name on a bullet or in `explain`: `Current ARR` or `Product usage`.
  static func bulletName(_ signal: FirstSignal) -> String {
    switch signal {
    case .arr: "Current ARR"
    case .usage: "Product usage"
    }
  }

  /// How a path back words raising the first signal alone (SPEC §6), one set a signal, each
  /// beside its rule's wording: `- Growth: +48,300 of ARR, to 96,500: ARR scores 4, total 12.`,
  /// `- Usage: +30 active users, to 42: usage scores 4 (with those users expansion scores 3
  /// instead of 1), total 12.`, or why the raise alone cannot reach the line.
  struct RaiseWording: Sendable {
    /// The lever's bullet: `Growth`.
    var lever: String
    /// Opens the note on an expansion score the raise changes: ` (at that ARR the ceiling
    /// scores `.
    var expansionChangeOpening: String
    /// Between the expansion score at the raise and today's: ` on expansion instead of `.
    var expansionChangeJoin: String
    /// The signal already scores the top 5: `growth alone adds nothing`.
    var addsNothing: String
    /// No figure scores 5 on the signal this quarter: `growth alone cannot lift it`.
    var cannotLift: String
  }

  /// How a path back words raising `signal` alone.
  static func raiseWording(_ signal: FirstSignal) -> RaiseWording {
    switch signal {
    case .arr: arrRaiseWording
    case .usage: usageRaiseWording
    }
  }

  /// The first score in a table cell: `2`, or `2 (usage)` for an account scored on usage.
  static func firstScoreCell(_ scores: SignalScores) -> String {
    switch scores.firstSignal {
    case .arr: String(scores.arr)
    case .usage: "\(scores.arr) (usage)"
    }
  }

  /// `2 or less on ARR`, and with the usage signal on ` (on usage for the long tail scored on
  /// usage)`, as the low-ARR guardrail words its bar.
  var lowFirstScorePhrase: String {
    usageCutLines == nil
      ? "2 or less on ARR" : "2 or less on ARR (on usage for the long tail scored on usage)"
  }

  /// Appends the rule that set the account's first signal: the ARR rule, or for an account
  /// scored on usage the usage rule.
  func writeFirstSignalRule(_ scores: SignalScores, of account: Account, to text: inout TextBuffer)
  {
    switch scores.firstSignal {
    case .arr: writeARRRule(scores.arrRule, of: account, to: &text)
    case .usage: writeUsageRule(scores.arrRule, of: account, to: &text)
    }
  }

  /// Appends the usage rule of an account of the long tail in plain words, e.g. `120 active
  /// users is in the top quartile of the 420 long-tail accounts scored on usage (3 have more;
  /// the quartile is the top 105)`.
  func writeUsageRule(_ rule: ARRRule, of account: Account, to text: inout TextBuffer) {
    guard let lines = usageCutLines else { return }
    let users = account.usage.activeUsers ?? 0
    text.append(users, users == 1 ? " active user" : " active users")
    switch rule {
    case .topDecile, .topQuartile:
      text.append(
        " is in the top ", rule == .topDecile ? "decile" : "quartile", " of the ",
        lines.accountCount, " long-tail accounts scored on usage (",
        strictlyGreaterUsers(than: users), " have more; the ",
        rule == .topDecile ? "decile" : "quartile", " is the top ",
        rule == .topDecile ? lines.topDecileCount : lines.topQuartileCount, ")")
    case .healthy:
      text.append(
        " is at least ", constants.healthyMedianRatio, " × the long tail's median of ",
        lines.median, " (", String(lines.healthyUsers), ")")
    case .nearFloor:
      text.append(" is at or below the usage floor of ", lines.floorUsers)
    case .belowMedian, .negativeMargin:
      text.append(
        " is below ", constants.healthyMedianRatio, " × the long tail's median of ", lines.median,
        " (", String(lines.healthyUsers), ") and above the usage floor of ", lines.floorUsers)
    }
  }

  /// How a path back words raising active users alone (see ``RaiseWording``).
  static let usageRaiseWording = RaiseWording(
    lever: "Usage", expansionChangeOpening: " (with those users expansion scores ",
    expansionChangeJoin: " instead of ", addsNothing: "more users alone add nothing",
    cannotLift: "more users alone cannot lift it")

  /// Each usage rule in order with its score and its condition on `account`'s figures, as
  /// `explain` lists them.
  package func usageRuleConditions(of account: Account) -> [(rule: ARRRule, condition: String)] {
    guard let lines = usageCutLines else { return [] }
    return [
      (
        .topDecile,
        "g_u(a) < ⌈\(constants.topDecileShare) × N_u⌉ = \(lines.topDecileCount) (top decile)"
      ),
      (
        .topQuartile,
        "g_u(a) < ⌈\(constants.topQuartileShare) × N_u⌉ = \(lines.topQuartileCount) (top quartile)"
      ),
      (
        .healthy,
        "active users ≥ \(constants.healthyMedianRatio) × median_u, i.e. active users ≥ "
          + "\(lines.healthyUsers)"
      ),
      (.nearFloor, "active users ≤ usage_floor \(lines.floorUsers)"),
      (.belowMedian, "otherwise (below the median)"),
    ]
  }

  /// Appends the strategic-fit signal in plain words.
  func writeFitText(_ fit: Int, to text: inout TextBuffer) {
    text.append("strategic fit ", fit, " as recorded in the CRM")
  }

  /// Appends the rule that set the account's expansion-ceiling signal, in plain words with the
  /// account's figures.
  func writeExpansionRule(_ rule: ExpansionRule, of account: Account, to text: inout TextBuffer) {
    let usage = account.usage
    switch rule {
    case .sponsorLost:
      text.append("the executive sponsor is lost (sunset), whatever the ceiling")
    case .decliningUsage:
      text.append(
        "active users fell from ", usage.activeUsersPreviousQuarter ?? 0, " to ",
        usage.activeUsers ?? 0, ", below ", constants.usageDeclineRatio, " × last quarter ",
        "(declining usage), whatever the ceiling")
    case .multiBUHeadroom:
      text.append("multi-BU with ")
      writeCeiling(account, or: "a ceiling", to: &text)
      text.append(", at least ", .amount(constants.multiBUHeadroom), " above ARR")
    case .clearPath:
      writeCeiling(account, or: "the ceiling", to: &text)
      text.append(" is at least ", constants.clearPathRatio, " × ARR (clear path to growth)")
    case .modestExpansion:
      writeCeiling(account, or: "the ceiling", to: &text)
      text.append(
        " is at least ", constants.modestExpansionRatio, " × ARR but below ",
        constants.clearPathRatio, " × (modest expansion)")
    case .nearSeatCap:
      text.append(
        "ceiling unknown; ", usage.activeUsers ?? 0, " active users of ", usage.licensedSeats ?? 0,
        " licensed seats is at least ", constants.seatCapRatio, " × seats (near the seat cap)")
    case .maxedOut:
      if account.expansionCeiling != nil {
        writeCeiling(account, or: "", to: &text)
        text.append(" is below ", constants.modestExpansionRatio, " × ARR (mostly maxed out)")
      } else {
        text.append("ceiling unknown and usage not near the seat cap (mostly maxed out)")
      }
    }
  }

  /// `a ceiling of 120,000`, or `unknown` when the account has no ceiling.
  private func writeCeiling(_ account: Account, or unknown: String, to text: inout TextBuffer) {
    if let ceiling = account.expansionCeiling {
      text.append("a ceiling of ", .amount(ceiling))
    } else {
      text.append(unknown)
    }
  }

  /// Why the ceiling rules do not apply to an account whose expansion `rule` fired, `nil` when
  /// they do.
  func ceilingBlockerNote(_ rule: ExpansionRule) -> String? {
    switch rule {
    case .sponsorLost:
      return "While the sponsor is lost, expansion scores 0 whatever the ceiling."
    case .decliningUsage:
      return "While usage declines (active users below \(constants.usageDeclineRatio) × the "
        + "quarter before), expansion scores 1 whatever the ceiling."
    default:
      return nil
    }
  }

  // MARK: Conditions, as `explain` lists them

  /// Each ARR rule in order with its score and its condition on `account`'s figures, as
  /// `explain` lists them.
  package func arrRuleConditions(of account: Account) -> [(rule: ARRRule, condition: String)] {
    let cost = constants.supportHourCost
    let hoursText =
      account.usage.supportHundredths == nil
      ? "support hours unknown, counted as 0"
      : "\(ExactDecimal(millionths: Int128(account.usage.supportHundredths ?? 0) * 10_000)) h"
    let margin = ExactDecimal(account.arr) - annualSupportCost(of: account.usage)
    return [
      (
        .negativeMargin,
        "ARR − 4 × support hours × \(cost) < 0: \(account.arr) − 4 × \(hoursText) × \(cost) = "
          + (margin.exactMoney.map(\.description) ?? margin.description)
      ),
      (
        .topDecile,
        "g(a) < ⌈\(constants.topDecileShare) × N⌉ = \(cutLines.topDecileCount) (top decile)"
      ),
      (
        .topQuartile,
        "g(a) < ⌈\(constants.topQuartileShare) × N⌉ = \(cutLines.topQuartileCount) (top quartile)"
      ),
      (
        .healthy,
        "ARR ≥ \(constants.healthyMedianRatio) × median, i.e. ARR ≥ \(cutLines.healthyARR)"
      ),
      (
        .nearFloor,
        "ARR ≤ \(constants.floorRatio) × min_contract_arr \(constants.minContractARR), i.e. ARR ≤ "
          + "\(cutLines.floorARR)"
      ),
      (.belowMedian, "otherwise (below the median)"),
    ]
  }

  /// Each expansion rule in order with its condition on `account`'s figures, as `explain`
  /// lists them.
  package func expansionRuleConditions(
    of account: Account
  ) -> [(rule: ExpansionRule, condition: String)] {
    let usage = account.usage
    let ceiling = account.expansionCeiling
    let notApplicable = " (not applicable: the ceiling is unknown)"
    func known(_ text: (Money) -> String) -> String { ceiling.map(text) ?? notApplicable }
    let previous = usage.activeUsersPreviousQuarter ?? 0
    return [
      (.sponsorLost, "sponsor_status = lost"),
      (
        .decliningUsage,
        "active users < \(constants.usageDeclineRatio) × last quarter's"
          + (previous > 0
            ? " = \(constants.usageDeclineRatio * previous)"
            : " (not applicable: last quarter's active users unknown or 0)")
      ),
      (
        .multiBUHeadroom,
        "multi_bu and ceiling − ARR ≥ \(constants.multiBUHeadroom)"
          + known { " (headroom \($0 - account.arr))" }
      ),
      (
        .clearPath,
        "ceiling ≥ \(constants.clearPathRatio) × ARR"
          + known { _ in " = " + Self.exactAmount(constants.clearPathRatio, times: account.arr) }
      ),
      (
        .modestExpansion,
        "ceiling ≥ \(constants.modestExpansionRatio) × ARR"
          + known { _ in
            " = " + Self.exactAmount(constants.modestExpansionRatio, times: account.arr)
          }
      ),
      (
        .nearSeatCap,
        "ceiling unknown, licensed seats > 0 and active users ≥ \(constants.seatCapRatio) × seats"
          + (ceiling != nil
            ? " (not applicable: the ceiling is known)"
            : usage.licensedSeats.map { " = \(constants.seatCapRatio * $0)" } ?? "")
      ),
      (.maxedOut, "otherwise (mostly maxed out)"),
    ]
  }

  /// `ratio × money` exactly (to the millionth, as the rule compares it), with two decimals when
  /// it has no more.
  private static func exactAmount(_ ratio: ExactDecimal, times money: Money) -> String {
    // Millionths of a unit: ratio millionths × cents ÷ 10^6 × 10^4.
    let product = ExactDecimal(millionths: ratio.millionths * money.cents / 100)
    return product.exactMoney.map(\.description) ?? product.description
  }
}
