import RetierTestSupport
import Testing

@testable import RetierCore

/// The usage signal for the long tail (SPEC §3, `rubric.usage_signal`): the cohort, its ranking
/// among itself, the floor rule, the wording ("usage" everywhere) and the path back in active
/// users, on a worked book and on generated books cross-checked against an independent
/// implementation.
@Suite("Usage signal for the long tail")
struct UsageSignalTests {
  // MARK: An independent implementation

  /// The first signal and its score of each valid account, computed from the spec's wording with
  /// plain integer counting (no sort, no binary search): `nil` score for an account scored on ARR.
  struct Reference {
    /// Whether each account is scored on usage.
    var isUsage: [Bool]
    /// Each account's usage score (meaningful where `isUsage`).
    var score: [Int]

    init(arrCents: [Int128], users: [Int?], belowMillionths: Int128, floor: Int) {
      let count = arrCents.count
      // ⌈(1 − below) × N⌉ in millionths.
      let product = (1_000_000 - belowMillionths) * Int128(count)
      let start = Int((product + 999_999) / 1_000_000)
      let usage = arrCents.indices.map { index in
        let greater = arrCents.count { $0 > arrCents[index] }
        return greater >= start && users[index] != nil
      }
      isUsage = usage
      let cohort = arrCents.indices.filter { usage[$0] }.map { users[$0] ?? 0 }
      let sorted = cohort.sorted()
      let size = sorted.count
      let doubledMedian = size == 0 ? 0 : Int128(sorted[(size - 1) / 2] + sorted[size / 2])
      let decile = (100_000 * size + 999_999) / 1_000_000
      let quartile = (250_000 * size + 999_999) / 1_000_000
      score = arrCents.indices.map { index in
        guard usage[index], let mine = users[index] else { return 0 }
        let greater = cohort.count { $0 > mine }
        if greater < decile { return 5 }
        if greater < quartile { return 4 }
        // users ≥ 0.8 × doubledMedian / 2, exactly: users × 2 × 10^6 ≥ 800,000 × doubledMedian.
        if Int128(mine) * 2_000_000 >= 800_000 * doubledMedian { return 3 }
        if mine <= floor { return 1 }
        return 2
      }
    }
  }

  // MARK: Generated books

  /// Seeds of the generated books.
  static let seeds: [UInt64] = Array(1...80)

  /// The settings the generated books run under: below_share (millionths) and usage_floor,
  /// including the cohort's edges (none of the book, all of it).
  static let settings: [(below: Int128, floor: Int)] = [
    (700_000, 1), (300_000, 0), (500_000, 2), (1_000_000, 5), (0, 1), (700_000, 10),
  ]

  /// A book for the usage signal: ARR from a small pool (ties at the cohort's start rank), active
  /// users from a small pool with blanks (ties at the rank lines, the median and the floor),
  /// most accounts in Tier 1 or 2 so that many are demoted.
  static func drop(seed: UInt64) -> TestDrop {
    var random = SplitMix64(seed: seed)
    let count = 5 + random.below(60)
    var accounts =
      "account_id,account_name,current_tier,owner_id,customer_since,strategic_fit,"
      + "expansion_ceiling_arr,multi_bu,sponsor_status\n"
    var arr = "account_id,arr\n"
    var usage =
      "account_id,licensed_seats,active_users,active_users_prev_quarter,support_hours\n"
    let arrPool = ["6000", "12000", "12000", "30000", "48000.50", "90000", "250000"]
    let userPool = ["", "0", "1", "1", "2", "5", "10", "10", "24", "25", "30", "60", "400"]
    for index in 0..<count {
      let id = "U\(index)"
      let amount = random.pick(arrPool)
      let ceiling = random.pick(["", "", "100000", "500000"])
      accounts +=
        "\(id),Account \(index),\(random.pick(["1", "1", "2", "2", "3", ""])),,"
        + "\(random.chance(10) ? "2026-08-01" : "2019-01-01"),\(random.below(6)),\(ceiling),"
        + "\(random.pick(["", "true"])),\(random.chance(10) ? "lost" : "active")\n"
      arr += "\(id),\(amount)\n"
      let active = random.pick(userPool)
      if random.chance(90) {
        usage +=
          "\(id),\(random.pick(["", "50"])),\(active),\(random.pick(["", "0", "30"])),"
          + "\(random.pick(["", "1.5"]))\n"
      }
    }
    return TestDrop(accounts: accounts, arr: arr, usage: usage)
  }

