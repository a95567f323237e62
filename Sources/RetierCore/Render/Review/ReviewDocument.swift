/// The review of one run, as the meeting reads it (SPEC §6 `memo.md`, `memo.html`): a
/// format-neutral description built once per run, that ``ReviewMemo`` writes as Markdown and
/// ``ReviewPage`` as one HTML page. Every heading, column title, status word and sentence of
/// the review is written here, in the section builders (`ReviewDocument+*.swift`); the writers
/// only format what they are given, so the two files cannot disagree or drift.
///
/// Decisions come first, in one order for both formats: run facts, tier counts with ARR,
/// transitions, the moves by account, conversations by holder, capacity, exceptions,
/// guardrails (the near-line list after the moves) and across quarters. An interim re-score is
/// the same document with its own sections, chosen once in ``init(_:lookups:conversations:)``.
struct ReviewDocument: Sendable {
  /// The page title and the Markdown's first heading.
  var title: String
  /// The one-paragraph summary under the title.
  var summary: ReviewText
  /// The sections, in the order both formats print them.
  var sections: [ReviewSection]
  /// The run's configuration, for the tier names the charts draw.
  var configuration: Configuration
}

/// One section of the review: a heading and its blocks.
struct ReviewSection: Sendable {
  /// The section's heading (`## …` in Markdown, `<h2>` in HTML).
  var heading: String
  /// Its content, in order.
  var blocks: [ReviewBlock]
}

/// A piece of a section's content.
enum ReviewBlock: Sendable {
  /// A sub-heading (`### …`, `<h3>`).
  case subheading(String)
  /// A paragraph.
  case paragraph(ReviewText)
  /// A paragraph that matters less (where the rest of a cut list are, a caveat).
  case note(ReviewText)
  /// A warning, set in bold.
  case warning(ReviewText)
  /// A table.
  case table(ReviewTable)
  /// A bulleted list.
  case list([ReviewText])
  /// A chart and the table of its numbers, so that nothing is only in a picture; Markdown
  /// prints the table alone, and a chart whose numbers are in another table has none.
  case chart(ReviewChart, numbers: ReviewTable?)
}

/// Text of the review: the tool's own wording, text from the inputs (which a writer escapes
/// for its format), code tokens and emphasis.
struct ReviewText: Sendable, ExpressibleByStringLiteral {
  /// One run of text.
  enum Span: Sendable {
    /// The tool's own wording.
    case words(String)
    /// Text from the inputs: an account name or id, a file name, a reason typed by a person.
    case input(String)
    /// A code token: a config key, a reason code, a file name.
    case code(String)
    /// Emphasised wording.
    case strong(String)
    /// The path of a file in the run folder (an account memo): a link in Markdown, text in the
    /// page (which links nowhere).
    case file(String)
  }

  /// The runs, in order.
  var spans: [Span]

  /// Text of the given runs.
  init(_ spans: [Span]) { self.spans = spans }

  /// The tool's own wording.
  init(stringLiteral value: String) { spans = [.words(value)] }

  /// The tool's own wording.
  static func words(_ text: String) -> ReviewText { ReviewText([.words(text)]) }

  /// Text from the inputs.
  static func input(_ text: String) -> ReviewText { ReviewText([.input(text)]) }

  /// A code token.
  static func code(_ text: String) -> ReviewText { ReviewText([.code(text)]) }

  /// The two texts one after the other.
  static func + (left: ReviewText, right: ReviewText) -> ReviewText {
    ReviewText(left.spans + right.spans)
  }
}

/// A table: typed columns and rows of typed cells.
struct ReviewTable: Sendable {
  /// A column: its title and whether it holds numbers (right-aligned).
  struct Column: Sendable {
    /// The column title.
    var title: String
    /// Right-aligned: a count, an amount, a share.
    var numeric: Bool
  }

  /// The columns.
  var columns: [Column]
  /// The rows, each a cell per column.
  var rows: [[ReviewCell]]

  /// A table of `titles`, numbers in the columns at `numeric`.
  init(_ titles: [String], numeric: Set<Int> = [], rows: [[ReviewCell]]) {
    columns = titles.enumerated().map { Column(title: $1, numeric: numeric.contains($0)) }
    self.rows = rows
  }
}

/// A table cell, typed so that each writer formats numbers, amounts and emphasis its own way
/// from the same value.
enum ReviewCell: Sendable {
  /// Text: the tool's wording, inputs, code.
  case text(ReviewText)
  /// An account, by id and name (the id emphasised in Markdown).
  case account(id: String, name: String)
  /// A count of accounts, rows or people.
  case count(Int)
  /// A signed change of a count: `+3`, `−2`, `0`.
  case change(Int)
  /// A sum of money in whole units (`1,880,546`).
  case money(Money)
  /// One account's amount, cents kept where they are not zero.
  case amount(Money)
  /// A share or ratio, already worded (`12.5%`, `1.04`).
  case share(String)
  /// A tier by number: `Tier 2`; `nil` for no tier (``ReviewWording/newTier``).
  case tier(Int?)
  /// A status word; a warning is set in bold.
  case status(String, warning: Bool)
  /// The path of a file in the run folder (an account memo).
  case file(String)
  /// Nothing to show.
  case none

  /// The tool's own wording.
  static func words(_ text: String) -> ReviewCell { .text(.words(text)) }

  /// Text from the inputs.
  static func input(_ text: String) -> ReviewCell { .text(.input(text)) }
}

/// A chart's figures; ``ReviewPage`` draws them as inline SVG.
enum ReviewChart: Sendable {
  /// Accounts per tier before and after, as grouped bars.
  case tierCounts(TierCounts)
  /// The transition matrix as a heat map.
  case transitions(TransitionMatrix)
  /// The flows from the CRM tiers to the tiers after the run.
  case flows(TransitionMatrix)
  /// Each tier's capacity figures against its benchmark bands.
  case capacity([CapacityGaugeGroup])
  /// The distribution of total scores with the tier lines.
  case scores(ScoreDistribution)
}
