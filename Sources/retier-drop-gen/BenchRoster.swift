/// The CSM roster of a benchmark drop: about N/150 Tier 1 CSMs (12 to 20 accounts each) and
/// N/100 Tier 2 CSMs (30 to 80 each), so capacity roughly fits a 10% / 25% book; one in forty
/// is inactive.
struct BenchRoster {
  /// How one named tier is staffed.
  struct TierPlan {
    /// One CSM is hired for every this many accounts of the whole book.
    var accountsPerCSM: Int
    /// The `max_accounts` values drawn for its CSMs (`nil`: the tier default).
    var capacities: [Int?]
  }

  private struct Member {
    let id: String
    let name: String
    let tier: Int
    let maxAccounts: Int?
    let active: Bool
  }

  private let members: [Member]
  /// CSM ids of each named tier, Tier 1 first.
  private let idsByTier: [[String]]

  private static let firstNames = [
    "Ava", "Mateo", "Hannah", "Lukas", "Linh", "Sofia", "Priya", "Jonas", "Amara", "Diego",
    "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Keiko", "Liam", "Maya", "Noah",
  ]
  private static let lastNames = [
    "Chen", "Alvarez", "Okafor", "Becker", "Nguyen", "Rossi", "Raman", "Berg", "Mensah", "Silva",
    "Kowalski", "Haddad", "Murphy", "Tanaka", "Dubois", "Ahmed", "Sato", "Walsh", "Patel", "Kim",
  ]

  /// Draws a roster sized for `accountCount` accounts, one group per plan (Tier 1 first).
  init(accountCount: Int, plans: [TierPlan], random: inout DropRandom) {
    let counts = plans.map { max(1, (accountCount + $0.accountsPerCSM - 1) / $0.accountsPerCSM) }
    var members: [Member] = []
    members.reserveCapacity(counts.reduce(0, +))
    var index = 0
    for (offset, plan) in plans.enumerated() {
      for _ in 0..<counts[offset] {
        members.append(
          Member(
            id: "csm-\(String(index + 1))",
            name: random.element(of: Self.firstNames) + " " + random.element(of: Self.lastNames),
            tier: offset + 1, maxAccounts: random.element(of: plan.capacities),
            active: !random.chance(1, in: 40)))
        index += 1
      }
    }
    self.members = members
    idsByTier = plans.indices.map { offset in
      members.filter { $0.tier == offset + 1 }.map(\.id)
    }
  }

  /// Last quarter's owner of the `index`-th account: a CSM of its tier in turn for a named
  /// tier, the pool for the others, blank for a first placement.
  func owner(tier: Int?, index: Int) -> String {
    guard let tier else { return "" }
    guard idsByTier.indices.contains(tier - 1) else { return "cs-pool" }
    let ids = idsByTier[tier - 1]
    return ids[index % ids.count]
  }

  /// The CS leads the CSMs of each tier report to, Tier 1's first.
  static let managers = ["Marco Ruiz", "Elena Petrova", "Kwame Mensah", "Yuki Tanaka"]

  /// Writes csms.csv rows; an inactive CSM names the next active CSM of its tier as its
  /// backfill (none when the tier has no other).
  func append(to tables: inout DropTables) {
    for (index, member) in members.enumerated() {
      let backfill =
        member.active
        ? nil
        : (members[(index + 1)...] + members[..<index]).first {
          $0.active && $0.tier == member.tier
        }
      tables.appendCSM(
        id: member.id, name: member.name,
        email: member.id + "@example.com", tier: String(member.tier),
        maxAccounts: member.maxAccounts, active: member.active ? "true" : "false",
        manager: Self.managers[(member.tier - 1) % Self.managers.count],
        backfill: backfill?.id ?? "")
    }
  }
}
