/// A JSON value written with a fixed key order, so `run.json` is byte-identical across runs.
indirect enum JSONValue: Sendable, Hashable {
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

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text == rhs.text }
  func hash(into hasher: inout Hasher) { hasher.combine(text) }

  /// Pretty-printed text with two-space indentation and a trailing newline.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// ``text`` as UTF-8 bytes, written without building a `String`: a million-account manifest
  /// lists some 110,000 files.
  var bytes: [UInt8] {
    var output = TextBuffer(capacity: 4_096)
    write(to: &output, indent: 0)
    output.append("\n")
    return output.bytes
  }

  /// Appends the value as it appears `indent` levels deep, without padding before it.
  func write(to output: inout TextBuffer, indent: Int) {
    switch self {
    case .string(let string): Self.writeQuoted(string, to: &output)
    case .integer(let integer): output.append(integer)
    case .decimal(let decimal): output.append(decimal)
    case .bool(let bool): output.append(bool ? "true" : "false")
    case .null: output.append("null")
    case .array(let elements):
      guard !elements.isEmpty else {
        output.append("[]")
        return
      }
      output.append("[\n")
      for (offset, element) in elements.enumerated() {
        Self.writePadding(indent + 1, to: &output)
        element.write(to: &output, indent: indent + 1)
        output.append(offset == elements.count - 1 ? "\n" : ",\n")
      }
      Self.writePadding(indent, to: &output)
      output.append("]")
    case .object(let members):
      guard !members.isEmpty else {
        output.append("{}")
        return
      }
      output.append("{\n")
      for (offset, (key, value)) in members.enumerated() {
        Self.writeMemberKey(key, indent: indent + 1, to: &output)
        value.write(to: &output, indent: indent + 1)
        output.append(offset == members.count - 1 ? "\n" : ",\n")
      }
      Self.writePadding(indent, to: &output)
      output.append("}")
    }
  }

  /// Two spaces per level.
  static func writePadding(_ indent: Int, to output: inout TextBuffer) {
    for _ in 0..<indent { output.append("  ") }
  }

  /// Appends the padding and the `"key": ` of an object member `indent` levels deep.
  static func writeMemberKey(_ key: String, indent: Int, to output: inout TextBuffer) {
    writePadding(indent, to: &output)
    writeQuoted(key, to: &output)
    output.append(": ")
  }

  // A top-level object can be written in parts, as ``bytes`` would write it whole, when one of
  // its members is too big to build as a value: `writeObjectStart`, the big member written by
  // the caller, then `writeObjectEnd`.

  /// Opens a top-level object and appends `members`, each followed by `,`, ready for the member
  /// the caller writes next.
  static func writeObjectStart(
    _ members: [(String, JSONValue)], to output: inout TextBuffer
  ) {
    output.append("{\n")
    for (key, value) in members {
      writeMemberKey(key, indent: 1, to: &output)
      value.write(to: &output, indent: 1)
      output.append(",\n")
    }
  }

  /// Appends `members` after the member the caller wrote, each preceded by `,`, then closes the
  /// top-level object with the trailing newline of ``bytes``.
  static func writeObjectEnd(_ members: [(String, JSONValue)], to output: inout TextBuffer) {
    for (key, value) in members {
      output.append(",\n")
      writeMemberKey(key, indent: 1, to: &output)
      value.write(to: &output, indent: 1)
    }
    output.append("\n}\n")
  }

  /// A JSON string literal (RFC 8259 escapes).
  static func quoted(_ string: String) -> String {
    var output = TextBuffer(capacity: string.utf8.count + 2)
    writeQuoted(string, to: &output)
    return output.string
  }

  /// Appends ``quoted(_:)`` to `output`.
  private static func writeQuoted(_ string: String, to output: inout TextBuffer) {
    output.bytes.append(quote)
    // Most strings (paths, ids, digests) need no escape: a scan of their contiguous bytes finds
    // that, and the whole string is copied at once, where the walk below slices the `utf8` view.
    if !needsEscapes(string.utf8.span) {
      output.bytes.append(contentsOf: string.utf8)
      output.bytes.append(quote)
      return
    }
    // Only ASCII bytes are escaped, and every byte of a multi-byte character is 0x80 or above,
    // so runs of other bytes are copied as they are.
    let utf8 = string.utf8
    var runStart = utf8.startIndex
    for index in utf8.indices {
      let byte = utf8[index]
      guard byte < 0x20 || byte == quote || byte == backslash else { continue }
      output.bytes.append(contentsOf: utf8[runStart..<index])
      runStart = utf8.index(after: index)
      switch byte {
      case quote: output.append("\\\"")
      case backslash: output.append("\\\\")
      case UInt8(ascii: "\n"): output.append("\\n")
      case UInt8(ascii: "\r"): output.append("\\r")
      case UInt8(ascii: "\t"): output.append("\\t")
      default:
        output.append("\\u00")
        output.bytes.append(hexDigits[Int(byte >> 4)])
        output.bytes.append(hexDigits[Int(byte & 0x0F)])
      }
    }
    output.bytes.append(contentsOf: utf8[runStart...])
    output.bytes.append(quote)
  }

  /// Whether any byte of `utf8` is escaped in a JSON string literal.
  private static func needsEscapes(_ utf8: Span<UInt8>) -> Bool {
    for index in utf8.indices {
      let byte = utf8[index]
      if byte < 0x20 || byte == quote || byte == backslash { return true }
    }
    return false
  }

  private static let quote = UInt8(ascii: "\"")
  private static let backslash = UInt8(ascii: "\\")
  private static let hexDigits = Array("0123456789abcdef".utf8)
}
