extension AccountMemo {
  /// Finds, for one account, the smallest change of ARR or expansion ceiling (or both) that lifts
  /// its total past a ``Bar``, exactly, at this quarter's cut lines and with the rubric's
  /// constants. Raising ARR re-scores the expansion ceiling too, since its rules compare the
  /// ceiling with ARR.
  package struct ReelevationSolver {
    /// The run's explainer.
    package let explainer: WhyMoved
    /// The account, by index into ``Book/accounts``.
    package let index: Int
    /// The account.
    package let account: Account
    /// Its scores this quarter.
    package let scores: SignalScores
    /// The rubric's constants.
    private let rubric: RubricConstants
    /// A scorer for the expansion rule alone (it needs no cut lines).
    private let expansionScorer: RubricScorer

    /// A solver for the account at `index`.
    package init(explainer: WhyMoved, index: Int) {
      self.explainer = explainer
      self.index = index
      self.account = explainer.result.book.accounts[index]
      self.scores = explainer.result.scores[index]
      self.rubric = explainer.result.configuration.rubric
      self.expansionScorer = RubricScorer(constants: rubric, accounts: [])
    }

    /// The weighted total for the given ARR and expansion scores, fit unchanged.
    package func total(arr: Int, expansion: Int) -> ExactDecimal {
      rubric.arrWeight * arr + rubric.fitWeight * scores.fit + rubric.expansionWeight * expansion
    }

    /// The lowest ARR scoring at least `score` this quarter that also covers the yearly support
    /// cost (below it the margin rule scores 0); `nil` when no ARR scores that high.
    package func minimumARR(forScore score: Int) -> Money? {
      guard let line = explainer.result.cutLines.minimumARR(forScore: score) else { return nil }
      return max(line, supportBreakEven)
    }

    /// The lowest ARR whose margin after `4 × support_hours × support_hour_cost` is not negative.
    package var supportBreakEven: Money {
      let hundredths = Int128(account.usage.supportHundredths ?? 0)
      return Money(
        cents: RubricScorer.ceilingDivision(
          4 * hundredths * rubric.supportHourCost.millionths, ExactDecimal.scale))
    }

    /// The lowest ceiling that scores `score` (3, 4 or 5) on expansion at `arr`, once unblocked.
    package func minimumCeiling(forScore score: Int, arr: Money) -> Money {
      switch score {
      case 5:
        let headroomCents = RubricScorer.ceilingDivision(rubric.multiBUHeadroom.millionths, 10_000)
        return Money(cents: arr.cents + headroomCents)
      case 4:
        return Money(
          cents: RubricScorer.ceilingDivision(
            rubric.clearPathRatio.millionths * arr.cents, ExactDecimal.scale))
      default:
        return Money(
          cents: RubricScorer.ceilingDivision(
            rubric.modestExpansionRatio.millionths * arr.cents, ExactDecimal.scale))
      }
    }

    /// The expansion score with the given ARR, ceiling and multi-BU flag; `unblocked` clears a
    /// lost sponsor and declining usage.
    package func expansionScore(arr: Money, ceiling: Money?, multiBU: Bool, unblocked: Bool) -> Int
    {
      var changed = account
      changed.arr = arr
      changed.expansionCeiling = ceiling
      changed.multiBU = multiBU
      if unblocked {
        changed.sponsorLost = false
        changed.usage.activeUsersPreviousQuarter = nil
      }
      return expansionScorer.expansionRule(changed).score
    }

    /// What must change before any ceiling counts, `nil` when nothing blocks the ceiling rules.
    package var blocker: String? {
      switch scores.expansionRule {
      case .sponsorLost:
        return "an active executive sponsor again"
      case .decliningUsage:
        let previous = account.usage.activeUsersPreviousQuarter ?? 0
        let needed = RubricScorer.ceilingDivision(
          rubric.usageDeclineRatio.millionths * Int128(previous), ExactDecimal.scale)
        return "usage that stops declining (\(account.usage.activeUsers ?? 0) active users "
          + "against \(previous) the quarter before; \(needed) would have held)"
      default:
        return nil
      }
    }

    /// Why the ceiling rules do not apply today, `nil` when they do.
    package var blockerNote: String? {
      switch scores.expansionRule {
      case .sponsorLost:
        return "While the sponsor is lost, expansion scores 0 whatever the ceiling."
      case .decliningUsage:
        return "While usage declines (active users below \(rubric.usageDeclineRatio) × the "
          + "quarter before), expansion scores 1 whatever the ceiling."
      default:
        return nil
      }
    }

    /// The raise of ARR alone that clears `bar`, in words; `nil` when none does.
    package func arrLever(_ bar: Bar) -> String? {
      guard scores.arr < 5 else { return nil }
      for score in (scores.arr + 1)...5 {
        guard let line = explainer.result.cutLines.minimumARR(forScore: score) else { continue }
        let needed = max(line, supportBreakEven)
        let expansion = expansionScore(
          arr: needed, ceiling: account.expansionCeiling, multiBU: account.multiBU,
          unblocked: false)
        let newTotal = total(arr: score, expansion: expansion)
        guard bar.isMet(by: newTotal) else { continue }
        var text = "ARR of at least \(WhyMoved.amount(needed)) (today "
        text += "\(WhyMoved.amount(account.arr))) scores \(score)"
        if needed > line {
          text += ", enough to cover the yearly support cost"
        }
        if expansion != scores.expansion {
          text += "; at that ARR the ceiling scores \(expansion) on expansion instead of "
          text += "\(scores.expansion)"
        }
        return text + ": total \(newTotal)."
      }
      return nil
    }

    /// Why ARR alone cannot clear the bar.
    package func arrShortfall() -> String {
      guard scores.arr < 5 else { return "already at the top score of 5; cannot add more." }
      guard let needed = minimumARR(forScore: 5) else {
        return "no ARR scores 5 this quarter; ARR alone cannot lift it."
      }
      let expansion = expansionScore(
        arr: needed, ceiling: account.expansionCeiling, multiBU: account.multiBU, unblocked: false)
      return "cannot lift it alone: even the top score of 5 (ARR of at least "
        + "\(WhyMoved.amount(needed))) gives a total of \(total(arr: 5, expansion: expansion))."
    }

    /// The change of expansion ceiling alone (after clearing any block) that clears `bar`.
    package func expansionLever(_ bar: Bar) -> String? {
      guard scores.expansion < 5 else { return nil }
      for score in (scores.expansion + 1)...5 {
        guard let plan = expansionPlan(score: score, arr: account.arr) else { continue }
        let newTotal = total(arr: scores.arr, expansion: plan.score)
        guard bar.isMet(by: newTotal) else { continue }
        return plan.parts.joined(separator: " and ") + " scores \(plan.score): total \(newTotal)."
      }
      return nil
    }

    /// Why the expansion ceiling alone cannot clear the bar.
    package func expansionShortfall() -> String {
      guard scores.expansion < 5 else { return "already at the top score of 5; cannot add more." }
      return "cannot lift it alone: even the top score of 5 gives a total of "
        + "\(total(arr: scores.arr, expansion: 5))."
    }

    /// The smallest joint raise of ARR and expansion that clears `bar`, `nil` when none does.
    package func combinedLever(_ bar: Bar) -> String? {
      let maximumSteps = (5 - scores.arr) + (5 - scores.expansion)
      guard maximumSteps >= 2 else { return nil }
      for steps in 2...maximumSteps {
        for arrStep in 1..<steps {
          let arrScore = scores.arr + arrStep
          let targetExpansion = scores.expansion + steps - arrStep
          guard arrScore <= 5, targetExpansion <= 5,
            let arr = minimumARR(forScore: arrScore),
            let plan = expansionPlan(score: targetExpansion, arr: arr)
          else { continue }
          let newTotal = total(arr: arrScore, expansion: plan.score)
          guard bar.isMet(by: newTotal) else { continue }
          return "ARR of at least \(WhyMoved.amount(arr)) (scores \(arrScore)) with "
            + plan.parts.joined(separator: " and ") + " (scores \(plan.score)) gives a total of "
            + "\(newTotal)"
        }
      }
      return nil
    }

    /// `12`, the total with 5 on both ARR and expansion.
    package func bestCase() -> String { "a total of \(total(arr: 5, expansion: 5))" }

    /// What it takes to score at least `score` on expansion at `arr`: the changes in words and
    /// the score they give; `nil` when nothing needs to change or the score cannot be reached.
    private func expansionPlan(score: Int, arr: Money) -> (parts: [String], score: Int)? {
      var parts: [String] = []
      if let blocker { parts.append(blocker) }
      var ceiling = account.expansionCeiling
      var multiBU = account.multiBU
      if score >= 3 {
        if score == 5, !multiBU {
          parts.append("a footprint in more than one business unit (multi-BU)")
          multiBU = true
        }
        let needed = minimumCeiling(forScore: score, arr: arr)
        if ceiling.map({ $0 < needed }) ?? true {
          let basis =
            switch score {
            case 5: "ARR + \(WhyMoved.amount(rubric.multiBUHeadroom))"
            case 4: "\(rubric.clearPathRatio) × ARR"
            default: "\(rubric.modestExpansionRatio) × ARR"
            }
          let today = ceiling.map { WhyMoved.amount($0) } ?? "unknown"
          parts.append(
            "an expansion ceiling of at least \(WhyMoved.amount(needed)) (\(basis); today \(today))"
          )
          ceiling = needed
        }
      }
      guard !parts.isEmpty else { return nil }
      let achieved = expansionScore(arr: arr, ceiling: ceiling, multiBU: multiBU, unblocked: true)
      return achieved >= score ? (parts, achieved) : nil
    }
  }
}
