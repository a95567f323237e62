extension ReviewDocument {
  /// The review of `result`. Quarterly or interim is decided here, once: an interim re-score
  /// gets its own summary, facts and its own capacity, guardrails and across-quarter sections,
  /// each saying what it does not judge and where the quarter's memo has it.
  /// The conversations are the account memos with their holders
  /// (``ConversationInput/held(_:)``).
  init(_ result: RunResult, lookups: RunLookups) {
    let context = ReviewContext(result, lookups: lookups)
    let conversationInputs = ConversationInput.held(lookups)
    let interim = result.interim
    title =
      (interim == nil ? "Re-tier review memo: " : "Interim re-score memo: ") + result.quarter.label
    summary =
      interim.map { Self.interimSummary(context, $0) } ?? Self.quarterlySummary(context)
    configuration = result.configuration
    var sections = [Self.runFacts(context)]
    if let audit = interim?.audit { sections.append(Self.interimFlags(audit, context: context)) }
    sections.append(Self.tierCounts(context))
    sections.append(Self.transitions(context))
    sections += Self.moves(context)
    sections.append(Self.conversations(conversationInputs, limit: context.limit))
    sections.append(
      Self.capacity(context, interimNote: interim.map { _ in Self.interimCapacity(context) }))
    sections.append(Self.rejectedRows(context))
    sections.append(Self.overrides(context))
    if interim == nil {
      sections.append(Self.guardrails(context))
      sections.append(Self.acrossQuarters(context))
    } else {
      sections.append(Self.interimGuardrails(context))
      sections.append(Self.interimAcrossQuarters(context))
    }
    self.sections = sections
  }

  /// The quarter's summary: the book, the moves, the rejections and the overrides.
  static func quarterlySummary(_ context: ReviewContext) -> ReviewText {
    let result = context.result
    let book = result.book
    let counts = context.counts
    return .words(
      "Run date \(result.runDate). \(counted(book.ledger.count, "valid account")): "
        + "\(counted(counts.promotions, "promotion")), \(counted(counts.demotions, "demotion")), "
        + "\(counted(counts.firstPlacements, "first placement")). "
        + "\(counted(book.rejectedAccountRowCount, "account row")) rejected; "
        + "\(counted(result.tiering.validOverrides.count, "override")) applied, "
        + "\(result.tiering.ignoredOverrides.count) ignored.")
  }

  /// An interim re-score's summary: what was re-scored against what, and that every count that
  /// follows is of the moved accounts only.
  static func interimSummary(_ context: ReviewContext, _ scope: InterimScope) -> ReviewText {
    let result = context.result
    return .words(
      "Interim re-score on \(result.runDate) of \(counted(scope.flagCount, "hot account")) "
        + "against the cut lines and seats of the completed \(result.quarter.label) run; the "
        + "latest drop holds \(counted(scope.dropAccounts, "valid account")). "
        + "\(counted(result.ledger.count, "account")) moved: "
        + "\(counted(context.counts.promotions, "promotion")), "
        + "\(counted(context.counts.demotions, "demotion")). Every count below is of the moved "
        + "accounts only.")
  }

  /// Quarter, run date, tool version, config checksum, the book's size and the inputs with
  /// rows and checksums. An interim's facts name its flags and the drop's size, not the moved
  /// accounts' book as if it were the drop.
  static func runFacts(_ context: ReviewContext) -> ReviewSection {
    let result = context.result
    let book = result.book
    var facts: [(String, ReviewCell)] = [
      ("quarter", .words(result.quarter.label)),
      (result.interim == nil ? "run date" : "interim date", .words(result.runDate.description)),
      ("tool version", .text(ReviewText([.words("retier "), .input(result.toolVersion)]))),
      ("config sha256", .text(.code(result.configSHA256))),
    ]
    if let scope = result.interim {
      facts += [
        ("hot accounts re-scored", .count(scope.flagCount)),
        ("valid accounts in the latest drop", .count(scope.dropAccounts)),
        ("accounts moved", .count(book.ledger.count)),
      ]
    } else {
      facts += [
        ("valid accounts", .count(book.ledger.count)),
        ("account rows rejected", .count(book.rejectedAccountRowCount)),
        ("orphan ARR lines", .count(book.orphanARRLines)),
        ("orphan usage rows", .count(book.orphanUsageRows)),
        ("accounts scored without usage", .count(book.accountsWithoutUsage.count)),
      ]
    }
    return ReviewSection(
      heading: Heading.runFacts,
      blocks: [
        .table(ReviewTable(["fact", "value"], rows: facts.map { [.words($0.0), $0.1] })),
        .table(
          ReviewTable(
            ["input", ReviewWording.Column.rows, "sha256"], numeric: [1],
            rows: result.inputs.map { [.input($0.name), .count($0.rows), .text(.code($0.sha256))] })
        ),
      ])
  }

  /// `1 account`, `2 accounts`.
  static func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    ReviewWording.counted(count, singular, plural: plural)
  }

  /// The review's section headings, each written once.
  enum Heading {
    static let runFacts = "Run facts"
    static let tierCounts = "Tier counts"
    static let transitions = "Transitions"
    static let firstPlacements = "First placements"
    static let promotions = "Promotions"
    static let demotions = "Demotions"
    static let conversations = "Conversations by holder"
    static let capacity = "Capacity and hiring"
    static let rejectedRows = "Rejected rows"
    static let overrides = "Overrides"
    static let guardrails = "Guardrails"
    static let acrossQuarters = "Across quarters"
  }
}

/// The figures several sections of one review share, each computed once.
struct ReviewContext {
  /// The run.
  let result: RunResult
  /// Its explanations (why each account moved, owners' names).
  let lookups: RunLookups
  /// Valid accounts by tier before and after.
  let counts: TierCounts
  /// The transition matrix.
  let matrix: TransitionMatrix
  /// `memo_list_limit`.
  let limit: Int
  /// The ARR currency code, for column titles.
  let currency: String

  /// The figures of `result`.
  init(_ result: RunResult, lookups: RunLookups) {
    self.result = result
    self.lookups = lookups
    counts = TierCounts(result)
    matrix = TransitionMatrix(result)
    limit = result.configuration.memoListLimit
    currency = result.configuration.currency
  }

  /// `ARR (USD)`: a money column's title.
  func money(_ title: String) -> String { wording.money(title) }

  /// "Tier 2 (Silver)".
  func tierLabel(_ tier: Int) -> String { wording.tierLabel(tier) }

  /// The configuration's wording of money columns and tiers.
  private var wording: ReviewDocument.CapacityWording {
    ReviewDocument.CapacityWording(configuration: result.configuration)
  }
}
