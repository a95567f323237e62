/// Text taken from the inputs (names, ids, reasons), made safe as it is appended to a
/// ``TextBuffer``: on one line, and for Markdown also with its punctuation escaped.
struct InputText: TextFragment {
  /// The text as it came in.
  var text: String
  /// Whether Markdown punctuation is escaped too (``ReviewMemo/escaped(_:)``), or the text is only
  /// put on one line (``Prose/oneLine(_:)``).
  var isMarkdown: Bool

  /// Appends the safe form of ``text``.
  func write(to buffer: inout TextBuffer) {
    let start = buffer.count
    text.write(to: &buffer)
    if isMarkdown {
      buffer.escapeMarkdown(from: start)
    } else {
      buffer.makeOneLine(from: start)
    }
  }
}

extension TextFragment where Self == InputText {
  /// `text` on one line with Markdown punctuation escaped, as ``ReviewMemo/escaped(_:)``.
  static func escaped(_ text: String) -> InputText {
    InputText(text: text, isMarkdown: true)
  }

  /// `text` on one line, as ``Prose/oneLine(_:)``.
  static func oneLine(_ text: String) -> InputText {
    InputText(text: text, isMarkdown: false)
  }
}
