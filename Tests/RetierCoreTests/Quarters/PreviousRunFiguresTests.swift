import RetierTestSupport
import Testing

@testable import RetierCore

@Suite("The previous run's figures, kept as far as the memos show them")
struct PreviousRunFiguresTests {
  /// 0…`count - 1` appended to a head keeping `capacity`, shown up to `limit`.
  @Test(
    "a list head keeps its first items, counts them all and words the rest as the memos do",
    arguments: [
      (5, 3, 5, [0, 1, 2], nil),
      (5, 7, 5, [0, 1, 2, 3, 4], "…and 2 more."),
      (5, 7, 3, [0, 1, 2], "…and 4 more."),
      (2, 2, 2, [0, 1], nil),
      (3, 0, 3, [], nil),
    ] as [(Int, Int, Int, [Int], String?)])
  func listHead(capacity: Int, count: Int, limit: Int, shown: [Int], more: String?) {
    var head = ListHead<Int>(keeping: capacity)
    var built = 0
    for item in 0..<count {
      head.append(
        {
          built += 1
          return item
        }())
    }
    #expect(head.count == count && head.isEmpty == (count == 0))
    #expect(built == min(count, capacity))
    let capped = head.capped(limit: limit)
    #expect(Array(capped.shown) == shown)
    #expect(capped.more == more)
    // The same wording as a whole list capped by the memo.
    #expect(ReviewMemo.capped(Array(0..<count), limit: limit).more == more)
  }

  @Test("a list head names the file that holds the rest")
  func listHeadSeeAlso() {
    var head = ListHead<Int>(keeping: 1)
    head.append(1)
    head.append(2)
    #expect(head.capped(limit: 1, seeAlso: "memo.md").more == "…and 1 more; see memo.md.")
  }

  /// 70 fillers in Tier 3 in the CRM, all in Tier 1 in the previous run: 70 drifted. memo.md
  /// and memo.html list memo_list_limit = 60 of them, and both count all 70.
  @Test("CRM drift counts every drifted account and lists as many as each memo shows")
  func crmDriftPastTheKeptRows() throws {
    let fillers = RunResultFixtures.fillers(70)
    let previous = "account_id,to_tier\n" + fillers.map { "\($0.id),1\n" }.joined()
    let result = try RunResultFixtures.result(fillers, previousTiersCSV: previous) {
      $0.memoListLimit = 60
    }
    let drift = try #require(result.previousRun?.crmDrift)
    #expect(drift.count == 70)
    #expect(drift.first.map(\.row.accountID) == fillers.prefix(60).map(\.id))
    #expect(drift.first.allSatisfy { $0.previousTier == 1 && $0.row.fromTier == 3 })

    let memo = String(decoding: RenderedRun.bytes("memo.md", of: result), as: UTF8.self)
    #expect(memo.contains("(changed by hand, or the previous run was not imported): 70.\n"))
    let lines = memo.split(separator: "\n", omittingEmptySubsequences: false)
    let last = try #require(lines.firstIndex { $0.hasPrefix("| F65 | Name F65 | 1 | 3 | ") })
    #expect(lines[last + 1] == "" && lines[last + 2] == "…and 10 more.")
    #expect(!memo.contains("| F66 | Name F66 | 1 | 3 |"))

    let page = String(decoding: RenderedRun.bytes("memo.html", of: result), as: UTF8.self)
    let start = try #require(page.range(of: "<h3>CRM drift</h3>"))
    let after = page[start.upperBound...]
    let section = after[..<(after.range(of: "</section>")?.lowerBound ?? after.endIndex)]
    #expect(section.contains("the previous run was not imported): 70."))
    #expect(section.contains(">F65</th>") && !section.contains(">F66</th>"))
    #expect(section.contains("…and 10 more."))
  }

