import RetierTestSupport
import Testing

@testable import RetierCore

@Suite("Skipped reviews (SPEC §4 step 4)")
struct SkippedReviewsTests {
  private let quarter = FiscalQuarter(label: "2026-Q3")!
  private let runDate = CalendarDate(year: 2026, month: 10, day: 14)!

  /// Assigns `book` with hand-made totals (by account id).
  private func assign(
    _ book: Book, totals: [String: Int], configuration: Configuration = TestAccounts.configuration
  ) -> TestTiering {
    TestTiering(
      book, totals: totals, configuration: configuration, quarter: quarter, runDate: runDate)
  }

  private func decision(_ id: String, _ book: Book, _ result: TestTiering) -> TierDecision {
    result.decisions[book.ledger.accounts.firstIndex { $0.id == id }!]
  }

  @Test(
    "at or over the limit: down one tier from a named tier, and never up while the count stands",
    arguments: [
      // (current tier, reviews skipped, total, final tier, reason)
      (1, 2, 15, 2, "skipped_reviews"),  // exactly at the limit, rubric Tier 1
      (1, 3, 9, 2, "rubric"),  // rubric Tier 2 = current + 1: the reviews changed nothing
      (1, 2, 3, 3, "rubric"),  // rubric lower than current + 1: the rubric stands
      (1, 1, 15, 1, "rubric"),  // one below the limit: no hold
      (2, 2, 15, 3, "skipped_reviews"),  // Tier 2 is named: down to the last tier
      (3, 9, 15, 3, "skipped_reviews"),  // Tier 3 is pooled: no way up while the count stands
      (3, 2, 9, 3, "skipped_reviews"),  // pooled, rubric Tier 2: held all the same
      (3, 1, 15, 1, "rubric"),  // one below the limit: the rubric promotes it
      (3, 0, 9, 2, "rubric"),  // the count back at 0: the rubric decides
    ])
  func hold(current: Int, skipped: Int, total: Int, final: Int, reason: String) {
    var accounts = [
      TestAccounts.account("A", arr: "1000", currentTier: current, reviewsSkipped: skipped)
    ]
    // Enough accounts that the Tier 1 cap (⌊0.10 × N⌋) is not what decides.
    accounts += (1...29).map { TestAccounts.account("F\($0)", arr: "10", currentTier: 3) }
    let book = TestAccounts.book(accounts)
    let result = assign(book, totals: ["A": total])
    let decided = decision("A", book, result)
    #expect(decided.finalTier == final)
    #expect(decided.reason.description == reason)
    #expect(decided.isHeldBySkippedReviews == (reason == "skipped_reviews"))
  }

  @Test("overrides and new logos are not touched by skipped reviews")
  func overridesAndNewLogosStand() {
    var accounts = [
      TestAccounts.account("O", arr: "1000", currentTier: 1, reviewsSkipped: 5),
      TestAccounts.account(
        "N", arr: "1000", currentTier: 1,
        customerSince: CalendarDate(year: 2026, month: 9, day: 1)!, reviewsSkipped: 5),
    ]
    accounts += (1...28).map { TestAccounts.account("F\($0)", arr: "10", currentTier: 3) }
    let override = OverrideRow(
      line: 2, accountID: "O", tierText: "1", reason: "renewal in flight",
      approvedBySales: "Sam", approvedByCS: "Cat", expiresText: "2026-12-31")
    let book = TestAccounts.book(accounts, overrides: [override])
    let result = assign(book, totals: ["O": 15, "N": 15])
    #expect(decision("O", book, result).reason == .override)
    #expect(decision("O", book, result).finalTier == 1)
    #expect(decision("N", book, result).reason == .newLogo)
    #expect(decision("N", book, result).finalTier == 3)
  }

  @Test("the last tier cannot go lower, even when it has named coverage")
  func lastTierStays() {
    var configuration = TestAccounts.configuration
    configuration.tiers[2].coverage = .named
    let rule = SkippedReviewsRule(configuration)
    #expect(rule.effect(currentTier: 3, reviewsSkipped: 9, rubricTier: 3) == nil)
    #expect(rule.effect(currentTier: 3, reviewsSkipped: 9, rubricTier: 1) == .heldAtCurrent(3))
    #expect(rule.effect(currentTier: 2, reviewsSkipped: 9, rubricTier: 1) == .downOneTier(to: 3))
    #expect(rule.effect(currentTier: nil, reviewsSkipped: 9, rubricTier: 1) == nil)
  }

