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
  var scorecard: [ScorecardRow]
  /// Previous rows with a tier but no ARR (rejected that quarter): left out of the cohorts.
  var cohortRowsWithoutARR: Int
  /// Last quarter's demoted accounts, by account id, the first `keeping` of them kept; `nil`
  /// when the previous run recorded no path back (see `PreviousRunRecord.manifestProblem`).
  var watch: ListHead<WatchEntry>?
  /// How many of ``watch``'s accounts (all of them, not only those kept) re-entered.
  var reentered: Int
  /// Accounts moving against their previous move, by account id, the first `keeping` kept.
  var flapping: ListHead<Flap>

  /// Computes the figures from the previous run and this quarter's valid accounts' `standings`,
  /// in account id order; each list keeps its first `keeping` entries and counts the rest.
  init(previous: PreviousRunRecord, keeping: Int, standings: some Sequence<Standing>) {
    var rowsByTier: [Int: ScorecardRow] = [:]
    var withoutARR = 0
    // Both this quarter's accounts and the previous lines are in id order: one merge pass.
    var seen = [Bool](repeating: false, count: previous.ids.count)
    var cursor = 0
    let watched = Set((previous.manifest?.pathBacks ?? []).map(\.accountID))
    var standingsWatched: [String: Standing] = [:]
    var flapping = ListHead<Flap>(keeping: keeping)
    for now in standings {
      if watched.contains(now.id) { standingsWatched[now.id] = now }
      while cursor < previous.ids.count, previous.ids[cursor] < now.id { cursor += 1 }
      guard cursor < previous.ids.count, previous.ids[cursor] == now.id else { continue }
      let then = previous.lines[cursor]
      if let previousFrom = then.fromTier, let previousTo = then.toTier,
        let nowFrom = now.fromTier,
        let before = MovementDirection(from: previousFrom, to: previousTo),
        let after = MovementDirection(from: nowFrom, to: now.toTier),
        before.isOpposite(of: after)
      {
        flapping.append(Flap(now: now, previousFrom: previousFrom, previousTo: previousTo))
      }
      guard let tier = then.toTier, let arrThen = then.arr else { continue }
      seen[cursor] = true
      var row = rowsByTier[tier] ?? ScorecardRow(tier: tier)
      row.add(then: arrThen, now: now.arr)
      row.stillValid += 1
      if now.toTier < tier { row.movedUp += 1 }
      if now.toTier > tier { row.movedDown += 1 }
      rowsByTier[tier] = row
    }
    // The rest of each cohort is not a valid account now: its ARR now is 0.
    for (index, then) in previous.lines.enumerated() where !seen[index] {
      guard let tier = then.toTier else { continue }
      guard let arrThen = then.arr else {
        withoutARR += 1
        continue
      }
      var row = rowsByTier[tier] ?? ScorecardRow(tier: tier)
      row.add(then: arrThen, now: .zero)
      rowsByTier[tier] = row
    }
    scorecard = rowsByTier.values.sorted { $0.tier < $1.tier }
    cohortRowsWithoutARR = withoutARR
    var reentered = 0
    watch = previous.manifest?.pathBacks.map { pathBacks in
      var watch = ListHead<WatchEntry>(keeping: keeping)
      for recorded in pathBacks.sorted(by: { $0.accountID < $1.accountID }) {
        let entry = WatchEntry(recorded: recorded, now: standingsWatched[recorded.accountID])
        if entry.reentered { reentered += 1 }
        watch.append(entry)
      }
      return watch
    }
    self.reentered = reentered
    self.flapping = flapping
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
