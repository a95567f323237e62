import Testing

@testable import RetierCore

@Suite("Explain text on one line")
struct ExplainTextTests {
  @Test(
    "control characters and line separators are escaped; other text is kept",
    arguments: [
      ("Acme\nCorp", #"Acme\nCorp"#), ("A\r\nB", #"A\r\nB"#), ("tab\there", #"tab\there"#),
      ("bell\u{7}", #"bell\u{7}"#), ("del\u{7F}", #"del\u{7F}"#), ("nel\u{85}", #"nel\u{85}"#),
      ("ls\u{2028}ps\u{2029}", #"ls\u{2028}ps\u{2029}"#), ("Café Zürich", "Café Zürich"),
      (#"back\slash "quote""#, #"back\slash "quote""#), ("", ""),
    ])
  func oneLine(text: String, expected: String) {
    #expect(ExplainText.oneLine(text) == expected)
    #expect(!ExplainText.oneLine(text).contains { $0.isNewline })
  }

  @Test("quoted text is on one line in double quotes")
  func quoted() {
    #expect(ExplainText.quoted("Acme\nCorp") == #""Acme\nCorp""#)
  }
}
