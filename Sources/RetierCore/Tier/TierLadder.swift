/// The ladder's rules in one place (SPEC §4), as the rubric's are in `Score/`: the rubric tier of
/// a total, each tier's line, the cap ranking and whether a move is a demotion, with their wording
/// beside them. The tier step, the interim re-score, `why_moved`, the memos and `run.json` ask it.
struct TierLadder: Sendable {
  /// Each tier's `min_score`, Tier 1 first.
  let lines: [ExactDecimal]

  /// The ladder of `configuration`.
  init(_ configuration: Configuration) {
    lines = configuration.tiers.map(\.minScore)
  }

  /// The ladder whose lines are `lines`, Tier 1 first (an interim re-score reads them from the
  /// completed run's `run.json`).
  init(lines: [ExactDecimal]) {
    self.lines = lines
  }

  /// The number of tiers.
  var tierCount: Int { lines.count }

  /// The highest tier whose line `total` reaches; the last tier when none does (step 3).
  func rubricTier(of total: ExactDecimal) -> Int {
    (lines.firstIndex { $0 <= total } ?? (lines.count - 1)) + 1
  }

  /// The `min_score` of `tier`.
  func line(ofTier tier: Int) -> ExactDecimal { lines[tier - 1] }

  /// Whether a move from `from` (`nil`: a first placement) to `to` is a demotion.
  static func isDemotion(from: Int?, to: Int) -> Bool {
    guard let from else { return false }
    return to > from
  }

  // MARK: Cap ranking

  /// What the cap ranking reads of an account competing for a capped tier's seats.
  /// `AccountKey` stands for the account id: the id itself, or anything that sorts as it does
  /// (a ledger ref, whose rows are in id order).
  struct Standing<AccountKey: Comparable> {
    /// The account's total.
    var total: ExactDecimal
    /// Whether the account is already in the tier (its current tier is the capped one).
    var isIncumbent: Bool
    /// The account's ARR.
    var arr: Money
    /// The account id, or what sorts as it does.
    var accountKey: AccountKey
  }

  /// Whether `lhs` ranks above `rhs` for a capped tier's seats (SPEC §4): total desc, then the
  /// tier's incumbents first (incumbents keep ties), then ARR desc, then account id asc. The one
  /// ranking of the tier step's caps and the interim re-score.
  static func ranksAbove<AccountKey: Comparable>(
    _ lhs: Standing<AccountKey>, _ rhs: Standing<AccountKey>
  ) -> Bool {
    if lhs.total != rhs.total { return lhs.total > rhs.total }
    if lhs.isIncumbent != rhs.isIncumbent { return lhs.isIncumbent }
    if lhs.arr != rhs.arr { return lhs.arr > rhs.arr }
    return lhs.accountKey < rhs.accountKey
  }

  // MARK: Wording

  /// The cap ranking's keys as `explain` lists them.
  static let rankingKeys = "total desc, incumbents first, ARR desc, account_id asc"

  /// Appends the cap ranking of tier `tier`'s seats in words: `Seats go by total, highest
  /// first; on equal totals current Tier 1 accounts come first`, `incumbentAside`, `, then
  /// higher ARR, then account id.`
  static func writeRanking(
    ofTier tier: Int, incumbentAside: String, to text: inout TextBuffer
  ) {
    text.append(
      "Seats go by total, highest first; on equal totals current Tier ", tier,
      " accounts come first", incumbentAside, ", then higher ARR, then account id.")
  }

  /// `is below the Tier 1 line of 12` or `reaches the Tier 2 line of 8`, for `total`.
  func writeComparison(of total: ExactDecimal, withTier tier: Int, to text: inout TextBuffer) {
    let line = line(ofTier: tier)
    text.append(total >= line ? "reaches" : "is below", " the Tier ", tier, " line of ", line)
  }
}
