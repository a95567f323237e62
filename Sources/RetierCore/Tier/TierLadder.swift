/// The ladder's rules in one place (SPEC §4), as the rubric's are in `Score/`: the rubric tier of
/// a total, each tier's line and whether a move is a demotion, with their wording beside them.
/// (The cap ranking is `TierAssigner`'s.) The tier step, `why_moved`, the memos and `run.json` ask it.
struct TierLadder: Sendable {
  /// Each tier's `min_score`, Tier 1 first.
  let lines: [ExactDecimal]

  /// The ladder of `configuration`.
  init(_ configuration: Configuration) {
    lines = configuration.tiers.map(\.minScore)
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

  // MARK: Wording

  /// `is below the Tier 1 line of 12` or `reaches the Tier 2 line of 8`, for `total`.
  func writeComparison(of total: ExactDecimal, withTier tier: Int, to text: inout TextBuffer) {
    let line = line(ofTier: tier)
    text.append(total >= line ? "reaches" : "is below", " the Tier ", tier, " line of ", line)
  }
}
