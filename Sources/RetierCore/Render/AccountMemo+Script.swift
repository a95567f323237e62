extension AccountMemo {
  /// The memo of one moved account as the bytes of its file.
  static func markdownBytes(for ref: AccountRef, lookups: RunLookups) -> [UInt8] {
    // Memos run to about 3 KB; one reservation covers nearly all of them.
    var text = TextBuffer(capacity: 4_096)
    text.speaksWholeUnits = true
    writeMarkdown(for: ref, lookups: lookups, to: &text)
    return text.bytes
  }

  /// Appends the memo of one account, in the training's order: first who holds the conversation
  /// and with which account executive; a demotion is then the script said to that executive
  /// (opener, why it moved, the service-level reset and where the time goes, the relationship,
  /// the way back, the exception route); a promotion or a first placement is the handoff (who
  /// owns it now, what the customer now gets, why it moved).
  static func writeMarkdown(
    for ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer
  ) {
    let result = lookups.result
    let decision = result.ledger.decisions[ref]
    let current = result.ledger.currentTier(ref)
    let from = current ?? decision.finalTier
    let isDemotion = TierLadder.isDemotion(from: current, to: decision.finalTier)
    let id = result.ledger.id(ref)
    let accountName = result.ledger.name(ref)
    let name = accountName.isEmpty ? id : accountName
    text.append("# ", .escaped(name), ": ")
    if current == nil {
      text.append("new → ", lookups.tierLabel(decision.finalTier))
    } else {
      text.append(lookups.tierLabel(from), " → ", lookups.tierLabel(decision.finalTier))
    }
    text.append(
      "\n\nAccount ", .escaped(id), ", ",
      current == nil ? "first placement" : isDemotion ? "demotion" : "promotion", " in the ",
      lookups.quarterLabel, " re-tier (run date ", lookups.runDateText, "), ",
      decision.reason.inWords, ".\n\n")
    writeHolderLine(ref, lookups: lookups, to: &text)
    text.append("\n> ")
    text.appendEscapingMarkdown { WhyMoved(lookups).writeSentence(for: ref, to: &$0) }
    text.append("\n\n")
    if let held = HoldRule.memoSentence(
      result.ledger, ref, reason: result.ledger.ownerChangeReasons[ref],
      ownerName: lookups.people.name(of: result.ledger.owners[ref]))
    {
      text.append(.escaped(held), "\n\n")
    }
    if isDemotion {
      text.append("## What to say\n\n")
      writeOpener(ref, lookups: lookups, to: &text)
      text.append("\n## Why it moved\n\n")
      writeReason(ref, lookups: lookups, to: &text)
      text.append("\n## What changes for the customer\n\n")
      writeServiceLevelReset(ref, lookups: lookups, to: &text)
      text.append("\n## The relationship\n\n", relationshipLine, "\n")
      text.append("\n## The way back to ", lookups.tierLabel(from), "\n\n")
      writeReelevationPath(ref, lookups: lookups, to: &text)
      text.append("\n")
      writeSnapshotLine(ref, tier: from, lookups: lookups, to: &text)
      writeWaysBackInBetween(ref, lookups: lookups, to: &text)
      text.append("\n## If the account needs an exception\n\n")
      writeExceptionRoute(from: from, lookups: lookups, to: &text)
    } else {
      writeHandoffOpener(ref, lookups: lookups, to: &text)
      text.append("\n## Who owns it now\n\n")
      writeOwnerLine(ref, lookups: lookups, to: &text)
      text.append("\n## What the customer now gets\n\n")
      writeServiceLevelReset(ref, lookups: lookups, to: &text)
      text.append("\n## Why it moved\n\n")
      writeReason(ref, lookups: lookups, to: &text)
    }
    writeExceptionExpiryWarning(ref, lookups: lookups, to: &text)
  }

  /// The training's relationship-preservation line, whole, said to the account executive.
  static let relationshipLine =
    "I am not asking you to step back from the relationship. I am asking you to step back from "
    + "the cadence. The relationship continues. The calendar load does not."

  /// `Held by Linh Nguyen, the account's CSM before the move, with Dana Whitfield
  /// (dana@example.com), the account executive who owns the account.`
  static func writeHolderLine(_ ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer) {
    let result = lookups.result
    let holder =
      lookups.holders[ref]
      ?? ConversationHolder.of(
        ownerBefore: result.ledger.ownerID(ref), newOwner: result.ledger.owners[ref],
        people: lookups.people, csLeader: result.configuration.csLeader)
    let executive = result.ledger.accountExecutive(ref)
    text.append("Held by **", .escaped(holder.name), "**")
    let before = result.ledger.ownerID(ref)
    switch holder.source {
    case .ownerBefore:
      text.append(", the account's CSM before the move,")
    case .newOwner:
      text.append(", the account's new CSM,")
    case .manager:
      text.append(
        ", who manages ", .escaped(lookups.people.name(of: before)),
        " (the account's CSM before the move, no longer active),")
    case .csLeader:
      text.append(", the CS leader (no active CSM holds the account),")
    case .unnamedCSLead:
      text.append(" (no active CSM holds the account; no CS leader is configured),")
    }
    if executive.name.isEmpty {
      text.append(" with ", ConversationHolder.unnamedSalesOwner)
      if !executive.email.isEmpty { text.append(" (", .escaped(executive.email), ")") }
      text.append(": the CRM names no account executive.\n")
      return
    }
    text.append(" with **", .escaped(executive.name), "**")
    if !executive.email.isEmpty { text.append(" (", .escaped(executive.email), ")") }
    text.append(", the account executive who owns the account.\n")
  }

  /// The opener to the account executive, by first name, fitted to the reason: for a rubric
  /// move `Dana, I want to walk you through a tiering change before it shows up in your queue.
  /// Acme moved from Tier 1 to Tier 2 this quarter. This is not a comment on the work you've
  /// done — it is a comment on the numbers.`
  static func writeOpener(_ ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer) {
    let result = lookups.result
    let name = result.ledger.name(ref)
    let decision = result.ledger.decisions[ref]
    let finalTier = decision.finalTier
    let from = result.ledger.currentTier(ref) ?? finalTier
    if let firstName = result.ledger.accountExecutive(ref).firstName {
      text.append(.escaped(firstName), ", ")
    }
    text.append(
      "I want to walk you through a tiering change before it shows up in your queue. ",
      .escaped(name.isEmpty ? result.ledger.id(ref) : name), " moved from Tier ", from,
      " to Tier ", finalTier, " this quarter. This is not a comment on the work you've done — ")
    switch decision.reason {
    case _ where decision.isHeldBySkippedReviews, .skippedReviews:
      text.append(
        "and it is not about the numbers either. It is about engagement: the customer has not ",
        "held a business review for ",
        SkippedReviewsRule.countInWords(result.ledger.reviewsSkipped(ref)),
        " scheduled reviews in a row, and Tier ", from, " service is built around them.\n")
    case .cap(let tier):
      text.append(
        "its numbers still reach the Tier ", decision.targetTier, " line. Tier ", tier,
        " has a fixed number of seats this quarter, and other accounts ranked above it.\n")
    case .override:
      text.append("a dual-approved exception sets this tier, not the numbers.\n")
    case .newLogo:
      text.append(
        "it is a new logo, and new logos start in Tier ", finalTier,
        " until they have enough quarters behind them to be scored.\n")
    case .rubric, .invalidInput:
      text.append("it is a comment on the numbers.\n")
    }
  }

  /// The handoff opener: `Acme moved from Tier 2 to Tier 1 this quarter; its new owner is Linh
  /// Nguyen.`, or
  /// for a first placement `Acme is placed in Tier 1 this quarter, its first tier.`
  static func writeHandoffOpener(
    _ ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer
  ) {
    let result = lookups.result
    let finalTier = result.ledger.decisions.finalTier(ref)
    let owner = result.ledger.owners[ref]
    let accountName = result.ledger.name(ref)
    let name = accountName.isEmpty ? result.ledger.id(ref) : accountName
    if let current = result.ledger.currentTier(ref) {
      text.append(
        .escaped(name), " moved from Tier ", current, " to Tier ", finalTier, " this quarter")
    } else {
      text.append(.escaped(name), " is placed in Tier ", finalTier, " this quarter, its first tier")
    }
    if lookups.people.isActiveCSM(owner) {
      text.append("; its new owner is ", .escaped(lookups.people.name(of: owner)), ".\n")
    } else {
      text.append(".\n")
    }
  }

  /// The exception route that closes a demotion memo: written, approved by the sales leader and
  /// the CS leader together, with an expiry.
  static func writeExceptionRoute(
    from tier: Int, lookups: RunLookups, to text: inout TextBuffer
  ) {
    text.append(
      "If the account must keep ", lookups.tierLabel(tier), " service, that is an exception, ",
      "not a side agreement: written, approved by the sales leader and the CS leader together, ",
      "with an expiry of at most ", lookups.result.configuration.overrideMaxDays,
      " days. Without one, the change stands.\n")
  }

  /// An override memo's warning when the exception expires before the next re-tier.
  static func writeExceptionExpiryWarning(
    _ ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer
  ) {
    let result = lookups.result
    guard let override = result.ledger.decisions[ref].override else { return }
    let nextRunDate = result.configuration.calendar.runDate(of: result.quarter.next())
    guard override.expires < nextRunDate else { return }
    text.append(
      "\n**The exception expires on ", override.expires, ", before the next re-tier on ",
      nextRunDate, ".** Renew it in writing before then, or the rubric decides its tier again.\n")
  }

  /// The scores, then the true reason for the tier: the walkback when the rubric decided, the
  /// cap and who took the seat, the override with its approvers and expiry, or the new-logo
  /// hold with the quarter it ends; then each signal's rule.
  static func writeReason(_ ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer) {
    let result = lookups.result
    let decision = result.ledger.decisions[ref]
    switch decision.reason {
    case .rubric, .invalidInput:
      writeWalkback(ref, lookups: lookups, to: &text)
    case .cap(let tier) where decision.isHeldBySkippedReviews:
      writeScores(ref, lookups: lookups, to: &text)
      text.append(", which on the rubric alone lands in Tier ", decision.rubricTier, ". ")
      writeSkippedReviewsHold(ref, lookups: lookups, to: &text)
      text.append(" ")
      writeCapReason(ref, tier: tier, lookups: lookups, to: &text)
    case .cap(let tier):
      writeScores(ref, lookups: lookups, to: &text)
      text.append(
        ", which reaches the Tier ", decision.targetTier, " line of ",
        lookups.line(ofTier: decision.targetTier), ". ")
      writeCapReason(ref, tier: tier, lookups: lookups, to: &text)
    case .skippedReviews:
      writeScores(ref, lookups: lookups, to: &text)
      text.append(", which on the rubric alone lands in Tier ", decision.rubricTier, ". ")
      writeSkippedReviewsHold(ref, lookups: lookups, to: &text)
    case .override:
      writeScores(ref, lookups: lookups, to: &text)
      text.append(", which on the rubric alone lands in Tier ", decision.rubricTier, ". ")
      if let override = decision.override {
        text.append(
          "A dual-approved exception sets Tier ", decision.finalTier, " instead: approved by ",
          .escaped(override.row.approvedBySales), " (sales) and ",
          .escaped(override.row.approvedByCS), " (CS), expires ", override.expires,
          "; its reason: “", .escaped(override.row.reason), "”.")
      } else {
        text.append("A dual-approved exception sets Tier ", decision.finalTier, " instead.")
      }
    case .newLogo:
      writeScores(ref, lookups: lookups, to: &text)
      let hold = newLogoHoldEnd(ref, result: result)
      text.append(
        ", which on the rubric alone lands in Tier ", decision.rubricTier, ". As a new logo ",
        "(customer since ", result.ledger.customerSince(ref), ", fewer than ",
        hold.quarters, " full quarter", hold.quarters == 1 ? "" : "s",
        ") it is held in Tier ", decision.finalTier, " until the ", hold.endsWith.label,
        " re-tier.")
    }
    text.append("\n\n")
    writeSignalRules(ref, lookups: lookups, to: &text)
  }

  /// The skipped-reviews hold in the rule's own words.
  private static func writeSkippedReviewsHold(
    _ ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer
  ) {
    let result = lookups.result
    let account = result.ledger[ref]
    let decision = result.ledger.decisions[ref]
    let current = account.currentTier ?? decision.finalTier
    let rule = SkippedReviewsRule(result.configuration)
    if decision.targetTier == current {
      rule.writeHeldAtCurrent(
        reviewsSkipped: account.reviewsSkipped, currentTier: current, to: &text)
    } else {
      rule.writeHold(reviewsSkipped: account.reviewsSkipped, currentTier: current, to: &text)
    }
  }

  /// Why a capped tier did not seat the account: the account that took its seat, by name and
  /// id, or the cut-off it missed.
  private static func writeCapReason(
    _ ref: AccountRef, tier: Int, lookups: RunLookups, to text: inout TextBuffer
  ) {
    let result = lookups.result
    let seats = lookups.capReport(ofTier: tier)?.seats ?? 0
    guard let displacement = lookups.displacement(of: ref), displacement.tier == tier,
      let taker = displacement.takenBy
    else {
      text.append("It did not get one of the ", seats, " seats under the Tier ", tier, " cap: ")
      text.appendEscapingMarkdown { WhyMoved(lookups).writeCause(of: ref, direction: nil, to: &$0) }
      text.append(".")
      return
    }
    text.append(
      "Tier ", tier, " is capped at ", seats, " seats this quarter, and this seat went to ")
    writeAccountReference(taker, result, to: &text)
    if result.ledger.decisions.reason(taker) == .override {
      text.append(", whose dual-approved exception takes a seat first.")
    } else {
      text.append(
        ", promoted with a total of ", result.ledger.scores.total(taker),
        ", which ranks above this ",
        "account's.")
    }
  }

  /// The quarter whose re-tier ends a new logo's hold, and the quarters of tenure it needs.
  static func newLogoHoldEnd(
    _ ref: AccountRef, result: RunResult
  ) -> (endsWith: FiscalQuarter, quarters: Int) {
    let configuration = result.configuration
    let since = result.ledger.customerSince(ref)
    let needed = configuration.newLogoQuarters
    var quarter = result.quarter
    var steps = 0
    // Each later quarter adds at most one counted quarter; stop after a few centuries.
    while configuration.calendar.quartersStarting(onOrAfter: since, through: quarter) < needed,
      steps < 1_000
    {
      quarter = quarter.next()
      steps += 1
    }
    return (quarter, needed)
  }

  /// `This is a quarterly snapshot, not a permanent downgrade: if they get there, they re-enter
  /// Tier 1 (Gold) at the next re-tier.` A new logo's hold and an override hold past the next
  /// re-tier, so for them the line says when the rubric decides again.
  static func writeSnapshotLine(
    _ ref: AccountRef, tier: Int, lookups: RunLookups, to text: inout TextBuffer
  ) {
    let result = lookups.result
    let decision = result.ledger.decisions[ref]
    text.append("This is a quarterly snapshot, not a permanent downgrade: ")
    switch decision.reason {
    case .newLogo:
      text.append(
        "if the total still reaches the line when the hold ends, they re-enter ",
        lookups.tierLabel(tier), " at the ", newLogoHoldEnd(ref, result: result).endsWith.label,
        " re-tier.\n")
    case .override:
      text.append("if they get there, they re-enter ", lookups.tierLabel(tier))
      if let override = decision.override {
        text.append(" at the first re-tier after the exception expires on ", override.expires)
      } else {
        text.append(" when the exception no longer holds")
      }
      text.append(".\n")
    case .rubric, .cap, .skippedReviews, .invalidInput:
      text.append(
        "if they get there, they re-enter ", lookups.tierLabel(tier), " at the next re-tier.\n")
    }
  }

  /// The owner before and after, by name (the ids are in reassignments.csv).
  static func writeOwnerLine(_ ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer) {
    let result = lookups.result
    let people = lookups.people
    let old = result.ledger.ownerID(ref)
    let new = result.ledger.owners[ref]
    if new.isEmpty {
      text.append(
        "Nobody yet: no CSM of Tier ", result.ledger.decisions.finalTier(ref),
        " has a free seat (a capacity shortfall: see the hiring signal in memo.md).\n")
    } else if old == new {
      text.append(.escaped(people.name(of: new)), " keeps it.\n")
    } else if old.isEmpty {
      text.append(
        .escaped(people.name(of: new)), "; it had no owner before (see reassignments.csv).\n")
    } else {
      text.append(
        .escaped(people.name(of: new)), ", handed over from ", .escaped(people.name(of: old)),
        " (see reassignments.csv).\n")
    }
  }
}
