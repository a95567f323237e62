/// Text from the drop as `retier explain` prints it: on one line, so that a name holding a line
/// break cannot split the answer into lines that look like others.
package enum ExplainText {
  /// `text` with line breaks and tabs as `\n`, `\r`, `\t` and every other control character
  /// and line or paragraph separator as `\u{…}`; text without any is returned as is.
  package static func oneLine(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      case "\t": escaped += "\\t"
      case _ where needsEscape(scalar):
        escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  /// `text` on one line (``oneLine(_:)``) in double quotes: a name or a reason.
  package static func quoted(_ text: String) -> String { "\"" + oneLine(text) + "\"" }

  /// Whether a scalar cannot be printed as is on one line: C0 and C1 controls, DEL, and the
  /// Unicode line and paragraph separators.
  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
      || scalar.value == 0x2029
  }
}
