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
  /// Assigns owners for `book`'s valid accounts, aligned with ``Book/accounts``.
  ///
  /// `heldOutsideBook` is what each CSM (by csm id) already carries outside `book`: empty for a
  /// quarterly run, whose book is the whole book; for an interim, whose book is the moved
  /// accounts alone, the rest of each CSM's book, so a new owner is picked by real free seats.
  static func assign(
    book: Book, tiering: TieringResult, configuration: Configuration,
    heldOutsideBook: [String: HeldBook] = [:]
  ) -> OwnerAssignment {
    let accounts = book.accounts
    let decisions = tiering.decisions
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
    var owners = accounts.map(\.ownerID)
    var reasons = [OwnerChangeReason?](repeating: nil, count: accounts.count)
    var keepCandidates = [[Int]](repeating: [], count: seats.count)
    var needsOwner: [Int] = []
    needsOwner.reserveCapacity(accounts.count)

    for (index, account) in accounts.enumerated() {
      let tier = decisions[index].finalTier
      let reason = reasonForNewOwner(account, finalTier: tier)
      if isPooled[tier] {
        owners[index] = configuration.poolOwnerID
        reasons[index] = reason
      } else if account.currentTier == tier, let seat = seatIndexByID[account.ownerID],
        seats[seat].tier == tier
      {
        keepCandidates[seat].append(index)
      } else {
        reasons[index] = reason
        needsOwner.append(index)
      }
    }

    // Rule 1: an owner keeps the highest-ARR accounts up to capacity (ties: account id, which is
    // index order because the book is sorted by id) and releases the rest.
    for seat in seats.indices where !keepCandidates[seat].isEmpty {
      let ranked = keepCandidates[seat].sorted { byARRDescending(accounts, $0, $1) }
      for (rank, index) in ranked.enumerated() {
        if rank < seats[seat].capacity {
          seats[seat].take(accounts[index].arr)
        } else {
          reasons[index] = .ownerOverCapacity
          needsOwner.append(index)
        }
      }
    }

    // Rules 2 and 3: place the rest in ARR order with the CSM who has the most free seats.
    needsOwner.sort { byARRDescending(accounts, $0, $1) }
    var queues = (0...configuration.tierCount).map { _ in SeatQueue() }
    for seat in seats.indices where seats[seat].freeSeats > 0 {
      queues[seats[seat].tier].push(seats[seat])
    }
    for index in needsOwner {
      let tier = decisions[index].finalTier
      guard var seat = queues[tier].popFirst() else {
        owners[index] = ""
        reasons[index] = .capacityShortfall
        continue
      }
      owners[index] = seat.csmID
      seat.take(accounts[index].arr)
      if seat.freeSeats > 0 { queues[tier].push(seat) }
    }

    for index in accounts.indices where owners[index] == accounts[index].ownerID {
      reasons[index] = nil
    }
    let capacity = CapacityTable.rows(
      book: book, tiering: tiering, owners: owners, configuration: configuration)
    return OwnerAssignment(owners: owners, changeReasons: reasons, capacity: capacity)
  }

  /// The accounts a CSM carries outside the book being assigned, and their ARR.
  struct HeldBook: Sendable, Hashable {
    /// How many accounts.
    var accounts = 0
    /// Their ARR.
    var arr = Money.zero
  }

  /// Why `account` would need a new owner in `finalTier`: it moved, it is placed for the first
  /// time, or (tier unchanged) its owner may not be an active CSM of the tier.
  static func reasonForNewOwner(_ account: Account, finalTier: Int) -> OwnerChangeReason {
    guard let currentTier = account.currentTier else { return .firstPlacement }
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

  /// Whether account `lhs` comes before `rhs`: ARR desc, then account id asc (index order).
  private static func byARRDescending(_ accounts: [Account], _ lhs: Int, _ rhs: Int) -> Bool {
    let left = accounts[lhs].arr
    let right = accounts[rhs].arr
    return left != right ? right < left : lhs < rhs
  }
}