  @Test(
    "counts read in words when small",
    arguments: [
      (1, "one business review skipped"), (2, "two business reviews skipped in a row"),
      (12, "twelve business reviews skipped in a row"),
      (13, "13 business reviews skipped in a row"),
    ])
  func phrase(count: Int, expected: String) {
    #expect(SkippedReviewsRule.skippedPhrase(count) == expected)
  }

  @Test("a held account displaced by a cap below its target says why it aimed there")
  func heldThenCapped() throws {
    // Tier 1 and Tier 2 capped at 1 seat of 10 each. TOP keeps the Tier 1 seat; INC (13) loses
    // it and competes for Tier 2 with HELD (12, moved down from Tier 1), and outranks it.
    var configuration = TestAccounts.configuration
    configuration.tiers[0].maxShare = ExactDecimal("0.1")
    configuration.tiers[1].maxShare = ExactDecimal("0.1")
    var accounts = [
      TestAccounts.account("HELD", arr: "1000", currentTier: 1, reviewsSkipped: 2),
      TestAccounts.account("INC", arr: "500", currentTier: 2),
      TestAccounts.account("TOP", arr: "2000", currentTier: 1),
    ]
    accounts += (1...7).map { TestAccounts.account("F\($0)", arr: "10", currentTier: 3) }
    let book = TestAccounts.book(accounts)
    let result = assign(
      book, totals: ["HELD": 12, "INC": 13, "TOP": 15], configuration: configuration)
    let held = decision("HELD", book, result)
    #expect(held.targetTier == 2)
    #expect(held.finalTier == 3)
    #expect(held.reason == .cap(tier: 2))
    #expect(held.isHeldBySkippedReviews)
  }

