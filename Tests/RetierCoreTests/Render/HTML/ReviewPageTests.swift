import Testing

@testable import RetierCore

@Suite("Review page (memo.html)")
struct ReviewPageTests {
  /// The demo drop decided once.
  private static func demo() throws -> RunResult {
    try Retier.decide(DemoDropGoldenTests.demoInput())
  }

  /// The rows of the first table after the heading `heading`, each as its cells' texts.
  private static func tableRows(after heading: String, in page: [UInt8]) throws -> [[String]] {
    let text = String(decoding: page, as: UTF8.self)
    let start = try #require(text.range(of: ">\(heading)</h"))
    let body = try #require(text.range(of: "<tbody>", range: start.upperBound..<text.endIndex))
    let end = try #require(text.range(of: "</tbody>", range: body.upperBound..<text.endIndex))
    let rows = text[body.upperBound..<end.lowerBound].split(separator: "</tr>")
    return try rows.compactMap { row in
      let markup = row.trimmingPrefix { $0 == "\n" }
      guard !markup.isEmpty else { return nil }
      return try StrictMarkup(Array(markup.utf8) + Array("</tr>".utf8)).texts.map(\.text)
    }
  }

  /// The rows of the Markdown table under `heading` in `memo`, without the header and rule.
  private static func markdownRows(after heading: String, in memo: [UInt8]) throws -> [[String]] {
    let lines = String(decoding: memo, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(lines.firstIndex(of: Substring(heading)))
    let table = lines[start...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
    return table.dropFirst(2).map { line in
      line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { cell in
        // The page sets a warning or an account id in bold by its style, not by `**`.
        cell.replacing("\\|", with: "|").replacing("**", with: "")
      }
    }
  }

  @Test("the demo page is well-formed, has no script, no event handler and nothing external")
  func selfContained() throws {
    let page = ReviewPage.render(try Self.demo().review)
    let document = try StrictMarkup(page)
    let text = String(decoding: page, as: UTF8.self)
    #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(!text.lowercased().contains("<script"))
    #expect(document.elements.allSatisfy { $0.name != "script" && $0.name != "link" })
    for element in document.elements {
      for attribute in element.attributes {
        #expect(!attribute.name.lowercased().hasPrefix("on"), "\(element.name) \(attribute.name)")
        #expect(!["href", "src", "xlink:href", "srcset", "action"].contains(attribute.name))
      }
    }
    // The one absolute URL is the SVG namespace name, which is never fetched.
    let namespace = "xmlns=\"http://www.w3.org/2000/svg\""
    let withoutNamespace = text.replacing(namespace, with: "")
    #expect(!withoutNamespace.contains("http:") && !withoutNamespace.contains("https:"))
    #expect(!withoutNamespace.contains("//"))
    #expect(!text.contains("@import"))
    // Every url(…) is a pattern of the page itself.
    #expect(text.ranges(of: "url(").count == text.ranges(of: "url(#").count)
    #expect(text.ranges(of: "url(").count > 0)
    // Print: page margins, and no chart or table split across pages.
    #expect(text.contains("@page {") && text.contains("break-inside: avoid"))
  }

  @Test("every chart is an image with a title and a label, and comes with a table")
  func chartsAccessible() throws {
    let page = ReviewPage.render(try Self.demo().review)
    let document = try StrictMarkup(page)
    let charts = document.elements.indices.filter { document.elements[$0].name == "svg" }
    #expect(charts.count == 5)
    for index in charts {
      let attributes = Dictionary(
        uniqueKeysWithValues: document.elements[index].attributes.map { ($0.name, $0.value) })
      #expect(attributes["role"] == "img")
      #expect((attributes["aria-label"] ?? "").count > 20)
      #expect(document.elements[index + 1].name == "title")
    }
    let text = String(decoding: page, as: UTF8.self)
    for figure in text.split(separator: "<figure>").dropFirst() {
      let body = figure.split(separator: "</figure>")[0]
      #expect(body.contains("<svg") && body.contains("<table>"))
    }
    #expect(document.elements.first?.attributes.first { $0.name == "lang" }?.value == "en")
  }

  @Test(
    "the tables hold the same figures as memo.md",
    arguments: [
      ("Tier counts", "## Tier counts"), ("Transitions", "## Transitions"),
    ])
  func sameFiguresAsMemo(pageHeading: String, memoHeading: String) throws {
    let result = try Self.demo()
    let page = try Self.tableRows(after: pageHeading, in: ReviewPage.render(result.review))
    let memo = try Self.markdownRows(
      after: memoHeading, in: RenderedRun.bytes("memo.md", of: result))
    #expect(!page.isEmpty)
    #expect(page == memo)
  }

  @Test("the capacity table holds memo.md's capacity rows")
  func capacityAsMemo() throws {
    let result = try Self.demo()
    let page = try Self.tableRows(
      after: "Capacity and hiring", in: ReviewPage.render(result.review))
    let memo = try Self.markdownRows(
      after: "## Capacity and hiring", in: RenderedRun.bytes("memo.md", of: result))
    #expect(page.count == result.configuration.tierCount)
    #expect(page == memo)
    // The hiring signal is the same sentence.
    let text = String(decoding: ReviewPage.render(result.review), as: UTF8.self)
    for signal in CapacityTable.hiringSignals(
      result.owners.capacity, configuration: result.configuration)
    {
      #expect(text.contains("<li><strong>\(signal)</strong></li>"))
    }
  }

  @Test("the score table counts every valid account once, by total")
  func scoreTable() throws {
    let result = try Self.demo()
    let rows = try Self.tableRows(after: "Score distribution", in: ReviewPage.render(result.review))
    var expected: [String: Int] = [:]
    for scores in result.ledger.scoreList { expected[scores.total.description, default: 0] += 1 }
    #expect(rows.count == expected.count)
    for row in rows { #expect(Int(row[1]) == expected[row[0]], "total \(row[0])") }
    #expect(rows.map { Int(row: $0) }.reduce(0, +) == result.book.ledger.accounts.count)
  }

  /// A book of `count` accounts over every tier and score, 1 in 4 placed for the first time,
  /// with lists cut at 20.
  private static func book(_ count: Int) throws -> RunResult {
    try RunResultFixtures.result(
      (0..<count).map { index in
        RunResultFixtures.AccountLine(
          id: "A-\(index)", arr: String(6_000 + index * 7_919 % 400_000),
          tier: ["1", "2", "3", ""][index % 4], fit: index % 6,
          ceiling: String(10_000 + index * 104_729 % 900_000))
      }, configure: { $0.memoListLimit = 20 })
  }

  @Test("the page does not grow with the book: the charts are aggregates, the lists are capped")
  func sizeIndependentOfBook() throws {
    let small = try StrictMarkup(ReviewPage.render(try Self.book(400).review))
    let large = try StrictMarkup(ReviewPage.render(try Self.book(8_000).review))
    // Both books fill every list to its limit; only the charts' numbers can differ a little.
    #expect(large.elements.count <= small.elements.count + 200)
    #expect(large.elements.count < 5_000)
  }

  /// Names and ids that try to become markup, with the reliability suite's hostile values.
  static let hostileTexts =
    [
      "<script>alert(1)</script>", "\"><svg onload=alert(1)>", "' onmouseover='alert(1)",
      "</td></tr></table><img src=x>", "&lt;already escaped&gt;", "<!-- comment -->",
      "]]><x>", "javascript:alert(1)", "url(https://evil.example/x.png)",
    ] + HostileValueTests.hostileNames.filter { !$0.isEmpty }

  @Test("hostile names, ids and tier names stay text, and read back as they were")
  func hostileTextStaysText() throws {
    // Small accounts with a large ceiling land in the low-ARR / high-expansion list by name and
    // id; the large ones keep the median high.
    var lines: [RunResultFixtures.AccountLine] = []
    // The fixture writes CSV by hand: a CR LF inside a field would end its row.
    let ids = HostileValueTests.hostileIDs.filter { !$0.contains("\r\n") }
    for (index, id) in ids.enumerated() {
      lines.append(
        .init(
          id: id, arr: "6000", tier: "2", ceiling: "20000",
          name: Self.hostileTexts[index % Self.hostileTexts.count]))
    }
    for index in 0..<40 { lines.append(.init(id: "BIG-\(index)", arr: "100000", tier: "1")) }
    let result = try RunResultFixtures.result(lines) { configuration in
      configuration.tiers[0].name = "<script>alert('tier')</script>"
      configuration.tiers[1].name = "\"><svg onload=alert(2)>"
    }
    let page = ReviewPage.render(result.review)
    let document = try StrictMarkup(page)
    #expect(document.elements.allSatisfy { !["script", "img", "x"].contains($0.name) })
    #expect(
      document.elements.allSatisfy { element in
        element.attributes.allSatisfy { !$0.name.hasPrefix("on") && $0.name != "src" }
      })
    let text = String(decoding: page, as: UTF8.self)
    #expect(!text.contains("<script") && !text.contains("<svg onload") && !text.contains("<img"))
    // Every valid hostile account is listed, its id and name read back with control
    // characters as spaces.
    let cells = Set(document.texts.map(\.text))
    let quadrant = ReviewDocument.growthQuadrantRefs(result)
    #expect(quadrant.count == result.book.ledger.accounts.count - 40)
    #expect(quadrant.count >= ids.count - 2)
    for index in quadrant.prefix(result.configuration.memoListLimit) {
      let account = result.ledger[index]
      #expect(cells.contains(Self.asText(account.id)), "\(account.id.prefix(40))")
      #expect(cells.contains(Self.asText(account.name)), "\(account.name.prefix(40))")
    }
    #expect(document.allText.contains("Tier 1 (<script>alert('tier')</script>)"))
    #expect(document.allText.contains("Tier 2 (\"><svg onload=alert(2)>)"))
  }

  /// `text` as the page shows it: control characters and separators as spaces.
  private static func asText(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          switch scalar.value {
          case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: " "
          default: scalar
          }
        }))
  }
}

extension Int {
  /// The accounts column of a score-table row.
  fileprivate init(row: [String]) { self = Int(row[1]) ?? 0 }
}
