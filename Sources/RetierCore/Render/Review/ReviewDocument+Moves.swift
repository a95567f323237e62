extension ReviewDocument {
  /// Every first placement, promotion and demotion into or out of a named tier (SPEC §6), a
  /// section per direction, each a table ordered by the tier it lands in, then ARR desc, then
  /// account id, with its owners by name from → to, its reason in words and its memo. Moves
  /// between pooled tiers are counted, not listed. A list longer than `memo_list_limit` shows
  /// the first that many by ARR and says where the rest are.
  static func moves(_ context: ReviewContext) -> [ReviewSection] {
    let result = context.result
    let configuration = result.configuration
    let ledger = result.ledger
    let isNamed = (0...configuration.tierCount).map {
      $0 > 0 && configuration.tier($0).coverage == .named
    }
    var byDirection: [MovementDirection: [AccountRef]] = [:]
    var pooled: [MovementDirection: Int] = [:]
    for ref in ledger.refs {
      guard let direction = context.lookups.direction(of: ref) else { continue }
      if isNamed[ledger.currentTier(ref) ?? 0] || isNamed[ledger.decisions.finalTier(ref)] {
        byDirection[direction, default: []].append(ref)
      } else {
        pooled[direction, default: 0] += 1
      }
    }
    let directions: [(MovementDirection, String)] = [
      (.firstPlacement, Heading.firstPlacements), (.promotion, Heading.promotions),
      (.demotion, Heading.demotions),
    ]
    return directions.map { direction, heading in
      let refs = byDirection[direction] ?? []
      let betweenPooled = pooled[direction] ?? 0
      var blocks: [ReviewBlock] = []
      if betweenPooled > 0 {
        blocks.append(
          .paragraph(
            .words(
              "\(counted(refs.count, ReviewWording.Column.account)) into or out of a tier with named coverage, "
                + "listed below; \(betweenPooled) more between pooled tiers, counted in the "
                + "tables above and listed in movements.csv.")))
      }
      if refs.isEmpty {
        blocks.append(.paragraph(ReviewWording.none))
      } else {
        let (shown, cut) = firstByARR(refs, context: context)
        blocks.append(.table(movementTable(shown, context: context)))
        if cut > 0 {
          blocks.append(
            .note(
              ReviewWording.cutNote(
                shown: shown.count, of: refs.count,
                rest: "movements.csv lists every one (direction \(direction.rawValue))")))
        }
      }
      return ReviewSection(heading: "\(heading) (\(refs.count + betweenPooled))", blocks: blocks)
    }
  }

  /// The first `memo_list_limit` of `refs` by ARR (desc, then account id), in the order the
  /// review lists them: tier after the run, then ARR desc, then account id; and how many were
  /// cut.
  static func firstByARR(
    _ refs: [AccountRef], context: ReviewContext
  ) -> (shown: [AccountRef], cut: Int) {
    let ledger = context.result.ledger
    let decisions = ledger.decisions
    // The sorts compare keys read once per account; refs are in account id order, so the ref
    // breaks ties as the id does.
    var shown = refs
    if shown.count > context.limit {
      let byARR = FirstInOrder.first(
        context.limit, of: refs.map { (arr: ledger.arr($0), ref: $0) }
      ) { left, right in
        left.arr != right.arr ? left.arr > right.arr : left.ref < right.ref
      }
      shown = byARR.map(\.ref)
    }
    var listed = shown.map { (tier: decisions.finalTier($0), arr: ledger.arr($0), ref: $0) }
    listed.sort { left, right in
      if left.tier != right.tier { return left.tier < right.tier }
      return left.arr != right.arr ? left.arr > right.arr : left.ref < right.ref
    }
    return (listed.map(\.ref), refs.count - shown.count)
  }

  /// One row per account: account, ARR, tiers, owners by name, reason in words, memo.
  static func movementTable(_ refs: [AccountRef], context: ReviewContext) -> ReviewTable {
    let result = context.result
    let lookups = context.lookups
    let people = lookups.people
    return ReviewTable(
      [
        ReviewWording.Column.account, context.money(ReviewWording.Column.arr), "from → to",
        "owner from → to", ReviewWording.Column.reason, "memo",
      ],
      numeric: [1],
      rows: refs.map { ref in
        let account = result.ledger[ref]
        let decision = result.ledger.decisions[ref]
        return [
          .account(id: account.id, name: account.name), .amount(account.arr),
          .words(
            "\(ReviewWording.tier(account.currentTier)) → \(ReviewWording.tier(decision.finalTier))"
          ),
          .text(
            ReviewText(
              [
                .input(people.name(of: account.ownerID)), .words(" → "),
                .input(people.name(of: result.ledger.owners[ref])),
              ]
                + (HoldRule.ownerNote(
                  result.ledger, ref, reason: result.ledger.ownerChangeReasons[ref]
                ).map { [.words(" ("), .input($0), .words(")")] } ?? []))),
          .text(
            ReviewText([
              .input(WhyMoved(lookups).sentence(for: ref) ?? ""), .words(" ("),
              .code(decision.reason.description), .words(")"),
            ])),
          lookups.memoNames[ref].map { .file("\(AccountMemo.folder)/\($0)") } ?? .none,
        ]
      })
  }
}

