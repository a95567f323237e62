import Foundation
import Testing

@testable import RetierCore

@Suite("Configuration")
struct ConfigurationTests {
  private func load(_ json: String) throws(RetierError) -> Configuration {
    try Configuration.load(json: Array(json.utf8), path: "retier.json")
  }

  @Test("a file with only inbox and output means every default")
  func minimalFileTakesDefaults() throws {
    let configuration = try load(#"{"inbox": "in", "output": "out"}"#)
    #expect(configuration == Configuration())
    #expect(configuration.tiers.map(\.name) == ["Gold", "Silver", "Bronze"])
    #expect(configuration.tiers.map(\.minScore) == [ExactDecimal(12), ExactDecimal(8), .zero])
    #expect(configuration.tiers[0].maxShare == ExactDecimal("0.10"))
    #expect(configuration.tiers.map(\.capacity) == [20, 80, 500])
    #expect(configuration.tiers[2].coverage == .pooled)
    #expect(configuration.maxRejectedShare == ExactDecimal("0.01"))
    #expect(configuration.rubric.supportHourCost == ExactDecimal(85))
    #expect(configuration.rubric.minContractARR == ExactDecimal(5000))
    #expect(configuration.poolOwnerID == "cs-pool")
    #expect(configuration.newLogoQuarters == 2)
    #expect(configuration.firstQuarter == nil)
    #expect(configuration.maxRejectedRowsFloor == 3)
  }

  @Test("first_quarter and max_rejected_rows_floor are read")
  func operatingKeys() throws {
    let configuration = try load(
      #"{"inbox": "i", "output": "o", "first_quarter": "2027-Q1", "max_rejected_rows_floor": 0}"#)
    #expect(configuration.firstQuarter == FiscalQuarter(fiscalYear: 2027, quarter: 1))
    #expect(configuration.maxRejectedRowsFloor == 0)
  }

  @Test(
    "first_quarter must be a quarter label YYYY-Qn",
    arguments: [#""2026-q3""#, #""2026-Q5""#, #""Q3""#, "2026"])
  func rejectsBadFirstQuarter(value: String) {
    #expect {
      try load(#"{"inbox": "i", "output": "o", "first_quarter": \#(value)}"#)
    } throws: { error in
      guard case .configUnreadable(_, let reason) = error as? RetierError else { return false }
      return reason.hasPrefix("first_quarter: ")
    }
  }

  @Test(
    "unknown keys are rejected by name at every level",
    arguments: [
      (#"{"inbox": "i", "output": "o", "tiers_cap": 1}"#, "tiers_cap"),
      (#"{"inbox": "i", "output": "o", "rubric": {"top_decile": 0.1}}"#, "top_decile"),
      (#"{"inbox": "i", "output": "o", "rubric": {"usage_signal": {"below": 0.7}}}"#, "below"),
      (#"{"inbox": "i", "output": "o", "rubric": {"weights": {"arr": 1, "usage": 2}}}"#, "usage"),
      (
        #"{"inbox": "i", "output": "o", "tiers": [{"name": "A", "min_score": 5, "cap": 1}, {"name": "B", "min_score": 0}]}"#,
        "cap"
      ),
      (
        #"{"inbox": "i", "output": "o", "tiers": [{"name": "A", "min_score": 5, "service_levels": {"review_cadence": "monthly"}}, {"name": "B", "min_score": 0}]}"#,
        "review_cadence"
      ),
    ])
  func rejectsUnknownKeys(json: String, key: String) {
    #expect {
      try load(json)
    } throws: { error in
      guard case .configUnreadable(_, let reason) = error as? RetierError else { return false }
      return reason.contains("unknown key '\(key)'")
    }
  }

  @Test(
    "semantic problems are all listed",
    arguments: [
      (
        #""tiers": [{"name": "A", "min_score": 5}, {"name": "B", "min_score": 5}]"#, "lines descend"
      ),
      (
        #""tiers": [{"name": "A", "min_score": 5, "max_share": 1.5}, {"name": "B", "min_score": 0}]"#,
        "0…1"
      ),
      (
        #""tiers": [{"name": "A", "min_score": 5}, {"name": "B", "min_score": 0, "max_share": 0.5}]"#,
        "last tier"
      ),
      (#""tiers": [{"name": "A", "min_score": 5}]"#, "at least two"),
      (
        #""tiers": [{"name": "A", "min_score": 5, "expected_share": [0.3, 0.2]}, {"name": "B", "min_score": 0}]"#,
        "band"
      ),
      (#""max_rejected_share": 2"#, "max_rejected_share"),
      (#""memo_list_limit": 0"#, "memo_list_limit"),
      (#""currency": " ""#, "currency is empty"),
      (#""max_rejected_rows_floor": -1"#, "max_rejected_rows_floor -1 is negative"),
      (#""fiscal_year_start_month": 13"#, "fiscal_year_start_month"),
      (#""rubric": {"top_decile_share": 0.3, "top_quartile_share": 0.25}"#, "top_quartile_share"),
      (#""ready_marker": "../READY""#, "ready_marker"),
      (
        #""rubric": {"usage_signal": {"below_share": 1.5}}"#,
        "rubric.usage_signal.below_share 1.5 is not in 0…1"
      ),
      (
        #""rubric": {"usage_signal": {"below_share": -0.1}}"#,
        "rubric.usage_signal.below_share -0.1 is not in 0…1"
      ),
      (
        #""rubric": {"usage_signal": {"below_share": 0.7, "usage_floor": -1}}"#,
        "rubric.usage_signal.usage_floor -1 is negative"
      ),
    ])
  func listsSemanticProblems(fragment: String, expected: String) {
    #expect {
      try load(#"{"inbox": "i", "output": "o", \#(fragment)}"#)
    } throws: { error in
      guard case .configInvalid(_, let problems) = error as? RetierError else { return false }
      return problems.contains { $0.contains(expected) }
    }
  }

  @Test(
    "the pool's CRM identity is read when it looks right",
    arguments: [
      ("cs-pool@example.com", "005Hn0000000090AAC"), ("a.b+cs@mail.example.co.uk", "0051"),
      ("ops@xn--exmple-cua.com", "pool_user-1"),
    ])
  func poolIdentity(email: String, crmID: String) throws {
    let configuration = try load(
      #"{"inbox": "i", "output": "o", "pool_owner_email": "\#(email)", "#
        + #""pool_owner_crm_id": "\#(crmID)"}"#)
    #expect(configuration.poolOwnerEmail == email)
    #expect(configuration.poolOwnerCRMID == crmID)
  }

  @Test("without the pool's CRM identity both keys are unset")
  func poolIdentityAbsent() throws {
    let configuration = try load(#"{"inbox": "i", "output": "o", "pool_owner_email": null}"#)
    #expect(configuration.poolOwnerEmail == nil)
    #expect(configuration.poolOwnerCRMID == nil)
  }

  @Test(
    "an email that does not look like one, or an id with spaces, is named (78)",
    arguments: [
      (#""pool_owner_email": "cs-pool""#, "pool_owner_email"),
      (#""pool_owner_email": """#, "pool_owner_email"),
      (#""pool_owner_email": "a@b@example.com""#, "pool_owner_email"),
      (#""pool_owner_email": "@example.com""#, "pool_owner_email"),
      (#""pool_owner_email": "pool@localhost""#, "pool_owner_email"),
      (#""pool_owner_email": "pool@example.""#, "pool_owner_email"),
      (#""pool_owner_email": "pool@.example.com""#, "pool_owner_email"),
      (#""pool_owner_email": "cs pool@example.com""#, "pool_owner_email"),
      (#""pool_owner_email": "pool@example.com\n""#, "pool_owner_email"),
      (#""pool_owner_crm_id": "005 Hn""#, "pool_owner_crm_id"),
      (#""pool_owner_crm_id": """#, "pool_owner_crm_id"),
      (#""pool_owner_crm_id": "005\u0007""#, "pool_owner_crm_id"),
      (#""pool_owner_crm_id": "005\u200b""#, "pool_owner_crm_id"),
    ])
  func rejectsPoolIdentity(fragment: String, key: String) {
    let messages = [
      "pool_owner_email": "pool_owner_email is not an email address: one @, a name before it, "
        + "a domain with a dot after it, no spaces",
      "pool_owner_crm_id": "pool_owner_crm_id must be the pool owner's CRM user id (e.g. 005…): "
        + "not empty, no spaces",
    ]
    #expect(throws: RetierError.configInvalid(path: "retier.json", problems: [messages[key]!])) {
      try load(#"{"inbox": "i", "output": "o", \#(fragment)}"#)
    }
    #expect(ExitStatus(RetierError.configInvalid(path: "x", problems: [])) == .configError)
  }

  @Test("a custom ladder fills defaults from position and coverage")
  func customLadderDefaults() throws {
    let configuration = try load(
      #"""
      {"inbox": "i", "output": "o", "ready_marker": null, "tiers": [
        {"name": "Strategic", "min_score": 14, "max_share": 0.05, "capacity": 10},
        {"name": "Enterprise", "min_score": 11},
        {"name": "Mid-Market", "min_score": 7, "coverage": "pooled",
         "service_levels": {"plays": ["monthly office hours"]}},
        {"name": "SMB", "min_score": 0, "coverage": "pooled",
         "service_levels": {"csm_hours_per_month": 0.1},
         "benchmark": {"accounts_per_csm": [200, null]}}
      ]}
      """#)
    #expect(configuration.readyMarker == nil)
    #expect(configuration.tierCount == 4)
    #expect(configuration.tiers.map(\.capacity) == [10, 80, 500, 500])
    #expect(configuration.tiers[3].serviceLevels.csmHoursPerMonth == ExactDecimal("0.1"))
    #expect(configuration.tiers[1].serviceLevels == .trainingTier2)
    #expect(configuration.tiers[2].serviceLevels.plays == ["monthly office hours"])
    #expect(configuration.tiers[2].serviceLevels.p1Response == "1 business day")
    #expect(configuration.tiers[3].benchmark.accountsPerCSM == ClosedBounds(low: ExactDecimal(200)))
    #expect(configuration.tiers[1].benchmark == .none)
  }

  @Test("the training's grid is the default ladder's service levels")
  func trainingGrid() throws {
    let tiers = try load(#"{"inbox": "i", "output": "o"}"#).tiers
    #expect(tiers[0].serviceLevels.coverage == "named CSM + named TAM")
    #expect(tiers[0].serviceLevels.p1Response == "4 hours")
    #expect(tiers[1].serviceLevels.businessReviews == "quarterly QBR (virtual)")
    #expect(tiers[1].serviceLevels.coverage == "named CSM, pooled TAM")
    #expect(tiers[2].serviceLevels.csmHoursPerMonth == ExactDecimal("0.25"))
    #expect(tiers.map(\.serviceLevels.plays.count) == [2, 1, 3])
  }

  @Test(
    "a tier that runs no play of its own is refused with the training's sentence",
    arguments: [
      (
        #"{"plays": ["success-plan review"]}"#, "tiers[2] (Bronze)",
        "Tier 3 is just Tier 1 with fewer meetings"
      ),
      (
        #"{"plays": ["roadmap influence seat", "success-plan review"]}"#, "tiers[2] (Bronze)",
        "Tier 3"
      ),
      (#"{"plays": []}"#, "tiers[2] (Bronze)", "you have not built a tech-touch motion"),
    ])
  func tierWithoutOwnPlay(levels: String, key: String, sentence: String) {
    let json =
      #"{"inbox": "i", "output": "o", "tiers": [{"name": "Gold", "min_score": 12, "max_share": 0.1}, "#
      + #"{"name": "Silver", "min_score": 8}, {"name": "Bronze", "min_score": 0, "coverage": "pooled", "#
      + #""service_levels": \#(levels)}]}"#
    #expect {
      try load(json)
    } throws: { error in
      guard case .configInvalid(_, let problems) = error as? RetierError else { return false }
      return problems.contains {
        $0.hasPrefix(key) && $0.contains("plays") && $0.contains(sentence)
      }
    }
  }

  @Test("plays are compared without case and surrounding spaces")
  func playsCompareLoosely() {
    let json =
      #"{"inbox": "i", "output": "o", "tiers": [{"name": "Gold", "min_score": 12, "max_share": 0.1}, "#
      + #"{"name": "Silver", "min_score": 8, "service_levels": {"plays": [" Roadmap Influence Seat "]}}, "#
      + #"{"name": "Bronze", "min_score": 0, "coverage": "pooled"}]}"#
    #expect {
      try load(json)
    } throws: { error in
      guard case .configInvalid(_, let problems) = error as? RetierError else { return false }
      return problems.contains {
        $0.hasPrefix("tiers[1] (Silver)") && $0.contains("Tier 2 is just")
      }
    }
  }

  @Test("memo_list_limit and currency default to 200 and USD and can be set")
  func memoKeys() throws {
    let defaults = try load(#"{"inbox": "i", "output": "o"}"#)
    #expect(defaults.memoListLimit == 200)
    #expect(defaults.currency == "USD")
    let set = try load(#"{"inbox": "i", "output": "o", "memo_list_limit": 5, "currency": "EUR"}"#)
    #expect(set.memoListLimit == 5)
    #expect(set.currency == "EUR")
  }

  @Test("renewal_hold_days and arr_spread_max default to 90 and 1.5, can be set, and are bounded")
  func holdKeys() throws {
    let defaults = try load(#"{"inbox": "i", "output": "o"}"#)
    #expect(defaults.renewalHoldDays == 90)
    #expect(defaults.arrSpreadMax == ExactDecimal(millionths: 1_500_000))
    let set = try load(
      #"{"inbox": "i", "output": "o", "renewal_hold_days": 0, "arr_spread_max": 2}"#)
    #expect(set.renewalHoldDays == 0 && set.arrSpreadMax == ExactDecimal(2))
    var configuration = Configuration()
    configuration.renewalHoldDays = 367
    configuration.arrSpreadMax = ExactDecimal(millionths: 999_999)
    #expect(
      configuration.problems == [
        "renewal_hold_days 367 is not in 0…366",
        "arr_spread_max 0.999999 is not in 1…1000 (no book's max is below its mean)",
      ])
  }

  @Test("the shipped configs decode and validate", arguments: ["retier.json", "four-tier.json"])
  func shippedConfigs(name: String) throws {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("config").appendingPathComponent(name)
    let bytes = try [UInt8](Data(contentsOf: url))
    let configuration = try Configuration.load(json: bytes, path: name)
    #expect(configuration.problems.isEmpty)
  }
}
