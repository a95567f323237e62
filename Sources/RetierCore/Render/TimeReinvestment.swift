/// Where the CSM time a demotion frees is reinvested (SPEC §6, the service-level reset): a cap
/// demotion's time goes to the account that took its seat; a demotion for any other reason is
/// paired with a promotion into the tier it left this quarter, in rank order as for caps (the
/// highest-ranked promotion with the lowest-ranked demotion). Promotions already paired with a
/// cap demotion are not paired again; a demotion left without a promotion returns its time to
/// its owner's book.
struct TimeReinvestment: Sendable {
  /// The promotion each paired non-cap demotion's time goes to, by ref.
  private let promotionByDemotion: [AccountRef: AccountRef]
  /// The reverse: the non-cap demotion whose time a paired promotion takes.
  private let demotionByPromotion: [AccountRef: AccountRef]
  /// Promotions into each tier this quarter not paired by a cap, by tier number.
  private let promotionCounts: [Int]

  /// Pairs the moves of `result`; `isCapPaired` says whether an account is a cap-displaced
  /// incumbent or a newcomer that took a cap seat (those are paired by the cap already).
  init(_ result: RunResult, isCapPaired: (AccountRef) -> Bool) {
    let ledger = result.ledger
    let decisions = ledger.decisions
    let tierCount = result.configuration.tierCount
    var promotions = [[AccountRef]](repeating: [], count: tierCount + 1)
    var demotions = [[AccountRef]](repeating: [], count: tierCount + 1)
    for ref in ledger.refs {
      guard let from = ledger.currentTier(ref) else { continue }
      let to = decisions.finalTier(ref)
      guard from != to, !isCapPaired(ref) else { continue }
      if TierLadder.isDemotion(from: from, to: to) {
        demotions[from].append(ref)
      } else {
        promotions[to].append(ref)
      }
    }
    // The cap ranking (``TierLadder/ranksAbove(_:_:)``) within one group, so incumbency ties:
    // the promotions are all newcomers and the demotions all incumbents of the tier. The sort
    // compares keys read once per account; refs are in account id order.
    func inRankOrder(_ refs: [AccountRef]) -> [AccountRef] {
      var keyed = refs.map {
        TierLadder.Standing(
          total: ledger.scores.total($0), isIncumbent: false, arr: ledger.arr($0), accountKey: $0)
      }
      keyed.sort(by: TierLadder.ranksAbove)
      return keyed.map(\.accountKey)
    }
    var promotionByDemotion: [AccountRef: AccountRef] = [:]
    var demotionByPromotion: [AccountRef: AccountRef] = [:]
    for tier in promotions.indices {
      let risers = inRankOrder(promotions[tier])
      let fallers = inRankOrder(demotions[tier]).reversed()
      for (promoted, demoted) in zip(risers, fallers) {
        promotionByDemotion[demoted] = promoted
        demotionByPromotion[promoted] = demoted
      }
    }
    self.promotionCounts = promotions.map(\.count)
    self.promotionByDemotion = promotionByDemotion
    self.demotionByPromotion = demotionByPromotion
  }

  /// The promotion into the tier a non-cap demotion left that its time is reinvested in, `nil`
  /// when no promotion was left to pair with it.
  func promotion(reinvestedFrom demoted: AccountRef) -> AccountRef? { promotionByDemotion[demoted] }

  /// How many promotions into `tier` this quarter were open to pairing (not paired by a cap).
  func promotionCount(intoTier tier: Int) -> Int {
    promotionCounts.indices.contains(tier) ? promotionCounts[tier] : 0
  }

  /// The non-cap demotion out of its new tier whose time a promotion takes, when paired.
  func demotion(reinvestedIn promoted: AccountRef) -> AccountRef? { demotionByPromotion[promoted] }
}
