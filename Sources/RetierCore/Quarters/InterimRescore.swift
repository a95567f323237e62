/// The interim re-score of hot accounts (SPEC §7): between quarterly runs, only the flagged
/// accounts are scored again with the latest drop, under the cut lines and seats of the
/// quarter's completed run. A hot account moves only by the rubric; into a full capped tier
/// only by outranking that tier's lowest-ranked incumbent, who is then demoted and paired with
/// it. Pure and deterministic: the same inputs give the same moves.
struct InterimRescore: Sendable {
  /// An account seated by the completed run, as its `tiers.csv` line states it.
  struct Seated: Sendable, Hashable {
    /// `account_id`.
    var id: String
    /// `to_tier`.
    var tier: Int
    /// `total_score`.
    var total: ExactDecimal
    /// `arr`.
    var arr: Money
    /// Placed by an override: never displaced by a hot account.
    var isOverride: Bool
    /// Displaced by an earlier interim of the chain (``InterimChain``): never displaced again
    /// unless it re-entered the tier since.
    var wasDisplaced = false
  }

  /// A hot account with its new scores.
  struct Hot: Sendable {
    /// The account from the latest drop.
    var account: Account
    /// Its tier after the completed run (its `to_tier`).
    var tier: Int
    /// Its scores under the completed run's cut lines.
    var scores: SignalScores
    /// The highest tier whose line its total reaches, but never above ``tier`` while its skipped
    /// reviews stand (SPEC §4 step 4 (b)).
    var rubricTier: Int
  }

  /// One account that moved.
  struct Move: Sendable, Hashable {
    /// The account.
    var id: String
    /// The tier after the completed run.
    var from: Int
    /// The tier after the interim.
    var to: Int
    /// `rubric` for a hot account; `tier<k>_cap` for an incumbent displaced by one.
    var reason: TierReason
    /// For a displaced incumbent, the hot account that took its seat; for a hot account, the
    /// incumbent it displaced.
    var pairedWith: String?
  }

  /// Every move, by account id.
  var moves: [Move]
  /// Accounts seated per capped tier after the interim, by tier number.
  var seatedAfter: [Int: Int]
  /// Each hot account's new total and ARR, by id: its rank from now on.
  var hotRanks: [String: (total: ExactDecimal, arr: Money)]

