import Testing

@testable import RetierCore

/// `TierDecision` stores its tiers as `Int32`; every accessor reads back what it was given.
@Suite("TierDecision")
struct TierDecisionTests {
  @Test(
    "tiers and reason read back as given",
    arguments: [1, 2, 3, 255, 256, 65_536, Int(Int32.max)])
  func tiers(tier: Int) {
    var decision = TierDecision(
      rubricTier: tier, targetTier: tier, finalTier: tier, reason: .cap(tier: tier),
      override: nil, isNewLogo: true)
    #expect(decision.rubricTier == tier)
    #expect(decision.targetTier == tier)
    #expect(decision.finalTier == tier)
    #expect(decision.reason == .cap(tier: tier))
    #expect(decision.isNewLogo)
    decision.finalTier = 1
    decision.reason = .rubric
    #expect(decision.rubricTier == tier)
    #expect(decision.finalTier == 1)
    #expect(decision.reason == .rubric)
  }

  @Test("the override is kept and decides equality")
  func override() throws {
    let expires = try #require(CalendarDate(iso: "2026-12-31"))
    let row = OverrideRow(
      line: 2, accountID: "A", tierText: "1", reason: "renewal", approvedBySales: "S",
      approvedByCS: "C", expiresText: "2026-12-31")
    let override = ValidOverride(row: row, tier: 1, expires: expires)
    let plain = TierDecision(
      rubricTier: 3, targetTier: 1, finalTier: 1, reason: .override, override: nil,
      isNewLogo: false)
    var overridden = plain
    overridden.override = override
    #expect(overridden.override == override)
    #expect(overridden != plain)
    overridden.override = nil
    #expect(overridden == plain)
  }

  @Test("the record stays small: a run holds one per account")
  func stride() {
    #expect(MemoryLayout<TierDecision>.stride <= 32)
  }
}
