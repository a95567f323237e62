extension ReviewPage {
  /// One figure of the capacity chart: a tier's value against its benchmark band.
  struct CapacityGauge {
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
    /// The band as text ("8–20", "≥ 200", "≤ 15%"), or "no band".
    var bandText: String
    /// The tier's capacity flag about this figure (``CapacityRow/flags``), if any.
    var flag: String?
  }

  /// The three gauges of a capacity row: accounts per CSM, ARR per CSM and coverage cost, each
  /// with its band and the flag `CapacityTable` raised about it.
  static func gauges(_ row: CapacityRow, configuration: Configuration) -> [CapacityGauge] {
    let benchmark = configuration.tier(row.tier).benchmark
    let flag = { (prefix: String) in row.flags.first { $0.hasPrefix(prefix) } }
    let band = { (bounds: ClosedBounds, text: (ExactDecimal) -> String) in
      let suffix = CapacityTable.bandSuffix(bounds, text: text, prefix: "")
      return suffix.isEmpty ? "no band" : String(suffix.dropLast())
    }
    let costMaximum = benchmark.maximumCoverageCostShare
    return [
      CapacityGauge(
        name: "accounts per CSM",
        valueText: row.accountsPerCSM.map(CapacityTable.oneDecimalText) ?? "no active CSM",
        value: row.accountsPerCSM?.millionths, low: benchmark.accountsPerCSM.low?.millionths,
        high: benchmark.accountsPerCSM.high?.millionths,
        bandText: band(benchmark.accountsPerCSM, { $0.description }),
        flag: flag("accounts/CSM") ?? (row.activeCSMs == 0 ? flag("no active CSM") : nil)),
      CapacityGauge(
        name: "ARR per CSM", valueText: row.arrPerCSM?.groupedWholeUnits ?? "no active CSM",
        value: row.arrPerCSM.map { $0.cents * 10_000 }, low: benchmark.arrPerCSM.low?.millionths,
        high: benchmark.arrPerCSM.high?.millionths,
        bandText: band(benchmark.arrPerCSM, CapacityTable.groupedUnits), flag: flag("ARR/CSM")),
      CapacityGauge(
        name: "coverage cost",
        valueText: row.coverageCostShare.map(CapacityTable.roundedPercentText)
          ?? "no ARR",
        value: row.coverageCostShare?.millionths, low: nil, high: costMaximum?.millionths,
        bandText: costMaximum.map { "≤ \(CapacityTable.percentText($0))" } ?? "no band",
        flag: flag("coverage cost")),
    ]
  }

  /// Each tier's accounts per CSM, ARR per CSM and coverage cost against its benchmark band,
  /// then the capacity table and the hiring signal of `memo.md`.
  static func capacitySection(_ result: RunResult, to page: inout MarkupWriter) {
    let configuration = result.configuration
    let rows = result.owners.capacity
    let (width, left, trackWidth, rowHeight, tierHeight) = (680, 190, 330, 36, 30)
    let height = 40 + rows.count * (tierHeight + 3 * rowHeight + 10)
    let bandFill = ChartKit.Fill(id: "capacity-band", color: "#9fd8c4", texture: .hatch)

    page.open("section", ["aria-label": "Capacity and hiring"])
    page.element("h2", text: "Capacity and hiring")
    if result.interim != nil { page.element("p", text: ReviewMemo.interimCapacity(result)) }
    ChartKit.figure(
      "Each tier's capacity against its benchmark band",
      summary: rows.map { row in
        "\(tierLabel(row.tier, result)): "
          + gauges(row, configuration: configuration).map { gauge in
            let band = gauge.bandText == "no band" ? "no band" : "band \(gauge.bandText)"
            let flag = gauge.flag.map { $0 == gauge.valueText ? "" : ", \($0)" } ?? ""
            return "\(gauge.name): \(gauge.valueText) (\(band))\(flag)"
          }.joined(separator: "; ")
      }.joined(separator: ". "), width: width, height: height, to: &page,
      draw: { page in
        ChartKit.definePatterns([bandFill], to: &page)
        ChartKit.legend(
          [(bandFill.reference, "benchmark band"), (ChartKit.Color.ink, "this quarter")],
          x: left, y: 20, to: &page)
        var y = 40
        for row in rows {
          ChartKit.label(
            tierLabel(row.tier, result)
              + (configuration.tier(row.tier).coverage == .pooled ? ", pooled" : "")
              + ": \(ReviewMemo.counted(row.accounts, "account")), "
              + "\(ReviewMemo.counted(row.activeCSMs, "active CSM"))",
            x: 8, y: y + 20, size: 14, weight: "700", to: &page)
          y += tierHeight
          for gauge in gauges(row, configuration: configuration) {
            drawGauge(gauge, x: left, y: y, width: trackWidth, fill: bandFill, to: &page)
            y += rowHeight
          }
          y += 10
        }
      },
      numbers: { page in
        table(
          [
            "tier", "accounts", "ARR", "CSMs", "accounts/CSM (band)", "ARR/CSM (band)",
            "CSMs short", "coverage cost (max)", "flags",
          ],
          rows.map { capacityCells($0, configuration: configuration) },
          numeric: [1, 2, 3, 4, 5, 6, 7], to: &page)
      })
    let balance = rows.compactMap { CapacityTable.balanceCells($0, configuration: configuration) }
    if !balance.isEmpty {
      table(
        CapacityTable.balanceHeader(configuration), balance, numeric: [1, 2, 3, 4, 5, 6, 7],
        caption: CapacityTable.balanceCaption(configuration), to: &page)
    }
    let signals = CapacityTable.hiringSignals(rows, configuration: configuration)
    if signals.isEmpty {
      page.element("p", text: "No tier is short of CSMs at its default capacity.")
    } else {
      page.open("ul")
      for signal in signals { page.element("li", ["class": "warning"], text: signal) }
      page.close()
    }
    let held = HoldRule.heldLines(result, limit: result.configuration.memoListLimit)
    if !held.lines.isEmpty {
      page.element("p", text: HoldRule.heldListLead)
      page.open("ul")
      for line in held.lines { page.element("li", text: line) }
      if held.more > 0 { page.element("li", text: "…and \(held.more) more in reassignments.csv") }
      page.close()
    }
    page.closeLine()
  }

  /// One gauge: its name and band on the left, the track with the band shaded and the value
  /// marked, then the value and its flag.
  static func drawGauge(
    _ gauge: CapacityGauge, x: Int, y: Int, width: Int, fill: ChartKit.Fill,
    to page: inout MarkupWriter
  ) {
    ChartKit.label(gauge.name, x: 24, y: y + 14, to: &page)
    ChartKit.label(
      gauge.bandText == "no band" ? "no band" : "band \(gauge.bandText)", x: 24, y: y + 28,
      size: 11, color: "#444", to: &page)
    // The track runs from 0 to a quarter past the larger of the value and the band's top (an
    // open band: twice its bottom), so both show.
    let reach = max(gauge.value ?? 0, gauge.high ?? (gauge.low ?? 0) * 2, gauge.low ?? 0)
    let maximum = max(reach + reach / 4, 1)
    ChartKit.rect(
      x: x, y: y + 8, width: width, height: 16, fill: "#eeeeee", stroke: "#bbbbbb",
      to: &page)
    if gauge.low != nil || gauge.high != nil {
      let start = ChartKit.scaled(gauge.low ?? 0, width, of: maximum)
      let end = gauge.high.map { ChartKit.scaled($0, width, of: maximum) } ?? width
      ChartKit.rect(
        x: x + start, y: y + 8, width: max(2, end - start), height: 16, fill: fill.reference,
        stroke: ChartKit.Color.bluishGreen, to: &page)
    }
    let status = gauge.flag ?? (gauge.value == nil ? "" : "inside")
    if let value = gauge.value {
      let marker = x + ChartKit.scaled(value, width, of: maximum)
      ChartKit.line(x1: marker, y1: y + 2, x2: marker, y2: y + 30, width: 3, to: &page)
      ChartKit.label(
        "\(gauge.valueText) · \(status)", x: x + width + 10, y: y + 21,
        weight: gauge.flag == nil ? "normal" : "700", to: &page)
    } else {
      let flag = gauge.flag.map { $0 == gauge.valueText ? "" : " · \($0)" } ?? ""
      ChartKit.label(gauge.valueText + flag, x: x + width + 10, y: y + 21, weight: "700", to: &page)
    }
  }

  /// The cells of one row of `memo.md`'s capacity table, as plain text.
  static func capacityCells(_ row: CapacityRow, configuration: Configuration) -> [String] {
    let definition = configuration.tier(row.tier)
    let benchmark = definition.benchmark
    var flags = row.flags
    if row.unassigned > 0 { flags.append("\(row.unassigned) unassigned") }
    return [
      CapacityTable.tierLabel(row.tier, configuration: configuration)
        + (definition.coverage == .pooled ? ", pooled" : ""),
      grouped(row.accounts),
      row.arr.groupedWholeUnits,
      grouped(row.activeCSMs),
      (row.accountsPerCSM.map(CapacityTable.oneDecimalText) ?? "—")
        + CapacityTable.bandSuffix(benchmark.accountsPerCSM, text: { $0.description }, prefix: " ("),
      (row.arrPerCSM?.groupedWholeUnits ?? "—")
        + CapacityTable.bandSuffix(
          benchmark.arrPerCSM, text: CapacityTable.groupedUnits, prefix: " ("),
      grouped(row.csmsShort),
      (row.coverageCostShare.map(CapacityTable.roundedPercentText) ?? "—")
        + (benchmark.maximumCoverageCostShare.map { " (≤ \(CapacityTable.percentText($0)))" } ?? ""),
      flags.isEmpty ? "—" : flags.joined(separator: "; "),
    ]
  }
}
