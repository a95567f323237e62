import Foundation
import RetierTestSupport
import Testing

@testable import RetierCore

@Suite("The run.json reader: strict JSON, only the members asked for built")
struct ManifestJSONReaderTests {
  /// The members of `json` as `ManifestJSONReader` reads them, `nil` when it refuses the text.
  static func members(_ json: String) -> [(String, ManifestJSONReader.Value)]? {
    var reader = ManifestJSONReader(Array(json.utf8))
    var members: [(String, ManifestJSONReader.Value)] = []
    do throws(ManifestJSONReader.SyntaxError) {
      try reader.forEachMember {
        (key: String, reader: inout ManifestJSONReader) throws(ManifestJSONReader.SyntaxError) in
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
    var reader = ManifestJSONReader(Array(#"{"s": ""#.utf8) + bytes + Array(#""}"#.utf8))
    var read: ManifestJSONReader.Value?
    do throws(ManifestJSONReader.SyntaxError) {
      try reader.forEachMember {
        (_: String, reader: inout ManifestJSONReader) throws(ManifestJSONReader.SyntaxError) in
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
      #"{"quarter": "2026-Q2", "outputs": [{"file": "a", "bytes": 1,}]}"#.utf8)
    #expect(
      throws: PreviousRunManifest.Refusal(message: "its run.json is not a retier run manifest")
    ) {
      try PreviousRunManifest.read(broken).get()
    }
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
