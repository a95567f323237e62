extension AccountMemo {
  /// The spec's walkback for a move the rubric decided: `On current ARR they scored 4. On
  /// strategic fit, 3. On expansion ceiling, 3. Total of 10, which lands in Tier 2. The line is
  /// 12.` The line is the one the move crossed: the old tier's for a demotion (and the one just
  /// above the new tier when it fell further), the new tier's for a promotion.
  static func writeWalkback(_ ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer) {
    let decision = lookups.result.ledger.decisions[ref]
    let from = lookups.result.ledger.currentTier(ref) ?? decision.finalTier
    writeScores(ref, lookups: lookups, to: &text)
    text.append(", which lands in Tier ", decision.rubricTier, ".")
    if TierLadder.isDemotion(from: from, to: decision.finalTier) {
      let above = decision.finalTier - 1
      if above == from {
        text.append(" The line is ", lookups.line(ofTier: from), ".")
      } else {
        // It fell past more than one line: name the old tier's and the one just above it.
        text.append(
          " The Tier ", from, " line is ", lookups.line(ofTier: from), " and the Tier ", above,
          " line is ", lookups.line(ofTier: above), ".")
      }
    } else {
      text.append(" The line is ", lookups.line(ofTier: decision.finalTier), ".")
    }
  }

  /// `On current ARR they scored 4. On strategic fit, 3. On expansion ceiling, 3. Total of 10`,
  /// with the weights when they are not all 1 (no closing full stop).
  static func writeScores(_ ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer) {
    let result = lookups.result
    let scores = result.ledger.scores[ref]
    let rubric = result.configuration.rubric
    text.append(
      "On ", Rubric.walkbackName(scores.firstSignal), " they scored ", scores.arr,
      ". On strategic fit, ", scores.fit,
      ". On expansion ceiling, ", scores.expansion, ". Total of ", scores.total)
    let one = ExactDecimal(1)
    if rubric.arrWeight != one || rubric.fitWeight != one || rubric.expansionWeight != one {
      text.append(
        " (weighted ", rubric.arrWeight, " × ", Rubric.shortName(scores.firstSignal), " + ",
        rubric.fitWeight, " × fit + ",
        rubric.expansionWeight, " × expansion)")
    }
  }

  /// One bullet per signal: the rule that fired, in plain words.
  static func writeSignalRules(
    _ ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer
  ) {
    let scores = lookups.result.ledger.scores[ref]
    text.append("- ", Rubric.bulletName(scores.firstSignal), ", ", scores.arr, ": ")
    lookups.writeARRRule(ref, to: &text)
    text.append(".\n- Strategic fit, ", scores.fit, ": ")
    lookups.writeFitText(ref, to: &text)
    text.append(".\n- Expansion ceiling, ", scores.expansion, ": ")
    lookups.writeExpansionRule(ref, to: &text)
    text.append(".\n")
  }

  /// Appends `**Acme 7** (ACC-7)`, an account for prose by name and id (`**ACC-7**` when it
  /// has no name).
  static func writeAccountReference(
    _ ref: AccountRef, _ result: RunResult, to text: inout TextBuffer
  ) {
    let name = result.ledger.name(ref)
    if name.isEmpty {
      text.append("**", .escaped(result.ledger.id(ref)), "**")
    } else {
      text.append("**", .escaped(name), "** (", .escaped(result.ledger.id(ref)), ")")
    }
  }

}
