/// Escapes control characters in text that is printed as one line of a message (SPEC §7): text
/// from the drop (ids, names, file contents) may hold CR, LF, ESC or any other control
/// character, and printed raw it could start a new line that forges a
/// `path:line:column: error:` diagnostic, or move the cursor over one. Escaped, it stays on its
/// line and shows what the file holds.
package enum ControlCharacters {
  /// `line` with every C0 control (LF, CR and tab included), DEL, C1 control and Unicode line or
  /// paragraph separator written as an escape: `\n`, `\r`, `\t`, otherwise `\u{1B}` (the
  /// scalar in hexadecimal). Text without any is returned unchanged.
  package static func escaped(_ line: String) -> String {
    guard line.unicodeScalars.contains(where: isControl) else { return line }
    var result = ""
    result.reserveCapacity(line.utf8.count + 8)
    for scalar in line.unicodeScalars {
      guard isControl(scalar) else {
        result.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    return result
  }

  /// `text` escaped (``escaped(_:)``) in double quotes: a name or a reason inside a line.
  package static func quoted(_ text: String) -> String { "\"" + escaped(text) + "\"" }

  /// Whether `scalar` cannot be printed as is on one line: a C0 control, DEL, a C1 control,
  /// the Unicode line or paragraph separator (U+2028, U+2029), which some viewers break on, or a
  /// bidirectional control (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), which
  /// reorders the text around it on screen so that a name could show another id or hide a
  /// `file:line`. Every text channel (stderr, explain, compare, memo.md, memos/, memo.html, CSV
  /// cells) tests text with this one predicate, or with ``controlWidth(_:_:_:)`` on its bytes.
  package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// The UTF-8 length of the character starting with `lead` (followed by `second` and `third`,
  /// or 0 past the end) when it is one that ``isControl(_:)`` accepts, else 0: the byte-level
  /// form of the same predicate, for text kept as UTF-8.
  package static func controlWidth(_ lead: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
    switch lead {
    case 0..<0x20, 0x7F: return 1
    case 0xC2: return (0x80...0x9F).contains(second) ? 2 : 0
    // U+061C (D8 9C).
    case 0xD8: return second == 0x9C ? 2 : 0
    case 0xE2:
      switch (second, third) {
      // U+200E, U+200F (E2 80 8E–8F); U+2028, U+2029 (E2 80 A8–A9); U+202A–U+202E (E2 80 AA–AE).
      case (0x80, 0x8E...0x8F), (0x80, 0xA8...0xAE): return 3
      // U+2066–U+2069 (E2 81 A6–A9).
      case (0x81, 0xA6...0xA9): return 3
      default: return 0
      }
    default: return 0
    }
  }

  /// Whether `byte` can start a character that ``controlWidth(_:_:_:)`` accepts: the one-pass
  /// test that lets most text through untouched.
  package static func mayStartControl(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
  }
}
