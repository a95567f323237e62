/// How evenly one tier's book is spread over its active CSMs (SPEC §7 `compare`): the minimum,
/// median, maximum and coefficient of variation of a figure per CSM (accounts, or ARR in cents).
///
/// Exact: the median is kept doubled (the sum of the two middle values), and the coefficient of
/// variation `σ / mean` (population σ) is computed from integer sums with an integer square root,
/// rounded half up to thousandths; no binary floating point.
package struct BalanceFigures: Sendable, Hashable {
  /// Number of CSMs the figure is spread over.
  package var count: Int
  /// The smallest value; `nil` without CSMs.
  package var minimum: Int128?
  /// The largest value; `nil` without CSMs.
  package var maximum: Int128?
  /// The two middle values summed (one counted twice for an odd count); `nil` without CSMs.
  package var doubledMedian: Int128?
  /// The coefficient of variation in thousandths, rounded half up; `nil` without CSMs, when the
  /// mean is zero, or when the sums would overflow.
  package var coefficientOfVariationThousandths: Int128?
  /// The sum of the values.
  package var sum: Int128 = 0

  /// The figures of `values` (one per CSM, in any order).
  package init(_ values: [Int128]) {
    count = values.count
    let sorted = values.sorted()
    guard let first = sorted.first, let last = sorted.last else {
      minimum = nil
      maximum = nil
      doubledMedian = nil
      coefficientOfVariationThousandths = nil
      return
    }
    minimum = first
    maximum = last
    sum = sorted.reduce(0, +)
    doubledMedian = sorted[(count - 1) / 2] + sorted[count / 2]
    coefficientOfVariationThousandths = Self.coefficientOfVariationThousandths(sorted)
  }

  /// The spread `max ÷ mean` (= max × count ÷ sum) in thousandths, rounded half up; `nil`
  /// without CSMs or when the sum is not positive.
  package var spreadThousandths: Int128? {
    guard let maximum, sum > 0 else { return nil }
    return CapacityTable.roundedQuotient(maximum * Int128(count) * 1_000, sum)
  }

  /// Whether the spread `max ÷ mean` is above `limit`, decided exactly:
  /// max × count × 10⁶ > limit in millionths × sum.
  package func isSpreadAbove(_ limit: ExactDecimal) -> Bool {
    guard let maximum, sum > 0 else { return false }
    return maximum * Int128(count) * ExactDecimal.scale > limit.millionths * sum
  }

  /// `round(1000 × σ / mean)` for population σ: with S = Σx and Q = Σx², σ / mean =
  /// √(nQ − S²) / S, so the value is the largest m with (2m − 1)² S² ≤ 4·10⁶ (nQ − S²), which is
  /// (⌊√⌊4·10⁶ (nQ − S²) / S²⌋⌋ + 1) / 2 in integers.
  static func coefficientOfVariationThousandths(_ values: [Int128]) -> Int128? {
    var sum: Int128 = 0
    var squares: Int128 = 0
    for value in values {
      let (square, squareOverflow) = value.multipliedReportingOverflow(by: value)
      let (newSquares, squaresOverflow) = squares.addingReportingOverflow(square)
      let (newSum, sumOverflow) = sum.addingReportingOverflow(value)
      guard !squareOverflow, !squaresOverflow, !sumOverflow else { return nil }
      (sum, squares) = (newSum, newSquares)
    }
    guard sum > 0 else { return nil }
    let (nQ, nQOverflow) = Int128(values.count).multipliedReportingOverflow(by: squares)
    let (sumSquared, sumSquaredOverflow) = sum.multipliedReportingOverflow(by: sum)
    guard !nQOverflow, !sumSquaredOverflow else { return nil }
    let spread = nQ - sumSquared
    let (scaled, scaledOverflow) = spread.multipliedReportingOverflow(by: 4_000_000)
    guard !scaledOverflow else { return nil }
    return (integerSquareRoot(scaled / sumSquared) + 1) / 2
  }

  /// ⌊√value⌋ for a non-negative value (Newton's method on integers).
  static func integerSquareRoot(_ value: Int128) -> Int128 {
    guard value > 1 else { return max(value, 0) }
    var estimate = value
    var next = (estimate + 1) / 2
    while next < estimate {
      estimate = next
      next = (estimate + value / estimate) / 2
    }
    return estimate
  }
}

/// The balance of one named tier's book over its active CSMs.
package struct TierBalance: Sendable, Hashable {
  /// Tier number.
  package var tier: Int
  /// Accounts per active CSM.
  package var accounts: BalanceFigures
  /// ARR per active CSM, in cents.
  package var arrCents: BalanceFigures

  /// The balance of every named tier of `result`, Tier 1 first; each active CSM of the tier
  /// counts, with the accounts the run assigned to it (none is 0). The ARR figures are the
  /// capacity table's (``CapacityRow/arrBalance``), so memo.md and `compare` cannot disagree.
  package static func balances(_ result: RunResult) -> [TierBalance] {
    let configuration = result.configuration
    var csmSlots: [String: Int] = [:]
    var csmTiers: [Int] = []
    for csm in result.book.roster
    where csm.isActive && (1...configuration.tierCount).contains(csm.tier)
      && configuration.tier(csm.tier).coverage == .named && csmSlots[csm.id] == nil
    {
      csmSlots[csm.id] = csmTiers.count
      csmTiers.append(csm.tier)
    }
    var accounts = [Int128](repeating: 0, count: csmTiers.count)
    let ledger = result.ledger
    for ref in ledger.refs {
      guard let slot = csmSlots[ledger.owners[ref]] else { continue }
      accounts[slot] += 1
    }
    let arrByTier = Dictionary(
      result.owners.capacity.compactMap { row in row.arrBalance.map { (row.tier, $0) } },
      uniquingKeysWith: { first, _ in first })
    return (1...configuration.tierCount).filter { configuration.tier($0).coverage == .named }.map {
      tier in
      let slots = csmTiers.indices.filter { csmTiers[$0] == tier }
      return TierBalance(
        tier: tier, accounts: BalanceFigures(slots.map { accounts[$0] }),
        arrCents: arrByTier[tier] ?? BalanceFigures([]))
    }
  }
}
