extension ReviewPage {
  /// Tier counts before and after as grouped bars, then `numbers`.
  static func drawTierCounts(
    _ counts: TierCounts, configuration: Configuration, to page: inout MarkupWriter,
    numbers: (inout MarkupWriter) -> Void
  ) {
    let tierCount = configuration.tierCount
    // Tiers, then `new` when anything is counted there.
    let slots = Array(1...tierCount) + (counts.before[0] + counts.after[0] > 0 ? [0] : [])
    let names = slots.map { $0 == 0 ? ReviewWording.newTier : tierLabel($0, configuration) }
    let before = ChartKit.Fill(id: "counts-before", color: ChartKit.Color.skyBlue, texture: .solid)
    let after = ChartKit.Fill(id: "counts-after", color: ChartKit.Color.blue, texture: .hatch)
    let ticks = ChartKit.ticks(upTo: slots.map { max(counts.before[$0], counts.after[$0]) }.max()!)
    let (width, height) = (640, 320)
    let (left, right, top, bottom) = (72, 16, 44, 52)
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let groupWidth = plotWidth / slots.count
    let barWidth = min(64, groupWidth * 3 / 8)

    ChartKit.figure(
      "Accounts per tier, before and after this run",
      summary: slots.indices.map {
        "\(names[$0]): \(counts.before[slots[$0]]) before, \(counts.after[slots[$0]]) after"
      }.joined(separator: "; "), width: width, height: height, to: &page,
      draw: { page in
        ChartKit.definePatterns([after], to: &page)
        ChartKit.legend(
          [(before.reference, "before (CRM tier)"), (after.reference, "after this run")],
          x: left, y: 20, to: &page)
        drawValueAxis(
          ticks, left: left, top: top, width: plotWidth, height: plotHeight,
          title: ReviewWording.Column.accounts,
          to: &page)
        for (position, slot) in slots.enumerated() {
          let center = left + groupWidth * position + groupWidth / 2
          for (offset, fill, value) in [
            (-barWidth - 2, before, counts.before[slot]), (2, after, counts.after[slot]),
          ] {
            let barHeight = ChartKit.scaled(value, plotHeight, of: ticks.last!)
            ChartKit.rect(
              x: center + offset, y: top + plotHeight - barHeight, width: barWidth,
              height: barHeight, fill: fill.reference, stroke: ChartKit.Color.ink, to: &page)
            ChartKit.label(
              grouped(value), x: center + offset + barWidth / 2,
              y: top + plotHeight - barHeight - 4, anchor: "middle", to: &page)
          }
          // The number and the name on two lines, so that long names do not run together.
          ChartKit.label(
            ReviewWording.tier(slot == 0 ? nil : slot), x: center, y: top + plotHeight + 18,
            anchor: "middle", to: &page)
          if slot > 0 {
            ChartKit.label(
              configuration.tier(slot).name, x: center, y: top + plotHeight + 32,
              anchor: "middle", size: 11, to: &page)
          }
        }
        ChartKit.label(
          ReviewWording.Column.tier, x: left + plotWidth / 2, y: height - 4, anchor: "middle",
          weight: "600",
          to: &page)
      },
      numbers: numbers)
  }

  /// A vertical value axis: gridlines at `ticks` (the last is the top) with their values, and
  /// the axis title.
  static func drawValueAxis(
    _ ticks: [Int], left: Int, top: Int, width: Int, height: Int, title: String,
    to page: inout MarkupWriter
  ) {
    for tick in ticks {
      let y = top + height - ChartKit.scaled(tick, height, of: ticks.last!)
      ChartKit.line(
        x1: left, y1: y, x2: left + width, y2: y, color: tick == 0 ? ChartKit.Color.ink : "#ddd",
        to: &page)
      ChartKit.label(grouped(tick), x: left - 6, y: y + 4, anchor: "end", to: &page)
    }
    page.element(
      "text",
      [
        "x": "0", "y": "0", "transform": "translate(14 \(top + height / 2)) rotate(-90)",
        "text-anchor": "middle", "font-size": "12", "font-weight": "600",
      ], text: title)
  }

