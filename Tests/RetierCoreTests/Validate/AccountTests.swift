import Testing

@testable import RetierCore

/// `Account` stores its fields compactly; every accessor reads back what it was given.
@Suite("Account")
struct AccountTests {
  /// An account with every optional unknown and every flag off.
  private static func bare() -> Account {
    Account(
      id: "A", name: "Name", currentTier: nil, ownerID: "csm",
      customerSince: CalendarDate(daysSinceEpoch: 0), strategicFit: 0, expansionCeiling: nil,
      multiBU: false, sponsorLost: false, arr: .zero, usage: .unknown, hasUsageRow: false, line: 2)
  }

  @Test("the initialiser stores every field as given")
  func initialiser() throws {
    let since = try #require(CalendarDate(year: 2019, month: 2, day: 28))
    let usage = Usage(licensedSeats: 12, activeUsers: 9)
    let account = Account(
      id: "ACC-1", name: "Acme", currentTier: 2, ownerID: "csm-7", customerSince: since,
      strategicFit: 5, expansionCeiling: Money(cents: 12_345), multiBU: true, sponsorLost: true,
      arr: Money(cents: -50), usage: usage, hasUsageRow: true, line: 40_000_000_000)
    #expect(account.id == "ACC-1")
    #expect(account.name == "Acme")
    #expect(account.currentTier == 2)
    #expect(account.ownerID == "csm-7")
    #expect(account.customerSince == since)
    #expect(account.strategicFit == 5)
    #expect(account.expansionCeiling == Money(cents: 12_345))
    #expect(account.multiBU)
    #expect(account.sponsorLost)
    #expect(account.arr == Money(cents: -50))
    #expect(account.usage == usage)
    #expect(account.hasUsageRow)
    #expect(account.line == 40_000_000_000)
  }

  @Test(
    "amounts read back exactly, beyond 64 bits too",
    arguments: [
      Int128.zero, -1, 99_999_999_999_999_999, Int128(UInt64.max) + 1, Int128(1) << 100,
      Int128.max, Int128.min,
    ])
  func amounts(cents: Int128) {
    var account = Self.bare()
    account.arr = Money(cents: cents)
    account.expansionCeiling = Money(cents: cents)
    #expect(account.arr == Money(cents: cents))
    #expect(account.expansionCeiling == Money(cents: cents))
    account.expansionCeiling = nil
    #expect(account.expansionCeiling == nil)
    #expect(account.arr == Money(cents: cents))
  }

  @Test(
    "the current tier reads back as given, nil included",
    arguments: [nil, 1, 3, 255, 256, Int(Int32.max)] as [Int?])
  func currentTier(tier: Int?) {
    var account = Self.bare()
    account.currentTier = tier
    #expect(account.currentTier == tier)
    account.currentTier = nil
    #expect(account.currentTier == nil)
  }

  @Test("strategic fit reads back as given", arguments: 0...5)
  func strategicFit(fit: Int) {
    var account = Self.bare()
    account.strategicFit = fit
    #expect(account.strategicFit == fit)
  }

  @Test("each yes/no fact and optional is set and cleared without touching the others")
  func independentFlags() {
    var account = Self.bare()
    account.multiBU = true
    #expect(account.multiBU && !account.sponsorLost && !account.hasUsageRow)
    account.sponsorLost = true
    account.hasUsageRow = true
    account.currentTier = 1
    account.expansionCeiling = .zero
    account.multiBU = false
    #expect(!account.multiBU && account.sponsorLost && account.hasUsageRow)
    #expect(account.currentTier == 1)
    #expect(account.expansionCeiling == .zero)
    account.hasUsageRow = false
    account.currentTier = nil
    #expect(account.sponsorLost && !account.hasUsageRow)
    #expect(account.expansionCeiling == .zero)
  }

  @Test("a tier beyond Int32 stops the process instead of being truncated")
  func hugeTierTraps() async {
    await #expect(processExitsWith: .failure) {
      var account = Account(
        id: "A", name: "", currentTier: nil, ownerID: "", customerSince: .init(daysSinceEpoch: 0),
        strategicFit: 0, expansionCeiling: nil, multiBU: false, sponsorLost: false, arr: .zero,
        usage: .unknown, hasUsageRow: false, line: 2)
      account.currentTier = Int(Int32.max) + 1
    }
  }

  @Test("the record stays small: a run holds one per account")
  func stride() {
    // 144 since `reviews_skipped` (an `Int32` past the 6-byte date and the flags byte).
    #expect(MemoryLayout<Account>.stride <= 144)
  }
}
