import Testing

@testable import RetierCore

@Suite("Money")
struct MoneyTests {
  @Test(
    "parses plain decimals with at most two decimals",
    arguments: [
      ("0", 0), ("1234", 123_400), ("1234.5", 123_450), ("1234.56", 123_456), ("-12.34", -1_234),
      ("0.01", 1), ("-0.5", -50), ("000123", 12_300),
      ("999999999999999.99", 99_999_999_999_999_999),
    ] as [(String, Int)])
  func parsesValidMoney(text: String, cents: Int) throws {
    let money = try #require(Money(text))
    #expect(money.cents == Int128(cents))
  }

  @Test(
    "rejects anything that is not a plain decimal",
    arguments: [
      "", "-", ".", "12.", ".5", "1.234", "$12", "1,234", "1 234", " 12", "12 ", "1e3", "+12",
      "--1",
      "12.3.4", "abc", "0x10", "1234567890123456", "١٢",
    ])
  func rejectsInvalidMoney(text: String) {
    #expect(Money(text) == nil)
  }

  @Test(
    "prints two decimals and groups whole units",
    arguments: [
      (0, "0.00", "0"), (5, "0.05", "0"), (123_450, "1234.50", "1,234"),
      (-1_234, "-12.34", "-12"), (123_456_789_00, "123456789.00", "123,456,789"),
    ] as [(Int, String, String)])
  func formats(cents: Int, plain: String, grouped: String) {
    let money = Money(cents: Int128(cents))
    #expect(money.description == plain)
    #expect(money.groupedWholeUnits == grouped)
  }

  @Test("adds and compares exactly")
  func arithmetic() throws {
    var total = Money.zero
    for _ in 0..<10 { total += try #require(Money("0.10")) }
    #expect(total == Money(units: 1))
    #expect(try #require(Money("-0.01")) < .zero)
  }
}
