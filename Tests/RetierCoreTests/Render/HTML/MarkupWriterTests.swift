import Testing

@testable import RetierCore

@Suite("Markup writer")
struct MarkupWriterTests {
  /// Text that tries to become markup, with what the writer must write for it.
  static let escapes: [(text: String, markup: String)] = [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("\"><svg onload=alert(1)>", "&quot;&gt;&lt;svg onload=alert(1)&gt;"),
    ("' onmouseover='x", "&#39; onmouseover=&#39;x"),
    ("Fish & Chips", "Fish &amp; Chips"),
    ("&amp;", "&amp;amp;"),
    ("]]>", "]]&gt;"),
    ("tab\there\nline\r\u{0}nul\u{7F}del\u{85}next\u{2028}sep", "tab here line  nul del next sep"),
    ("\u{FFFE}\u{FFFF}", "\u{FFFD}\u{FFFD}"),
    ("Ωé 北京 🙂", "Ωé 北京 🙂"),
    ("plain", "plain"),
  ]

  @Test("text is escaped: &<>\"' as entities, control characters as spaces", arguments: escapes)
  func textEscaped(text: String, markup: String) {
    var writer = MarkupWriter()
    writer.element("p", text: text)
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "<p>\(markup)</p>")
  }

  @Test(
    "attribute values are escaped the same way and stay inside their quotes", arguments: escapes)
  func attributeEscaped(text: String, markup: String) throws {
    var writer = MarkupWriter()
    writer.empty("rect", ["aria-label": text])
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "<rect aria-label=\"\(markup)\" />")
    let document = try StrictMarkup(writer.bytes)
    #expect(document.elements.count == 1)
    #expect(document.elements[0].attributes.map(\.name) == ["aria-label"])
  }

  @Test(
    "escaped text reads back as the text, with control characters as spaces", arguments: escapes)
  func roundTrip(text: String, markup: String) throws {
    var writer = MarkupWriter()
    writer.open("div")
    writer.element("span", ["title": text], text: text)
    writer.close()
    let document = try StrictMarkup(writer.bytes)
    let expected = String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar -> Unicode.Scalar in
          switch scalar.value {
          case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: " "
          case 0xFFFE, 0xFFFF: "\u{FFFD}"
          default: scalar
          }
        }))
    #expect(document.texts.map(\.text) == [expected])
    #expect(document.elements.map(\.name) == ["div", "span"])
    #expect(document.elements[1].attributes.first?.value == expected)
  }

  @Test("elements nest and close in order, empty elements self-close")
  func nesting() {
    var writer = MarkupWriter()
    writer.doctype()
    writer.open("html", ["lang": "en"])
    writer.open("body")
    writer.empty("br")
    writer.close()
    writer.closeLine()
    #expect(
      String(decoding: writer.bytes, as: UTF8.self)
        == "<!DOCTYPE html>\n<html lang=\"en\"><body><br /></body></html>\n")
  }

  @Test("the style sheet is written as it is, inside <style>")
  func styleSheet() {
    var writer = MarkupWriter()
    writer.styleSheet("a { color: #000; }")
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "<style>a { color: #000; }</style>\n")
  }

  @Test(
    "the strict reader refuses what is not well-formed or lets text become markup",
    arguments: [
      "<p>a</q>", "<p>a", "<p>a</p><p>b</p>", "<p>a & b</p>", "<p>a > b</p>", "<p x='1'>a</p>",
      "<p x=\"1\" x=\"2\">a</p>", "<p><!-- c --></p>", "<p>&nbsp;</p>", "<p x=\"<\">a</p>",
      "<p>\u{1}</p>", "text<p>a</p>",
    ])
  func strictReaderRefuses(markup: String) {
    #expect(throws: StrictMarkup.Failure.self) { try StrictMarkup(Array(markup.utf8)) }
  }
}
