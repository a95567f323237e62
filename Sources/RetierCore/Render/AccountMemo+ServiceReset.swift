extension AccountMemo {
  /// The service-level reset (SPEC §6): the old tier's grid against the new tier's, old → new
  /// ("monthly exec sync … → twice-yearly executive touch"), the CSM hours per month, and where
  /// the time goes (a demotion) or comes from (a promotion), by account.
  static func writeServiceLevelReset(
    _ ref: AccountRef, lookups: RunLookups, to text: inout TextBuffer
  ) {
    let result = lookups.result
    let finalTier = result.ledger.decisions.finalTier(ref)
    let from = result.ledger.currentTier(ref) ?? finalTier
    // Cells are input text (config), escaped once per run.
    let before = lookups.escapedServiceLevels(ofTier: from)
    let after = lookups.escapedServiceLevels(ofTier: finalTier)
    let change = after.csmHoursPerMonth - before.csmHoursPerMonth
    // A first placement has no old grid to compare with and no time to reinvest: the memo
    // lists what the customer now gets.
    let isFirstPlacement = result.ledger.currentTier(ref) == nil
    if !isFirstPlacement {
      writeResetSentence(
        ref, before: before, after: after, hours: change, lookups: lookups, to: &text)
    }
    // Written row by row, with no array of the rows or joined plays: a memo per moved account.
    func writeRow(_ label: String, _ old: String, _ new: String) {
      text.append("- ", label, ": ")
      if isFirstPlacement {
        text.append(new, "\n")
      } else if old == new {
        text.append(old, " (unchanged)\n")
      } else {
        text.append(old, " → ", new, "\n")
      }
    }
    writeRow("coverage", before.coverage, after.coverage)
    writeRow("business reviews", before.businessReviews, after.businessReviews)
    writeRow("executive contact", before.executiveContact, after.executiveContact)
    writeRow("P1 response", before.p1Response, after.p1Response)
    writeRow("renewal motion", before.renewalMotion, after.renewalMotion)
    func writePlays(_ plays: [String]) {
      for (offset, play) in plays.enumerated() {
        if offset > 0 { text.append("; ") }
        text.append(play)
      }
    }
    text.append("- plays only the tier runs: ")
    if !isFirstPlacement {
      writePlays(before.plays)
      text.append(" → ")
    }
    writePlays(after.plays)
    text.append("\n")
    guard !isFirstPlacement else {
      text.append("- CSM hours per account per month: ", after.csmHoursPerMonth, "\n")
      return
    }
    text.append(
      "- CSM hours per account per month: ", before.csmHoursPerMonth, " → ",
      after.csmHoursPerMonth, " (")
    writeSigned(change, to: &text)
    text.append(")\n\n")
    writeTimeTransfer(ref, hours: change, lookups: lookups, to: &text)
    text.append("\n")
  }

  /// The script's one sentence of the reset, before its detail: `Instead of monthly exec sync
  /// and named CSM + named TAM, they move to twice-yearly executive touch and named CSM, pooled
  /// TAM; your time drops by about 6 hours a month, reinvested in Acme (ACC-1).`
  private static func writeResetSentence(
    _ ref: AccountRef, before: ServiceLevels, after: ServiceLevels, hours: ExactDecimal,
    lookups: RunLookups, to text: inout TextBuffer
  ) {
    let result = lookups.result
    let from = result.ledger.currentTier(ref) ?? 0
    let isDemotion = TierLadder.isDemotion(
      from: result.ledger.currentTier(ref), to: result.ledger.decisions.finalTier(ref))
    let magnitude = hours < .zero ? ExactDecimal.zero - hours : hours
    // `none` for executive contact reads as "with no executive contact".
    func writeLevels(_ levels: ServiceLevels) {
      if levels.executiveContact == "none" {
        text.append(levels.coverage, " with no executive contact")
      } else {
        text.append(levels.executiveContact, " and ", levels.coverage)
      }
    }
    text.append("Instead of ")
    writeLevels(before)
    text.append(isDemotion ? ", they move to " : ", they now get ")
    writeLevels(after)
    guard hours != .zero else {
      text.append("; your time stays as it is.\n\n")
      return
    }
    text.append(
      "; your time ", isDemotion ? "drops" : "rises", " by about ", magnitude, " hour",
      magnitude == ExactDecimal(1) ? "" : "s", " a month")
    guard isDemotion else {
      text.append(".\n\n")
      return
    }
    text.append(", reinvested in ")
    if let displacement = lookups.displacement(of: ref), let taker = displacement.takenBy {
      writeAccountReference(taker, result, to: &text)
    } else if let promoted = lookups.reinvestment.promotion(reinvestedFrom: ref) {
      writeAccountReference(promoted, result, to: &text)
    } else if lookups.people.isActiveCSM(result.ledger.ownerID(ref)) {
      text.append(.escaped(lookups.people.name(of: result.ledger.ownerID(ref))), "'s book")
    } else {
      text.append("the Tier ", from, " team's book")
    }
    text.append(".\n\n")
  }

  /// Where the hours a demotion frees are reinvested, or where a promotion's extra hours come
  /// from, by account (``TimeReinvestment``).
  private static func writeTimeTransfer(
    _ ref: AccountRef, hours: ExactDecimal, lookups: RunLookups, to text: inout TextBuffer
  ) {
    let result = lookups.result
    // Only moves get here: a first placement has no time to transfer.
    guard let from = result.ledger.currentTier(ref) else { return }
    let finalTier = result.ledger.decisions.finalTier(ref)
    let magnitude = hours < .zero ? ExactDecimal.zero - hours : hours
    if TierLadder.isDemotion(from: from, to: finalTier) {
      if let displacement = lookups.displacement(of: ref), let taker = displacement.takenBy {
        text.append("The ", magnitude, " hours per month are reinvested in ")
        writeAccountReference(taker, result, to: &text)
        text.append(", which took this account's seat in Tier ", displacement.tier, ".")
      } else if let promoted = lookups.reinvestment.promotion(reinvestedFrom: ref) {
        text.append("The ", magnitude, " hours per month are reinvested in ")
        writeAccountReference(promoted, result, to: &text)
        text.append(", promoted into Tier ", from, " this quarter.")
      } else {
        let owner = result.ledger.ownerID(ref)
        let promotions = lookups.reinvestment.promotionCount(intoTier: from)
        if promotions == 0 {
          text.append("No promotion into Tier ", from, " this quarter: the time returns to ")
        } else {
          // Pairs go highest-ranked promotion with lowest-ranked demotion, so the promotions ran
          // out before this account's turn.
          text.append("No promotion is left for it this quarter (")
          if promotions == 1 {
            text.append("the one into Tier ", from, " is paired with a lower-ranked demotion")
          } else {
            text.append(
              "the ", promotions, " into Tier ", from, " are paired with lower-ranked demotions")
          }
          text.append("): the time returns to ")
        }
        if lookups.people.isPerson(owner) {
          text.append(.escaped(lookups.people.name(of: owner)), "'s book.")
        } else {
          text.append("the Tier ", from, " team's book.")
        }
      }
    } else if let displaced = lookups.seatTaken(by: ref) {
      text.append("The ", magnitude, " extra hours per month come from ")
      writeAccountReference(displaced, result, to: &text)
      text.append(", which this account displaced from Tier ", finalTier, " under the cap.")
    } else if let demoted = lookups.reinvestment.demotion(reinvestedIn: ref) {
      text.append("The ", magnitude, " extra hours per month come from ")
      writeAccountReference(demoted, result, to: &text)
      text.append(", moved down from Tier ", finalTier, " this quarter.")
    } else {
      text.append(
        "The ", magnitude, " extra hours per month come from the Tier ", finalTier,
        " team's capacity.")
    }
  }

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
