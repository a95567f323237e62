extension ReviewPage {
  /// The direction of a flow between tiers, with its fill and its word in the table.
  enum Flow: CaseIterable {
    /// The account kept its tier.
    case kept
    /// To a higher tier.
    case promotion
    /// To a lower tier.
    case demotion
    /// From a blank CRM tier.
    case firstPlacement

    /// The flow from CRM tier `from` (0: blank) to tier `to`.
    init(from: Int, to: Int) {
      self =
        from == 0 ? .firstPlacement : from == to ? .kept : to < from ? .promotion : .demotion
    }

    /// The word in the table and the legend.
    var word: String {
      switch self {
      case .kept: ReviewDocument.flowWord(nil)
      case .promotion: ReviewDocument.flowWord(.promotion)
      case .demotion: ReviewDocument.flowWord(.demotion)
      case .firstPlacement: ReviewDocument.flowWord(.firstPlacement)
      }
    }

    /// The band's fill: grey for kept, then one colour and texture per movement.
    var fill: ChartKit.Fill {
      switch self {
      case .kept: ChartKit.Fill(id: "flow-kept", color: "#c8c8c8", texture: .solid)
      case .promotion:
        ChartKit.Fill(id: "flow-promotion", color: ChartKit.Color.bluishGreen, texture: .hatch)
      case .demotion:
        ChartKit.Fill(id: "flow-demotion", color: ChartKit.Color.vermillion, texture: .crossHatch)
      case .firstPlacement:
        ChartKit.Fill(id: "flow-first", color: ChartKit.Color.orange, texture: .dots)
      }
    }
  }

  /// The flows between tiers as bands from the CRM tiers (left) to the tiers after the run
  /// (right), each as wide as its number of accounts, with a table of every flow.
  static func drawFlows(
    _ matrix: TransitionMatrix, configuration: Configuration, to page: inout MarkupWriter,
    numbers: (inout MarkupWriter) -> Void
  ) {
    let tierCount = configuration.tierCount
    let total = matrix.total
    let leftNodes = (0...tierCount).filter { matrix.rowTotal($0) > 0 }
    let rightNodes = (1...tierCount).filter { matrix.columnTotal($0) > 0 }
    let (width, height) = (680, 400)
    let (top, gap, nodeWidth) = (40, 14, 14)
    let (leftX, rightX) = (170, 680 - 170 - nodeWidth)
    let available = height - top - 50 - gap * (max(leftNodes.count, rightNodes.count) - 1)
    let flows = (0...tierCount).flatMap { from in
      (1...tierCount).compactMap { to in
        matrix.count(from: from, to: to) > 0 ? (from, to, matrix.count(from: from, to: to)) : nil
      }
    }
    let fromName = { (tier: Int) in
      tier == 0 ? ReviewWording.newTier : tierLabel(tier, configuration)
    }
    ChartKit.figure(
      "Where each CRM tier's accounts went",
      summary: flows.map { "\(fromName($0.0)) to Tier \($0.1): \($0.2)" }
        .joined(separator: "; "), width: width, height: height, to: &page,
      draw: { page in
        ChartKit.definePatterns(Flow.allCases.map(\.fill), to: &page)
        ChartKit.label(
          "CRM tier (before)", x: leftX + nodeWidth, y: 20, anchor: "end",
          weight: "600", to: &page)
        ChartKit.label("after this run", x: rightX, y: 20, weight: "600", to: &page)
        // The y of `count` accounts into the stack, below `node` gaps.
        let y = { (count: Int, node: Int) in
          top + gap * node + ChartKit.scaled(count, available, of: total)
        }
        // Each node's first account in the stack of its side.
        var leftStart: [Int: Int] = [:]
        var start = 0
        for from in leftNodes {
          leftStart[from] = start
          start += matrix.rowTotal(from)
        }
        var rightStart: [Int: Int] = [:]
        start = 0
        for to in rightNodes {
          rightStart[to] = start
          start += matrix.columnTotal(to)
        }
        // Bands first, nodes over them. A band leaves its left node in the order of the
        // tiers it goes to and enters its right node in the order of the tiers it came from.
        var leftUsed: [Int: Int] = [:]
        var rightUsed: [Int: Int] = [:]
        for (from, to, count) in flows.sorted(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
          let leftIndex = leftNodes.firstIndex(of: from)!
          let rightIndex = rightNodes.firstIndex(of: to)!
          let leftOffset = leftStart[from]! + leftUsed[from, default: 0]
          let rightOffset = rightStart[to]! + rightUsed[to, default: 0]
          rightUsed[to, default: 0] += count
          leftUsed[from, default: 0] += count
          let (y1, y2) = (y(leftOffset, leftIndex), y(leftOffset + count, leftIndex))
          let (y3, y4) = (y(rightOffset, rightIndex), y(rightOffset + count, rightIndex))
          let (x1, x2) = (leftX + nodeWidth, rightX)
          let middle = (x1 + x2) / 2
          let flow = Flow(from: from, to: to)
          page.empty(
            "path",
            [
              "d": "M\(x1) \(y1)C\(middle) \(y1) \(middle) \(y3) \(x2) \(y3)L\(x2) \(y4)"
                + "C\(middle) \(y4) \(middle) \(y2) \(x1) \(y2)Z",
              "fill": flow.fill.reference, "fill-opacity": "0.75", "stroke": flow.fill.color,
              "stroke-width": "1",
            ])
        }
        for (index, from) in leftNodes.enumerated() {
          let (y1, y2) = (
            y(leftStart[from]!, index), y(leftStart[from]! + matrix.rowTotal(from), index)
          )
          ChartKit.rect(
            x: leftX, y: y1, width: nodeWidth, height: max(1, y2 - y1), fill: ChartKit.Color.ink,
            to: &page)
          ChartKit.label(
            "\(fromName(from)): \(grouped(matrix.rowTotal(from)))",
            x: leftX - 8, y: (y1 + y2) / 2 + 4, anchor: "end", to: &page)
        }
        for (index, to) in rightNodes.enumerated() {
          let (y1, y2) = (
            y(rightStart[to]!, index), y(rightStart[to]! + matrix.columnTotal(to), index)
          )
          ChartKit.rect(
            x: rightX, y: y1, width: nodeWidth, height: max(1, y2 - y1), fill: ChartKit.Color.ink,
            to: &page)
          ChartKit.label(
            "\(tierLabel(to, configuration)): \(grouped(matrix.columnTotal(to)))",
            x: rightX + nodeWidth + 8, y: (y1 + y2) / 2 + 4, to: &page)
        }
        ChartKit.legend(
          Flow.allCases.map { ($0.fill.reference, $0.word) }, x: 24, y: height - 14, to: &page)
      },
      numbers: numbers)
  }
}
