/// Explains tier decisions in words: the one-line `why_moved` of `movements.csv` (a CRM note
/// field, so never a line break) and the lookups the memos share — cap pairs in both directions,
/// the lowest total seated under each cap. Every figure about a score comes from the run's
/// ``Rubric``.
///
/// Build one per run and ask it about accounts by their ``AccountRef``.
struct WhyMoved: Sendable {
  /// A cap pairing seen from the displaced incumbent.
  struct Displacement: Sendable, Hashable {
    /// The capped tier the incumbent lost its seat in.
    var tier: Int
    /// The newcomer seated in its place; `nil` when the cap seated no newcomer for it.
    var takenBy: AccountRef?
  }

  /// The run being explained.
  let result: RunResult
  /// The run's quarter label, `2026-Q3`.
  let quarterLabel: String
  /// The run date, `2026-10-14`.
  let runDateText: String
  /// Cap pairings by displaced incumbent.
  private let displacements: [AccountRef: Displacement]
  /// Cap pairings by newcomer: the incumbent whose seat it took.
  private let seatsTaken: [AccountRef: AccountRef]
  /// Lowest total among the accounts the rubric seated in each capped tier (overrides aside), by
  /// tier number.
  private let lowestSeatedTotals: [ExactDecimal?]
  /// ``tierLabel(_:)`` of every tier, Tier 1 first: memos name the same few tiers a hundred
  /// thousand times.
  private let tierLabels: [String]
  /// Every tier's service levels with their text escaped for Markdown, Tier 1 first, for the
  /// same reason.
  private let escapedServiceLevels: [ServiceLevels]
  /// The ladder's rules: the tier lines, demotions.
  let ladder: TierLadder
  /// People by name, for every sentence a person reads.
  let people: PeopleDirectory
  /// Where each demotion's freed CSM time goes.
  let reinvestment: TimeReinvestment
  /// Each moved account's memo file name, by ref: `memo.md` links the memos and the memos are
  /// written under these names, so they are assigned once per run.
  let memoNames: [AccountRef: String]
  /// Who holds the conversation of each account memo, by ref: the memo's opener names them and
  /// `memo.md` groups its conversations by them.
  let holders: [AccountRef: ConversationHolder]

  /// Indexes the cap reports of `result`.
  init(_ result: RunResult) {
    self.result = result
    self.quarterLabel = result.quarter.label
    self.runDateText = result.runDate.description
    var displacements: [AccountRef: Displacement] = [:]
    var seatsTaken: [AccountRef: AccountRef] = [:]
    for report in result.tiering.capReports {
      for pair in report.pairs {
        displacements[pair.displaced] = Displacement(tier: report.tier, takenBy: pair.takenBy)
        if let taker = pair.takenBy { seatsTaken[taker] = pair.displaced }
      }
    }
    // Arrays by tier number rather than a set and a dictionary: this loop sees every account.
    let tierSlots = result.configuration.tierCount + 1
    var isCapped = [Bool](repeating: false, count: tierSlots)
    for report in result.tiering.capReports where isCapped.indices.contains(report.tier) {
      isCapped[report.tier] = true
    }
    var lowest = [ExactDecimal?](repeating: nil, count: tierSlots)
    let ledger = result.ledger
    for ref in ledger.refs {
      let finalTier = ledger.decisions.finalTier(ref)
      guard isCapped[finalTier], ledger.decisions.reason(ref) != .override else { continue }
      let total = ledger.scores.total(ref)
      if let current = lowest[finalTier], current <= total { continue }
      lowest[finalTier] = total
    }
    self.displacements = displacements
    self.seatsTaken = seatsTaken
    self.lowestSeatedTotals = lowest
    let configuration = result.configuration
    self.ladder = TierLadder(configuration)
    self.memoNames = AccountMemo.memoNames(result)
    let people = PeopleDirectory(
      roster: result.book.roster, poolOwnerID: configuration.poolOwnerID)
    self.people = people
    self.holders = ConversationHolder.holders(
      of: Array(memoNames.keys), result: result, people: people)
    self.reinvestment = TimeReinvestment(result) {
      displacements[$0] != nil || seatsTaken[$0] != nil
    }
    self.tierLabels = configuration.tiers.indices.map { Self.tierLabel($0 + 1, in: configuration) }
    self.escapedServiceLevels = configuration.tiers.map { tier in
      var levels = tier.serviceLevels
      levels.coverage = ReviewMemo.escaped(levels.coverage)
      levels.businessReviews = ReviewMemo.escaped(levels.businessReviews)
      levels.executiveContact = ReviewMemo.escaped(levels.executiveContact)
      levels.p1Response = ReviewMemo.escaped(levels.p1Response)
      levels.renewalMotion = ReviewMemo.escaped(levels.renewalMotion)
      levels.plays = levels.plays.map(ReviewMemo.escaped)
      return levels
    }
  }

