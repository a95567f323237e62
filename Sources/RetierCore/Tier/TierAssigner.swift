/// Assigns tiers (SPEC §4): override, else new-logo hold, else rubric held one tier below the
/// current one after skipped business reviews; then hard caps top down,
/// incumbents winning ties, every cap-displaced incumbent paired with the newcomer that took its
/// seat.
struct TierAssigner: Sendable {
  /// The configuration (tiers, new-logo rule, override window).
  let configuration: Configuration
  /// The quarter being run.
  let quarter: FiscalQuarter
  /// The run date of that quarter.
  let runDate: CalendarDate

  /// Assigns every valid account of `book`, given its scores (aligned with `book.accounts`).
  func assign(_ book: Book, scores: [SignalScores]) -> TieringResult {
    let accounts = book.accounts
    let tierCount = configuration.tierCount
    // Only the few ids that overrides name need looking up; both lists are sorted by id.
    let named = Set(book.overrideRows.map(\.accountID))
    let validIDs = named.filter { Self.containsID($0, in: accounts, id: \.id) }
    let knownIDs = validIDs.union(
      named.filter { Self.containsID($0, in: book.rejectedAccounts, id: \.id) })
    let overrides = OverrideValidator.validate(
      book.overrideRows, validAccountIDs: validIDs, knownAccountIDs: knownIDs,
      tierCount: tierCount, runDate: runDate, maxDays: configuration.overrideMaxDays)
    let calendar = configuration.calendar
    let skippedReviews = SkippedReviewsRule(configuration)

    var decisions: [TierDecision] = []
    decisions.reserveCapacity(accounts.count)
    var buckets = [[Int]](repeating: [], count: tierCount + 1)
    for (index, account) in accounts.enumerated() {
      let rubricTier = rubricTier(for: scores[index].total)
      let override = overrides.valid[account.id]
      let isNewLogo =
        calendar.quartersStarting(onOrAfter: account.customerSince, through: quarter)
        < configuration.newLogoQuarters
      let target: Int
      let reason: TierReason
      if let override {
        (target, reason) = (override.tier, .override)
      } else if isNewLogo {
        (target, reason) = (tierCount, .newLogo)
      } else if let held = skippedReviews.heldTier(
        currentTier: account.currentTier, reviewsSkipped: account.reviewsSkipped,
        rubricTier: rubricTier)
      {
        (target, reason) = (held, .skippedReviews)
      } else {
        (target, reason) = (rubricTier, .rubric)
      }
      decisions.append(
        TierDecision(
          rubricTier: rubricTier, targetTier: target, finalTier: target, reason: reason,
          override: override, isNewLogo: override == nil && isNewLogo,
          isHeldBySkippedReviews: reason == .skippedReviews))
      buckets[target].append(index)
    }

    var capReports: [CapReport] = []
    let capacitySeats = Self.capacitySeats(book.roster, configuration: configuration)
    for tier in 1..<max(tierCount, 1) {
      let definition = configuration.tier(tier)
      let shareSeats = definition.maxShare.map { $0.floorOfProduct(with: accounts.count) }
      let capacityCap = definition.capByCapacity ? capacitySeats[tier] : nil
      guard let seats = [shareSeats, capacityCap].compactMap({ $0 }).min() else { continue }
      let overridden = buckets[tier].filter { decisions[$0].reason == .override }
      let ranked = buckets[tier].filter { decisions[$0].reason != .override }.sorted {
        isRankedHigher($0, $1, tier: tier, accounts: accounts, scores: scores)
      }
      let free = max(0, seats - overridden.count)
      let seated = Array(ranked.prefix(free))
      let displaced = Array(ranked.dropFirst(free))
      for index in displaced {
        decisions[index].finalTier = tier + 1
        decisions[index].reason = .cap(tier: tier)
        buckets[tier + 1].append(index)
      }
      buckets[tier] = overridden + seated
      // Newcomers in seat order (overrides take seats first); the highest-ranked newcomer is
      // paired with the lowest-ranked displaced incumbent.
      let newcomers = (overridden.sorted { accounts[$0].id < accounts[$1].id } + seated).filter {
        accounts[$0].currentTier != tier
      }
      let displacedIncumbents = displaced.filter { accounts[$0].currentTier == tier }
      let pairs = displacedIncumbents.reversed().enumerated().map { offset, index in
        CapReport.Pair(
          displaced: index, takenBy: offset < newcomers.count ? newcomers[offset] : nil)
      }
      capReports.append(
        CapReport(
          tier: tier, seats: seats, shareSeats: shareSeats, capacitySeats: capacityCap,
          overrideCount: overridden.count,
          seatedCount: overridden.count + seated.count, displaced: displaced, pairs: pairs))
    }
    return TieringResult(
      decisions: decisions, validOverrides: overrides.valid, ignoredOverrides: overrides.ignored,
      capReports: capReports)
  }

  /// The seats each tier's active CSMs can carry, by tier number: the sum of each active CSM's
  /// `max_accounts`, or the tier's default capacity where it is blank (0 for a tier with no
  /// active CSM). Saturates rather than overflows.
  static func capacitySeats(_ roster: [CSM], configuration: Configuration) -> [Int] {
    var seats = [Int](repeating: 0, count: configuration.tierCount + 1)
    for csm in roster where csm.isActive && (1...configuration.tierCount).contains(csm.tier) {
      let capacity = csm.maxAccounts ?? configuration.tier(csm.tier).capacity
      let (sum, overflow) = seats[csm.tier].addingReportingOverflow(capacity)
      seats[csm.tier] = overflow ? Int.max : sum
    }
    return seats
  }

  /// The highest tier whose `min_score` the total reaches; the last tier when none does.
  func rubricTier(for total: ExactDecimal) -> Int {
    for (offset, tier) in configuration.tiers.enumerated() where tier.minScore <= total {
      return offset + 1
    }
    return configuration.tierCount
  }

  /// Cap ranking: total desc, incumbents of the tier first, ARR desc, account id asc.
  private func isRankedHigher(
    _ lhs: Int, _ rhs: Int, tier: Int, accounts: [Account], scores: [SignalScores]
  ) -> Bool {
    if scores[lhs].total != scores[rhs].total { return scores[lhs].total > scores[rhs].total }
    let lhsIncumbent = accounts[lhs].currentTier == tier
    let rhsIncumbent = accounts[rhs].currentTier == tier
    if lhsIncumbent != rhsIncumbent { return lhsIncumbent }
    if accounts[lhs].arr != accounts[rhs].arr { return accounts[lhs].arr > accounts[rhs].arr }
    // The book is sorted by id, so the lower index is the lower id.
    return lhs < rhs
  }

  /// Whether `elements`, sorted by `id`, hold one whose id is `wanted` (binary search).
  private static func containsID<Element>(
    _ wanted: String, in elements: [Element], id: (Element) -> String
  ) -> Bool {
    var low = 0
    var high = elements.count
    while low < high {
      let middle = (low + high) / 2
      if id(elements[middle]) < wanted { low = middle + 1 } else { high = middle }
    }
    return low < elements.count && id(elements[low]) == wanted
  }
}
