extension RunManifest {
  /// The shape of `run.json` this build writes. 1 is the shape before the version field
  /// existed (no `schema_version`); 2 adds `cut_lines`, the tiers' `min_score` and `seats`, and
  /// `path_back`. The README documents each member.
  static let schemaVersion = 2

  /// The members that carry a run into the next quarter: the cut lines and each tier's line
  /// and seats (SPEC §6, §8). `path_back`, each demoted account's targets, follows them, written
  /// entry by entry (``piecewise(_:outputs:explainer:)``).
  static func acrossQuarterMembers(_ result: RunResult) -> [(String, JSONValue)] {
    [
      ("cut_lines", cutLinesValue(result.rubric)),
      ("tier_lines", tierLinesValue(result)),
    ]
  }

  /// The ARR cut lines, exactly: enough to score an account again under them. The decile and
  /// quartile amounts are the ARR at those ranks: the least ARR of the book that scored 5 / 4.
  static func cutLinesValue(_ rubric: Rubric) -> JSONValue {
    let lines = rubric.cutLines
    // The median may end in half a cent; its exact decimal is doubled cents × 5,000 millionths.
    let median = ExactDecimal(millionths: lines.doubledMedianCents * 5_000)
    return .object([
      ("accounts", .integer(lines.accountCount)),
      ("median_arr", .string(median.description)),
      ("top_decile_rank", .integer(lines.topDecileCount)),
      ("top_quartile_rank", .integer(lines.topQuartileCount)),
      ("top_decile_arr", money(rubric.arr(atRank: lines.topDecileCount))),
      ("top_quartile_arr", money(rubric.arr(atRank: lines.topQuartileCount))),
      ("healthy_arr", money(lines.healthyARR)),
      ("floor_arr", money(lines.floorARR)),
    ])
  }

  /// Each tier's line and, for a capped tier, its seats and who took them.
  private static func tierLinesValue(_ result: RunResult) -> JSONValue {
    .array(
      (1...result.configuration.tierCount).map { tier in
        let report = result.tiering.capReports.first { $0.tier == tier }
        return .object([
          ("tier", .integer(tier)),
          ("min_score", .decimal(result.configuration.tier(tier).minScore)),
          ("seats", report.map { .integer($0.seats) } ?? .null),
          ("seated", report.map { .integer($0.seatedCount) } ?? .null),
          ("overrides_seated", report.map { .integer($0.overrideCount) } ?? .null),
        ])
      })
  }

  /// One demoted account's targets.
  static func pathBackValue(_ path: PathBack) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("account_id", .string(path.accountID)),
      ("from_tier", .integer(path.fromTier)),
      ("to_tier", .integer(path.toTier)),
      ("reason", .string(path.reason.description)),
      ("total", .decimal(path.total)),
    ]
    guard let bar = path.bar else {
      members.append(("bar", .null))
      return .object(members)
    }
    members.append(
      ("bar", .object([("total", .decimal(bar.total)), ("strict", .bool(bar.isStrict))])))
    members.append(
      (
        "arr",
        path.arr.map { raise in
          .object([
            ("at_least", money(raise.arr)), ("arr_score", .integer(raise.scores.arr)),
            ("expansion_score", .integer(raise.scores.expansion)),
            ("total", .decimal(raise.scores.total)),
          ])
        } ?? .null
      ))
    members.append(
      (
        "expansion",
        path.expansion.map { plan in
          .object([
            ("ceiling_at_least", money(plan.ceiling?.needed)),
            ("multi_bu", .bool(plan.addsMultiBU)),
            ("unblock", .bool(plan.unblocks)),
            ("expansion_score", .integer(plan.scores.expansion)),
            ("total", .decimal(plan.scores.total)),
          ])
        } ?? .null
      ))
    return .object(members)
  }

  /// Money as an exact decimal string (`"96500.00"`), never a binary floating-point number.
  private static func money(_ amount: Money?) -> JSONValue {
    amount.map { .string($0.description) } ?? .null
  }
}
