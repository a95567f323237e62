import RetierTestSupport
import Testing

@testable import RetierCore

/// Every figure a memo or `why_moved` states, checked against the rubric's own predicate on
/// generated books: set the account's ARR or ceiling to what its path back names, re-score it at
/// this quarter's cut lines (the other accounts unchanged), and the stated score and total follow;
/// one cent less does not reach them.
@Suite("Path back and walkback claims on generated books")
struct PathBackPropertyTests {
  /// Seeds of the generated books.
  static let seeds: [UInt64] = Array(1...120)

  /// A configuration that never aborts on the error budget.
  static let configuration: Configuration = {
    var configuration = Configuration()
    configuration.maxRejectedShare = ExactDecimal(1)
    return configuration
  }()

  /// A book built for the path back: amounts to the cent around the cut lines (ties at the floor,
  /// the median and the ranks), support hours whose cost lands on or next to the ARR, ceilings on
  /// the expansion ratios, declining usage and lost sponsors, most accounts currently in Tier 1
  /// or 2 so that many are demoted.
  static func pathBackDrop(seed: UInt64) -> TestDrop {
    var random = SplitMix64(seed: seed)
    let count = 20 + random.below(80)
    var accounts =
      "account_id,account_name,current_tier,owner_id,customer_since,strategic_fit,"
      + "expansion_ceiling_arr,multi_bu,sponsor_status\n"
    var arr = "account_id,arr\n"
    var usage =
      "account_id,licensed_seats,active_users,active_users_prev_quarter,support_hours\n"
    func amount(_ cents: Int) -> String { "\(cents / 100).\(String(format2: cents % 100))" }
    var pool: [Int] = [550_000, 550_001, 1_200_000, 4_830_000, 4_830_000]
    for index in 0..<count {
      let cents =
        random.chance(30)
        ? random.pick(pool) : 100_000 + random.below(30_000_000)
      pool.append(cents)
      let id = "P\(index)"
      let ceiling: String
      switch random.below(6) {
      case 0: ceiling = ""
      case 1: ceiling = amount(cents * 2)
      case 2: ceiling = amount(cents * 6 / 5)
      case 3: ceiling = amount(cents + 50_000_000)
      default: ceiling = amount(cents + random.below(cents * 2 + 1))
      }
      accounts +=
        "\(id),Account \(index),\(random.pick(["1", "1", "2", "2", "3", ""])),,"
        + "\(random.chance(10) ? "2026-08-01" : "2019-01-01"),\(random.below(6)),\(ceiling),"
        + "\(random.pick(["", "true", "false"])),\(random.chance(10) ? "lost" : "active")\n"
      arr += "\(id),\(amount(cents))\n"
      // Support cost 4 × h × 85 = 340 × h: on, just below or just above the ARR, or small.
      let breakEvenHundredths = cents / 340
      let hundredths: Int
      switch random.below(5) {
      case 0: hundredths = breakEvenHundredths
      case 1: hundredths = breakEvenHundredths + 1
      case 2: hundredths = random.below(breakEvenHundredths * 3 + 1)
      default: hundredths = random.below(1_000)
      }
      let previous = random.pick(["", "0", "100", "100"])
      let active = random.pick(["", "89", "90", "95", "100"])
      usage +=
        "\(id),\(random.pick(["", "100"])),\(active),\(previous),"
        + "\(hundredths / 100).\(String(format2: hundredths % 100))\n"
    }
    return TestDrop(accounts: accounts, arr: arr, usage: usage)
  }

  /// The decided books of a seed: the path-back book and the generic generated drop.
  static func results(seed: UInt64) throws -> [RunResult] {
    let pathBack = try Retier.decide(pathBackDrop(seed: seed).input(configuration))
    let generic = try Retier.decide(
      RunInput(
        quarter: FiscalQuarter(label: "2026-Q3")!, files: GeneratedDrop(seed: seed).files(),
        configuration: configuration, configBytes: [], toolVersion: "property"))
    return [pathBack, generic]
  }

  // MARK: Re-scoring a claim

  /// What a claim changes about an account.
  struct Change {
    var arr: Money?
    var ceiling: Money?
    var addsMultiBU = false
    /// The sponsor is active again: only when the words say so.
    var restoresSponsor = false
    /// Usage stops declining: only when the words say so (a sponsor back leaves a decline).
    var stopsDecline = false
  }