  /// `Tier 1 (Gold)`, or `Tier 1` when the tier has no name.
  func tierLabel(_ tier: Int) -> String { tierLabels[tier - 1] }

  /// The service levels of a tier with their text escaped as ``ReviewMemo/escaped(_:)`` does.
  func escapedServiceLevels(ofTier tier: Int) -> ServiceLevels {
    escapedServiceLevels[tier - 1]
  }

  /// The cap pairing of a displaced incumbent, when it lost its seat to a cap.
  func displacement(of ref: AccountRef) -> Displacement? { displacements[ref] }

  /// The displaced incumbent whose seat the account took, when it is a paired newcomer.
  func seatTaken(by ref: AccountRef) -> AccountRef? { seatsTaken[ref] }

  /// The lowest total the rubric seated in a capped tier, `nil` when overrides took every seat.
  func lowestSeatedTotal(inTier tier: Int) -> ExactDecimal? {
    lowestSeatedTotals.indices.contains(tier) ? lowestSeatedTotals[tier] : nil
  }

  /// The cap report of a tier, when the tier is capped.
  func capReport(ofTier tier: Int) -> CapReport? {
    result.tiering.capReports.first { $0.tier == tier }
  }

  /// The movement direction of an account, `nil` when it kept its tier.
  func direction(of ref: AccountRef) -> MovementDirection? {
    MovementDirection(
      from: result.ledger.currentTier(ref),
      to: result.ledger.decisions.finalTier(ref))
  }

  /// The one-line explanation of a moved or first-placed account, `nil` when it kept its tier,
  /// e.g. `Tier 1 → Tier 2: total 10 (ARR 4, fit 3, expansion 3) is below the Tier 1 line of 12`.
  func sentence(for ref: AccountRef) -> String? {
    var text = TextBuffer(capacity: 128)
    guard writeSentence(for: ref, to: &text) else { return nil }
    return text.string
  }

  /// Appends ``sentence(for:)`` to `text`; returns `false`, having appended nothing, when the
  /// account kept its tier.
  @discardableResult
  func writeSentence(for ref: AccountRef, to text: inout TextBuffer) -> Bool {
    guard let direction = direction(of: ref) else { return false }
    let finalTier = result.ledger.decisions.finalTier(ref)
    if let from = result.ledger.currentTier(ref) {
      text.append("Tier ", from, " → Tier ", finalTier, ": ")
    } else {
      text.append("First placement in Tier ", finalTier, ": ")
    }
    writeCause(of: ref, direction: direction, to: &text)
    return true
  }

  /// Appends why the account ends where it does, without the `Tier a → Tier b` head.
  func writeCause(
    of ref: AccountRef, direction: MovementDirection?, to text: inout TextBuffer
  ) {
    switch result.ledger.decisions.reason(ref) {
    case .override: writeOverrideClause(ref, to: &text)
    case .newLogo: writeNewLogoClause(ref, to: &text)
    case .skippedReviews: writeSkippedReviewsClause(ref, to: &text)
    case .cap: writeCapClause(ref, to: &text)
    case .rubric, .invalidInput: writeRubricClause(ref, direction: direction, to: &text)
    }
  }

  /// Appends `total 10 (ARR 4, fit 3, expansion 3)` (`usage 4` for an account scored on usage).
  func writeSignalsSummary(_ ref: AccountRef, to text: inout TextBuffer) {
    let scores = result.ledger.scores[ref]
    text.append(
      "total ", scores.total, " (", Rubric.shortName(scores.firstSignal), " ", scores.arr,
      ", fit ", scores.fit, ", expansion ", scores.expansion, ")")
  }

  /// The `min_score` of a tier (``TierLadder``).
  func line(ofTier tier: Int) -> ExactDecimal { ladder.line(ofTier: tier) }

  private func writeRubricClause(
    _ ref: AccountRef, direction: MovementDirection?, to text: inout TextBuffer
  ) {
    let finalTier = result.ledger.decisions.finalTier(ref)
    let tierCount = result.configuration.tierCount
    let total = result.ledger.scores.total(ref)
    let isBelowTierAbove: Bool
    switch direction {
    case .demotion: isBelowTierAbove = true
    case .promotion: isBelowTierAbove = false
    case .firstPlacement, nil:
      // The last tier's own line (usually 0) says little; the line it missed says more.
      isBelowTierAbove = finalTier == tierCount && tierCount > 1
    }
    writeSignalsSummary(ref, to: &text)
    if isBelowTierAbove {
      text.append(" is below the Tier ", finalTier - 1, " line of ", line(ofTier: finalTier - 1))
      let skipped = result.ledger.reviewsSkipped(ref)
      if SkippedReviewsRule(result.configuration).isAlsoSkipped(
        currentTier: result.ledger.currentTier(ref), reviewsSkipped: skipped,
        finalTier: finalTier)
      {
        text.append(SkippedReviewsRule.alsoClause(skipped))
      }
      return
    }
    text.append(" ")
    ladder.writeComparison(of: total, withTier: finalTier, to: &text)
  }

