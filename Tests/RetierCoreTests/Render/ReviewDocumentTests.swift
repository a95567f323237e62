import Foundation
import Testing

@testable import RetierCore

@Suite("Review document (memo.md and memo.html from one source)")
struct ReviewDocumentTests {
  /// The demo drop decided once.
  private static func demo() throws -> RunResult {
    try Retier.decide(DemoDropGoldenTests.demoInput())
  }

  /// The Swift files of the review: the document, its builders and its two writers, the
  /// capacity table's wording and the run summary.
  private static func reviewSources() throws -> [(path: String, text: String)] {
    let folder = RepositoryFiles.url("Sources/RetierCore/Render/Review")
    let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
    // ChartKit and MarkupWriter hold the markup's own vocabulary (`"line"` is an SVG element),
    // no review wording.
    var paths = enumerator.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".swift") && !$0.hasSuffix("ChartKit.swift") }
      .filter { !$0.hasSuffix("MarkupWriter.swift") }
      .map { "Sources/RetierCore/Render/Review/" + $0 }
    paths += [
      "Sources/RetierCore/Assign/CapacityTable+Rendering.swift",
      "Sources/RetierCLI/RunSummary.swift",
    ]
    return try paths.sorted().map { path in
      (path, String(decoding: try #require(RepositoryFiles.bytes(path)), as: UTF8.self))
    }
  }

  /// A heading without its count: `Promotions (14)` → `Promotions`.
  private static func withoutCount(_ heading: String) -> String {
    guard heading.hasSuffix(")"), let open = heading.lastIndex(of: "(") else { return heading }
    return String(heading[..<open]).trimmingCharacters(in: .whitespaces)
  }

  @Test("no heading, column title or status word is a string literal in more than one file")
  func wordedOnce() throws {
    let document = try Self.demo().review
    var words: Set<String> = []
    for section in document.sections {
      words.insert(Self.withoutCount(section.heading))
      for block in section.blocks {
        switch block {
        case .subheading(let title): words.insert(Self.withoutCount(title))
        case .table(let table), .chart(_, numbers: let table?):
          words.formUnion(table.columns.map(\.title))
          for row in table.rows {
            for cell in row { if case .status(let word, _) = cell { words.insert(word) } }
          }
        default: break
        }
      }
    }
    words.formUnion([
      ReviewWording.newTier, ReviewWording.inside, ReviewWording.outside, ReviewWording.overCap,
      ReviewWording.full, ReviewWording.noActiveCSM,
    ])
    #expect(words.count > 40)
    let sources = try Self.reviewSources()
    #expect(sources.count > 10)
    for word in words.sorted() {
      let files = sources.filter { Self.writes(word, in: $0.text) }.map(\.path)
      #expect(files.count <= 1, "\"\(word)\" is written in \(files)")
    }
  }

  /// Whether `text` holds `word` as a string literal, outside comments, attribute keys
  /// (`"name": "viewport"`) and the noun of a count (`counted(n, "account")`).
  private static func writes(_ word: String, in text: String) -> Bool {
    let literal = "\"\(word)\""
    return text.split(separator: "\n").contains { line in
      let code = line.trimmingCharacters(in: .whitespaces)
      guard !code.hasPrefix("//"), let range = code.range(of: literal) else { return false }
      let after = code[range.upperBound...]
      return !after.hasPrefix(":") && !code.contains("counted(") && !code.contains("Counted(")
    }
  }

  @Test("the writers hold no review logic: no counting, sorting, filtering or interim branch")
  func thinWriters() throws {
    for path in [
      "Sources/RetierCore/Render/Review/ReviewMemo.swift",
      "Sources/RetierCore/Render/Review/HTML/ReviewPage.swift",
    ] {
      let text = String(decoding: try #require(RepositoryFiles.bytes(path)), as: UTF8.self)
      for token in ["interim", ".sort", ".filter", ".count {", "ledger", "tiering", "Heading."] {
        #expect(!text.contains(token), "\(path) holds \(token)")
      }
    }
  }

  @Test("both formats list the moves before the near-line list, in one order of sections")
  func decisionsFirst() throws {
    let result = try Self.demo()
    let memo = String(decoding: RenderedRun.bytes("memo.md", of: result), as: UTF8.self)
    let page = String(decoding: ReviewPage.render(result.review), as: UTF8.self)
    let order = [
      "Run facts", "Tier counts", "Transitions", "First placements", "Promotions", "Demotions",
      "Conversations by holder", "Capacity and hiring", "Rejected rows", "Overrides", "Guardrails",
      "Within one point of a line", "Across quarters",
    ]
    for text in [memo, page] {
      let positions = try order.map { heading in
        try #require(text.range(of: heading)?.lowerBound, "\(heading)")
      }
      #expect(positions == positions.sorted())
    }
  }

  @Test("memo.html names every account moved into or out of a named tier, up to the limit")
  func pageNamesTheMoves() throws {
    let result = try Self.demo()
    let page = String(decoding: ReviewPage.render(result.review), as: UTF8.self)
    let configuration = result.configuration
    let ledger = result.ledger
    var named = 0
    for ref in ledger.refs {
      let from = ledger.currentTier(ref)
      let to = ledger.decisions.finalTier(ref)
      guard from != to else { continue }
      let isNamed = { (tier: Int) in configuration.tier(tier).coverage == .named }
      guard from.map(isNamed) == true || isNamed(to) else { continue }
      named += 1
      let account = ledger[ref]
      let label = account.name.isEmpty ? account.id : "\(account.id) (\(account.name))"
      var escaped = TextBuffer(capacity: label.utf8.count)
      MarkupWriter.appendEscaped(label, to: &escaped)
      #expect(page.contains(">\(escaped.string)</th>"), "\(account.id)")
    }
    #expect(named > 10 && named <= configuration.memoListLimit)
  }

  @Test("tier counts give ARR before, after and moved; the sums agree with the book")
  func tierARR() throws {
    let result = try Self.demo()
    let arr = ReviewDocument.TierARR(result)
    let total = result.ledger.refs.reduce(Money.zero) { $0 + result.ledger.arr($1) }
    #expect(arr.before.reduce(Money.zero, +) == total)
    #expect(arr.after.reduce(Money.zero, +) == total)
    // ARR moved in and out of the tiers balances: what leaves one tier joins another.
    #expect(arr.movedIn.reduce(Money.zero, +) == arr.movedOut.reduce(Money.zero, +))
    for tier in 1...result.configuration.tierCount {
      #expect(arr.after[tier] == arr.before[tier] + arr.movedIn[tier] - arr.movedOut[tier])
    }
    let memo = result.memoSection("Tier counts")
    #expect(memo.contains("| ARR before (USD) | ARR after (USD) | ARR moved in (USD) |"))
  }

  @Test("a near-line account that lost a seat under the cap says so, with its final tier")
  func nearLineReason() throws {
    let result = try RunResultFixtures.capBook()
    let memo = result.memoSection("Guardrails")
    // INC-A is on the Tier 1 line and ends in Tier 2: its seat was taken under the cap.
    let row = try #require(memo.split(separator: "\n").first { $0.hasPrefix("| **INC-A**") })
    #expect(
      row
        == "| **INC-A** (Name INC-A) | 800,000 | 12 | Tier 1: 12 | on the line | Tier 2 | seat "
        + "taken by Name NEW-1 (NEW-1, total 14) under the Tier 1 cap of 2 (`tier1_cap`) |")
  }

  @Test("a tier with accounts and no active CSM is flagged, never inside its band")
  func noActiveCSMIsFlagged() throws {
    let scenario = OwnerFixtures.workedExample
    let result = scenario.runResult()
    let section = result.memoSection("Capacity and hiring")
    #expect(
      section.contains(
        "| Tier 2 (Silver) | 180 | 7,200,000 | 0 | — (40–80) | — (2,000,000–5,000,000) | 3 | 0% | "
          + "**no active CSM; 180 unassigned** |"))
    #expect(
      section.contains(
        "- **Tier 2 (Silver) is 3 CSMs short: 180 accounts at 60 per CSM need 3, 0 are active.**"))
    let groups = result.owners.capacity.map {
      CapacityGaugeGroup($0, context: ReviewContext(result, lookups: RunLookups(result)))
    }
    let silver = try #require(groups.first { $0.title.hasPrefix("Tier 2 (Silver)") })
    #expect(silver.gauges.allSatisfy { $0.status == ReviewWording.noActiveCSM && $0.isFlagged })
    let page = String(decoding: ReviewPage.render(result.review), as: UTF8.self)
    #expect(!page.contains("0% · inside"))
  }

  /// One account memo held by `holder`.
  private static func conversation(
    _ id: String, arr: Int, from: Int?, to: Int, holder: ConversationHolder
  ) -> ConversationInput {
    ConversationInput(
      accountID: id, accountName: "", arr: Money(units: arr), from: from, to: to,
      holder: holder, executive: "Dana Whitfield", memoPath: "memos/\(id).md")
  }

  @Test(
    "conversations are grouped by holder, by name, no named holder last; a first placement is a handoff"
  )
  func conversationsByHolder() throws {
    let zoe = ConversationHolder(name: "Zoe Adams", csmID: "c1", source: .ownerBefore)
    let zoeAgain = ConversationHolder(name: "Zoe Adams", csmID: "c1", source: .newOwner)
    let manager = ConversationHolder(name: "Ann Berg", csmID: nil, source: .manager)
    let nobody = ConversationHolder(
      name: ConversationHolder.unnamedCSLead, csmID: nil, source: .unnamedCSLead)
    let section = ReviewDocument.conversations(
      [
        Self.conversation("A1", arr: 100, from: 1, to: 2, holder: zoe),
        Self.conversation("A2", arr: 300, from: nil, to: 1, holder: zoeAgain),
        Self.conversation("A3", arr: 200, from: 2, to: 3, holder: nobody),
        Self.conversation("A4", arr: 50, from: 3, to: 1, holder: manager),
      ], limit: 10)
    let text = ReviewMemo.markdown(section)
    let ann = try #require(text.range(of: "### Ann Berg\n"))
    let zoeHeading = try #require(text.range(of: "### Zoe Adams\n"))
    let unnamed = try #require(
      text.range(of: "### No named holder (the CS lead; set `cs_leader`)\n"))
    #expect(text.components(separatedBy: "### Zoe Adams").count == 2)
    #expect(ann.lowerBound < zoeHeading.lowerBound && zoeHeading.lowerBound < unnamed.lowerBound)
    #expect(
      text.contains(
        "### Zoe Adams\n\n- A2: new → Tier 1, handoff, with Dana Whitfield; memo "
          + "[memos/A2.md](memos/A2.md)\n- A1: Tier 1 → Tier 2, demotion, with Dana Whitfield"))
    #expect(text.contains("- A4: Tier 3 → Tier 1, handoff, with Dana Whitfield"))
  }

  @Test(
    "the moves say why an owner is held; capacity lists held accounts and ARR per CSM (both formats)"
  )
  func holdsInTheReview() throws {
    let document = try Self.demo().review
    let markdown = ReviewMemo.markdown(document)
    let page = String(decoding: ReviewPage.render(document), as: UTF8.self)
    #expect(
      markdown.contains(
        "| Hannah Okafor → Hannah Okafor (handoff after the renewal on 2026-11-30) |"))
    #expect(markdown.contains("Ava Chen → Ava Chen (pinned by the CS lead: Sponsor escalation"))
    let held =
      "- Bluewater \"Prime\" Seafoods (ACC-00233, Tier 1 → Tier 2): Hannah Okafor keeps it, "
      + "handoff after the renewal on 2026-11-30\n"
    #expect(markdown.contains(HoldRule.heldListLead + "\n\n" + held))
    #expect(
      markdown.contains(
        "| Tier 1 (Gold) | 6 | 1,579,433 | 1,985,950 | 2,253,241 | 1.16 | 0.11 | 2 |"))
    #expect(
      page.contains("Hannah Okafor → Hannah Okafor (handoff after the renewal on 2026-11-30)"))
    #expect(page.contains("Owners held: the tier and its service level change now"))
    #expect(page.contains(">1,985,950</td>"))
  }
}
