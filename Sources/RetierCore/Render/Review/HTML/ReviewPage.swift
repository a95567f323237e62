/// Writes `memo.html`, the review meeting's page (SPEC §6), from the run's ``ReviewDocument``:
/// the review of `memo.md` as one self-contained page with charts. Inline CSS and SVG only (no
/// script, no font, image or link from the network), so it opens from a file share or a mail
/// attachment and prints on A4 and Letter.
///
/// The writer only formats: every heading, column, status word and sentence, and every choice
/// of what to show, is the document's. Each chart is drawn from the document's figures and
/// comes with the table of its numbers, so nothing is only in a picture. Charts are aggregates
/// and lists stop at `memo_list_limit`, so the page's size does not grow with the book.
enum ReviewPage {
  /// The page's path in the run folder.
  static let fileName = "memo.html"

  /// The page as a ``PiecewiseFile`` of one piece. The page is rendered here, while the other
  /// files sort their items on the other core, rather than as a piece of its own that would
  /// render alone: it is small and quick.
  static func piecewise(_ document: ReviewDocument) -> PiecewiseFile {
    let bytes = render(document)
    return PiecewiseFile(path: fileName, itemCount: 0) { _ in bytes }
  }

  /// The page's bytes.
  static func render(_ document: ReviewDocument) -> [UInt8] {
    var page = MarkupWriter()
    page.doctype()
    page.open("html", ["lang": "en"])
    page.newline()
    page.open("head")
    page.empty("meta", ["charset": "utf-8"])
    page.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
    page.element("title", text: document.title)
    page.newline()
    page.styleSheet(styleSheet)
    page.closeLine()
    page.open("body")
    page.newline()
    page.open("main")
    page.newline()
    page.element("h1", text: document.title)
    page.newline()
    page.open("p", ["class": "summary"])
    write(document.summary, to: &page)
    page.closeLine()
    for section in document.sections {
      page.open("section", ["aria-label": section.heading])
      page.element("h2", text: section.heading)
      page.newline()
      for block in section.blocks { write(block, configuration: document.configuration, to: &page) }
      page.closeLine()
    }
    page.closeLine()
    page.closeLine()
    page.closeLine()
    return page.bytes
  }

  /// One block.
  static func write(
    _ block: ReviewBlock, configuration: Configuration, to page: inout MarkupWriter
  ) {
    switch block {
    case .subheading(let title):
      page.element("h3", text: title)
      page.newline()
    case .paragraph(let text):
      page.open("p")
      write(text, to: &page)
      page.closeLine()
    case .note(let text):
      page.open("p", ["class": "note"])
      write(text, to: &page)
      page.closeLine()
    case .warning(let text):
      page.open("p", ["class": "warning"])
      write(text, to: &page)
      page.closeLine()
    case .table(let table):
      write(table, to: &page)
    case .list(let items):
      page.open("ul")
      for item in items {
        page.open("li")
        write(item, to: &page)
        page.close()
      }
      page.closeLine()
    case .chart(let chart, let numbers):
      draw(chart, numbers: numbers, configuration: configuration, to: &page)
    }
  }

  /// Text: the tool's words and the inputs alike escaped, code and emphasis marked up; a file
  /// path as text (the page links nowhere).
  static func write(_ text: ReviewText, to page: inout MarkupWriter) {
    for span in text.spans {
      switch span {
      case .words(let words): page.text(words)
      case .input(let input): page.text(input)
      case .code(let code): page.element("code", text: code)
      case .strong(let words): page.element("strong", text: words)
      case .file(let path): writeFile(path, to: &page)
      }
    }
  }

  /// A file of the run folder by its name alone (`ACC-7.md` of `memos/ACC-7.md`), kept on one
  /// line: the column or sentence says which folder, and a narrow table stays readable.
  static func writeFile(_ path: String, to page: inout MarkupWriter) {
    page.element("code", text: path.split(separator: "/").last.map(String.init) ?? path)
  }

