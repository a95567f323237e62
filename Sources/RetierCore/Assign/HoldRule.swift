/// SPEC §5 rule 0: which accounts keep their owner before any other rule, and the wording that
/// says so. A lock (`owner_locked`) comes first; then a renewal after the run date and at most
/// `renewal_hold_days` after it. The hold applies only while the owner is an active CSM of a
/// named tier; otherwise it is released with a warning (``Releases``).
struct HoldRule: Sendable {
  /// The run date: a renewal on it or before it is past.
  var runDate: CalendarDate
  /// The last renewal date that holds, `nil` when `renewal_hold_days` is 0 (renewal holds off).
  var lastHeldRenewal: CalendarDate?

  /// The rule for a run on `runDate` under `configuration`.
  init(configuration: Configuration, runDate: CalendarDate) {
    self.runDate = runDate
    lastHeldRenewal =
      configuration.renewalHoldDays > 0
      ? runDate.adding(days: configuration.renewalHoldDays) : nil
  }

  /// Why `ref` keeps its owner, `nil` when it is not held.
  func reason(_ ledger: AccountLedger, _ ref: AccountRef) -> OwnerChangeReason? {
    if ledger.ownerLocked(ref) { return .locked }
    guard let lastHeldRenewal, let renewal = ledger.renewalDate(ref),
      runDate < renewal, !(lastHeldRenewal < renewal)
    else { return nil }
    return .renewalHold
  }

  /// The `note` of a held row of `reassignments.csv`: the lock reason, or when the handoff
  /// happens.
  static func note(_ ledger: AccountLedger, _ ref: AccountRef, reason: OwnerChangeReason) -> String
  {
    switch reason {
    case .locked: ledger.lockReason(ref)
    case .renewalHold: ledger.renewalDate(ref).map { "handoff after the renewal on \($0)" } ?? ""
    default: ""
    }
  }

  /// The `effective_date` of a row of `reassignments.csv`: the day after the renewal for a
  /// renewal hold, else the run date.
  static func effectiveDate(
    _ ledger: AccountLedger, _ ref: AccountRef, reason: OwnerChangeReason?, runDate: CalendarDate
  ) -> CalendarDate {
    guard reason == .renewalHold, let renewal = ledger.renewalDate(ref) else { return runDate }
    return renewal.adding(days: 1)
  }

  /// The sentence a memo gives a held account: pinned by the CS lead, or the handoff waits for
  /// the renewal; `nil` when not held.
  static func memoSentence(
    _ ledger: AccountLedger, _ ref: AccountRef, reason: OwnerChangeReason?, ownerName: String
  ) -> String? {
    switch reason {
    case .locked:
      let why = ledger.lockReason(ref)
      return "\(ownerName) stays the owner: the CS lead pinned the account"
        + (why.isEmpty ? "." : " (\(why)).")
    case .renewalHold:
      guard let renewal = ledger.renewalDate(ref) else { return nil }
      return "The handoff waits for the renewal on \(renewal): \(ownerName) keeps the account "
        + "until then; the new service level applies now."
    default: return nil
    }
  }

  /// What a held account's owner cell adds in memo.md: "pinned by the CS lead: <reason>" or
  /// "handoff after the renewal on DATE"; `nil` when not held.
  static func ownerNote(
    _ ledger: AccountLedger, _ ref: AccountRef, reason: OwnerChangeReason?
  ) -> String? {
    switch reason {
    case .locked:
      let why = ledger.lockReason(ref)
      return "pinned by the CS lead" + (why.isEmpty ? "" : ": \(why)")
    case .renewalHold: return note(ledger, ref, reason: .renewalHold)
    default: return nil
    }
  }

