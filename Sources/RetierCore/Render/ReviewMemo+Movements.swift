extension ReviewMemo {
  /// Every first placement, promotion and demotion (SPEC §6), each a table ordered by the tier
  /// it lands in, then ARR desc, then account id, with its owners by name from → to, its reason
  /// (the `why_moved` sentence) and its memo. A list longer than `memo_list_limit` shows the
  /// first that many by ARR and points to movements.csv for the rest.
  static func movements(_ result: RunResult, explainer: WhyMoved) -> String {
    var byDirection: [MovementDirection: [AccountRef]] = [:]
    for ref in result.ledger.refs {
      if let direction = explainer.direction(of: ref) {
        byDirection[direction, default: []].append(ref)
      }
    }
    let sections: [(MovementDirection, String)] = [
      (.firstPlacement, "First placements"), (.promotion, "Promotions"), (.demotion, "Demotions"),
    ]
    var text = ""
    for (direction, title) in sections {
      let refs = byDirection[direction] ?? []
      text += "## \(title) (\(refs.count))\n\n"
      guard !refs.isEmpty else {
        text += "None.\n\n"
        continue
      }
      let (shown, cut) = firstByARR(refs, result: result)
      text += movementTable(shown, explainer: explainer)
      if cut > 0 {
        text += "\nShowing the \(shown.count) with the most ARR of \(refs.count) (the "
        text += "`memo_list_limit`); movements.csv lists all \(refs.count) (direction "
        text += "`\(direction.rawValue)`).\n"
      }
      text += "\n"
    }
    return text
  }

  /// The first `memo_list_limit` of `refs` by ARR (desc, then account id), in the order the
  /// memo lists them: tier after the run, then ARR desc, then account id; and how many were cut.
  static func firstByARR(_ refs: [AccountRef], result: RunResult) -> (shown: [AccountRef], cut: Int)
  {
    let ledger = result.ledger
    let decisions = ledger.decisions
    // The sorts compare keys read once per account; refs are in account id order, so the ref
    // breaks ties as the id does.
    let limit = result.configuration.memoListLimit
    var shown = refs
    if shown.count > limit {
      // A partial selection would do; the sort is of moved accounts only and runs once.
      var byARR = refs.map { (arr: ledger.arr($0), ref: $0) }
      byARR.sort { left, right in
        left.arr != right.arr ? left.arr > right.arr : left.ref < right.ref
      }
      shown = byARR.prefix(limit).map(\.ref)
    }
    var listed = shown.map { (tier: decisions.finalTier($0), arr: ledger.arr($0), ref: $0) }
    listed.sort { left, right in
      if left.tier != right.tier { return left.tier < right.tier }
      return left.arr != right.arr ? left.arr > right.arr : left.ref < right.ref
    }
    return (listed.map(\.ref), refs.count - shown.count)
  }

  /// One table row per account: account, ARR, tiers, owners by name, reason, memo.
  private static func movementTable(_ refs: [AccountRef], explainer: WhyMoved) -> String {
    let result = explainer.result
    let people = explainer.people
    let currency = escaped(result.configuration.currency)
    return table(
      ["account", "ARR (\(currency))", "from → to", "owner from → to", "reason", "memo"],
      refs.map { ref in
        let account = result.ledger[ref]
        let decision = result.ledger.decisions[ref]
        let name = account.name.isEmpty ? "" : " (\(escaped(account.name)))"
        let memo = explainer.memoNames[ref].map { "[memo](\(AccountMemo.folder)/\($0))" } ?? "—"
        return [
          "**\(escaped(account.id))**\(name)", WhyMoved.amount(account.arr),
          "\(account.currentTier.map { "Tier \($0)" } ?? "new") → Tier \(decision.finalTier)",
          "\(escaped(people.name(of: account.ownerID))) → "
            + escaped(people.name(of: result.ledger.owners[ref]))
            + (HoldRule.ownerNote(result.ledger, ref, reason: result.ledger.ownerChangeReasons[ref])
              .map { " (\(escaped($0)))" } ?? ""),
          "\(escaped(explainer.sentence(for: ref) ?? "")) (`\(decision.reason)`)", memo,
        ]
      }, rightAligned: [1])
  }

  /// "Conversations by owner": each person who holds a memo's conversation this quarter
  /// (``ConversationHolder``), by name, with those accounts by ARR and a link to each memo; the
  /// memos with no named holder ("the CS lead") come last.
  static func conversations(_ result: RunResult, explainer: WhyMoved) -> String {
    var byHolder: [String: (holder: ConversationHolder, refs: [AccountRef])] = [:]
    for (ref, holder) in explainer.holders {
      byHolder[holder.groupKey, default: (holder, [])].refs.append(ref)
    }
    let named = byHolder.values.filter(\.holder.isNamed).sorted { left, right in
      left.holder.name != right.holder.name
        ? left.holder.name < right.holder.name : left.holder.groupKey < right.holder.groupKey
    }
    var text = "## Conversations by owner\n\n"
    guard !byHolder.isEmpty else { return text + "No account memos this quarter.\n" }
    text += "Who holds each conversation this quarter, with the account's executive: the owner "
    text += "before the move when an active CSM, else the new owner, else the old owner's "
    text += "manager, else the CS leader.\n\n"
    let limit = result.configuration.memoListLimit
    for group in named.prefix(limit) {
      text += "### \(escaped(group.holder.name))\n\n"
      text += conversationList(group.refs, explainer: explainer)
    }
    if named.count > limit {
      text += "…and \(named.count - limit) more people with conversations; every memo is in "
      text += "`\(AccountMemo.folder)/` and every move in movements.csv.\n\n"
    }
    if let unnamed = byHolder.values.first(where: { !$0.holder.isNamed }) {
      text += "### No named holder (\(ConversationHolder.unnamedCSLead); set `cs_leader`)\n\n"
      text += conversationList(unnamed.refs, explainer: explainer)
    }
    return text
  }

  /// One bullet per account, the first `memo_list_limit` by ARR.
  private static func conversationList(_ refs: [AccountRef], explainer: WhyMoved) -> String {
    let result = explainer.result
    let ledger = result.ledger
    var sorted = refs
    sorted.sort { left, right in
      if ledger.arr(left) != ledger.arr(right) {
        return ledger.arr(left) > ledger.arr(right)
      }
      return ledger.id(left) < ledger.id(right)
    }
    let limit = result.configuration.memoListLimit
    var text = ""
    for ref in sorted.prefix(limit) {
      let account = ledger[ref]
      let label = account.name.isEmpty ? account.id : "\(account.name) (\(account.id))"
      let to = result.ledger.decisions.finalTier(ref)
      let executive = ledger.accountExecutive(ref).spokenName
      text += "- [\(escaped(label))](\(AccountMemo.folder)/\(explainer.memoNames[ref] ?? "")): "
      if let from = account.currentTier {
        text += "Tier \(from) → Tier \(to), \(to > from ? "demotion" : "handoff")"
      } else {
        text += "new → Tier \(to), handoff"
      }
      text += ", with \(escaped(executive))\n"
    }
    if sorted.count > limit {
      text += "- …and \(sorted.count - limit) more (the first \(limit) by ARR are listed); see "
      text += "movements.csv.\n"
    }
    return text + "\n"
  }
}