  /// The configuration of one setting: Tier 1 uncapped so the rubric decides most moves.
  static func configuration(below: Int128, floor: Int) -> Configuration {
    var configuration = Configuration()
    configuration.maxRejectedShare = ExactDecimal(1)
    configuration.rubric.usageSignal.belowShare = ExactDecimal(millionths: below)
    configuration.rubric.usageSignal.usageFloor = floor
    RunResultFixtures.uncapped(&configuration)
    return configuration
  }

  /// The decided book of a seed under each setting.
  static func results(seed: UInt64) throws -> [RunResult] {
    try settings.map { setting in
      try Retier.decide(
        drop(seed: seed).input(configuration(below: setting.below, floor: setting.floor)))
    }
  }

  @Test(
    "the cohort, its ranks, ties at the cut lines and the floor match an independent count",
    arguments: seeds)
  func matchesReference(seed: UInt64) throws {
    for (result, setting) in zip(try Self.results(seed: seed), Self.settings) {
      let accounts = result.book.ledger.accounts
      let reference = Reference(
        arrCents: accounts.map(\.arr.cents), users: accounts.map(\.usage.activeUsers),
        belowMillionths: setting.below, floor: setting.floor)
      for index in accounts.indices {
        let scores = result.ledger.scoreList[index]
        let id = accounts[index].id
        #expect(
          (scores.firstSignal == .usage) == reference.isUsage[index],
          "\(id) below \(setting.below): first signal \(scores.firstSignal)")
        if reference.isUsage[index] {
          #expect(scores.arr == reference.score[index], "\(id): usage \(scores.arr)")
          #expect(scores.arrRule != .negativeMargin, "\(id): no support-cost rule on usage")
        }
        #expect(scores.total == ExactDecimal(scores.arr + scores.fit + scores.expansion))
      }
    }
  }

  @Test(
    "every active-user count, score and total a usage path back names holds, and is the least",
    arguments: seeds)
  func usagePathBackHolds(seed: UInt64) throws {
    for result in try Self.results(seed: seed) {
      let lookups = RunLookups(result)
      for index in result.ledger.refs
      where lookups.direction(of: index) == .demotion
        && result.ledger.scores[index].firstSignal == .usage
      {
        let memo = String(
          decoding: AccountMemo.markdownBytes(for: index, lookups: lookups), as: UTF8.self)
        #expect(!memo.contains("- Growth:"), "an account scored on usage grows ARR:\n\(memo)")
        // Each way back (to the old tier, and to each tier in between) is checked on its own.
        for way in memo.split(separator: "\n## The way back to ").dropFirst() {
          let section = way.split(separator: "\n## ", maxSplits: 1).first ?? way
          try checkUsagePathBack(String(section), index: index, result: result)
        }
      }
    }
  }

  /// The account at `index`, scored on usage, re-scored with `users` active users: `g_u(a)`
  /// counted here over the other accounts of the cohort.
  static func rescored(_ index: AccountRef, users: Int, in result: RunResult) -> SignalScores {
    var account = result.ledger[index]
    account.usage.activeUsers = users
    let greater = result.ledger.refs.count {
      $0 != index && result.ledger.scores[$0].firstSignal == .usage
        && (result.ledger[$0].usage.activeUsers ?? 0) > users
    }
    return result.rubric.usageScores(of: account, strictlyGreaterUsers: greater)
  }

  private func checkUsagePathBack(
    _ memo: String, index: AccountRef, result: RunResult
  ) throws {
    let id = result.ledger[index].id
    let today = try #require(result.ledger[index].usage.activeUsers)
    #expect(!memo.contains("- Growth:"), "\(id): an account scored on usage grows ARR:\n\(memo)")
    guard let bar = try PathBackPropertyTests.bar(in: memo) else {
      #expect(!memo.contains("What would bring them back"), "\(id): levers without a bar")
      return
    }
    if let claim = try PathBackPropertyTests.captures(
      #"- Usage: \+(\d+) active users?, to (\d+): usage scores (\d)(?: \(with those users expansion scores (\d) instead of \d\))?, total ([0-9.]+)\."#,
      in: memo)
    {
      let users = try #require(Int(claim[1]))
      #expect(try #require(Int(claim[0])) + today == users, "\(id): growth")
      let stated = Self.rescored(index, users: users, in: result)
      #expect(stated.arr == Int(claim[2]), "\(id): \(users) users score \(stated.arr)")
      #expect(stated.total == ExactDecimal(String(claim[4])), "\(id): total \(stated.total)")
      #expect(bar.isMet(by: stated.total), "\(id): \(users) users do not clear \(bar.total)")
      let oneLess = Self.rescored(index, users: users - 1, in: result)
      #expect(!bar.isMet(by: oneLess.total), "\(id): \(users - 1) users clear the bar too")
    } else if let claim = try PathBackPropertyTests.captures(
      #"- Usage: not enough alone: even \+(\d+) active users?, to (\d+), the top usage score of 5, gives a total of ([0-9.]+)\."#,
      in: memo)
    {
      let users = try #require(Int(claim[1]))
      let top = Self.rescored(index, users: users, in: result)
      #expect(top.arr == 5 && top.total == ExactDecimal(String(claim[2])), "\(id): top claim")
      #expect(!bar.isMet(by: top.total), "\(id): the top usage clears the bar after all")
      #expect(Self.rescored(index, users: users - 1, in: result).arr < 5, "\(id): not the least")
    } else {
      #expect(
        memo.contains("- Usage: usage already scores the top 5")
          || memo.contains("- Usage: no usage scores 5"),
        "\(id): the usage line names no figure:\n\(memo)")
    }
  }

  // MARK: A worked book

  /// Ten accounts A1…A10 with ARR 100,000 down to 10,000 (g(Ai) = i − 1); below_share 0.7, so the
  /// long tail starts at rank ⌈0.3 × 10⌉ = 3: A4…A10, of which A10's usage is unknown (ARR
  /// signal). Cohort users 50, 40, 30, 30, 1, 10 (A4…A9): N_u = 6, decile ⌈0.6⌉ = 1, quartile
  /// ⌈1.5⌉ = 2, median_u 30, healthy line 24, floor 1.
  ///
  /// | id | users | g_u | usage | why |
  /// |----|-------|-----|-------|-----|
  /// | A4 | 50    | 0   | 5     | top decile |
  /// | A5 | 40    | 1   | 4     | top quartile |
  /// | A6 | 30    | 2   | 3     | at the healthy line, tied with A7 |
  /// | A7 | 30    | 2   | 3     | same |
  /// | A8 | 1     | 5   | 1     | exactly at the floor |
  /// | A9 | 10    | 4   | 2     | below the line, above the floor |
  ///
  /// A9 (fit 5, expansion 2, total 9) is demoted from Tier 1 to Tier 2.
  static func workedDrop() -> TestDrop {
    var accounts = "account_id,account_name,current_tier,owner_id,customer_since,strategic_fit\n"
    var arr = "account_id,arr\n"
    var usage = "account_id,licensed_seats,active_users,active_users_prev_quarter,support_hours\n"
    let users = [nil, nil, nil, 50, 40, 30, 30, 1, 10, nil]
    for number in 1...10 {
      let tier = number == 9 ? "1" : "3"
      accounts += "A\(number),Account \(number),\(tier),,2020-01-01,\(number == 9 ? 5 : 1)\n"
      arr += "A\(number),\((11 - number) * 10_000)\n"
      if let count = users[number - 1] { usage += "A\(number),,\(count),,\n" }
    }
    return TestDrop(accounts: accounts, arr: arr, usage: usage)
  }

  /// The worked book decided with below_share 0.7.
  static func workedResult() throws -> RunResult {
    try Retier.decide(workedDrop().input(configuration(below: 700_000, floor: 1)))
  }

  @Test("the worked book scores the long tail on usage as the table says")
  func workedScores() throws {
    let result = try Self.workedResult()
    let expected: [String: Int] = ["A4": 5, "A5": 4, "A6": 3, "A7": 3, "A8": 1, "A9": 2]
    for (index, account) in result.book.ledger.accounts.enumerated() {
      let scores = result.ledger.scoreList[index]
      if let usage = expected[account.id] {
        #expect(scores.firstSignal == .usage && scores.arr == usage, "\(account.id)")
      } else {
        #expect(scores.firstSignal == .arr, "\(account.id)")
      }
    }
    let lines = try #require(result.rubric.usageCutLines)
    #expect(lines.cohortStartRank == 3 && lines.accountCount == 6)
    #expect(lines.healthyUsers == 24 && lines.median == ExactDecimal(30))
  }

  @Test("every output says usage for an account scored on usage")
  func wording() throws {
    let result = try Self.workedResult()
    let lookups = RunLookups(result)
    let held = try RunResultFixtures.ref(of: "A9", in: result)
    #expect(
      WhyMoved(lookups).sentence(for: held)
        == "Tier 1 → Tier 2: total 9 (usage 2, fit 5, expansion 2) is below the Tier 1 line of 12")
    let memo = String(
      decoding: AccountMemo.markdownBytes(for: held, lookups: lookups), as: UTF8.self)
    #expect(
      memo.contains(
        "On product usage they scored 2. On strategic fit, 5. On expansion ceiling, 2. Total of "
          + "9, which lands in Tier 2. The line is 12."))
    #expect(
      memo.contains(
        "- Product usage, 2: 10 active users is below 0.8 × the long tail's median of 30 (24) and "
          + "above the usage floor of 1."))
    #expect(memo.contains("- Usage: +40 active users, to 50: usage scores 5, total 12."))
    #expect(!memo.contains("current ARR") && !memo.contains("- Growth:"))

    let files = RenderedRun.files(of: result)
    let tiers = String(
      decoding: try #require(files.first { $0.path == "tiers.csv" }).bytes, as: UTF8.self)
    let rows = tiers.split(separator: "\n")
    #expect(rows.first?.hasSuffix(",owner_id,first_signal") == true)
    #expect(rows.filter { $0.hasSuffix(",usage") }.count == 6)
    #expect(rows.filter { $0.hasSuffix(",arr") }.count == 4)
    #expect(
      rows.contains {
        $0.hasPrefix("A9,Account 9,") && $0.hasSuffix(",2,5,2,9,2,1,2,rubric,,usage")
      })

    let lines = AccountExplanation(result: result, ref: held).lines
    #expect(lines.contains("Usage signal: 2 (below_median), in place of ARR for the long tail"))
    #expect(lines.contains("  → 2 otherwise (below the median)"))
    let floor = try RunResultFixtures.ref(of: "A8", in: result)
    let floorMemo = AccountExplanation(result: result, ref: floor).lines
    #expect(floorMemo.contains("  → 1 if active users ≤ usage_floor 1"))
  }

  /// A9 climbs by users (its memo: "+40 active users, to 50"); an ARR of the top decile would
  /// score 5 only if A9 were scored on ARR, which it is not, so run.json names no ARR target.
  @Test("run.json records no ARR target for an account scored on usage")
  func pathBackOfUsageAccount() throws {
    let result = try Self.workedResult()
    let manifest = try PreviousRunManifest.read(RenderedRun.bytes(RunManifest.fileName, of: result))
      .get()
    let a9 = try #require(manifest.pathBacks?.first { $0.accountID == "A9" })
    #expect(a9.fromTier == 1 && a9.toTier == 2 && a9.bar == ExactDecimal(12))
    #expect(a9.arrAtLeast == nil)
  }

  @Test("without the usage signal tiers.csv keeps its twelve columns and no account says usage")
  func offByDefault() throws {
    var configuration = Self.configuration(below: 0, floor: 1)
    configuration.rubric.usageSignal.belowShare = nil
    let result = try Retier.decide(Self.workedDrop().input(configuration))
    #expect(result.rubric.usageCutLines == nil)
    #expect(result.ledger.scoreList.allSatisfy { $0.firstSignal == .arr })
    let files = RenderedRun.files(of: result)
    let tiers = String(
      decoding: try #require(files.first { $0.path == "tiers.csv" }).bytes, as: UTF8.self)
    #expect(tiers.hasPrefix(TiersCSV.header.joined(separator: ",") + "\n"))
  }
}
