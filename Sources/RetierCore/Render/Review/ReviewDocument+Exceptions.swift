extension ReviewDocument {
  /// Rejected rows: a count per file, then the rows up to `memo_list_limit`.
  static func rejectedRows(_ context: ReviewContext) -> ReviewSection {
    let rejections = context.result.book.rejections
    guard !rejections.isEmpty else {
      return ReviewSection(
        heading: Heading.rejectedRows, blocks: [.paragraph("No input row was rejected.")])
    }
    var perFile: [String: Int] = [:]
    for rejection in rejections { perFile[rejection.file, default: 0] += 1 }
    var blocks: [ReviewBlock] = [
      .paragraph(
        .words(
          "\(counted(rejections.count, "row")) not used. A rejected account keeps its current "
            + "tier and owner.")),
      .table(
        ReviewTable(
          ["file", ReviewWording.Column.rows], numeric: [1],
          rows: perFile.sorted { $0.key < $1.key }.map { [.input($0.key), .count($0.value)] })),
    ]
    blocks += cappedTable(
      ReviewTable(
        [
          "file", ReviewWording.Column.line, ReviewWording.Column.account,
          ReviewWording.Column.reason,
        ], numeric: [1], rows: []), rejections,
      limit: context.limit, seeAlso: "rejected.csv"
    ) { [.input($0.file), .count($0.line), .input($0.accountID), .input($0.reason)] }
    return ReviewSection(heading: Heading.rejectedRows, blocks: blocks)
  }

  /// Overrides applied, with their approvers and expiries, and those that lapse before the next
  /// re-tier (whose account returns to the rubric then); then overrides ignored with why.
  static func overrides(_ context: ReviewContext) -> ReviewSection {
    let result = context.result
    let applied = result.tiering.validOverrides.values.sorted {
      $0.row.accountID < $1.row.accountID
    }
    let ignored = result.tiering.ignoredOverrides
    guard !applied.isEmpty || !ignored.isEmpty else {
      return ReviewSection(heading: Heading.overrides, blocks: [.paragraph("No overrides.")])
    }
    let nextRunDate = result.configuration.calendar.runDate(of: result.quarter.next())
    let lapsing = applied.filter { $0.expires < nextRunDate }
    var blocks: [ReviewBlock] = [.subheading("Applied (\(applied.count))")]
    if !applied.isEmpty {
      blocks.append(
        .paragraph(
          .words(
            "\(counted(lapsing.count, "override")) \(lapsing.count == 1 ? "lapses" : "lapse") "
              + "before the next re-tier (\(nextRunDate)): the rubric places "
              + "\(lapsing.count == 1 ? "that account" : "those accounts") then, unless renewed.")
        ))
    }
    blocks += cappedTable(
      ReviewTable(
        [
          ReviewWording.Column.account, ReviewWording.Column.tier, "approved by sales",
          "approved by CS", "expires", ReviewWording.Column.reason,
        ],
        numeric: [1], rows: []), applied, limit: context.limit
    ) { override in
      [
        .input(override.row.accountID), .tier(override.tier), .input(override.row.approvedBySales),
        .input(override.row.approvedByCS),
        override.expires < nextRunDate
          ? .status("\(override.expires), before the next re-tier", warning: true)
          : .words(override.expires.description),
        .input(override.row.reason),
      ]
    }
    blocks.append(.subheading("Ignored (\(ignored.count))"))
    blocks += cappedTable(
      ReviewTable(
        [
          ReviewWording.Column.account, ReviewWording.Column.line, ReviewWording.Column.tier,
          "why ignored",
        ], numeric: [1], rows: []), ignored,
      limit: context.limit, seeAlso: "rejected.csv"
    ) {
      [.input($0.row.accountID), .count($0.row.line), .input($0.row.tierText), .input($0.reason)]
    }
    return ReviewSection(heading: Heading.overrides, blocks: blocks)
  }

  /// `header` filled with the first `limit` items, then `…and N more` when some were left out;
  /// `None.` for no items.
  static func cappedTable<Items: RandomAccessCollection>(
    _ header: ReviewTable, _ items: Items, limit: Int, seeAlso: String? = nil,
    cells: (Items.Element) -> [ReviewCell]
  ) -> [ReviewBlock] {
    guard !items.isEmpty else { return [.paragraph(ReviewWording.none)] }
    var table = header
    table.rows = items.prefix(limit).map(cells)
    guard items.count > limit else { return [.table(table)] }
    return [.table(table), .note(ReviewWording.moreNote(items.count - limit, seeAlso: seeAlso))]
  }

  /// ``cappedTable(_:_:limit:seeAlso:cells:)`` for a list kept only in part.
  static func cappedTable<Item>(
    _ header: ReviewTable, _ list: ListHead<Item>, limit: Int, seeAlso: String? = nil,
    cells: (Item) -> [ReviewCell]
  ) -> [ReviewBlock] {
    guard !list.isEmpty else { return [.paragraph(ReviewWording.none)] }
    let (shown, more) = list.capped(limit: limit, seeAlso: seeAlso)
    var table = header
    table.rows = shown.map(cells)
    guard let more else { return [.table(table)] }
    return [.table(table), .note(.words(more))]
  }
}
