extension ReviewDocument {
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

  /// How many accounts sit within one point of a line, and the first `memo_list_limit` of them
  /// by ARR with their total, the line, the side, their final tier and the reason for it in
  /// words (a total above the Tier 1 line that ends in Tier 2 says it lost a seat under the
  /// cap). Listed after the moves, which are the decisions.
  static func nearLines(_ context: ReviewContext) -> [ReviewBlock] {
    let result = context.result
    let near = nearLines(result)
    // True of every listed distance (−1, 0, +1) and any weights: a total at the line is in the
    // tier, so one point less takes an account on it off, and one point more or less brings an
    // account a point away onto it.
    var blocks: [ReviewBlock] = [
      .subheading("Within one point of a line"),
      .paragraph(
        .words(
          "Valid accounts whose total is within one point of a tier line, on either side: a "
            + "change of one point in the total brings them onto the line or takes them off it. "
            + "\(counted(near.count, "account")), each with the tier it ends in and why.")),
    ]
    guard !near.isEmpty else { return blocks }
    let (shown, cut) = firstByARR(near.map(\.ref), context: context)
    let ledger = result.ledger
    let lookups = context.lookups
    blocks.append(
      .table(
        ReviewTable(
          [
            ReviewWording.Column.account, context.money(ReviewWording.Column.arr),
            ReviewWording.Column.total, ReviewWording.Column.line, "side", "tier after",
            ReviewWording.Column.reason,
          ],
          numeric: [1, 2],
          rows: shown.compactMap { ref in
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
            var reason = TextBuffer(capacity: 160)
            WhyMoved(lookups).writeCause(
              of: ref, direction: lookups.direction(of: ref), to: &reason)
            return [
              .account(id: account.id, name: account.name), .amount(account.arr),
              .share(ledger.scores.total(ref).description),
              .words("Tier \(entry.tier): \(lookups.line(ofTier: entry.tier))"), .words(side),
              .tier(ledger.decisions.finalTier(ref)),
              .text(
                ReviewText([
                  .input(reason.string), .words(" ("),
                  .code(ledger.decisions[ref].reason.description), .words(")"),
                ])),
            ]
          })))
    if cut > 0 {
      blocks.append(
        .note(
          ReviewWording.cutNote(
            shown: shown.count, of: near.count, rest: "tiers.csv has every account's total")))
    }
    return blocks
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
