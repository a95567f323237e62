/// Who holds the conversation an account memo is the brief for (SPEC §6 `memos/`), and the
/// account executive it is held with. The training's script is said by the CSM to the account
/// executive who owns the account commercially, so the memo names both. Computed once per run
/// for every account memo; the memo's opener names the holder and the review groups its
/// "Conversations by holder" by it (``ConversationInput/held(_:)``).
struct ConversationHolder: Sendable, Hashable {
  /// Why this person holds the conversation, in the rule's order.
  enum Source: Sendable, Hashable {
    /// The owner before the move, an active CSM of the roster (of any tier).
    case ownerBefore
    /// The new owner, a CSM of the roster.
    case newOwner
    /// The `manager` of the owner before the move (a name from `csms.csv`).
    case manager
    /// The configuration's `cs_leader`.
    case csLeader
    /// Nobody named: the memo says "the CS lead".
    case unnamedCSLead
  }

  /// The words a memo speaks of the holder by when nobody is named.
  static let unnamedCSLead = "the CS lead"
  /// The words a memo speaks of the account executive by when `sales_owner` is blank.
  static let unnamedSalesOwner = "the account's sales owner"

  /// The holder's name as a person reads it (a roster name, a manager's name, the CS leader's,
  /// or ``unnamedCSLead``).
  var name: String
  /// The roster `csm_id` when the holder is a CSM of the roster; `nil` otherwise.
  var csmID: String?
  /// Why this person holds it.
  var source: Source

  /// Whether a person is named (every source but ``Source/unnamedCSLead``).
  var isNamed: Bool { source != .unnamedCSLead }

  /// What `memo.md` groups conversations by: the CSM's id, or the name for a manager or the CS
  /// leader (two holders with one name and no id are one person).
  var groupKey: String { csmID.map { "csm:\($0)" } ?? "name:\(name)" }

  /// The holder of one account's memo, given its owner before the move and its new owner: the
  /// owner before when an active CSM of the roster; else the new owner when a CSM of the
  /// roster; else the owner before's `manager`; else `csLeader`; else the CS lead unnamed.
  /// Never an inactive person or an id that is not on the roster.
  static func of(
    ownerBefore: String, newOwner: String, people: PeopleDirectory, csLeader: String?
  ) -> ConversationHolder {
    if people.isActiveCSM(ownerBefore) {
      return ConversationHolder(
        name: people.name(of: ownerBefore), csmID: ownerBefore, source: .ownerBefore)
    }
    if people.isActiveCSM(newOwner) {
      return ConversationHolder(name: people.name(of: newOwner), csmID: newOwner, source: .newOwner)
    }
    if let manager = people.manager(of: ownerBefore) {
      return ConversationHolder(name: manager, csmID: nil, source: .manager)
    }
    if let leader = csLeader?.trimmingSpaces, !leader.isEmpty {
      return ConversationHolder(name: String(leader), csmID: nil, source: .csLeader)
    }
    return ConversationHolder(name: unnamedCSLead, csmID: nil, source: .unnamedCSLead)
  }

  /// The holder of every account memo of `result`, by ref.
  static func holders(
    of refs: [AccountRef], result: RunResult, people: PeopleDirectory
  ) -> [AccountRef: ConversationHolder] {
    var holders: [AccountRef: ConversationHolder] = [:]
    holders.reserveCapacity(refs.count)
    for ref in refs {
      holders[ref] = of(
        ownerBefore: result.ledger.ownerID(ref), newOwner: result.ledger.owners[ref],
        people: people, csLeader: result.configuration.csLeader)
    }
    return holders
  }
}

/// The account executive a conversation is held with: `sales_owner` and `sales_owner_email`.
struct AccountExecutive: Sendable, Hashable {
  /// `sales_owner`, trimmed; empty when blank.
  var name: String
  /// `sales_owner_email`, trimmed; empty when blank.
  var email: String

  /// `Dana Whitfield`, or `the account's sales owner` when blank.
  var spokenName: String { name.isEmpty ? ConversationHolder.unnamedSalesOwner : name }
  /// The name to greet with at the start of the script (`Dana`), `nil` when blank.
  var firstName: String? {
    name.isEmpty ? nil : String(name.split(separator: " ").first ?? Substring(name))
  }
}
