/// Writes why an account ends in its tier, in one line: the `why_moved` of `movements.csv` and
/// `tier-field-update.csv` (a CRM note field, so never a line break), quoted by the memos,
/// `memo.md`, `memo.html` and `explain`. Every figure about a score comes from the run's
/// ``Rubric``, every lookup from the run's ``RunLookups``.
struct WhyMoved: Sendable {
  /// The run's lookups.
  let lookups: RunLookups

  /// A writer of the reasons of the run `lookups` describes.
  init(_ lookups: RunLookups) {
    self.lookups = lookups
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
    guard let direction = lookups.direction(of: ref) else { return false }
    let finalTier = lookups.result.ledger.decisions.finalTier(ref)
    if let from = lookups.result.ledger.currentTier(ref) {
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
    switch lookups.result.ledger.decisions.reason(ref) {
    case .override: writeOverrideClause(ref, to: &text)
    case .newLogo: writeNewLogoClause(ref, to: &text)
    case .skippedReviews: writeSkippedReviewsClause(ref, to: &text)
    case .cap: writeCapClause(ref, to: &text)
    case .rubric, .invalidInput: writeRubricClause(ref, direction: direction, to: &text)
    }
  }

  /// Appends `total 10 (ARR 4, fit 3, expansion 3)` (`usage 4` for an account scored on usage).
  func writeSignalsSummary(_ ref: AccountRef, to text: inout TextBuffer) {
    let scores = lookups.result.ledger.scores[ref]
    text.append(
      "total ", scores.total, " (", Rubric.shortName(scores.firstSignal), " ", scores.arr,
      ", fit ", scores.fit, ", expansion ", scores.expansion, ")")
  }

  private func writeRubricClause(
    _ ref: AccountRef, direction: MovementDirection?, to text: inout TextBuffer
  ) {
    let finalTier = lookups.result.ledger.decisions.finalTier(ref)
    let tierCount = lookups.result.configuration.tierCount
    let total = lookups.result.ledger.scores.total(ref)
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
      text.append(
        " is below the Tier ", finalTier - 1, " line of ", lookups.line(ofTier: finalTier - 1))
      let skipped = lookups.result.ledger.reviewsSkipped(ref)
      if SkippedReviewsRule(lookups.result.configuration).isAlsoSkipped(
        currentTier: lookups.result.ledger.currentTier(ref), reviewsSkipped: skipped,
        finalTier: finalTier)
      {
        text.append(SkippedReviewsRule.alsoClause(skipped))
      }
      return
    }
    text.append(" ")
    lookups.ladder.writeComparison(of: total, withTier: finalTier, to: &text)
  }

  private func writeOverrideClause(_ ref: AccountRef, to text: inout TextBuffer) {
    guard let override = lookups.result.ledger.decisions[ref].override else {
      text.append("override (no approved exception on file)")
      return
    }
    let row = override.row
    text.append(
      "override to Tier ", override.tier, " approved by ", .oneLine(row.approvedBySales), " and ",
      .oneLine(row.approvedByCS), ", expires ", override.expires, ": ", .oneLine(row.reason))
  }

  private func writeNewLogoClause(_ ref: AccountRef, to text: inout TextBuffer) {
    let quarters = lookups.result.configuration.newLogoQuarters
    text.append(
      "new logo (customer since ", lookups.result.ledger.customerSince(ref), ", fewer than ",
      quarters, " full quarter", quarters == 1 ? "" : "s", ") held in Tier ",
      lookups.result.configuration.tierCount)
  }

  /// `two business reviews skipped in a row` for a move one tier down, `held: two business
  /// reviews skipped in a row, none held since` for an account held in its tier.
  private func writeSkippedReviewsClause(_ ref: AccountRef, to text: inout TextBuffer) {
    let count = lookups.result.ledger.reviewsSkipped(ref)
    let decision = lookups.result.ledger.decisions[ref]
    if decision.targetTier == lookups.result.ledger.currentTier(ref) {
      text.append(SkippedReviewsRule.heldClause(count))
    } else {
      text.append(SkippedReviewsRule.skippedPhrase(count))
    }
  }

  private func writeCapClause(_ ref: AccountRef, to text: inout TextBuffer) {
    let currentTier = lookups.result.ledger.currentTier(ref)
    let decision = lookups.result.ledger.decisions[ref]
    let target = decision.targetTier
    let displacement = lookups.displacement(of: ref)
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
          SkippedReviewsRule.skippedPhrase(lookups.result.ledger.reviewsSkipped(ref)), ", ")
      } else if let from = currentTier, from < target {
        text.append("is below the Tier ", from, " line of ", lookups.line(ofTier: from), " and ")
      }
      text.append("reaches the Tier ", target, " line of ", lookups.line(ofTier: target), " but ")
    }
    // Every tier from the target down to the one above the final tier was full for it.
    for tier in target..<decision.finalTier {
      if tier > target { text.append(", then ") }
      let seats = lookups.capReport(ofTier: tier)?.seats ?? 0
      if let displacement, displacement.tier == tier {
        if let taker = displacement.takenBy {
          let takerName = lookups.result.ledger.name(taker)
          text.append("seat taken by ")
          if !takerName.isEmpty { text.append(.oneLine(takerName), " (") }
          text.append(.oneLine(lookups.result.ledger.id(taker)), takerName.isEmpty ? " (" : ", ")
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
    if lookups.result.ledger.decisions.reason(taker) == .override {
      text.append("override to Tier ", tier)
    } else {
      text.append("total ", lookups.result.ledger.scores.total(taker))
    }
  }

  /// `lowest seated total 14`, or why no total was seated.
  private func writeCutOff(_ tier: Int, to text: inout TextBuffer) {
    if let lowest = lookups.lowestSeatedTotal(inTier: tier) {
      text.append("lowest seated total ", lowest)
    } else if let report = lookups.capReport(ofTier: tier), report.seats > 0 {
      text.append("overrides took every seat")
    } else {
      text.append("the cap has no seats")
    }
  }
}