  /// A table with a header row; the first cell of each row heads it.
  static func write(_ table: ReviewTable, to page: inout MarkupWriter) {
    page.open("table")
    page.open("thead")
    page.open("tr")
    for column in table.columns {
      page.element("th", ["scope": "col", "class": column.numeric ? "n" : "t"], text: column.title)
    }
    page.close()
    page.close()
    page.newline()
    page.open("tbody")
    for row in table.rows {
      page.open("tr")
      for (index, cell) in row.enumerated() {
        let numeric = index < table.columns.count && table.columns[index].numeric
        let warning: Bool
        if case .status(_, true) = cell { warning = true } else { warning = false }
        let style = (numeric ? "n" : "t") + (warning ? " warning" : "")
        if index == 0 {
          page.open("th", ["scope": "row", "class": style])
        } else {
          page.open("td", ["class": style])
        }
        write(cell, to: &page)
        page.close()
      }
      page.closeLine()
    }
    page.close()
    page.closeLine()
  }

  /// A cell: counts and sums grouped by thousands, one account's amount with its cents where
  /// they are not zero.
  static func write(_ cell: ReviewCell, to page: inout MarkupWriter) {
    switch cell {
    case .text(let text): write(text, to: &page)
    case .account(let id, let name): page.text(name.isEmpty ? id : "\(id) (\(name))")
    case .count(let count): page.text(grouped(count))
    case .change(let change): page.text(ReviewWording.signed(change))
    case .money(let money): page.text(ReviewWording.wholeUnits(money))
    case .amount(let money): page.text(Prose.amount(money))
    case .share(let share): page.text(share)
    case .tier(let tier): page.text(ReviewWording.tier(tier))
    case .status(let word, _): page.text(word)
    case .file(let path): writeFile(path, to: &page)
    case .none: page.text("—")
    }
  }

  /// A chart and the table of its numbers.
  static func draw(
    _ chart: ReviewChart, numbers: ReviewTable?, configuration: Configuration,
    to page: inout MarkupWriter
  ) {
    let table = { (page: inout MarkupWriter) in
      if let numbers { write(numbers, to: &page) }
    }
    switch chart {
    case .tierCounts(let counts):
      drawTierCounts(counts, configuration: configuration, to: &page, numbers: table)
    case .transitions(let matrix):
      drawTransitions(matrix, configuration: configuration, to: &page, numbers: table)
    case .flows(let matrix):
      drawFlows(matrix, configuration: configuration, to: &page, numbers: table)
    case .capacity(let groups):
      drawCapacity(groups, to: &page, numbers: table)
    case .scores(let distribution):
      drawScores(distribution, configuration: configuration, to: &page, numbers: table)
    }
  }

  // MARK: - Shared pieces

  /// A count with thousands separators: `1,000,000`.
  static func grouped(_ count: Int) -> String {
    Money(cents: Int128(count) * 100).groupedWholeUnits
  }

  /// "Tier 2 (Silver)".
  static func tierLabel(_ tier: Int, _ configuration: Configuration) -> String {
    Prose.tierLabel(tier, in: configuration)
  }

  /// The page's style sheet: readable on screen, and on paper within the narrower and the
  /// shorter of A4 (210 × 297 mm) and Letter (216 × 279 mm), whichever the printer holds.
  static let styleSheet: StaticString = """
    :root { color-scheme: light; }
    body { margin: 0; background: #fff; color: #1a1a1a; \
    font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, \
    sans-serif; }
    main { max-width: 980px; margin: 0 auto; padding: 24px; }
    h1 { font-size: 26px; margin: 0 0 8px; }
    h2 { font-size: 20px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #ccc; }
    h3 { font-size: 16px; margin: 20px 0 6px; }
    p.summary { font-size: 16px; }
    figure { margin: 12px 0 20px; break-inside: avoid; page-break-inside: avoid; }
    figcaption { font-weight: 600; margin-bottom: 6px; }
    svg { display: block; max-width: 100%; height: auto; }
    svg text { font-family: inherit; fill: #1a1a1a; }
    table { border-collapse: collapse; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
    th, td { border: 1px solid #bbb; padding: 3px 8px; vertical-align: top; }
    thead th { background: #eee; }
    tbody th { font-weight: normal; }
    .n { text-align: right; } .t { text-align: left; }
    td.t, th.t { overflow-wrap: anywhere; }
    .warning { font-weight: 700; }
    code { font-size: 90%; }
    td code { white-space: nowrap; }
    .note { color: #444; }
    @page { size: auto; margin: 14mm 12mm; }
    @media print {
      body { font-size: 10pt; }
      main { max-width: none; padding: 0; }
      h2 { break-after: avoid; page-break-after: avoid; }
      figure, table, svg { break-inside: avoid; page-break-inside: avoid; }
      svg { max-height: 230mm; }
    }

    """
}
