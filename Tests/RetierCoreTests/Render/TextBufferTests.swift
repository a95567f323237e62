import Testing

@testable import RetierCore

/// The byte buffer the renderers write into: fragments, and the in-place Markdown and one-line
/// transformations, which must give exactly what the `String` functions give.
@Suite("TextBuffer")
struct TextBufferTests {
  /// Input text that exercises every rule: controls, separators, C1 controls, bidirectional
  /// controls, edge spaces, punctuation, multi-byte characters that share lead bytes with the
  /// separators and bidirectional controls.
  static let hostileTexts = [
    "", " ", "  \n ", "plain", " padded ", "Acme | Co", "*bold* _it_ `code` [a](b) <b> ~x~ & #1",
    "a\\b", "tab\there", "line\nbreak\r\nend", "nul\u{0}del\u{7F}", "c1\u{85}x\u{9F}y",
    "sep\u{2028}para\u{2029}", "Tier 1 → Tier 2 − 3 × 4 ⌊5⌋", "é ü ß 😀", "\u{A0}nbsp\u{A0}",
    " \u{2028} ", "x\u{2027}y\u{202A}z", "→", "trailing control\u{1}", "\u{1}leading",
    "evil\u{202E}txt.exe", "\u{2066}iso\u{2069} \u{2067}r\u{2068}f\u{200E}\u{200F}",
    "عربي\u{061C}ا", "nnbsp\u{202F}x\u{2065}y\u{206A}z\u{200D}",
  ]

  /// The one-line rule, written independently over Unicode scalars.
  private static func expectedOneLine(_ text: String) -> String {
    var scalars: [Unicode.Scalar] = text.unicodeScalars.map { scalar in
      let value = scalar.value
      let isBreaking =
        value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || value == 0x2028
        || value == 0x2029 || value == 0x061C || value == 0x200E || value == 0x200F
        || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
      return isBreaking ? " " : scalar
    }
    while scalars.first == " " { scalars.removeFirst() }
    while scalars.last == " " { scalars.removeLast() }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// The Markdown rule: one line, then a backslash before each punctuation character.
  private static func expectedEscaped(_ text: String) -> String {
    var escaped = String.UnicodeScalarView()
    for scalar in expectedOneLine(text).unicodeScalars {
      if "\\`*_[]<>|~&#".unicodeScalars.contains(scalar) { escaped.append("\\") }
      escaped.append(scalar)
    }
    return String(escaped)
  }

  @Test(
    "escaping in place matches the rule and leaves the text before the offset alone",
    arguments: hostileTexts)
  func escapesTail(text: String) {
    var buffer = TextBuffer()
    buffer.append("| *kept* | ")
    let start = buffer.count
    buffer.append(text)
    buffer.escapeMarkdown(from: start)
    // Bytes, not `String` equality, which would take canonically equivalent text as equal.
    #expect(buffer.bytes == Array(("| *kept* | " + Self.expectedEscaped(text)).utf8))
    #expect(Array(ReviewMemo.escaped(text).utf8) == Array(Self.expectedEscaped(text).utf8))
  }

  @Test(
    "one line in place matches the rule and leaves the text before the offset alone",
    arguments: hostileTexts)
  func oneLineTail(text: String) {
    var buffer = TextBuffer()
    buffer.append(" \n")
    let start = buffer.count
    buffer.append(text)
    buffer.makeOneLine(from: start)
    #expect(buffer.bytes == Array((" \n" + Self.expectedOneLine(text)).utf8))
    #expect(Array(Prose.oneLine(text).utf8) == Array(Self.expectedOneLine(text).utf8))
  }

  @Test("input text fragments escape only themselves")
  func inputFragments() {
    var buffer = TextBuffer()
    buffer.append("**", .escaped("a_b\nc"), "** ", .oneLine(" x\ty "), " |")
    #expect(buffer.string == "**a\\_b c** x y |")
  }

  @Test("numbers, dates and reasons are written as their descriptions")
  func valueFragments() throws {
    var buffer = TextBuffer(capacity: 8)
    let date = try #require(CalendarDate(year: 2026, month: 10, day: 14))
    buffer.append(
      -12, " ", ExactDecimal(millionths: 1_250_000), " ", date, " ", TierReason.cap(tier: 2), " ",
      TierReason.newLogo, " ", .amount(Money(cents: 123_456_789)), " ",
      .amount(ExactDecimal(millionths: 1_234_567)), " ", .amount(ExactDecimal(5_000)))
    #expect(buffer.string == "-12 1.25 2026-10-14 tier2_cap new_logo 1,234,567.89 1.234567 5,000")
  }

  @Test("emptying keeps nothing of the old text")
  func removeAll() {
    var buffer = TextBuffer()
    buffer.append("old text")
    buffer.removeAll()
    buffer.append("new")
    #expect(buffer.bytes == Array("new".utf8))
  }
}
