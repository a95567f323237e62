/// Builds the capacity table of SPEC §5: per tier, the book it carries after the re-tier, the
/// active team, how many CSMs it is short, and which figures sit outside the tier's benchmark.
///
/// Every figure is exact: ratios are compared by cross-multiplying integers (cents, millionths),
/// and the stored per-CSM figures are rounded half up only for display.
package enum CapacityTable {
  /// One row per tier, Tier 1 first, for the valid accounts of `book` with their final tiers and
  /// owners (from its ledger), and `seats`, the assigner's final seat state of every active
  /// named-tier CSM (their ARR per CSM, holds and load). Rejected accounts are not counted.
  static func rows(
    book: Book, seats: [OwnerAssigner.CSMSeats], configuration: Configuration
  ) -> [CapacityRow] {
    let tierCount = configuration.tierCount
    var accounts = [Int](repeating: 0, count: tierCount + 1)
    var arr = [Money](repeating: .zero, count: tierCount + 1)
    var unassigned = [Int](repeating: 0, count: tierCount + 1)
    var activeCSMs = [Int](repeating: 0, count: tierCount + 1)
    let isNamed = (0...tierCount).map { $0 > 0 && configuration.tier($0).coverage == .named }
    let ledger = book.ledger
    for ref in ledger.refs {
      let tier = ledger.decisions.finalTier(ref)
      accounts[tier] += 1
      arr[tier] += ledger.arr(ref)
      if isNamed[tier] && ledger.owners[ref].isEmpty { unassigned[tier] += 1 }
    }
    for csm in book.roster where csm.isActive && (1...tierCount).contains(csm.tier) {
      activeCSMs[csm.tier] += 1
    }
    var arrPerCSM = [[Int128]](repeating: [], count: tierCount + 1)
    var held = [Int](repeating: 0, count: tierCount + 1)
    var pastCapacity = [Int](repeating: 0, count: tierCount + 1)
    for seat in seats {
      arrPerCSM[seat.tier].append(seat.heldARR.cents)
      held[seat.tier] += seat.heldByHold
      if seat.held > seat.capacity { pastCapacity[seat.tier] += 1 }
    }
    return (1...tierCount).map { tier in
      var row = row(
        tier: tier, accounts: accounts[tier], arr: arr[tier], activeCSMs: activeCSMs[tier],
        unassigned: unassigned[tier], configuration: configuration)
      guard isNamed[tier] else { return row }
      row.held = held[tier]
      let balance = BalanceFigures(arrPerCSM[tier])
      row.arrBalance = balance
      row.flags += balanceFlags(
        balance, pastCapacityByHolds: pastCapacity[tier], configuration: configuration)
      return row
    }
  }

  /// The flags of a named tier's ARR balance (SPEC §5): a spread `max ÷ mean` above
  /// `arr_spread_max`, and the CSMs that holds put past capacity (the only way past it).
  static func balanceFlags(
    _ balance: BalanceFigures, pastCapacityByHolds: Int, configuration: Configuration
  ) -> [String] {
    var flags: [String] = []
    if balance.isSpreadAbove(configuration.arrSpreadMax) {
      flags.append(
        "ARR spread (max ÷ mean) above \(configuration.arrSpreadMax.description)")
    }
    if pastCapacityByHolds > 0 {
      flags.append(
        "\(pastCapacityByHolds) CSM\(pastCapacityByHolds == 1 ? "" : "s") past capacity by holds")
    }
    return flags
  }

  /// The row of one tier from its counts.
  static func row(
    tier: Int, accounts: Int, arr: Money, activeCSMs: Int, unassigned: Int,
    configuration: Configuration
  ) -> CapacityRow {
    let definition = configuration.tier(tier)
    let csms = Int128(activeCSMs)
    let scaledCost = coverageCostTimesHundredMillionths(
      configuration.csmLoadedCost, activeCSMs: activeCSMs)
    return CapacityRow(
      tier: tier, accounts: accounts, arr: arr, activeCSMs: activeCSMs,
      accountsPerCSM: activeCSMs > 0
        ? ExactDecimal(
          millionths: roundedQuotient(Int128(accounts) * ExactDecimal.scale, csms))
        : nil,
      arrPerCSM: activeCSMs > 0 ? Money(cents: roundedQuotient(arr.cents, csms)) : nil,
      csmsShort: csmsShort(
        accounts: accounts, defaultCapacity: definition.capacity, activeCSMs: activeCSMs),
      coverageCostShare: arr.cents > 0
        ? ExactDecimal(millionths: roundedQuotient(scaledCost, arr.cents)) : nil,
      unassigned: unassigned,
      flags: flags(
        accounts: accounts, arr: arr, activeCSMs: activeCSMs, benchmark: definition.benchmark,
        csmLoadedCost: configuration.csmLoadedCost))
  }

  /// CSMs a tier needs at its default capacity: `⌈accounts / defaultCapacity⌉`.
  static func csmsNeeded(accounts: Int, defaultCapacity: Int) -> Int {
    // Configuration validation guarantees a capacity of at least 1; the guard only keeps a
    // hand-built configuration from dividing by zero.
    let capacity = max(defaultCapacity, 1)
    return (accounts + capacity - 1) / capacity
  }

  /// `max(0, ⌈accounts / defaultCapacity⌉ − activeCSMs)`.
  static func csmsShort(accounts: Int, defaultCapacity: Int, activeCSMs: Int) -> Int {
    max(0, csmsNeeded(accounts: accounts, defaultCapacity: defaultCapacity) - activeCSMs)
  }

  /// The figures of a tier outside `benchmark`, in words; a value exactly on a bound is inside.
  ///
  /// A tier with accounts and no active CSM is flagged as such (its per-CSM figures do not
  /// exist). The coverage-cost test is `loaded cost × CSMs > maximum × ARR`, so a tier with
  /// CSMs and no ARR is over any maximum.
  static func flags(
    accounts: Int, arr: Money, activeCSMs: Int, benchmark: CapacityBenchmark,
    csmLoadedCost: ExactDecimal
  ) -> [String] {
    var flags: [String] = []
    if activeCSMs == 0 {
      if accounts > 0 { flags.append("no active CSM") }
    } else {
      let csms = Int128(activeCSMs)
      // accounts / CSMs against a bound in millionths: accounts × 10^6 against bound × CSMs.
      let accountsScaled = Int128(accounts) * ExactDecimal.scale
      // ARR / CSMs against a bound in millionths of a unit: cents × 10^4 against bound × CSMs.
      let arrScaled = arr.cents * 10_000
      flags += boundFlags(
        "accounts/CSM", scaledValue: accountsScaled, csms: csms,
        bounds: benchmark.accountsPerCSM, text: { $0.description })
      flags += boundFlags(
        "ARR/CSM", scaledValue: arrScaled, csms: csms, bounds: benchmark.arrPerCSM,
        text: groupedUnits)
    }
    if let maximum = benchmark.maximumCoverageCostShare {
      // cost × CSMs ÷ ARR > maximum, with cost and maximum in millionths and ARR in cents.
      let cost = coverageCostTimesHundredMillionths(csmLoadedCost, activeCSMs: activeCSMs)
      if cost > maximum.millionths * arr.cents {
        flags.append("coverage cost above \(percentText(maximum))")
      }
    }
    return flags
  }

  /// `loaded cost × CSMs`, in millionths of a unit times 100, so that dividing by ARR in cents
  /// gives the coverage-cost share in millionths.
  private static func coverageCostTimesHundredMillionths(
    _ csmLoadedCost: ExactDecimal, activeCSMs: Int
  ) -> Int128 {
    csmLoadedCost.millionths * Int128(activeCSMs) * 100
  }

  /// Flags for `scaledValue / csms` (in millionths) against inclusive `bounds`.
  private static func boundFlags(
    _ figure: String, scaledValue: Int128, csms: Int128, bounds: ClosedBounds,
    text: (ExactDecimal) -> String
  ) -> [String] {
    if let low = bounds.low, scaledValue < low.millionths * csms {
      return ["\(figure) below \(text(low))"]
    }
    if let high = bounds.high, scaledValue > high.millionths * csms {
      return ["\(figure) above \(text(high))"]
    }
    return []
  }

  /// `numerator / denominator` rounded half away from zero; `denominator` is positive.
  static func roundedQuotient(_ numerator: Int128, _ denominator: Int128) -> Int128 {
    let magnitude = numerator < 0 ? -numerator : numerator
    let rounded = (magnitude * 2 + denominator) / (denominator * 2)
    return numerator < 0 ? -rounded : rounded
  }
}
