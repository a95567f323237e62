extension ReviewDocument {
  /// A column of the capacity table: its title, whether it holds numbers, and its cell for a
  /// ``CapacityRow``. A new figure of the capacity model is one more line of
  /// ``capacityColumns(_:)``.
  struct CapacityColumn {
    /// The column title.
    var title: String
    /// Right-aligned.
    var numeric: Bool
    /// The cell of one tier's row.
    var cell: (CapacityRow) -> ReviewCell
  }

  /// The capacity table's columns, in order.
  static func capacityColumns(_ configuration: Configuration) -> [CapacityColumn] {
    let context = CapacityWording(configuration: configuration)
    let benchmark = { (row: CapacityRow) in configuration.tier(row.tier).benchmark }
    return [
      CapacityColumn(title: ReviewWording.Column.tier, numeric: false) { row in
        .input(
          context.tierLabel(row.tier)
            + (configuration.tier(row.tier).coverage == .pooled ? ", pooled" : ""))
      },
      CapacityColumn(title: ReviewWording.Column.accounts, numeric: true) { .count($0.accounts) },
      CapacityColumn(title: context.money(ReviewWording.Column.arr), numeric: true) {
        .money($0.arr)
      },
      CapacityColumn(title: "CSMs", numeric: true) { .count($0.activeCSMs) },
      CapacityColumn(title: "accounts/CSM (band)", numeric: true) { row in
        .share(
          (row.accountsPerCSM.map(CapacityTable.oneDecimalText) ?? "—")
            + CapacityTable.bandSuffix(
              benchmark(row).accountsPerCSM, text: { $0.description }, prefix: " ("))
      },
      CapacityColumn(title: "ARR/CSM, \(context.currency) (band)", numeric: true) { row in
        .share(
          (row.arrPerCSM?.groupedWholeUnits ?? "—")
            + CapacityTable.bandSuffix(
              benchmark(row).arrPerCSM, text: CapacityTable.groupedUnits, prefix: " ("))
      },
      CapacityColumn(title: "CSMs short", numeric: true) { .count($0.csmsShort) },
      CapacityColumn(title: "coverage cost (max)", numeric: true) { row in
        .share(
          (row.coverageCostShare.map(CapacityTable.roundedPercentText) ?? "—")
            + (benchmark(row).maximumCoverageCostShare.map {
              " (≤ \(CapacityTable.percentText($0)))"
            } ?? ""))
      },
      CapacityColumn(title: "flags", numeric: false) { row in
        var flags = row.flags
        if row.unassigned > 0 { flags.append("\(row.unassigned) unassigned") }
        return flags.isEmpty
          ? .none : .status(flags.joined(separator: "; "), warning: true)
      },
    ]
  }

  /// The columns of the ARR balance table (SPEC §5 rule 2), one row per named tier with active
  /// CSMs: ARR per active CSM (min, median, max), the spread and the coefficient of variation,
  /// and the accounts held by a lock or a renewal hold.
  static func balanceColumns(_ configuration: Configuration) -> [CapacityColumn] {
    let context = CapacityWording(configuration: configuration)
    let money = { (title: String, figure: @escaping (CapacityTable.BalanceTexts) -> String) in
      CapacityColumn(title: context.money(title), numeric: true) { row in
        .share(CapacityTable.balanceTexts(row).map(figure) ?? "—")
      }
    }
    return [
      CapacityColumn(title: ReviewWording.Column.tier, numeric: false) {
        .input(context.tierLabel($0.tier))
      },
      CapacityColumn(title: "CSMs", numeric: true) { .count($0.arrBalance?.count ?? 0) },
      money("min", \.minimum), money("median", \.median), money("max", \.maximum),
      CapacityColumn(title: "spread (max ÷ mean)", numeric: true) { row in
        .share(CapacityTable.balanceTexts(row)?.spread ?? "—")
      },
      CapacityColumn(title: "CV", numeric: true) { row in
        .share(CapacityTable.balanceTexts(row)?.coefficientOfVariation ?? "—")
      },
      CapacityColumn(title: "held", numeric: true) { .count($0.held) },
    ]
  }

  /// The ARR balance table of the named tiers with active CSMs under its caption, then the
  /// hiring signal: a line per short tier, or a sentence saying none is short.
  static func balanceAndHiring(
    _ rows: [CapacityRow], configuration: Configuration
  ) -> [ReviewBlock] {
    var blocks: [ReviewBlock] = []
    let balanced = rows.filter { CapacityTable.balanceTexts($0) != nil }
    if !balanced.isEmpty {
      blocks.append(.paragraph(.words(CapacityTable.balanceCaption(configuration))))
      blocks.append(.table(capacityTable(balanceColumns(configuration), balanced)))
    }
    let signals = CapacityTable.hiringSignals(rows, configuration: configuration)
    if signals.isEmpty {
      blocks.append(.paragraph("No tier is short of CSMs at its default capacity."))
    } else {
      blocks.append(.list(signals.map { ReviewText([.strong($0)]) }))
    }
    return blocks
  }

  /// The configuration's wording of money column titles and tier labels: the capacity columns
  /// need it without a run, and ``ReviewContext`` asks it too.
  struct CapacityWording {
    /// The run's configuration.
    var configuration: Configuration
    /// The ARR currency code.
    var currency: String { configuration.currency }
    /// `ARR (USD)`: a money column's title.
    func money(_ title: String) -> String { "\(title) (\(currency))" }
    /// "Tier 2 (Silver)".
    func tierLabel(_ tier: Int) -> String { Prose.tierLabel(tier, in: configuration) }
  }

  /// A table of `rows` in `columns`.
  static func capacityTable(_ columns: [CapacityColumn], _ rows: [CapacityRow]) -> ReviewTable {
    ReviewTable(
      columns.map(\.title), numeric: Set(columns.indices.filter { columns[$0].numeric }),
      rows: rows.map { row in columns.map { $0.cell(row) } })
  }

  /// Each tier's capacity against its benchmark bands (a chart of gauges and the capacity
  /// table), the hiring signal, where the accounts without an owner are listed and what the
  /// CRM import files left out. An interim's section says first that its flags are of the
  /// moved accounts only (`interimNote`).
  static func capacity(_ context: ReviewContext, interimNote: ReviewText?) -> ReviewSection {
    let result = context.result
    let configuration = result.configuration
    let rows = result.owners.capacity
    let table = capacityTable(capacityColumns(configuration), rows)
    var blocks: [ReviewBlock] = interimNote.map { [.paragraph($0)] } ?? []
    blocks.append(
      .chart(
        .capacity(rows.map { CapacityGaugeGroup($0, context: context) }), numbers: table))
    blocks += balanceAndHiring(rows, configuration: configuration)
    let unassigned = result.ledger.refs.count { result.ledger.owners[$0].isEmpty }
    if unassigned > 0 {
      blocks.append(
        .paragraph(
          ReviewText([
            .words("Accounts without an owner: \(unassigned), listed in "),
            .code(CRMFiles.unassignedPath), .words(" for the hiring decision."),
          ])))
    }
    for line in CRMOwnerImport(result).summaryLines { blocks.append(.paragraph(.input(line))) }
    let held = HoldRule.heldLines(result, limit: context.limit)
    if !held.lines.isEmpty {
      blocks.append(.paragraph(.words(HoldRule.heldListLead)))
      var items = held.lines.map { ReviewText.input($0) }
      if held.more > 0 {
        items.append(
          ReviewText([.words("…and \(held.more) more in "), .code("reassignments.csv")]))
      }
      blocks.append(.list(items))
    }
    return ReviewSection(heading: Heading.capacity, blocks: blocks)
  }

  /// What an interim's capacity section says before its table: its counts are the moved
  /// accounts', so its flags do not describe the tiers' books.
  static func interimCapacity(_ context: ReviewContext) -> ReviewText {
    .words(
      "Of the moved accounts only: the flags compare them alone with each band, not the tiers' "
        + "books (the completed \(context.result.quarter.label) run's memo has those).")
  }
}

