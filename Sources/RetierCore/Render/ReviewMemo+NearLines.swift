extension ReviewMemo {
  /// An account whose total is within one point of a tier line, either side.
  struct NearLine: Sendable, Hashable {
    /// The account's index in the book.
    var index: Int
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
    for index in result.book.accounts.indices {
      let total = result.scores[index].total
      for (offset, line) in lines.enumerated() {
        let distance = total - line
        if ExactDecimal.zero - one <= distance, distance <= one {
          near.append(NearLine(index: index, tier: offset + 1, distance: distance))
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
    let byIndex = Dictionary(uniqueKeysWithValues: near.map { ($0.index, $0) })
    let (shown, cut) = firstByARR(near.map(\.index), result: result)
    let accounts = result.book.accounts
    text += table(
      [
        "account", "ARR (\(escaped(result.configuration.currency)))", "total", "line", "side",
        "tier after",
      ],
      shown.compactMap { index in
        guard let entry = byIndex[index] else { return nil }
        let account = accounts[index]
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
          result.scores[index].total.description,
          "Tier \(entry.tier): \(explainer.line(ofTier: entry.tier))", side,
          "Tier \(result.tiering.decisions[index].finalTier)",
        ]
      }, rightAligned: [1, 2])
    if cut > 0 {
      text += "\nShowing the \(shown.count) with the most ARR of \(near.count) (the "
      text += "`memo_list_limit`); tiers.csv has every account's total.\n"
    }
    return text
  }
}
