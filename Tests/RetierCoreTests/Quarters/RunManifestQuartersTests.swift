import Testing

@testable import RetierCore

@Suite("run.json across quarters: cut lines, seats and path back, written and read back")
struct RunManifestQuartersTests {
  @Test("run.json records the cut lines, each tier's line and seats, and reads them back exactly")
  func cutLinesRoundTrip() throws {
    let result = try RunResultFixtures.capBook()
    let text = String(decoding: RenderedRun.bytes(RunManifest.fileName, of: result), as: UTF8.self)
    #expect(text.contains("\"schema_version\": 3,"))
    #expect(text.contains("\"currency\": \"USD\","))
    let manifest = try PreviousRunManifest.read(RenderedRun.bytes(RunManifest.fileName, of: result))
      .get()
    #expect(manifest.schemaVersion == 3)
    #expect(manifest.currency == "USD")
    #expect(manifest.quarter == "2026-Q3")
    #expect(manifest.cutLines?.lines == result.cutLines)
    // ⌈0.10 × 20⌉ = 2: the second-largest ARR, 900,000, is the least that scored 5; ⌈0.25 × 20⌉
    // = 5: the fifth, 600,000, the least that scored 4.
    #expect(manifest.cutLines?.topDecileARR == Money(units: 900_000))
    #expect(manifest.cutLines?.topQuartileARR == Money(units: 600_000))
    // ⌊0.10 × 20⌋ = 2 seats in Tier 1, both taken by the rubric; Tiers 2 and 3 uncapped.
    let tierLines = try #require(manifest.tierLines)
    #expect(tierLines.map(\.seats) == [2, nil, nil])
    #expect(tierLines.map(\.seated) == [2, nil, nil])
    #expect(tierLines.map(\.minScore) == [ExactDecimal(12), ExactDecimal(8), ExactDecimal(0)])
  }

  /// rubricBook (see its table): X07 (Tier 2, 80,000, fit 3, ceiling unknown: 2 + 3 + 2 = 7)
  /// is demoted under the Tier 2 line of 8. ARR of 109,383 (the healthy line of 109,382.72, in
  /// whole units) scores 3: total
  /// 8. A ceiling of 1.2 × 80,000 = 96,000 scores 3 on expansion: total 8. X03 (Tier 1, 4 + 2 +
  /// 2 = 8) cannot reach 12 with one signal: no target.
  @Test("each demoted account's targets are the memo's, recorded exactly")
  func pathBackTargets() throws {
    let result = try RunResultFixtures.rubricBook()
    let manifest = try PreviousRunManifest.read(RenderedRun.bytes(RunManifest.fileName, of: result))
      .get()
    let pathBacks = try #require(manifest.pathBacks)
    #expect(pathBacks.map(\.accountID) == ["T06", "X03", "X04", "X07", "X08", "X09"])
    let x07 = try #require(pathBacks.first { $0.accountID == "X07" })
    #expect(x07.fromTier == 2 && x07.toTier == 3 && x07.reason == "rubric")
    #expect(x07.bar == ExactDecimal(8) && !x07.barIsStrict)
    #expect(x07.arrAtLeast == Money(units: 109_383))
    #expect(x07.ceilingAtLeast == Money(units: 96_000))
    #expect(!x07.needsMultiBU && !x07.needsUnblock)
    let x03 = try #require(pathBacks.first { $0.accountID == "X03" })
    #expect(x03.bar == ExactDecimal(12))
    #expect(x03.arrAtLeast == nil && !x03.hasExpansionTarget)
    let memo = String(
      decoding: AccountMemo.markdownBytes(
        for: try RunResultFixtures.ref(of: "X07", in: result), lookups: RunLookups(result)),
      as: UTF8.self)
    #expect(memo.contains("of ARR, to 109,383"))
    #expect(memo.contains("expansion ceiling of at least 96,000"))
  }

