import RetierTestSupport
import Testing

@testable import RetierCore

/// The config is strict JSON and bounded (SPEC §7): a key given twice in any object is an error
/// naming it, and a value that would overflow the arithmetic is rejected at load time (78,
/// naming the key) instead of trapping mid-run.
@Suite("Config strictness: repeated keys and overflow bounds")
struct ConfigStrictnessTests {
  /// A JSON value built by the test, written with its keys in the given order (so a key can be
  /// written twice, which a dictionary cannot hold).
  indirect enum JSON {
    case object([(String, JSON)])
    case array([JSON])
    case literal(String)

    var text: String {
      switch self {
      case .object(let members):
        "{" + members.map { "\"\($0.0)\": \($0.1.text)" }.joined(separator: ", ") + "}"
      case .array(let elements): "[" + elements.map(\.text).joined(separator: ", ") + "]"
      case .literal(let text): text
      }
    }

    /// Every object in the value with the path to it, the value itself first.
    func objects(at path: String = "") -> [(path: String, members: [(String, JSON)])] {
      switch self {
      case .object(let members):
        [(path, members)]
          + members.flatMap { $0.1.objects(at: path.isEmpty ? $0.0 : path + "." + $0.0) }
      case .array(let elements):
        elements.enumerated().flatMap { $0.element.objects(at: path + "[\($0.offset)]") }
      case .literal: []
      }
    }

    /// The value with the member `index` of the object at `path` written twice.
    func repeating(member index: Int, at path: String, from current: String = "") -> JSON {
      switch self {
      case .object(var members):
        if current == path {
          members.insert(members[index], at: index + 1)
          return .object(members)
        }
        return .object(
          members.map {
            (
              $0.0,
              $0.1.repeating(
                member: index, at: path, from: current.isEmpty ? $0.0 : current + "." + $0.0)
            )
          })
      case .array(let elements):
        return .array(
          elements.enumerated().map {
            $0.element.repeating(member: index, at: path, from: current + "[\($0.offset)]")
          })
      case .literal:
        return self
      }
    }
  }

  /// A full config with nested objects and arrays.
  static let config = JSON.object([
    ("inbox", .literal("\"in\"")), ("output", .literal("\"out\"")),
    ("max_input_bytes", .literal("1000000")),
    (
      "rubric",
      .object([
        ("weights", .object([("arr", .literal("1")), ("fit", .literal("2"))])),
        ("floor_ratio", .literal("1.1")),
      ])
    ),
    (
      "tiers",
      .array([
        .object([("name", .literal("\"A\"")), ("min_score", .literal("10"))]),
        .object([
          ("name", .literal("\"B\"")), ("min_score", .literal("0")),
          ("service_levels", .object([("csm_hours_per_month", .literal("1"))])),
        ]),
      ])
    ),
  ])

  @Test("the generated config loads as written")
  func baseLoads() throws {
    let configuration = try Configuration.load(json: Array(Self.config.text.utf8), path: "c")
    #expect(configuration.maxInputBytes == 1_000_000)
    #expect(configuration.tiers.map(\.name) == ["A", "B"])
  }

  /// Every key of every object of the config, written twice in turn.
  static var repeatedKeys: [(path: String, index: Int, key: String)] {
    config.objects().flatMap { object in
      object.members.indices.map { (object.path, $0, object.members[$0].0) }
    }
  }

