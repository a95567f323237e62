/// One element of the config's `tiers` list as written; optional keys are filled in from the
/// tier's position and coverage by ``definition(number:)``.
struct TierEntry: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name
    case minScore = "min_score"
    case maxShare = "max_share"
    case capByCapacity = "cap_by_capacity"
    case expectedShare = "expected_share"
    case coverage
    case capacity
    case serviceLevels = "service_levels"
    case benchmark
  }

  /// `service_levels` as written; a key left out takes the training grid's value for the tier's
  /// position and coverage.
  struct ServiceLevelsEntry: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
      case coverage
      case businessReviews = "business_reviews"
      case executiveContact = "executive_contact"
      case p1Response = "p1_response"
      case renewalMotion = "renewal_motion"
      case plays
      case csmHoursPerMonth = "csm_hours_per_month"
    }
    var coverage: String?
    var businessReviews: String?
    var executiveContact: String?
    var p1Response: String?
    var renewalMotion: String?
    var plays: [String]?
    var csmHoursPerMonth: ExactDecimal?

    init(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(CodingKeys.self)
      let container = try decoder.container(keyedBy: CodingKeys.self)
      coverage = try container.decodeIfPresent(String.self, forKey: .coverage)
      businessReviews = try container.decodeIfPresent(String.self, forKey: .businessReviews)
      executiveContact = try container.decodeIfPresent(String.self, forKey: .executiveContact)
      p1Response = try container.decodeIfPresent(String.self, forKey: .p1Response)
      renewalMotion = try container.decodeIfPresent(String.self, forKey: .renewalMotion)
      plays = try container.decodeIfPresent([String].self, forKey: .plays)
      csmHoursPerMonth = try container.decodeIfPresent(ExactDecimal.self, forKey: .csmHoursPerMonth)
    }

    /// The written keys over `defaults`.
    func levels(over defaults: ServiceLevels) -> ServiceLevels {
      ServiceLevels(
        coverage: coverage ?? defaults.coverage,
        businessReviews: businessReviews ?? defaults.businessReviews,
        executiveContact: executiveContact ?? defaults.executiveContact,
        p1Response: p1Response ?? defaults.p1Response,
        renewalMotion: renewalMotion ?? defaults.renewalMotion, plays: plays ?? defaults.plays,
        csmHoursPerMonth: csmHoursPerMonth ?? defaults.csmHoursPerMonth)
    }
  }

  /// `benchmark` as written: bounds are `[low, high]` with `null` for an open end.
  struct BenchmarkEntry: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
      case accountsPerCSM = "accounts_per_csm"
      case arrPerCSM = "arr_per_csm"
      case maxCoverageCostShare = "max_coverage_cost_share"
    }
    var accountsPerCSM: [ExactDecimal?]?
    var arrPerCSM: [ExactDecimal?]?
    var maxCoverageCostShare: ExactDecimal?

    init(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(CodingKeys.self)
      let container = try decoder.container(keyedBy: CodingKeys.self)
      accountsPerCSM = try container.decodeIfPresent([ExactDecimal?].self, forKey: .accountsPerCSM)
      arrPerCSM = try container.decodeIfPresent([ExactDecimal?].self, forKey: .arrPerCSM)
      maxCoverageCostShare = try container.decodeIfPresent(
        ExactDecimal.self, forKey: .maxCoverageCostShare)
    }

    var benchmark: CapacityBenchmark {
      func bounds(_ pair: [ExactDecimal?]?) -> ClosedBounds {
        guard let pair else { return ClosedBounds() }
        return ClosedBounds(low: pair.first ?? nil, high: pair.count > 1 ? pair[1] : nil)
      }
      return CapacityBenchmark(
        accountsPerCSM: bounds(accountsPerCSM), arrPerCSM: bounds(arrPerCSM),
        maximumCoverageCostShare: maxCoverageCostShare)
    }
  }

  var name: String
  var minScore: ExactDecimal
  var maxShare: ExactDecimal?
  var capByCapacity: Bool?
  var expectedShare: ShareBand?
  var coverage: Coverage?
  var capacity: Int?
  var serviceLevels: ServiceLevelsEntry?
  var benchmark: BenchmarkEntry?

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    minScore = try container.decode(ExactDecimal.self, forKey: .minScore)
    maxShare = try container.decodeIfPresent(ExactDecimal.self, forKey: .maxShare)
    capByCapacity = try container.decodeIfPresent(Bool.self, forKey: .capByCapacity)
    expectedShare = try container.decodeIfPresent(ShareBand.self, forKey: .expectedShare)
    coverage = try container.decodeIfPresent(Coverage.self, forKey: .coverage)
    capacity = try container.decodeIfPresent(Int.self, forKey: .capacity)
    serviceLevels = try container.decodeIfPresent(ServiceLevelsEntry.self, forKey: .serviceLevels)
    benchmark = try container.decodeIfPresent(BenchmarkEntry.self, forKey: .benchmark)
  }

  /// The full definition: a named tier defaults to capacity 20 at the top and 80 below it, a
  /// pooled tier to 500; service levels default from the coverage model; no benchmark unless
  /// given.
  func definition(number: Int) -> TierDefinition {
    let coverage = coverage ?? .named
    let defaultCapacity = coverage == .pooled ? 500 : (number == 1 ? 20 : 80)
    let defaultLevels =
      TierDefinition.defaultLadder[coverage == .pooled ? 2 : min(number, 2) - 1].serviceLevels
    let levels = serviceLevels?.levels(over: defaultLevels) ?? defaultLevels
    return TierDefinition(
      name: name, minScore: minScore, maxShare: maxShare,
      capByCapacity: capByCapacity ?? false, expectedShare: expectedShare,
      coverage: coverage, capacity: capacity ?? defaultCapacity, serviceLevels: levels,
      benchmark: benchmark?.benchmark ?? .none)
  }
}
