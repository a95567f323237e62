/// Explains tier decisions in words: the one-line `why_moved` of `movements.csv` (a CRM note
/// field, so never a line break) and the lookups the memos share — cap pairs in both directions,
/// the lowest total seated under each cap, and each account's ARR rank.
///
/// Build one per run and ask it about accounts by their index into ``Book/accounts``.
package struct WhyMoved: Sendable {
  /// A cap pairing seen from the displaced incumbent.
  package struct Displacement: Sendable, Hashable {
    /// The capped tier the incumbent lost its seat in.
    package var tier: Int
    /// The newcomer seated in its place; `nil` when the cap seated no newcomer for it.
    package var takenBy: Int?
  }

  /// The run being explained.
  package let result: RunResult
  /// Cap pairings by displaced incumbent.
  private let displacements: [Int: Displacement]
  /// Cap pairings by newcomer: the incumbent whose seat it took.
  private let seatsTaken: [Int: Int]
  /// Lowest total among the accounts the rubric seated in each capped tier (overrides aside).
  private let lowestSeatedTotals: [Int: ExactDecimal]
  /// Valid accounts' ARR in cents, highest first, for `g(a)`.
  private let descendingARRCents: [Int128]

  /// Indexes the cap reports and ARR ranks of `result`.
  package init(_ result: RunResult) {
    self.result = result
    var displacements: [Int: Displacement] = [:]
    var seatsTaken: [Int: Int] = [:]
    for report in result.tiering.capReports {
      for pair in report.pairs {
        displacements[pair.displaced] = Displacement(tier: report.tier, takenBy: pair.takenBy)
        if let taker = pair.takenBy { seatsTaken[taker] = pair.displaced }
      }
    }
    let cappedTiers = Set(result.tiering.capReports.map(\.tier))
    var lowest: [Int: ExactDecimal] = [:]
    for (index, decision) in result.tiering.decisions.enumerated()
    where decision.reason != .override && cappedTiers.contains(decision.finalTier) {
      let total = result.scores[index].total
      if let current = lowest[decision.finalTier], current <= total { continue }
      lowest[decision.finalTier] = total
    }
    self.displacements = displacements
    self.seatsTaken = seatsTaken
    self.lowestSeatedTotals = lowest
    self.descendingARRCents = result.book.accounts.map(\.arr.cents).sorted(by: >)
  }

  /// The cap pairing of a displaced incumbent, when it lost its seat to a cap.
  package func displacement(of index: Int) -> Displacement? { displacements[index] }

  /// The displaced incumbent whose seat the account took, when it is a paired newcomer.
  package func seatTaken(by index: Int) -> Int? { seatsTaken[index] }

  /// The lowest total the rubric seated in a capped tier, `nil` when overrides took every seat.
  package func lowestSeatedTotal(inTier tier: Int) -> ExactDecimal? { lowestSeatedTotals[tier] }

  /// The cap report of a tier, when the tier is capped.
  package func capReport(ofTier tier: Int) -> CapReport? {
    result.tiering.capReports.first { $0.tier == tier }
  }

  /// `g(a)`: how many valid accounts have strictly more ARR than `arr`.
  package func strictlyGreaterCount(than arr: Money) -> Int {
    var low = 0
    var high = descendingARRCents.count
    while low < high {
      let middle = (low + high) / 2
      if descendingARRCents[middle] > arr.cents { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The movement direction of an account, `nil` when it kept its tier.
  package func direction(of index: Int) -> MovementDirection? {
    MovementDirection(
      from: result.book.accounts[index].currentTier,
      to: result.tiering.decisions[index].finalTier)
  }

  /// The one-line explanation of a moved or first-placed account, `nil` when it kept its tier,
  /// e.g. `Tier 1 → Tier 2: total 10 (ARR 4, fit 3, expansion 3) is below the Tier 1 line of 12`.
  package func sentence(for index: Int) -> String? {
    guard let direction = direction(of: index) else { return nil }
    let finalTier = result.tiering.decisions[index].finalTier
    let head =
      result.book.accounts[index].currentTier.map { "Tier \($0) → Tier \(finalTier)" }
      ?? "First placement in Tier \(finalTier)"
    return head + ": " + cause(of: index, direction: direction)
  }

  /// Why the account ends where it does, without the `Tier a → Tier b` head.
  package func cause(of index: Int, direction: MovementDirection?) -> String {
    switch result.tiering.decisions[index].reason {
    case .override: overrideClause(index)
    case .newLogo: newLogoClause(index)
    case .cap: capClause(index)
    case .rubric, .invalidInput: rubricClause(index, direction: direction)
    }
  }

  /// `total 10 (ARR 4, fit 3, expansion 3)`.
  package func signalsSummary(_ index: Int) -> String {
    let scores = result.scores[index]
    return "total \(scores.total) (ARR \(scores.arr), fit \(scores.fit), "
      + "expansion \(scores.expansion))"
  }

  /// The `min_score` of a tier.
  package func line(ofTier tier: Int) -> ExactDecimal { result.configuration.tier(tier).minScore }

  private func rubricClause(_ index: Int, direction: MovementDirection?) -> String {
    let finalTier = result.tiering.decisions[index].finalTier
    let tierCount = result.configuration.tierCount
    let total = result.scores[index].total
    let isBelowTierAbove: Bool
    switch direction {
    case .demotion: isBelowTierAbove = true
    case .promotion: isBelowTierAbove = false
    case .firstPlacement, nil:
      // The last tier's own line (usually 0) says little; the line it missed says more.
      isBelowTierAbove = finalTier == tierCount && tierCount > 1
    }
    if isBelowTierAbove {
      return "\(signalsSummary(index)) is below the Tier \(finalTier - 1) line of "
        + "\(line(ofTier: finalTier - 1))"
    }
    let verb = total >= line(ofTier: finalTier) ? "reaches" : "is below"
    return
      "\(signalsSummary(index)) \(verb) the Tier \(finalTier) line of \(line(ofTier: finalTier))"
  }

  private func overrideClause(_ index: Int) -> String {
    guard let override = result.tiering.decisions[index].override else {
      return "override (no approved exception on file)"
    }
    let row = override.row
    return "override to Tier \(override.tier) approved by \(Self.oneLine(row.approvedBySales)) "
      + "and \(Self.oneLine(row.approvedByCS)), expires \(override.expires): "
      + Self.oneLine(row.reason)
  }

  private func newLogoClause(_ index: Int) -> String {
    let quarters = result.configuration.newLogoQuarters
    let tierCount = result.configuration.tierCount
    return "new logo (customer since \(result.book.accounts[index].customerSince), fewer than "
      + "\(quarters) full quarter\(quarters == 1 ? "" : "s")) held in Tier \(tierCount)"
  }

  private func capClause(_ index: Int) -> String {
    let account = result.book.accounts[index]
    let decision = result.tiering.decisions[index]
    // Every tier from the target down to the one above the final tier was full for it.
    var clauses: [String] = []
    var leadsWithPairing = false
    for tier in decision.targetTier..<decision.finalTier {
      let seats = capReport(ofTier: tier)?.seats ?? 0
      if let displacement = displacements[index], displacement.tier == tier {
        if tier == decision.targetTier { leadsWithPairing = true }
        if let taker = displacement.takenBy {
          clauses.append(
            "seat taken by \(Self.oneLine(result.book.accounts[taker].id)) "
              + "(\(takerStanding(taker, tier: tier))) under the Tier \(tier) cap of \(seats)")
        } else {
          clauses.append(
            "no seat under the Tier \(tier) cap of \(seats), and no newcomer took it: the cap "
              + "shrank below the incumbents that qualify")
        }
      } else {
        clauses.append("missed the Tier \(tier) cap of \(seats) seats (\(cutOff(tier)))")
      }
    }
    let chain = clauses.joined(separator: ", then ")
    if leadsWithPairing { return chain }
    let target = decision.targetTier
    var lead = "\(signalsSummary(index)) "
    if let from = account.currentTier, from < target {
      lead += "is below the Tier \(from) line of \(line(ofTier: from)) and "
    }
    return lead + "reaches the Tier \(target) line of \(line(ofTier: target)) but " + chain
  }

  /// `total 14` for a newcomer seated by the rubric, `override to Tier 1` for an override.
  private func takerStanding(_ taker: Int, tier: Int) -> String {
    if result.tiering.decisions[taker].reason == .override { return "override to Tier \(tier)" }
    return "total \(result.scores[taker].total)"
  }

  /// `lowest seated total 14`, or why no total was seated.
  private func cutOff(_ tier: Int) -> String {
    if let lowest = lowestSeatedTotals[tier] { return "lowest seated total \(lowest)" }
    if let report = capReport(ofTier: tier), report.seats > 0 { return "overrides took every seat" }
    return "the cap has no seats"
  }
}