  /// The watch of ``AcrossQuartersTests/reelevationWatch()`` and the flap of its scorecard,
  /// kept one entry deep: the counts are the whole lists'.
  @Test("the watch and the flapping list count every account when only the first is kept")
  func watchAndFlappingPastTheKeptEntries() throws {
    func recorded(_ id: String) -> PreviousRunManifest.RecordedPathBack {
      .init(
        accountID: id, fromTier: 1, toTier: 2, reason: "rubric", total: ExactDecimal(10),
        bar: ExactDecimal(12), barIsStrict: false, arrAtLeast: nil, hasExpansionTarget: false,
        ceilingAtLeast: nil, needsMultiBU: false, needsUnblock: false)
    }
    typealias Line = PreviousRunRecord.TierLine
    let figures = AcrossQuartersTests.figures(
      [
        "A": Line(fromTier: 2, toTier: 1, arr: Money(units: 10)),
        "B": Line(fromTier: 2, toTier: 1, arr: Money(units: 10)),
        "C": Line(fromTier: 1, toTier: 2, arr: Money(units: 10)),
      ],
      [
        AcrossQuartersTests.standing("A", arr: Money(units: 10), from: 1, to: 2, total: 12),
        AcrossQuartersTests.standing("B", arr: Money(units: 10), from: 1, to: 2),
        AcrossQuartersTests.standing("C", arr: Money(units: 10), from: 2, to: 1, total: 12),
      ],
      pathBacks: [recorded("C"), recorded("A"), recorded("B")], keeping: 1)
    #expect(figures.flapping.count == 3)
    #expect(figures.flapping.first.map(\.now.id) == ["A"])
    let watch = try #require(figures.watch)
    #expect(watch.count == 3 && watch.first.map(\.recorded.accountID) == ["A"])
    // Each moved against its previous move; C is back in Tier 1, A and B are in Tier 2.
    #expect(figures.reentered == 1)
  }

  /// Generated previous runs over a book of fillers (F06…): lines for accounts of the book and
  /// for accounts gone (G…), with random tiers and ARR. Read in file order as written (sorted),
  /// and shuffled with a repeated id whose first line is the one kept: the same figures, and
  /// the CRM drift a dictionary of the previous lines gives.
  @Test(
    "previous lines in any order give the same figures; drift is every CRM tier that differs",
    arguments: 0..<12)
  func previousLinesInAnyOrder(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    var fillers = RunResultFixtures.fillers(12 + random.below(20))
    for index in fillers.indices { fillers[index].tier = String(1 + random.below(3)) }
    var lines: [String: String] = [:]
    for filler in fillers where random.below(4) != 0 {
      lines[filler.id] = "\(1 + random.below(3)),\(1 + random.below(3)),\(random.below(9) * 1000)"
    }
    for gone in 0..<random.below(6) {
      lines["G\(gone)"] = "\(1 + random.below(3)),\(1 + random.below(3)),\(random.below(9) * 1000)"
    }
    let header = "account_id,from_tier,to_tier,arr\n"
    let sorted = lines.sorted { $0.key < $1.key }.map { "\($0.key),\($0.value)\n" }
    var shuffled = sorted
    for index in shuffled.indices.reversed() {
      shuffled.swapAt(index, random.below(index + 1))
    }
    // A repeated id, after its first line: the first is kept.
    shuffled.append(
      (shuffled.first?.split(separator: ",").first.map(String.init) ?? "F06") + ",1,1,5\n")
    let inOrder = try RunResultFixtures.result(
      fillers, previousTiersCSV: header + sorted.joined())
    let anyOrder = try RunResultFixtures.result(
      fillers, previousTiersCSV: header + shuffled.joined())
    let expected = try #require(inOrder.previousRun)
    let actual = try #require(anyOrder.previousRun)
    #expect(actual.acrossQuarters.scorecard == expected.acrossQuarters.scorecard)
    #expect(
      actual.acrossQuarters.cohortRowsWithoutARR == expected.acrossQuarters.cohortRowsWithoutARR)
    #expect(
      actual.acrossQuarters.flapping.first.map(\.now)
        == expected.acrossQuarters.flapping.first.map(\.now))
    #expect(
      actual.crmDrift.first.map(\.row.accountID) == expected.crmDrift.first.map(\.row.accountID))

    let drifted = fillers.filter { filler in
      guard let line = lines[filler.id] else { return false }
      return line.split(separator: ",")[1] != Substring(filler.tier)
    }
    #expect(expected.crmDrift.count == drifted.count)
    #expect(expected.crmDrift.first.map(\.row.accountID) == drifted.map(\.id))
    let cohorts = Set(lines.values.map { Int($0.split(separator: ",")[1])! })
    #expect(expected.acrossQuarters.scorecard.map(\.tier) == cohorts.sorted())
    #expect(
      expected.acrossQuarters.scorecard.reduce(0) { $0 + $1.accounts } == lines.count)
  }
}