  @Test("a key given twice is rejected naming its path, at every level and every key")
  func repeatedKeyRejected() throws {
    let cases = Self.repeatedKeys
    #expect(cases.count == 15)
    for (path, index, key) in cases {
      let json = Self.config.repeating(member: index, at: path).text
      let expected = path.isEmpty ? key : path + "." + key
      #expect(
        throws: RetierError.configUnreadable(
          path: "c", reason: "key '\(expected)' is given twice; every key may appear once")
      ) {
        try Configuration.load(json: Array(json.utf8), path: "c")
      }
    }
  }

  @Test(
    "repeated keys are found through escapes, and distinct keys in separate objects are fine",
    arguments: [
      (#"{"inbox": "a", "\u0069nbox": "b", "output": "o"}"#, "inbox"),
      (
        #"{"inbox": "a", "output": "o", "rubric": {"weights": {"arr": 1, "arr" : 2}}}"#,
        "rubric.weights.arr"
      ),
      (#"{"inbox": "a", "output": "o", "holidays": ["inbox", "inbox"]}"#, nil),
      (#"{"inbox": "a", "output": "o", "tiers": [{"name": "x"}, {"name": "y"}]}"#, nil),
      (#"{"inbox": "a\"inbox\": ", "output": "o"}"#, nil),
    ] as [(String, String?)])
  func escapes(json: String, repeated: String?) {
    #expect(
      JSONReaderTests.refusal(Array(json.utf8))
        == repeated.map { "key '\($0)' is given twice; every key may appear once" })
  }

  /// Each bounded key with the JSON that sets it to `value`.
  static func setting(_ key: String, _ value: String) -> String {
    let parts = key.split(separator: ".").map(String.init)
    if parts[0] == "tiers" {
      let field = parts[1]
      let nested =
        field == "csm_hours_per_month"
        ? #""service_levels": {"csm_hours_per_month": \#(value)}"#
        : field.hasPrefix("benchmark_")
          ? #""benchmark": {"\#(field.dropFirst("benchmark_".count))": \#(value)}"#
          : #""\#(field)": \#(value)"#
      let minScore = field == "min_score" ? "" : #""min_score": 5, "#
      return #"{"inbox": "i", "output": "o", "tiers": [{"name": "A", "# + minScore + nested
        + #"}, {"name": "B", "min_score": 0}]}"#
    }
    var text = value
    for part in parts.dropFirst().reversed() { text = #"{"\#(part)": \#(text)}"# }
    return #"{"inbox": "i", "output": "o", "\#(parts[0])": \#(text)}"#
  }

  @Test(
    "a value past its bound is rejected naming the key; the bound itself is accepted",
    arguments: [
      ("max_input_bytes", "1099511627776", "1099511627777"),
      ("max_input_bytes", "1", "0"),
      ("new_logo_quarters", "1000", "1001"),
      ("csm_loaded_cost", "1000000000000", "1000000000000.01"),
      ("rubric.weights.arr", "1000", "1000.000001"),
      ("rubric.weights.fit", "1000", "1001"),
      ("rubric.weights.expansion", "1000", "1001"),
      ("rubric.healthy_median_ratio", "1000", "1001"),
      ("rubric.floor_ratio", "1000", "1001"),
      ("rubric.usage_decline_ratio", "1000", "1001"),
      ("rubric.clear_path_ratio", "1000", "1001"),
      ("rubric.modest_expansion_ratio", "1000", "1001"),
      ("rubric.seat_cap_ratio", "1000", "1001"),
      ("rubric.multi_bu_headroom", "1000000000000", "1000000000001"),
      ("rubric.support_hour_cost", "1000000000000", "999999999999999"),
      ("rubric.min_contract_arr", "1000000000000", "1000000000001"),
      ("tiers.capacity", "1000000000", "9223372036854775807"),
      ("tiers.min_score", "1000000000000", "1000000000001"),
      ("tiers.csm_hours_per_month", "744", "745"),
      ("tiers.benchmark_max_coverage_cost_share", "1000", "1001"),
      ("tiers.benchmark_arr_per_csm", "[0, 1000000000000]", "[0, 1000000000001]"),
      ("tiers.benchmark_accounts_per_csm", "[1000000000000, null]", "[1000000000001, null]"),
    ])
  func bounds(key: String, atBound: String, pastBound: String) throws {
    _ = try Configuration.load(json: Array(Self.setting(key, atBound).utf8), path: "c")
    let name = key.split(separator: ".").last.map { String($0) }!
      .replacingOccurrences(of: "benchmark_", with: "")
    #expect {
      try Configuration.load(json: Array(Self.setting(key, pastBound).utf8), path: "c")
    } throws: { error in
      guard case .configInvalid(_, let problems) = error as? RetierError else { return false }
      return problems.count == 1 && problems[0].contains(name)
        && ExitStatus(error as! RetierError) == .configError
    }
  }

  @Test(
    "a ladder of more than 20 tiers is a bound problem naming `tiers`; 20 tiers are not",
    arguments: [Configuration.maximumTierCount, Configuration.maximumTierCount + 1])
  func tierCountBound(count: Int) {
    var configuration = Configuration()
    let bottom = TierDefinition.defaultLadder.last!
    configuration.tiers = (0..<count).map { index in
      var tier = bottom
      tier.name = "Tier \(index + 1)"
      tier.minScore = ExactDecimal(count - 1 - index)
      return tier
    }
    let tierProblems = configuration.boundProblems.filter { $0.hasPrefix("tiers has") }
    if count > Configuration.maximumTierCount {
      #expect(tierProblems == ["tiers has \(count) tiers: at most 20"])
    } else {
      #expect(tierProblems.isEmpty)
    }
  }

  /// The config with every bounded value at its largest, or, with a generator, each value drawn
  /// from zero, one and its largest.
  static func configurationAtBounds(_ random: inout SplitMix64?) -> Configuration {
    var configuration = Configuration()
    func draw(_ maximum: ExactDecimal) -> ExactDecimal {
      guard random != nil else { return maximum }
      return [.zero, ExactDecimal(1), maximum][random!.below(3)]
    }
    var ratio: ExactDecimal { draw(Configuration.maximumRatio) }
    var amount: ExactDecimal { draw(Configuration.maximumAmount) }
    configuration.maxRejectedShare = ExactDecimal(1)
    configuration.csmLoadedCost = amount
    configuration.rubric.arrWeight = ratio
    configuration.rubric.fitWeight = ratio
    configuration.rubric.expansionWeight = ratio
    configuration.rubric.healthyMedianRatio = ratio
    configuration.rubric.floorRatio = ratio
    configuration.rubric.usageDeclineRatio = ratio
    configuration.rubric.clearPathRatio = ratio
    configuration.rubric.modestExpansionRatio = ratio
    configuration.rubric.seatCapRatio = ratio
    configuration.rubric.multiBUHeadroom = amount
    configuration.rubric.supportHourCost = amount
    configuration.rubric.minContractARR = amount
    configuration.newLogoQuarters = Configuration.maximumNewLogoQuarters
    for index in configuration.tiers.indices {
      configuration.tiers[index].capacity = Configuration.maximumCapacity
      configuration.tiers[index].serviceLevels.csmHoursPerMonth =
        Configuration.maximumHoursPerMonth
      configuration.tiers[index].benchmark = CapacityBenchmark(
        accountsPerCSM: ClosedBounds(low: amount, high: amount),
        arrPerCSM: ClosedBounds(low: amount, high: amount),
        maximumCoverageCostShare: ratio)
    }
    configuration.tiers[0].minScore = Configuration.maximumAmount
    return configuration
  }

  @Test(
    "a config at its bounds, or at mixes of 0, 1 and the bounds, runs the largest values",
    arguments: 0..<12 as Range<UInt64>)
  func boundsDoNotOverflow(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    var drawing: SplitMix64? = seed < 4 ? nil : SplitMix64(seed: seed &* 31)
    var configuration = Self.configurationAtBounds(&drawing)
    // Some seeds keep the default rubric so that every rule, not only the extreme one, fires.
    if random.chance(30) { configuration.rubric = RubricConstants() }
    #expect(configuration.problems.isEmpty, "\(configuration.problems)")
    let big = "999999999999999.99"
    var accounts =
      "account_id,current_tier,customer_since,strategic_fit,expansion_ceiling_arr,multi_bu,"
      + "sponsor_status,reviews_skipped\n"
    var arr = "account_id,arr\n"
    var usage =
      "account_id,licensed_seats,active_users,active_users_prev_quarter,support_hours\n"
    for index in 0..<(5 + random.below(40)) {
      accounts +=
        "A\(index),\(1 + random.below(3)),\(random.pick(["2020-01-01", "2026-09-01"])),"
        + "\(random.below(6)),\(random.pick(["", big, "0"])),\(random.pick(["true", "false"])),"
        + "active,\(random.pick(["", "999999999999999"]))\n"
      for _ in 0..<(1 + random.below(30)) { arr += "A\(index),\(random.pick([big, "0.01"]))\n" }
      let count = random.pick(["999999999999999", "0", "1"])
      usage += "A\(index),\(count),\(count),999999999999999,\(random.pick([big, "0"]))\n"
    }
    let csms =
      "csm_id,tier,max_accounts\n" + "c1,1,999999999999999\nc2,2,999999999999999\nc3,1,\n"
    var drop = TestDrop(accounts: accounts, arr: arr)
    drop.usage = usage
    drop.csms = csms
    let (result, files) = try RenderedRun.run(drop.input(configuration))
    #expect(result.book.ledger.accounts.count == result.ledger.scoreList.count)
    #expect(!files.isEmpty)
  }
}
