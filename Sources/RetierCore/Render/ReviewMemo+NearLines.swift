extension ReviewMemo {
  /// An account whose total is within one point of a tier line, either side.
  struct NearLine: Sendable, Hashable {
    /// The account's ref in the book.
    var ref: AccountRef
    /// The tier whose line it is near (the highest such tier).
    var tier: Int
    /// Its total minus the line: negative below, zero on it, positive above.
    var distance: ExactDecimal
  }

  /// Valid accounts whose total is within one point of a tier line (either side), in book
  /// order; the lines are those of every tier but the last. An account near two lines is listed
  /// at the higher tier's.
  static func nearLines(_ result: RunResult) -> [NearLine] {
    let configuration = result.configuration
    let lines = (1..<configuration.tierCount).map { configuration.tier($0).minScore }
    let one = ExactDecimal(1)
    var near: [NearLine] = []
    for ref in result.ledger.refs {
      let total = result.ledger.scores.total(ref)
      for (offset, line) in lines.enumerated() {
        let distance = total - line
        if ExactDecimal.zero - one <= distance, distance <= one {
          near.append(NearLine(ref: ref, tier: offset + 1, distance: distance))
          break
        }
      }
    }
    return near
  }

  /// The section: how many accounts sit within one point of a line, and the first
  /// `memo_list_limit` of them by ARR with their total, the line, the side and their tier.
  static func nearLines(_ result: RunResult, explainer: WhyMoved) -> String {
    let near = nearLines(result)
    var text = "## Within one point of a line\n\n"
    // True of every listed distance (−1, 0, +1) and any weights: a total at the line is in the
    // tier, so one point less takes an account on it off, and one point more or less brings an
    // account a point away onto it.
    text += "Valid accounts whose total is within one point of a tier line, on either side: a "
    text += "change of one point in the total brings them onto the line or takes them off it. "
    text += counted(near.count, "account")
    guard !near.isEmpty else { return text + ".\n" }
    text += ":\n\n"
    let (shown, cut) = firstByARR(near.map(\.ref), result: result)
    let ledger = result.ledger
    text += table(
      [
        "account", "ARR (\(escaped(result.configuration.currency)))", "total", "line", "side",
        "tier after",
      ],
      shown.compactMap { ref in
        guard let entry = entry(of: ref, in: near) else { return nil }
        let account = ledger[ref]
        let side: String
        if entry.distance == .zero {
          side = "on the line"
        } else if entry.distance < .zero {
          side = "\(ExactDecimal.zero - entry.distance) below"
        } else {
          side = "\(entry.distance) above"
        }
        let name = account.name.isEmpty ? "" : " (\(escaped(account.name)))"
        return [
          "**\(escaped(account.id))**\(name)", WhyMoved.amount(account.arr),
          result.ledger.scores.total(ref).description,
          "Tier \(entry.tier): \(explainer.line(ofTier: entry.tier))", side,
          "Tier \(result.ledger.decisions.finalTier(ref))",
        ]
      }, rightAligned: [1, 2])
    if cut > 0 {
      text += "\nShowing the \(shown.count) with the most ARR of \(near.count) (the "
      text += "`memo_list_limit`); tiers.csv has every account's total.\n"
    }
    return text
  }

  /// The entry of `ref` in `near`, which is in book order: found by halving, where a dictionary
  /// of every entry (hundreds of thousands at a million accounts) cost more than the few
  /// hundred look-ups it served.
  private static func entry(of ref: AccountRef, in near: [NearLine]) -> NearLine? {
    var low = 0
    var high = near.count
    while low < high {
      let middle = (low + high) / 2
      if near[middle].ref < ref { low = middle + 1 } else { high = middle }
    }
    return low < near.count && near[low].ref == ref ? near[low] : nil
  }
}
