/// The text of `retier explain`: every rule of both computed signals up to the one that fired,
/// with the account's actual numbers, then the total, the tier decision and the owner. Every
/// rule, threshold and figure comes from the run's ``Rubric``, as in the memos.
package struct AccountExplanation {
  /// The decided quarter.
  let result: RunResult
  /// The account explained.
  let ref: AccountRef

  /// The explanation of `ref`'s account in `result`.
  package init(result: RunResult, ref: AccountRef) {
    self.result = result
    self.ref = ref
  }

  private var account: Account { result.ledger[ref] }
  private var scores: SignalScores { result.ledger.scores[ref] }
  private var decision: TierDecision { result.ledger.decisions[ref] }
  private var configuration: Configuration { result.configuration }
  private var rubric: RubricConstants { configuration.rubric }
  private var scoring: Rubric { result.rubric }

  /// The explanation's lines.
  package var lines: [String] {
    let crmTier = account.currentTier.map { tierName($0) } ?? "no tier"
    var lines = [
      // "Account" first: a line never starts with text from the drop, which could read as a
      // `path:line: error:` diagnostic.
      "Account \(ControlCharacters.escaped(account.id)) \(quoted(account.name)): "
        + "\(result.quarter.label), run date \(result.runDate)",
      "CRM: \(crmTier), owner \(account.ownerID.isEmpty ? "(none)" : account.ownerID), "
        + "customer since \(account.customerSince)",
      "",
    ]
    lines += arrLines + [""]
    lines.append("Strategic fit signal: \(scores.fit) (strategic_fit from the CRM, as is)")
    lines.append("")
    lines += expansionLines + [""]
    lines += decisionLines
    return lines
  }

  // MARK: ARR signal

  private var arrLines: [String] {
    let cutLines = result.cutLines
    if scores.firstSignal == .usage, let usageLines = scoring.usageCutLines {
      let users = account.usage.activeUsers ?? 0
      var lines = [
        "Usage signal: \(scores.arr) (\(scores.arrRule.rawValue)), in place of ARR for the long "
          + "tail",
        "  ARR \(account.arr); g(a) = \(scoring.strictlyGreaterCount(than: account.arr)) ≥ "
          + "⌈(1 − \(rubric.usageSignal.belowShare ?? .zero)) × N⌉ = "
          + "\(usageLines.cohortStartRank), N = \(cutLines.accountCount)",
        "  active users \(users); g_u(a) = \(scoring.strictlyGreaterUsers(than: users)) of the "
          + "long tail have more; N_u = \(usageLines.accountCount); median_u \(usageLines.median)",
      ]
      let rules = scoring.usageRuleConditions(of: account)
      lines += ruleLines(
        rules.map { ($0.rule, $0.rule.score, $0.condition) }, fired: scores.arrRule)
      return lines
    }
    var lines = [
      "ARR signal: \(scores.arr) (\(scores.arrRule.rawValue))",
      "  ARR \(account.arr); g(a) = \(scoring.strictlyGreaterCount(than: account.arr)) valid "
        + "accounts have a greater ARR; N = \(cutLines.accountCount); median ARR \(cutLines.median)",
    ]
    let rules = scoring.arrRuleConditions(of: account)
    lines += ruleLines(rules.map { ($0.rule, $0.rule.score, $0.condition) }, fired: scores.arrRule)
    return lines
  }

  // MARK: Expansion signal

  private var expansionLines: [String] {
    let usage = account.usage
    func count(_ value: Int?) -> String { value.map(String.init) ?? "unknown" }
    let ceiling = account.expansionCeiling
    let ceilingText = ceiling.map { "\($0)" } ?? "unknown"
    var lines = [
      "Expansion ceiling signal: \(scores.expansion) (\(scores.expansionRule.rawValue))",
      "  ceiling \(ceilingText); ARR \(account.arr); multi_bu \(account.multiBU); sponsor "
        + (account.sponsorLost ? "lost" : "active") + "; active users \(count(usage.activeUsers)), "
        + "last quarter \(count(usage.activeUsersPreviousQuarter)); licensed seats "
        + count(usage.licensedSeats),
    ]
    let rules = scoring.expansionRuleConditions(of: account)
    lines += ruleLines(
      rules.map { ($0.rule, $0.rule.score, $0.condition) }, fired: scores.expansionRule)
    return lines
  }

  /// The rules in order up to the one that fired, marked `→` (fired) or `·` (did not match).
  private func ruleLines<Rule: Equatable>(
    _ rules: [(rule: Rule, score: Int, text: String)], fired: Rule
  ) -> [String] {
    var lines: [String] = []
    for rule in rules {
      let isFired = rule.rule == fired
      let condition = rule.text.hasPrefix("otherwise") ? rule.text : "if " + rule.text
      lines.append("  \(isFired ? "→" : "·") \(rule.score) \(condition)")
      if isFired { break }
    }
    return lines
  }

  // MARK: Tier decision and owner

  private var decisionLines: [String] {
    var lines = [
      "Total: \(rubric.arrWeight) × \(scores.arr) + \(rubric.fitWeight) × \(scores.fit) + "
        + "\(rubric.expansionWeight) × \(scores.expansion) = \(scores.total)",
      "Rubric tier: \(tierName(decision.rubricTier)), the highest tier whose line the total "
        + "reaches (lines: "
        + (1...configuration.tierCount).map { "Tier \($0) ≥ \(configuration.tier($0).minScore)" }
        .joined(separator: ", ") + ")",
    ]
    lines.append("Target: \(tierName(decision.targetTier)), " + targetReason)
    lines.append("Final tier: \(tierName(decision.finalTier)) (reason \(decision.reason))")
    lines += capLines
    switch MovementDirection(from: account.currentTier, to: decision.finalTier) {
    case .promotion?, .demotion?:
      lines.append(
        "Movement: \(tierName(account.currentTier!)) → \(tierName(decision.finalTier)) "
          + "(\(MovementDirection(from: account.currentTier, to: decision.finalTier)!.rawValue))")
    case .firstPlacement?:
      lines.append("Movement: first placement in \(tierName(decision.finalTier))")
    case nil:
      lines.append("Movement: none, stays in \(tierName(decision.finalTier))")
    }
    lines.append(ownerLine)
    return lines
  }

  private var targetReason: String {
    if let override = decision.override {
      let row = override.row
      return "set by override (overrides.csv line \(row.line): \(quoted(row.reason)), approved by "
        + "\(row.approvedBySales) (sales) and \(row.approvedByCS) (CS), expires \(override.expires))"
    }
    if decision.isNewLogo {
      let quarters = configuration.calendar.quartersStarting(
        onOrAfter: account.customerSince, through: result.quarter)
      return "held in the last tier as a new logo: \(quarters) quarter(s) up to "
        + "\(result.quarter.label) start on or after customer_since \(account.customerSince), "
        + "fewer than new_logo_quarters \(configuration.newLogoQuarters)"
    }
    let rule = SkippedReviewsRule(configuration)
    if decision.isHeldBySkippedReviews, let current = account.currentTier {
      return decision.targetTier == current
        ? rule.heldCondition(
          reviewsSkipped: account.reviewsSkipped, currentTierName: tierName(current))
        : rule.holdCondition(
          reviewsSkipped: account.reviewsSkipped, currentTierName: tierName(current))
    }
    if rule.isAlsoSkipped(
      currentTier: account.currentTier, reviewsSkipped: account.reviewsSkipped,
      finalTier: decision.finalTier)
    {
      return "the rubric tier" + SkippedReviewsRule.alsoClause(account.reviewsSkipped)
    }
    return "the rubric tier"
  }

  /// What the caps did to the account: seated in a capped tier, displaced (with its rank and who
  /// took its seat), or seated in the place of a displaced incumbent.
  private var capLines: [String] {
    var lines: [String] = []
    for report in result.tiering.capReports {
      let free = report.seats - min(report.overrideCount, report.seats)
      let seats =
        "Tier \(report.tier) cap: \(capBounds(report)) seats, \(report.seatedCount) seated "
        + "(\(report.overrideCount) by override)"
      if let position = report.displaced.firstIndex(of: ref) {
        let competitors = report.seatedCount - report.overrideCount + report.displaced.count
        let rank = report.seatedCount - report.overrideCount + position + 1
        lines.append(
          "  \(seats); ranked \(rank) of \(competitors) for the \(free) free seats "
            + "(\(TierLadder.rankingKeys)), so it moved down to Tier "
            + "\(report.tier + 1)")
      } else if decision.finalTier == report.tier {
        lines.append("  \(seats); holds one of them")
      }
      for pair in report.pairs {
        if pair.displaced == ref, let taker = pair.takenBy {
          lines.append(
            "  its seat went to \(result.ledger.id(taker)) "
              + "(total \(result.ledger.scores.total(taker)))")
        } else if pair.displaced == ref {
          lines.append("  its seat was not taken by a newcomer: the cap itself shrank")
        } else if pair.takenBy == ref {
          let displaced = pair.displaced
          lines.append(
            "  took the seat of \(result.ledger.id(displaced)) "
              + "(total \(result.ledger.scores.total(displaced))), which moved down")
        }
      }
    }
    return lines
  }

  /// `⌊0.1 × N⌋ = 60`, `capacity of its active CSMs = 40`, or both with the smaller holding:
  /// `min(⌊0.3 × N⌋ = 300, capacity of its active CSMs = 240) = 240`.
  private func capBounds(_ report: CapReport) -> String {
    let share = report.shareSeats.map {
      "⌊\(configuration.tier(report.tier).maxShare ?? .zero) × N⌋ = \($0)"
    }
    let capacity = report.capacitySeats.map { "capacity of its active CSMs = \($0)" }
    if let share, let capacity { return "min(\(share), \(capacity)) = \(report.seats)" }
    return share ?? capacity ?? String(report.seats)
  }

  private var ownerLine: String {
    let owner = result.ledger.owners[ref]
    let before = account.ownerID.isEmpty ? "(none)" : account.ownerID
    guard let reason = result.ledger.ownerChangeReasons[ref] else {
      return "Owner: \(before), unchanged"
    }
    if reason.isHold {
      let note = HoldRule.note(result.ledger, ref, reason: reason)
      return "Owner: \(before), held (\(reason.rawValue))"
        + (note.isEmpty ? "" : ": \(quoted(note))")
    }
    if owner.isEmpty {
      return "Owner: \(before) → none, left unassigned (\(reason.rawValue)): no CSM of "
        + "\(tierName(decision.finalTier)) has a free seat"
    }
    let email = result.book.roster.first { $0.id == owner }.map { " <\($0.email)>" } ?? ""
    return "Owner: \(before) → \(owner)\(email) (\(reason.rawValue))"
  }

  /// `Tier 2 Silver`.
  private func tierName(_ tier: Int) -> String {
    guard (1...configuration.tierCount).contains(tier) else { return "Tier \(tier)" }
    return "Tier \(tier) \(configuration.tier(tier).name)"
  }

  /// A name or reason in double quotes, on one line.
  private func quoted(_ text: String) -> String { ControlCharacters.quoted(text) }
}
