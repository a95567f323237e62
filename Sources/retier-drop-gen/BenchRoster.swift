/// The CSM roster of a benchmark drop: about N/150 Tier 1 CSMs (12 to 20 accounts each) and
/// N/100 Tier 2 CSMs (30 to 80 each), so capacity roughly fits a 10% / 25% book; one in forty
/// is inactive.
struct BenchRoster {
  private struct Member {
    let id: String
    let name: String
    let tier: Int
    let maxAccounts: Int?
    let active: Bool
  }

  private let members: [Member]
  private let tierOneIDs: [String]
  private let tierTwoIDs: [String]

  private static let firstNames = [
    "Ava", "Mateo", "Hannah", "Lukas", "Linh", "Sofia", "Priya", "Jonas", "Amara", "Diego",
    "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Keiko", "Liam", "Maya", "Noah",
  ]
  private static let lastNames = [
    "Chen", "Alvarez", "Okafor", "Becker", "Nguyen", "Rossi", "Raman", "Berg", "Mensah", "Silva",
    "Kowalski", "Haddad", "Murphy", "Tanaka", "Dubois", "Ahmed", "Sato", "Walsh", "Patel", "Kim",
  ]

  /// Draws a roster sized for `accountCount` accounts.
  init(accountCount: Int, random: inout DropRandom) {
    let tierOneCount = max(1, (accountCount + 149) / 150)
    let tierTwoCount = max(1, (accountCount + 99) / 100)
    var members: [Member] = []
    members.reserveCapacity(tierOneCount + tierTwoCount)
    for index in 0..<(tierOneCount + tierTwoCount) {
      let tier = index < tierOneCount ? 1 : 2
      let capacities: [Int?] = tier == 1 ? [12, 15, 18, nil] : [30, 40, 50, 60, nil]
      members.append(
        Member(
          id: "csm-\(String(index + 1))",
          name: random.element(of: Self.firstNames) + " " + random.element(of: Self.lastNames),
          tier: tier, maxAccounts: random.element(of: capacities),
          active: !random.chance(1, in: 40)))
    }
    self.members = members
    tierOneIDs = members.filter { $0.tier == 1 }.map(\.id)
    tierTwoIDs = members.filter { $0.tier == 2 }.map(\.id)
  }

  /// Last quarter's owner of the `index`-th account: a CSM of its tier in turn, the pool for
  /// Tier 3, blank for a first placement.
  func owner(tier: Int?, index: Int) -> String {
    switch tier {
    case 1?:
      return tierOneIDs[index % tierOneIDs.count]
    case 2?:
      return tierTwoIDs[index % tierTwoIDs.count]
    case nil:
      return ""
    default:
      return "cs-pool"
    }
  }

  /// Writes csms.csv rows.
  func append(to tables: inout DropTables) {
    for member in members {
      tables.appendCSM(
        id: member.id, name: member.name,
        email: member.id + "@example.com", tier: String(member.tier),
        maxAccounts: member.maxAccounts, active: member.active ? "true" : "false")
    }
  }
}
