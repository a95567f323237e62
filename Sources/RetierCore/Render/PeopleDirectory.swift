/// People as every output a person reads names them (SPEC §5): a CSM by the roster's `name`, by
/// the id where the name is blank or the id is not on the roster; the pool owner as the pooled
/// team. Ids stay in the columns meant for machines. It also knows who on the roster is active
/// and whom each CSM reports to, for the holder of each account memo's conversation.
struct PeopleDirectory: Sendable {
  /// Roster name by `csm_id`, for the CSMs whose name is not blank.
  private let names: [String: String]
  /// The `csm_id`s of the roster's active CSMs.
  private let activeIDs: Set<String>
  /// `manager` by `csm_id`, for the CSMs whose manager is not blank.
  private let managers: [String: String]
  /// The owner id of pooled tiers (not a person).
  let poolOwnerID: String

  /// The names of `roster`; the first row of a repeated id wins, as in assignment.
  init(roster: [CSM], poolOwnerID: String) {
    var names: [String: String] = [:]
    var activeIDs: Set<String> = []
    var managers: [String: String] = [:]
    var seen: Set<String> = []
    for csm in roster where seen.insert(csm.id).inserted {
      let name = csm.name.trimmingSpaces
      if !name.isEmpty { names[csm.id] = String(name) }
      if csm.isActive { activeIDs.insert(csm.id) }
      if !csm.manager.isEmpty { managers[csm.id] = csm.manager }
    }
    self.names = names
    self.activeIDs = activeIDs
    self.managers = managers
    self.poolOwnerID = poolOwnerID
  }

  /// Whether `ownerID` is a person a memo can be addressed to: not blank and not the pool.
  func isPerson(_ ownerID: String) -> Bool { !ownerID.isEmpty && ownerID != poolOwnerID }

  /// Whether `id` is an active CSM of the roster (of any tier), never the pool's id.
  func isActiveCSM(_ id: String) -> Bool { isPerson(id) && activeIDs.contains(id) }

  /// The name of the CS lead the roster's CSM `id` reports to, `nil` when blank or not on the
  /// roster.
  func manager(of id: String) -> String? { managers[id] }

  /// `Linh Nguyen` for a named CSM, the id for one without a name or not on the roster,
  /// `the pooled team` for the pool owner and `unassigned` for a blank owner.
  func name(of ownerID: String) -> String {
    if ownerID.isEmpty { return "unassigned" }
    if let name = names[ownerID] { return name }
    return ownerID == poolOwnerID ? "the pooled team" : ownerID
  }
}
