extension ReviewMemo {
  /// Every first placement, promotion and demotion (SPEC §6), each a table ordered by the tier
  /// it lands in, then ARR desc, then account id, with its owners by name from → to, its reason
  /// (the `why_moved` sentence) and its memo. A list longer than `memo_list_limit` shows the
  /// first that many by ARR and points to movements.csv for the rest.
  static func movements(_ result: RunResult, explainer: WhyMoved) -> String {
    var byDirection: [MovementDirection: [Int]] = [:]
    for index in result.book.accounts.indices {
      if let direction = explainer.direction(of: index) {
        byDirection[direction, default: []].append(index)
      }
    }
    let sections: [(MovementDirection, String)] = [
      (.firstPlacement, "First placements"), (.promotion, "Promotions"), (.demotion, "Demotions"),
    ]
    var text = ""
    for (direction, title) in sections {
      let indices = byDirection[direction] ?? []
      text += "## \(title) (\(indices.count))\n\n"
      guard !indices.isEmpty else {
        text += "None.\n\n"
        continue
      }
      let (shown, cut) = firstByARR(indices, result: result)
      text += movementTable(shown, explainer: explainer)
      if cut > 0 {
        text += "\nShowing the \(shown.count) with the most ARR of \(indices.count) (the "
        text += "`memo_list_limit`); movements.csv lists all \(indices.count) (direction "
        text += "`\(direction.rawValue)`).\n"
      }
      text += "\n"
    }
    return text
  }

  /// The first `memo_list_limit` of `indices` by ARR (desc, then account id), in the order the
  /// memo lists them: tier after the run, then ARR desc, then account id; and how many were cut.
  static func firstByARR(_ indices: [Int], result: RunResult) -> (shown: [Int], cut: Int) {
    let accounts = result.book.accounts
    func byARR(_ left: Int, _ right: Int) -> Bool {
      if accounts[left].arr != accounts[right].arr {
        return accounts[left].arr > accounts[right].arr
      }
      return accounts[left].id < accounts[right].id
    }
    let limit = result.configuration.memoListLimit
    var shown = indices
    if shown.count > limit {
      // A partial selection would do; the sort is of moved accounts only and runs once.
      shown.sort(by: byARR)
      shown.removeLast(shown.count - limit)
    }
    let decisions = result.tiering.decisions
    shown.sort { left, right in
      let (leftTier, rightTier) = (decisions[left].finalTier, decisions[right].finalTier)
      return leftTier != rightTier ? leftTier < rightTier : byARR(left, right)
    }
    return (shown, indices.count - shown.count)
  }

  /// One table row per account: account, ARR, tiers, owners by name, reason, memo.
  private static func movementTable(_ indices: [Int], explainer: WhyMoved) -> String {
    let result = explainer.result
    let people = explainer.people
    let currency = escaped(result.configuration.currency)
    return table(
      ["account", "ARR (\(currency))", "from → to", "owner from → to", "reason", "memo"],
      indices.map { index in
        let account = result.book.accounts[index]
        let decision = result.tiering.decisions[index]
        let name = account.name.isEmpty ? "" : " (\(escaped(account.name)))"
        let memo = explainer.memoNames[index].map { "[memo](\(AccountMemo.folder)/\($0))" } ?? "—"
        return [
          "**\(escaped(account.id))**\(name)", WhyMoved.amount(account.arr),
          "\(account.currentTier.map { "Tier \($0)" } ?? "new") → Tier \(decision.finalTier)",
          "\(escaped(people.name(of: account.ownerID))) → "
            + escaped(people.name(of: result.owners.owners[index])),
          "\(escaped(explainer.sentence(for: index) ?? "")) (`\(decision.reason)`)", memo,
        ]
      }, rightAligned: [1])
  }

  /// "Conversations by owner": each person who has a memo to act on this quarter (the owner
  /// before a demotion, the owner after a promotion), by name, with those accounts by ARR and a
  /// link to each memo; memos addressed to nobody (pooled or unassigned) come last.
  static func conversations(_ result: RunResult, explainer: WhyMoved) -> String {
    var byOwner: [String: [Int]] = [:]
    for index in AccountMemo.memoIndices(result) {
      byOwner[AccountMemo.addressee(index, explainer: explainer) ?? "", default: []].append(index)
    }
    let people = explainer.people
    let owners = byOwner.keys.filter { !$0.isEmpty }.sorted { left, right in
      let (leftName, rightName) = (people.name(of: left), people.name(of: right))
      return leftName != rightName ? leftName < rightName : left < right
    }
    var text = "## Conversations by owner\n\n"
    guard !byOwner.isEmpty else { return text + "No account memos this quarter.\n" }
    text += "Who talks to whom this quarter: each account memo is addressed to the owner before a "
    text += "demotion (the downgrade conversation) and to the owner after a promotion (the "
    text += "handoff).\n\n"
    let limit = result.configuration.memoListLimit
    for owner in owners.prefix(limit) {
      text += "### \(escaped(people.name(of: owner)))\n\n"
      text += conversationList(byOwner[owner] ?? [], explainer: explainer)
    }
    if owners.count > limit {
      text += "…and \(owners.count - limit) more owners with conversations; every memo is in "
      text += "`\(AccountMemo.folder)/` and every move in movements.csv.\n\n"
    }
    if let unaddressed = byOwner[""] {
      text += "### No named owner (pooled or unassigned)\n\n"
      text += conversationList(unaddressed, explainer: explainer)
    }
    return text
  }

  /// One bullet per account, the first `memo_list_limit` by ARR.
  private static func conversationList(_ indices: [Int], explainer: WhyMoved) -> String {
    let result = explainer.result
    let accounts = result.book.accounts
    var sorted = indices
    sorted.sort { left, right in
      if accounts[left].arr != accounts[right].arr {
        return accounts[left].arr > accounts[right].arr
      }
      return accounts[left].id < accounts[right].id
    }
    let limit = result.configuration.memoListLimit
    var text = ""
    for index in sorted.prefix(limit) {
      let account = accounts[index]
      let label = account.name.isEmpty ? account.id : "\(account.name) (\(account.id))"
      let from = account.currentTier ?? 0
      let to = result.tiering.decisions[index].finalTier
      text += "- [\(escaped(label))](\(AccountMemo.folder)/\(explainer.memoNames[index] ?? "")): "
      text += "Tier \(from) → Tier \(to), \(to > from ? "demotion" : "handoff")\n"
    }
    if sorted.count > limit {
      text += "- …and \(sorted.count - limit) more (the first \(limit) by ARR are listed); see "
      text += "movements.csv.\n"
    }
    return text + "\n"
  }
}
