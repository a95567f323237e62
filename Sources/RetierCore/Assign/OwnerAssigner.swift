/// Gives every valid account its owner after the re-tier and reports whether the team can carry
/// the book (SPEC §5), changing as few owners as the rules allow.
///
/// Named tiers, in rule order: (0) a locked account, then one renewing within
/// `renewal_hold_days`, keeps an owner who is an active CSM of a named tier, past capacity if
/// need be; (1) an account whose tier did not change keeps an owner who is an active CSM of the
/// tier, up to that CSM's free seats (highest ARR first), then a leaver's such accounts go to its
/// active same-tier backfill while it has free seats; (2) every other account is placed, in ARR
/// desc then account id order, with the active CSM of its tier who holds the least ARR (ties:
/// most free seats, then csm id); (3) when nobody has a seat it is left unassigned. Pooled
/// tiers: every account not held gets the pool owner id. Rejected accounts take no part.
///
/// Runs in O(N log N + C log C) for N accounts and C CSMs: one sort of the kept candidates per
/// CSM, one sort of the accounts to place, and a priority queue of CSMs per tier.
enum OwnerAssigner {
  /// Assigns owners for `book`'s valid accounts, given their tier decisions, adding the
  /// ledger's ``AccountLedger/owners`` and ``AccountLedger/ownerChangeReasons`` columns;
  /// returns the capacity table and the warnings. `runDate` starts the renewal hold's window.
  ///
  /// `heldOutsideBook` is what each CSM (by csm id) already carries outside `book`: empty for a
  /// quarterly run, whose book is the whole book; for an interim, whose book is the moved
  /// accounts alone, the rest of each CSM's book, so a new owner is picked by real free seats.
  static func assign(
    book: inout Book, configuration: Configuration, runDate: CalendarDate,
    heldOutsideBook: [String: HeldBook] = [:]
  ) -> OwnerAssignment {
    let ledger = book.ledger
    let decisions = ledger.decisions
    var seats = activeSeats(roster: book.roster, configuration: configuration)
    for seat in seats.indices {
      guard let held = heldOutsideBook[seats[seat].csmID] else { continue }
      seats[seat].held += held.accounts
      seats[seat].heldARR += held.arr
    }
    let seatIndexByID = Dictionary(
      seats.indices.map { (seats[$0].csmID, $0) }, uniquingKeysWith: { first, _ in first })
    let rosterByID = Dictionary(
      book.roster.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    let isPooled = (0...configuration.tierCount).map {
      $0 > 0 && configuration.tier($0).coverage == .pooled
    }
    let holds = HoldRule(configuration: configuration, runDate: runDate)
    var released = HoldRule.Releases()
    var owners = AccountColumn(repeating: "", count: ledger.count)
    var reasons = AccountColumn<OwnerChangeReason?>(repeating: nil, count: ledger.count)
    var keepCandidates = [[AccountRef]](repeating: [], count: seats.count)
    var leaversAccounts: [String: [AccountRef]] = [:]
    var needsOwner: [AccountRef] = []
    needsOwner.reserveCapacity(ledger.count)

    for ref in ledger.refs {
      let tier = decisions.finalTier(ref)
      let currentTier = ledger.currentTier(ref)
      let ownerID = ledger.ownerID(ref)
      owners[ref] = ownerID
      // Rule 0: a hold keeps an active named-tier CSM whatever the account's new tier.
      if let hold = holds.reason(ledger, ref) {
        if let seat = seatIndexByID[ownerID] {
          seats[seat].takeHeld(ledger.arr(ref))
          let staysAnyway = !isPooled[tier] && currentTier == tier && seats[seat].tier == tier
          if !staysAnyway { reasons[ref] = hold }
          continue
        }
        released.note(ref, owner: ownerID, rosterByID: rosterByID, configuration: configuration)
      }
      let reason = reasonForNewOwner(currentTier: currentTier, finalTier: tier)
      if isPooled[tier] {
        owners[ref] = configuration.poolOwnerID
        reasons[ref] = reason
      } else if currentTier == tier, let seat = seatIndexByID[ownerID], seats[seat].tier == tier {
        keepCandidates[seat].append(ref)
      } else {
        reasons[ref] = reason
        if currentTier == tier, let leaver = rosterByID[ownerID], !leaver.isActive,
          !leaver.backfillCSMID.isEmpty
        {
          leaversAccounts[ownerID, default: []].append(ref)
        } else {
          needsOwner.append(ref)
        }
      }
    }

    // Rule 1: an owner keeps the highest-ARR accounts while seats are free (ties: account id,
    // which is ref order because refs are in id order) and releases the rest.
    for seat in seats.indices where !keepCandidates[seat].isEmpty {
      let ranked = keepCandidates[seat].sorted { byARRDescending(ledger, $0, $1) }
      for ref in ranked {
        if seats[seat].freeSeats > 0 {
          seats[seat].take(ledger.arr(ref))
        } else {
          reasons[ref] = .ownerOverCapacity
          needsOwner.append(ref)
        }
      }
    }

    // Rule 1, backfills: a leaver's accounts whose tier did not change go to its named backfill
    // while that CSM is active in the account's tier and has a free seat; never a chain.
    var warnings: [Diagnostic] = []
    for (leaverID, refs) in leaversAccounts.sorted(by: { $0.key < $1.key }) {
      // Every key is a roster id: the loop above only files accounts of a roster CSM here.
      guard let leaver = rosterByID[leaverID] else { continue }
      let seat = seatIndexByID[leaver.backfillCSMID]
      if let problem = BackfillRule.problem(
        leaver: leaver, backfill: rosterByID[leaver.backfillCSMID],
        isActiveNamed: seat != nil)
      {
        warnings.append(problem)
      }
      for ref in refs.sorted(by: { byARRDescending(ledger, $0, $1) }) {
        if let seat, seats[seat].tier == decisions.finalTier(ref), seats[seat].freeSeats > 0 {
          seats[seat].take(ledger.arr(ref))
          owners[ref] = seats[seat].csmID
          reasons[ref] = .backfill
        } else {
          needsOwner.append(ref)
        }
      }
    }

    // Rules 2 and 3: place the rest, largest ARR first, with the CSM who holds the least ARR.
    needsOwner.sort { byARRDescending(ledger, $0, $1) }
    var queues = (0...configuration.tierCount).map { _ in SeatQueue() }
    for seat in seats.indices where seats[seat].freeSeats > 0 {
      queues[seats[seat].tier].push(seats[seat])
    }
    for ref in needsOwner {
      let tier = decisions.finalTier(ref)
      guard var seat = queues[tier].popFirst() else {
        owners[ref] = ""
        reasons[ref] = .capacityShortfall
        continue
      }
      owners[ref] = seat.csmID
      seat.take(ledger.arr(ref))
      if seat.freeSeats > 0 { queues[tier].push(seat) }
      seats[seat.index] = seat
    }

    for ref in ledger.refs
    where owners[ref] == ledger.ownerID(ref) && !(reasons[ref]?.isHold ?? false) {
      reasons[ref] = nil
    }
    book.ledger.owners = owners
    book.ledger.ownerChangeReasons = reasons
    for seat in seats.indices {
      guard let outside = heldOutsideBook[seats[seat].csmID] else { continue }
      seats[seat].held -= outside.accounts
      seats[seat].heldARR = Money(cents: seats[seat].heldARR.cents - outside.arr.cents)
    }
    warnings += released.warnings(book.ledger)
    warnings += RosterCheck.problems(book.roster, configuration: configuration).map(\.diagnostic)
    return OwnerAssignment(
      capacity: CapacityTable.rows(book: book, seats: seats, configuration: configuration),
      warnings: warnings.sorted())
  }

  /// The accounts a CSM carries outside the book being assigned, and their ARR.
  struct HeldBook: Sendable, Hashable {
    /// How many accounts.
    var accounts = 0
    /// Their ARR.
    var arr = Money.zero
  }

  /// Why an account now in `currentTier` would need a new owner in `finalTier`: it moved, it is
  /// placed for the first time, or (tier unchanged) its owner may not be an active CSM of the
  /// tier.
  static func reasonForNewOwner(currentTier: Int?, finalTier: Int) -> OwnerChangeReason {
    guard let currentTier else { return .firstPlacement }
    return currentTier == finalTier ? .ownerNotInTier : .tierChange
  }

  /// The seat state of every active CSM of a named tier, in roster (csm id) order.
  static func activeSeats(roster: [CSM], configuration: Configuration) -> [CSMSeats] {
    var seats = roster.compactMap { csm -> CSMSeats? in
      guard csm.isActive, (1...configuration.tierCount).contains(csm.tier),
        configuration.tier(csm.tier).coverage == .named
      else { return nil }
      return CSMSeats(
        csmID: csm.id, tier: csm.tier,
        capacity: csm.maxAccounts ?? configuration.tier(csm.tier).capacity)
    }
    for index in seats.indices { seats[index].index = index }
    return seats
  }

  /// Whether account `lhs` comes before `rhs`: ARR desc, then account id asc (ref order).
  private static func byARRDescending(
    _ ledger: AccountLedger, _ lhs: AccountRef, _ rhs: AccountRef
  ) -> Bool {
    let left = ledger.arr(lhs)
    let right = ledger.arr(rhs)
    return left != right ? right < left : lhs < rhs
  }
}