  @Test("a run.json without schema_version is shape 1: its quarter, and no cut lines")
  func shapeOne() throws {
    let bytes = Array(
      #"{"tool": "retier", "version": "1.0.0", "quarter": "2026-Q2", "outputs": []}"#.utf8)
    let manifest = try PreviousRunManifest.read(bytes).get()
    #expect(manifest.schemaVersion == 1)
    #expect(manifest.quarter == "2026-Q2")
    #expect(manifest.cutLines == nil && manifest.tierLines == nil && manifest.pathBacks == nil)
  }

  /// A schema-2 run.json's members around a `path_back` list and `tier_lines`.
  static func schemaTwo(
    tierLines: String = #"[{"tier": 1, "min_score": 12}, {"tier": 2, "min_score": 8}]"#,
    pathBack: String = "[]", cutLines: String? = nil
  ) -> String {
    #"{"schema_version": 2, "quarter": "2026-Q2", "outputs": [], "tier_lines": \#(tierLines), "#
      + #""path_back": \#(pathBack), "cut_lines": "#
      + (cutLines
        ?? #"{"accounts": 1, "median_arr": "1", "top_decile_rank": 1, "top_quartile_rank": 1, "#
        + #""healthy_arr": "1", "floor_arr": "1"}"#) + "}"
  }

  /// One path-back entry with `member` spliced in after its tiers.
  static func pathBack(_ member: String, fromTier: Int = 1, toTier: Int = 2) -> String {
    #"[{"account_id": "A", "from_tier": \#(fromTier), "to_tier": \#(toTier), "reason": "rubric", "#
      + #""total": 3\#(member)}]"#
  }

  @Test(
    "a run.json not of its shape, or with a value out of range, is refused naming the path",
    arguments: [
      (
        #"{"schema_version": 4, "quarter": "2026-Q2", "outputs": []}"#,
        "has schema_version 4, and this retier reads 1 to 3"
      ),
      (
        #"{"schema_version": 2, "quarter": "2026-Q2", "outputs": []}"#,
        "(schema_version 2) lacks cut_lines, tier_lines or path_back"
      ),
      (
        #"{"schema_version": 3, "quarter": "2026-Q2", "outputs": []}"#,
        "(schema_version 3) records no currency"
      ),
      (#"{"tool": "retier", "outputs": []}"#, "names no quarter"),
      (#"{"quarter": "2026-Q2"}"#, "lists no outputs"),
      (#"{"quarter": "Q2", "outputs": []}"#, "quarter is not a quarter label (YYYY-Qn)"),
      ("not json", "is not strict JSON: expected an object"),
      (
        #"{"quarter": "2026-Q2", "quarter": "2026-Q3", "outputs": []}"#,
        "is not strict JSON: key 'quarter' is given twice; every key may appear once"
      ),
      (
        schemaTwo(pathBack: pathBack("") + #", "path_back": []"#),
        "is not strict JSON: key 'path_back' is given twice; every key may appear once"
      ),
      (
        schemaTwo(tierLines: #"[{"tier": 1, "min_score": 12, "seats": -5}]"#),
        "tier_lines[0].seats is -5, below 0"
      ),
      (
        schemaTwo(tierLines: #"[{"tier": 2, "min_score": 12}]"#),
        "tier_lines[0].tier is not 1: tiers are numbered 1 to K in order"
      ),
      (
        schemaTwo(pathBack: pathBack("", fromTier: 99, toTier: 100)),
        "path_back[0].from_tier is 99, outside the run's tiers 1 to 2"
      ),
      (
        schemaTwo(pathBack: pathBack("", fromTier: 1, toTier: 99)),
        "path_back[0].to_tier is 99, outside the run's tiers 1 to 2"
      ),
      (
        schemaTwo(pathBack: pathBack("", fromTier: 2, toTier: 1)),
        "path_back[0] is not a demotion (Tier 2 → Tier 1)"
      ),
      (
        schemaTwo(pathBack: pathBack(#", "bar": {"total": -99, "strict": false}"#)),
        "path_back[0].bar.total is -99, below the rubric's lowest total 0"
      ),
      (
        schemaTwo(pathBack: pathBack(#", "bar": {"total": 99, "strict": false}"#)),
        "path_back[0].bar.total is 99, above the rubric's highest total 15"
      ),
      (
        schemaTwo(
          cutLines: #"{"accounts": 1, "median_arr": "1.001", "top_decile_rank": 1, "#
            + #""top_quartile_rank": 1, "healthy_arr": "1", "floor_arr": "1"}"#),
        "cut_lines has cut lines that are not exact amounts"
      ),
      (
        schemaTwo(
          pathBack: pathBack(
            #", "bar": {"total": 12, "strict": false}, "arr": {"at_least": "1e5"}"#)),
        "has an amount that is not exact money: 1e5"
      ),
      (
        #"{"quarter": "2026-Q2", "outputs": [{"file": "tiers.csv", "bytes": 1, "rows": -1, "#
          + #""sha256": "\#(String(repeating: "a", count: 64))"}]}"#,
        "outputs[0].rows is not a count of rows"
      ),
    ])
  func refused(json: String, reason: String) {
    var limits = PreviousRunManifest.Limits()
    limits.maximumTotal = ExactDecimal(15)
    #expect(throws: PreviousRunManifest.Refusal(file: "run.json", reason: reason)) {
      try PreviousRunManifest.read(Array(json.utf8), limits: limits).get()
    }
  }
}
