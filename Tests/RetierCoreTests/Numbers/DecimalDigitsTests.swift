import Testing

@testable import RetierCore

/// Integers written straight into bytes must read exactly as the standard library prints them.
@Suite("DecimalDigits")
struct DecimalDigitsTests {
  private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  @Test(
    "an Int is written as String(_:) writes it",
    arguments: [0, 1, 9, 10, 99, 100, 12_345, -1, -10, -987_654_321, Int.max, Int.min])
  func int(value: Int) {
    var bytes: [UInt8] = [UInt8(ascii: "x")]
    DecimalDigits.append(value, to: &bytes)
    #expect(text(bytes) == "x" + String(value))
  }

  @Test(
    "an Int128 is written as String(_:) writes it, across the 64-bit and 19-digit boundaries",
    arguments: [
      Int128(0), Int128(7), Int128(-7), Int128(UInt64.max), Int128(UInt64.max) + 1,
      -Int128(UInt64.max) - 1, Int128(10_000_000_000_000_000_000),
      Int128(10_000_000_000_000_000_000) - 1, Int128(10_000_000_000_000_000_000) + 1,
      Int128(10_000_000_000_000_000_000) * 10_000_000_000_000_000_000 + 5,
      Int128.max, Int128.min, Int128.min + 1,
    ])
  func int128(value: Int128) {
    var bytes: [UInt8] = []
    DecimalDigits.append(value, to: &bytes)
    #expect(text(bytes) == String(value))
  }

  @Test(
    "leading zeros pad to the minimum number of digits, never cut",
    arguments: [
      (UInt64(0), 2, "00"), (5, 2, "05"), (42, 2, "42"), (123, 2, "123"), (7, 6, "000007"),
      (0, 1, "0"), (UInt64.max, 20, "18446744073709551615"), (1, 20, "00000000000000000001"),
    ] as [(UInt64, Int, String)])
  func padded(value: UInt64, digits: Int, expected: String) {
    var bytes: [UInt8] = []
    DecimalDigits.append(value, minimumDigits: digits, to: &bytes)
    #expect(text(bytes) == expected)
  }

  @Test(
    "grouping puts a comma between groups of three digits",
    arguments: [
      (UInt128(0), "0"), (999, "999"), (1_000, "1,000"), (12_345, "12,345"),
      (123_456, "123,456"), (1_234_567, "1,234,567"),
      (UInt128(UInt64.max), "18,446,744,073,709,551,615"),
      (UInt128.max, "340,282,366,920,938,463,463,374,607,431,768,211,455"),
    ] as [(UInt128, String)])
  func grouped(value: UInt128, expected: String) {
    var bytes: [UInt8] = []
    DecimalDigits.appendGrouped(magnitude: value, to: &bytes)
    #expect(text(bytes) == expected)
  }
}
