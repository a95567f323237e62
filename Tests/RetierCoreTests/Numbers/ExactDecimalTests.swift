import Foundation
import Testing

@testable import RetierCore

@Suite("ExactDecimal")
struct ExactDecimalTests {
  @Test(
    "parses and prints the shortest exact text",
    arguments: [
      ("12", "12"), ("0.1", "0.1"), ("0.10", "0.1"), ("1.10", "1.1"), ("-1.25", "-1.25"),
      ("0.000001", "0.000001"), ("2.500000", "2.5"),
    ])
  func roundTrips(text: String, printed: String) throws {
    #expect(try #require(ExactDecimal(text)).description == printed)
  }

  @Test(
    "prints zero, negatives, fractions and the extremes of its integer",
    arguments: [
      (Int128(0), "0"), (-500_000, "-0.5"), (1_000_001, "1.000001"), (-1, "-0.000001"),
      (123_450_000, "123.45"), (-12_000_000, "-12"), (100_000, "0.1"), (10, "0.00001"),
      (Int128(UInt64.max), "18446744073709.551615"),
      (Int128(UInt64.max) + 1, "18446744073709.551616"),
      (Int128.max, "170141183460469231731687303715884.105727"),
      (Int128.min + 1, "-170141183460469231731687303715884.105727"),
      (Int128.min, "-170141183460469231731687303715884.105728"),
    ] as [(Int128, String)])
  func prints(millionths: Int128, printed: String) {
    let decimal = ExactDecimal(millionths: millionths)
    #expect(decimal.description == printed)
    var bytes = Array("=".utf8)
    decimal.appendDescription(to: &bytes)
    #expect(bytes == Array(("=" + printed).utf8))
  }

  @Test(
    "rejects more than six decimals, non-numbers and too many digits (a config value too)",
    arguments: ["0.0000001", "", "a", "1e2", String(repeating: "7", count: 40) + ".5"])
  func rejects(text: String) {
    #expect(ExactDecimal(text) == nil)
  }

  @Test(
    "ceiling and floor of a share of a count are exact",
    arguments: [
      ("0.10", 600, 60, 60), ("0.10", 595, 60, 59), ("0.25", 10, 3, 2), ("0.10", 0, 0, 0),
      ("0.1", 10, 1, 1), ("0.333333", 3, 1, 0),
    ] as [(String, Int, Int, Int)])
  func ceilingAndFloor(share: String, count: Int, ceiling: Int, floor: Int) throws {
    let decimal = try #require(ExactDecimal(share))
    #expect(decimal.ceilingOfProduct(with: count) == ceiling)
    #expect(decimal.floorOfProduct(with: count) == floor)
  }

  @Test("decodes JSON numbers without binary floating point")
  func decodesJSONExactly() throws {
    let json = Data(#"[0.1, 1.10, 0.3, 500000, "0.8", 0.000001]"#.utf8)
    let values = try JSONDecoder().decode([ExactDecimal].self, from: json)
    #expect(values.map(\.millionths) == [100_000, 1_100_000, 300_000, 500_000_000_000, 800_000, 1])
  }

  @Test("ratio comparisons are exact at the boundary")
  func ratioBoundaries() throws {
    let ratio = try #require(ExactDecimal("0.9"))
    #expect(ExactDecimal.isAtLeast(90, ratio: ratio, of: 100))
    #expect(!ExactDecimal.isAtLeast(89, ratio: ratio, of: 100))
    #expect(ExactDecimal.isBelow(89, ratio: ratio, of: 100))
    #expect(!ExactDecimal.isBelow(90, ratio: ratio, of: 100))
  }
}
