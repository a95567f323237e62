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

  @Test("map joins heap-allocated results from every chunk in index order")
  func mapJoinsChunksInOrder() {
    let labels = Parallel.map(1_000, minimumChunk: 10) { "row \($0)" }
    #expect(labels == (0..<1_000).map { "row \($0)" })
  }

  @Test("both hands each side its own input and returns each side's own result")
  func bothReturnsBoth() {
    let (left, right) = Parallel.both(
      100, { (1...$0).reduce(0, +) }, Array("right".utf8), { String(decoding: $0, as: UTF8.self) })
    #expect(left == 5_050)
    #expect(right == "right")
  }
}
