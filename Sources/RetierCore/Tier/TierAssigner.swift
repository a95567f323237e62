/// Assigns tiers (SPEC §4): override, else new-logo hold, else rubric, moved one tier below the
/// current one or held at it after skipped business reviews; then hard caps top down,
/// incumbents winning ties, every cap-displaced incumbent paired with the newcomer that took its
/// seat.
struct TierAssigner: Sendable {
  /// The configuration (tiers, new-logo rule, override window).
  let configuration: Configuration
  /// The quarter being run.
  let quarter: FiscalQuarter
  /// The run date of that quarter.
  let runDate: CalendarDate

  /// Assigns every valid account of `book`, given its scores, adding the ledger's
  /// ``AccountLedger/decisions`` column; returns the overrides and what each cap did.
  func assign(_ book: inout Book) -> TieringResult {
    let ledger = book.ledger
    let tierCount = configuration.tierCount
    // Only the few ids that overrides name need looking up.
    let named = Set(book.overrideRows.groups.map(\.row.accountID))
    let validIDs = named.filter { ledger.ref(forID: $0) != nil }
    let knownIDs = validIDs.union(named.filter { ledger.rejectedRef(forID: $0) != nil })
    let overrides = OverrideValidator.validate(
      book.overrideRows, validAccountIDs: validIDs, knownAccountIDs: knownIDs,
      tierCount: tierCount, runDate: runDate, maxDays: configuration.overrideMaxDays)
    let calendar = configuration.calendar
    let skippedReviews = SkippedReviewsRule(configuration)
    let ladder = TierLadder(configuration)

    var decisions = DecisionColumn()
    decisions.reserveCapacity(ledger.count)
    var buckets = [[AccountRef]](repeating: [], count: tierCount + 1)
    // The valid overrides in ledger order, met by a cursor as the loop walks the refs: no
    // look-up by id (a string hash) per account. Every valid override names a valid account.
    let overridesInOrder = overrides.valid.compactMap { id, override in
      ledger.ref(forID: id).map { (ref: $0, override: override) }
    }
    .sorted { $0.ref < $1.ref }
    var nextOverride = overridesInOrder.startIndex
    for ref in ledger.refs {
      // The few fields the decision reads, straight from their columns.
      let rubricTier = ladder.rubricTier(of: ledger.scores.total(ref))
      var override: ValidOverride?
      if nextOverride < overridesInOrder.endIndex, overridesInOrder[nextOverride].ref == ref {
        override = overridesInOrder[nextOverride].override
        nextOverride += 1
      }
      let isNewLogo =
        calendar.quartersStarting(onOrAfter: ledger.customerSince(ref), through: quarter)
        < configuration.newLogoQuarters
      let target: Int
      let reason: TierReason
      if let override {
        (target, reason) = (override.tier, .override)
      } else if isNewLogo {
        (target, reason) = (tierCount, .newLogo)
      } else if let effect = skippedReviews.effect(
        currentTier: ledger.currentTier(ref), reviewsSkipped: ledger.reviewsSkipped(ref),
        rubricTier: rubricTier)
      {
        (target, reason) = (effect.tier, .skippedReviews)
      } else {
        (target, reason) = (rubricTier, .rubric)
      }
      decisions.append(
        TierDecision(
          rubricTier: rubricTier, targetTier: target, finalTier: target, reason: reason,
          override: override, isNewLogo: override == nil && isNewLogo,
          isHeldBySkippedReviews: reason == .skippedReviews))
      buckets[target].append(ref)
    }

    var capReports: [CapReport] = []
    let capacitySeats = Self.capacitySeats(book.roster, configuration: configuration)
    for tier in 1..<max(tierCount, 1) {
      let definition = configuration.tier(tier)
      let shareSeats = definition.maxShare.map { $0.floorOfProduct(with: ledger.count) }
      let capacityCap = definition.capByCapacity ? capacitySeats[tier] : nil
      guard let seats = [shareSeats, capacityCap].compactMap({ $0 }).min() else { continue }
      let overridden = buckets[tier].filter { decisions.reason($0) == .override }
      let ranked = buckets[tier].filter { decisions.reason($0) != .override }.sorted {
        isRankedHigher($0, $1, tier: tier, ledger: ledger)
      }
      let free = max(0, seats - overridden.count)
      let seated = Array(ranked.prefix(free))
      let displaced = Array(ranked.dropFirst(free))
      for ref in displaced {
        decisions.move(ref, to: tier + 1, reason: .cap(tier: tier))
        buckets[tier + 1].append(ref)
      }
      buckets[tier] = overridden + seated
      // Newcomers in seat order (overrides take seats first; refs are in id order); the
      // highest-ranked newcomer is paired with the lowest-ranked displaced incumbent.
      let newcomers = (overridden.sorted() + seated).filter { ledger.currentTier($0) != tier }
      let displacedIncumbents = displaced.filter { ledger.currentTier($0) == tier }
      let pairs = displacedIncumbents.reversed().enumerated().map { offset, ref in
        CapReport.Pair(
          displaced: ref, takenBy: offset < newcomers.count ? newcomers[offset] : nil)
      }
      capReports.append(
        CapReport(
          tier: tier, seats: seats, shareSeats: shareSeats, capacitySeats: capacityCap,
          overrideCount: overridden.count,
          seatedCount: overridden.count + seated.count, displaced: displaced, pairs: pairs))
    }
    book.ledger.decisions = decisions
    return TieringResult(
      validOverrides: overrides.valid, ignoredOverrides: overrides.ignored,
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

  /// Whether `lhs` ranks above `rhs` for tier `tier`'s seats (``TierLadder/ranksAbove(_:_:)``);
  /// refs are in id order, so the ref stands for the account id.
  private func isRankedHigher(
    _ lhs: AccountRef, _ rhs: AccountRef, tier: Int, ledger: AccountLedger
  ) -> Bool {
    func standing(_ ref: AccountRef) -> TierLadder.Standing<AccountRef> {
      TierLadder.Standing(
        total: ledger.scores.total(ref), isIncumbent: ledger.currentTier(ref) == tier,
        arr: ledger.arr(ref), accountKey: ref)
    }
    return TierLadder.ranksAbove(standing(lhs), standing(rhs))
  }
}
