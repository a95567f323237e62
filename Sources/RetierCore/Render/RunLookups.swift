/// What every renderer of a run asks about its accounts, worked out once per run: cap pairs in
/// both directions, the lowest total seated under each cap, tier labels and escaped service
/// levels, the people by name, where each demotion's time goes, the memo names and who holds
/// each conversation. ``WhyMoved`` writes the one-line reason from it; the memos, `memo.md`,
/// `memo.html` and the CRM files read it.
///
/// Build one per run and ask it about accounts by their ``AccountRef``. A class, so that the
/// renderers share one copy instead of retaining each of its tables on every hand-over.
final class RunLookups: Sendable {
  /// A cap pairing seen from the displaced incumbent.
  struct Displacement: Sendable, Hashable {
    /// The capped tier the incumbent lost its seat in.
    var tier: Int
    /// The newcomer seated in its place; `nil` when the cap seated no newcomer for it.
    var takenBy: AccountRef?
  }

  /// The run being explained.
  let result: RunResult
  /// The run's quarter label, `2026-Q3`.
  let quarterLabel: String
  /// The run date, `2026-10-14`.
  let runDateText: String
  /// Cap pairings by displaced incumbent.
  private let displacements: [AccountRef: Displacement]
  /// Cap pairings by newcomer: the incumbent whose seat it took.
  private let seatsTaken: [AccountRef: AccountRef]
  /// Lowest total among the accounts the rubric seated in each capped tier (overrides aside), by
  /// tier number.
  private let lowestSeatedTotals: [ExactDecimal?]
  /// ``tierLabel(_:)`` of every tier, Tier 1 first: memos name the same few tiers a hundred
  /// thousand times.
  private let tierLabels: [String]
  /// Every tier's service levels with their text escaped for Markdown, Tier 1 first, for the
  /// same reason.
  private let escapedServiceLevels: [ServiceLevels]
  /// The ladder's rules: the tier lines, demotions.
  let ladder: TierLadder
  /// People by name, for every sentence a person reads.
  let people: PeopleDirectory
  /// Where each demotion's freed CSM time goes.
  let reinvestment: TimeReinvestment
  /// Each moved account's memo file name, by ref: `memo.md` links the memos and the memos are
  /// written under these names, so they are assigned once per run.
  let memoNames: [AccountRef: String]
  /// Who holds the conversation of each account memo, by ref: the memo's opener names them and
  /// `memo.md` groups its conversations by them.
  let holders: [AccountRef: ConversationHolder]

  /// Indexes the cap reports of `result`.
  init(_ result: RunResult) {
    self.result = result
    self.quarterLabel = result.quarter.label
    self.runDateText = result.runDate.description
    var displacements: [AccountRef: Displacement] = [:]
    var seatsTaken: [AccountRef: AccountRef] = [:]
    for report in result.tiering.capReports {
      for pair in report.pairs {
        displacements[pair.displaced] = Displacement(tier: report.tier, takenBy: pair.takenBy)
        if let taker = pair.takenBy { seatsTaken[taker] = pair.displaced }
      }
    }
    // Arrays by tier number rather than a set and a dictionary: this loop sees every account.
    let tierSlots = result.configuration.tierCount + 1
    var isCapped = [Bool](repeating: false, count: tierSlots)
    for report in result.tiering.capReports where isCapped.indices.contains(report.tier) {
      isCapped[report.tier] = true
    }
    var lowest = [ExactDecimal?](repeating: nil, count: tierSlots)
    let ledger = result.ledger
    for ref in ledger.refs {
      let finalTier = ledger.decisions.finalTier(ref)
      guard isCapped[finalTier], ledger.decisions.reason(ref) != .override else { continue }
      let total = ledger.scores.total(ref)
      if let current = lowest[finalTier], current <= total { continue }
      lowest[finalTier] = total
    }
    self.displacements = displacements
    self.seatsTaken = seatsTaken
    self.lowestSeatedTotals = lowest
    let configuration = result.configuration
    self.ladder = TierLadder(configuration)
    self.memoNames = AccountMemo.memoNames(result)
    let people = PeopleDirectory(
      roster: result.book.roster, poolOwnerID: configuration.poolOwnerID)
    self.people = people
    self.holders = ConversationHolder.holders(
      of: Array(memoNames.keys), result: result, people: people)
    self.reinvestment = TimeReinvestment(result) {
      displacements[$0] != nil || seatsTaken[$0] != nil
    }
    self.tierLabels = configuration.tiers.indices.map { Prose.tierLabel($0 + 1, in: configuration) }
    self.escapedServiceLevels = configuration.tiers.map { tier in
      var levels = tier.serviceLevels
      levels.coverage = ReviewMemo.escaped(levels.coverage)
      levels.businessReviews = ReviewMemo.escaped(levels.businessReviews)
      levels.executiveContact = ReviewMemo.escaped(levels.executiveContact)
      levels.p1Response = ReviewMemo.escaped(levels.p1Response)
      levels.renewalMotion = ReviewMemo.escaped(levels.renewalMotion)
      levels.plays = levels.plays.map(ReviewMemo.escaped)
      return levels
    }
  }

  /// `Tier 1 (Gold)`, or `Tier 1` when the tier has no name.
  func tierLabel(_ tier: Int) -> String { tierLabels[tier - 1] }

  /// The service levels of a tier with their text escaped as ``ReviewMemo/escaped(_:)`` does.
  func escapedServiceLevels(ofTier tier: Int) -> ServiceLevels {
    escapedServiceLevels[tier - 1]
  }

  /// The cap pairing of a displaced incumbent, when it lost its seat to a cap.
  func displacement(of ref: AccountRef) -> Displacement? { displacements[ref] }

  /// The displaced incumbent whose seat the account took, when it is a paired newcomer.
  func seatTaken(by ref: AccountRef) -> AccountRef? { seatsTaken[ref] }

  /// The lowest total the rubric seated in a capped tier, `nil` when overrides took every seat.
  func lowestSeatedTotal(inTier tier: Int) -> ExactDecimal? {
    lowestSeatedTotals.indices.contains(tier) ? lowestSeatedTotals[tier] : nil
  }

  /// The cap report of a tier, when the tier is capped.
  func capReport(ofTier tier: Int) -> CapReport? {
    result.tiering.capReports.first { $0.tier == tier }
  }

  /// The movement direction of an account, `nil` when it kept its tier.
  func direction(of ref: AccountRef) -> MovementDirection? {
    MovementDirection(
      from: result.ledger.currentTier(ref),
      to: result.ledger.decisions.finalTier(ref))
  }

  /// The `min_score` of a tier (``TierLadder``).
  func line(ofTier tier: Int) -> ExactDecimal { ladder.line(ofTier: tier) }

}
