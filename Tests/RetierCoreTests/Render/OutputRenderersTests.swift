import Testing

@testable import RetierCore

@Suite("Streamed rendering")
struct OutputRenderersTests {
  /// The demo drop decided once; it has a few dozen account memos.
  private static func demoResult() throws -> RunResult {
    try Retier.decide(DemoDropGoldenTests.demoInput())
  }

  @Test(
    "batches hold the top-level files, then at most the batch size of memos each",
    arguments: [1, 7, 4096])
  func batches(batchSize: Int) throws {
    let result = try Self.demoResult()
    var batches: [[OutputFile]] = []
    _ = OutputRenderers.render(result, memoBatchSize: batchSize) { batches.append($0) }
    let first = try #require(batches.first)
    #expect(
      first.map(\.path)
        == ["tiers.csv", "rejected.csv", "reassignments.csv", "movements.csv", "memo.md"])
    let memoBatches = batches.dropFirst()
    let memoCount = memoBatches.reduce(0) { $0 + $1.count }
    #expect(memoCount > 10)
    #expect(memoBatches.count == (memoCount + batchSize - 1) / batchSize)
    #expect(memoBatches.allSatisfy { !$0.isEmpty && $0.count <= batchSize })
    let memoPaths = memoBatches.flatMap { $0.map(\.path) }
    #expect(memoPaths.allSatisfy { $0.hasPrefix("memos/") })
    #expect(memoPaths == memoPaths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
  }

  @Test("the streamed files and digests are the in-memory render's files and their checksums")
  func sameAsInMemory() throws {
    let result = try Self.demoResult()
    var streamed: [OutputFile] = []
    var emittedAfterManifest = 0
    let digests = Retier.render(result) { (batch: [OutputFile]) -> Void in
      if streamed.contains(where: { $0.path == RunManifest.fileName }) {
        emittedAfterManifest += batch.count
      }
      streamed += batch
    }
    #expect(emittedAfterManifest == 0)
    #expect(streamed.last?.path == RunManifest.fileName)
    #expect(digests == streamed.map(OutputDigest.init(of:)))
    let inMemory = Retier.render(result)
    #expect(
      streamed.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) } == inMemory)
    #expect(Set(streamed.map(\.path)).count == streamed.count)
  }

  @Test("a failing emit stops rendering at the batch that failed")
  func failureStops() throws {
    struct Full: Error {}
    let result = try Self.demoResult()
    var calls = 0
    #expect(throws: Full.self) {
      _ = try OutputRenderers.render(result, memoBatchSize: 3) { (_: [OutputFile]) throws(Full) in
        calls += 1
        if calls == 2 { throw Full() }
      }
    }
    #expect(calls == 2)
  }
}