  /// The account at `index` re-scored after `change`, at the run's cut lines: `g(a)` counted
  /// here over the other accounts, the rules the rubric's own.
  static func rescored(_ index: AccountRef, in result: RunResult, after change: Change)
    -> SignalScores
  {
    var account = result.ledger[index]
    if let arr = change.arr { account.arr = arr }
    if let ceiling = change.ceiling { account.expansionCeiling = ceiling }
    if change.addsMultiBU { account.multiBU = true }
    if change.restoresSponsor { account.sponsorLost = false }
    if change.stopsDecline { account.usage.activeUsersPreviousQuarter = nil }
    let greater = result.ledger.refs.count {
      $0 != index && result.ledger[$0].arr > account.arr
    }
    return result.rubric.scores(of: account, strictlyGreater: greater)
  }

  // MARK: Parsing the memo

  /// `10,965` or `623,456.78` as money.
  static func money(_ text: Substring) -> Money? {
    // Amounts past the input format's 15 digits occur (a ceiling of ARR + 500,000).
    let parts = text.replacing(",", with: "").split(separator: ".")
    guard let units = parts.first.flatMap({ Int128(String($0)) }) else { return nil }
    let cents = parts.count == 2 ? Int128(String(parts[1])) ?? 0 : 0
    return Money(cents: units * 100 + cents)
  }

  /// Today's ARR as a memo says it: rounded half up to whole units.
  static func spoken(_ money: Money) -> Money {
    Money(cents: (money.cents + 50) / 100 * 100)
  }

  /// An exact decimal as memos print it.
  static func decimal(_ text: Substring) -> ExactDecimal? { ExactDecimal(String(text)) }

  /// The single match of `pattern` in `text`, as its captures.
  static func captures(_ pattern: String, in text: String) throws -> [Substring]? {
    let regex = try Regex(pattern)
    guard let match = text.firstMatch(of: regex) else { return nil }
    return (1..<match.output.count).map { match.output[$0].substring ?? "" }
  }

