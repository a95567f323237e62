/// Renders `memo.md`, the RevOps review memo (SPEC §6): run facts, tier counts, the transition
/// matrix, capacity and hiring, guardrails, rejected rows and overrides, then a walkback for
/// every promotion and demotion. GitHub-flavoured Markdown, numbers first.
enum ReviewMemo {
  /// Longest list printed in full; longer lists end with `…and N more`.
  static let listLimit = 50

  /// The file as pieces: the sections up to the walkbacks come with the first piece, then one
  /// item per walkback paragraph (some 100,000 at a million accounts).
  static func piecewise(_ result: RunResult, explainer: WhyMoved) -> PiecewiseFile {
    let sections = [
      summary(result, explainer: explainer), runFacts(result), tierCounts(result),
      transitionMatrix(result), capacity(result), guardrails(result, explainer: explainer),
      acrossQuarters(result), rejectedRows(result), overrides(result),
    ]
    var head = TextBuffer(capacity: sections.reduce(0) { $0 + $1.utf8.count + 1 })
    for section in sections { head.append(section, "\n") }
    let walkbacks = Walkbacks(result, explainer: explainer)
    return PiecewiseFile(path: "memo.md", itemCount: walkbacks.count) { items in
      var text = TextBuffer(capacity: items.count * 512)
      if items.lowerBound == 0 { text.append(utf8: head.bytes) }
      walkbacks.write(items, to: &text)
      return text.bytes
    }
  }

  /// The title and the one-paragraph summary.
  static func summary(_ result: RunResult, explainer: WhyMoved) -> String {
    var counts: [MovementDirection: Int] = [:]
    for index in result.book.accounts.indices {
      if let direction = explainer.direction(of: index) { counts[direction, default: 0] += 1 }
    }
    let book = result.book
    var text = "# Re-tier review memo: \(result.quarter.label)\n\n"
    text += "Run date \(result.runDate). \(counted(book.accounts.count, "valid account")): "
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
        ["valid accounts", String(book.accounts.count)],
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
