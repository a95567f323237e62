/// What this quarter says about the previous run's tiering (SPEC §8): the tier scorecard, the
/// re-elevation watch and the flapping accounts. Pure: computed from the previous run's values
/// and this quarter's standings, so it is tested on hand-worked cohorts.
struct AcrossQuarters: Sendable {
  /// One valid account of this quarter, as the across-quarter figures read it.
  struct Standing: Sendable, Hashable {
    /// `account_id`.
    var id: String
    /// `account_name`.
    var name: String
    /// Its ARR this quarter.
    var arr: Money
    /// The CRM's tier before this run.
    var fromTier: Int?
    /// The tier this run gives it.
    var toTier: Int
    /// Its total this quarter.
    var total: ExactDecimal
    /// Its expansion ceiling, when known.
    var ceiling: Money?
    /// Whether it is multi-BU.
    var multiBU: Bool
    /// Whether a lost sponsor or declining usage blocks the ceiling rules this quarter.
    var expansionBlocked: Bool
  }

  /// One tier's cohort: the accounts the previous run placed in it, then and now.
  struct ScorecardRow: Sendable, Hashable {
    /// The tier the previous run gave the cohort.
    var tier: Int
    /// Accounts in the cohort (those with an ARR then).
    var accounts: Int
    /// Of them, accounts valid this quarter; the rest (gone from `accounts.csv`, no ARR line or
    /// rejected) count as 0 ARR now.
    var stillValid: Int
    /// Σ ARR then.
    var arrThen: Money
    /// Σ ARR now.
    var arrNow: Money
    /// Σ min(ARR now, ARR then): what GRR counts.
    var arrRetained: Money
    /// Accounts valid now in a higher tier than the cohort's.
    var movedUp: Int
    /// Accounts valid now in a lower tier than the cohort's.
    var movedDown: Int

    /// Gross revenue retention, Σ min(now, then) / Σ then; `nil` when the cohort had no ARR.
    var grossRetention: RetentionRate? { RetentionRate(arrRetained, over: arrThen) }
    /// Net revenue retention, Σ now / Σ then; `nil` when the cohort had no ARR.
    var netRetention: RetentionRate? { RetentionRate(arrNow, over: arrThen) }
  }

  /// One of last quarter's demoted accounts, against the targets its path back named.
  struct WatchEntry: Sendable, Hashable {
    /// The path back as recorded.
    var recorded: PreviousRunManifest.RecordedPathBack
    /// The account this quarter; `nil` when it is not a valid account any more.
    var now: Standing?

    /// Whether its ARR reached the ARR target; `nil` when there was none or it is gone.
    var reachedARR: Bool? {
      guard let now, let target = recorded.arrAtLeast else { return nil }
      return now.arr >= target
    }

    /// Whether its expansion evidence reached the expansion target; `nil` when there was none
    /// or it is gone.
    var reachedExpansion: Bool? {
      guard let now, recorded.hasExpansionTarget else { return nil }
      if let target = recorded.ceilingAtLeast {
        guard let ceiling = now.ceiling, ceiling >= target else { return false }
      }
      if recorded.needsMultiBU, !now.multiBU { return false }
      if recorded.needsUnblock, now.expansionBlocked { return false }
      return true
    }

    /// Whether its total this quarter reaches the bar; `nil` when there was none or it is gone.
    var reachedBar: Bool? {
      guard let now, let bar = recorded.bar else { return nil }
      return recorded.barIsStrict ? now.total > bar : now.total >= bar
    }

    /// Whether this run puts it back in the tier it left (or higher).
    var reentered: Bool { now.map { $0.toTier <= recorded.fromTier } ?? false }
  }

  /// An account that moved one way in the previous run and the other way in this one.
  struct Flap: Sendable, Hashable {
    /// The account this quarter.
    var now: Standing
    /// `from_tier` in the previous run.
    var previousFrom: Int
    /// `to_tier` in the previous run.
    var previousTo: Int
  }

  /// One row per tier the previous run placed accounts in, top down.
  var scorecard: [ScorecardRow] { rowsByTier.values.sorted { $0.tier < $1.tier } }
  /// The cohorts by the tier the previous run gave them.
  private var rowsByTier: [Int: ScorecardRow] = [:]
  /// Previous rows with a tier but no ARR (rejected that quarter): left out of the cohorts.
  private(set) var cohortRowsWithoutARR = 0
  /// Last quarter's demoted accounts, by account id, the first `keeping` of them kept; `nil`
  /// when the previous run recorded no path back (a run.json of schema_version 1).
  private(set) var watch: ListHead<WatchEntry>?
  /// How many of ``watch``'s accounts (all of them, not only those kept) re-entered.
  private(set) var reentered = 0
  /// Accounts moving against their previous move, by account id, the first `keeping` kept.
  private(set) var flapping: ListHead<Flap>

  /// No figures yet: each list will keep its first `keeping` entries and count the rest. The
  /// previous run's lines are then added one by one in account id order (``add(previous:)``,
  /// ``add(previous:now:)``), and the path backs last (``watch(_:standing:)``), so that the
  /// previous run is read in one pass and never held.
  init(keeping: Int) {
    flapping = ListHead(keeping: keeping)
  }