  /// The held accounts the rules would otherwise move, by name, largest ARR first, for the
  /// review (memo.md and memo.html share them): "Acme (ACC-1, Tier 1 → Tier 2): Linh Nguyen
  /// keeps it, handoff after the renewal on 2026-11-30". At most `limit`; `more` counts the rest
  /// (all are in reassignments.csv).
  static func heldLines(_ result: RunResult, limit: Int) -> (lines: [String], more: Int) {
    let ledger = result.ledger
    let held = ledger.refs.filter { ledger.ownerChangeReasons[$0]?.isHold ?? false }
      .sorted { left, right in
        let (a, b) = (ledger.arr(left), ledger.arr(right))
        return a != b ? b < a : left < right
      }
    let people = PeopleDirectory(
      roster: result.book.roster, poolOwnerID: result.configuration.poolOwnerID)
    let lines = held.prefix(limit).map { ref in
      let name = ledger.name(ref)
      let from = ledger.currentTier(ref).map { "Tier \($0)" } ?? "new"
      return (name.isEmpty ? "" : "\(name) ") + "(\(ledger.id(ref)), \(from) → Tier "
        + "\(ledger.decisions.finalTier(ref))): \(people.name(of: ledger.owners[ref])) keeps it, "
        + (ownerNote(ledger, ref, reason: ledger.ownerChangeReasons[ref]) ?? "")
    }
    return (lines, held.count - lines.count)
  }

  /// The sentence above the held list.
  static let heldListLead =
    "Owners held: the tier and its service level change now; the owner stays, "
    + "for good when the CS lead pinned the account, else until the renewal:"

  /// The holds released because their owner cannot keep the account, counted per cause for one
  /// warning each (a list that grows with the book is never repeated). Only a release that
  /// matters is told: one whose account then changes owner (a pooled account that stays with
  /// the pool lost nothing).
  struct Releases: Sendable {
    /// The released accounts and why, in ref order.
    private var released: [(ref: AccountRef, cause: Cause)] = []

    /// Why the owner cannot keep a held account.
    enum Cause: String, Sendable, CaseIterable {
      case inactive = "is inactive"
      case unknown = "is not on the roster"
      case pooled = "carries a pooled tier"
      case pool = "is the pool"
    }

    /// No release yet.
    init() {}

    /// Notes that the hold of `ref`, owned by `owner`, is released; a blank owner has nothing to
    /// hold and is not noted.
    mutating func note(
      _ ref: AccountRef, owner: String, rosterByID: [String: CSM], configuration: Configuration
    ) {
      guard !owner.isEmpty else { return }
      let cause: Cause
      if owner == configuration.poolOwnerID {
        cause = .pool
      } else if let csm = rosterByID[owner] {
        cause = csm.isActive ? .pooled : .inactive
      } else {
        cause = .unknown
      }
      released.append((ref, cause))
    }

    /// One warning per cause, naming the first account's row, for the released accounts whose
    /// owner changes in `ledger`.
    func warnings(_ ledger: AccountLedger) -> [Diagnostic] {
      Cause.allCases.compactMap { cause in
        let refs = released.filter { $0.cause == cause && ledger.ownerChanges($0.ref) }.map(\.ref)
        guard let first = refs.first else { return nil }
        let others = refs.count > 1 ? " and \(refs.count - 1) more" : ""
        return Diagnostic(
          .warning, file: DropFiles.Name.accounts, line: ledger[first].line,
          message: "owner hold released on account '\(ledger.id(first))'\(others): the owner "
            + "\(cause.rawValue), so the rules pick a new owner")
      }
    }
  }
}

/// SPEC §5 rule 1's backfills: when a leaver's named backfill cannot take its book, and the
/// warning that says so.
enum BackfillRule {
  /// The warning for `leaver`'s backfill, `nil` when the backfill is an active CSM of a named
  /// tier (`isActiveNamed`) in the leaver's tier, or names nobody (``RosterCheck`` says so).
  static func problem(leaver: CSM, backfill: CSM?, isActiveNamed: Bool) -> Diagnostic? {
    guard let backfill else { return nil }
    let subject = "backfill_csm_id '\(leaver.backfillCSMID)' of inactive csm '\(leaver.id)'"
    let why: String
    if !backfill.isActive {
      why = "is inactive too (no chains)"
    } else if !isActiveNamed || backfill.tier != leaver.tier {
      why = "carries Tier \(backfill.tier), not Tier \(leaver.tier)"
    } else {
      return nil
    }
    return Diagnostic(
      .warning, file: DropFiles.Name.csms, line: leaver.line,
      message: "\(subject) \(why): the book is placed by the balancing rule instead")
  }
}
