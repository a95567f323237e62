import RetierCore

extension DemoDrop {
  /// The accounts.csv and usage.csv content of one planned account.
  mutating func makeRecord(
    _ account: DemoCase, arrCents: Int64, usedNames: inout Set<String>, tierOneOwners: inout Int
  ) -> AccountRecord {
    let hasUsageRow = !account.quirks.contains(.noUsageRow)
    var expansion = ExpansionFields.shaped(
      score: account.expansion, arrCents: arrCents, usageKnown: hasUsageRow, random: &random)
    var support = supportHundredths(arrCents: arrCents)
    for quirk in account.quirks {
      switch quirk {
      case .creditLine, .noUsageRow:
        break
      case .negativeMargin:
        support = SupportLoad.excessiveHundredths(arrCents: arrCents, extraHours: 6) + 25
      case .zeroARR:
        support = 650
      case .exactDoubleCeiling:
        expansion.ceilingCents = 2 * arrCents
        expansion.multiBU = false
      case .exactModestCeiling:
        expansion.ceilingCents = 6 * arrCents / 5
        expansion.multiBU = nil
      case .exactMultiBURoom:
        expansion.ceilingCents = arrCents + ExpansionFields.multiBURoomCents
        expansion.multiBU = true
      case .usageAtDeclineLine:
        expansion.licensedSeats = 240
        expansion.activeUsers = 180
        expansion.activeUsersPreviousQuarter = 200
      case .usageAtSeatCapLine:
        expansion.ceilingCents = nil
        expansion.licensedSeats = 250
        expansion.activeUsers = 225
        expansion.activeUsersPreviousQuarter = 230
      case .seatCapExpansion:
        expansion.ceilingCents = nil
        expansion.licensedSeats = 400
        expansion.activeUsers = 372
        expansion.activeUsersPreviousQuarter = 380
      }
    }
    let owner =
      account.owner ?? previousOwner(tier: account.currentTier, tierOneOwners: &tierOneOwners)
    return AccountRecord(
      id: AccountID.text(account.number), name: account.name ?? uniqueName(&usedNames),
      industry: random.element(of: CompanyNames.industries),
      customerSince: .date(customerSince(account.since)), strategicFit: account.fit,
      currentTier: account.currentTier, ownerID: owner, expansion: expansion,
      supportHundredths: support, hasUsageRow: hasUsageRow, reviewsSkipped: account.reviewsSkipped,
      hold: hold(of: account.number))
  }

  /// The owner-hold columns of account `number` (SPEC §5 rule 0): a demotion renewing in 47
  /// days (the handoff waits), one renewing on day 91 (just past the hold: it moves now), a
  /// pinned demotion, and a hold on the inactive Tier 2 CSM's account (released, with a
  /// warning). Every other account leaves them blank.
  func hold(of number: Int) -> AccountRecord.Hold {
    let runDate = quarter.runDate
    switch number {
    case 233: return AccountRecord.Hold(renewal: runDate.adding(days: 47))
    case 145: return AccountRecord.Hold(renewal: runDate.adding(days: 91))
    case 21:
      return AccountRecord.Hold(
        locked: true, reason: "Sponsor escalation open: keep the Tier 1 CSM until it closes")
    case 322: return AccountRecord.Hold(renewal: runDate.adding(days: 30))
    default: return AccountRecord.Hold()
    }
  }

  /// The billing lines of an account: usually one, sometimes two, and for the credit-line case
  /// a negative credit against a larger line.
  mutating func splitIntoLines(
    accountID: String, cents: Int64, quirks: [DemoCase.Quirk]
  ) -> [(accountID: String, cents: Int64)] {
    if quirks.contains(.creditLine) {
      let credit: Int64 = 480_000
      return [(accountID, cents + credit), (accountID, -credit)]
    }
    // Large accounts carry a platform line and an add-on line.
    guard cents >= 2_000_000, random.chance(1, in: 4) else {
      return [(accountID, cents)]
    }
    let addOn = cents / 3 - cents / 3 % 100
    return [(accountID, cents - addOn), (accountID, addOn)]
  }

