extension AccountMemo {
  /// The memo of one moved account as the bytes of its file.
  static func markdownBytes(for index: Int, explainer: WhyMoved) -> [UInt8] {
    // Memos run to about 2.3 KB; one reservation covers nearly all of them.
    var text = TextBuffer(capacity: 3_072)
    writeMarkdown(for: index, explainer: explainer, to: &text)
    return text.bytes
  }

  /// Appends the memo of one moved account to `text`.
  static func writeMarkdown(
    for index: Int, explainer: WhyMoved, to text: inout TextBuffer
  ) {
    let result = explainer.result
    let account = result.book.accounts[index]
    let decision = result.tiering.decisions[index]
    let from = account.currentTier ?? decision.finalTier
    let isDemotion = decision.finalTier > from
    let name = account.name.isEmpty ? account.id : account.name
    text.append(
      "# ", .escaped(name), ": ", explainer.tierLabel(from), " → ",
      explainer.tierLabel(decision.finalTier), "\n\nAccount ", .escaped(account.id), ", ",
      isDemotion ? "demotion" : "promotion", " in the ", explainer.quarterLabel,
      " re-tier (run date ", explainer.runDateText, "); reason `", decision.reason, "`.\n\n> ")
    text.appendEscapingMarkdown { explainer.writeSentence(for: index, to: &$0) }
    text.append("\n\n## The three signals\n\n")
    writeWalkback(index, explainer: explainer, to: &text)
    text.append("\n\n")
    writeSignalRules(index, explainer: explainer, to: &text)
    if hasDecisionParagraph(decision.reason) {
      text.append("\n")
      writeDecisionParagraph(index, explainer: explainer, to: &text)
      text.append("\n")
    }
    text.append("\n## Service-level reset\n\n")
    writeServiceLevelReset(index, explainer: explainer, to: &text)
    if isDemotion {
      text.append("\n## Path back to ", explainer.tierLabel(from), "\n\n")
      writeReelevationPath(index, explainer: explainer, to: &text)
    }
  }

  /// The spec's walkback: `On current ARR they scored 4. On strategic fit, 3. On expansion
  /// ceiling, 3. Total of 10, which lands in Tier 2. The line is 12.` The line is the old tier's
  /// for a demotion and the new tier's for a promotion. When something other than the total set
  /// the tier (a new-logo hold, an override, or a cap that leaves the line the sentence would
  /// name elsewhere), the sentence says where the total would land and what placed it instead.
  static func writeWalkback(_ index: Int, explainer: WhyMoved, to text: inout TextBuffer) {
    let result = explainer.result
    let scores = result.scores[index]
    let decision = result.tiering.decisions[index]
    let from = result.book.accounts[index].currentTier ?? decision.finalTier
    let rubric = result.configuration.rubric
    text.append(
      "On current ARR they scored ", scores.arr, ". On strategic fit, ", scores.fit,
      ". On expansion ceiling, ", scores.expansion, ". Total of ", scores.total)
    let one = ExactDecimal(1)
    if rubric.arrWeight != one || rubric.fitWeight != one || rubric.expansionWeight != one {
      text.append(
        " (weighted ", rubric.arrWeight, " × ARR + ", rubric.fitWeight, " × fit + ",
        rubric.expansionWeight, " × expansion)")
    }
    let lineTier = decision.finalTier > from ? from : decision.finalTier
    let rubricTier = decision.rubricTier
    let rubricLine = explainer.line(ofTier: rubricTier)
    switch decision.reason {
    case .rubric, .invalidInput:
      break
    case .cap(let tier) where lineTier != rubricTier:
      text.append(
        ", which reaches the Tier ", rubricTier, " line of ", rubricLine, "; the Tier ", tier,
        " cap placed it in Tier ", decision.finalTier, ".")
      return
    case .cap:
      break
    case .newLogo:
      text.append(
        ", which would land in Tier ", rubricTier, " on the rubric (the Tier ", rubricTier,
        " line is ", rubricLine, "); as a new logo it is held in Tier ", decision.finalTier, ".")
      return
    case .override:
      text.append(
        ", which would land in Tier ", rubricTier, " on the rubric (the Tier ", rubricTier,
        " line is ", rubricLine, "); an approved override places it in Tier ", decision.finalTier,
        ".")
      return
    }
    text.append(
      ", which lands in Tier ", rubricTier, ". The line is ", explainer.line(ofTier: lineTier), ".")
  }

  /// One bullet per signal: the rule that fired, in plain words.
  static func writeSignalRules(
    _ index: Int, explainer: WhyMoved, to text: inout TextBuffer
  ) {
    let scores = explainer.result.scores[index]
    text.append("- Current ARR, ", scores.arr, ": ")
    explainer.writeARRRule(index, to: &text)
    text.append(".\n- Strategic fit, ", scores.fit, ": ")
    explainer.writeFitText(index, to: &text)
    text.append(".\n- Expansion ceiling, ", scores.expansion, ": ")
    explainer.writeExpansionRule(index, to: &text)
    text.append(".\n")
  }

  /// Whether something other than the rubric set the tier, which the decision paragraph explains.
  private static func hasDecisionParagraph(_ reason: TierReason) -> Bool {
    switch reason {
    case .rubric, .invalidInput: false
    case .cap, .override, .newLogo: true
    }
  }

