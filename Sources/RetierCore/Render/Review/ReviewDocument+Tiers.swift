extension ReviewDocument {
  /// ARR per tier before and after the run, and the ARR that moved into and out of each tier.
  struct TierARR {
    /// ARR of the valid accounts by CRM tier before the run; index 0: no tier (new).
    var before: [Money]
    /// ARR by tier after the run; index 0 is always zero.
    var after: [Money]
    /// ARR of the accounts that moved into each tier from another (or from no tier).
    var movedIn: [Money]
    /// ARR of the accounts that moved out of each tier to another.
    var movedOut: [Money]

    /// Sums the valid accounts of `result`.
    init(_ result: RunResult) {
      let slots = result.configuration.tierCount + 1
      before = [Money](repeating: .zero, count: slots)
      after = before
      movedIn = before
      movedOut = before
      let ledger = result.ledger
      for ref in ledger.refs {
        let arr = ledger.arr(ref)
        let from = ledger.currentTier(ref) ?? 0
        let to = ledger.decisions.finalTier(ref)
        before[from] += arr
        after[to] += arr
        if from != to {
          movedIn[to] += arr
          movedOut[from] += arr
        }
      }
    }
  }

  /// Valid accounts and their ARR per tier before and after the run, with the ARR moved into
  /// and out of each tier, then the rejected accounts as a row of their own; drawn as bars.
  static func tierCounts(_ context: ReviewContext) -> ReviewSection {
    let result = context.result
    let counts = context.counts
    let arr = TierARR(result)
    let valid = result.ledger.count
    let slots = Array(1...result.configuration.tierCount) + [0]
    var rows: [[ReviewCell]] = slots.map { tier in
      [
        tier == 0 ? .words(ReviewWording.newTier) : .input(context.tierLabel(tier)),
        .count(counts.before[tier]), .count(counts.after[tier]),
        .change(counts.after[tier] - counts.before[tier]), .money(arr.before[tier]),
        .money(arr.after[tier]), .money(arr.movedIn[tier]), .money(arr.movedOut[tier]),
      ]
    }
    let total = arr.before.reduce(Money.zero, +)
    rows.append([
      .words("valid accounts"), .count(valid), .count(valid), .change(0), .money(total),
      .money(total), .none, .none,
    ])
    rows.append([
      .words("rejected (keep the tier they hold)"), .count(counts.rejected),
      .count(counts.rejected), .change(0), .none, .none, .none, .none,
    ])
    let table = ReviewTable(
      [
        ReviewWording.Column.tier, "before", "after", "change", context.money("ARR before"),
        context.money("ARR after"), context.money("ARR moved in"), context.money("ARR moved out"),
      ], numeric: Set(1...7), rows: rows)
    return ReviewSection(
      heading: Heading.tierCounts,
      blocks: [
        .paragraph(
          ReviewText([
            .words(
              "Valid accounts by tier, the count every table of this review uses; rejected "
                + "accounts are a row of their own, and the row "),
            .code(ReviewWording.newTier),
            .words(
              " counts the accounts with no tier before (a blank CRM tier). ARR moved in and out "
                + "is the ARR of the accounts that changed tier, by the tier they joined and the "
                + "tier they left."),
          ])),
        .chart(.tierCounts(counts), numbers: table),
      ])
  }

  /// Valid accounts by CRM tier (rows, `new` for a blank tier) and tier after the run
  /// (columns), as a heat map, then the flows between tiers.
  static func transitions(_ context: ReviewContext) -> ReviewSection {
    let tierCount = context.result.configuration.tierCount
    let matrix = context.matrix
    var rows: [[ReviewCell]] = (0...tierCount).map { from in
      [.words(ReviewWording.tier(from == 0 ? nil : from))]
        + (1...tierCount).map { .count(matrix.count(from: from, to: $0)) }
        + [.count(matrix.rowTotal(from))]
    }
    rows.append(
      [.words(ReviewWording.Column.total)] + (1...tierCount).map { .count(matrix.columnTotal($0)) }
        + [.count(matrix.total)])
    let table = ReviewTable(
      ["from ↓ to →"] + (1...tierCount).map { "Tier \($0)" } + [ReviewWording.Column.total],
      numeric: Set(1...(tierCount + 1)), rows: rows)
    return ReviewSection(
      heading: Heading.transitions,
      blocks: [
        .paragraph(
          ReviewText([
            .words("Valid accounts, from the CRM's current tier ("), .code(ReviewWording.newTier),
            .words(
              ": blank, a first placement) to the tier after this run; the diagonal kept its tier."),
          ])),
        .chart(.transitions(matrix), numbers: table),
        .chart(.flows(matrix), numbers: flowTable(context)),
      ])
  }

  /// Every flow between tiers: from, to, accounts and whether it kept its tier, was promoted,
  /// demoted or placed for the first time.
  static func flowTable(_ context: ReviewContext) -> ReviewTable {
    let tierCount = context.result.configuration.tierCount
    let matrix = context.matrix
    var rows: [[ReviewCell]] = []
    for from in 0...tierCount {
      for to in 1...tierCount where matrix.count(from: from, to: to) > 0 {
        let direction = MovementDirection(from: from == 0 ? nil : from, to: to)
        rows.append([
          from == 0 ? .words(ReviewWording.newTier) : .input(context.tierLabel(from)),
          .input(context.tierLabel(to)), .count(matrix.count(from: from, to: to)),
          .words(flowWord(direction)),
        ])
      }
    }
    return ReviewTable(
      ["from", "to", ReviewWording.Column.accounts, "flow"], numeric: [2], rows: rows)
  }

  /// The word of a flow in the flows' table and legend; `nil`: the account kept its tier.
  static func flowWord(_ direction: MovementDirection?) -> String {
    switch direction {
    case nil: "kept"
    case .promotion: "promotion"
    case .demotion: "demotion"
    case .firstPlacement: "first placement"
    }
  }
}
