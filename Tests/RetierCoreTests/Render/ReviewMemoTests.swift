import Testing

@testable import RetierCore

@Suite("ReviewMemo")
struct ReviewMemoTests {
  private func memo(_ result: RunResult) -> String {
    String(decoding: RenderedRun.bytes("memo.md", of: result), as: UTF8.self)
  }

  /// The lines of the section that starts with `heading`, up to the next heading of any level.
  private func section(_ heading: String, in text: String) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(of: heading) else { return [] }
    let rest = lines[(start + 1)...]
    let end = rest.firstIndex { $0.hasPrefix("#") } ?? lines.endIndex
    return Array(lines[start..<end])
  }

  @Test("the summary and run facts come first, numbers and checksums included")
  func runFacts() throws {
    let result = try RunResultFixtures.capBook()
    let text = memo(result)
    #expect(
      text.hasPrefix(
        "# Re-tier review memo: 2026-Q3\n\nRun date 2026-10-14. 20 valid "
          + "accounts: 2 promotions, 1 demotion, 0 first placements."))
    #expect(text.contains("| config sha256 | `\(result.configSHA256)` |"))
    let accounts = try #require(result.inputs.first { $0.name == "accounts.csv" })
    #expect(text.contains("| accounts.csv | 20 | `\(accounts.sha256)` |"))
    #expect(text.contains("| tool version | retier test |"))
  }

  @Test("tier counts before and after, and the from → to matrix with a new row")
  func countsAndMatrix() throws {
    let text = memo(try RunResultFixtures.capBook())
    #expect(text.contains("| Tier 2 (Silver) | 1 | 2 | +1 |"))
    #expect(text.contains("| Tier 3 (Bronze) | 17 | 16 | −1 |"))
    let transitions = section("## Transitions", in: text)
    let matrix = try #require(
      transitions.firstIndex(of: "| from ↓ to → | Tier 1 | Tier 2 | Tier 3 | total |"))
    #expect(
      transitions[matrix...].prefix(8) == [
        "| from ↓ to → | Tier 1 | Tier 2 | Tier 3 | total |",
        "|---|---:|---:|---:|---:|",
        "| new | 0 | 0 | 0 | 0 |",
        "| Tier 1 | 1 | 1 | 0 | 2 |",
        "| Tier 2 | 1 | 0 | 0 | 1 |",
        "| Tier 3 | 0 | 1 | 16 | 17 |",
        "| total | 2 | 2 | 16 | 20 |",
        "",
      ])
    #expect(transitions.contains("| Tier 1 (Gold) | Tier 2 (Silver) | 1 | demotion |"))
  }

  @Test("cap use and soft bands, with a warning outside the band")
  func capAndBands() throws {
    let text = memo(try RunResultFixtures.capBook())
    #expect(text.contains("| Tier 1 (Gold) | 10% | 2 | 2 | 0 | 2 | full |"))
    // Tier 2 holds INC-A and T3-UP: 2 of 20 = 10.0%, outside 20%–30%.
    #expect(text.contains("| Tier 2 (Silver) | 20%–30% | 2 | 10.0% | **warning: outside** |"))
  }

  @Test("overrides honoured past the cap are flagged")
  func overridesPastCap() throws {
    let overrides = ["F06", "F07", "F08"].map { "\($0),1,Board ask,Sam,Casey,2026-12-31" }
    let base = try RunResultFixtures.capBook()
    let accounts = base.book.ledger.accounts
    let result = try RunResultFixtures.result(
      accounts.map { account in
        var line = RunResultFixtures.AccountLine(
          id: account.id, arr: account.arr.description, tier: String(account.currentTier ?? 3),
          fit: account.strategicFit)
        line.ceiling = account.expansionCeiling?.description ?? ""
        return line
      }, overrides: overrides)
    let text = memo(result)
    #expect(text.contains("| Tier 1 (Gold) | 10% | 2 | 3 | 3 | 4 | **warning: over the cap** |"))
    #expect(
      text.contains(
        "**Warning: Tier 1 holds 3 accounts for 2 seats: 3 overrides are honoured past the cap.**"))
  }

  @Test("ARR-rank tier gaps are defined and listed; the growth quadrant is listed")
  func rankAndQuadrant() throws {
    let text = memo(try RunResultFixtures.reasonsBook())
    #expect(text.contains("if the tiers were filled purely by ARR rank"))
    // Final counts 1 / 1 / 3: by ARR R1 would be Tier 1 (held in 3), R3 Tier 3 (overridden to 1).
    #expect(text.contains("| R1 | Name R1 | 100,000 | 1 | 3 | `new_logo` |"))
    #expect(text.contains("| R3 | Name R3 | 40,000 | 3 | 1 | `override` |"))
    #expect(!text.contains("| R5 | Name R5 | 10,000 | 3 | 2 |"))
    #expect(text.contains("| R5 | Name R5 | 10,000 | 20,000 | 2 | 4 | 11 | 2 |"))
  }

  @Test("ARR-rank tiers fill the final counts by ARR, ties by account id")
  func arrRankTiers() throws {
    let result = try RunResultFixtures.reasonsBook()
    let rankTiers = ReviewDocument.arrRankTiers(result)
    #expect(result.ledger.refs.map { rankTiers[$0] } == [1, 2, 3, 3, 3])
  }

  @Test(
    "ARR-rank tiers are the same for amounts at and beyond the 64-bit limit",
    arguments: [Int128(UInt64.max), Int128(UInt64.max) + 1, Int128(1) << 100])
  func arrRankTiersBeyondSixtyFourBits(hugeCents: Int128) throws {
    var result = try RunResultFixtures.reasonsBook()
    // R5 (the last account, 10,000) now has the most ARR; R1 and R2 tie below it.
    result.book.ledger = result.ledger.changingAccounts { accounts in
      accounts[4].arr = Money(cents: hugeCents)
      accounts[1].arr = accounts[0].arr
    }
    let rankTiers = ReviewDocument.arrRankTiers(result)
    #expect(result.ledger.refs.map { rankTiers[$0] } == [2, 3, 3, 3, 1])
  }

  @Test("CRM drift compares with the previous run, or says there is none")
  func crmDrift() throws {
    #expect(
      memo(try RunResultFixtures.reasonsBook()).contains(
        "### CRM drift\n\nNo previous run: nothing to compare.\n"))
    let text = memo(
      try RunResultFixtures.reasonsBook(
        previousTiersCSV: "account_id,to_tier\nR1,1\nR3,3\nR4,2\nGONE,1\n"))
    #expect(text.contains("the previous run was not imported): 2."))
    #expect(text.contains("| R3 | Name R3 | 3 | 2 | 1 |"))
    #expect(text.contains("| R4 | Name R4 | 2 | blank | 3 |"))
    #expect(!text.contains("| R1 | Name R1 | 1 |"))
  }

  @Test("rejected rows are counted by file and listed up to memo_list_limit")
  func rejectedRows() throws {
    let orphans = (1...60).map { "ORPHAN-\($0 < 10 ? "0" : "")\($0),100" }
    let result = try RunResultFixtures.result(
      [.init(id: "A", arr: "1000", fit: 0)], extraARRLines: orphans
    ) {
      // 60 orphans of 61 ARR lines are over any smaller budget.
      $0.maxRejectedShare = ExactDecimal(1)
      $0.memoListLimit = 50
    }
    let text = memo(result)
    #expect(text.contains("| arr.csv | 60 |"))
    #expect(text.contains("| arr.csv | 3 | ORPHAN-01 | orphan: no such account in accounts.csv |"))
    #expect(text.contains("| arr.csv | 52 | ORPHAN-50 |"))
    #expect(!text.contains("ORPHAN-51"))
    #expect(text.contains("…and 10 more; see rejected.csv."))
  }

  @Test("applied and ignored overrides are listed, the ignored with why")
  func overrides() throws {
    let text = memo(try RunResultFixtures.reasonsBook())
    #expect(
      text.contains(
        "| R3 | Tier 1 | Sam Sales | Casey CS | **2026-12-31, before the next re-tier** | Renewal "
          + "at risk; board sponsor |"))
    #expect(text.contains("1 override lapses before the next re-tier (2027-01-14)"))
    #expect(
      text.contains(
        "| R4 | 3 | 1 | approved by the same person twice ('Pat'); two leaders must approve |"))
  }

  @Test("every move is a table row with owners by name, its reason and its memo")
  func movementRows() throws {
    let text = memo(try RunResultFixtures.capBook())
    let demotions = section("## Demotions (1)", in: text)
    #expect(
      demotions.contains(
        "| **INC-A** (Name INC-A) | 800,000 | Tier 1 → Tier 2 | unassigned → unassigned | Tier 1 → "
          + "Tier 2: seat taken by Name NEW-1 (NEW-1, total 14) under the Tier 1 cap of 2 "
          + "(`tier1_cap`) | [memo](memos/INC-A.md) |"))
    let promotions = section("## Promotions (2)", in: text)
    #expect(promotions.filter { $0.hasPrefix("| **") }.count == 2)
  }

  @Test("input text cannot break a table or format the memo")
  func escaping() throws {
    let result = try RunResultFixtures.result([
      .init(id: "A|1", arr: "10000", tier: "1", fit: 0, name: "Pipe | Co\n*bold* <b>"),
      .init(id: "B", arr: "9000", fit: 0),
    ])
    let text = memo(result)
    #expect(
      text.contains("| **A\\|1** (Pipe \\| Co \\*bold\\* \\<b\\>) | 10,000 | Tier 1 → Tier 3 |"))
    for line in text.split(separator: "\n") where line.hasPrefix("|") {
      #expect(line.hasSuffix("|"))
    }
  }

  @Test("escaped turns line breaks into spaces and escapes Markdown punctuation")
  func escapedText() {
    #expect(
      ReviewMemo.escaped("a|b\n*c*_d_`e`[f](g)<h>&i#")
        == "a\\|b \\*c\\*\\_d\\_\\`e\\`\\[f\\](g)\\<h\\>\\&i\\#")
  }

  @Test(
    "percentages are exact and round half up",
    arguments: [(1, 8, "12.5%"), (2, 3, "66.7%"), (1, 3, "33.3%"), (0, 5, "0.0%")])
  func percent(count: Int, total: Int, expected: String) {
    #expect(ReviewMemo.percent(count, of: total) == expected)
  }
}

