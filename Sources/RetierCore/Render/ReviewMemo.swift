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
    if let scope = result.interim {
      return "# Interim re-score memo: \(result.quarter.label)\n\n"
        + interimSummary(
          result, scope, promotions: counts[.promotion] ?? 0, demotions: counts[.demotion] ?? 0)
        + "\n"
    }
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

  /// An interim re-score's summary, the same in memo.md and memo.html: what was re-scored
  /// against what, and that every count that follows is of the moved accounts only.
  static func interimSummary(
    _ result: RunResult, _ scope: InterimScope, promotions: Int, demotions: Int
  ) -> String {
    "Interim re-score on \(result.runDate) of \(counted(scope.flagCount, "hot account")) "
      + "against the cut lines and seats of the completed \(result.quarter.label) run; the "
      + "latest drop holds \(counted(scope.dropAccounts, "valid account")). "
      + "\(counted(result.ledger.count, "account")) moved: \(counted(promotions, "promotion")), "
      + "\(counted(demotions, "demotion")). Every count below is of the moved accounts only."
  }

  /// What an interim's "Across quarters" says in place of the three sections.
  static func interimAcrossQuarters(_ result: RunResult) -> String {
    "Not computed for an interim re-score: the completed \(result.quarter.label) run's memo "
      + "compares the quarter with the one before."
  }

  /// The run facts both reviews show, as label and value; `number`, `code` and `text` format a
  /// count, a checksum and text from the inputs for the review's format. An interim's facts
  /// name its flags and the drop's size, not the moved accounts' book as if it were the drop.
  static func factRows(
    _ result: RunResult, number: (Int) -> String, code: (String) -> String,
    text: (String) -> String
  ) -> [[String]] {
    let book = result.book
    let common = [
      ["quarter", result.quarter.label],
      [result.interim == nil ? "run date" : "interim date", result.runDate.description],
      ["tool version", "retier " + text(result.toolVersion)],
      ["config sha256", code(result.configSHA256)],
    ]
    guard let scope = result.interim else {
      return common + [
        ["valid accounts", number(book.ledger.count)],
        ["account rows rejected", number(book.rejectedAccountRowCount)],
        ["orphan ARR lines", number(book.orphanARRLines)],
        ["orphan usage rows", number(book.orphanUsageRows)],
        ["accounts scored without usage", number(book.accountsWithoutUsage.count)],
      ]
    }
    return common + [
      ["hot accounts re-scored", number(scope.flagCount)],
      ["valid accounts in the latest drop", number(scope.dropAccounts)],
      ["accounts moved", number(book.ledger.count)],
    ]
  }

  /// Quarter, run date, tool version, config checksum and the inputs with rows and checksums.
  static func runFacts(_ result: RunResult) -> String {
    var text = "## Run facts\n\n"
    text += table(
      ["fact", "value"],
      factRows(result, number: { String($0) }, code: { "`\($0)`" }, text: escaped))
    text += "\n"
    text += table(
      ["input", "rows", "sha256"],
      result.inputs.map { [escaped($0.name), String($0.rows), "`\($0.sha256)`"] },
      rightAligned: [1])
    let flags = interimFlags(result)
    if !flags.isEmpty { text += "\n" + flags }
    return text
  }
}
