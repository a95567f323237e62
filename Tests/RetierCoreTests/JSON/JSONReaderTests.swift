import Foundation
import RetierTestSupport
import Testing

@testable import RetierCore

@Suite("The strict JSON reader: config and run.json, only the members asked for built")
struct JSONReaderTests {
  /// The members of `json` as `JSONReader` reads them, `nil` when it refuses the text.
  static func members(_ json: String) -> [(String, JSONReader.Value)]? {
    var reader = JSONReader(Array(json.utf8))
    var members: [(String, JSONReader.Value)] = []
    do throws(JSONReader.SyntaxError) {
      try reader.forEachMember {
        (key: String, reader: inout JSONReader) throws(JSONReader.SyntaxError) in
        members.append((key, try reader.value()))
      }
    } catch {
      return nil
    }
    return members
  }

  @Test("values, escapes and surrogate pairs read as JSON defines them")
  func readsValues() throws {
    let members = try #require(
      Self.members(
        #"{"a": [1, -2.50, 3e2, true, false, null], "s": "q\"\\\/\n\t\u00e9\ud83d\ude00", "#
          + #""o": {}, "e": []}"#))
    #expect(members.map(\.0) == ["a", "s", "o", "e"])
    #expect(
      members[0].1
        == .array([
          .number("1"), .number("-2.50"), .number("3e2"), .bool(true), .bool(false), .null,
        ]))
    #expect(members[1].1 == .string("q\"\\/\n\té😀"))
    #expect(members[2].1 == .object([]) && members[3].1 == .array([]))
  }

  @Test(
    "text that is not one JSON object is refused",
    arguments: [
      "", "[]", #"{"a": 1} x"#, #"{"a": 01}"#, #"{"a": 1,}"#, #"{"a" 1}"#, #"{"a": "\x"}"#,
      "{\"a\": \"tab\there\"}", #"{"a": tru}"#, #"{"a": "\ud800"}"#, #"{"a": [1 2]}"#,
      #"{"a": -}"#, #"{"a": 1.}"#, #"{a: 1}"#,
    ])
  func refusesNonJSON(json: String) {
    #expect(Self.members(json) == nil)
  }

  /// `{"s": "<bytes>"}` with `bytes` spliced in raw, before or after an escape.
  @Test(
    "a string's UTF-8 is checked with or without escapes: invalid bytes are refused",
    arguments: [
      ([0xC3, 0xA9], "é"), ([0x5C, 0x6E, 0xC3, 0xA9], "\né"), ([0x61, 0xE2, 0x82, 0xAC], "a€"),
      ([0xC3], nil), ([0xFF, 0x61], nil), ([0x5C, 0x6E, 0xC3], nil), ([0xED, 0xA0, 0x80], nil),
    ] as [([UInt8], String?)])
  func checksUTF8(bytes: [UInt8], text: String?) {
    var reader = JSONReader(Array(#"{"s": ""#.utf8) + bytes + Array(#""}"#.utf8))
    var read: JSONReader.Value?
    do throws(JSONReader.SyntaxError) {
      try reader.forEachMember {
        (_: String, reader: inout JSONReader) throws(JSONReader.SyntaxError) in
        read = try reader.value()
      }
    } catch {
      read = nil
    }
    #expect(read == text.map { .string($0) })
  }

  @Test("a skipped member is still checked: broken JSON there refuses the manifest")
  func skippedMembersAreChecked() {
    let broken = Array(
      #"{"quarter": "2026-Q2", "outputs": [], "counts": {"promotions": 1,}}"#.utf8)
    #expect(
      throws: PreviousRunManifest.Refusal(
        file: "run.json", reason: "is not strict JSON: at counts.promotions: expected a string")
    ) {
      try PreviousRunManifest.read(broken).get()
    }
  }

  /// What `JSONReader.check` says of `json`, `nil` when it accepts it.
  static func refusal(_ json: [UInt8]) -> String? {
    do throws(JSONReader.SyntaxError) {
      try JSONReader.check(json)
      return nil
    } catch {
      return error.description
    }
  }

  @Test(
    "a repeated key, trailing text or an unpaired surrogate is refused, naming the JSON path",
    arguments: [
      (#"{"a": 1, "a": 2}"#, "key 'a' is given twice; every key may appear once"),
      (
        #"{"tiers": [{"name": "x"}, {"name": "y", "min_score": 1, "min_score": 2}]}"#,
        "key 'tiers[1].min_score' is given twice; every key may appear once"
      ),
      (#"{"a": "x", "\u0061": 1}"#, "key 'a' is given twice; every key may appear once"),
      (#"{"a": 1} {"b": 2}"#, "text after the end of the JSON value"),
      (#"{"t": [1, 2, {"u": "\udc00"}]}"#, "at t[2].u: an unpaired surrogate escape"),
      (#"{"t": "\ud800x"}"#, "at t: an unpaired surrogate escape"),
      (#"{"tiers": [{"min_score": tru}]}"#, "at tiers[0].min_score: not a JSON value"),
      (#"{"a": [1 2]}"#, "at a[0]: expected ',' or ']'"),
    ])
  func refusesWithPath(json: String, description: String) {
    #expect(Self.refusal(Array(json.utf8)) == description)
  }

  @Test("invalid UTF-8 in a value is refused where it is")
  func invalidUTF8() {
    let json = Array(#"{"a": {"b": ""#.utf8) + [0xFF] + Array(#""}}"#.utf8)
    #expect(Self.refusal(json) == "at a.b: invalid UTF-8")
  }

  @Test("nesting is bounded: 64 levels are read, 65 refused before any deeper recursion")
  func depth() {
    let deep = { (levels: Int) in
      Array((String(repeating: "[", count: levels) + String(repeating: "]", count: levels)).utf8)
    }
    #expect(Self.refusal(deep(JSONReader.maximumDepth)) == nil)
    #expect(
      Self.refusal(deep(JSONReader.maximumDepth + 1))?.hasSuffix("nested deeper than 64 levels")
        == true)
    // A million brackets: refused at level 65, never a stack overflow.
    #expect(Self.refusal(deep(1_000_000)) != nil)
  }

  @Test("Foundation's JSONSerialization and this reader agree on generated documents")
  func agreesWithFoundation() throws {
    var random = SplitMix64(seed: 18)
    for _ in 0..<50 {
      let count = Int(random.next() % 6)
      let members = (0..<count).map { index -> String in
        let number = Int64(bitPattern: random.next()) % 1_000_000
        let text = "id-\(random.next() % 1000)\u{1}é\"\\"
        let value: String =
          switch random.next() % 4 {
          case 0: "\(number)"
          case 1: String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
          case 2: "[\(number), null, {\"k\": true}]"
          default: "{\"n\": \(number), \"s\": \"x\"}"
          }
        return "\"m\(index)\": \(value)"
      }
      let json = "{" + members.joined(separator: ", ") + "}"
      let read = try #require(Self.members(json))
      let foundation = try #require(
        try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
      #expect(read.count == foundation.count)
      for (key, value) in read {
        if case .string(let text) = value { #expect(foundation[key] as? String == text) }
        if let integer = value.integer {
          #expect((foundation[key] as? NSNumber)?.intValue == integer)
        }
      }
    }
  }
}
