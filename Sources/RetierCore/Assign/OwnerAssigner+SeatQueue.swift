extension OwnerAssigner {
  /// One active CSM of a named tier while owners are being placed.
  struct CSMSeats: Sendable, Hashable {
    /// `csm_id`.
    var csmID: String
    /// The tier whose book the CSM carries.
    var tier: Int
    /// Accounts the CSM can carry: `max_accounts` or the tier default.
    var capacity: Int
    /// Position in the assigner's list of seats.
    var index = 0
    /// Accounts held so far.
    var held = 0
    /// Of them, accounts held by a hold (SPEC §5 rule 0), taken whatever the free seats.
    var heldByHold = 0
    /// ARR of the accounts held so far.
    var heldARR = Money.zero

    /// Seats still free: accounts are only taken while seats are free, so this is negative only
    /// for a CSM whose book outside an interim's is already over capacity.
    var freeSeats: Int { capacity - held }

    /// Takes one account of `arr`.
    mutating func take(_ arr: Money) {
      held += 1
      heldARR += arr
    }

    /// Keeps one held account of `arr`, past capacity if need be.
    mutating func takeHeld(_ arr: Money) {
      take(arr)
      heldByHold += 1
    }

    /// Whether `self` gets the next account before `other` (SPEC §5 rule 2): lowest ARR held,
    /// then most free seats, then csm id.
    func isPreferred(over other: CSMSeats) -> Bool {
      if heldARR != other.heldARR { return heldARR < other.heldARR }
      if freeSeats != other.freeSeats { return freeSeats > other.freeSeats }
      return csmID < other.csmID
    }
  }

  /// A binary min-heap of CSMs ordered by ``CSMSeats/isPreferred(over:)``: the CSM who gets the
  /// next account is always first, in O(log C) per account.
  struct SeatQueue: Sendable {
    /// The heap, `storage[0]` first.
    private var storage: [CSMSeats] = []

    /// Creates an empty queue.
    init() {}

    /// Number of CSMs queued.
    var count: Int { storage.count }

    /// Adds a CSM.
    mutating func push(_ seats: CSMSeats) {
      storage.append(seats)
      var child = storage.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard storage[child].isPreferred(over: storage[parent]) else { break }
        storage.swapAt(child, parent)
        child = parent
      }
    }

    /// Removes and returns the preferred CSM; `nil` when the queue is empty.
    mutating func popFirst() -> CSMSeats? {
      guard !storage.isEmpty else { return nil }
      storage.swapAt(0, storage.count - 1)
      let first = storage.removeLast()
      var parent = 0
      while true {
        let left = 2 * parent + 1
        let right = left + 1
        var best = parent
        if left < storage.count, storage[left].isPreferred(over: storage[best]) { best = left }
        if right < storage.count, storage[right].isPreferred(over: storage[best]) { best = right }
        guard best != parent else { break }
        storage.swapAt(parent, best)
        parent = best
      }
      return first
    }
  }
}
