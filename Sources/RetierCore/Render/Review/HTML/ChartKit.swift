/// The drawing kit of `memo.html`'s charts: the Okabe–Ito palette, fill patterns that tell
/// series apart when printed in grey, axis ticks, and the SVG elements the charts repeat.
///
/// Coordinates are whole pixels of the chart's `viewBox`, computed in integers: the same figures
/// always give the same bytes.
enum ChartKit {
  /// Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
  enum Color {
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let bluishGreen = "#009E73"
    static let yellow = "#F0E442"
    static let blue = "#0072B2"
    static let vermillion = "#D55E00"
    static let reddishPurple = "#CC79A7"
    static let grey = "#999999"
    static let ink = "#1a1a1a"
  }

  /// A texture drawn over a fill colour, so that series differ in grey print too.
  enum Texture: CaseIterable {
    /// The colour alone.
    case solid
    /// Diagonal white lines.
    case hatch
    /// White dots.
    case dots
    /// Crossing white lines.
    case crossHatch
  }

  /// A fill: a colour and a texture, referenced by a pattern id unique in the page.
  struct Fill {
    /// The pattern's id, unique in the page (`<chart>-<series>`).
    var id: String
    /// The base colour.
    var color: String
    /// The texture over it.
    var texture: Texture

    /// The value of a `fill` attribute: the colour itself when solid, else the pattern.
    var reference: String { texture == .solid ? color : "url(#\(id))" }
  }

  /// The fill of tier `tier` in charts that colour by tier: Tier 1 blue, Tier 2 orange, Tier 3
  /// bluish green, then the rest of the palette, each tier with its own texture.
  static func tierFill(_ tier: Int, chart: String) -> Fill {
    let colors = [
      Color.blue, Color.orange, Color.bluishGreen, Color.reddishPurple, Color.skyBlue,
      Color.vermillion, Color.yellow,
    ]
    let textures = Texture.allCases
    return Fill(
      id: "\(chart)-tier\(tier)", color: colors[(tier - 1) % colors.count],
      texture: textures[(tier - 1) % textures.count])
  }

  /// `<defs>` with a pattern for each textured fill.
  static func definePatterns(_ fills: [Fill], to page: inout MarkupWriter) {
    let textured = fills.filter { $0.texture != .solid }
    guard !textured.isEmpty else { return }
    page.open("defs")
    for fill in textured {
      page.open(
        "pattern",
        [
          "id": fill.id, "width": "8", "height": "8", "patternUnits": "userSpaceOnUse",
          "patternTransform": fill.texture == .dots ? "rotate(0)" : "rotate(45)",
        ])
      page.empty("rect", ["width": "8", "height": "8", "fill": fill.color])
      switch fill.texture {
      case .solid: break
      case .hatch:
        page.empty(
          "line",
          ["x1": "0", "y1": "0", "x2": "0", "y2": "8", "stroke": "#fff", "stroke-width": "3"])
      case .crossHatch:
        page.empty(
          "line",
          ["x1": "0", "y1": "0", "x2": "0", "y2": "8", "stroke": "#fff", "stroke-width": "2"])
        page.empty(
          "line",
          ["x1": "0", "y1": "0", "x2": "8", "y2": "0", "stroke": "#fff", "stroke-width": "2"])
      case .dots:
        page.empty("circle", ["cx": "4", "cy": "4", "r": "1.6", "fill": "#fff"])
      }
      page.close()
    }
    page.closeLine()
  }

  /// A chart: a `<figure>` with its caption, then the SVG (`role="img"`, labelled by `title`
  /// and `summary`, with a `<title>` and a `<desc>`), then the table `numbers` writes.
  static func figure(
    _ title: String, summary: String, width: Int, height: Int, to page: inout MarkupWriter,
    draw: (inout MarkupWriter) -> Void, numbers: (inout MarkupWriter) -> Void
  ) {
    page.open("figure")
    page.element("figcaption", text: title)
    page.newline()
    page.open(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(width) \(height)",
        "width": String(width), "height": String(height), "role": "img",
        "aria-label": "\(title). \(summary)",
      ])
    page.element("title", text: title)
    page.element("desc", text: summary)
    page.newline()
    draw(&page)
    page.closeLine()
    numbers(&page)
    page.closeLine()
  }

  /// A text label at (x, y); `anchor` is `start`, `middle` or `end`.
  static func label(
    _ text: String, x: Int, y: Int, anchor: String = "start", size: Int = 12,
    weight: String = "normal", color: String = Color.ink, to page: inout MarkupWriter
  ) {
    page.element(
      "text",
      [
        "x": String(x), "y": String(y), "text-anchor": anchor, "font-size": String(size),
        "font-weight": weight, "fill": color,
      ], text: text)
  }

  /// A rectangle; `fill` is a colour or a pattern reference.
  static func rect(
    x: Int, y: Int, width: Int, height: Int, fill: String, stroke: String = "none",
    strokeWidth: Int = 1, to page: inout MarkupWriter
  ) {
    page.empty(
      "rect",
      [
        "x": String(x), "y": String(y), "width": String(max(0, width)),
        "height": String(max(0, height)), "fill": fill, "stroke": stroke,
        "stroke-width": String(strokeWidth),
      ])
  }

  /// A straight line.
  static func line(
    x1: Int, y1: Int, x2: Int, y2: Int, color: String = Color.ink, width: Int = 1,
    dashed: Bool = false, to page: inout MarkupWriter
  ) {
    page.empty(
      "line",
      [
        "x1": String(x1), "y1": String(y1), "x2": String(x2), "y2": String(y2), "stroke": color,
        "stroke-width": String(width), "stroke-dasharray": dashed ? "5 4" : "none",
      ])
  }

  /// Legend entries in one row from (x, y): a swatch and its label each.
  static func legend(
    _ entries: [(fill: String, label: String)], x: Int, y: Int, to page: inout MarkupWriter
  ) {
    var cursor = x
    for entry in entries {
      rect(
        x: cursor, y: y - 11, width: 14, height: 14, fill: entry.fill, stroke: Color.ink,
        to: &page)
      label(entry.label, x: cursor + 20, y: y, to: &page)
      // An estimate of the label's width: the legend only needs to not overlap.
      cursor += 20 + 7 * entry.label.count + 18
    }
  }

  /// Gridline values for an axis from 0 to at least `maximum`: a step of 1, 2 or 5 times a
  /// power of ten, at most about six gridlines; the last value is the axis top.
  static func ticks(upTo maximum: Int) -> [Int] {
    let target = max(maximum, 1)
    var magnitude = 1
    while true {
      for factor in [1, 2, 5] {
        let step = factor * magnitude
        if (target + step - 1) / step <= 5 {
          let top = (target + step - 1) / step * step
          return Array(stride(from: 0, through: top, by: step))
        }
      }
      magnitude *= 10
    }
  }

  /// `value × length ÷ maximum`, rounded down, for a `maximum` above 0 (0 otherwise).
  static func scaled(_ value: Int, _ length: Int, of maximum: Int) -> Int {
    guard maximum > 0 else { return 0 }
    return Int(Int128(value) * Int128(length) / Int128(maximum))
  }

  /// `value × length ÷ maximum` for exact figures, rounded down and clamped to `0...length`.
  static func scaled(_ value: Int128, _ length: Int, of maximum: Int128) -> Int {
    guard maximum > 0 else { return 0 }
    return Int(min(max(value * Int128(length) / maximum, 0), Int128(length)))
  }
}
