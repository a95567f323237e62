import Testing

@testable import RetierCore

@Suite("CentsColumn")
struct CentsColumnTests {
  @Test(
    "Amounts read back exactly, narrow or wide",
    arguments: [
      [Int128](),
      [0, 1, -1, 999_999_999_99],
      [Int128(Int64.max), Int128(Int64.min)],
      [Int128(Int64.max) + 1, 5],
      [Int128(Int64.min) - 1, Int128(1) << 94],
    ])
  func roundTrip(amounts: [Int128]) {
    let column = CentsColumn(amounts)
    #expect(column.count == amounts.count)
    #expect(Array(column) == amounts)
  }
}
