/// Writes `memo.md` (SPEC §6), the RevOps review memo, from the run's ``ReviewDocument``:
/// GitHub-flavoured Markdown, readable at any book size. The writer only formats: every
/// heading, column, status word and sentence, and every choice of what to show, is the
/// document's. A chart is its table of numbers here.
enum ReviewMemo {
  /// `document` as the file `memo.md`, as one piece: every list in it is cut at
  /// `memo_list_limit`, so its size does not grow with the book.
  static func piecewise(_ document: ReviewDocument) -> PiecewiseFile {
    let bytes = Array(markdown(document).utf8)
    return PiecewiseFile(path: "memo.md", itemCount: 1) { items in
      items.contains(0) ? bytes : []
    }
  }

  /// The whole document: the title, the summary, then each section, one blank line between
  /// blocks and a newline at the end.
  static func markdown(_ document: ReviewDocument) -> String {
    var text = "# \(document.title)\n\n\(markdown(document.summary))\n"
    for section in document.sections { text += "\n" + markdown(section) }
    return text
  }

  /// One section: its heading and blocks.
  static func markdown(_ section: ReviewSection) -> String {
    var text = "## \(section.heading)\n"
    for block in section.blocks {
      guard let written = markdown(block) else { continue }
      text += "\n" + written
    }
    return text
  }

  /// One block, ending with a newline; `nil` for a chart without numbers (drawn in the page
  /// only).
  static func markdown(_ block: ReviewBlock) -> String? {
    switch block {
    case .subheading(let title): "### \(title)\n"
    case .paragraph(let text): markdown(text) + "\n"
    case .note(let text): markdown(text) + "\n"
    case .warning(let text): "**" + markdown(text) + "**\n"
    case .table(let table): markdown(table)
    case .list(let items): items.map { "- " + markdown($0) + "\n" }.joined()
    case .chart(_, let numbers): numbers.map(markdown)
    }
  }

  /// A GitHub-flavoured Markdown table, numeric columns right-aligned.
  static func markdown(_ table: ReviewTable) -> String {
    var text = "| " + table.columns.map { escaped($0.title) }.joined(separator: " | ") + " |\n|"
    for column in table.columns { text += column.numeric ? "---:|" : "---|" }
    text += "\n"
    for row in table.rows { text += "| " + row.map(markdown).joined(separator: " | ") + " |\n" }
    return text
  }

  /// Text, inputs escaped so that they can neither format the memo nor break a table.
  static func markdown(_ text: ReviewText) -> String {
    var written = ""
    for span in text.spans {
      switch span {
      case .words(let words): written += words
      case .input(let input): written += escaped(input)
      case .code(let code): written += "`\(Prose.oneLine(code))`"
      case .strong(let words): written += "**\(words)**"
      case .file(let path): written += "[\(escaped(path))](\(path))"
      }
    }
    return written
  }

  /// A cell: counts as digits, sums in whole units, one account's amount with its cents where
  /// they are not zero, a warning in bold.
  static func markdown(_ cell: ReviewCell) -> String {
    switch cell {
    case .text(let text): markdown(text)
    case .account(let id, let name):
      "**\(escaped(id))**" + (name.isEmpty ? "" : " (\(escaped(name)))")
    case .count(let count): String(count)
    case .change(let change): ReviewWording.signed(change)
    case .money(let money): ReviewWording.wholeUnits(money)
    case .amount(let money): Prose.amount(money)
    case .share(let share): share
    case .tier(let tier): ReviewWording.tier(tier)
    case .status(let word, let warning): warning ? "**\(word)**" : word
    case .file(let path): "[memo](\(path))"
    case .none: "—"
    }
  }
}
