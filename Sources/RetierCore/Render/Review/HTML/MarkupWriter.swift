/// Writes HTML with inline SVG as well-formed, XHTML-compatible markup: every element closed
/// (empty ones as `<rect … />`), every attribute quoted, and every text and attribute value
/// escaped, so that text from the drop (an account named `<script>` or `"><svg onload=…>`)
/// stays text.
///
/// Element and attribute names are `StaticString`s, so only the renderer's own constants can
/// become markup; everything passed as a `String` is escaped. The one way to write unescaped
/// text is ``styleSheet(_:)``, which also takes only a constant.
struct MarkupWriter {
  /// The markup so far, UTF-8.
  private(set) var text = TextBuffer(capacity: 64 * 1024)
  /// The elements opened and not yet closed, innermost last.
  private var openElements: [StaticString] = []

  /// An empty writer.
  init() {}

  /// The markup, once every element is closed.
  var bytes: [UInt8] {
    precondition(openElements.isEmpty, "unclosed <\(openElements.last!)>")
    return text.bytes
  }

  /// Appends `<!DOCTYPE html>` and a line break.
  mutating func doctype() {
    text.append("<!DOCTYPE html>\n")
  }

  /// Opens an element: `<name a="v">`.
  mutating func open(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:])
  {
    startTag(name, attributes)
    text.append(">")
    openElements.append(name)
  }

  /// Closes the innermost open element.
  mutating func close() {
    let name = openElements.removeLast()
    text.append("</", name.description, ">")
  }

  /// Closes the innermost open element and starts a new line, for readable source.
  mutating func closeLine() {
    close()
    text.append("\n")
  }

  /// An element holding only escaped text: `<name a="v">text</name>`.
  mutating func element(
    _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:],
    text content: String
  ) {
    open(name, attributes)
    self.text(content)
    close()
  }

  /// An element without content, self-closed: `<name a="v" />`.
  mutating func empty(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:])
  {
    startTag(name, attributes)
    text.append(" />")
  }

  /// Escaped text.
  mutating func text(_ content: String) {
    Self.appendEscaped(content, to: &text)
  }

  /// A line break in the source (not in the page).
  mutating func newline() {
    text.append("\n")
  }

  /// A `<style>` element with a constant style sheet. A style sheet is raw text in HTML, where
  /// `&lt;` would not be read back, so it cannot be escaped; taking only a constant keeps input
  /// text out of it.
  mutating func styleSheet(_ css: StaticString) {
    text.append("<style>", css.description, "</style>\n")
  }

  /// `<name` and the attributes, each ` a="v"` with its value escaped.
  private mutating func startTag(
    _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String>
  ) {
    text.append("<", name.description)
    for (attribute, value) in attributes {
      text.append(" ", attribute.description, "=\"")
      Self.appendEscaped(value, to: &text)
      text.append("\"")
    }
  }

  /// Appends `content` escaped for text or a quoted attribute value of HTML and XML: `&<>"'` as
  /// entities; every character ``ControlCharacters/isControl(_:)`` accepts (controls, the line
  /// and paragraph separators, bidirectional controls) as a space (XML cannot carry most of them even as references, and a label has one line);
  /// the noncharacters U+FFFE and U+FFFF as U+FFFD.
  static func appendEscaped(_ content: String, to text: inout TextBuffer) {
    // Most text needs nothing: copy it whole.
    guard
      content.utf8.contains(where: { $0 < 0x20 || Self.escapedBytes.contains($0) || $0 >= 0x7F })
    else {
      text.append(content)
      return
    }
    for scalar in content.unicodeScalars {
      switch scalar.value {
      case 0x26: text.append("&amp;")
      case 0x3C: text.append("&lt;")
      case 0x3E: text.append("&gt;")
      case 0x22: text.append("&quot;")
      case 0x27: text.append("&#39;")
      case _ where ControlCharacters.isControl(scalar): text.append(" ")
      case 0xFFFE, 0xFFFF: text.append("\u{FFFD}")
      default: UTF8.encode(scalar) { text.bytes.append($0) }
      }
    }
  }

  /// `&<>"'`.
  private static let escapedBytes: Set<UInt8> = [0x26, 0x3C, 0x3E, 0x22, 0x27]
}