  /// Re-scores `hot` (distinct valid accounts of the latest drop, each with its tier after the
  /// completed run) under `cutLines` and the tiers' lines `minScores` (Tier 1 first), and
  /// places those whose rubric tier changed. `seats[k]` is tier k's cap (absent: uncapped);
  /// `seated` is every account the completed run placed; `skippedReviews` holds an account that
  /// keeps skipping business reviews where it is.
  init(
    hot: [(account: Account, tier: Int)], constants: RubricConstants,
    skippedReviews: SkippedReviewsRule,
    cutLines: PreviousRunManifest.RecordedCutLines,
    minScores: [ExactDecimal], seats: [Int: Int], seated: [Seated]
  ) {
    let rubric = Rubric(constants: constants, fixedCutLines: cutLines.lines)
    let ladder = TierLadder(lines: minScores)
    let rescored = hot.map { entry in
      let scores = rubric.scores(
        of: entry.account,
        strictlyGreater: Self.impliedStrictlyGreater(entry.account.arr, under: cutLines))
      return Hot(
        account: entry.account, tier: entry.tier, scores: scores,
        rubricTier: skippedReviews.interimTier(
          currentTier: entry.tier, reviewsSkipped: entry.account.reviewsSkipped,
          rubricTier: ladder.rubricTier(of: scores.total)))
    }
    // Hot accounts are placed in rank order (the cap ranking, none of them an incumbent of the
    // tier it looks for), so the order of the hot list does not matter.
    let ordered = rescored.sorted { TierLadder.ranksAbove(Self.standing($0), Self.standing($1)) }
    let hotIDs = Set(hot.map(\.account.id))
    var incumbents: [Int: [Seated]] = [:]
    for account in seated where seats[account.tier] != nil && !hotIDs.contains(account.id) {
      incumbents[account.tier, default: []].append(account)
    }
    var counts: [Int: Int] = [:]
    for account in seated where seats[account.tier] != nil { counts[account.tier, default: 0] += 1 }
    var moves: [Move] = []
    let lastTier = minScores.count
    for hot in ordered where hot.rubricTier != hot.tier {
      let id = hot.account.id
      // The account leaves its seat while it looks for one; it takes it back if it stays.
      if seats[hot.tier] != nil { counts[hot.tier, default: 0] -= 1 }
      var target = hot.rubricTier
      var displaced: Seated?
      // Up: no further than the tier it holds. Down: as far as the last tier, as at the quarter
      // (an account without a seat in a full capped tier competes one tier down).
      while target != hot.tier, target < lastTier {
        guard let cap = seats[target], counts[target, default: 0] >= cap else { break }
        // Full: only by outranking the lowest-ranked incumbent (overrides, and accounts an
        // earlier interim displaced, are never displaced; an equal total keeps the incumbent), who needs room one tier down, so that no tier
        // ever holds more than its seats plus overrides.
        let below = target + 1
        let roomBelow = seats[below].map { counts[below, default: 0] < $0 } ?? true
        let candidates = (incumbents[target] ?? []).filter { !$0.isOverride && !$0.wasDisplaced }
        if roomBelow,
          let lowest = candidates.min(by: {
            TierLadder.ranksAbove(Self.standing($1), Self.standing($0))
          }),
          hot.scores.total > lowest.total
        {
          displaced = lowest
          break
        }
        target += 1
      }
      guard target != hot.tier else {
        if seats[hot.tier] != nil { counts[hot.tier, default: 0] += 1 }
        continue
      }
      if seats[target] != nil { counts[target, default: 0] += 1 }
      guard let lowest = displaced else {
        moves.append(Move(id: id, from: hot.tier, to: target, reason: .rubric))
        continue
      }
      incumbents[target]?.removeAll { $0.id == lowest.id }
      counts[target, default: 0] -= 1
      let below = target + 1
      if seats[below] != nil { counts[below, default: 0] += 1 }
      moves.append(
        Move(id: lowest.id, from: target, to: below, reason: .cap(tier: target), pairedWith: id))
      moves.append(
        Move(id: id, from: hot.tier, to: target, reason: .rubric, pairedWith: lowest.id))
    }
    self.moves = moves.sorted { $0.id < $1.id }
    var hotRanks: [String: (total: ExactDecimal, arr: Money)] = [:]
    for hot in rescored { hotRanks[hot.account.id] = (hot.scores.total, hot.account.arr) }
    self.hotRanks = hotRanks
    self.seatedAfter = counts
  }

  /// An incumbent of its tier, as the cap ranking (``TierLadder/ranksAbove(_:_:)``, SPEC §4)
  /// reads it.
  private static func standing(_ seated: Seated) -> TierLadder.Standing<String> {
    TierLadder.Standing(
      total: seated.total, isIncumbent: true, arr: seated.arr, accountKey: seated.id)
  }

  /// A hot account looking for a seat, as the cap ranking reads it: never an incumbent of the
  /// tier it looks for.
  private static func standing(_ hot: Hot) -> TierLadder.Standing<String> {
    TierLadder.Standing(
      total: hot.scores.total, isIncumbent: false, arr: hot.account.arr,
      accountKey: hot.account.id)
  }

  /// A `g(a)` consistent with fixed cut lines: the ARR rule scores 5 when `arr` reaches the
  /// least ARR that scored 5 in the completed run, 4 when it reaches the least that scored 4.
  static func impliedStrictlyGreater(
    _ arr: Money, under recorded: PreviousRunManifest.RecordedCutLines
  ) -> Int {
    if let decile = recorded.topDecileARR, arr >= decile { return 0 }
    if let quartile = recorded.topQuartileARR, arr >= quartile {
      return recorded.lines.topDecileCount
    }
    return recorded.lines.topQuartileCount
  }
}
