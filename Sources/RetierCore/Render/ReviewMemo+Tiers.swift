extension ReviewMemo {
  /// Valid accounts per tier before and after the run, then the rejected accounts as a row of
  /// their own (``TierCounts``, the count every table of the memo uses).
  static func tierCounts(_ result: RunResult) -> String {
    let tierCount = result.configuration.tierCount
    let counts = TierCounts(result)
    let valid = result.ledger.count
    var rows = (1...tierCount).map { tier in
      [
        escaped(WhyMoved.tierLabel(tier, in: result.configuration)),
        String(counts.before[tier]), String(counts.after[tier]),
        signed(counts.after[tier] - counts.before[tier]),
      ]
    }
    rows.append([
      "no tier", String(counts.before[0]), String(counts.after[0]),
      signed(counts.after[0] - counts.before[0]),
    ])
    rows.append(["valid accounts", String(valid), String(valid), "0"])
    rows.append([
      "rejected (keep the tier they hold)", String(counts.rejected), String(counts.rejected), "0",
    ])
    var text = "## Tier counts\n\n"
    text += "Valid accounts by tier, the count every table of this memo uses; rejected accounts "
    text += "are a row of their own.\n\n"
    text += table(["tier", "before", "after", "change"], rows, rightAligned: [1, 2, 3])
    return text
  }

  /// Valid accounts by CRM tier (rows, `new` for a blank tier) and tier after the run (columns).
  static func transitionMatrix(_ result: RunResult) -> String {
    let tierCount = result.configuration.tierCount
    let matrix = TransitionMatrix(result)
    let header = ["from ↓ to →"] + (1...tierCount).map { "Tier \($0)" } + ["total"]
    var rows: [[String]] = []
    for from in 0...tierCount {
      let counts = (1...tierCount).map { matrix.count(from: from, to: $0) }
      rows.append(
        [from == 0 ? "new" : "Tier \(from)"] + counts.map(String.init)
          + [String(matrix.rowTotal(from))])
    }
    rows.append(
      ["total"] + (1...tierCount).map { String(matrix.columnTotal($0)) } + [String(matrix.total)])
    var text = "## Transitions\n\n"
    text += "Valid accounts, from the CRM's current tier (`new`: blank, a first placement) to the "
    text += "tier after this run; the diagonal kept its tier.\n\n"
    text += table(header, rows, rightAligned: Set(1...(tierCount + 1)))
    return text
  }

  /// The capacity table and the hiring signal, as ``CapacityTable`` writes them, then where the
  /// accounts without an owner are listed and what the CRM import files left out.
  static func capacity(_ result: RunResult) -> String {
    let table = CapacityTable.markdown(result.owners.capacity, configuration: result.configuration)
    var text = "## Capacity and hiring\n\n"
    if result.interim != nil { text += interimCapacity(result) + "\n\n" }
    text += table + (table.hasSuffix("\n") ? "" : "\n")
    let unassigned = result.ledger.refs.count { result.ledger.owners[$0].isEmpty }
    if unassigned > 0 {
      text += "\nAccounts without an owner: \(unassigned), listed in `\(CRMFiles.unassignedPath)` "
      text += "for the hiring decision.\n"
    }
    for line in CRMOwnerImport(result).summaryLines { text += "\n" + escaped(line) + "\n" }
    let held = HoldRule.heldLines(result, limit: result.configuration.memoListLimit)
    if !held.lines.isEmpty {
      text += "\n" + HoldRule.heldListLead + "\n\n"
      text += held.lines.map { "- " + escaped($0) + "\n" }.joined()
      if held.more > 0 { text += "- …and \(held.more) more in `reassignments.csv`\n" }
    }
    return text
  }
}
