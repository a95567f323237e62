import RetierCore

/// A large benchmark drop: N valid accounts with Pareto-like ARR (whole hundreds, so many ties),
/// current tiers from a noisy version of the rubric (about 10% move), every optional column
/// mixed with blanks, about 0.2% rejected rows on top, a few overrides and a CSM roster sized
/// so capacity roughly fits. It is not tuned like the demo; it is fast and deterministic.
struct BenchDrop {
  /// The tier ladder the book is drawn for: the rubric lines that set last quarter's tiers and
  /// the roster of the named tiers.
  struct Ladder {
    /// The `min_score` of every tier but the last, Tier 1 first.
    var lines: [Int]
    /// The named tiers' rosters, Tier 1 first: accounts per CSM hired for and the
    /// `max_accounts` values drawn.
    var rosters: [BenchRoster.TierPlan]

    /// The number of tiers.
    var tierCount: Int { lines.count + 1 }

    /// The default three-tier ladder (Gold 12, Silver 8, Bronze).
    static let threeTier = Ladder(
      lines: [12, 8],
      rosters: [
        BenchRoster.TierPlan(accountsPerCSM: 150, capacities: [12, 15, 18, nil]),
        BenchRoster.TierPlan(accountsPerCSM: 100, capacities: [30, 40, 50, 60, nil]),
      ])

    /// `config/four-tier.json`'s ladder: Strategic 14 (10 per CSM), Enterprise 11 (25 per
    /// CSM), Mid-Market 7 and SMB pooled.
    static let fourTier = Ladder(
      lines: [14, 11, 7],
      rosters: [
        BenchRoster.TierPlan(accountsPerCSM: 200, capacities: [8, 10, nil]),
        BenchRoster.TierPlan(accountsPerCSM: 160, capacities: [20, 25, nil]),
      ])
  }

  /// The number of valid accounts.
  let accountCount: Int
  /// The quarter the drop is for.
  let quarter: FiscalQuarter
  /// The ladder the book is drawn for.
  let ladder: Ladder
  /// The drop's random generator.
  var random: DropRandom

  /// Prepares a benchmark drop of `accountCount` valid accounts on `ladder`.
  init(accountCount: Int, seed: UInt64, quarter: FiscalQuarter, ladder: Ladder = .threeTier) {
    self.accountCount = accountCount
    self.quarter = quarter
    self.ladder = ladder
    random = DropRandom(seed: seed)
  }

  /// One rejected row is added after every this many valid accounts (0.2%).
  private static let validRowsPerRejected = 500
  /// `continue` probability of the octave walk, 0.42 × 2^64: P(ARR > x) falls like x^-1.25.
  private static let nextOctaveThreshold: UInt64 = 7_747_632_510_958_011_678
  /// The smallest generated ARR, in dollars.
  private static let smallestARRDollars = 5_000
  /// Weights of strategic fit 0...5 for ARR signal ≤ 3, 4 and 5: with them about 11% of the
  /// book scores into Tier 1 (so the 10% cap bites), 27% into Tier 2 and 62% into Tier 3.
  private static let fitWeights = [
    [30, 32, 20, 10, 6, 2], [3, 8, 18, 30, 28, 13], [0, 2, 6, 17, 40, 35],
  ]
  /// Weights of the expansion signal 0...5, by the same ARR bands as `fitWeights`.
  private static let expansionWeights = [
    [6, 14, 50, 22, 7, 1], [2, 6, 25, 32, 23, 12], [1, 4, 15, 30, 30, 20],
  ]
  /// A cap on the octave walk (largest ARR about 5,000 × 2^12 dollars).
  private static let octaveLimit = 11