  @Test("property: the hold matches an independent reading of step 4 on generated books")
  func propertyMatchesIndependentReading() {
    for seed in UInt64(1)...200 {
      var random = SplitMix64(seed: seed)
      var configuration = TestAccounts.configuration
      let tierCount = 3 + random.below(2)
      configuration.tiers = (0..<tierCount).map { offset in
        var tier = TierDefinition.defaultLadder[min(offset, 2)]
        tier.name = "T\(offset + 1)"
        tier.minScore = ExactDecimal(12 - 4 * offset)
        tier.maxShare = nil
        tier.coverage = offset == tierCount - 1 && random.chance(50) ? .pooled : .named
        if offset > 0, offset < tierCount - 1, random.chance(30) { tier.coverage = .pooled }
        return tier
      }
      configuration.reviewsSkippedLimit = 1 + random.below(3)
      var totals: [String: Int] = [:]
      let accounts = (0..<(1 + random.below(60))).map { number in
        let id = "A\(number)"
        totals[id] = random.below(16)
        return TestAccounts.account(
          id, arr: String(random.below(1000)),
          currentTier: random.chance(15) ? nil : 1 + random.below(tierCount),
          customerSince: random.chance(10)
            ? CalendarDate(year: 2026, month: 9, day: 1)!
            : CalendarDate(year: 2020, month: 1, day: 1)!,
          reviewsSkipped: random.below(5))
      }
      let book = TestAccounts.book(accounts)
      let result = assign(book, totals: totals, configuration: configuration)
      for (index, account) in book.ledger.accounts.enumerated() {
        // The independent reading: lines by hand, then the hold.
        let total = totals[account.id]!
        let rubric = (0..<tierCount).first { total >= 12 - 4 * $0 }.map { $0 + 1 } ?? tierCount
        var expected = (tier: rubric, reason: "rubric")
        if account.customerSince.daysSinceEpoch
          > CalendarDate(year: 2026, month: 7, day: 1)!
          .daysSinceEpoch
        {
          expected = (tierCount, "new_logo")
        } else if let current = account.currentTier,
          account.reviewsSkipped >= configuration.reviewsSkippedLimit
        {
          if current < tierCount, configuration.tiers[current - 1].coverage == .named,
            rubric <= current
          {
            expected = (current + 1, "skipped_reviews")
          } else if rubric < current {
            expected = (current, "skipped_reviews")
          }
        }
        let decided = result.decisions[index]
        #expect(
          decided.finalTier == expected.tier && decided.reason.description == expected.reason,
          "seed \(seed) \(account.id)")
      }
    }
  }

  @Test("property: with caps, a held account never ends above its current tier or the one below")
  func propertyHeldNeverAboveHold() {
    for seed in UInt64(1)...100 {
      var random = SplitMix64(seed: seed)
      var configuration = TestAccounts.configuration
      configuration.tiers[1].maxShare = ExactDecimal(millionths: Int128(random.below(400_000)))
      var totals: [String: Int] = [:]
      let accounts = (0..<(1 + random.below(80))).map { number in
        let id = "A\(number)"
        totals[id] = random.below(16)
        return TestAccounts.account(
          id, arr: String(random.below(1000)),
          currentTier: random.chance(10) ? nil : 1 + random.below(3),
          reviewsSkipped: random.below(4))
      }
      let book = TestAccounts.book(accounts)
      let result = assign(book, totals: totals, configuration: configuration)
      for (index, account) in book.ledger.accounts.enumerated()
      where result.decisions[index].isHeldBySkippedReviews {
        let current = account.currentTier!
        let decided = result.decisions[index]
        // (a) one tier down from a named tier; (b) held where it is, never up.
        let target = decided.rubricTier <= current && current < 3 ? current + 1 : current
        #expect(decided.targetTier == target, "seed \(seed)")
        #expect(decided.finalTier >= target, "seed \(seed)")
        if decided.finalTier == target {
          #expect(decided.reason == .skippedReviews, "seed \(seed)")
        } else {
          #expect(decided.reason == .cap(tier: decided.finalTier - 1), "seed \(seed)")
        }
      }
    }
  }

  /// A drop where `HELD` (Tier 1, two reviews skipped) scores Tier 1 and `SHORT` (Tier 1, two
  /// reviews skipped) scores Tier 2, among 28 small Tier 3 accounts.
  private func heldDrop() -> TestDrop {
    var accounts =
      "account_id,account_name,current_tier,owner_id,customer_since,strategic_fit,"
      + "expansion_ceiling_arr,reviews_skipped\n"
      + "HELD,Held Co,1,,2020-01-01,5,900000,2\n" + "SHORT,Short Co,1,,2020-01-01,1,,2\n"
    var arr = "account_id,arr\nHELD,300000\nSHORT,200000\n"
    for number in 1...28 {
      accounts += "F\(number),Filler \(number),3,,2020-01-01,1,,\n"
      arr += "F\(number),\(1000 + number)\n"
    }
    return TestDrop(accounts: accounts, arr: arr)
  }

  @Test("why_moved, the account memo and its path back name the skipped reviews")
  func wording() throws {
    let result = try Retier.decide(heldDrop().input())
    let lookups = RunLookups(result)
    let held = try RunResultFixtures.ref(of: "HELD", in: result)
    #expect(result.ledger.decisions[held].rubricTier == 1)
    #expect(
      WhyMoved(lookups).sentence(for: held)
        == "Tier 1 → Tier 2: two business reviews skipped in a row")
    let files = RenderedRun.files(of: result)
    func memoText(_ id: String) -> String {
      String(decoding: files.first { $0.path == "memos/\(id).md" }?.bytes ?? [], as: UTF8.self)
    }
    let memo = memoText("HELD")
    #expect(
      memo.contains(
        "Total of \(result.ledger.scores[held].total), which on the rubric alone lands in Tier 1. Two "
          + "business reviews skipped in a row (the limit is 2) move it one tier below Tier 1, "
          + "whose CSM runs business reviews with the account, whatever its total."))
    #expect(
      memo.contains(
        "First, the customer holds a business review with its CSM and the CRM's count of skipped "
          + "reviews returns to zero: the account moved down for two business reviews skipped in "
          + "a row (the limit is 2), and no account moves up while the count stands. Its total of "
          + "\(result.ledger.scores[held].total) reaches the Tier 1 line of 12, so nothing else is "
          + "needed on this quarter's figures, though Tier 1 is capped"))

    // The rubric alone moves SHORT to Tier 2: the reviews changed nothing, so the reason is
    // the rubric's, and why_moved adds the count.
    let short = try RunResultFixtures.ref(of: "SHORT", in: result)
    #expect(result.ledger.decisions[short].rubricTier == 2)
    #expect(result.ledger.decisions[short].reason == .rubric)
    let shortSentence = try #require(WhyMoved(lookups).sentence(for: short))
    #expect(shortSentence.hasSuffix("; also two business reviews skipped in a row"))
    let shortMemo = memoText("SHORT")
    let total = result.ledger.scores[short].total
    #expect(
      shortMemo.contains(
        "The total needs to reach the Tier 1 line of 12 (today \(total), "
          + "\(ExactDecimal(12) - total) short)."))
  }

  @Test(
    "a held account a cap then moves further down: its path back is the line, in memo and run.json")
  func heldThenCappedPathBack() throws {
    // N = 30, Tier 1 and Tier 2 capped at ⌊0.1 × 30⌋ = 3 seats. A1…A3 (Tier 1), B1…B3 (Tier 2)
    // and HELD (Tier 1, two reviews skipped) all score 5 + 5 + 4 = 14. The A's keep Tier 1; the
    // B's lose the tie there and keep Tier 2 as its incumbents; HELD, aimed at Tier 2, loses its
    // seat there to them and lands in Tier 3. Its way back is the review and the Tier 1 line,
    // not a seat above Tier 1's lowest total: it never lost a Tier 1 seat to the cap.
    var accounts =
      "account_id,account_name,current_tier,owner_id,customer_since,strategic_fit,"
      + "expansion_ceiling_arr,reviews_skipped\n"
    var arr = "account_id,arr\n"
    for (id, tier, skipped) in [
      ("A1", 1, ""), ("A2", 1, ""), ("A3", 1, ""), ("B1", 2, ""), ("B2", 2, ""), ("B3", 2, ""),
      ("HELD", 1, "2"),
    ] {
      accounts += "\(id),Name \(id),\(tier),,2020-01-01,5,1000000,\(skipped)\n"
      arr += "\(id),500000\n"
    }
    for number in 1...23 {
      accounts += "F\(number),Filler \(number),3,,2020-01-01,1,,\n"
      arr += "F\(number),\(1000 + number)\n"
    }
    var configuration = TestAccounts.configuration
    configuration.tiers[1].maxShare = ExactDecimal("0.1")
    let result = try Retier.decide(TestDrop(accounts: accounts, arr: arr).input(configuration))
    let held = try RunResultFixtures.ref(of: "HELD", in: result)
    let decision = result.ledger.decisions[held]
    #expect(result.ledger.scores.total(held) == ExactDecimal(14))
    #expect(decision.finalTier == 3)
    #expect(decision.reason == .cap(tier: 2))
    #expect(decision.isHeldBySkippedReviews)
    let pathBack = PathBack(held, lookups: RunLookups(result))
    #expect(pathBack.route == .skippedReviews(line: ExactDecimal(12)))
    #expect(pathBack.bar == Rubric.Bar(total: ExactDecimal(12), isStrict: false))
    #expect(pathBack.levers == nil)
    let memo = String(
      decoding: RenderedRun.files(of: result).first { $0.path == "memos/HELD.md" }?.bytes ?? [],
      as: UTF8.self)
    #expect(
      memo.contains(
        "Its total of 14 reaches the Tier 1 line of 12, so nothing else is needed on this "
          + "quarter's figures, though Tier 1 is capped (this quarter the lowest total seated "
          + "in it was 14)."))
  }

  @Test(
    "reviews_skipped: blank is 0; anything but a whole number rejects the row",
    arguments: [
      ("", 0, nil), ("3", 3, nil), ("-1", nil, "-1"), ("two", nil, "two"), ("1.5", nil, "1.5"),
    ]
      as [(String, Int?, String?)])
  func loading(text: String, value: Int?, rejected: String?) throws {
    let drop = TestDrop(
      accounts: "account_id,customer_since,strategic_fit,reviews_skipped\nA,2020-01-01,3,\(text)\n",
      arr: "account_id,arr\nA,100\n")
    let loaded = try DropLoader.load(drop.files, tierCount: 3)
    let book = try BookValidator.validate(
      loaded, maxRejectedShare: ExactDecimal(1), maxRejectedRowsFloor: 3)
    if let value {
      #expect(book.ledger.accounts.map(\.reviewsSkipped) == [value])
    } else {
      #expect(book.ledger.accounts.isEmpty)
      #expect(
        book.rejections.map(\.reason) == [
          "reviews_skipped '\(rejected!)' is not a whole number ≥ 0"
        ])
    }
  }

  @Test("a limit below 1 is a config error naming the key")
  func limitBelowOne() {
    var configuration = TestAccounts.configuration
    configuration.reviewsSkippedLimit = 0
    #expect(configuration.problems.contains { $0.hasPrefix("reviews_skipped_limit 0 ") })
  }

  @Test("explain names the hold, the counts and the path back")
  func explainLine() throws {
    let result = try Retier.decide(heldDrop().input())
    let held = try RunResultFixtures.ref(of: "HELD", in: result)
    let lines = AccountExplanation(result: result, ref: held).lines
    #expect(
      lines.contains(
        "Target: Tier 2 Silver, moved one tier below Tier 1 Gold, whose CSM runs business "
          + "reviews: reviews_skipped 2 ≥ reviews_skipped_limit 2 (way back: the customer holds "
          + "a business review and the CRM's count returns to 0)"))
    #expect(lines.contains("Final tier: Tier 2 Silver (reason skipped_reviews)"))
  }
}
