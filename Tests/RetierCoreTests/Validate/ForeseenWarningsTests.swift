import Testing

@testable import RetierCore

@Suite("What validate foresees of the run")
struct ForeseenWarningsTests {
  @Test("named tiers without an active CSM, tiers short of CSMs and what the run leaves unassigned")
  func capacity() throws {
    // Twenty accounts of fit 3 and unknown expansion: the upper half of the book totals 8 or
    // more (Tier 2), the rest less (Tier 3); nobody reaches Tier 1's line of 12.
    var drop = TestDrop.simple(arrs: (1...20).map { String($0 * 10_000) })
    drop.csms += "c1,Cy,cy@example.com,2,,true\n"
    var configuration = TestAccounts.configuration
    configuration.tiers[1].capacity = 2
    let result = try Retier.decide(drop.input(configuration))
    let finalTiers = result.tiering.decisions.map(\.finalTier)
    let silver = finalTiers.count { $0 == 2 }
    let bronze = finalTiers.count { $0 == 3 }
    let silverUnassigned = zip(finalTiers, result.owners.owners).count { $0 == 2 && $1.isEmpty }
    #expect(silver > 4 && bronze > 0 && !finalTiers.contains(1))
    #expect(silverUnassigned == silver - 2)
    #expect(
      result.foreseenWarnings.map(\.description) == [
        "csms.csv: warning: Tier 1 (Gold) has named coverage but no active CSM",
        "csms.csv: warning: Tier 2 (Silver) is \((silver + 1) / 2 - 1) CSM(s) short: \(silver) "
          + "accounts at 2 per CSM need \((silver + 1) / 2), 1 active; the run will leave "
          + "\(silverUnassigned) of its accounts unassigned (capacity_shortfall)",
        "csms.csv: warning: Tier 3 (Bronze) is 1 CSM(s) short: \(bronze) accounts at 500 per CSM "
          + "need 1, 0 active",
      ])
  }
}