  /// Why the tier differs from where the total lands (cap, override, new-logo hold); appends
  /// nothing when the rubric alone decided.
  static func writeDecisionParagraph(
    _ index: Int, explainer: WhyMoved, to text: inout TextBuffer
  ) {
    switch explainer.result.tiering.decisions[index].reason {
    case .rubric, .invalidInput:
      return
    case .cap(let tier):
      text.append("The Tier ", tier, " cap moved it below where its total lands: ")
    case .override:
      text.append("A dual-approved exception sets the tier instead of the rubric: ")
    case .newLogo:
      text.append("The new-logo hold sets the tier whatever the total: ")
    }
    text.appendEscapingMarkdown { explainer.writeCause(of: index, direction: nil, to: &$0) }
    text.append(".")
  }

  /// The old tier's service levels against the new tier's, the change in CSM hours, where the
  /// time goes (or comes from) and the owner change.
  static func writeServiceLevelReset(
    _ index: Int, explainer: WhyMoved, to text: inout TextBuffer
  ) {
    let result = explainer.result
    let account = result.book.accounts[index]
    let finalTier = result.tiering.decisions[index].finalTier
    let from = account.currentTier ?? finalTier
    // Cells are input text (config), escaped once per run.
    let before = explainer.escapedServiceLevels(ofTier: from)
    let after = explainer.escapedServiceLevels(ofTier: finalTier)
    // The table of `ReviewMemo.table`, written cell by cell.
    text.append("|  | before: ", .escaped(explainer.tierLabel(from)))
    text.append(" | after: ", .escaped(explainer.tierLabel(finalTier)), " |\n|---|---|---|\n")
    text.append("| coverage | ", before.coverage, " | ", after.coverage, " |\n")
    text.append("| business reviews | ", before.reviewCadence, " | ", after.reviewCadence, " |\n")
    text.append("| P1 response | ", before.p1Response, " | ", after.p1Response, " |\n")
    text.append(
      "| executive sponsor | ", yesNo(before.executiveSponsor), " | ",
      yesNo(after.executiveSponsor), " |\n")
    text.append(
      "| CSM hours per month | ", before.csmHoursPerMonth, " | ", after.csmHoursPerMonth, " |\n")
    let change = after.csmHoursPerMonth - before.csmHoursPerMonth
    text.append(
      "\nCSM time for this account: ", before.csmHoursPerMonth, " → ", after.csmHoursPerMonth,
      " hours per month (")
    writeSigned(change, to: &text)
    text.append(").\n\n")
    writeTimeTransfer(index, hours: change, explainer: explainer, to: &text)
    text.append("\n\n")
    writeOwnerLine(index, explainer: explainer, to: &text)
    text.append("\n")
  }

  /// Where the hours a demotion frees go, or where a promotion's extra hours come from.
  private static func writeTimeTransfer(
    _ index: Int, hours: ExactDecimal, explainer: WhyMoved, to text: inout TextBuffer
  ) {
    let result = explainer.result
    let from = result.book.accounts[index].currentTier ?? 0
    let finalTier = result.tiering.decisions[index].finalTier
    let magnitude = hours < .zero ? ExactDecimal.zero - hours : hours
    if finalTier > from {
      if let displacement = explainer.displacement(of: index), let taker = displacement.takenBy {
        text.append("The ", magnitude, " hours per month go to ")
        writeAccountReference(taker, result, to: &text)
        text.append(", promoted into Tier ", displacement.tier, " in this account's seat.")
      } else {
        text.append("The ", magnitude, " hours per month are returned to the Tier ", from, " pool.")
      }
    } else if let displaced = explainer.seatTaken(by: index) {
      text.append("The ", magnitude, " extra hours per month come from the seat of ")
      writeAccountReference(displaced, result, to: &text)
      text.append(", moved down from Tier ", finalTier, " under the cap.")
    } else {
      text.append(
        "The ", magnitude, " extra hours per month come from the Tier ", finalTier,
        " team's capacity.")
    }
  }

  private static func writeOwnerLine(
    _ index: Int, explainer: WhyMoved, to text: inout TextBuffer
  ) {
    let result = explainer.result
    let old = result.book.accounts[index].ownerID
    let new = result.owners.owners[index]
    if new.isEmpty {
      text.append(
        "No owner assigned: no CSM of the tier has a free seat (capacity shortfall; see ",
        "memo.md).")
    } else if old == new {
      text.append("Owner stays ", .escaped(new), ".")
    } else {
      text.append("Owner: ")
      if old.isEmpty { text.append("none") } else { text.append(.escaped(old)) }
      text.append(" → ", .escaped(new), " (see reassignments.csv).")
    }
  }

  /// Appends `**ACC-7** (Acme 7)`, an account for prose.
  static func writeAccountReference(
    _ index: Int, _ result: RunResult, to text: inout TextBuffer
  ) {
    let account = result.book.accounts[index]
    text.append("**", .escaped(account.id), "**")
    if !account.name.isEmpty { text.append(" (", .escaped(account.name), ")") }
  }

  private static func yesNo(_ flag: Bool) -> String { flag ? "yes" : "no" }

  /// Appends `+6`, `−6` or `0` for hours to `text`.
  static func writeSigned(_ value: ExactDecimal, to text: inout TextBuffer) {
    if value > .zero {
      text.append("+", value)
    } else if value < .zero {
      text.append("−", ExactDecimal.zero - value)
    } else {
      text.append("0")
    }
  }
}
