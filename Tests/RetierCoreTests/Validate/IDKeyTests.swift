import RetierTestSupport
import Testing

@testable import RetierCore

/// Id keys must order and compare ASCII ids exactly as `String` does.
@Suite("Id keys")
struct IDKeyTests {
  @Test("keys of ids up to 16 bytes order and compare as the strings do")
  func ordersAsStrings() throws {
    var random = SplitMix64(seed: 16)
    let alphabet = Array("AZaz09-_ ~!".utf8)
    let ids = (0..<400).map { _ in
      String(decoding: (0..<random.below(17)).map { _ in random.pick(alphabet) }, as: UTF8.self)
    }
    for left in ids.prefix(60) {
      for right in ids {
        let lhs = try #require(IDKey(left))
        let rhs = try #require(IDKey(right))
        #expect((lhs == rhs) == (left == right))
        #expect(((lhs.high, lhs.low) < (rhs.high, rhs.low)) == (left < right), "\(left) \(right)")
        #expect(lhs.isWhole)
        #expect(lhs.wholeHash == IDKey.hash(of: left))
      }
    }
  }

  @Test("a longer id keeps its first 16 bytes and is not whole; its hash covers every byte")
  func longIDs() throws {
    let short = try #require(IDKey("ABCDEFGHIJKLMNOP"))
    let long = try #require(IDKey("ABCDEFGHIJKLMNOPQ"))
    #expect(short.isWhole && !long.isWhole)
    #expect((short.high, short.low) == (long.high, long.low))
    #expect(IDKey.hash(of: "ABCDEFGHIJKLMNOPQ") != IDKey.hash(of: "ABCDEFGHIJKLMNOPR"))
    #expect(IDKey.hash(of: "ABCDEFGHIJKLMNOPQ") != short.wholeHash)
  }

  @Test(
    "ids that are not ASCII have no key",
    arguments: ["é", "e\u{301}", "\u{212A}", "ABCDEFGHIJKLMNOPQé"])
  func nonASCII(_ id: String) {
    #expect(IDKey(id) == nil)
  }

  @Test("the empty id's key is below every other and no ASCII id is the non-ASCII marker")
  func markers() throws {
    let empty = try #require(IDKey(""))
    #expect(empty == .empty)
    let one = try #require(IDKey("\u{1}"))
    #expect((one.high, one.low) > (empty.high, empty.low))
    #expect(try #require(IDKey("\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}")) != .notASCII)
  }
}