/// One figure of the capacity chart: a tier's value against its benchmark band.
struct CapacityGauge: Sendable {
  /// What is measured, e.g. "accounts per CSM".
  var name: String
  /// The value as text, or why there is none.
  var valueText: String
  /// The value in millionths; `nil` when the tier has no such figure.
  var value: Int128?
  /// The band's lowest value inside, in millionths; `nil` when open.
  var low: Int128?
  /// The band's highest value inside, in millionths; `nil` when open.
  var high: Int128?
  /// The band as text ("band 8–20", "band ≥ 200", "band ≤ 15%"), or "no band".
  var bandText: String
  /// The status beside the value: the tier's capacity flag about this figure, or
  /// ``ReviewWording/inside``.
  var status: String
  /// Whether the status is a flag (set in bold).
  var isFlagged: Bool
}

/// A tier's gauges in the capacity chart, under its title.
struct CapacityGaugeGroup: Sendable {
  /// "Tier 2 (Silver): 175 accounts, 3 active CSMs".
  var title: String
  /// Accounts per CSM, ARR per CSM and coverage cost.
  var gauges: [CapacityGauge]

  /// The gauges of one capacity row, each with its band and the flag ``CapacityTable`` raised
  /// about it. A tier with accounts and no active CSM has no per-CSM figure, and its coverage
  /// cost (0) is flagged as such, never inside its band.
  init(_ row: CapacityRow, context: ReviewContext) {
    let configuration = context.result.configuration
    let benchmark = configuration.tier(row.tier).benchmark
    let withoutCSM = row.activeCSMs == 0 && row.accounts > 0 ? ReviewWording.noActiveCSM : nil
    let flag = { (prefix: String) in row.flags.first { $0.hasPrefix(prefix) } }
    let band = { (bounds: ClosedBounds, text: (ExactDecimal) -> String) in
      let suffix = CapacityTable.bandSuffix(bounds, text: text, prefix: "band ")
      return suffix.isEmpty ? "no band" : String(suffix.dropLast())
    }
    let costMaximum = benchmark.maximumCoverageCostShare
    title =
      context.tierLabel(row.tier)
      + (configuration.tier(row.tier).coverage == .pooled ? ", pooled" : "")
      + ": \(ReviewWording.counted(row.accounts, "account")), "
      + ReviewWording.counted(row.activeCSMs, "active CSM")
    let gauge = {
      (
        name: String, valueText: String, value: Int128?, low: Int128?, high: Int128?,
        bandText: String, flag: String?
      ) in
      CapacityGauge(
        name: name, valueText: valueText, value: value, low: low, high: high,
        bandText: bandText, status: flag ?? (value == nil ? "" : ReviewWording.inside),
        isFlagged: flag != nil)
    }
    gauges = [
      gauge(
        "accounts per CSM",
        row.accountsPerCSM.map(CapacityTable.oneDecimalText) ?? ReviewWording.noActiveCSM,
        row.accountsPerCSM?.millionths, benchmark.accountsPerCSM.low?.millionths,
        benchmark.accountsPerCSM.high?.millionths,
        band(benchmark.accountsPerCSM, { $0.description }), flag("accounts/CSM") ?? withoutCSM),
      gauge(
        "ARR per CSM", row.arrPerCSM?.groupedWholeUnits ?? ReviewWording.noActiveCSM,
        row.arrPerCSM.map { $0.cents * 10_000 }, benchmark.arrPerCSM.low?.millionths,
        benchmark.arrPerCSM.high?.millionths, band(benchmark.arrPerCSM, CapacityTable.groupedUnits),
        flag("ARR/CSM") ?? withoutCSM),
      gauge(
        "coverage cost",
        row.coverageCostShare.map(CapacityTable.roundedPercentText) ?? "no ARR",
        row.coverageCostShare?.millionths, nil, costMaximum?.millionths,
        costMaximum.map { "band ≤ \(CapacityTable.percentText($0))" } ?? "no band",
        flag("coverage cost") ?? withoutCSM),
    ]
  }
}
