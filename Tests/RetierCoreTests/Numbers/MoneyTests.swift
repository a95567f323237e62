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
      // Long enough to overflow Int128 if the digits were accumulated before being counted.
      String(repeating: "9", count: 39), String(repeating: "9", count: 60) + ".99",
      "-" + String(repeating: "1", count: 45),
    ])
  func rejectsInvalidMoney(text: String) {
    #expect(Money(text) == nil)
  }

  @Test(
    "prints two decimals and groups whole units",
    arguments: [
      (0, "0.00", "0"), (5, "0.05", "0"), (123_450, "1234.50", "1,235"),
      (123_449, "1234.49", "1,234"),
      (-1_234, "-12.34", "-12"), (123_456_789_00, "123456789.00", "123,456,789"),
    ] as [(Int, String, String)])
  func formats(cents: Int, plain: String, grouped: String) {
    let money = Money(cents: Int128(cents))
    #expect(money.description == plain)
    #expect(money.groupedWholeUnits == grouped)
  }

  @Test(
    "extreme amounts print every digit, as the integer they hold",
    arguments: [
      (
        Int128.max, "1701411834604692317316873037158841057.27",
        "1,701,411,834,604,692,317,316,873,037,158,841,057"
      ),
      (
        Int128.min + 1, "-1701411834604692317316873037158841057.27",
        "-1,701,411,834,604,692,317,316,873,037,158,841,057"
      ),
      (Int128(UInt64.max), "184467440737095516.15", "184,467,440,737,095,516"),
      (-Int128(UInt64.max) - 1, "-184467440737095516.16", "-184,467,440,737,095,516"),
      (-5, "-0.05", "0"), (-50, "-0.50", "-1"), (-100, "-1.00", "-1"),
      (
        99_999_999_999_999_999, "999999999999999.99",
        "1,000,000,000,000,000"
      ),
    ] as [(Int128, String, String)])
  func formatsExtremes(cents: Int128, plain: String, grouped: String) {
    let money = Money(cents: cents)
    #expect(money.description == plain)
    #expect(money.groupedWholeUnits == grouped)
    var bytes: [UInt8] = []
    money.appendDescription(to: &bytes)
    #expect(bytes == Array(plain.utf8))
  }

  @Test(
    "prose amounts group the units and show cents only when there are any",
    arguments: [
      (0, "0"), (5, "0.05"), (-5, "-0.05"), (100, "1"), (-100, "-1"), (123_450, "1,234.50"),
      (-123_450, "-1,234.50"), (100_000_000, "1,000,000"), (10_938_272, "109,382.72"),
    ] as [(Int, String)])
  func prose(cents: Int, expected: String) {
    var bytes: [UInt8] = []
    Money(cents: Int128(cents)).appendProse(to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == expected)
  }

  @Test("appending writes after what is already there")
  func appends() {
    var bytes = Array("arr=".utf8)
    Money(cents: 1_234).appendDescription(to: &bytes)
    bytes.append(UInt8(ascii: ";"))
    Money(cents: -123_456_789).appendGroupedWholeUnits(to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "arr=12.34;-1,234,568")
  }

  @Test("adds and compares exactly")
  func arithmetic() throws {
    var total = Money.zero
    for _ in 0..<10 { total += try #require(Money("0.10")) }
    #expect(total == Money(units: 1))
    #expect(try #require(Money("-0.01")) < .zero)
  }
}
