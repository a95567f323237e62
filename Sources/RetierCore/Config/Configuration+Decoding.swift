extension Configuration: Decodable {
  package enum CodingKeys: String, CodingKey, CaseIterable {
    case fiscalYearStartMonth = "fiscal_year_start_month"
    case holidays
    case businessDaysAfterQuarterEnd = "business_days_after_quarter_end"
    case readyMarker = "ready_marker"
    case maxInputBytes = "max_input_bytes"
    case firstQuarter = "first_quarter"
    case maxRejectedShare = "max_rejected_share"
    case maxRejectedRowsFloor = "max_rejected_rows_floor"
    case newLogoQuarters = "new_logo_quarters"
    case overrideMaxDays = "override_max_days"
    case reviewsSkippedLimit = "reviews_skipped_limit"
    case poolOwnerID = "pool_owner_id"
    case poolOwnerEmail = "pool_owner_email"
    case poolOwnerCRMID = "pool_owner_crm_id"
    case csLeader = "cs_leader"
    case csmLoadedCost = "csm_loaded_cost"
    case renewalHoldDays = "renewal_hold_days"
    case arrSpreadMax = "arr_spread_max"
    case memoListLimit = "memo_list_limit"
    case currency
    case rubric
    case tiers
  }

  /// Decodes the JSON config; absent keys take their defaults, unknown keys are rejected.
  package init(from decoder: any Decoder) throws {
    try self.init(from: decoder, hostKeys: [])
  }

  /// Decodes the configuration from a JSON object that also holds `hostKeys`, the keys its host
  /// decodes itself (the executable's `inbox` and `output`); every other unknown key is
  /// rejected.
  package init(from decoder: any Decoder, hostKeys: Set<String>) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self, allowing: hostKeys)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
      try container.decodeIfPresent(T.self, forKey: key) ?? fallback
    }
    fiscalYearStartMonth = try value(.fiscalYearStartMonth, fiscalYearStartMonth)
    holidays = try value(.holidays, holidays)
    businessDaysAfterQuarterEnd = try value(
      .businessDaysAfterQuarterEnd, businessDaysAfterQuarterEnd)
    if container.contains(.readyMarker) {
      readyMarker = try container.decodeIfPresent(String.self, forKey: .readyMarker)
    }
    maxInputBytes = try value(.maxInputBytes, maxInputBytes)
    firstQuarter = try container.decodeIfPresent(FiscalQuarter.self, forKey: .firstQuarter)
    maxRejectedShare = try value(.maxRejectedShare, maxRejectedShare)
    maxRejectedRowsFloor = try value(.maxRejectedRowsFloor, maxRejectedRowsFloor)
    newLogoQuarters = try value(.newLogoQuarters, newLogoQuarters)
    overrideMaxDays = try value(.overrideMaxDays, overrideMaxDays)
    reviewsSkippedLimit = try value(.reviewsSkippedLimit, reviewsSkippedLimit)
    poolOwnerID = try value(.poolOwnerID, poolOwnerID)
    poolOwnerEmail = try container.decodeIfPresent(String.self, forKey: .poolOwnerEmail)
    poolOwnerCRMID = try container.decodeIfPresent(String.self, forKey: .poolOwnerCRMID)
    csLeader = try container.decodeIfPresent(String.self, forKey: .csLeader)
    csmLoadedCost = try value(.csmLoadedCost, csmLoadedCost)
    renewalHoldDays = try value(.renewalHoldDays, renewalHoldDays)
    arrSpreadMax = try value(.arrSpreadMax, arrSpreadMax)
    memoListLimit = try value(.memoListLimit, memoListLimit)
    currency = try value(.currency, currency)
    rubric = try value(.rubric, rubric)
    if let entries = try container.decodeIfPresent([TierEntry].self, forKey: .tiers) {
      tiers = entries.enumerated().map { $0.element.definition(number: $0.offset + 1) }
    }
  }
}

extension RubricConstants: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case weights
    case topDecileShare = "top_decile_share"
    case topQuartileShare = "top_quartile_share"
    case healthyMedianRatio = "healthy_median_ratio"
    case floorRatio = "floor_ratio"
    case usageDeclineRatio = "usage_decline_ratio"
    case multiBUHeadroom = "multi_bu_headroom"
    case clearPathRatio = "clear_path_ratio"
    case modestExpansionRatio = "modest_expansion_ratio"
    case seatCapRatio = "seat_cap_ratio"
    case supportHourCost = "support_hour_cost"
    case minContractARR = "min_contract_arr"
    case usageSignal = "usage_signal"
  }

  /// The three weights of the total.
  private struct Weights: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
      case arr
      case fit
      case expansion
    }
    var arr: ExactDecimal?
    var fit: ExactDecimal?
    var expansion: ExactDecimal?

    init(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(CodingKeys.self)
      let container = try decoder.container(keyedBy: CodingKeys.self)
      arr = try container.decodeIfPresent(ExactDecimal.self, forKey: .arr)
      fit = try container.decodeIfPresent(ExactDecimal.self, forKey: .fit)
      expansion = try container.decodeIfPresent(ExactDecimal.self, forKey: .expansion)
    }
  }

  /// Decodes the `rubric` object; absent keys take their defaults.
  package init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    func value(_ key: CodingKeys, _ fallback: ExactDecimal) throws -> ExactDecimal {
      try container.decodeIfPresent(ExactDecimal.self, forKey: key) ?? fallback
    }
    if let weights = try container.decodeIfPresent(Weights.self, forKey: .weights) {
      arrWeight = weights.arr ?? arrWeight
      fitWeight = weights.fit ?? fitWeight
      expansionWeight = weights.expansion ?? expansionWeight
    }
    topDecileShare = try value(.topDecileShare, topDecileShare)
    topQuartileShare = try value(.topQuartileShare, topQuartileShare)
    healthyMedianRatio = try value(.healthyMedianRatio, healthyMedianRatio)
    floorRatio = try value(.floorRatio, floorRatio)
    usageDeclineRatio = try value(.usageDeclineRatio, usageDeclineRatio)
    multiBUHeadroom = try value(.multiBUHeadroom, multiBUHeadroom)
    clearPathRatio = try value(.clearPathRatio, clearPathRatio)
    modestExpansionRatio = try value(.modestExpansionRatio, modestExpansionRatio)
    seatCapRatio = try value(.seatCapRatio, seatCapRatio)
    supportHourCost = try value(.supportHourCost, supportHourCost)
    minContractARR = try value(.minContractARR, minContractARR)
    usageSignal =
      try container.decodeIfPresent(UsageSignalConstants.self, forKey: .usageSignal)
      ?? usageSignal
  }
}

extension UsageSignalConstants: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case belowShare = "below_share"
    case usageFloor = "usage_floor"
  }

  /// Decodes the `rubric.usage_signal` object; absent keys take their defaults.
  package init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    belowShare = try container.decodeIfPresent(ExactDecimal.self, forKey: .belowShare)
    usageFloor = try container.decodeIfPresent(Int.self, forKey: .usageFloor) ?? usageFloor
  }
}
