extension ReviewPage {
  /// Each tier's gauges (accounts per CSM, ARR per CSM and coverage cost against its benchmark
  /// band), then `numbers`.
  static func drawCapacity(
    _ groups: [CapacityGaugeGroup], to page: inout MarkupWriter,
    numbers: (inout MarkupWriter) -> Void
  ) {
    let (width, left, trackWidth, rowHeight, tierHeight) = (680, 190, 330, 36, 30)
    let gaugeCount = groups.reduce(0) { $0 + $1.gauges.count }
    let height = 40 + groups.count * (tierHeight + 10) + gaugeCount * rowHeight
    let bandFill = ChartKit.Fill(id: "capacity-band", color: "#9fd8c4", texture: .hatch)
    ChartKit.figure(
      "Each tier's capacity against its benchmark band",
      summary: groups.map { group in
        "\(group.title): "
          + group.gauges.map { gauge in
            let status =
              gauge.status.isEmpty || gauge.status == gauge.valueText ? "" : ", \(gauge.status)"
            return "\(gauge.name): \(gauge.valueText) (\(gauge.bandText))\(status)"
          }.joined(separator: "; ")
      }.joined(separator: ". "), width: width, height: height, to: &page,
      draw: { page in
        ChartKit.definePatterns([bandFill], to: &page)
        ChartKit.legend(
          [(bandFill.reference, "benchmark band"), (ChartKit.Color.ink, "this quarter")],
          x: left, y: 20, to: &page)
        var y = 40
        for group in groups {
          ChartKit.label(group.title, x: 8, y: y + 20, size: 14, weight: "700", to: &page)
          y += tierHeight
          for gauge in group.gauges {
            drawGauge(gauge, x: left, y: y, width: trackWidth, fill: bandFill, to: &page)
            y += rowHeight
          }
          y += 10
        }
      },
      numbers: numbers)
  }

  /// One gauge: its name and band on the left, the track with the band shaded and the value
  /// marked, then the value and its status.
  static func drawGauge(
    _ gauge: CapacityGauge, x: Int, y: Int, width: Int, fill: ChartKit.Fill,
    to page: inout MarkupWriter
  ) {
    ChartKit.label(gauge.name, x: 24, y: y + 14, to: &page)
    ChartKit.label(gauge.bandText, x: 24, y: y + 28, size: 11, color: "#444", to: &page)
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
    if let value = gauge.value {
      let marker = x + ChartKit.scaled(value, width, of: maximum)
      ChartKit.line(x1: marker, y1: y + 2, x2: marker, y2: y + 30, width: 3, to: &page)
    }
    let status =
      gauge.status.isEmpty || gauge.status == gauge.valueText ? "" : " · \(gauge.status)"
    ChartKit.label(
      gauge.valueText + status, x: x + width + 10, y: y + 21,
      weight: gauge.isFlagged || gauge.value == nil ? "700" : "normal", to: &page)
  }
}
