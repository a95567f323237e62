extension TextBuffer {
  /// Puts the text from byte offset `start` to the end on one line, as ``Prose/oneLine(_:)``
  /// does: every character ``ControlCharacters/isControl(_:)`` accepts (controls, line and
  /// paragraph separators, bidirectional controls) becomes a space, then the spaces at both
  /// ends are trimmed.
  mutating func makeOneLine(from start: Int) {
    guard start < bytes.count,
      needsOneLine(from: start, classes: byteClasses(from: start))
    else { return }
    rewriteOnOneLine(from: start)
  }

  /// Appends what `write` writes, made safe as ``escapeMarkdown(from:)`` makes it: generated
  /// text is escaped as a whole, as input text inside it may need it.
  mutating func appendEscapingMarkdown(_ write: (inout TextBuffer) -> Void) {
    let start = count
    write(&self)
    escapeMarkdown(from: start)
  }

  /// Makes the text from byte offset `start` to the end safe for one line of GitHub-flavoured
  /// Markdown or one table cell, as ``ReviewMemo/escaped(_:)`` does: on one line, with Markdown
  /// punctuation backslash-escaped so input text can neither format the memo nor break a table.
  mutating func escapeMarkdown(from start: Int) {
    guard start < bytes.count else { return }
    // Most text, generated or typed, needs neither: one pass over it tells.
    let classes = byteClasses(from: start)
    if needsOneLine(from: start, classes: classes) { rewriteOnOneLine(from: start) }
    // Putting text on one line never removes or adds punctuation.
    guard classes & Self.punctuation != 0 else { return }
    let escapes = bytes[start...].count(where: Self.isMarkdownPunctuation)
    let text = Array(bytes[start...])
    bytes.removeSubrange(start...)
    bytes.reserveCapacity(bytes.count + text.count + escapes)
    for byte in text {
      if Self.isMarkdownPunctuation(byte) { bytes.append(UInt8(ascii: "\\")) }
      bytes.append(byte)
    }
  }

  /// Whether ``makeOneLine(from:)`` changes the text from `start` on, given the union of its
  /// byte classes: a space at either end, a control character, or a line or paragraph separator.
  private func needsOneLine(from start: Int, classes: UInt8) -> Bool {
    let end = bytes.count
    if bytes[start] == Self.space || bytes[end - 1] == Self.space { return true }
    guard classes & (Self.control | Self.separatorLead) != 0 else { return false }
    let buffer = bytes.span
    for offset in start..<end where ControlCharacters.mayStartControl(buffer[offset]) {
      let second = offset + 1 < end ? buffer[offset + 1] : 0
      let third = offset + 2 < end ? buffer[offset + 2] : 0
      if ControlCharacters.controlWidth(buffer[offset], second, third) > 0 { return true }
    }
    return false
  }

  /// Replaces each control character and separator from `start` on with a space, then trims the
  /// spaces at both ends.
  private mutating func rewriteOnOneLine(from start: Int) {
    let end = bytes.count
    let newEnd: Int
    do {
      var buffer = bytes.mutableSpan
      // Each replacement is one space for one or more bytes, so the text only shrinks and can be
      // rewritten in place, front to back.
      var read = start
      var write = start
      while read < end {
        let byte = buffer[read]
        // Any character ``ControlCharacters/isControl(_:)`` accepts. The text is valid UTF-8,
        // so whole sequences are replaced.
        let second = read + 1 < end ? buffer[read + 1] : 0
        let third = read + 2 < end ? buffer[read + 2] : 0
        let width = ControlCharacters.controlWidth(byte, second, third)
        buffer[write] = width == 0 ? byte : Self.space
        write += 1
        read += max(width, 1)
      }
      var first = start
      while first < write, buffer[first] == Self.space { first += 1 }
      var last = write
      while last > first, buffer[last - 1] == Self.space { last -= 1 }
      for offset in 0..<(last - first) { buffer[start + offset] = buffer[first + offset] }
      newEnd = start + (last - first)
    }
    bytes.removeSubrange(newEnd...)
  }

  /// The union of the classes of the bytes from `start` on (see ``byteClassTable``).
  private func byteClasses(from start: Int) -> UInt8 {
    let table = Self.byteClassTable.span
    let buffer = bytes.span
    var classes: UInt8 = 0
    for offset in start..<buffer.count { classes |= table[Int(buffer[offset])] }
    return classes
  }

  /// Whether a byte is backslash-escaped in text taken from the inputs: emphasis, links, HTML,
  /// code and table pipes.
  static func isMarkdownPunctuation(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
      UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"), UInt8(ascii: "#"):
      true
    default: false
    }
  }

  /// A C0 control character or DEL.
  private static let control: UInt8 = 1
  /// The first byte of a multi-byte control character (C2, D8, E2), and of much else.
  private static let separatorLead: UInt8 = 2
  /// Markdown punctuation.
  private static let punctuation: UInt8 = 4
  /// The class of every byte value, so that one pass over a text tells what it needs.
  private static let byteClassTable: [UInt8] = (0...255).map { value in
    let byte = UInt8(value)
    if byte < 0x20 || byte == 0x7F { return control }
    if ControlCharacters.mayStartControl(byte) { return separatorLead }
    return isMarkdownPunctuation(byte) ? punctuation : 0
  }

  private static let space = UInt8(ascii: " ")
}
