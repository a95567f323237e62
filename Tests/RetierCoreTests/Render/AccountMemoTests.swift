import Testing

@testable import RetierCore

@Suite("AccountMemo")
struct AccountMemoTests {
  private func memo(_ id: String, in result: RunResult) throws -> String {
    String(
      decoding: AccountMemo.markdownBytes(
        for: try RunResultFixtures.ref(of: id, in: result), lookups: RunLookups(result)),
      as: UTF8.self)
  }

  private func hash8(_ id: String) -> String {
    String(SHA256.hexDigest(Array(id.utf8)).prefix(8))
  }

  // MARK: - File names

  @Test("a safe id is its own file name")
  func safeID() {
    #expect(AccountMemo.fileName(for: "ACC-1.x_y", taken: []) == "ACC-1.x_y.md")
  }

  @Test(
    "hostile ids become a flat file name inside the folder, marked with their checksum",
    arguments: ["../x", "..", ".", "/", "a/b", "/etc/passwd", "a\u{0}b", "a\nb", "a\\b", "é", ""])
  func hostileIDs(id: String) {
    let name = AccountMemo.fileName(for: id, taken: [])
    #expect(!name.contains("/") && !name.contains("\\") && !name.hasPrefix("."))
    #expect(name.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 })
    #expect(name.hasSuffix("-\(hash8(id)).md"))
  }

  @Test("the examples sanitise as documented")
  func examples() {
    #expect(AccountMemo.fileName(for: "../x", taken: []) == "_._x-\(hash8("../x")).md")
    #expect(AccountMemo.fileName(for: "a/b", taken: []) == "a_b-\(hash8("a/b")).md")
    #expect(AccountMemo.fileName(for: "a\u{0}b", taken: []) == "a_b-\(hash8("a\u{0}b")).md")
    #expect(AccountMemo.fileName(for: "a\nb", taken: []) == "a_b-\(hash8("a\nb")).md")
  }

