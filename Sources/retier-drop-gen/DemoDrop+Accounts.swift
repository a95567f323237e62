import RetierCore

extension DemoDrop {
  /// Builds the five files of the demo drop, to be written to `output`.
  mutating func tables(writingTo output: DropOutput) -> DropTables {
    let curve = Self.arrCurve()
    let lines = Rubric.withDefaultConstants(bookARRCents: curve)
    let accounts = planAccounts(
      scores: curve.map { lines.arrScore(cents: $0, supportHundredths: 0) })
    var tables = DropTables(
      accountsByteOrderMark: true, arrCRLF: true, expectedAccounts: Self.accountCount + 8,
      output: output)
    var usedNames = Set(DemoCase.catalog.compactMap(\.name))
    var rows: [(number: Int, record: AccountRecord)] = []
    var arrLines: [(accountID: String, cents: Int64)] = []
    var tierOneOwners = 0
    for account in accounts {
      let cents = curve[account.rank]
      let record = makeRecord(
        account, arrCents: cents, usedNames: &usedNames, tierOneOwners: &tierOneOwners)
      rows.append((account.number, record))
      arrLines += splitIntoLines(accountID: record.id, cents: cents, quirks: account.quirks)
    }
    for rejected in makeRejectedRows(usedNames: &usedNames) {
      rows.append((rejected.number, rejected.record))
      if rejected.number != RejectedNumber.withoutARR {
        arrLines.append((rejected.record.id, rejected.arrCents))
      }
    }
    // Billing lines for accounts the CRM does not know: orphans.
    arrLines.append((AccountID.text(901), 1_250_000))
    arrLines.append((AccountID.text(902), 4_480_050))
    // The CRM export is in id order, except a re-exported duplicate appended at the end.
    let ordered = rows.indices.sorted { (rows[$0].number, $0) < (rows[$1].number, $1) }
    var records = ordered.map { rows[$0].record }
    if let first = records.firstIndex(where: { $0.id == AccountID.text(RejectedNumber.repeated) }) {
      records.append(records.remove(at: first + 1))
    }
    for record in records {
      tables.append(record, wordCase: wordCase(), moneyStyle: moneyStyle())
    }
    tables.appendUsage(
      accountID: AccountID.text(903), licensedSeats: 40, activeUsers: 31,
      activeUsersPreviousQuarter: 30, supportHundredths: 275)
    random.shuffle(&arrLines)
    for (offset, line) in arrLines.enumerated() {
      tables.appendARRLine(
        subscription: 10_001 + offset, accountID: line.accountID, cents: line.cents,
        style: moneyStyle())
    }
    appendOverrides(to: &tables)
    appendCSMs(to: &tables)
    return tables
  }

  /// Plans all 600 valid accounts, in rank order: the catalog's cases, and random fillers
  /// in the ranks the catalog leaves free.
  private mutating func planAccounts(scores: [Int]) -> [DemoCase] {
    var accounts = [DemoCase?](repeating: nil, count: Self.accountCount)
    for deliberate in DemoCase.catalog {
      precondition(accounts[deliberate.rank] == nil, "two cases share rank \(deliberate.rank)")
      accounts[deliberate.rank] = deliberate
    }
    let taken = Set(DemoCase.catalog.map(\.number) + RejectedNumber.all)
    var numbers = (1...(Self.accountCount + RejectedNumber.all.count)).filter {
      !taken.contains($0)
    }
    random.shuffle(&numbers)
    let fillerRanks = accounts.indices.filter { accounts[$0] == nil }
    precondition(numbers.count == fillerRanks.count, "account numbers do not cover the fillers")
    let tiers = fillerTiers(fillerRanks)
    let current = previousTiers(fillerRanks: fillerRanks, tiers: tiers)
    var withoutUsage = fillerRanks.filter { $0 >= Self.topQuartileRanks }
    random.shuffle(&withoutUsage)
    let noUsage = Set(withoutUsage.prefix(5))
    for (rank, number) in zip(fillerRanks, numbers) {
      let tier = tiers[rank]!
      let signals = fillerSignals(
        arrScore: scores[rank], tier: tier, usageKnown: !noUsage.contains(rank))
      accounts[rank] = DemoCase(
        number: number, rank: rank, fit: signals.fit, expansion: signals.expansion,
        currentTier: current[rank]!, expectedTier: tier,
        quirks: noUsage.contains(rank) ? [.noUsageRow] : [])
    }
    return accounts.map { $0! }
  }

