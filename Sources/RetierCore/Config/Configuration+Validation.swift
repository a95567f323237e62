extension Configuration {
  /// Every semantic problem of the configuration, in key order; empty when it is usable.
  package var problems: [String] {
    var problems: [String] = []
    let unit = ExactDecimal(1)
    func checkShare(_ value: ExactDecimal, _ key: String) {
      if value < .zero || unit < value { problems.append("\(key) \(value) is not in 0…1") }
    }
    if !(1...12).contains(fiscalYearStartMonth) {
      problems.append("fiscal_year_start_month \(fiscalYearStartMonth) is not in 1…12")
    }
    if !(1...60).contains(businessDaysAfterQuarterEnd) {
      problems.append(
        "business_days_after_quarter_end \(businessDaysAfterQuarterEnd) is not in 1…60")
    }
    if let readyMarker,
      readyMarker.isEmpty || readyMarker.contains("/") || readyMarker == ".."
        || readyMarker == "."
    {
      problems.append("ready_marker '\(readyMarker)' must be a plain file name (or null)")
    }
    checkShare(maxRejectedShare, "max_rejected_share")
    if maxRejectedRowsFloor < 0 {
      problems.append("max_rejected_rows_floor \(maxRejectedRowsFloor) is negative")
    }
    if newLogoQuarters < 0 { problems.append("new_logo_quarters \(newLogoQuarters) is negative") }
    if reviewsSkippedLimit < 1 {
      problems.append(
        "reviews_skipped_limit \(reviewsSkippedLimit) must be at least 1 (at 0 every named-tier "
          + "account would move down)")
    }
    if overrideMaxDays < 0 { problems.append("override_max_days \(overrideMaxDays) is negative") }
    if poolOwnerID.isEmpty { problems.append("pool_owner_id is empty") }
    if let poolOwnerEmail, !Self.looksLikeEmail(poolOwnerEmail) {
      problems.append(
        "pool_owner_email is not an email address: one @, a name before it, a domain with a dot "
          + "after it, no spaces")
    }
    if let poolOwnerCRMID, !Self.isPlainID(poolOwnerCRMID) {
      problems.append(
        "pool_owner_crm_id must be the pool owner's CRM user id (e.g. 005…): not empty, no spaces")
    }
    if !(0...366).contains(renewalHoldDays) {
      problems.append("renewal_hold_days \(renewalHoldDays) is not in 0…366")
    }
    if arrSpreadMax < ExactDecimal(1) || ExactDecimal(1_000) < arrSpreadMax {
      problems.append(
        "arr_spread_max \(arrSpreadMax) is not in 1…1000 (no book's max is below its mean)")
    }
    if csmLoadedCost < .zero { problems.append("csm_loaded_cost \(csmLoadedCost) is negative") }
    if memoListLimit < 1 { problems.append("memo_list_limit \(memoListLimit) must be at least 1") }
    if currency.trimmingSpaces.isEmpty { problems.append("currency is empty") }
    problems += rubric.problems
    problems += tierProblems
    problems += boundProblems
    return problems
  }

  /// Whether `text` looks like an email address: one `@` with a non-empty part before it, a
  /// domain after it whose dot-separated labels are non-empty and at least two, and no space or
  /// control character anywhere.
  static func looksLikeEmail(_ text: String) -> Bool {
    // Read as bytes: '@' and '.' are ASCII, and splitting Characters costs grapheme breaking
    // on every CSM of the roster.
    let bytes = text.utf8
    guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at != bytes.startIndex,
      isPlainID(text)
    else { return false }
    var labels = 0
    var labelLength = 0
    for byte in bytes[bytes.index(after: at)...] {
      switch byte {
      case UInt8(ascii: "@"): return false
      case UInt8(ascii: "."):
        guard labelLength > 0 else { return false }
        labels += 1
        labelLength = 0
      default: labelLength += 1
      }
    }
    return labelLength > 0 && labels >= 1
  }

  /// Whether `text` is non-empty and holds no space or control character (an id a CRM accepts
  /// as one cell).
  static func isPlainID(_ text: String) -> Bool {
    !text.isEmpty
      && text.unicodeScalars.allSatisfy { scalar in
        // ASCII answered from its value: the Unicode property tables cost some 100 ns a
        // character, which a roster of 16,000 CSMs checked on every run pays a million times.
        if scalar.isASCII { return scalar.value > 0x20 && scalar.value != 0x7F }
        return !scalar.properties.isWhitespace && scalar.properties.generalCategory != .control
          && scalar.properties.generalCategory != .format
      }
  }

  /// Whether `scalar` is white space (Unicode's White_Space), ASCII answered from its value.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
    return scalar.properties.isWhitespace
  }

  private var tierProblems: [String] {
    var problems: [String] = []
    let unit = ExactDecimal(1)
    if tiers.count < 2 { problems.append("tiers needs at least two tiers, found \(tiers.count)") }
    var seenNames: Set<String> = []
    for (index, tier) in tiers.enumerated() {
      let key = "tiers[\(index)] (\(tier.name))"
      if tier.name.trimmingSpaces.isEmpty { problems.append("tiers[\(index)] name is empty") }
      if !seenNames.insert(tier.name.lowercased()).inserted {
        problems.append("\(key) name is used twice")
      }
      if index > 0, !(tier.minScore < tiers[index - 1].minScore) {
        problems.append(
          "\(key) min_score \(tier.minScore) must be below the tier above's "
            + "\(tiers[index - 1].minScore) (lines descend)")
      }
      if let share = tier.maxShare {
        if share < .zero || unit < share {
          problems.append("\(key) max_share \(share) is not in 0…1")
        }
        if index == tiers.count - 1 {
          problems.append("\(key) max_share: the last tier cannot be capped (nowhere to move down)")
        }
      }
      if tier.capByCapacity {
        if tier.coverage == .pooled {
          problems.append(
            "\(key) cap_by_capacity: a pooled tier has no named headcount to cap by (its "
              + "capacity is only reported)")
        } else if index == tiers.count - 1 {
          problems.append(
            "\(key) cap_by_capacity: the last tier cannot be capped (nowhere to move down)")
        }
      }
      if let band = tier.expectedShare {
        if band.low < .zero || unit < band.high || band.high < band.low {
          problems.append("\(key) expected_share [\(band.low), \(band.high)] is not a band in 0…1")
        }
      }
      if tier.capacity < 1 {
        problems.append("\(key) capacity \(tier.capacity) must be at least 1")
      }
      if tier.serviceLevels.csmHoursPerMonth < .zero {
        problems.append("\(key) service_levels.csm_hours_per_month is negative")
      }
      if let problem = playsProblem(ofTier: index + 1) { problems.append("\(key) \(problem)") }
    }
    return problems
  }
}

