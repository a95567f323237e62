extension AccountMemo {
  /// Finds, for one account, the smallest change of ARR or expansion ceiling (or both) that lifts
  /// its total past a ``Bar``, exactly, at this quarter's cut lines and with the rubric's
  /// constants. Raising ARR re-scores the expansion ceiling too, since its rules compare the
  /// ceiling with ARR.
  struct ReelevationSolver {
    /// The run's explainer.
    let explainer: WhyMoved
    /// The account, by index into ``Book/accounts``.
    let index: Int
    /// The account.
    let account: Account
    /// Its scores this quarter.
    let scores: SignalScores
    /// The rubric's constants.
    private let rubric: RubricConstants
    /// A scorer for the expansion rule alone (it needs no cut lines).
    private let expansionScorer: RubricScorer

    /// A solver for the account at `index`.
    init(explainer: WhyMoved, index: Int) {
      self.explainer = explainer
      self.index = index
      self.account = explainer.result.book.accounts[index]
      self.scores = explainer.result.scores[index]
      self.rubric = explainer.result.configuration.rubric
      self.expansionScorer = RubricScorer(constants: rubric, accounts: [])
    }

    /// The weighted total for the given ARR and expansion scores, fit unchanged.
    func total(arr: Int, expansion: Int) -> ExactDecimal {
      rubric.arrWeight * arr + rubric.fitWeight * scores.fit + rubric.expansionWeight * expansion
    }

    /// The lowest ARR scoring at least `score` this quarter that also covers the yearly support
    /// cost (below it the margin rule scores 0); `nil` when no ARR scores that high.
    func minimumARR(forScore score: Int) -> Money? {
      guard let line = explainer.result.cutLines.minimumARR(forScore: score) else { return nil }
      return max(line, supportBreakEven)
    }

    /// The lowest ARR whose margin after `4 × support_hours × support_hour_cost` is not negative.
    var supportBreakEven: Money {
      let hundredths = Int128(account.usage.supportHundredths ?? 0)
      return Money(
        cents: RubricScorer.ceilingDivision(
          4 * hundredths * rubric.supportHourCost.millionths, ExactDecimal.scale))
    }

    /// The lowest ceiling that scores `score` (3, 4 or 5) on expansion at `arr`, once unblocked.
    func minimumCeiling(forScore score: Int, arr: Money) -> Money {
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
    func expansionScore(arr: Money, ceiling: Money?, multiBU: Bool, unblocked: Bool) -> Int {
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

    /// Appends what must change before any ceiling counts; returns `false`, having appended
    /// nothing, when nothing blocks the ceiling rules.
    private func writeBlocker(to text: inout TextBuffer) -> Bool {
      switch scores.expansionRule {
      case .sponsorLost:
        text.append("an active executive sponsor again")
      case .decliningUsage:
        let previous = account.usage.activeUsersPreviousQuarter ?? 0
        let needed = RubricScorer.ceilingDivision(
          rubric.usageDeclineRatio.millionths * Int128(previous), ExactDecimal.scale)
        text.append(
          "usage that stops declining (", account.usage.activeUsers ?? 0, " active users against ",
          previous, " the quarter before; ")
        DecimalDigits.append(needed, to: &text.bytes)
        text.append(" would have held)")
      default:
        return false
      }
      return true
    }

    /// Why the ceiling rules do not apply today, `nil` when they do.
    var blockerNote: String? {
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

    /// Appends the raise of ARR alone that clears `bar`, in words; returns `false`, having
    /// appended nothing, when none does.
    func writeARRLever(_ bar: Bar, to text: inout TextBuffer) -> Bool {
      guard let target = arrTarget(bar) else { return false }
      text.append(
        "ARR of at least ", .amount(target.arr), " (today ", .amount(account.arr), ") scores ",
        target.arrScore)
      if target.coversSupportCost {
        text.append(", enough to cover the yearly support cost")
      }
      if target.expansionScore != scores.expansion {
        text.append(
          "; at that ARR the ceiling scores ", target.expansionScore, " on expansion instead of ",
          scores.expansion)
      }
      text.append(": total ", target.total, ".")
      return true
    }

    /// Appends why ARR alone cannot clear the bar.
    func writeARRShortfall(to text: inout TextBuffer) {
      guard scores.arr < 5 else {
        text.append("already at the top score of 5; cannot add more.")
        return
      }
      guard let needed = minimumARR(forScore: 5) else {
        text.append("no ARR scores 5 this quarter; ARR alone cannot lift it.")
        return
      }
      let expansion = expansionScore(
        arr: needed, ceiling: account.expansionCeiling, multiBU: account.multiBU, unblocked: false)
      text.append(
        "cannot lift it alone: even the top score of 5 (ARR of at least ", .amount(needed),
        ") gives a total of ", total(arr: 5, expansion: expansion), ".")
    }

    /// Appends the change of expansion ceiling alone (after clearing any block) that clears
    /// `bar`; returns `false`, having appended nothing, when none does.
    func writeExpansionLever(_ bar: Bar, to text: inout TextBuffer) -> Bool {
      guard let target = expansionTarget(bar) else { return false }
      write(target.plan, to: &text)
      text.append(" scores ", target.plan.score, ": total ", target.total, ".")
      return true
    }

    /// Appends why the expansion ceiling alone cannot clear the bar.
    func writeExpansionShortfall(to text: inout TextBuffer) {
      guard scores.expansion < 5 else {
        text.append("already at the top score of 5; cannot add more.")
        return
      }
      text.append(
        "cannot lift it alone: even the top score of 5 gives a total of ",
        total(arr: scores.arr, expansion: 5), ".")
    }

    /// Appends the smallest joint raise of ARR and expansion that clears `bar`; returns `false`,
    /// having appended nothing, when none does.
    func writeCombinedLever(_ bar: Bar, to text: inout TextBuffer) -> Bool {
      let maximumSteps = (5 - scores.arr) + (5 - scores.expansion)
      guard maximumSteps >= 2 else { return false }
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
          text.append("ARR of at least ", .amount(arr), " (scores ", arrScore, ") with ")
          write(plan, to: &text)
          text.append(" (scores ", plan.score, ") gives a total of ", newTotal)
          return true
        }
      }
      return false
    }

    /// What it takes to score at least a given expansion score at some ARR: which changes, and
    /// the score they give.
    struct ExpansionPlan {
      /// A lost sponsor or declining usage must clear first.
      var unblocks: Bool
      /// The account must buy in more than one business unit.
      var addsMultiBU: Bool
      /// The ceiling needed and the score whose rule sets it, when the ceiling must rise.
      var ceiling: (needed: Money, forScore: Int)?
      /// The expansion score the changes give.
      var score: Int
    }

    /// The plan for scoring at least `score` on expansion at `arr`; `nil` when nothing needs to
    /// change or the score cannot be reached.
    func expansionPlan(score: Int, arr: Money) -> ExpansionPlan? {
      let unblocks: Bool
      switch scores.expansionRule {
      case .sponsorLost, .decliningUsage: unblocks = true
      default: unblocks = false
      }
      var plan = ExpansionPlan(unblocks: unblocks, addsMultiBU: false, ceiling: nil, score: 0)
      var ceiling = account.expansionCeiling
      var multiBU = account.multiBU
      if score >= 3 {
        if score == 5, !multiBU {
          plan.addsMultiBU = true
          multiBU = true
        }
        let needed = minimumCeiling(forScore: score, arr: arr)
        if ceiling.map({ $0 < needed }) ?? true {
          plan.ceiling = (needed, score)
          ceiling = needed
        }
      }
      guard plan.unblocks || plan.addsMultiBU || plan.ceiling != nil else { return nil }
      plan.score = expansionScore(arr: arr, ceiling: ceiling, multiBU: multiBU, unblocked: true)
      return plan.score >= score ? plan : nil
    }

    /// Appends the changes of `plan` in words, joined by `and`.
    private func write(_ plan: ExpansionPlan, to text: inout TextBuffer) {
      var isFirst = true
      if plan.unblocks {
        _ = writeBlocker(to: &text)
        isFirst = false
      }
      if plan.addsMultiBU {
        if !isFirst { text.append(" and ") }
        text.append("a footprint in more than one business unit (multi-BU)")
        isFirst = false
      }
      guard let (needed, score) = plan.ceiling else { return }
      if !isFirst { text.append(" and ") }
      text.append("an expansion ceiling of at least ", .amount(needed), " (")
      switch score {
      case 5: text.append("ARR + ", .amount(rubric.multiBUHeadroom))
      case 4: text.append(rubric.clearPathRatio, " × ARR")
      default: text.append(rubric.modestExpansionRatio, " × ARR")
      }
      text.append("; today ")
      if let today = account.expansionCeiling {
        text.append(.amount(today))
      } else {
        text.append("unknown")
      }
      text.append(")")
    }
  }
}
