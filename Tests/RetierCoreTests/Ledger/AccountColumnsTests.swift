import Testing

@testable import RetierCore

/// ``AccountColumns`` keeps each field of an ``Account`` in a compact column; every account reads
/// back exactly as it was appended.
@Suite("Account columns")
struct AccountColumnsTests {
  /// An account with every optional unknown and every flag off.
  private static func bare() -> Account {
    Account(
      id: "A", name: "Name", currentTier: nil, ownerID: "csm",
      customerSince: CalendarDate(daysSinceEpoch: 0), strategicFit: 0, expansionCeiling: nil,
      multiBU: false, sponsorLost: false, arr: .zero, usage: .unknown, hasUsageRow: false, line: 2)
  }

  /// `account` appended to empty columns and read back.
  private static func roundTrip(_ account: Account) -> Account {
    var columns = AccountColumns()
    columns.append(account)
    return columns[0]
  }

  @Test("every field reads back as appended")
  func everyField() throws {
    let since = try #require(CalendarDate(year: 2019, month: 2, day: 28))
    let account = Account(
      id: "ACC-1", name: "Acme", currentTier: 2, ownerID: "csm-7", customerSince: since,
      strategicFit: 5, expansionCeiling: Money(cents: 12_345), multiBU: true, sponsorLost: true,
      arr: Money(cents: -50), usage: Usage(licensedSeats: 12, activeUsers: 9), hasUsageRow: true,
      line: 40_000_000_000)
    #expect(Self.roundTrip(account) == account)
    #expect(Self.roundTrip(Self.bare()) == Self.bare())
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
    #expect(Self.roundTrip(account) == account)
    account.expansionCeiling = nil
    #expect(Self.roundTrip(account).expansionCeiling == nil)
  }

  @Test(
    "the current tier reads back as given, nil included",
    arguments: [nil, 1, 3, 255, 256, Int(Int32.max)] as [Int?])
  func currentTier(tier: Int?) {
    var account = Self.bare()
    account.currentTier = tier
    #expect(Self.roundTrip(account).currentTier == tier)
  }

  @Test("strategic fit reads back as given", arguments: 0...5)
  func strategicFit(fit: Int) {
    var account = Self.bare()
    account.strategicFit = fit
    #expect(Self.roundTrip(account).strategicFit == fit)
  }

  @Test(
    "each yes/no fact and optional is kept apart from the others",
    arguments: 0..<32)
  func independentFlags(bits: Int) {
    var account = Self.bare()
    account.multiBU = bits & 1 != 0
    account.sponsorLost = bits & 2 != 0
    account.hasUsageRow = bits & 4 != 0
    account.currentTier = bits & 8 != 0 ? 1 : nil
    account.expansionCeiling = bits & 16 != 0 ? .zero : nil
    #expect(Self.roundTrip(account) == account)
  }

  @Test("joining ARR and usage changes only that row")
  func joins() {
    var columns = AccountColumns()
    var first = Self.bare()
    first.id = "A"
    var second = Self.bare()
    second.id = "B"
    columns.append(first)
    columns.append(second)
    columns.addARR(Money(units: 7), to: 1)
    columns.addARR(Money(units: 5), to: 1)
    columns.setUsage(PackedUsage(Usage(activeUsers: 3)), of: 1)
    second.arr = Money(units: 12)
    second.usage = Usage(activeUsers: 3)
    second.hasUsageRow = true
    #expect(columns.rows == [first, second])
  }

  @Test("keeping rows gathers every column in the order given")
  func keeping() {
    var columns = AccountColumns()
    let accounts = (0..<5).map { number in
      var account = Self.bare()
      account.id = "A\(number)"
      account.arr = Money(units: number)
      account.currentTier = number % 2 == 0 ? number : nil
      account.line = number + 2
      return account
    }
    for account in accounts { columns.append(account) }
    #expect(columns.keeping([3, 0, 4]).rows == [accounts[3], accounts[0], accounts[4]])
  }

  @Test("a tier beyond Int32 stops the process instead of being truncated")
  func hugeTierTraps() async {
    await #expect(processExitsWith: .failure) {
      var columns = AccountColumns()
      columns.append(
        Account(
          id: "A", name: "", currentTier: Int(Int32.max) + 1, ownerID: "",
          customerSince: .init(daysSinceEpoch: 0), strategicFit: 0, expansionCeiling: nil,
          multiBU: false, sponsorLost: false, arr: .zero, usage: .unknown, hasUsageRow: false,
          line: 2))
    }
  }
}
