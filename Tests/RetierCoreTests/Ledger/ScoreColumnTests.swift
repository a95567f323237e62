import Testing

@testable import RetierCore

/// ``ScoreColumn`` stores totals in their own column and the rules and fit in a few bytes; every
/// score reads back exactly.
@Suite("Score column")
struct ScoreColumnTests {
  /// The only ref of a one-account ledger.
  private static let ref = TestAccounts.ledger([TestAccounts.account("A", arr: "1")]).refs[0]

  @Test(
    "the total reads back exactly, beyond 64 bits too",
    arguments: [
      Int128.zero, 3_250_000, -1, Int128(UInt64.max) + 1, Int128(1) << 100, Int128.max,
      Int128.min,
    ])
  func total(millionths: Int128) {
    var column = ScoreColumn()
    let scores = SignalScores(
      arrRule: .topDecile, fit: 4, expansionRule: .clearPath,
      total: ExactDecimal(millionths: millionths))
    column.append(scores)
    #expect(column[Self.ref] == scores)
    #expect(column.total(Self.ref) == scores.total)
  }

  @Test("every rule and fit reads back as given", arguments: 0...5)
  func rules(fit: Int) {
    for arrRule in ARRRule.allCases {
      for expansionRule in ExpansionRule.allCases {
        var column = ScoreColumn()
        let scores = SignalScores(
          arrRule: arrRule, fit: fit, expansionRule: expansionRule, total: ExactDecimal(fit))
        column.append(.init(arrRule: .healthy, fit: 0, expansionRule: .maxedOut, total: .zero))
        column[Self.ref] = scores
        #expect(column[Self.ref] == scores)
      }
    }
  }
}