  /// Ranks below this hold ARR signal 5 (the top decile of 600).
  private static let topDecileRanks = 60
  /// Ranks below this hold ARR signal 4 or 5 (the top quartile of 600).
  private static let topQuartileRanks = 150

  /// The tier each filler must land in: fillers in the top decile are 13-plus Tier 1
  /// incumbents; below it, exactly enough fillers are Tier 2 to reach `tierTwoTarget`.
  private mutating func fillerTiers(_ fillerRanks: [Int]) -> [Int: Int] {
    var tiers: [Int: Int] = [:]
    var quartile = fillerRanks.filter { (Self.topDecileRanks..<Self.topQuartileRanks).contains($0) }
    var rest = fillerRanks.filter { $0 >= Self.topQuartileRanks }
    random.shuffle(&quartile)
    random.shuffle(&rest)
    let quartileTierThree = 10
    // The case held below Tier 2 by skipped reviews counts where its total lands (Tier 2), so the
    // fillers, and the seed's draws, stay as they were: Tier 2 ends one below the target.
    let deliberateTierTwo =
      DemoCase.catalog.filter { $0.expectedTier == 2 || $0.isHeldBySkippedReviews }.count
    let restTierTwo = Self.tierTwoTarget - deliberateTierTwo - (quartile.count - quartileTierThree)
    precondition((0...rest.count).contains(restTierTwo), "Tier 2 target out of reach")
    for rank in fillerRanks where rank < Self.topDecileRanks {
      tiers[rank] = 1
    }
    for (offset, rank) in quartile.enumerated() {
      tiers[rank] = offset < quartileTierThree ? 3 : 2
    }
    for (offset, rank) in rest.enumerated() {
      tiers[rank] = offset < restTierTwo ? 2 : 3
    }
    return tiers
  }

  /// Last quarter's tier of each filler: its tier this quarter, except 20 promotions into
  /// Tier 2, 22 demotions out of it and 5 first placements (blank), about 10% of the book
  /// moving together with the deliberate cases.
  private mutating func previousTiers(fillerRanks: [Int], tiers: [Int: Int]) -> [Int: Int?] {
    var previous: [Int: Int?] = [:]
    for rank in fillerRanks {
      previous[rank] = tiers[rank]
    }
    var tierTwo = fillerRanks.filter { tiers[$0] == 2 }
    var tierThree = fillerRanks.filter { tiers[$0] == 3 }
    random.shuffle(&tierTwo)
    random.shuffle(&tierThree)
    for rank in tierTwo.prefix(20) {
      previous[rank] = 3
    }
    for rank in tierThree.prefix(22) {
      previous[rank] = 2
    }
    for rank in tierTwo.dropFirst(20).prefix(2) + tierThree.dropFirst(22).prefix(3) {
      previous[rank] = .some(nil)
    }
    return previous
  }

  /// Strategic fit and expansion signal for a filler so its total lands in `tier`
  /// (Tier 1: 13 to 15; Tier 2: 8 to 11; Tier 3: at most 7).
  private mutating func fillerSignals(
    arrScore: Int, tier: Int, usageKnown: Bool
  ) -> (fit: Int, expansion: Int) {
    // Expansion 5 (multi-BU room of 500,000) is kept for accounts in the top quartile.
    let expansionCap = arrScore >= 4 ? 5 : 4
    let total: Int
    switch tier {
    case 1:
      total = random.integer(in: 13...15)
    case 2:
      total = random.integer(in: 8...min(11, arrScore + 5 + expansionCap))
    default:
      total = random.integer(in: arrScore...7)
    }
    let rest = total - arrScore
    let lowest = max(tier == 2 ? 1 : 0, rest - 5)
    let highest = min(expansionCap, rest)
    let choices = (lowest...highest).filter { usageKnown || $0 != 1 }
    // Lost sponsors and multi-BU expansions stay rare.
    let weights = [1, 2, 5, 5, 3, 2]
    let expansion = choices[random.index(weightedBy: choices.map { weights[$0] })]
    return (rest - expansion, expansion)
  }
}