  /// Builds the five files, writing them to `output` as they grow.
  mutating func tables(writingTo output: DropOutput) -> DropTables {
    let arrCents = (0..<accountCount).map { _ in nextARRCents() }
    let lines = Rubric.withDefaultConstants(bookARRCents: arrCents)
    let rejectedCount = accountCount / Self.validRowsPerRejected
    let idWidth = max(5, String(accountCount + rejectedCount + 10).count)
    let roster = BenchRoster(accountCount: accountCount, plans: ladder.rosters, random: &random)
    var tables = DropTables(
      accountsByteOrderMark: false, arrCRLF: false, expectedAccounts: accountCount, output: output)
    var subscription = 0
    let earliest = CalendarDate(year: quarter.fiscalYear - 16, month: 1, day: 1)!.daysSinceEpoch
    let settled = quarter.previous().firstDay.daysSinceEpoch
    let newest = quarter.lastDay.daysSinceEpoch
    let runDate = quarter.runDate
    for index in 0..<accountCount {
      let cents = arrCents[index]
      let id = AccountID.text(index + 1, width: idWidth)
      let usageKnown = !random.chance(1, in: 50)
      let support = usageKnown ? supportHundredths(arrCents: cents) : nil
      let arrScore = lines.arrScore(cents: cents, supportHundredths: support ?? 0)
      // Larger accounts tend to be more strategic and to have more room to grow.
      let band = min(max(arrScore, 3), 5) - 3
      let fit = random.index(weightedBy: Self.fitWeights[band])
      var expansionScore = random.index(weightedBy: Self.expansionWeights[band])
      if expansionScore == 5 && cents < 5_000_000 {
        expansionScore = 4  // multi-BU room of 500,000 is for large accounts
      } else if expansionScore == 1 && !usageKnown {
        expansionScore = 2  // declining usage needs a usage row
      }
      let expansion = ExpansionFields.shaped(
        score: expansionScore, arrCents: cents, usageKnown: usageKnown, random: &random)
      let total = arrScore + fit + expansionScore
      let rubricTier = (ladder.lines.firstIndex { total >= $0 } ?? ladder.lines.count) + 1
      let currentTier = noisyPreviousTier(rubricTier)
      let since =
        random.chance(3, in: 100)
        ? random.integer(in: settled...newest) : random.integer(in: earliest...(settled - 1))
      tables.append(
        AccountRecord(
          id: id, name: CompanyNames.next(random: &random),
          industry: random.element(of: CompanyNames.industries),
          customerSince: .date(CalendarDate(daysSinceEpoch: since)), strategicFit: fit,
          currentTier: currentTier, ownerID: roster.owner(tier: currentTier, index: index),
          expansion: expansion, supportHundredths: support, hasUsageRow: usageKnown,
          hold: Self.hold(index: index, runDate: runDate)),
        moneyStyle: random.chance(1, in: 4) ? .twoDecimals : .shortest)
      appendARRLines(accountID: id, cents: cents, subscription: &subscription, to: &tables)
      if (index + 1) % Self.validRowsPerRejected == 0 {
        let number = accountCount + (index + 1) / Self.validRowsPerRejected
        appendRejected(
          kind: (index + 1) / Self.validRowsPerRejected % 5,
          id: AccountID.text(number, width: idWidth), subscription: &subscription, to: &tables)
      }
      tables.handOverFullBuffers()
    }
    appendOrphans(idWidth: idWidth, subscription: &subscription, to: &tables)
    appendOverrides(idWidth: idWidth, to: &tables)
    roster.append(to: &tables)
    return tables
  }

  /// ARR in cents: an octave picked by a geometric walk, uniform within it, rounded down to
  /// whole hundreds of dollars.
  private mutating func nextARRCents() -> Int64 {
    var octave = 0
    while octave < Self.octaveLimit && random.next() < Self.nextOctaveThreshold {
      octave += 1
    }
    let low = Self.smallestARRDollars << octave
    let dollars = low + random.below(low)
    return Int64(dollars / 100 * 100) * 100
  }

  /// Support hours in hundredths: about 8.5% of ARR, blank for 3%, and for 0.3% a support load
  /// above ARR (negative margin).
  private mutating func supportHundredths(arrCents: Int64) -> Int64? {
    switch random.below(1000) {
    case 0..<30:
      return nil
    case 30..<33:
      return SupportLoad.excessiveHundredths(arrCents: arrCents, extraHours: 3)
    default:
      return SupportLoad.typicalHundredths(arrCents: arrCents, random: &random)
    }
  }

  /// The owner-hold columns of the `index`-th account, by position so that the random draws
  /// stay as they were: one in eight renews within the next 120 days (so about three in four of
  /// those within the default 90-day hold), one in a hundred is pinned by the CS lead.
  static func hold(index: Int, runDate: CalendarDate) -> AccountRecord.Hold {
    var hold = AccountRecord.Hold()
    if index % 8 == 3 { hold.renewal = runDate.adding(days: 1 + index / 8 % 120) }
    if index % 100 == 41 {
      hold.locked = true
      hold.reason = "Executive sponsor asked to keep their CSM through the expansion"
    }
    return hold
  }

  /// Last quarter's tier: the rubric tier, moved one tier for 10% of accounts, blank for 2%.
  private mutating func noisyPreviousTier(_ tier: Int) -> Int? {
    switch random.below(100) {
    case 0..<2:
      return nil
    case 2..<7:
      return tier == 1 ? 2 : tier - 1
    case 7..<12:
      return tier == ladder.tierCount ? tier - 1 : tier + 1
    default:
      return tier
    }
  }
}