/// One account memo as the conversations section lists it: the account, who holds the
/// conversation (``ConversationHolder``, computed once per run), the account executive it is
/// held with, and the memo.
struct ConversationInput: Sendable {
  /// The account id.
  var accountID: String
  /// The account name (may be blank).
  var accountName: String
  /// Its ARR, for the order of each holder's list.
  var arr: Money
  /// The tier before the run, `nil` for a first placement.
  var from: Int?
  /// The tier after the run.
  var to: Int
  /// Who holds the conversation.
  var holder: ConversationHolder
  /// The account executive by name, or the words for a blank `sales_owner`.
  var executive: String
  /// The memo's path in the run folder.
  var memoPath: String

  /// The account memos of a run, each with its holder (``RunLookups/holders``).
  static func held(_ lookups: RunLookups) -> [ConversationInput] {
    let ledger = lookups.result.ledger
    return lookups.holders.map { ref, holder in
      let account = ledger[ref]
      return ConversationInput(
        accountID: account.id, accountName: account.name, arr: account.arr,
        from: account.currentTier, to: ledger.decisions.finalTier(ref), holder: holder,
        executive: ledger.accountExecutive(ref).spokenName,
        memoPath: "\(AccountMemo.folder)/\(lookups.memoNames[ref] ?? "")")
    }
  }
}

extension ReviewDocument {
  /// Conversations by holder: each person who holds a conversation this quarter, by name
  /// (one person per roster id, or per name for a manager or the CS leader), with those
  /// accounts by ARR and the memo of each; memos with no named holder come last.
  static func conversations(_ inputs: [ConversationInput], limit: Int) -> ReviewSection {
    guard !inputs.isEmpty else {
      return ReviewSection(
        heading: Heading.conversations, blocks: [.paragraph("No account memos this quarter.")])
    }
    var byHolder: [String: (holder: ConversationHolder, inputs: [ConversationInput])] = [:]
    for input in inputs {
      byHolder[input.holder.groupKey, default: (input.holder, [])].inputs.append(input)
    }
    let named = byHolder.values.filter(\.holder.isNamed).sorted { left, right in
      left.holder.name != right.holder.name
        ? left.holder.name < right.holder.name : left.holder.groupKey < right.holder.groupKey
    }
    var blocks: [ReviewBlock] = [
      .paragraph(
        "Who holds each conversation this quarter, with the account's executive: the owner "
          + "before the move when an active CSM, else the new owner, else the old owner's "
          + "manager, else the CS leader. Each account memo is that person's brief (the "
          + "downgrade conversation of a demotion, the handoff of a promotion or first "
          + "placement).")
    ]
    for group in named.prefix(limit) {
      blocks.append(.subheading(group.holder.name))
      blocks += conversationList(group.inputs, limit: limit)
    }
    if named.count > limit {
      blocks.append(
        .note(
          ReviewText([
            .words(
              "…and \(named.count - limit) more holders with conversations; every memo is in "),
            .code("\(AccountMemo.folder)/"), .words(" and every move in movements.csv."),
          ])))
    }
    if let unnamed = byHolder.values.first(where: { !$0.holder.isNamed }) {
      blocks.append(
        .subheading("No named holder (\(ConversationHolder.unnamedCSLead); set `cs_leader`)"))
      blocks += conversationList(unnamed.inputs, limit: limit)
    }
    return ReviewSection(heading: Heading.conversations, blocks: blocks)
  }

  /// One item per account, the first `limit` by ARR: the move (a demotion, or the handoff of a
  /// promotion or first placement), the account executive and the memo.
  private static func conversationList(
    _ inputs: [ConversationInput], limit: Int
  ) -> [ReviewBlock] {
    let sorted = inputs.sorted { left, right in
      left.arr != right.arr ? left.arr > right.arr : left.accountID < right.accountID
    }
    var items = sorted.prefix(limit).map { input in
      let label =
        input.accountName.isEmpty ? input.accountID : "\(input.accountName) (\(input.accountID))"
      let kind = input.from.map { input.to > $0 ? "demotion" : "handoff" } ?? "handoff"
      return ReviewText([
        .input(label),
        .words(
          ": \(ReviewWording.tier(input.from)) → \(ReviewWording.tier(input.to)), \(kind), with "),
        .input(input.executive), .words("; memo "), .file(input.memoPath),
      ])
    }
    if sorted.count > limit {
      items.append(
        .words(
          "…and \(sorted.count - limit) more (the first \(limit) by ARR are listed); see "
            + "movements.csv."))
    }
    return [.list(items)]
  }
}