  /// Adds a line of the previous run whose account is not a valid account this quarter (gone
  /// from `accounts.csv`, no ARR line, or rejected): in its cohort with 0 ARR now.
  mutating func add(previous then: PreviousRunRecord.TierLine) {
    guard let tier = then.toTier else { return }
    guard let arrThen = then.arr else {
      cohortRowsWithoutARR += 1
      return
    }
    rowsByTier[tier, default: ScorecardRow(tier: tier)].add(then: arrThen, now: .zero)
  }

  /// Adds a line of the previous run whose account is valid this quarter, as `now` gives it
  /// (built only for what the lists keep); lines come in account id order.
  mutating func add(
    previous then: PreviousRunRecord.TierLine, now: AccountNow, standing: () -> Standing
  ) {
    if let previousFrom = then.fromTier, let previousTo = then.toTier,
      let nowFrom = now.fromTier,
      let before = MovementDirection(from: previousFrom, to: previousTo),
      let after = MovementDirection(from: nowFrom, to: now.toTier),
      before.isOpposite(of: after)
    {
      flapping.append(Flap(now: standing(), previousFrom: previousFrom, previousTo: previousTo))
    }
    guard let tier = then.toTier else { return }
    guard let arrThen = then.arr else {
      cohortRowsWithoutARR += 1
      return
    }
    rowsByTier[tier, default: ScorecardRow(tier: tier)].add(
      then: arrThen, now: now.arr, toTier: now.toTier)
  }

  /// What the tally reads of a valid account this quarter, without its id and name.
  struct AccountNow: Sendable, Hashable {
    /// Its ARR this quarter.
    var arr: Money
    /// The CRM's tier before this run.
    var fromTier: Int?
    /// The tier this run gives it.
    var toTier: Int
  }

  /// Sets the re-elevation watch from the previous run's path backs (`nil` when it recorded
  /// none); `standing` gives each account this quarter, `nil` when it is not valid now, and is
  /// asked in ascending account id order.
  mutating func watch(
    _ pathBacks: [PreviousRunManifest.RecordedPathBack]?, keeping: Int,
    standing: (String) -> Standing?
  ) {
    guard let pathBacks else {
      watch = nil
      reentered = 0
      return
    }
    var watch = ListHead<WatchEntry>(keeping: keeping)
    var reentered = 0
    for recorded in pathBacks.sorted(by: { $0.accountID < $1.accountID }) {
      let entry = WatchEntry(recorded: recorded, now: standing(recorded.accountID))
      if entry.reentered { reentered += 1 }
      watch.append(entry)
    }
    self.watch = watch
    self.reentered = reentered
  }
}

extension AcrossQuarters.ScorecardRow {
  /// An empty cohort for `tier`.
  init(tier: Int) {
    self.init(
      tier: tier, accounts: 0, stillValid: 0, arrThen: .zero, arrNow: .zero, arrRetained: .zero,
      movedUp: 0, movedDown: 0)
  }

  /// Adds one account of the cohort.
  mutating func add(then: Money, now: Money) {
    accounts += 1
    arrThen += then
    arrNow += now
    arrRetained += min(now, then)
  }

  /// Adds one account of the cohort that is valid this quarter, in `toTier` now.
  mutating func add(then: Money, now: Money, toTier: Int) {
    add(then: then, now: now)
    stillValid += 1
    if toTier < tier { movedUp += 1 }
    if toTier > tier { movedDown += 1 }
  }
}

extension MovementDirection {
  /// Whether one is a promotion and the other a demotion.
  func isOpposite(of other: MovementDirection) -> Bool {
    (self == .promotion && other == .demotion) || (self == .demotion && other == .promotion)
  }
}

/// A retention rate as an exact ratio of cents, shown as a percentage with one decimal rounded
/// half up (`97.4%`).
struct RetentionRate: Sendable, Hashable, CustomStringConvertible {
  /// The numerator, in cents.
  var numerator: Int128
  /// The denominator, in cents; positive.
  var denominator: Int128

  /// `amount / base`, `nil` when `base` is not positive.
  init?(_ amount: Money, over base: Money) {
    guard base.cents > 0 else { return nil }
    numerator = amount.cents
    denominator = base.cents
  }

  /// Tenths of a percent, rounded half up: ⌊(2000·n + d) / 2d⌋ for n ≥ 0.
  var tenthsOfPercent: Int128 {
    let doubled = 2_000 * numerator + denominator
    let quotient = doubled / (2 * denominator)
    // Floor division for a negative numerator (a book can hold credits).
    return doubled % (2 * denominator) < 0 ? quotient - 1 : quotient
  }

  /// `97.4%`.
  var description: String {
    let tenths = tenthsOfPercent
    let sign = tenths < 0 ? "-" : ""
    let magnitude = tenths.magnitude
    return "\(sign)\(magnitude / 10).\(magnitude % 10)%"
  }
}
