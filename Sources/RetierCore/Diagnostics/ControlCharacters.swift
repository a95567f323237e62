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

  /// Whether `scalar` cannot be printed as is on one line: a C0 control, DEL, a C1 control, or
  /// the Unicode line or paragraph separator (U+2028, U+2029), which some viewers break on.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
      || scalar.value == 0x2029
  }
}