extension Configuration {
  /// Why a tier's `service_levels.plays` does not set it apart, `nil` when it names at least one
  /// play no other tier runs: a tier that only runs fewer of another tier's plays is not a
  /// motion of its own (the training's test of a tech-touch tier).
  func playsProblem(ofTier number: Int) -> String? {
    let own = Set(tier(number).serviceLevels.plays.map { $0.trimmingSpaces.lowercased() })
    let others = Set(
      tiers.indices.filter { $0 != number - 1 }.flatMap { tiers[$0].serviceLevels.plays }.map {
        $0.trimmingSpaces.lowercased()
      })
    guard own.subtracting(others).subtracting([""]).isEmpty else { return nil }
    let other = number == 1 ? 2 : 1
    return
      "service_levels.plays names no play that no other tier runs: if Tier \(number) is just "
      + "Tier \(other) with \(number == 1 ? "more" : "fewer") meetings, you have not built a "
      + "tech-touch motion"
  }
}

extension RubricConstants {
  /// Semantic problems of the rubric constants.
  var problems: [String] {
    var problems: [String] = []
    let unit = ExactDecimal(1)
    let named: [(String, ExactDecimal)] = [
      ("rubric.weights.arr", arrWeight), ("rubric.weights.fit", fitWeight),
      ("rubric.weights.expansion", expansionWeight),
      ("rubric.healthy_median_ratio", healthyMedianRatio), ("rubric.floor_ratio", floorRatio),
      ("rubric.usage_decline_ratio", usageDeclineRatio),
      ("rubric.multi_bu_headroom", multiBUHeadroom), ("rubric.clear_path_ratio", clearPathRatio),
      ("rubric.modest_expansion_ratio", modestExpansionRatio),
      ("rubric.seat_cap_ratio", seatCapRatio), ("rubric.support_hour_cost", supportHourCost),
      ("rubric.min_contract_arr", minContractARR),
    ]
    for (key, value) in named where value < .zero {
      problems.append("\(key) \(value) is negative")
    }
    for (key, value) in [
      ("rubric.top_decile_share", topDecileShare), ("rubric.top_quartile_share", topQuartileShare),
    ] where value < .zero || unit < value {
      problems.append("\(key) \(value) is not in 0…1")
    }
    if topQuartileShare < topDecileShare {
      problems.append("rubric.top_quartile_share must not be below rubric.top_decile_share")
    }
    if minContractARR.exactMoney == nil || multiBUHeadroom.exactMoney == nil {
      problems.append("rubric money amounts have at most 2 decimals")
    }
    if let below = usageSignal.belowShare, below < .zero || unit < below {
      problems.append("rubric.usage_signal.below_share \(below) is not in 0…1")
    }
    if usageSignal.usageFloor < 0 {
      problems.append("rubric.usage_signal.usage_floor \(usageSignal.usageFloor) is negative")
    }
    return problems
  }
}

extension String {
  /// The string without leading and trailing ASCII spaces and tabs.
  var trimmingSpaces: Substring {
    var slice = self[...]
    while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
    return slice
  }
}
