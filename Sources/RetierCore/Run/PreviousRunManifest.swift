import Foundation

/// A previous run's `run.json`, read for what its shape holds (see ``RunManifest/schemaVersion``
/// and the README): shape 1 (no `schema_version`) names its quarter and counts but records no
/// cut lines or path back; shape 2 adds them. A newer shape, or a file that does not hold what
/// its shape promises, is refused with a reason, never guessed at.
package struct PreviousRunManifest: Sendable {
  /// Why a `run.json` was not read.
  package struct Refusal: Error, Sendable, Hashable {
    /// One sentence for the memo and the log.
    package var message: String
  }

  /// A run's cut lines with the least ARR that scored 5 and 4 in its book, so that an account
  /// can be scored again under them without the book (the interim re-score).
  struct RecordedCutLines: Sendable, Hashable {
    /// N, the median, the decile and quartile counts, the healthy and floor lines.
    var lines: RubricCutLines
    /// The least ARR that scored 5 (the ARR at the decile rank), `nil` when none did.
    var topDecileARR: Money?
    /// The least ARR that scored 4 or more (the ARR at the quartile rank), `nil` when none did.
    var topQuartileARR: Money?
  }

  /// One tier's line and seats.
  struct TierLine: Sendable, Hashable {
    /// The tier.
    var tier: Int
    /// Its `min_score`.
    var minScore: ExactDecimal
    /// Its seats under a cap, `nil` when uncapped.
    var seats: Int?
    /// Accounts seated in it under the cap, overrides included.
    var seated: Int?
    /// Overrides seated in it.
    var overridesSeated: Int?
  }

  /// A demoted account's targets, as the previous run recorded them.
  struct RecordedPathBack: Sendable, Hashable {
    /// The account.
    var accountID: String
    /// The tier it left.
    var fromTier: Int
    /// The tier it moved to.
    var toTier: Int
    /// Why it moved.
    var reason: String
    /// Its total then.
    var total: ExactDecimal
    /// The total to reach, `nil` when no total brings it back.
    var bar: ExactDecimal?
    /// Whether the total must be strictly above `bar`.
    var barIsStrict: Bool
    /// The least ARR that alone reached the bar, `nil` when none did.
    var arrAtLeast: Money?
    /// Whether expansion evidence alone reached the bar.
    var hasExpansionTarget: Bool
    /// The least ceiling it named, `nil` when the ceiling did not need to rise.
    var ceilingAtLeast: Money?
    /// Whether it named a multi-BU footprint.
    var needsMultiBU: Bool
    /// Whether a lost sponsor or declining usage had to clear first.
    var needsUnblock: Bool
  }

  /// The `schema_version`, 1 when the member is absent.
  var schemaVersion: Int
  /// The quarter the run names.
  var quarter: String
  /// The cut lines (shape 2).
  var cutLines: RecordedCutLines?
  /// Each tier's line and seats (shape 2).
  var tierLines: [TierLine]?
  /// Each demoted account's path back (shape 2).
  var pathBacks: [RecordedPathBack]?

  /// Reads `bytes`, or says why not.
  static func read(_ bytes: [UInt8]) -> Result<PreviousRunManifest, Refusal> {
    let decoded: Shape
    do {
      decoded = try JSONDecoder().decode(Shape.self, from: Data(bytes))
    } catch {
      return .failure(Refusal(message: "its run.json is not a retier run manifest"))
    }
    let version = decoded.schemaVersion ?? 1
    guard version <= RunManifest.schemaVersion, version >= 1 else {
      return .failure(
        Refusal(
          message: "its run.json has schema_version \(version), and this retier reads up to "
            + "\(RunManifest.schemaVersion)"))
    }
    var manifest = PreviousRunManifest(
      schemaVersion: version, quarter: decoded.quarter, cutLines: nil, tierLines: nil,
      pathBacks: nil)
    guard version >= 2 else { return .success(manifest) }
    guard let cutLines = decoded.cutLines, let tierLines = decoded.tierLines,
      let pathBacks = decoded.pathBack
    else {
      return .failure(
        Refusal(message: "its run.json (schema_version 2) lacks cut_lines, tier_lines or path_back")
      )
    }
    do throws(Refusal) {
      manifest.cutLines = try cutLines.lines()
      var recorded: [RecordedPathBack] = []
      recorded.reserveCapacity(pathBacks.count)
      for pathBack in pathBacks { recorded.append(try pathBack.recorded()) }
      manifest.pathBacks = recorded
    } catch {
      return .failure(error)
    }
    manifest.tierLines = tierLines.map {
      TierLine(
        tier: $0.tier, minScore: $0.minScore, seats: $0.seats, seated: $0.seated,
        overridesSeated: $0.overridesSeated)
    }
    return .success(manifest)
  }

  /// The decodable shape of `run.json` (every version): members this build does not need are
  /// skipped.
  private struct Shape: Decodable {
    var schemaVersion: Int?
    var quarter: String
    var cutLines: CutLines?
    var tierLines: [TierLineShape]?
    var pathBack: [PathBackShape]?

    enum CodingKeys: String, CodingKey {
      case schemaVersion = "schema_version"
      case quarter
      case cutLines = "cut_lines"
      case tierLines = "tier_lines"
      case pathBack = "path_back"
    }
  }

  private struct CutLines: Decodable {
    var accounts: Int
    var medianARR: String
    var topDecileRank: Int
    var topQuartileRank: Int
    var topDecileARR: String?
    var topQuartileARR: String?
    var healthyARR: String
    var floorARR: String

    enum CodingKeys: String, CodingKey {
      case accounts
      case medianARR = "median_arr"
      case topDecileRank = "top_decile_rank"
      case topQuartileRank = "top_quartile_rank"
      case topDecileARR = "top_decile_arr"
      case topQuartileARR = "top_quartile_arr"
      case healthyARR = "healthy_arr"
      case floorARR = "floor_arr"
    }

    func lines() throws(Refusal) -> RecordedCutLines {
      // The median is exact to half a cent: 5,000 millionths.
      guard let median = ExactDecimal(medianARR), median.millionths % 5_000 == 0,
        let healthy = Money(healthyARR), let floor = Money(floorARR)
      else { throw Refusal(message: "its run.json has cut lines that are not exact amounts") }
      return RecordedCutLines(
        lines: RubricCutLines(
          accountCount: accounts, doubledMedianCents: median.millionths / 5_000,
          topDecileCount: topDecileRank, topQuartileCount: topQuartileRank, healthyARR: healthy,
          floorARR: floor),
        topDecileARR: try PreviousRunManifest.money(topDecileARR),
        topQuartileARR: try PreviousRunManifest.money(topQuartileARR))
    }
  }

  private struct TierLineShape: Decodable {
    var tier: Int
    var minScore: ExactDecimal
    var seats: Int?
    var seated: Int?
    var overridesSeated: Int?

    enum CodingKeys: String, CodingKey {
      case tier
      case minScore = "min_score"
      case seats, seated
      case overridesSeated = "overrides_seated"
    }
  }

  private struct PathBackShape: Decodable {
    struct Bar: Decodable {
      var total: ExactDecimal
      var strict: Bool
    }
    struct ARR: Decodable {
      var atLeast: String
      enum CodingKeys: String, CodingKey { case atLeast = "at_least" }
    }
    struct Expansion: Decodable {
      var ceilingAtLeast: String?
      var multiBU: Bool
      var unblock: Bool
      enum CodingKeys: String, CodingKey {
        case ceilingAtLeast = "ceiling_at_least"
        case multiBU = "multi_bu"
        case unblock
      }
    }

    var accountID: String
    var fromTier: Int
    var toTier: Int
    var reason: String
    var total: ExactDecimal
    var bar: Bar?
    var arr: ARR?
    var expansion: Expansion?

    enum CodingKeys: String, CodingKey {
      case accountID = "account_id"
      case fromTier = "from_tier"
      case toTier = "to_tier"
      case reason, total, bar, arr, expansion
    }

    func recorded() throws(Refusal) -> RecordedPathBack {
      RecordedPathBack(
        accountID: accountID, fromTier: fromTier, toTier: toTier, reason: reason, total: total,
        bar: bar?.total, barIsStrict: bar?.strict ?? false,
        arrAtLeast: try PreviousRunManifest.money(arr?.atLeast),
        hasExpansionTarget: expansion != nil,
        ceilingAtLeast: try PreviousRunManifest.money(expansion?.ceilingAtLeast),
        needsMultiBU: expansion?.multiBU ?? false, needsUnblock: expansion?.unblock ?? false)
    }
  }

  /// Exact money from a recorded string; `nil` stays `nil`.
  private static func money(_ text: String?) throws(Refusal) -> Money? {
    guard let text else { return nil }
    guard let money = Money(text) else {
      throw Refusal(message: "its run.json has an amount that is not exact money: \(text)")
    }
    return money
  }
}
