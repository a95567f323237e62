@testable import RetierCore

/// Builds books, tier decisions, rosters and run results in memory for the owner, capacity and
/// reassignment tests.
enum OwnerFixtures {
  /// One valid account and the tier it ends in.
  struct Placed {
    /// The account as the CRM has it.
    var account: Account
    /// Its tier after the re-tier.
    var finalTier: Int
  }

  /// A valid account `id` with `arr`, CRM tier `from` (nil: first placement) and CRM `owner`,
  /// ending in tier `to`.
  /// `renewal` is its renewal date, `locked` its `owner_locked` with `lockReason`.
  static func placed(
    _ id: String, arr: String, from: Int?, to: Int, owner: String = "", name: String? = nil,
    renewal: CalendarDate? = nil, locked: Bool = false, lockReason: String = ""
  ) -> Placed {
    var account = TestAccounts.account(id, arr: arr, currentTier: from, owner: owner)
    if let name { account.name = name }
    account.renewalDate = renewal
    account.ownerLocked = locked
    account.lockReason = lockReason
    return Placed(account: account, finalTier: to)
  }

  /// A roster row; `max` nil means the tier default, `crmUserID` nil the csm id.
  static func csm(
    _ id: String, tier: Int, max: Int? = nil, active: Bool = true, email: String? = nil,
    crmUserID: String? = nil, backfill: String = ""
  ) -> CSM {
    CSM(
      line: 2, id: id, name: "CSM \(id)", email: email ?? "\(id)@example.com",
      crmUserID: crmUserID ?? id, tier: tier, maxAccounts: max, isActive: active,
      backfillCSMID: backfill)
  }

  /// The run date of every scenario: 2026-10-14.
  static let runDate = CalendarDate(year: 2026, month: 10, day: 14)!

  /// The tier decision of an account that simply lands in `finalTier` on the rubric.
  static func decision(finalTier: Int) -> TierDecision {
    TierDecision(
      rubricTier: finalTier, targetTier: finalTier, finalTier: finalTier, reason: .rubric,
      override: nil, isNewLogo: false)
  }

  /// The default configuration with its tiers' capacities replaced where given.
  static func configuration(capacities: [Int: Int] = [:]) -> Configuration {
    var configuration = TestAccounts.configuration
    for (tier, capacity) in capacities { configuration.tiers[tier - 1].capacity = capacity }
    return configuration
  }

  /// Strategic and Enterprise named (capacities 5 and 40), Mid-Market and SMB pooled.
  static var fourTierConfiguration: Configuration {
    var configuration = TestAccounts.configuration
    let ladder = TierDefinition.defaultLadder
    configuration.tiers = [
      TierDefinition(
        name: "Strategic", minScore: ExactDecimal(13), maxShare: nil, expectedShare: nil,
        coverage: .named, capacity: 5, serviceLevels: ladder[0].serviceLevels,
        benchmark: ladder[0].benchmark),
      TierDefinition(
        name: "Enterprise", minScore: ExactDecimal(10), maxShare: nil, expectedShare: nil,
        coverage: .named, capacity: 40, serviceLevels: ladder[1].serviceLevels,
        benchmark: ladder[1].benchmark),
      TierDefinition(
        name: "Mid-Market", minScore: ExactDecimal(6), maxShare: nil, expectedShare: nil,
        coverage: .pooled, capacity: 200, serviceLevels: ladder[2].serviceLevels,
        benchmark: ladder[2].benchmark),
      TierDefinition(
        name: "SMB", minScore: ExactDecimal(0), maxShare: nil, expectedShare: nil,
        coverage: .pooled, capacity: 1_000, serviceLevels: ladder[2].serviceLevels,
        benchmark: .none),
    ]
    return configuration
  }

  /// A book, its tiering and configuration, ready to assign.
  struct Scenario {
    /// The validated book (accounts sorted by id).
    var book: Book
    /// The configuration.
    var configuration: Configuration

    /// Builds the scenario; accounts are sorted by id as ``BookValidator`` does.
    init(
      _ placed: [Placed], roster: [CSM],
      configuration: Configuration = OwnerFixtures.configuration(),
      rejected: [RejectedAccount] = []
    ) {
      let sorted = placed.sorted { $0.account.id < $1.account.id }
      var book = TestAccounts.book(
        sorted.map(\.account), rejected: rejected, roster: roster.sorted { $0.id < $1.id })
      var decisions = DecisionColumn()
      for placed in sorted { decisions.append(OwnerFixtures.decision(finalTier: placed.finalTier)) }
      book.ledger.decisions = decisions
      self.book = book
      self.configuration = configuration
    }

    /// Runs the owner assignment: the book with its owner columns, and the capacity table.
    func assign() -> (book: Book, assignment: OwnerAssignment) {
      var book = book
      let assignment = OwnerAssigner.assign(
        book: &book, configuration: configuration, runDate: OwnerFixtures.runDate)
      return (book, assignment)
    }

    /// A run result for rendering, dated `runDate`.
    func runResult(runDate: CalendarDate = OwnerFixtures.runDate) -> RunResult {
      var (book, owners) = assign()
      let rubric = Rubric.scoring(&book.ledger, constants: configuration.rubric)
      return RunResult(
        quarter: FiscalQuarter(fiscalYear: 2026, quarter: 3), runDate: runDate,
        configuration: configuration, book: book, rubric: rubric,
        tiering: TieringResult(validOverrides: [:], ignoredOverrides: [], capReports: []),
        owners: owners, inputs: [], configSHA256: "", toolVersion: "test")
    }
  }

  /// The outcome for one account, looked up by id.
  struct Outcome: Equatable, CustomStringConvertible {
    /// New owner ("" when unassigned).
    var owner: String
    /// Why it changed; nil when the owner stays.
    var reason: OwnerChangeReason?

    var description: String {
      "\(owner.isEmpty ? "<none>" : owner) (\(reason?.rawValue ?? "kept"))"
    }
  }

  /// Every account's outcome by id.
  static func outcomes(_ book: Book) -> [String: Outcome] {
    let ledger = book.ledger
    var outcomes: [String: Outcome] = [:]
    for ref in ledger.refs {
      outcomes[ledger.id(ref)] = Outcome(
        owner: ledger.owners[ref], reason: ledger.ownerChangeReasons[ref])
    }
    return outcomes
  }

  /// SPEC §5's worked example: 600 accounts and 24M ARR; the top 60 (12M) are Tier 1 and owned
  /// by six Tier-1 CSMs at 10 accounts each; 180 Tier 2 accounts (7.2M) were owned by a CSM who
  /// left; 360 Tier 3 accounts (4.8M) sit in the pool. Tier 2 is named at 60 per CSM.
  static var workedExample: Scenario {
    var placed: [Placed] = []
    for number in 1...600 {
      let digits = String(number)
      let id = "ACC-" + String(repeating: "0", count: 3 - digits.count) + digits
      switch number {
      case 1...60:
        placed.append(
          OwnerFixtures.placed(
            id, arr: "200000", from: 1, to: 1, owner: "csm-\((number - 1) / 10 + 1)"))
      case 61...240:
        placed.append(OwnerFixtures.placed(id, arr: "40000", from: 2, to: 2, owner: "csm-gone"))
      default:
        placed.append(
          OwnerFixtures.placed(
            id, arr: number <= 480 ? "13000" : "14000", from: 3, to: 3, owner: "cs-pool"))
      }
    }
    return Scenario(
      placed, roster: (1...6).map { csm("csm-\($0)", tier: 1, max: 10) },
      configuration: configuration(capacities: [2: 60]))
  }
}
