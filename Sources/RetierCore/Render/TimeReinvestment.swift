/// Where the CSM time a demotion frees is reinvested (SPEC §6, the service-level reset): a cap
/// demotion's time goes to the account that took its seat; a demotion for any other reason is
/// paired with a promotion into the tier it left this quarter, in rank order as for caps (the
/// highest-ranked promotion with the lowest-ranked demotion). Promotions already paired with a
/// cap demotion are not paired again; a demotion left without a promotion returns its time to
/// its owner's book.
struct TimeReinvestment: Sendable {
  /// The promotion each paired non-cap demotion's time goes to, by index.
  private let promotionByDemotion: [Int: Int]
  /// The reverse: the non-cap demotion whose time a paired promotion takes.
  private let demotionByPromotion: [Int: Int]
  /// Promotions into each tier this quarter not paired by a cap, by tier number.
  private let promotionCounts: [Int]

  /// Pairs the moves of `result`; `isCapPaired` says whether an account is a cap-displaced
  /// incumbent or a newcomer that took a cap seat (those are paired by the cap already).
  init(_ result: RunResult, isCapPaired: (Int) -> Bool) {
    let accounts = result.book.accounts
    let decisions = result.tiering.decisions
    let tierCount = result.configuration.tierCount
    var promotions = [[Int]](repeating: [], count: tierCount + 1)
    var demotions = [[Int]](repeating: [], count: tierCount + 1)
    for index in accounts.indices {
      guard let from = accounts[index].currentTier else { continue }
      let to = decisions[index].finalTier
      guard from != to, !isCapPaired(index) else { continue }
      if to < from { promotions[to].append(index) } else { demotions[from].append(index) }
    }
    // Cap order: total desc, then ARR desc, then account id asc (no incumbent tie-break: the
    // promotions are all newcomers and the demotions all incumbents of the tier).
    func ranksAbove(_ left: Int, _ right: Int) -> Bool {
      let (leftTotal, rightTotal) = (result.scores[left].total, result.scores[right].total)
      if leftTotal != rightTotal { return leftTotal > rightTotal }
      if accounts[left].arr != accounts[right].arr {
        return accounts[left].arr > accounts[right].arr
      }
      return accounts[left].id < accounts[right].id
    }
    var promotionByDemotion: [Int: Int] = [:]
    var demotionByPromotion: [Int: Int] = [:]
    for tier in promotions.indices {
      let risers = promotions[tier].sorted(by: ranksAbove)
      let fallers = demotions[tier].sorted(by: ranksAbove).reversed()
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
  func promotion(reinvestedFrom demoted: Int) -> Int? { promotionByDemotion[demoted] }

  /// How many promotions into `tier` this quarter were open to pairing (not paired by a cap).
  func promotionCount(intoTier tier: Int) -> Int {
    promotionCounts.indices.contains(tier) ? promotionCounts[tier] : 0
  }

  /// The non-cap demotion out of its new tier whose time a promotion takes, when paired.
  func demotion(reinvestedIn promoted: Int) -> Int? { demotionByPromotion[promoted] }
}
