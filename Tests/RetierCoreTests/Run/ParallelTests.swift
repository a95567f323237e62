import Testing

@testable import RetierCore

@Suite("Parallel")
struct ParallelTests {
  @Test(
    "map returns every result in index order, whatever the chunking",
    arguments: [0, 1, 2, 15, 16, 17, 1_000, 10_007])
  func mapKeepsIndexOrder(count: Int) {
    let squares = Parallel.map(count) { $0 * $0 }
    #expect(squares == (0..<count).map { $0 * $0 })
  }

  @Test("map with a minimum chunk larger than the count runs serially and still matches")
  func mapMinimumChunk() {
    #expect(Parallel.map(10, minimumChunk: 100) { String($0) } == (0..<10).map(String.init))
  }

  @Test("both returns each side's own result")
  func bothReturnsBoth() {
    let (left, right) = Parallel.both({ (1...100).reduce(0, +) }, { "right" })
    #expect(left == 5_050)
    #expect(right == "right")
  }
}
