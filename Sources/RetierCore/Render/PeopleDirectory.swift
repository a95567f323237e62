/// People as every output a person reads names them (SPEC §5): a CSM by the roster's `name`, by
/// the id where the name is blank or the id is not on the roster; the pool owner as the pooled
/// team. Ids stay in the columns meant for machines.
struct PeopleDirectory: Sendable {
  /// Roster name by `csm_id`, for the CSMs whose name is not blank.
  private let names: [String: String]
  /// The owner id of pooled tiers (not a person).
  let poolOwnerID: String

  /// The names of `roster`; the first row of a repeated id wins, as in assignment.
  init(roster: [CSM], poolOwnerID: String) {
    var names: [String: String] = [:]
    for csm in roster where names[csm.id] == nil && !csm.name.trimmingSpaces.isEmpty {
      names[csm.id] = String(csm.name.trimmingSpaces)
    }
    self.names = names
    self.poolOwnerID = poolOwnerID
  }

  /// Whether `ownerID` is a person a memo can be addressed to: not blank and not the pool.
  func isPerson(_ ownerID: String) -> Bool { !ownerID.isEmpty && ownerID != poolOwnerID }

  /// `Linh Nguyen` for a named CSM, the id for one without a name or not on the roster,
  /// `the pooled team` for the pool owner and `unassigned` for a blank owner.
  func name(of ownerID: String) -> String {
    if ownerID.isEmpty { return "unassigned" }
    if let name = names[ownerID] { return name }
    return ownerID == poolOwnerID ? "the pooled team" : ownerID
  }
}