  private func writeOverrideClause(_ ref: AccountRef, to text: inout TextBuffer) {
    guard let override = result.ledger.decisions[ref].override else {
      text.append("override (no approved exception on file)")
      return
    }
    let row = override.row
    text.append(
      "override to Tier ", override.tier, " approved by ", .oneLine(row.approvedBySales), " and ",
      .oneLine(row.approvedByCS), ", expires ", override.expires, ": ", .oneLine(row.reason))
  }

  private func writeNewLogoClause(_ ref: AccountRef, to text: inout TextBuffer) {
    let quarters = result.configuration.newLogoQuarters
    text.append(
      "new logo (customer since ", result.ledger.customerSince(ref), ", fewer than ",
      quarters, " full quarter", quarters == 1 ? "" : "s", ") held in Tier ",
      result.configuration.tierCount)
  }

  /// `two business reviews skipped in a row` for a move one tier down, `held: two business
  /// reviews skipped in a row, none held since` for an account held in its tier.
  private func writeSkippedReviewsClause(_ ref: AccountRef, to text: inout TextBuffer) {
    let count = result.ledger.reviewsSkipped(ref)
    let decision = result.ledger.decisions[ref]
    if decision.targetTier == result.ledger.currentTier(ref) {
      text.append(SkippedReviewsRule.heldClause(count))
    } else {
      text.append(SkippedReviewsRule.skippedPhrase(count))
    }
  }

  private func writeCapClause(_ ref: AccountRef, to text: inout TextBuffer) {
    let currentTier = result.ledger.currentTier(ref)
    let decision = result.ledger.decisions[ref]
    let target = decision.targetTier
    let displacement = displacements[ref]
    // A pairing in the target tier says it all; otherwise the signals and lines lead.
    let leadsWithPairing = target < decision.finalTier && displacement?.tier == target
    if !leadsWithPairing {
      writeSignalsSummary(ref, to: &text)
      text.append(" ")
      if decision.isHeldBySkippedReviews, let from = currentTier {
        // Moved below its tier, or held in it, whatever its total: the line it missed is not
        // the reason.
        text.append(
          from == target ? "is held in Tier " : "is held below Tier ", from, " by ",
          SkippedReviewsRule.skippedPhrase(result.ledger.reviewsSkipped(ref)), ", ")
      } else if let from = currentTier, from < target {
        text.append("is below the Tier ", from, " line of ", line(ofTier: from), " and ")
      }
      text.append("reaches the Tier ", target, " line of ", line(ofTier: target), " but ")
    }
    // Every tier from the target down to the one above the final tier was full for it.
    for tier in target..<decision.finalTier {
      if tier > target { text.append(", then ") }
      let seats = capReport(ofTier: tier)?.seats ?? 0
      if let displacement, displacement.tier == tier {
        if let taker = displacement.takenBy {
          let takerName = result.ledger.name(taker)
          text.append("seat taken by ")
          if !takerName.isEmpty { text.append(.oneLine(takerName), " (") }
          text.append(.oneLine(result.ledger.id(taker)), takerName.isEmpty ? " (" : ", ")
          writeTakerStanding(taker, tier: tier, to: &text)
          text.append(") under the Tier ", tier, " cap of ", seats)
        } else {
          text.append(
            "no seat under the Tier ", tier, " cap of ", seats, ", and no newcomer took it: the ",
            "cap shrank below the incumbents that qualify")
        }
      } else {
        text.append("missed the Tier ", tier, " cap of ", seats, " seats (")
        writeCutOff(tier, to: &text)
        text.append(")")
      }
    }
  }

  /// `total 14` for a newcomer seated by the rubric, `override to Tier 1` for an override.
  private func writeTakerStanding(_ taker: AccountRef, tier: Int, to text: inout TextBuffer) {
    if result.ledger.decisions.reason(taker) == .override {
      text.append("override to Tier ", tier)
    } else {
      text.append("total ", result.ledger.scores.total(taker))
    }
  }

  /// `lowest seated total 14`, or why no total was seated.
  private func writeCutOff(_ tier: Int, to text: inout TextBuffer) {
    if let lowest = lowestSeatedTotal(inTier: tier) {
      text.append("lowest seated total ", lowest)
    } else if let report = capReport(ofTier: tier), report.seats > 0 {
      text.append("overrides took every seat")
    } else {
      text.append("the cap has no seats")
    }
  }
}
