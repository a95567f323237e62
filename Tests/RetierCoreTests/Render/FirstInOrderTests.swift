import RetierTestSupport
import Testing

@testable import RetierCore

@Suite("First elements in order, without a full sort")
struct FirstInOrderTests {
  @Test(
    "the first k of a list equal the prefix of the sorted list, ties broken by the second key",
    arguments: [0, 1, 2, 7, 200, 999, 1_000, 1_001])
  func equalsSortedPrefix(count: Int) {
    var random = SplitMix64(seed: UInt64(count) + 11)
    // Few distinct amounts, so that the tie-break decides often.
    let elements = (0..<1_000).map { index in (amount: random.below(17), id: index) }
    let order = { (left: (amount: Int, id: Int), right: (amount: Int, id: Int)) -> Bool in
      left.amount != right.amount ? left.amount > right.amount : left.id < right.id
    }
    let first = FirstInOrder.first(count, of: elements.shuffled(using: &random), by: order)
    let expected = Array(elements.sorted(by: order).prefix(count))
    #expect(first.map(\.id) == expected.map(\.id))
  }
}