  /// The bar the path back names: the line to reach, or the total to pass.
  static func bar(in memo: String) throws -> Rubric.Bar? {
    if let line = try captures(
      #"The total (?:also )?needs to reach the Tier \d+ line of ([0-9.]+)"#, in: memo),
      let total = decimal(line[0])
    {
      return Rubric.Bar(total: total, isStrict: false)
    }
    if let lowest = try captures(#"A total above ([0-9.]+) holds a seat"#, in: memo),
      let total = decimal(lowest[0])
    {
      return Rubric.Bar(total: total, isStrict: true)
    }
    return nil
  }

  /// The changes an expansion plan in words names.
  static func plan(_ words: Substring) throws -> Change {
    var change = Change()
    change.restoresSponsor = words.contains("an active executive sponsor again")
    change.stopsDecline = words.contains("usage that stops declining")
    change.addsMultiBU = words.contains("(multi-BU)")
    if let ceiling = try captures(
      #"an expansion ceiling of at least ([0-9,.]+) \("#, in: String(words))
    {
      change.ceiling = money(ceiling[0])
    }
    return change
  }

  // MARK: Tests

  @Test(
    "every ARR, ceiling, score and total a path back names holds, and is the least",
    arguments: seeds)
  func pathBackClaimsHold(seed: UInt64) throws {
    for result in try Self.results(seed: seed) {
      let lookups = RunLookups(result)
      for index in result.ledger.refs where lookups.direction(of: index) == .demotion {
        let memo = String(
          decoding: AccountMemo.markdownBytes(for: index, lookups: lookups), as: UTF8.self)
        // Each way back (to the old tier, and to each tier in between on a longer drop) names
        // its own bar and levers: each is checked on its own.
        let ways = memo.split(separator: "\n## The way back to ").dropFirst()
        #expect(!ways.isEmpty, "\(result.ledger.id(index)): no way back")
        for way in ways {
          let section = way.split(separator: "\n## ", maxSplits: 1).first ?? way
          try checkPathBack(String(section), index: index, result: result)
        }
      }
    }
  }

  private func checkPathBack(_ memo: String, index: AccountRef, result: RunResult) throws {
    let id = result.ledger[index].id
    let scores = result.ledger.scores[index]
    guard let bar = try Self.bar(in: memo) else {
      // No bar named: then no lever may be named either (a reworded bar cannot hide levers).
      #expect(!memo.contains("What would bring them back"), "\(id): levers without a bar:\n\(memo)")
      return
    }
    #expect(!bar.isMet(by: scores.total), "\(id): today's total already clears the bar")
    // ARR alone: "+Δ of ARR, to A", where Δ is A less today's ARR.
    if let claim = try Self.captures(
      #"- Growth: \+([0-9,.]+) of ARR, to ([0-9,.]+)[^:\n]*?: ARR scores (\d)(?: \(at that ARR the ceiling scores (\d) on expansion instead of \d\))?, total ([0-9.]+)\."#,
      in: memo)
    {
      let arr = try #require(Self.money(claim[1]))
      let growth = try #require(Self.money(claim[0]))
      #expect(
        growth + Self.spoken(result.ledger[index].arr) == arr, "\(id): +\(growth) is not to \(arr)")
      let stated = Self.rescored(index, in: result, after: Change(arr: arr))
      #expect(
        stated.arr == Int(claim[2]), "\(id): ARR \(arr) scores \(stated.arr), not \(claim[2])")
      #expect(stated.total == Self.decimal(claim[4]), "\(id): ARR \(arr) totals \(stated.total)")
      #expect(stated.expansion == (claim[3].isEmpty ? scores.expansion : Int(claim[3])))
      #expect(bar.isMet(by: stated.total), "\(id): ARR \(arr) does not clear \(bar.total)")
      #expect(arr.cents % 100 == 0, "\(id): \(arr) is not in whole units")
      // One unit less, but never below today's ARR: a lower ARR is no growth (and can raise the
      // expansion score, since the ceiling rules compare the ceiling with ARR).
      let oneUnitLess = Self.rescored(
        index, in: result,
        after: Change(arr: max(Money(cents: arr.cents - 100), result.ledger[index].arr)))
      #expect(!bar.isMet(by: oneUnitLess.total), "\(id): one unit below \(arr) clears the bar")
    } else if let claim = try Self.captures(
      #"- Growth: not enough alone: even \+([0-9,.]+) of ARR, to ([0-9,.]+), the top ARR score of 5, gives a total of ([0-9.]+)\."#,
      in: memo)
    {
      let arr = try #require(Self.money(claim[1]))
      let growth = try #require(Self.money(claim[0]))
      #expect(
        growth + Self.spoken(result.ledger[index].arr) == arr, "\(id): +\(growth) is not to \(arr)")
      let top = Self.rescored(index, in: result, after: Change(arr: arr))
      #expect(top.arr == 5 && top.total == Self.decimal(claim[2]), "\(id): top ARR claim")
      #expect(!bar.isMet(by: top.total), "\(id): the top ARR clears the bar after all")
      #expect(
        Self.rescored(index, in: result, after: Change(arr: Money(cents: arr.cents - 100))).arr < 5)
    } else {
      #expect(
        memo.contains("- Growth: ARR already scores the top 5")
          || memo.contains("- Growth: no ARR scores 5"),
        "\(id): the growth line names no figure:\n\(memo)")
    }
    // Expansion alone.
    if let claim = try Self.captures(
      #"- Expansion: ((?:an |a |evidence |usage )[^\n]*?): expansion scores (\d), total ([0-9.]+)\.\n"#,
      in: memo)
    {
      let change = try Self.plan(claim[0])
      let stated = Self.rescored(index, in: result, after: change)
      #expect(stated.expansion == Int(claim[1]), "\(id): the plan scores \(stated.expansion)")
      #expect(stated.total == Self.decimal(claim[2]) && bar.isMet(by: stated.total), "\(id)")
      if let ceiling = change.ceiling {
        var less = change
        less.ceiling = Money(cents: ceiling.cents - 100)
        #expect(
          Self.rescored(index, in: result, after: less).expansion < stated.expansion,
          "\(id): one unit below the ceiling \(ceiling) scores as much:\n\(memo)")
      }
      // Each change the words name is needed: without it the plan does not score as stated.
      for dropped in [\Change.restoresSponsor, \Change.stopsDecline, \Change.addsMultiBU]
      where change[keyPath: dropped] {
        var less = change
        less[keyPath: dropped] = false
        #expect(
          Self.rescored(index, in: result, after: less).total < stated.total,
          "\(id): the plan scores as much without one of its changes:\n\(memo)")
      }
    }
    // Both together.
    if let claim = try Self.captures(
      #"together they do: \+([0-9,.]+) of ARR, to ([0-9,.]+) \(ARR scores (\d)\) with (.*?) \(expansion scores (\d)\): total ([0-9.]+)\."#,
      in: memo)
    {
      var change = try Self.plan(claim[3])
      change.arr = Self.money(claim[1])
      let growth = try #require(Self.money(claim[0]))
      #expect(growth + Self.spoken(result.ledger[index].arr) == change.arr, "\(id): growth")
      let stated = Self.rescored(index, in: result, after: change)
      #expect(stated.arr == Int(claim[2]) && stated.expansion == Int(claim[4]), "\(id)")
      #expect(stated.total == Self.decimal(claim[5]) && bar.isMet(by: stated.total), "\(id)")
    }
  }

  @Test("every walkback and why_moved sentence agrees with the decision", arguments: seeds)
  func sentencesAgreeWithDecision(seed: UInt64) throws {
    for result in try Self.results(seed: seed) {
      let lookups = RunLookups(result)
      for index in result.ledger.refs {
        guard let direction = lookups.direction(of: index) else { continue }
        let decision = result.ledger.decisions[index]
        let scores = result.ledger.scores[index]
        let id = result.ledger[index].id
        // The account memo's "why it moved": the walkback for a rubric move, the scores and the
        // true reason otherwise.
        var walkback = TextBuffer(capacity: 512)
        AccountMemo.writeReason(index, lookups: lookups, to: &walkback)
        let text = walkback.string
        #expect(text.contains("Total of \(scores.total)"), "\(id): \(text)")
        switch decision.reason {
        case .rubric:
          let claim = try #require(
            try Self.captures(
              #"which lands in Tier (\d+)\. (?:The line is ([0-9.]+)|The Tier \d+ line is ([0-9.]+) and the Tier \d+ line is ([0-9.]+))\."#,
              in: text), "\(id): \(text)")
          #expect(Int(claim[0]) == decision.rubricTier, "\(id): \(text)")
          // The line a rubric move names is the one it missed (demotion) or reached; a fall past
          // two lines names both, and misses both.
          for line in [claim[1], claim[2], claim[3]] where !line.isEmpty {
            let value = try #require(Self.decimal(line))
            #expect((scores.total >= value) == (direction != .demotion), "\(id): \(text)")
          }
        case .cap where decision.isHeldBySkippedReviews, .skippedReviews:
          let claim = try #require(
            try Self.captures(#"which on the rubric alone lands in Tier (\d+)\."#, in: text),
            "\(id): \(text)")
          #expect(Int(claim[0]) == decision.rubricTier, "\(id): \(text)")
          let from = try #require(result.ledger[index].currentTier)
          #expect(
            text.contains("move it one tier below Tier \(from),")
              || text.contains("hold it in Tier \(from):"), "\(id): \(text)")
        case .cap:
          let claim = try #require(
            try Self.captures(#"which reaches the Tier (\d+) line of ([0-9.]+)\."#, in: text),
            "\(id): \(text)")
          #expect(Int(claim[0]) == decision.targetTier, "\(id): \(text)")
          #expect(try scores.total >= #require(Self.decimal(claim[1])), "\(id): \(text)")
        case .override, .newLogo:
          let claim = try #require(
            try Self.captures(#"which on the rubric alone lands in Tier (\d+)\."#, in: text),
            "\(id): \(text)")
          #expect(Int(claim[0]) == decision.rubricTier, "\(id): \(text)")
          #expect(
            text.contains("sets Tier \(decision.finalTier) instead")
              || text.contains("it is held in Tier \(decision.finalTier) until"), "\(id): \(text)")
        case .invalidInput:
          Issue.record("\(id): a rejected account moved")
        }
        let sentence = try #require(WhyMoved(lookups).sentence(for: index))
        try checkLines(in: sentence, total: scores.total, result: result, id: id)
      }
    }
  }

  /// Checks every `is below the Tier k line of L` and `reaches the Tier k line of L` of a
  /// sentence against the total and the configured line.
  private func checkLines(
    in sentence: String, total: ExactDecimal, result: RunResult, id: String
  ) throws {
    let regex = try Regex(#"(is below|reaches) the Tier (\d+) line of ([0-9.]+)"#)
    for match in sentence.matches(of: regex) {
      let verb = match.output[1].substring ?? ""
      let tier = try #require(Int(match.output[2].substring ?? ""))
      let line = try #require(Self.decimal(match.output[3].substring ?? ""))
      #expect(line == result.configuration.tier(tier).minScore, "\(id): \(sentence)")
      #expect((verb == "reaches") == (total >= line), "\(id): \(sentence)")
    }
  }
}

extension String {
  /// Two digits, zero-padded: `7` → `07`.
  fileprivate init(format2 value: Int) {
    self = value < 10 ? "0\(value)" : "\(value)"
  }
}
