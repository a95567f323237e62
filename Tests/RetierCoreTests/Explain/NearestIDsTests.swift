import RetierTestSupport
import Testing

@testable import RetierCore

@Suite("Nearest ids for explain")
struct NearestIDsTests {
  private let book = [
    "ACC-0001", "ACC-0007", "ACC-0070", "ACC-0700", "ACC-1007", "acc-0007", "BETA-7", "Contoso",
    "ZETA-9",
  ]

  @Test("ids equal ignoring case come first, then the nearest by edits, at most five")
  func caseInsensitiveFirst() {
    #expect(
      NearestIDs.suggestions(for: "Acc-0007", among: book)
        == ["ACC-0007", "acc-0007", "ACC-0001", "ACC-1007", "ACC-0070"])
  }

  @Test(
    "suggestions are the nearest ids, closest first; ties by longer common prefix, then id",
    arguments: [
      // One edit: ACC-0070 shares the longest prefix; then ACC-0007 and acc-0007 by id.
      ("ACC-007", ["ACC-0070", "ACC-0007", "acc-0007", "ACC-1007", "ACC-0001"]),
      ("contoso ", ["Contoso"]),
      ("ZETA-8", ["ZETA-9", "BETA-7"]),
      ("nothing-like-it", []),
      ("", []),
    ] as [(String, [String])])
  func nearest(wanted: String, expected: [String]) {
    #expect(NearestIDs.suggestions(for: wanted, among: book) == expected)
  }

  @Test("the order does not depend on the order of the book")
  func deterministic() {
    var random = SplitMix64(seed: 16)
    for _ in 0..<20 {
      var shuffled = book
      for index in shuffled.indices.reversed() where index > 0 {
        shuffled.swapAt(index, random.below(index + 1))
      }
      #expect(
        NearestIDs.suggestions(for: "ACC-007", among: shuffled)
          == NearestIDs.suggestions(for: "ACC-007", among: book))
    }
  }

  @Test(
    "edit distance counts insertions, deletions and substitutions",
    arguments: [
      ("", "", 0), ("abc", "", 3), ("", "ab", 2), ("kitten", "sitting", 3), ("acc-7", "acc-70", 1),
      ("flaw", "lawn", 2), ("same", "same", 0),
    ])
  func editDistance(a: String, b: String, distance: Int) {
    #expect(NearestIDs.editDistance(Array(a.utf8), Array(b.utf8)) == distance)
    #expect(NearestIDs.editDistance(Array(b.utf8), Array(a.utf8)) == distance)
  }
}