extension ReviewMemoTests {
  @Test("tier counts are of valid accounts; rejected accounts are a row of their own")
  func noTierRow() throws {
    let result = try RunResultFixtures.result(
      [
        .init(id: "A", arr: "1000", tier: "1", fit: 0),
        .init(id: "B", arr: "-5", fit: 0),
        .init(id: "C", arr: "2000", fit: 0),
      ], configure: { $0.maxRejectedShare = ExactDecimal(1) })
    let text = memo(result)
    // Valid: A in Tier 1 and C without a tier before, both in Tier 3 after; B is rejected.
    #expect(text.contains("| Tier 1 (Gold) | 1 | 0 | −1 |"))
    #expect(text.contains("| Tier 3 (Bronze) | 0 | 2 | +2 |"))
    #expect(text.contains("| new | 1 | 0 | −1 | 2,000 | 0 | 0 | 2,000 |"))
    #expect(text.contains("| Tier 3 (Bronze) | 0 | 2 | +2 | 0 | 3,000 | 3,000 | 0 |"))
    #expect(text.contains("| valid accounts | 2 | 2 | 0 |"))
    #expect(text.contains("| rejected (keep the tier they hold) | 1 | 1 | 0 |"))
    // Every other table counts the same valid accounts.
    #expect(text.contains("| total | 0 | 0 | 2 | 2 |"))
  }
}

extension ReviewMemoTests {
  @Test("the capacity section is the capacity table with its hiring signal")
  func capacity() throws {
    let result = try RunResultFixtures.capBook()
    let section = result.memoSection("Capacity and hiring")
    #expect(
      section.hasPrefix(
        "## Capacity and hiring\n\n| tier | accounts | ARR (USD) | CSMs | accounts/CSM (band) | "
          + "ARR/CSM, USD (band) | CSMs short | coverage cost (max) | flags |\n"))
    #expect(memo(result).contains(section))
  }
}
