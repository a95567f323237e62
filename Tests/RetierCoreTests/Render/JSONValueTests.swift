import Testing

@testable import RetierCore

/// `run.json`'s writer: escapes and layout, as bytes and as text.
@Suite("JSONValue")
struct JSONValueTests {
  @Test(
    "strings are quoted with the RFC 8259 escapes, other characters as they are",
    arguments: [
      ("plain", #""plain""#), ("say \"hi\"", #""say \"hi\"""#), ("a\\b", #""a\\b""#),
      ("l1\nl2\r\tx", #""l1\nl2\r\tx""#), ("\u{0}\u{1F}\u{7F}", "\"\\u0000\\u001f\u{7F}\""),
      ("é 😀 →", "\"é 😀 →\""), ("", #""""#),
    ])
  func quotes(string: String, expected: String) {
    #expect(JSONValue.quoted(string) == expected)
  }

  @Test("nested values are pretty-printed with two spaces and end with a newline")
  func layout() {
    let value = JSONValue.object([
      ("name", .string("x\"y")), ("count", .integer(-3)),
      ("share", .decimal(ExactDecimal(millionths: 100_000))),
      ("flags", .array([.bool(true), .bool(false), .null])), ("empty", .array([])),
      ("nested", .object([("inner", .object([]))])),
    ])
    let expected = """
      {
        "name": "x\\"y",
        "count": -3,
        "share": 0.1,
        "flags": [
          true,
          false,
          null
        ],
        "empty": [],
        "nested": {
          "inner": {}
        }
      }

      """
    #expect(value.text == expected)
    #expect(value.bytes == Array(expected.utf8))
  }
}
