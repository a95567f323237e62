/// A previous run's `run.json`, read strictly (SPEC §8) for what its shape holds (see
/// ``RunManifest/schemaVersion`` and the README): shape 1 (no `schema_version`) names its quarter
/// and counts but records no cut lines or path back; shape 2 adds them; shape 3 adds the run's
/// `currency` and each CSV output's `rows`. It is read by the one strict JSON reader
/// (``JSONReader``: a repeated key, invalid UTF-8, too deep a nesting refused), and every value
/// read is range-checked; an unknown shape, or a file that does not hold what its shape
/// promises, is refused with the JSON path and the reason, never guessed at.
package struct PreviousRunManifest: Sendable {
  /// Why a run folder's file was not trusted: the file and the reason (SPEC §8: stderr and
  /// memo.md say which file failed and why).
  package struct Refusal: Error, Sendable, Hashable {
    /// The file that failed, relative to its run folder (`run.json`, `tiers.csv`).
    package var file: String
    /// Why, in words.
    package var reason: String

    /// `tiers.csv: its SHA-256 is not the one run.json records`.
    package var message: String { file + ": " + reason }

    /// A refusal of `file` for `reason`.
    package init(file: String, reason: String) {
      self.file = file
      self.reason = reason
    }
  }

  /// What the range checks compare the values read with.
  package struct Limits: Sendable, Hashable {
    /// The lowest total the rubric can give: each signal scores 0 to 5, so the sum over the
    /// weights of the lower of 0 and 5 × weight (0 for weights not negative).
    package var minimumTotal = ExactDecimal.zero
    /// The highest total the rubric can give (5 × the sum of the weights not negative); `nil`
    /// leaves totals unchecked above.
    package var maximumTotal: ExactDecimal?

    /// The limits of a run under `configuration`.
    package init(_ configuration: Configuration) {
      let rubric = configuration.rubric
      let products = [rubric.arrWeight, rubric.fitWeight, rubric.expansionWeight].map { $0 * 5 }
      minimumTotal = products.filter { $0 < .zero }.reduce(.zero, +)
      maximumTotal = products.filter { $0 > .zero }.reduce(.zero, +)
    }

    /// Totals checked only for their sign.
    package init() {}
  }

  /// What `outputs` records of one file of the run folder.
  package struct RecordedOutput: Sendable, Hashable {
    /// Its size in bytes.
    package var byteCount: Int
    /// Its lowercase hex SHA-256.
    package var sha256: String
    /// Its data rows (a CSV file, schema 3); `nil` when not recorded.
    package var rows: Int?
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
  /// The run's currency (schema 3); `nil` when its shape records none.
  var currency: String?
  /// Each file of the run folder `outputs` lists, by its path in the folder.
  package var outputs: [String: RecordedOutput]
  /// The cut lines (shape 2).
  var cutLines: RecordedCutLines?
  /// Each tier's line and seats (shape 2).
  var tierLines: [TierLine]?
  /// Each demoted account's path back (shape 2).
  var pathBacks: [RecordedPathBack]?

  /// The highest tier of the run: its number of tier lines (shape 2), `nil` for shape 1.
  var tierCount: Int? { tierLines?.count }

  /// The file name every refusal of the manifest names.
  private static let file = RunManifest.fileName

  /// A refusal of the manifest at `path` (a JSON path, empty for the whole file).
  private static func refusal(_ path: String, _ reason: String) -> Refusal {
    Refusal(file: file, reason: path.isEmpty ? reason : "\(path) \(reason)")
  }

  /// Reads `bytes`, or says why not. `schema_version`, `quarter`, `currency`, `outputs`,
  /// `cut_lines`, `tier_lines` and `path_back` are built (``JSONReader``); the rest is only
  /// checked to be JSON.
  static func read(
    _ bytes: [UInt8], limits: Limits = Limits()
  ) -> Result<PreviousRunManifest, Refusal> {
    typealias Key = RunManifest.Key
    var schemaVersion: Int?
    var quarter: String?
    var currency: String?
    var outputs: [String: RecordedOutput]?
    var cutLines: JSONReader.Value?
    var tierLines: JSONReader.Value?
    var pathBacks: [RecordedPathBack]?
    // The first value that is JSON but out of shape or range; reported once the syntax of the
    // whole file is checked.
    var problem: Refusal?
    var reader = JSONReader(bytes)
    do throws(JSONReader.SyntaxError) {
      try reader.forEachMember {
        (key: String, reader: inout JSONReader) throws(JSONReader.SyntaxError) in
        let path = reader.currentPath
        func note(_ reason: String) {
          if problem == nil { problem = refusal(path, reason) }
        }
        switch Key(rawValue: key) {
        case .schemaVersion:
          guard let version = try reader.value().integer else {
            return note("is not a whole number")
          }
          schemaVersion = version
        case .quarter:
          guard let label = try reader.value().string, FiscalQuarter(label: label) != nil else {
            return note("is not a quarter label (YYYY-Qn)")
          }
          quarter = label
        case .currency:
          guard let code = try reader.value().string, !code.isEmpty else {
            return note("is not a currency code")
          }
          currency = code
        case .outputs:
          var recorded: [String: RecordedOutput] = [:]
          try reader.forEachElement { (reader: inout JSONReader) throws(JSONReader.SyntaxError) in
            let entryPath = reader.currentPath
            let entry = try reader.value()
            guard problem == nil else { return }
            switch Self.output(entry, path: entryPath) {
            case .success(let (name, output)):
              guard recorded.updateValue(output, forKey: name) == nil else {
                problem = refusal(entryPath, "lists \(name) a second time")
                return
              }
            case .failure(let refusal): problem = refusal
            }
          }
          outputs = recorded
        case .cutLines:
          cutLines = try reader.value()
        case .tierLines:
          tierLines = try reader.value()
        case .pathBack:
          var recorded: [RecordedPathBack] = []
          try reader.forEachElement { (reader: inout JSONReader) throws(JSONReader.SyntaxError) in
            guard problem == nil else { return try reader.skipValue() }
            switch try Self.pathBack(&reader, limits: limits) {
            case .success(let entry): recorded.append(entry)
            case .failure(let refusal): problem = refusal
            }
          }
          pathBacks = recorded
        default:
          try reader.skipValue()
        }
      }
    } catch {
      return .failure(refusal("", "is not strict JSON: \(error.description)"))
    }
    if let problem { return .failure(problem) }
    let version = schemaVersion ?? 1
    guard (1...RunManifest.schemaVersion).contains(version) else {
      return .failure(
        refusal(
          "",
          "has schema_version \(version), and this retier reads 1 to "
            + "\(RunManifest.schemaVersion)"))
    }
    guard let quarter else { return .failure(refusal("", "names no quarter")) }
    guard let outputs else { return .failure(refusal("", "lists no outputs")) }
    if version >= 3, currency == nil {
      return .failure(refusal("", "(schema_version \(version)) records no currency"))
    }
    var manifest = PreviousRunManifest(
      schemaVersion: version, quarter: quarter, currency: version >= 3 ? currency : nil,
      outputs: outputs, cutLines: nil, tierLines: nil, pathBacks: nil)
    if version >= 3 {
      for (name, output) in outputs.sorted(by: { $0.key < $1.key })
      where CSVRowCounter.isCSV(name) && output.rows == nil {
        return .failure(refusal("outputs", "records no rows for \(name)"))
      }
    }
    guard version >= 2 else { return .success(manifest) }
    guard let cutLines, let tierLines, let pathBacks else {
      return .failure(
        refusal("", "(schema_version \(version)) lacks cut_lines, tier_lines or path_back"))
    }
    do throws(Refusal) {
      manifest.cutLines = try Self.cutLines(cutLines)
      let lines = try Self.tierLines(tierLines, limits: limits)
      manifest.tierLines = lines
      for (index, entry) in pathBacks.enumerated() {
        for (key, tier) in [("from_tier", entry.fromTier), ("to_tier", entry.toTier)]
        where !(1...max(1, lines.count)).contains(tier) {
          throw refusal(
            "path_back[\(index)].\(key)", "is \(tier), outside the run's tiers 1 to \(lines.count)")
        }
      }
      manifest.pathBacks = pathBacks
    } catch {
      return .failure(error)
    }
    return .success(manifest)
  }

  /// One `outputs` entry: a relative path, a size, data rows when recorded, a SHA-256.
  private static func output(
    _ entry: JSONReader.Value, path: String
  ) -> Result<(String, RecordedOutput), Refusal> {
    typealias Key = RunManifest.FileKey
    guard let name = entry[Key.file.rawValue]?.string, !name.isEmpty else {
      return .failure(refusal(path, "names no file"))
    }
    guard let byteCount = entry[Key.bytes.rawValue]?.integer, byteCount >= 0 else {
      return .failure(refusal(path + ".bytes", "is not a size in bytes"))
    }
    guard let sha256 = entry[Key.sha256.rawValue]?.string, isHexDigest(sha256) else {
      return .failure(refusal(path + ".sha256", "is not a SHA-256"))
    }
    var rows: Int?
    if let recorded = entry[Key.rows.rawValue] {
      guard let count = recorded.integer, count >= 0 else {
        return .failure(refusal(path + ".rows", "is not a count of rows"))
      }
      rows = count
    }
    return .success((name, RecordedOutput(byteCount: byteCount, sha256: sha256, rows: rows)))
  }

  /// Whether `text` is 64 lowercase hex digits.
  private static func isHexDigest(_ text: String) -> Bool {
    text.utf8.count == 64
      && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }

  /// `cut_lines`: counts are whole numbers, amounts exact strings.
  private static func cutLines(_ value: JSONReader.Value) throws(Refusal) -> RecordedCutLines {
    typealias Key = RunManifest.CutLinesKey
    let path = RunManifest.Key.cutLines.rawValue
    func count(_ key: Key) throws(Refusal) -> Int {
      guard let count = value[key.rawValue]?.integer, count >= 0 else {
        throw refusal(path + "." + key.rawValue, "is not a count")
      }
      return count
    }
    func amount(_ key: Key) throws(Refusal) -> String {
      guard let text = value[key.rawValue]?.string else {
        throw refusal(path + "." + key.rawValue, "is not an exact amount")
      }
      return text
    }
    let accounts = try count(.accounts)
    let decileRank = try count(.topDecileRank)
    let quartileRank = try count(.topQuartileRank)
    guard decileRank <= accounts, quartileRank <= accounts else {
      throw refusal(path, "has a rank beyond its \(accounts) accounts")
    }
    // The median is exact to half a cent: 5,000 millionths.
    guard let median = ExactDecimal(try amount(.medianARR)), median.millionths % 5_000 == 0,
      let healthy = Money(try amount(.healthyARR)), let floor = Money(try amount(.floorARR))
    else { throw refusal(path, "has cut lines that are not exact amounts") }
    return RecordedCutLines(
      lines: RubricCutLines(
        accountCount: accounts, doubledMedianCents: median.millionths / 5_000,
        topDecileCount: decileRank, topQuartileCount: quartileRank, healthyARR: healthy,
        floorARR: floor),
      topDecileARR: try money(
        try optionalString(value[Key.topDecileARR.rawValue], path + ".top_decile_arr")),
      topQuartileARR: try money(
        try optionalString(value[Key.topQuartileARR.rawValue], path + ".top_quartile_arr")))
  }

  /// `tier_lines`: one object per tier, numbered 1 to K in order; seats and counts not negative.
  private static func tierLines(
    _ value: JSONReader.Value, limits: Limits
  ) throws(Refusal) -> [TierLine] {
    typealias Key = RunManifest.TierLineKey
    let name = RunManifest.Key.tierLines.rawValue
    guard case .array(let elements) = value, !elements.isEmpty else {
      throw refusal(name, "is not a list of tiers")
    }
    var lines: [TierLine] = []
    for (index, element) in elements.enumerated() {
      let path = "\(name)[\(index)]"
      guard let tier = element[Key.tier.rawValue]?.integer, tier == index + 1 else {
        throw refusal(path + ".tier", "is not \(index + 1): tiers are numbered 1 to K in order")
      }
      // A line is the config's, which may lie beyond the totals the rubric can give.
      guard let minScore = decimal(element[Key.minScore.rawValue]) else {
        throw refusal(path + ".min_score", "is not an exact number")
      }
      func count(_ key: Key) throws(Refusal) -> Int? {
        let count = try optionalInteger(element[key.rawValue], path + "." + key.rawValue)
        if let count, count < 0 {
          throw refusal(path + "." + key.rawValue, "is \(count), below 0")
        }
        return count
      }
      lines.append(
        TierLine(
          tier: tier, minScore: minScore, seats: try count(.seats), seated: try count(.seated),
          overridesSeated: try count(.overridesSeated)))
    }
    return lines
  }

  /// A total (a score sum, a line, a bar) within the rubric's possible range.
  private static func total(
    _ value: JSONReader.Value?, _ path: String, _ limits: Limits
  ) throws(Refusal) -> ExactDecimal {
    guard let total = decimal(value) else { throw refusal(path, "is not an exact number") }
    guard total >= limits.minimumTotal else {
      throw refusal(path, "is \(total), below the rubric's lowest total \(limits.minimumTotal)")
    }
    if let maximum = limits.maximumTotal, total > maximum {
      throw refusal(path, "is \(total), above the rubric's highest total \(maximum)")
    }
    return total
  }

  /// The members of a `path_back` entry that are read (a repeated member is refused by the
  /// reader), `nil` when absent.
  private struct PathBackMembers {
    var accountID, fromTier, toTier, reason, total, bar, arr, expansion: JSONReader.Value?

    /// Reads the value of the member `key` into its slot; skips a member not read.
    mutating func read(
      _ key: String, from reader: inout JSONReader
    ) throws(JSONReader.SyntaxError) {
      switch RunManifest.PathBackKey(rawValue: key) {
      case .accountID: accountID = try reader.value()
      case .fromTier: fromTier = try reader.value()
      case .toTier: toTier = try reader.value()
      case .reason: reason = try reader.value()
      case .total: total = try reader.value()
      case .bar: bar = try reader.value()
      case .arr: arr = try reader.value()
      case .expansion: expansion = try reader.value()
      default: try reader.skipValue()
      }
    }
  }

  /// The next `path_back` entry, read member by member (a run.json of a million accounts has
  /// 91,000 of them: the entry is never built as a whole); the reason when it does not have
  /// its shape. Throws when the text is not JSON.
  private static func pathBack(
    _ reader: inout JSONReader, limits: Limits
  ) throws(JSONReader.SyntaxError) -> Result<RecordedPathBack, Refusal> {
    let path = reader.currentPath
    guard reader.nextIsObject() else {
      try reader.skipValue()
      return .failure(refusal(path, "is not an object"))
    }
    var members = PathBackMembers()
    try reader.forEachObjectMember {
      (key: String, reader: inout JSONReader) throws(JSONReader.SyntaxError) in
      try members.read(key, from: &reader)
    }
    return Result { () throws(Refusal) in try pathBack(members, path: path, limits: limits) }
  }

  /// One `path_back` entry from its members: tiers at least 1 (the caller checks them against
  /// the run's tiers), a demotion (to a higher tier number), totals within the rubric's range.
  private static func pathBack(
    _ value: PathBackMembers, path: String, limits: Limits
  ) throws(Refusal) -> RecordedPathBack {
    typealias Key = RunManifest.PathBackKey
    guard let accountID = value.accountID?.string, !accountID.isEmpty else {
      throw refusal(path + ".account_id", "is not an account id")
    }
    func tier(_ member: JSONReader.Value?, _ key: Key) throws(Refusal) -> Int {
      guard let tier = member?.integer, tier >= 1 else {
        throw refusal(path + "." + key.rawValue, "is not a tier")
      }
      return tier
    }
    let fromTier = try tier(value.fromTier, .fromTier)
    let toTier = try tier(value.toTier, .toTier)
    guard toTier > fromTier else {
      throw refusal(path, "is not a demotion (Tier \(fromTier) → Tier \(toTier))")
    }
    guard let reason = value.reason?.string else {
      throw refusal(path + ".reason", "is not text")
    }
    let total = try total(value.total, path + ".total", limits)
    var bar: ExactDecimal?
    var barIsStrict = false
    if let recorded = value.bar, !recorded.isNull {
      guard let strict = recorded[Key.strict.rawValue]?.bool else {
        throw refusal(path + ".bar.strict", "is not true or false")
      }
      bar = try Self.total(recorded[Key.total.rawValue], path + ".bar.total", limits)
      barIsStrict = strict
    }
    var arrAtLeast: Money?
    if let arr = value.arr, !arr.isNull {
      guard let text = arr[Key.atLeast.rawValue]?.string else {
        throw refusal(path + ".arr.at_least", "is not an exact amount")
      }
      arrAtLeast = try money(text)
    }
    let expansion = value.expansion.flatMap { $0.isNull ? nil : $0 }
    var ceilingAtLeast: Money?
    var needsMultiBU = false
    var needsUnblock = false
    if let expansion {
      guard let multiBU = expansion[Key.multiBU.rawValue]?.bool,
        let unblock = expansion[Key.unblock.rawValue]?.bool
      else { throw refusal(path + ".expansion", "lacks multi_bu or unblock") }
      ceilingAtLeast = try money(
        try optionalString(
          expansion[Key.ceilingAtLeast.rawValue], path + ".expansion.ceiling_at_least"))
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
  private static func decimal(_ value: JSONReader.Value?) -> ExactDecimal? {
    guard let text = value?.numberText ?? value?.string else { return nil }
    return ExactDecimal(text)
  }

  /// A string member that may be absent or `null`; any other type is refused.
  private static func optionalString(
    _ value: JSONReader.Value?, _ path: String
  ) throws(Refusal) -> String? {
    guard let value, !value.isNull else { return nil }
    guard let text = value.string else { throw refusal(path, "is not text") }
    return text
  }

  /// A whole-number member that may be absent or `null`; any other type is refused.
  private static func optionalInteger(
    _ value: JSONReader.Value?, _ path: String
  ) throws(Refusal) -> Int? {
    guard let value, !value.isNull else { return nil }
    guard let integer = value.integer else { throw refusal(path, "is not a whole number") }
    return integer
  }

  /// Exact money from a recorded string, not negative; `nil` stays `nil`.
  private static func money(_ text: String?) throws(Refusal) -> Money? {
    guard let text else { return nil }
    guard let money = Money(text), money >= .zero else {
      throw refusal("", "has an amount that is not exact money: \(text)")
    }
    return money
  }
}
