/// Gives every valid account its owner after the re-tier and reports whether the team can carry
/// the book (SPEC §5).
///
/// Named tiers: an account whose tier did not change keeps an owner who is an active CSM of the
/// tier, up to that CSM's capacity (highest ARR first); every other account is placed, in ARR
/// desc then account id order, with the active CSM of its tier who has the most free seats (ties:
/// lowest ARR held so far, then csm id); when nobody has a seat it is left unassigned. Pooled
/// tiers: every account gets the pool owner id. Rejected accounts take no part.
///
/// Runs in O(N log N + C log C) for N accounts and C CSMs: one sort of the kept candidates per
/// CSM, one sort of the accounts to place, and a priority queue of CSMs per tier.
enum OwnerAssigner {
  /// Assigns owners for `book`'s valid accounts, given their tier decisions, adding the
  /// ledger's ``AccountLedger/owners`` and ``AccountLedger/ownerChangeReasons`` columns;
  /// returns the capacity table.
  ///
  /// `heldOutsideBook` is what each CSM (by csm id) already carries outside `book`: empty for a
  /// quarterly run, whose book is the whole book; for an interim, whose book is the moved
  /// accounts alone, the rest of each CSM's book, so a new owner is picked by real free seats.
  static func assign(
    book: inout Book, configuration: Configuration, heldOutsideBook: [String: HeldBook] = [:]
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

    let isPooled = (0...configuration.tierCount).map {
      $0 > 0 && configuration.tier($0).coverage == .pooled
    }
    var owners = AccountColumn(repeating: "", count: ledger.count)
    var reasons = AccountColumn<OwnerChangeReason?>(repeating: nil, count: ledger.count)
    var keepCandidates = [[AccountRef]](repeating: [], count: seats.count)
    var needsOwner: [AccountRef] = []
    needsOwner.reserveCapacity(ledger.count)

    for ref in ledger.refs {
      let tier = decisions.finalTier(ref)
      let currentTier = ledger.currentTier(ref)
      let ownerID = ledger.ownerID(ref)
      owners[ref] = ownerID
      let reason = reasonForNewOwner(currentTier: currentTier, finalTier: tier)
      if isPooled[tier] {
        owners[ref] = configuration.poolOwnerID
        reasons[ref] = reason
      } else if currentTier == tier, let seat = seatIndexByID[ownerID], seats[seat].tier == tier {
        keepCandidates[seat].append(ref)
      } else {
        reasons[ref] = reason
        needsOwner.append(ref)
      }
    }

    // Rule 1: an owner keeps the highest-ARR accounts up to capacity (ties: account id, which is
    // ref order because refs are in id order) and releases the rest.
    for seat in seats.indices where !keepCandidates[seat].isEmpty {
      let ranked = keepCandidates[seat].sorted { byARRDescending(ledger, $0, $1) }
      for (rank, ref) in ranked.enumerated() {
        if rank < seats[seat].capacity {
          seats[seat].take(ledger.arr(ref))
        } else {
          reasons[ref] = .ownerOverCapacity
          needsOwner.append(ref)
        }
      }
    }

    // Rules 2 and 3: place the rest in ARR order with the CSM who has the most free seats.
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
    }

    for ref in ledger.refs where owners[ref] == ledger.ownerID(ref) {
      reasons[ref] = nil
    }
    book.ledger.owners = owners
    book.ledger.ownerChangeReasons = reasons
    return OwnerAssignment(
      capacity: CapacityTable.rows(book: book, configuration: configuration))
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
    roster.compactMap { csm in
      guard csm.isActive, (1...configuration.tierCount).contains(csm.tier),
        configuration.tier(csm.tier).coverage == .named
      else { return nil }
      return CSMSeats(
        csmID: csm.id, tier: csm.tier,
        capacity: csm.maxAccounts ?? configuration.tier(csm.tier).capacity)
    }
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
