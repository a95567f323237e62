extension RunManifest {
  /// The shape of `run.json` this build writes. 1 is the shape before the version field
  /// existed (no `schema_version`); 2 adds `cut_lines`, the tiers' `min_score` and `seats`, and
  /// `path_back`; 3 adds `currency`, `previous_run` and each CSV output's `rows`. The README
  /// documents each member.
  static let schemaVersion = 3

  /// The members that carry a run into the next quarter: the cut lines and each tier's line
  /// and seats (SPEC §6, §8). `path_back`, each demoted account's targets, follows them, written
  /// entry by entry (``piecewise(_:outputs:lookups:)``).
  static func acrossQuarterMembers(_ result: RunResult) -> [(String, JSONValue)] {
    [
      (Key.cutLines.rawValue, cutLinesValue(result.rubric)),
      (Key.tierLines.rawValue, tierLinesValue(result)),
    ]
  }

  /// `previous_run` (schema 3): the run this one compared with and whether it passed
  /// verification; when it did not, the file that failed and why (SPEC §8). `null` when there
  /// was no earlier run folder. An interim writes none: it reads its own quarter's run.
  static func previousRunMembers(_ result: RunResult) -> [(String, JSONValue)] {
    guard result.interim == nil else { return [] }
    guard let check = result.previousRunCheck else { return [(Key.previousRun.rawValue, .null)] }
    var members: [(String, JSONValue)] = [
      (PreviousRunKey.quarter.rawValue, .string(check.quarter)),
      (PreviousRunKey.verified.rawValue, .bool(check.failure == nil)),
    ]
    if let failure = check.failure {
      members.append((PreviousRunKey.file.rawValue, .string(failure.file)))
      members.append((PreviousRunKey.problem.rawValue, .string(failure.reason)))
    }
    return [(Key.previousRun.rawValue, .object(members))]
  }

  /// The ARR cut lines, exactly: enough to score an account again under them. The decile and
  /// quartile amounts are the ARR at those ranks: the least ARR of the book that scored 5 / 4.
  static func cutLinesValue(_ rubric: Rubric) -> JSONValue {
    let lines = rubric.cutLines
    // The median may end in half a cent; its exact decimal is doubled cents × 5,000 millionths.
    let median = ExactDecimal(millionths: lines.doubledMedianCents * 5_000)
    return .object([
      (CutLinesKey.accounts.rawValue, .integer(lines.accountCount)),
      (CutLinesKey.medianARR.rawValue, .string(median.description)),
      (CutLinesKey.topDecileRank.rawValue, .integer(lines.topDecileCount)),
      (CutLinesKey.topQuartileRank.rawValue, .integer(lines.topQuartileCount)),
      (CutLinesKey.topDecileARR.rawValue, money(rubric.arr(atRank: lines.topDecileCount))),
      (CutLinesKey.topQuartileARR.rawValue, money(rubric.arr(atRank: lines.topQuartileCount))),
      (CutLinesKey.healthyARR.rawValue, money(lines.healthyARR)),
      (CutLinesKey.floorARR.rawValue, money(lines.floorARR)),
    ])
  }

  /// Each tier's line and, for a capped tier, its seats and who took them.
  private static func tierLinesValue(_ result: RunResult) -> JSONValue {
    .array(
      (1...result.configuration.tierCount).map { tier in
        let report = result.tiering.capReports.first { $0.tier == tier }
        return .object([
          (TierLineKey.tier.rawValue, .integer(tier)),
          (TierLineKey.minScore.rawValue, .decimal(result.configuration.tier(tier).minScore)),
          (TierLineKey.seats.rawValue, report.map { .integer($0.seats) } ?? .null),
          (TierLineKey.seated.rawValue, report.map { .integer($0.seatedCount) } ?? .null),
          (
            TierLineKey.overridesSeated.rawValue,
            report.map { .integer($0.overrideCount) } ?? .null
          ),
        ])
      })
  }

  /// One demoted account's targets.
  static func pathBackValue(_ path: PathBack) -> JSONValue {
    var members: [(String, JSONValue)] = [
      (PathBackKey.accountID.rawValue, .string(path.accountID)),
      (PathBackKey.fromTier.rawValue, .integer(path.fromTier)),
      (PathBackKey.toTier.rawValue, .integer(path.toTier)),
      (PathBackKey.reason.rawValue, .string(path.reason.description)),
      (PathBackKey.total.rawValue, .decimal(path.total)),
    ]
    guard let bar = path.bar else {
      members.append((PathBackKey.bar.rawValue, .null))
      return .object(members)
    }
    members.append(
      (
        PathBackKey.bar.rawValue,
        .object([
          (PathBackKey.total.rawValue, .decimal(bar.total)),
          (PathBackKey.strict.rawValue, .bool(bar.isStrict)),
        ])
      ))
    members.append(
      (
        PathBackKey.arr.rawValue,
        path.arr.map { raise in
          .object([
            (PathBackKey.atLeast.rawValue, money(raise.arr)),
            (PathBackKey.arrScore.rawValue, .integer(raise.scores.arr)),
            (PathBackKey.expansionScore.rawValue, .integer(raise.scores.expansion)),
            (PathBackKey.total.rawValue, .decimal(raise.scores.total)),
          ])
        } ?? .null
      ))
    members.append(
      (
        PathBackKey.expansion.rawValue,
        path.expansion.map { plan in
          .object([
            (PathBackKey.ceilingAtLeast.rawValue, money(plan.ceiling?.needed)),
            (PathBackKey.multiBU.rawValue, .bool(plan.addsMultiBU)),
            (PathBackKey.unblock.rawValue, .bool(plan.unblocks)),
            (PathBackKey.expansionScore.rawValue, .integer(plan.scores.expansion)),
            (PathBackKey.total.rawValue, .decimal(plan.scores.total)),
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
