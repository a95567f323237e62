@testable import RetierCore

/// Builds valid accounts and books in memory for rule tests.
enum TestAccounts {
  /// Forty accounts A1…A40 with ARR 1,000 × n, fit 5 and a ceiling of 3 × ARR (every account with
  /// an ARR score of 3 or more totals 12), and two active Tier 1 CSMs of capacities 2 and 1: a
  /// book in which a capacity cap binds before a 10% share cap (3 seats against 4).
  static func capacityBoundDrop() -> TestDrop {
    var accounts = "account_id,customer_since,strategic_fit,expansion_ceiling_arr\n"
    var arr = "account_id,arr\n"
    for number in 1...40 {
      accounts += "A\(number),2020-01-01,5,\(3000 * number)\n"
      arr += "A\(number),\(1000 * number)\n"
    }
    var drop = TestDrop(accounts: accounts, arr: arr)
    drop.csms += "c1,Casey,c1@example.com,1,2,\nc2,Dana,c2@example.com,1,1,\n"
    return drop
  }

  /// A valid account with neutral defaults: fit 3, no ceiling, no usage, customer since 2020.
  static func account(
    _ id: String, arr: String, fit: Int = 3, currentTier: Int? = nil, ceiling: String? = nil,
    multiBU: Bool = false, sponsorLost: Bool = false, usage: Usage = .unknown,
    customerSince: CalendarDate = CalendarDate(year: 2020, month: 1, day: 1)!, owner: String = "",
    reviewsSkipped: Int = 0
  ) -> Account {
    Account(
      id: id, name: "Account \(id)", currentTier: currentTier, ownerID: owner,
      customerSince: customerSince, strategicFit: fit, expansionCeiling: ceiling.map { Money($0)! },
      multiBU: multiBU, sponsorLost: sponsorLost, arr: Money(arr)!, usage: usage,
      hasUsageRow: usage != .unknown, line: 2, reviewsSkipped: reviewsSkipped)
  }

  /// A ledger of `accounts` and `rejected`, each put in id order as ``BookValidator`` does.
  static func ledger(
    _ accounts: [Account], rejected: [RejectedAccount] = []
  ) -> AccountLedger {
    var columns = AccountColumns()
    for account in accounts.sorted(by: { $0.id < $1.id }) { columns.append(account) }
    return AccountLedger(accounts: columns, rejected: rejected.sorted { $0.id < $1.id })
  }

  /// Scores `accounts` (put in id order) under `constants`: the rubric of the book and the
  /// ledger with its scores column.
  static func scored(
    _ accounts: [Account], constants: RubricConstants = RubricConstants()
  ) -> (rubric: Rubric, ledger: AccountLedger) {
    var ledger = ledger(accounts)
    let rubric = Rubric.scoring(&ledger, constants: constants)
    return (rubric, ledger)
  }

  /// A book of valid accounts, the given rejected accounts (no rejection rows), an optional
  /// roster and override rows.
  static func book(
    _ accounts: [Account], rejected: [RejectedAccount] = [], overrides: [OverrideRow] = [],
    roster: [CSM] = []
  ) -> Book {
    Book(
      ledger: ledger(accounts, rejected: rejected), rejections: [],
      warnings: [], orphanARRLines: 0, orphanUsageRows: 0, accountsWithoutUsage: [],
      overrideRows: OverrideRows(overrides), roster: roster, rowCounts: [:],
      accountRowCount: accounts.count,
      rejectedAccountRowCount: 0)
  }

  /// A configuration with every default.
  static let configuration = Configuration()
}

extension AccountLedger {
  /// Every valid account, in id order.
  var accounts: [Account] { refs.map { self[$0] } }

  /// Every rejected account with a usable id, in id order.
  var rejectedAccounts: [RejectedAccount] { rejectedRefs.map { self[$0] } }

  /// The scores of every valid account, in id order.
  var scoreList: [SignalScores] { refs.map { scores[$0] } }

  /// The decision of every valid account, in id order.
  var decisionList: [TierDecision] { refs.map { decisions[$0] } }

  /// The owner of every valid account after the run, in id order.
  var ownerList: [String] { refs.map { owners[$0] } }

  /// Why every valid account's owner changed, in id order.
  var changeReasonList: [OwnerChangeReason?] { refs.map { ownerChangeReasons[$0] } }

  /// The ledger with its valid accounts changed by `change` (ids unchanged) and every column
  /// kept: for tests that alter a fact of a decided run.
  func changingAccounts(_ change: (inout [Account]) -> Void) -> AccountLedger {
    var changed = accounts
    change(&changed)
    var ledger = TestAccounts.ledger(changed, rejected: rejectedAccounts)
    ledger.scores = scores
    ledger.decisions = decisions
    ledger.owners = owners
    ledger.ownerChangeReasons = ownerChangeReasons
    return ledger
  }

  /// The valid account whose id is `id`; fails the test when there is none.
  func requireRef(_ id: String) -> AccountRef {
    guard let ref = ref(forID: id) else { fatalError("no account \(id) in the ledger") }
    return ref
  }
}

extension AccountColumns {
  /// Every account, in row order.
  var rows: [Account] { (0..<count).map { self[$0] } }
}

/// The tier step of a test book: the ledger with its decisions, each decision in id order, and
/// the tiering result's reports.
struct TestTiering {
  /// The ledger with its scores and decisions.
  var ledger: AccountLedger
  /// The tier step's overrides and cap reports.
  var result: TieringResult

  /// Every valid account's decision, in id order.
  var decisions: [TierDecision] { ledger.decisionList }
  /// One report per capped tier, top down.
  var capReports: [CapReport] { result.capReports }

  /// Tiers `book` with hand-made totals (by account id, 0 when absent).
  init(
    _ book: Book, totals: [String: Int], configuration: Configuration, quarter: FiscalQuarter,
    runDate: CalendarDate
  ) {
    var book = book
    var scores = ScoreColumn()
    for account in book.ledger.accounts {
      scores.append(
        SignalScores(
          arrRule: .healthy, fit: 0, expansionRule: .maxedOut,
          total: ExactDecimal(totals[account.id] ?? 0)))
    }
    book.ledger.scores = scores
    result = TierAssigner(configuration: configuration, quarter: quarter, runDate: runDate)
      .assign(&book)
    ledger = book.ledger
  }
}
