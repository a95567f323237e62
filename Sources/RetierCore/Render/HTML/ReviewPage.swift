/// Renders `memo.html`, the review meeting's page (SPEC §6): the review of `memo.md` as one
/// self-contained page with charts. Inline CSS and SVG only (no script, no font, image or link
/// from the network), so it opens from a file share or a mail attachment and prints on A4 and
/// Letter.
///
/// Every chart is drawn from the same figures as `memo.md` (``TierCounts``,
/// ``TransitionMatrix``, the ``CapacityRow``s, the cap reports, ``ScoreDistribution``) and comes
/// with a table of its numbers, so nothing is only in a picture. Charts are aggregates and lists
/// stop at ``listLimit``, so the page is the same size at 600 and at a million accounts.
enum ReviewPage {
  /// The page's path in the run folder.
  static let fileName = "memo.html"

  /// Longest list the page prints; the rest are in `memo.md` (which lists up to
  /// `memo_list_limit`) or `rejected.csv`.
  static let listLimit = 50

  /// The page as a ``PiecewiseFile`` of one piece. The page is rendered here, while the other
  /// files sort their items on the other core, rather than as a piece of its own that would
  /// render alone: it is small (some 90 kB at any size of book) and quick.
  static func piecewise(_ result: RunResult) -> PiecewiseFile {
    let bytes = render(result)
    return PiecewiseFile(path: fileName, itemCount: 0) { _ in bytes }
  }

  /// The page's bytes.
  static func render(_ result: RunResult) -> [UInt8] {
    var page = MarkupWriter()
    let title =
      (result.interim == nil ? "Re-tier review: " : "Interim re-score: ") + result.quarter.label
    page.doctype()
    page.open("html", ["lang": "en"])
    page.newline()
    page.open("head")
    page.empty("meta", ["charset": "utf-8"])
    page.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
    page.element("title", text: title)
    page.newline()
    page.styleSheet(styleSheet)
    page.closeLine()
    page.open("body")
    page.newline()
    page.open("main")
    page.newline()
    page.element("h1", text: title)
    page.newline()
    // Each figure is computed once and drawn by every section that shows it.
    let counts = TierCounts(result)
    let matrix = TransitionMatrix(result)
    summary(result, counts: counts, to: &page)
    tierCountsSection(result, counts: counts, to: &page)
    transitionsSection(result, matrix: matrix, to: &page)
    flowsSection(result, matrix: matrix, to: &page)
    capacitySection(result, to: &page)
    scoreSection(result, to: &page)
    guardrailsSection(result, matrix: matrix, to: &page)
    acrossQuartersSection(result, to: &page)
    exceptionsSection(result, to: &page)
    movesSection(counts: counts, to: &page)
    page.closeLine()
    page.closeLine()
    page.closeLine()
    return page.bytes
  }

  /// The one-paragraph summary and the run facts.
  static func summary(_ result: RunResult, counts: TierCounts, to page: inout MarkupWriter) {
    let book = result.book
    let counted = ReviewMemo.counted
    if let scope = result.interim {
      page.element(
        "p", ["class": "summary"],
        text: ReviewMemo.interimSummary(
          result, scope, promotions: counts.promotions, demotions: counts.demotions))
    } else {
      page.element(
        "p", ["class": "summary"],
        text: "Run date \(result.runDate). \(counted(book.ledger.count, "valid account", nil)): "
          + "\(counted(counts.promotions, "promotion", nil)), "
          + "\(counted(counts.demotions, "demotion", nil)), "
          + "\(counted(counts.firstPlacements, "first placement", nil)). "
          + "\(counted(book.rejectedAccountRowCount, "account row", nil)) rejected; "
          + "\(counted(result.tiering.validOverrides.count, "override", nil)) applied, "
          + "\(result.tiering.ignoredOverrides.count) ignored.")
    }
    page.newline()
    page.open("section", ["aria-label": "Run facts"])
    page.element("h2", text: "Run facts")
    table(
      ["fact", "value"],
      ReviewMemo.factRows(result, number: grouped, code: { $0 }, text: { $0 }),
      numeric: [], to: &page)
    table(
      ["input", "rows", "sha256"],
      result.inputs.map { [$0.name, grouped($0.rows), $0.sha256] }, numeric: [1], to: &page)
    page.closeLine()
    interimFlags(result, to: &page)
  }

  /// Every walkback is in `memo.md` and each moved account's memo in `memos/`: the page names
  /// where, with the counts.
  static func movesSection(counts: TierCounts, to page: inout MarkupWriter) {
    page.open("section", ["aria-label": "Promotions and demotions"])
    page.element("h2", text: "Promotions and demotions")
    page.element(
      "p",
      text: "\(ReviewMemo.counted(counts.promotions, "promotion")), "
        + "\(ReviewMemo.counted(counts.demotions, "demotion")) and "
        + "\(ReviewMemo.counted(counts.firstPlacements, "first placement")). "
        + "Each one's walkback is in memo.md, its why-moved line in movements.csv, and each "
        + "account that moved into or out of a tier with named coverage has its memo in memos/.")
    page.closeLine()
  }

  // MARK: - Shared pieces

  /// A table with a header row; the first cell of each row heads it. `numeric` holds the
  /// indices of right-aligned numeric columns. Every cell is escaped text.
  static func table(
    _ header: [String], _ rows: [[String]], numeric: Set<Int>, caption: String? = nil,
    to page: inout MarkupWriter
  ) {
    page.open("table")
    if let caption { page.element("caption", text: caption) }
    page.open("thead")
    page.open("tr")
    for (column, cell) in header.enumerated() {
      page.element(
        "th", ["scope": "col", "class": numeric.contains(column) ? "n" : "t"], text: cell)
    }
    page.close()
    page.close()
    page.newline()
    page.open("tbody")
    for row in rows {
      page.open("tr")
      for (column, cell) in row.enumerated() {
        if column == 0 {
          page.element(
            "th", ["scope": "row", "class": numeric.contains(0) ? "n" : "t"], text: cell)
        } else {
          page.element("td", ["class": numeric.contains(column) ? "n" : "t"], text: cell)
        }
      }
      page.closeLine()
    }
    page.close()
    page.closeLine()
  }

  /// A count with thousands separators: `1,000,000`.
  static func grouped(_ count: Int) -> String {
    Money(cents: Int128(count) * 100).groupedWholeUnits
  }

  /// "Tier 2 (Silver)".
  static func tierLabel(_ tier: Int, _ result: RunResult) -> String {
    WhyMoved.tierLabel(tier, in: result.configuration)
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
