import Testing

@testable import RetierCore

/// `SignalScores` stores its total in two words and its fit as `Int32`; both read back exactly.
@Suite("SignalScores")
struct SignalScoresTests {
  @Test(
    "the total reads back exactly, beyond 64 bits too",
    arguments: [
      Int128.zero, 3_250_000, -1, Int128(UInt64.max) + 1, Int128(1) << 100, Int128.max,
      Int128.min,
    ])
  func total(millionths: Int128) {
    var scores = SignalScores(
      arrRule: .topDecile, fit: 4, expansionRule: .clearPath, total: .zero)
    scores.total = ExactDecimal(millionths: millionths)
    #expect(scores.total == ExactDecimal(millionths: millionths))
    #expect(scores.fit == 4)
    #expect(scores.arr == 5)
    #expect(scores.expansion == 4)
  }

  @Test("the initialiser stores every field as given", arguments: 0...5)
  func initialiser(fit: Int) {
    let total = ExactDecimal(millionths: 4_123_456)
    let scores = SignalScores(
      arrRule: .nearFloor, fit: fit, expansionRule: .sponsorLost, total: total)
    #expect(scores.arrRule == .nearFloor)
    #expect(scores.fit == fit)
    #expect(scores.expansionRule == .sponsorLost)
    #expect(scores.total == total)
  }

  @Test("the record stays small: a run holds one per account")
  func stride() {
    #expect(MemoryLayout<SignalScores>.stride <= 24)
  }
}
