import Foundation
import Testing

@testable import RetierCore

@Suite("Files rendered in pieces")
struct PiecewiseFileTests {
  /// The five files that grow with the book, for `result`.
  private static func files(_ result: RunResult) -> [PiecewiseFile] {
    let lookups = RunLookups(result)
    return [
      TiersCSV.piecewise(result), RejectedCSV.piecewise(result),
      ReassignmentsCSV.piecewise(result), MovementsCSV.piecewise(result, lookups: lookups),
      ReviewMemo.piecewise(ReviewDocument(result, lookups: lookups)),
      RunManifest.piecewise(
        result,
        outputs: RenderedRun.files(of: result).filter { $0.path != RunManifest.fileName }
          .map(OutputDigest.init(of:)), lookups: lookups),
    ]
  }

  /// The runs checked: the demo drop (every rule), the cap book (promotions and a demotion) and
  /// a one-account book (nothing moves, nothing is rejected).
  private static func results() throws -> [RunResult] {
    [
      try Retier.decide(DemoDropGoldenTests.demoInput()), try RunResultFixtures.capBook(),
      try RunResultFixtures.result([.init(id: "A-1", arr: "1000")]),
    ]
  }

  @Test("pieces of any size concatenate to the whole file", arguments: [1, 2, 3, 7, 100_000])
  func concatenation(itemsPerPiece: Int) throws {
    for result in try Self.results() {
      for file in Self.files(result) {
        let pieces = file.pieces(itemsPerPiece: itemsPerPiece)
        let joined = pieces.flatMap { file.renderItems($0) }
        #expect(
          joined == file.renderItems(0..<file.itemCount),
          "\(file.path), \(itemsPerPiece) items per piece")
        #expect(!file.renderItems(0..<file.itemCount).isEmpty)
      }
    }
  }

  @Test("the pieces cover every item once, in order, at most the piece size each")
  func pieceRanges() {
    let file = PiecewiseFile(path: "x", itemCount: 10) { _ in [] }
    #expect(file.pieces(itemsPerPiece: 4) == [0..<4, 4..<8, 8..<10])
    #expect(file.pieces(itemsPerPiece: 10) == [0..<10])
    #expect(file.pieces(itemsPerPiece: 0) == (0..<10).map { $0..<($0 + 1) })
    #expect(PiecewiseFile(path: "x", itemCount: 0) { _ in [] }.pieces(itemsPerPiece: 4) == [0..<0])
  }

  @Test("each file has one item per row or paragraph it lists")
  func itemCounts() throws {
    let result = try RunResultFixtures.capBook()
    let files = Self.files(result)
    #expect(
      files.map(\.path) == [
        "tiers.csv", "rejected.csv", "reassignments.csv", "movements.csv", "memo.md", "run.json",
      ])
    // Every CSV has a header and one line per item (no field here holds a line break).
    for file in files.prefix(4) {
      let lines = file.renderItems(0..<file.itemCount).split(
        separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      #expect(lines.count == file.itemCount + 2, "\(file.path)")
    }
    #expect(
      files[0].itemCount == result.book.ledger.accounts.count
        + result.book.ledger.rejectedAccounts.count)
    // The cap book has 2 promotions and 1 demotion, and no first placement.
    #expect(files[3].itemCount == 3)
    // memo.md cuts every list at memo_list_limit, so it is one piece whatever the book.
    #expect(files[4].itemCount == 1)
  }

  @Test("a memo with no movement still has each movement section, saying None.")
  func emptyMovements() throws {
    var result = try RunResultFixtures.result([.init(id: "A-1", arr: "1000")])
    // The CRM already holds the tier the run gives it: nothing moves.
    let finalTier = result.ledger.decisionList[0].finalTier
    result.book.ledger = result.ledger.changingAccounts { $0[0].currentTier = finalTier }
    let memo = ReviewMemo.piecewise(ReviewDocument(result, lookups: RunLookups(result)))
    let text = String(decoding: memo.renderItems(0..<memo.itemCount), as: UTF8.self)
    #expect(text.contains("## First placements (0)\n\nNone.\n\n## Promotions (0)\n\nNone.\n\n"))
    #expect(
      text.contains(
        "## Demotions (0)\n\nNone.\n\n## Conversations by holder\n\nNo account memos this "
          + "quarter.\n"))
  }

  @Test(
    "run.json in pieces is one JSON object listing every output in path order",
    arguments: [0, 1, 3])
  func manifest(outputCount: Int) throws {
    let result = try RunResultFixtures.capBook()
    let outputs = (0..<outputCount).reversed().map {
      OutputDigest(
        path: "memos/M\($0).md", byteCount: $0, sha256: String(repeating: "a", count: 64))
    }
    let file = RunManifest.piecewise(
      result, outputs: outputs, lookups: RunLookups(result))
    for itemsPerPiece in [1, 2] {
      let bytes = file.pieces(itemsPerPiece: itemsPerPiece).flatMap { file.renderItems($0) }
      #expect(bytes == file.renderItems(0..<file.itemCount))
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
      let listed = try #require(object["outputs"] as? [[String: Any]])
      #expect(listed.map { $0["file"] as? String } == (0..<outputCount).map { "memos/M\($0).md" })
      #expect(object["tool"] as? String == "retier")
      #expect((object["tiers"] as? [Any])?.count == result.configuration.tierCount + 1)
    }
    #expect(file.renderItems(0..<file.itemCount).last == UInt8(ascii: "\n"))
  }
}
