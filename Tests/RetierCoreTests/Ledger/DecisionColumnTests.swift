import Testing

@testable import RetierCore

/// ``DecisionColumn`` stores tiers as `Int32`, the reason as a kind and the overrides aside;
/// every decision reads back as it was given.
@Suite("Decision column")
struct DecisionColumnTests {
  /// The only ref of a one-account ledger.
  private static let ref = TestAccounts.ledger([TestAccounts.account("A", arr: "1")]).refs[0]

  /// `decision` stored in a one-account column and read back.
  private static func roundTrip(_ decision: TierDecision) -> TierDecision {
    var column = DecisionColumn()
    column.append(decision)
    return column[ref]
  }

  @Test(
    "tiers and reason read back as given",
    arguments: [1, 2, 3, 255, 256, 65_536, Int(Int32.max)])
  func tiers(tier: Int) {
    for reason in [TierReason.rubric, .override, .newLogo, .invalidInput, .cap(tier: tier)] {
      let decision = TierDecision(
        rubricTier: tier, targetTier: tier, finalTier: tier, reason: reason, override: nil,
        isNewLogo: true)
      #expect(Self.roundTrip(decision) == decision)
    }
  }

  @Test("the narrow accessors read what the whole decision holds")
  func narrowAccessors() {
    var column = DecisionColumn()
    let decision = TierDecision(
      rubricTier: 2, targetTier: 1, finalTier: 3, reason: .cap(tier: 1), override: nil,
      isNewLogo: false)
    column.append(decision)
    #expect(column.rubricTier(Self.ref) == decision.rubricTier)
    #expect(column.finalTier(Self.ref) == decision.finalTier)
    #expect(column.reason(Self.ref) == decision.reason)
  }

  @Test("a move by the cap changes the final tier and reason only")
  func move() throws {
    var column = DecisionColumn()
    let decision = TierDecision(
      rubricTier: 1, targetTier: 1, finalTier: 1, reason: .rubric, override: nil,
      isNewLogo: false)
    column.append(decision)
    column.move(Self.ref, to: 2, reason: .cap(tier: 1))
    var moved = decision
    moved.finalTier = 2
    moved.reason = .cap(tier: 1)
    #expect(column[Self.ref] == moved)
    #expect(column.finalTier(Self.ref) == 2)
    #expect(column.reason(Self.ref) == .cap(tier: 1))
  }

  @Test("the override is kept with its account, and cleared when set to nil")
  func override() throws {
    let expires = try #require(CalendarDate(iso: "2026-12-31"))
    let row = OverrideRow(
      line: 2, accountID: "A", tierText: "1", reason: "renewal", approvedBySales: "S",
      approvedByCS: "C", expiresText: "2026-12-31")
    var decision = TierDecision(
      rubricTier: 3, targetTier: 1, finalTier: 1, reason: .override,
      override: ValidOverride(row: row, tier: 1, expires: expires), isNewLogo: false)
    #expect(Self.roundTrip(decision) == decision)
    var column = DecisionColumn()
    column.append(decision)
    decision.override = nil
    column[Self.ref] = decision
    #expect(column[Self.ref].override == nil)
  }
}
