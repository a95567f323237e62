/// A JSON value written with a fixed key order, so `run.json` is byte-identical across runs.
package indirect enum JSONValue: Sendable, Hashable {
  /// A string.
  case string(String)
  /// An integer.
  case integer(Int)
  /// An exact decimal, written as a number.
  case decimal(ExactDecimal)
  /// A boolean.
  case bool(Bool)
  /// `null`.
  case null
  /// An array.
  case array([JSONValue])
  /// An object whose keys keep the given order.
  case object([(String, JSONValue)])

  package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text == rhs.text }
  package func hash(into hasher: inout Hasher) { hasher.combine(text) }

  /// Pretty-printed text with two-space indentation and a trailing newline.
  package var text: String {
    var output = ""
    write(to: &output, indent: 0)
    return output + "\n"
  }

  private func write(to output: inout String, indent: Int) {
    let padding = String(repeating: "  ", count: indent + 1)
    let closing = String(repeating: "  ", count: indent)
    switch self {
    case .string(let string): output += Self.quoted(string)
    case .integer(let integer): output += String(integer)
    case .decimal(let decimal): output += decimal.description
    case .bool(let bool): output += bool ? "true" : "false"
    case .null: output += "null"
    case .array(let elements):
      guard !elements.isEmpty else {
        output += "[]"
        return
      }
      output += "[\n"
      for (offset, element) in elements.enumerated() {
        output += padding
        element.write(to: &output, indent: indent + 1)
        output += offset == elements.count - 1 ? "\n" : ",\n"
      }
      output += closing + "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{\n"
      for (offset, (key, value)) in members.enumerated() {
        output += padding + Self.quoted(key) + ": "
        value.write(to: &output, indent: indent + 1)
        output += offset == members.count - 1 ? "\n" : ",\n"
      }
      output += closing + "}"
    }
  }

  /// A JSON string literal (RFC 8259 escapes).
  package static func quoted(_ string: String) -> String {
    var result = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
