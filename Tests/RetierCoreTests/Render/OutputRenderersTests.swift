import Testing

@testable import RetierCore

@Suite("Streamed rendering")
struct OutputRenderersTests {
  /// The demo drop decided once; it has a few dozen account memos.
  private static func demoResult() throws -> RunResult {
    try Retier.decide(DemoDropGoldenTests.demoInput())
  }

  @Test(
    "the top-level files come a piece per batch, then the memos at most the batch size each",
    arguments: [(1, 1), (7, 2), (4096, 16_384)])
  func batches(memoBatchSize: Int, itemsPerPiece: Int) throws {
    let result = try Self.demoResult()
    var batches: [[OutputFile]] = []
    _ = OutputRenderers.render(
      result, memoBatchSize: memoBatchSize, itemsPerPiece: itemsPerPiece
    ) { batches.append($0) }
    let pieces = batches.prefix { $0.first?.path.hasPrefix("memos/") == false }
    #expect(pieces.allSatisfy { $0.count == 1 })
    // Each file's pieces come together, the first one starting the file.
    var files: [OutputFile] = []
    for piece in pieces.joined() {
      if piece.isContinuation {
        let last = try #require(files.indices.last)
        #expect(files[last].path == piece.path)
        files[last].bytes += piece.bytes
      } else {
        files.append(piece)
      }
    }
    #expect(
      files.map(\.path)
        == [
          "tiers.csv", "rejected.csv", "reassignments.csv", "movements.csv", "memo.md",
          "memo.html",
          CRMFiles.hubSpotPath, CRMFiles.salesforcePath, CRMFiles.tierFieldUpdatePath,
          CRMFiles.unassignedPath,
        ])
    #expect(files[0].bytes == RenderedRun.bytes("tiers.csv", of: result))
    #expect(files[4].bytes == RenderedRun.bytes("memo.md", of: result))
    #expect(files[5].bytes == RenderedRun.bytes("memo.html", of: result))
    #expect(
      pieces.count(where: { $0[0].path == "tiers.csv" })
        == (result.tierRowCount + itemsPerPiece - 1) / itemsPerPiece)

    let memoBatches = batches.dropFirst(pieces.count)
    let memoCount = memoBatches.reduce(0) { $0 + $1.count }
    #expect(memoCount > 10)
    #expect(memoBatches.count == (memoCount + memoBatchSize - 1) / memoBatchSize)
    #expect(memoBatches.allSatisfy { !$0.isEmpty && $0.count <= memoBatchSize })
    let memoPaths = memoBatches.flatMap { $0.map(\.path) }
    #expect(memoPaths.allSatisfy { $0.hasPrefix("memos/") })
    #expect(memoPaths == memoPaths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
  }

  @Test("run.json comes last, after every other file, and its digests are the joined pieces'")
  func manifestLastWithWholeFileDigests() throws {
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
    // One digest per file, whole: the checksum of its pieces joined in the order they came.
    var joined: [String: [UInt8]] = [:]
    for piece in streamed { joined[piece.path, default: []] += piece.bytes }
    #expect(digests.count == joined.count)
    for digest in digests {
      let bytes = try #require(joined[digest.path])
      #expect(digest.sha256 == SHA256.hexDigest(bytes), "\(digest.path)")
      #expect(digest.byteCount == bytes.count, "\(digest.path)")
    }
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