  @Test("a 300-character id is cut to 80 characters plus the checksum")
  func longID() {
    let id = String(repeating: "a", count: 300)
    #expect(
      AccountMemo.fileName(for: id, taken: [])
        == String(repeating: "a", count: 80) + "-\(hash8(id)).md")
  }

  @Test("ids that sanitise to the same name, or differ only in case, get distinct names")
  func collisions() {
    let ids = ["a/b", "a:b", "a_b", "ACC-1", "acc-1", "a b"]
    let names = AccountMemo.fileNames(for: ids)
    #expect(Set(names.values.map { $0.lowercased() }).count == ids.count)
    #expect(names["a_b"] == "a_b.md")
    #expect(names["ACC-1"] == "ACC-1.md")
    #expect(names["acc-1"] == "acc-1-\(hash8("acc-1")).md")
    #expect(names["a:b"] == "a_b-\(hash8("a:b")).md")
  }

  @Test("a taken checksum name falls back to the full digest")
  func takenChecksum() {
    let digest = SHA256.hexDigest(Array("a/b".utf8))
    let taken: Set<String> = ["a_b-\(digest.prefix(8)).md"]
    #expect(AccountMemo.fileName(for: "a/b", taken: taken) == "a_b-\(digest).md")
  }

  // MARK: - Rendering

  @Test("one memo per promotion or demotion, and per first placement into a named tier")
  func files() throws {
    let paths = RenderedRun.files(of: try RunResultFixtures.rubricBook()).map(\.path)
      .filter { $0.hasPrefix("\(AccountMemo.folder)/") }
    #expect(
      paths == ["T06", "X02", "X03", "X04", "X05", "X07", "X08", "X09"].map { "memos/\($0).md" })
  }

  @Test("the walkback is in the spec's words")
  func walkback() throws {
    #expect(
      try memo("X03", in: RunResultFixtures.rubricBook()).contains(
        "On current ARR they scored 4. On strategic fit, 2. On expansion ceiling, 2. Total of 8, "
          + "which lands in Tier 2. The line is 12.\n"))
  }

  @Test("each signal's rule is spelled out with its figures")
  func signalRules() throws {
    let result = try RunResultFixtures.rubricBook()
    let text = try memo("X03", in: result)
    #expect(
      text.contains(
        "- Current ARR, 4: ARR of 300,000 is in the top quartile (2 of 10 accounts have more; "
          + "the quartile is the top 3).\n"))
    #expect(
      text.contains(
        "- Expansion ceiling, 2: ceiling unknown and usage not near the seat cap (mostly maxed "
          + "out).\n"))
    var rule = TextBuffer(capacity: 160)
    RunLookups(result).writeARRRule(try RunResultFixtures.ref(of: "X10", in: result), to: &rule)
    #expect(
      rule.string
        == "ARR of 5,000 less the yearly support cost of 6,800 (4 × 20 support hours × 85) is "
        + "below zero")
  }

  @Test("the service-level reset quotes the grid old → new and where a demotion's hours go")
  func serviceLevels() throws {
    let rubric = try memo("X03", in: RunResultFixtures.rubricBook())
    #expect(rubric.contains("- coverage: named CSM + named TAM → named CSM, pooled TAM\n"))
    #expect(
      rubric.contains(
        "- executive contact: monthly exec sync, executive sponsor pairing → twice-yearly "
          + "executive touch\n"))
    #expect(
      rubric.contains("- business reviews: quarterly on-site QBR → quarterly QBR (virtual)\n"))
    #expect(rubric.contains("- P1 response: 4 hours → 8 hours\n"))
    #expect(rubric.contains("- CSM hours per account per month: 8 → 2 (−6)\n"))
    let cap = try RunResultFixtures.capBook()
    #expect(
      try memo("INC-A", in: cap).contains(
        "The 6 hours per month are reinvested in **Name NEW-1** (NEW-1), which took this "
          + "account's seat in Tier 1."))
    #expect(
      try memo("NEW-1", in: cap).contains(
        "The 6 extra hours per month come from **Name INC-A** (INC-A), which this account "
          + "displaced from Tier 1 under the cap."))
  }

  @Test("a promotion has no path back")
  func promotionHasNoPath() throws {
    #expect(!(try memo("X02", in: RunResultFixtures.rubricBook()).contains("## The way back")))
  }

  // MARK: - Re-elevation

  @Test("one signal alone: the least whole-unit ARR and ceiling that reach the line")
  func singleLevers() throws {
    // X07: 80,000 scores 2; total 7, one short of the Tier 2 line of 8. The healthy line is
    // 0.8 × 136,728.39 = 109,382.712 → 109,382.72, so 109,383 in whole units (ARR 3, total 8);
    // a ceiling of 1.2 × 80,000 = 96,000 scores expansion 3 (total 8).
    let text = try memo("X07", in: RunResultFixtures.rubricBook())
    #expect(text.contains("The total needs to reach the Tier 2 line of 8 (today 7, 1 short)."))
    #expect(text.contains("- Growth: +29,383 of ARR, to 109,383: ARR scores 3, total 8.\n"))
    #expect(
      text.contains(
        "- Expansion: evidence of an expansion ceiling of at least 96,000 (1.2 × ARR; today "
          + "unknown): expansion scores 3, total 8.\n"))
  }

  @Test("raising ARR re-scores the ceiling; a multi-BU ceiling is the only single lever")
  func arrRescoresCeiling() throws {
    // T06: 123,456.78 (ARR 3), fit 4, ceiling 130,000 (2): total 9, three short of 12. ARR 5
    // needs 1,000,000, where 130,000 is below 1.2 × ARR (2): 5 + 4 + 2 = 11. Expansion 5 needs
    // multi-BU and 123,456.78 + 500,000 = 623,456.78, 623,457 in whole units: 3 + 4 + 5 = 12.
    // Today's ARR is said as 123,457, so the growth to 1,000,000 is +876,543.
    let text = try memo("T06", in: RunResultFixtures.rubricBook())
    #expect(
      text.contains(
        "- Growth: not enough alone: even +876,543 of ARR, to 1,000,000, the top ARR score of "
          + "5, gives a total of 11.\n"))
    #expect(
      text.contains(
        "- Expansion: a footprint in more than one business unit (multi-BU) and evidence of an "
          + "expansion ceiling of at least 623,457 (ARR + 500,000; today 130,000): expansion "
          + "scores 5, total 12.\n"))
  }

  @Test("ceiling thresholds are the least whole unit at or above the exact line")
  func ceilingThresholds() throws {
    let result = try RunResultFixtures.rubricBook()
    let rubric = result.rubric
    let arr = Money(cents: 12_345_678)
    // 1.2 × 12,345,678 = 14,814,813.6 cents → 148,148.14 → 148,149; 2 × = 246,913.56 →
    // 246,914; + 500,000 = 623,456.78 → 623,457.
    #expect(rubric.leastCeiling(forExpansionScore: 3, arr: arr) == Money(units: 148_149))
    #expect(rubric.leastCeiling(forExpansionScore: 4, arr: arr) == Money(units: 246_914))
    #expect(rubric.leastCeiling(forExpansionScore: 5, arr: arr) == Money(units: 623_457))
  }

  @Test("the ARR needed also covers the yearly support cost")
  func supportBreakEven() throws {
    let result = try RunResultFixtures.rubricBook()
    let account = result.ledger[try RunResultFixtures.ref(of: "X10", in: result)]
    let rubric = result.rubric
    // 4 × 20 hours × 85 = 6,800 > the floor line (5,500.01 for ARR 2).
    #expect(rubric.supportBreakEven(of: account.usage) == Money(units: 6_800))
    #expect(rubric.leastARR(forARRScore: 2, of: account) == Money(units: 6_800))
    #expect(rubric.leastARR(forARRScore: 3, of: account) == Money(units: 109_383))
  }

  @Test("a lost sponsor or declining usage must clear before a ceiling counts")
  func blockers() throws {
    let result = try RunResultFixtures.rubricBook()
    // X08: 2 + 3 + 0 = 5; a sponsor back and a ceiling of 1.2 × 60,000 = 72,000 give 8.
    let x08 = try memo("X08", in: result)
    #expect(
      x08.contains(
        "- Expansion: an active executive sponsor again and evidence of an expansion ceiling of "
          + "at least 72,000 (1.2 × ARR; today unknown): expansion scores 3, total 8.\n"))
    #expect(x08.contains("While the sponsor is lost, expansion scores 0 whatever the ceiling."))
    #expect(x08.contains("- Growth: +940,000 of ARR, to 1,000,000: ARR scores 5, total 8.\n"))
    // X09: 2 + 3 + 1 = 6; 50 users against 100 (0.9 × 100 = 90 would have held), ceiling
    // 1.2 × 20,000 = 24,000.
    let x09 = try memo("X09", in: result)
    #expect(
      x09.contains(
        "- Expansion: usage that stops declining (50 active users against 100 the quarter "
          + "before; 90 would have held) and evidence of an expansion ceiling of at least 24,000 "
          + "(1.2 × ARR; today unknown): expansion scores 3, total 8.\n"))
    #expect(
      x09.contains(
        "While usage declines (active users below 0.9 × the quarter before), expansion scores 1 "
          + "whatever the ceiling."))
  }

  @Test("a cap demotion needs a total above the lowest seated; both signals together do it")
  func capPath() throws {
    // INC-A: 12; lowest seated 13, so 14 is needed. ARR 5 (900,000) re-scores its 1,600,000
    // ceiling to 3: 12. Multi-BU alone: 13. Both: 5 + 4 + 5 = 14.
    let text = try memo("INC-A", in: RunResultFixtures.capBook())
    #expect(text.contains("this quarter the lowest total seated in Tier 1 was 13."))
    #expect(text.contains("on equal totals current Tier 1 accounts come first"))
    #expect(
      text.contains(
        "- Growth: not enough alone: even +100,000 of ARR, to 900,000, the top ARR score of 5, "
          + "gives a total of 12.\n"))
    #expect(
      text.contains(
        "Neither alone lifts the total above 13; together they do: +100,000 of ARR, to 900,000 "
          + "(ARR scores 5) with a footprint in more than one business unit (multi-BU) (expansion "
          + "scores 5): total 14.\n"))
  }

  @Test("when no signal can, the memo says fit must rise too")
  func nothingCloses() throws {
    // X04: 3 + 0 + 0 = 3; even 5 + 0 + 5 = 10 stays below 12.
    let text = try memo("X04", in: RunResultFixtures.rubricBook())
    #expect(text.contains("even 5 on both gives a total of 10."))
    #expect(text.contains("Strategic fit (today 0, the CRM's judgement) would have to rise"))
  }

  @Test("new-logo and override demotions say when the rubric takes over")
  func holdAndOverridePaths() throws {
    #expect(
      try memo("R1", in: RunResultFixtures.reasonsBook()).contains(
        "The new-logo hold (customer since 2026-05-01) ends with the 2026-Q4 re-tier, after 2 "
          + "full quarters as a customer. On this quarter's figures the total of 14 would then "
          + "land in Tier 1."))
    let overridden = try RunResultFixtures.reasonsBook(overrides: [
      "R5,3,Wind-down agreed,Sam Sales,Casey CS,2026-12-31"
    ])
    #expect(
      try memo("R5", in: overridden).contains(
        "A dual-approved override set this tier. It expires on 2026-12-31; after that the rubric "
          + "decides. On this quarter's figures the total of 11 lands in Tier 2"))
  }

  @Test("a held new logo and an override say where the total would land and what placed them")
  func heldAndOverriddenWalkbacks() throws {
    // R1: total 14 reaches the Tier 1 line of 12, but the hold keeps it in Tier 3; before, the
    // memo read "Total of 14, which lands in Tier 1. The line is 12."
    let held = try memo("R1", in: RunResultFixtures.reasonsBook())
    #expect(held.contains("Total of 14, which on the rubric alone lands in Tier 1. As a new logo"))
    #expect(held.contains("it is held in Tier 3 until the 2026-Q4 re-tier."))
    #expect(held.contains("if the total still reaches the line when the hold ends, they re-enter"))
    // R3: total 6 lands in Tier 3 (line 0); the override places it in Tier 1.
    #expect(
      try memo("R3", in: RunResultFixtures.reasonsBook()).contains(
        "Total of 6, which on the rubric alone lands in Tier 3. A dual-approved exception sets "
          + "Tier 1 instead: approved by Sam Sales (sales) and Casey CS (CS), expires 2026-12-31"))
  }

  @Test("a promotion the cap held below its rubric tier names the line its total reaches")
  func cappedPromotionWalkback() throws {
    // T3-UP: total 12 reaches the Tier 1 line, the Tier 1 cap seats it in Tier 2; before, the
    // memo read "which lands in Tier 1. The line is 8." (the Tier 2 line).
    #expect(
      try memo("T3-UP", in: RunResultFixtures.capBook()).contains(
        "Total of 12, which reaches the Tier 1 line of 12. It did not get one of the 2 seats under "
          + "the Tier 1 cap: "))
  }
}