  /// The transition matrix as a heat map (darker: more accounts; the diagonal outlined), then
  /// `numbers`.
  static func drawTransitions(
    _ matrix: TransitionMatrix, configuration: Configuration, to page: inout MarkupWriter,
    numbers: (inout MarkupWriter) -> Void
  ) {
    let tierCount = configuration.tierCount
    let rowNames = (0...tierCount).map { ReviewWording.tier($0 == 0 ? nil : $0) }
    let (cellWidth, cellHeight) = (104, 44)
    let (left, top) = (150, 64)
    let width = left + cellWidth * tierCount + 24
    let height = top + cellHeight * (tierCount + 1) + 44
    let largest = matrix.largestCell

    ChartKit.figure(
      "Transition matrix: accounts from CRM tier to tier after this run",
      summary: (0...tierCount).map { from in
        "\(rowNames[from]): "
          + (1...tierCount).map { "\(matrix.count(from: from, to: $0)) to Tier \($0)" }
          .joined(separator: ", ")
      }.joined(separator: "; "), width: width, height: height, to: &page,
      draw: { page in
        ChartKit.label(
          "tier after this run →", x: left + cellWidth * tierCount / 2, y: 20, anchor: "middle",
          weight: "600", to: &page)
        ChartKit.label("CRM tier ↓", x: 8, y: 20, weight: "600", to: &page)
        for to in 1...tierCount {
          ChartKit.label(
            "Tier \(to)", x: left + cellWidth * (to - 1) + cellWidth / 2, y: top - 10,
            anchor: "middle", to: &page)
        }
        for from in 0...tierCount {
          let y = top + cellHeight * from
          ChartKit.label(
            rowNames[from], x: left - 10, y: y + cellHeight / 2 + 4, anchor: "end",
            to: &page)
          for to in 1...tierCount {
            let value = matrix.count(from: from, to: to)
            let x = left + cellWidth * (to - 1)
            // White to Okabe–Ito blue (0, 114, 178) by the share of the largest cell: lightness
            // alone carries the value, so it survives grey print.
            let shade = ChartKit.scaled(value, 1_000, of: largest)
            let color = heatColor(shade)
            ChartKit.rect(
              x: x, y: y, width: cellWidth, height: cellHeight, fill: color,
              stroke: from == to ? ChartKit.Color.ink : "#ffffff", strokeWidth: from == to ? 3 : 1,
              to: &page)
            ChartKit.label(
              grouped(value), x: x + cellWidth / 2, y: y + cellHeight / 2 + 5, anchor: "middle",
              size: 14, weight: from == to ? "700" : "normal",
              color: shade > 550 ? "#ffffff" : ChartKit.Color.ink, to: &page)
          }
        }
        let legendY = top + cellHeight * (tierCount + 1) + 28
        ChartKit.rect(
          x: left, y: legendY - 11, width: 14, height: 14, fill: heatColor(150),
          stroke: ChartKit.Color.ink, to: &page)
        ChartKit.rect(
          x: left + 16, y: legendY - 11, width: 14, height: 14, fill: heatColor(1_000),
          stroke: ChartKit.Color.ink, to: &page)
        ChartKit.label(
          "darker: more accounts; outlined: kept its tier", x: left + 38, y: legendY, to: &page)
      },
      numbers: numbers)
  }

  /// The heat map's colour for a shade of 0 (white) to 1000 (Okabe–Ito blue).
  static func heatColor(_ shade: Int) -> String {
    let channels = [(255, 0), (255, 114), (255, 178)].map { white, blue in
      white - (white - blue) * shade / 1_000
    }
    return "rgb(\(channels[0]),\(channels[1]),\(channels[2]))"
  }
}