  /// The four deliberately invalid account rows: a repeated id (two rows), strategic_fit 7,
  /// customer_since 2026-13-01, and an account without any ARR line.
  mutating func makeRejectedRows(
    usedNames: inout Set<String>
  ) -> [(number: Int, record: AccountRecord, arrCents: Int64)] {
    let numbers = [
      RejectedNumber.repeated, RejectedNumber.repeated, RejectedNumber.fitOutOfRange,
      RejectedNumber.impossibleDate, RejectedNumber.withoutARR,
    ]
    var rows: [(number: Int, record: AccountRecord, arrCents: Int64)] = []
    for number in numbers {
      let arrCents = Int64(random.integer(in: 180...620)) * 10_000
      let since: AccountRecord.Since =
        number == RejectedNumber.impossibleDate
        ? .text("\(quarter.fiscalYear)-13-01") : .date(customerSince(nil))
      rows.append(
        (
          number,
          AccountRecord(
            id: AccountID.text(number), name: uniqueName(&usedNames),
            industry: random.element(of: CompanyNames.industries), customerSince: since,
            strategicFit: number == RejectedNumber.fitOutOfRange ? 7 : random.integer(in: 1...4),
            currentTier: 2, ownerID: Self.inactiveTierTwoCSM,
            expansion: .shaped(
              score: random.integer(in: 2...4), arrCents: arrCents, usageKnown: true,
              random: &random),
            supportHundredths: supportHundredths(arrCents: arrCents), hasUsageRow: true),
          arrCents
        ))
    }
    return rows
  }

  /// How the next row spells its word values (mostly lower case).
  mutating func wordCase() -> DropTables.WordCase {
    switch random.below(10) {
    case 0:
      return .upper
    case 1, 2:
      return .capitalized
    default:
      return .lower
    }
  }

  /// How the next row spells its money (mostly without trailing zeros).
  mutating func moneyStyle() -> CSVBuffer.DecimalStyle {
    random.chance(3, in: 10) ? .twoDecimals : .shortest
  }

  /// Support hours for a quarter, in hundredths; blank for one account in twenty.
  private mutating func supportHundredths(arrCents: Int64) -> Int64? {
    guard !random.chance(1, in: 20) else { return nil }
    return SupportLoad.typicalHundredths(arrCents: arrCents, random: &random)
  }

  /// A company name not used yet in this drop.
  private mutating func uniqueName(_ usedNames: inout Set<String>) -> String {
    while true {
      let name = CompanyNames.next(random: &random)
      if usedNames.insert(name).inserted {
        return name
      }
    }
  }

  /// `customer_since` for a case, or a random date long enough ago not to be a new logo.
  private mutating func customerSince(_ since: DemoCase.Since?) -> CalendarDate {
    switch since {
    case .quarterStart(let days)?:
      return quarter.firstDay.adding(days: days)
    case .previousQuarterStart(let days)?:
      return quarter.previous().firstDay.adding(days: days)
    case .quarterLastDay?:
      return quarter.lastDay
    case nil:
      let earliest = CalendarDate(year: quarter.fiscalYear - 13, month: 1, day: 1)!.daysSinceEpoch
      let latest = quarter.previous().firstDay.daysSinceEpoch - 1
      return CalendarDate(daysSinceEpoch: random.integer(in: earliest...latest))
    }
  }

  /// Last quarter's owner: Tier 1 accounts are spread over the six Tier 1 CSMs in ARR order;
  /// Tier 2 accounts mostly sit with the now inactive Tier 2 CSM; Tier 3 with the pool.
  private mutating func previousOwner(tier: Int?, tierOneOwners: inout Int) -> String {
    switch tier {
    case 1?:
      defer { tierOneOwners += 1 }
      return Self.tierOneCSMs[tierOneOwners % Self.tierOneCSMs.count]
    case 2?:
      let pick = random.below(20)
      return pick < 14 ? Self.inactiveTierTwoCSM : pick < 17 ? Self.poolOwner : ""
    case 3?:
      let pick = random.below(20)
      return pick < 17 ? Self.poolOwner : pick < 18 ? Self.departedOwner : ""
    default:
      return random.chance(1, in: 2) ? Self.poolOwner : ""
    }
  }
}
