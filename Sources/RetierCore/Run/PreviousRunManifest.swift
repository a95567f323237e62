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

  /// Reads `bytes`, or says why not. Only `schema_version`, `quarter`, `cut_lines`,
  /// `tier_lines` and `path_back` are built (``ManifestJSONReader``): the rest, the list of
  /// outputs above all, is only checked to be JSON.
  static func read(_ bytes: [UInt8]) -> Result<PreviousRunManifest, Refusal> {
    let notManifest = Refusal(message: "its run.json is not a retier run manifest")
    var schemaVersion: Int?
    var quarter: String?
    var cutLines: ManifestJSONReader.Value?
    var tierLines: ManifestJSONReader.Value?
    var pathBacks: [RecordedPathBack]?
    // A path-back entry that does not have its shape; reported after the syntax is checked.
    var pathBackProblem: Refusal?
    var reader = ManifestJSONReader(bytes)
    do throws(ManifestJSONReader.SyntaxError) {
      try reader.forEachMember {
        (key: String, reader: inout ManifestJSONReader) throws(ManifestJSONReader.SyntaxError) in
        switch key {
        case "schema_version":
          schemaVersion = try reader.value().integer ?? -1
        case "quarter":
          quarter = try reader.value().string
        case "cut_lines":
          cutLines = try reader.value()
        case "tier_lines":
          tierLines = try reader.value()
        case "path_back":
          var recorded: [RecordedPathBack] = []
          try reader.forEachElement {
            (reader: inout ManifestJSONReader) throws(ManifestJSONReader.SyntaxError) in
            guard pathBackProblem == nil else { return try reader.skipValue() }
            switch try Self.pathBack(&reader, notManifest: notManifest) {
            case .success(let entry): recorded.append(entry)
            case .failure(let problem): pathBackProblem = problem
            }
          }
          pathBacks = recorded
        default:
          try reader.skipValue()
        }
      }
    } catch {
      return .failure(notManifest)
    }
    guard let quarter, schemaVersion != -1 else { return .failure(notManifest) }
    let version = schemaVersion ?? 1
    guard version <= RunManifest.schemaVersion, version >= 1 else {
      return .failure(
        Refusal(
          message: "its run.json has schema_version \(version), and this retier reads up to "
            + "\(RunManifest.schemaVersion)"))
    }
    var manifest = PreviousRunManifest(
      schemaVersion: version, quarter: quarter, cutLines: nil, tierLines: nil,
      pathBacks: nil)
    guard version >= 2 else { return .success(manifest) }
    guard let cutLines, let tierLines, let pathBacks else {
      return .failure(
        Refusal(message: "its run.json (schema_version 2) lacks cut_lines, tier_lines or path_back")
      )
    }
    do throws(Refusal) {
      manifest.cutLines = try Self.cutLines(cutLines, notManifest: notManifest)
      manifest.tierLines = try Self.tierLines(tierLines, notManifest: notManifest)
      if let pathBackProblem { throw pathBackProblem }
      manifest.pathBacks = pathBacks
    } catch {
      return .failure(error)
    }
    return .success(manifest)
  }

  /// `cut_lines`: counts are whole numbers, amounts exact strings.
  private static func cutLines(
    _ value: ManifestJSONReader.Value, notManifest: Refusal
  ) throws(Refusal) -> RecordedCutLines {
    guard let accounts = value["accounts"]?.integer,
      let medianText = value["median_arr"]?.string,
      let decileRank = value["top_decile_rank"]?.integer,
      let quartileRank = value["top_quartile_rank"]?.integer,
      let healthyText = value["healthy_arr"]?.string,
      let floorText = value["floor_arr"]?.string
    else { throw notManifest }
    // The median is exact to half a cent: 5,000 millionths.
    guard let median = ExactDecimal(medianText), median.millionths % 5_000 == 0,
      let healthy = Money(healthyText), let floor = Money(floorText)
    else { throw Refusal(message: "its run.json has cut lines that are not exact amounts") }
    return RecordedCutLines(
      lines: RubricCutLines(
        accountCount: accounts, doubledMedianCents: median.millionths / 5_000,
        topDecileCount: decileRank, topQuartileCount: quartileRank, healthyARR: healthy,
        floorARR: floor),
      topDecileARR: try money(try optionalString(value["top_decile_arr"], notManifest)),
      topQuartileARR: try money(try optionalString(value["top_quartile_arr"], notManifest)))
  }

  /// `tier_lines`: one object per tier.
  private static func tierLines(
    _ value: ManifestJSONReader.Value, notManifest: Refusal
  ) throws(Refusal) -> [TierLine] {
    guard case .array(let elements) = value else { throw notManifest }
    var lines: [TierLine] = []
    for element in elements {
      guard let tier = element["tier"]?.integer, let minScore = decimal(element["min_score"])
      else { throw notManifest }
      lines.append(
        TierLine(
          tier: tier, minScore: minScore,
          seats: try optionalInteger(element["seats"], notManifest),
          seated: try optionalInteger(element["seated"], notManifest),
          overridesSeated: try optionalInteger(element["overrides_seated"], notManifest)))
    }
    return lines
  }

  /// The members of a `path_back` entry that are read, each its first occurrence (as
  /// ``ManifestJSONReader/Value/subscript(_:)`` finds a member), `nil` when absent.
  private struct PathBackMembers {
    var accountID, fromTier, toTier, reason, total, bar, arr, expansion: ManifestJSONReader.Value?

    /// Reads the value of the member `key` into its slot, the first time only; skips it
    /// otherwise (a member not read, or one repeated).
    mutating func read(
      _ key: String, from reader: inout ManifestJSONReader
    ) throws(ManifestJSONReader.SyntaxError) {
      switch key {
      case "account_id": try Self.first(&accountID, &reader)
      case "from_tier": try Self.first(&fromTier, &reader)
      case "to_tier": try Self.first(&toTier, &reader)
      case "reason": try Self.first(&reason, &reader)
      case "total": try Self.first(&total, &reader)
      case "bar": try Self.first(&bar, &reader)
      case "arr": try Self.first(&arr, &reader)
      case "expansion": try Self.first(&expansion, &reader)
      default: try reader.skipValue()
      }
    }

    /// The next value into `slot` when it is empty; skipped otherwise.
    private static func first(
      _ slot: inout ManifestJSONReader.Value?, _ reader: inout ManifestJSONReader
    ) throws(ManifestJSONReader.SyntaxError) {
      guard slot == nil else { return try reader.skipValue() }
      slot = try reader.value()
    }
  }

  /// The next `path_back` entry, read member by member (a run.json of a million accounts has
  /// 91,000 of them: the entry is never built as a whole); the reason when it does not have
  /// its shape. Throws when the text is not JSON.
  private static func pathBack(
    _ reader: inout ManifestJSONReader, notManifest: Refusal
  ) throws(ManifestJSONReader.SyntaxError) -> Result<RecordedPathBack, Refusal> {
    guard reader.nextIsObject() else {
      try reader.skipValue()
      return .failure(notManifest)
    }
    var members = PathBackMembers()
    try reader.forEachObjectMember {
      (key: String, reader: inout ManifestJSONReader) throws(ManifestJSONReader.SyntaxError) in
      try members.read(key, from: &reader)
    }
    return Result { () throws(Refusal) in try pathBack(members, notManifest: notManifest) }
  }

  /// One `path_back` entry from its members.
  private static func pathBack(
    _ value: PathBackMembers, notManifest: Refusal
  ) throws(Refusal) -> RecordedPathBack {
    guard let accountID = value.accountID?.string,
      let fromTier = value.fromTier?.integer, let toTier = value.toTier?.integer,
      let reason = value.reason?.string, let total = decimal(value.total)
    else { throw notManifest }
    var bar: ExactDecimal?
    var barIsStrict = false
    if let recorded = value.bar, !recorded.isNull {
      guard let total = decimal(recorded["total"]), let strict = recorded["strict"]?.bool else {
        throw notManifest
      }
      bar = total
      barIsStrict = strict
    }
    var arrAtLeast: Money?
    if let arr = value.arr, !arr.isNull {
      guard let text = arr["at_least"]?.string else { throw notManifest }
      arrAtLeast = try money(text)
    }
    let expansion = value.expansion.flatMap { $0.isNull ? nil : $0 }
    var ceilingAtLeast: Money?
    var needsMultiBU = false
    var needsUnblock = false
    if let expansion {
      guard let multiBU = expansion["multi_bu"]?.bool, let unblock = expansion["unblock"]?.bool
      else { throw notManifest }
      ceilingAtLeast = try money(try optionalString(expansion["ceiling_at_least"], notManifest))
      needsMultiBU = multiBU
      needsUnblock = unblock
    }
    return RecordedPathBack(
      accountID: accountID, fromTier: fromTier, toTier: toTier, reason: reason, total: total,
      bar: bar, barIsStrict: barIsStrict, arrAtLeast: arrAtLeast,
      hasExpansionTarget: expansion != nil, ceilingAtLeast: ceilingAtLeast,
      needsMultiBU: needsMultiBU, needsUnblock: needsUnblock)
  }

  /// An exact decimal written as a number or a numeric string.
  private static func decimal(_ value: ManifestJSONReader.Value?) -> ExactDecimal? {
    guard let text = value?.numberText ?? value?.string else { return nil }
    return ExactDecimal(text)
  }

  /// A string member that may be absent or `null`; any other type is refused.
  private static func optionalString(
    _ value: ManifestJSONReader.Value?, _ notManifest: Refusal
  ) throws(Refusal) -> String? {
    guard let value, !value.isNull else { return nil }
    guard let text = value.string else { throw notManifest }
    return text
  }

  /// A whole-number member that may be absent or `null`; any other type is refused.
  private static func optionalInteger(
    _ value: ManifestJSONReader.Value?, _ notManifest: Refusal
  ) throws(Refusal) -> Int? {
    guard let value, !value.isNull else { return nil }
    guard let integer = value.integer else { throw notManifest }
    return integer
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
