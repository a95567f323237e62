extension AccountMemo {
  /// The total a demoted account must reach on its path back.
  typealias Bar = Rubric.Bar

  /// Appends the way back for a demoted account, with concrete figures (SPEC §6): the account's
  /// ``PathBack`` (the value `run.json` records) in words — the ARR and the expansion ceiling
  /// that would lift the total to the line, or what else must happen first.
  static func writeReelevationPath(
    _ ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer
  ) {
    let pathBack = PathBack(ref, lookups: lookups)
    let decision = lookups.result.ledger.decisions[ref]
    let from = pathBack.fromTier
    switch pathBack.route {
    case .skippedReviews(let line):
      writeSkippedReviewsPath(ref, pathBack, line: line, lookups: lookups, to: &text)
    case .override:
      text.append("A dual-approved override set this tier.")
      if let override = decision.override { text.append(" It expires on ", override.expires, ";") }
      text.append(
        " after that the rubric decides. On this quarter's figures the total of ", pathBack.total,
        " lands in Tier ", decision.rubricTier, " (the Tier ", from, " line is ",
        lookups.line(ofTier: from), ").\n")
    case .newLogoHold:
      writeNewLogoPath(ref, lookups: lookups, to: &text)
    case .capSeat(let lowest):
      writeCapPath(ref, pathBack, lowestSeated: lowest, lookups: lookups, to: &text)
    case .line(let line):
      text.append(
        "The total needs to reach the Tier ", from, " line of ", line, " (today ", pathBack.total,
        ", ", line - pathBack.total, " short). ")
      // A total below the line (a demotion by the line) always has levers.
      if let levers = pathBack.levers { writeLevers(ref, levers, lookups: lookups, to: &text) }
      if lookups.capReport(ofTier: from) != nil {
        text.append("\nReaching the line is not all: Tier ", from, " is capped")
        if let lowest = lookups.lowestSeatedTotal(inTier: from) {
          text.append(", and this quarter the lowest total seated in it was ", lowest)
        }
        text.append(".\n")
      }
    }
  }

  /// A drop of two tiers or more by the rubric also gets the way back to each tier in between,
  /// nearest first: its line and the levers that reach it.
  static func writeWaysBackInBetween(
    _ ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer
  ) {
    let result = lookups.result
    let decision = result.ledger.decisions[ref]
    guard decision.reason == .rubric, let from = result.ledger.currentTier(ref),
      decision.finalTier >= from + 2
    else { return }
    let account = result.ledger[ref]
    let scores = result.ledger.scores[ref]
    for tier in ((from + 1)..<decision.finalTier).reversed() {
      let line = lookups.line(ofTier: tier)
      text.append(
        "\n## The way back to ", lookups.tierLabel(tier), " on the way\n\n",
        "The total needs to reach the Tier ", tier, " line of ", line, " (today ", scores.total,
        ", ", line - scores.total, " short). ")
      let levers = PathBack.Levers(
        account, scores: scores, clearing: Bar(total: line, isStrict: false),
        rubric: result.rubric)
      writeLevers(ref, levers, lookups: lookups, to: &text)
    }
  }

  /// The path back of an account held down by skipped reviews: hold the next review, and, when
  /// the total is below the old tier's `line` as well, the levers that lift it there.
  private static func writeSkippedReviewsPath(
    _ ref: AccountRef, _ pathBack: PathBack, line: ExactDecimal, lookups: RunLookups,
    to text: inout TextBuffer
  ) {
    let result = lookups.result
    let total = pathBack.total
    let from = pathBack.fromTier
    SkippedReviewsRule(result.configuration).writePathBack(
      reviewsSkipped: result.ledger.reviewsSkipped(ref), finalTier: pathBack.toTier, to: &text)
    text.append(" ")
    guard let levers = pathBack.levers else {
      text.append(
        "Its total of ", total, " reaches the Tier ", from, " line of ", line,
        ", so nothing else is needed on this quarter's figures")
      if lookups.capReport(ofTier: from) != nil {
        text.append(", though Tier ", from, " is capped")
        if let lowest = lookups.lowestSeatedTotal(inTier: from) {
          text.append(" (this quarter the lowest total seated in it was ", lowest, ")")
        }
      }
      text.append(".\n")
      return
    }
    text.append(
      "The total also needs to reach the Tier ", from, " line of ", line, " (today ", total, ", ",
      line - total, " short). ")
    writeLevers(ref, levers, lookups: lookups, to: &text)
  }

  /// The path back of an account that lost its seat to the cap of the tier it left: a total
  /// above `lowestSeated` (`nil`: overrides took every seat).
  private static func writeCapPath(
    _ ref: AccountRef, _ pathBack: PathBack, lowestSeated: ExactDecimal?, lookups: RunLookups,
    to text: inout TextBuffer
  ) {
    let tier = pathBack.fromTier
    let seats = lookups.capReport(ofTier: tier)?.seats ?? 0
    text.append(
      "The account lost its seat to the Tier ", tier, " cap, not to the line: its total of ",
      pathBack.total, " reaches the Tier ", tier, " line of ", lookups.line(ofTier: tier), ". ")
    guard let lowest = lowestSeated else {
      text.append(
        "The cap of ", seats, " seats went entirely to overrides this quarter: a seat opens only ",
        "when an override expires or the book grows.\n")
      return
    }
    text.append(
      "The cap holds ", seats, " seats; this quarter the lowest total seated in Tier ", tier,
      " was ", lowest, ". ")
    TierLadder.writeRanking(
      ofTier: tier, incumbentAside: " (next quarter this account is no longer one)", to: &text)
    text.append(
      " A total above ", lowest, " holds a seat against every account seated this quarter. ")
    // A displaced account's total is at most the lowest seated, so it has levers.
    if let levers = pathBack.levers { writeLevers(ref, levers, lookups: lookups, to: &text) }
  }

  private static func writeNewLogoPath(
    _ ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer
  ) {
    let result = lookups.result
    let since = result.ledger.customerSince(ref)
    // The same quarter the decision paragraph names (one computation, `newLogoHoldEnd`).
    let (quarter, needed) = newLogoHoldEnd(ref, result: result)
    text.append(
      "The new-logo hold (customer since ", since, ") ends with the ", quarter.label,
      " re-tier, after ", needed, " full quarter", needed == 1 ? "" : "s", " as a customer. On ",
      "this quarter's figures the total of ", result.ledger.scores.total(ref),
      " would then land in Tier ", result.ledger.decisions[ref].rubricTier, ".\n")
  }

  /// Appends the way back as customer outcomes (SPEC §6): the least ARR growth, the expansion
  /// evidence (a ceiling of at least V, a multi-BU footprint, usage that stops declining, an
  /// active sponsor), and both together when neither is enough alone, each with the score and
  /// total it gives. Every amount, score and total is the ``Rubric``'s own, as `levers` holds
  /// them (``PathBack/Levers``); this only words them.
  static func writeLevers(
    _ ref: AccountRef, _ levers: PathBack.Levers, lookups: RunLookups,
    to text: inout TextBuffer
  ) {
    let result = lookups.result
    let rubric = result.rubric
    let account = result.ledger[ref]
    let scores = result.ledger.scores[ref]
    let bar = levers.bar
    text.append(
      "What would bring them back, under this quarter's cut lines and with everything else as it ",
      "is today:\n\n")
    // The first lever raises the signal the account was scored on: ARR, or product usage.
    text.append("- ", Rubric.raiseWording(scores.firstSignal).lever, ": ")
    let firstRaise = FirstSignalRaise.least(levers, of: account, signal: scores.firstSignal)
    if let firstRaise {
      writeRaise(firstRaise, today: scores, to: &text)
    } else {
      writeShortfall(account, scores: scores, rubric: rubric, to: &text)
    }
    text.append("\n- Expansion: ")
    if let expansionChange = levers.expansion {
      write(expansionChange, account: account, rubric: rubric, to: &text)
      text.append(
        ": expansion scores ", expansionChange.scores.expansion, ", total ",
        expansionChange.scores.total, ".")
    } else if scores.expansion < 5 {
      text.append(
        "not enough alone: even the top expansion score of 5 gives a total of ",
        rubric.total(arr: scores.arr, fit: scores.fit, expansion: 5), ".")
    } else {
      text.append("expansion already scores the top 5.")
    }
    text.append("\n")
    if let note = rubric.ceilingBlockerNote(scores.expansionRule) { text.append("\n", note, "\n") }
    guard firstRaise == nil, levers.expansion == nil else { return }
    text.append("\nNeither alone lifts the total ", bar.isStrict ? "above " : "to ", bar.total)
    if let combined = levers.combined {
      text.append("; together they do: ")
      if let users = combined.activeUsers {
        writeGrowth(.activeUsers(to: users, from: account.usage.activeUsers ?? 0), to: &text)
      } else {
        writeGrowth(.arr(to: combined.arr, from: account.arr), to: &text)
      }
      text.append(
        " (", Rubric.shortName(scores.firstSignal), " scores ", combined.scores.arr, ") with ")
      write(combined, account: account, rubric: rubric, to: &text)
      text.append(
        " (expansion scores ", combined.scores.expansion, "): total ", combined.scores.total,
        ".\n")
      return
    }
    text.append(
      ", nor do they together: even 5 on both gives a total of ",
      rubric.total(arr: 5, fit: scores.fit, expansion: 5), ". Strategic fit (today ", scores.fit,
      ", the CRM's judgement) would have to rise as well.\n")
  }

  /// A figure of the first signal raised from today's: ARR, or active users for an account
  /// scored on usage.
  private enum Growth {
    /// ARR raised to `to` from today's `from`.
    case arr(to: Money, from: Money)
    /// Active users raised to `to` from today's `from`.
    case activeUsers(to: Int, from: Int)
  }

  /// A raise of the first signal alone on a path back, and what the account scores there.
  private struct FirstSignalRaise {
    /// The figure raised.
    var growth: Growth
    /// Whether the yearly cost of the support load, not a cut line, sets the ARR.
    var coversSupportCost: Bool
    /// The account's scores once raised.
    var scores: SignalScores

    /// The ARR raise of `account`.
    init(_ raise: Rubric.ARRRaise, of account: Account) {
      growth = .arr(to: raise.arr, from: account.arr)
      coversSupportCost = raise.isSetBySupportCost
      scores = raise.scores
    }

    /// The active-users raise of `account`, scored on usage.
    init(_ raise: Rubric.UsageRaise, of account: Account) {
      growth = .activeUsers(to: raise.activeUsers, from: account.usage.activeUsers ?? 0)
      coversSupportCost = false
      scores = raise.scores
    }

    /// The least raise alone of `account`'s first signal `signal` that clears the bar of
    /// `levers` (its ARR or active-users lever); `nil` when none does.
    static func least(_ levers: PathBack.Levers, of account: Account, signal: FirstSignal) -> Self?
    {
      switch signal {
      case .arr: levers.arr.map { Self($0, of: account) }
      case .usage: levers.activeUsers.map { Self($0, of: account) }
      }
    }

    /// The least raise to the top score of 5; `nil` when no figure scores 5 this quarter.
    static func top(_ account: Account, signal: FirstSignal, rubric: Rubric) -> Self? {
      switch signal {
      case .arr: rubric.arrRaise(account, toARRScore: 5).map { Self($0, of: account) }
      case .usage: rubric.usageRaise(account, toUsageScore: 5).map { Self($0, of: account) }
      }
    }
  }

  /// Appends `+48,300 of ARR, to 96,500` or `+30 active users, to 42`. The target is in whole
  /// units, and the growth is derived from it and today's ARR as the memo says it.
  private static func writeGrowth(_ growth: Growth, to text: inout TextBuffer) {
    switch growth {
    case .arr(let target, let today):
      text.append(
        "+", .amount(target - today.roundedToWholeUnits), " of ARR, to ", .amount(target))
    case .activeUsers(let target, let today):
      text.append("+", target - today, target - today == 1 ? " active user" : " active users")
      text.append(", to ", target)
    }
  }

  /// Appends the least raise of the first signal alone that clears the bar, with the scores it
  /// gives against today's `scores`.
  private static func writeRaise(
    _ raise: FirstSignalRaise, today scores: SignalScores, to text: inout TextBuffer
  ) {
    let wording = Rubric.raiseWording(scores.firstSignal)
    writeGrowth(raise.growth, to: &text)
    if raise.coversSupportCost {
      text.append(" (enough to cover the yearly cost of its support load)")
    }
    text.append(": ", Rubric.shortName(scores.firstSignal), " scores ", raise.scores.arr)
    if raise.scores.expansion != scores.expansion {
      text.append(
        wording.expansionChangeOpening, raise.scores.expansion, wording.expansionChangeJoin,
        scores.expansion, ")")
    }
    text.append(", total ", raise.scores.total, ".")
  }

  /// Appends why raising the first signal alone cannot clear the bar.
  private static func writeShortfall(
    _ account: Account, scores: SignalScores, rubric: Rubric, to text: inout TextBuffer
  ) {
    let name = Rubric.shortName(scores.firstSignal)
    let wording = Rubric.raiseWording(scores.firstSignal)
    guard scores.arr < 5 else {
      text.append(name, " already scores the top 5; ", wording.addsNothing, ".")
      return
    }
    guard let top = FirstSignalRaise.top(account, signal: scores.firstSignal, rubric: rubric) else {
      text.append("no ", name, " scores 5 this quarter; ", wording.cannotLift, ".")
      return
    }
    text.append("not enough alone: even ")
    writeGrowth(top.growth, to: &text)
    text.append(", the top ", name, " score of 5, gives a total of ", top.scores.total, ".")
  }

  /// Appends the changes of `plan` in words, joined by `and`.
  private static func write(
    _ plan: Rubric.ExpansionPlan, account: Account, rubric: Rubric, to text: inout TextBuffer
  ) {
    var isFirst = true
    if plan.restoresSponsor {
      text.append("an active executive sponsor again")
      isFirst = false
    }
    if plan.stopsDecline {
      if !isFirst { text.append(" and ") }
      writeDeclineEnds(account, rubric: rubric, to: &text)
      isFirst = false
    }
    if plan.addsMultiBU {
      if !isFirst { text.append(" and ") }
      text.append("a footprint in more than one business unit (multi-BU)")
      isFirst = false
    }
    guard let (needed, score) = plan.ceiling else { return }
    if !isFirst { text.append(" and ") }
    let neededAmount = ProseAmount.compared(account.expansionCeiling ?? needed, with: needed).1
    text.append("evidence of an expansion ceiling of at least ", neededAmount, " (")
    let constants = rubric.constants
    switch score {
    case 5: text.append("ARR + ", .amount(constants.multiBUHeadroom))
    case 4: text.append(constants.clearPathRatio, " × ARR")
    default: text.append(constants.modestExpansionRatio, " × ARR")
    }
    text.append("; today ")
    if let today = account.expansionCeiling {
      text.append(ProseAmount.compared(today, with: needed).0)
    } else {
      text.append("unknown")
    }
    text.append(")")
  }

  /// Appends `usage that stops declining (…)`, a change that must come before any ceiling
  /// counts.
  private static func writeDeclineEnds(
    _ account: Account, rubric: Rubric, to text: inout TextBuffer
  ) {
    let previous = account.usage.activeUsersPreviousQuarter ?? 0
    text.append(
      "usage that stops declining (", account.usage.activeUsers ?? 0, " active users against ",
      previous, " the quarter before; ")
    DecimalDigits.append(rubric.leastActiveUsersHoldingUsage(previous: previous), to: &text.bytes)
    text.append(" would have held)")
  }
}
