extension ReviewMemo {
  /// Input text made safe for one line of GitHub-flavoured Markdown or one table cell: no line
  /// break, Markdown punctuation escaped, so that an account name or id can neither format the
  /// memo (emphasis, links, HTML, code) nor break a table (`|`).
  static func escaped(_ text: String) -> String {
    let line = Prose.oneLine(text)
    guard line.utf8.contains(where: TextBuffer.isMarkdownPunctuation) else { return line }
    var buffer = TextBuffer(capacity: line.utf8.count + 8)
    buffer.append(.escaped(line))
    return buffer.string
  }

  /// A GitHub-flavoured Markdown table; cells must already be escaped. `rightAligned` holds the
  /// indices of numeric columns.
  static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = [])
    -> String
  {
    var text = "| " + header.joined(separator: " | ") + " |\n|"
    for column in header.indices { text += rightAligned.contains(column) ? "---:|" : "---|" }
    text += "\n"
    for row in rows { text += "| " + row.joined(separator: " | ") + " |\n" }
    return text
  }

  /// The first `limit` items and, when some were left out, the `…and N more` line to print after
  /// them.
  static func capped<Items: RandomAccessCollection>(
    _ items: Items, limit: Int, seeAlso: String? = nil
  ) -> (shown: Items.SubSequence, more: String?) {
    guard items.count > limit else { return (items[...], nil) }
    let suffix = seeAlso.map { "; see \($0)" } ?? ""
    return (items.prefix(limit), "…and \(items.count - limit) more\(suffix).")
  }

  /// A share of the book as a percentage with one decimal (``ReviewWording/percent(_:of:)``).
  static func percent(_ count: Int, of total: Int) -> String {
    ReviewWording.percent(count, of: total)
  }

  /// An exact ratio as a percentage (``ReviewWording/percent(_:)``).
  static func percent(_ share: ExactDecimal) -> String { ReviewWording.percent(share) }

  /// `1 account`, `2 accounts` (``ReviewWording/counted(_:_:plural:)``).
  static func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    ReviewWording.counted(count, singular, plural: plural)
  }

  /// A signed count change: `+3`, `−2`, `0`.
  static func signed(_ value: Int) -> String { ReviewWording.signed(value) }
}
