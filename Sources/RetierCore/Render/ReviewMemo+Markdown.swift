extension ReviewMemo {
  /// Whether a byte is backslash-escaped in text taken from the inputs, so that an account name
  /// or id can neither format the memo (emphasis, links, HTML, code) nor break a table (`|`).
  private static func isMarkdownPunctuation(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
      UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"), UInt8(ascii: "#"):
      true
    default: false
    }
  }

  /// Input text made safe for one line of GitHub-flavoured Markdown or one table cell: no line
  /// break, Markdown punctuation escaped.
  package static func escaped(_ text: String) -> String {
    let line = WhyMoved.oneLine(text)
    guard line.utf8.contains(where: { isMarkdownPunctuation($0) }) else { return line }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(line.utf8.count + 8)
    for byte in line.utf8 {
      if isMarkdownPunctuation(byte) { bytes.append(UInt8(ascii: "\\")) }
      bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A GitHub-flavoured Markdown table; cells must already be escaped. `rightAligned` holds the
  /// indices of numeric columns.
  package static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = [])
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
  package static func capped<Item>(
    _ items: [Item], limit: Int, seeAlso: String? = nil
  ) -> (shown: ArraySlice<Item>, more: String?) {
    guard items.count > limit else { return (items[...], nil) }
    let suffix = seeAlso.map { "; see \($0)" } ?? ""
    return (items.prefix(limit), "…and \(items.count - limit) more\(suffix).")
  }

  /// A share of the book as a percentage with one decimal, rounded half up, exact.
  package static func percent(_ count: Int, of total: Int) -> String {
    guard total > 0 else { return "–" }
    let tenths = (count * 2_000 + total) / (2 * total)
    return "\(tenths / 10).\(tenths % 10)%"
  }

  /// An exact ratio (e.g. 0.2) as a percentage (20%).
  package static func percent(_ share: ExactDecimal) -> String {
    "\(share * 100)%"
  }

  /// `1 account`, `2 accounts`: a count with its noun, plural when the count is not 1.
  package static func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
  }

  /// A signed count change: `+3`, `−2`, `0`.
  package static func signed(_ value: Int) -> String {
    value > 0 ? "+\(value)" : value < 0 ? "−\(-value)" : "0"
  }
}
