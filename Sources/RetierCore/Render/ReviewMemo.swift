/// Renders `memo.md`, the RevOps review memo (SPEC §6): run facts, tier counts, the transition
/// matrix, capacity and hiring, guardrails, accounts within one point of a line, rejected rows
/// and overrides, every first placement, promotion and demotion, and the conversations by owner.
/// GitHub-flavoured Markdown, numbers first, readable at any book size.
enum ReviewMemo {
  /// The file as one piece: every list in it is cut at `memo_list_limit`, so its size does not
  /// grow with the book.
  static func piecewise(_ result: RunResult, explainer: WhyMoved) -> PiecewiseFile {
    let sections = [
      summary(result, explainer: explainer), runFacts(result), tierCounts(result),
      transitionMatrix(result), capacity(result), guardrails(result, explainer: explainer),
      nearLines(result, explainer: explainer), acrossQuarters(result), rejectedRows(result),
      overrides(result),
      movements(result, explainer: explainer), conversations(result, explainer: explainer),
    ]
    var text = TextBuffer(capacity: sections.reduce(0) { $0 + $1.utf8.count + 1 })
    for (position, section) in sections.enumerated() {
      // Sections end with a newline; one blank line between them, none after the last.
      text.append(section)
      if position < sections.count - 1, !section.hasSuffix("\n\n") { text.append("\n") }
    }
    let bytes = text.bytes
    return PiecewiseFile(path: "memo.md", itemCount: 1) { items in
      items.contains(0) ? bytes : []
    }
  }

  /// The title and the one-paragraph summary.
  static func summary(_ result: RunResult, explainer: WhyMoved) -> String {
    var counts: [MovementDirection: Int] = [:]
    for index in result.ledger.refs {
      if let direction = explainer.direction(of: index) { counts[direction, default: 0] += 1 }
    }
    let book = result.book
    var text = "# Re-tier review memo: \(result.quarter.label)\n\n"
    text += "Run date \(result.runDate). \(counted(book.ledger.count, "valid account")): "
    text += "\(counted(counts[.promotion] ?? 0, "promotion")), "
    text += "\(counted(counts[.demotion] ?? 0, "demotion")), "
    text += "\(counted(counts[.firstPlacement] ?? 0, "first placement")). "
    text += "\(counted(book.rejectedAccountRowCount, "account row")) rejected; "
    text += "\(counted(result.tiering.validOverrides.count, "override")) applied, "
    text += "\(result.tiering.ignoredOverrides.count) ignored.\n"
    return text
  }

  /// Quarter, run date, tool version, config checksum and the inputs with rows and checksums.
  static func runFacts(_ result: RunResult) -> String {
    let book = result.book
    var text = "## Run facts\n\n"
    text += table(
      ["fact", "value"],
      [
        ["quarter", result.quarter.label],
        ["run date", result.runDate.description],
        ["tool version", "retier \(escaped(result.toolVersion))"],
        ["config sha256", "`\(result.configSHA256)`"],
        ["valid accounts", String(book.ledger.count)],
        ["account rows rejected", String(book.rejectedAccountRowCount)],
        ["orphan ARR lines", String(book.orphanARRLines)],
        ["orphan usage rows", String(book.orphanUsageRows)],
        ["accounts scored without usage", String(book.accountsWithoutUsage.count)],
      ])
    text += "\n"
    text += table(
      ["input", "rows", "sha256"],
      result.inputs.map { [escaped($0.name), String($0.rows), "`\($0.sha256)`"] },
      rightAligned: [1])
    return text
  }
}
