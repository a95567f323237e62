extension ReviewPage {
  /// The distribution of total scores, a bar per total present, coloured by the tier line it
  /// reaches, with each tier's line marked; and the table of every bar.
  static func drawScores(
    _ distribution: ScoreDistribution, configuration: Configuration,
    to page: inout MarkupWriter, numbers: (inout MarkupWriter) -> Void
  ) {
    let lines = (1...configuration.tierCount).map { ($0, configuration.tier($0).minScore) }
    let unit = ExactDecimal.scale
    // The axis runs from the lower of 0 and the lowest total to one point past the higher of the
    // highest total and the highest line, so each bar sits over its total.
    let lowest = min(0, distribution.bins.first?.total.millionths ?? 0)
    let highest = max(
      distribution.bins.last?.total.millionths ?? 0, lines.map(\.1.millionths).max() ?? 0)
    let span = highest - lowest + unit
    let ticks = ChartKit.ticks(upTo: distribution.largestBin)
    let (width, height) = (680, 340)
    let (left, right, top, bottom) = (72, 16, 56, 52)
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let x = { (value: Int128) in
      left + ChartKit.scaled(value - lowest + unit / 2, plotWidth, of: span)
    }
    // Bars as wide as 0.7 of the closest two totals (at most a point apart).
    let totals = distribution.bins.map(\.total.millionths)
    let closest =
      zip(totals, totals.dropFirst()).map { $1 - $0 }.min().map { min($0, unit) } ?? unit
    let barWidth = max(2, ChartKit.scaled(closest * 7 / 10, plotWidth, of: span))
    let fills = (1...configuration.tierCount).map { ChartKit.tierFill($0, chart: "scores") }

    ChartKit.figure(
      "Valid accounts by total score, with the tier lines",
      summary: "Tier lines: "
        + lines.map { "\(tierLabel($0.0, configuration)) at \($0.1)" }.joined(separator: ", ")
        + ". "
        + distribution.bins.map { "total \($0.total): \($0.accounts)" }.joined(separator: "; "),
      width: width, height: height, to: &page,
      draw: { page in
        ChartKit.definePatterns(fills, to: &page)
        ChartKit.legend(
          fills.indices.map { (fills[$0].reference, "reaches the Tier \($0 + 1) line") }, x: left,
          y: 20, to: &page)
        drawValueAxis(
          ticks, left: left, top: top, width: plotWidth, height: plotHeight,
          title: ReviewWording.Column.accounts,
          to: &page)
        for bin in distribution.bins {
          let barHeight = ChartKit.scaled(bin.accounts, plotHeight, of: ticks.last!)
          let center = x(bin.total.millionths)
          let tier = ReviewDocument.rubricTier(of: bin.total, configuration)
          ChartKit.rect(
            x: center - barWidth / 2, y: top + plotHeight - barHeight, width: barWidth,
            height: barHeight, fill: fills[tier - 1].reference, stroke: ChartKit.Color.ink,
            to: &page)
        }
        // Whole-point ticks, thinned to at most about 20 labels.
        let firstPoint = Int(lowest / unit)
        let lastPoint = Int(highest / unit)
        let pointStep = max(1, (lastPoint - firstPoint + 19) / 20)
        for point in stride(from: firstPoint, through: lastPoint, by: pointStep) {
          let tickX = x(Int128(point) * unit)
          ChartKit.line(
            x1: tickX, y1: top + plotHeight, x2: tickX, y2: top + plotHeight + 5, to: &page)
          ChartKit.label(
            String(point), x: tickX, y: top + plotHeight + 19, anchor: "middle", to: &page)
        }
        ChartKit.label(
          ReviewWording.Column.totalScore, x: left + plotWidth / 2, y: height - 10,
          anchor: "middle",
          weight: "600", to: &page)
        // A line sits just left of the bars of the totals that reach it.
        for (index, (tier, line)) in lines.enumerated() {
          let lineX = x(line.millionths) - barWidth / 2 - 2
          ChartKit.line(
            x1: lineX, y1: top - 8 + 14 * (index % 2), x2: lineX, y2: top + plotHeight,
            width: 2, dashed: true, to: &page)
          ChartKit.label(
            "Tier \(tier) ≥ \(line)", x: lineX + 4, y: top - 10 + 14 * (index % 2),
            weight: "600", to: &page)
        }
      },
      numbers: numbers)
  }
}
