/// Whether the team can carry the book after the re-tier (SPEC §5). Who owns each account, and
/// why it changed, are the ledger's ``AccountLedger/owners`` and
/// ``AccountLedger/ownerChangeReasons`` columns.
package struct OwnerAssignment: Sendable {
  /// One row per tier, Tier 1 first.
  package var capacity: [CapacityRow]
  /// What a person should know about the owners: holds released, backfills ignored, roster rows
  /// an import file cannot carry (SPEC §5 rules 0–1, §2 roster checks). Sorted.
  package var warnings: [Diagnostic] = []
}

/// Why an account's owner changes (the `reason` column of `reassignments.csv`).
package enum OwnerChangeReason: String, Sendable, Hashable, CaseIterable {
  /// The account moved tier.
  case tierChange = "tier_change"
  /// The account is placed for the first time.
  case firstPlacement = "first_placement"
  /// The previous owner is not an active CSM of the tier (unknown, inactive or another tier).
  case ownerNotInTier = "owner_not_in_tier"
  /// The previous owner is over capacity and the account was released.
  case ownerOverCapacity = "owner_over_capacity"
  /// No CSM of the tier had a free seat: left without an owner.
  case capacityShortfall = "capacity_shortfall"
  /// The CS lead pinned the owner (`owner_locked`): the owner stays although the rules would
  /// change it.
  case locked
  /// The account renews within `renewal_hold_days`: the handoff waits for the renewal.
  case renewalHold = "renewal_hold"
  /// The account's owner left and the tier's named backfill (`backfill_csm_id`) takes it.
  case backfill

  /// Whether the owner is held (to_owner = from_owner): the row is listed for the CS lead and
  /// imported nowhere.
  package var isHold: Bool { self == .locked || self == .renewalHold }
}

extension AccountLedger {
  /// Whether the owner of `ref` changes in the CRM: a reason other than a hold.
  package func ownerChanges(_ ref: AccountRef) -> Bool {
    guard let reason = ownerChangeReasons[ref] else { return false }
    return !reason.isHold
  }
}

/// One row of the capacity table.
package struct CapacityRow: Sendable, Hashable {
  /// Tier number.
  var tier: Int
  /// Accounts in the tier after the re-tier (valid accounts only).
  var accounts: Int
  /// Their ARR.
  var arr: Money
  /// Active CSMs of the tier on the roster.
  var activeCSMs: Int
  /// Accounts per active CSM, rounded half up to six decimals for display (nil without CSMs).
  var accountsPerCSM: ExactDecimal?
  /// ARR per active CSM, rounded half up to the cent for display (nil without CSMs).
  var arrPerCSM: Money?
  /// `max(0, ⌈accounts / default capacity⌉ − active CSMs)`.
  var csmsShort: Int
  /// `csm_loaded_cost × CSMs ÷ ARR`, rounded half up to six decimals for display (nil when the
  /// tier has no ARR).
  var coverageCostShare: ExactDecimal?
  /// Accounts left without an owner for lack of a seat.
  var unassigned: Int
  /// Accounts this tier's CSMs hold that the rules would otherwise move (SPEC §5 rule 0): they
  /// count in the CSMs' accounts and ARR and may put a CSM past capacity.
  var held = 0
  /// ARR per active CSM of a named tier, in cents (every CSM counts, one with no account as 0),
  /// computed as `compare`'s book balance is; `nil` for a pooled tier.
  package var arrBalance: BalanceFigures?
  /// Figures outside the tier's benchmark, in words, e.g. "accounts/CSM above 20" or "no active
  /// CSM" (empty when all are inside). Decided on the exact ratios, not the rounded figures.
  var flags: [String]
}
