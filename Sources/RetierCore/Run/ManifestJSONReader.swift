/// A strict JSON reader for the few members of a previous `run.json` the next run needs. The
/// manifest of a million-account run is some 50 MB, most of it the `outputs` list: this reader
/// checks every byte of the syntax (RFC 8259) but builds values only for the members asked for,
/// and hands array elements one at a time, so the file is never held as a tree.
struct ManifestJSONReader: ~Copyable {
  /// A JSON value that was asked for. Not `indirect`: the nesting is through arrays, so a
  /// scalar is not boxed on the heap (a million-account run.json has 91,000 path backs).
  enum Value: Equatable {
    case object([(String, Value)])
    case array([Value])
    case string(String)
    /// A number, as its text (exact decimals are parsed from it).
    case number(String)
    case bool(Bool)
    case null

    static func == (left: Value, right: Value) -> Bool {
      switch (left, right) {
      case (.object(let a), .object(let b)):
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
      case (.array(let a), .array(let b)): a == b
      case (.string(let a), .string(let b)), (.number(let a), .number(let b)): a == b
      case (.bool(let a), .bool(let b)): a == b
      case (.null, .null): true
      default: false
      }
    }

    /// The member `key` of an object, `nil` when absent or not an object.
    subscript(key: String) -> Value? {
      guard case .object(let members) = self else { return nil }
      return members.first { $0.0 == key }?.1
    }

    /// The text of a string.
    var string: String? {
      guard case .string(let text) = self else { return nil }
      return text
    }

    /// A whole number that fits an `Int`.
    var integer: Int? {
      guard case .number(let text) = self else { return nil }
      return Int(text)
    }

    /// The text of a number.
    var numberText: String? {
      guard case .number(let text) = self else { return nil }
      return text
    }

    /// A Boolean.
    var bool: Bool? {
      guard case .bool(let value) = self else { return nil }
      return value
    }

    /// Whether it is `null`.
    var isNull: Bool { self == .null }
  }

  /// The input is not JSON.
  struct SyntaxError: Error {}

  /// The bytes read.
  private let bytes: [UInt8]
  /// The next byte to read.
  private var position = 0

  /// Prepares to read `bytes`.
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Reads a top-level object, calling `member` with each key; `member` must read the value
  /// (``value()``, ``skipValue()`` or ``forEachElement(_:)``). Throws unless the whole input is
  /// one object.
  mutating func forEachMember(
    _ member: (String, inout ManifestJSONReader) throws(SyntaxError) -> Void
  ) throws(SyntaxError) {
    try members(member)
    skipSpace()
    guard position == bytes.count else { throw SyntaxError() }
  }

  /// Whether the next value is an object.
  mutating func nextIsObject() -> Bool {
    skipSpace()
    return peek() == UInt8(ascii: "{")
  }

  /// Reads an object nested in the input (see ``nextIsObject()``), calling `member` with each
  /// key as ``forEachMember(_:)`` does, so that its values are built only as far as asked.
  mutating func forEachObjectMember(
    _ member: (String, inout ManifestJSONReader) throws(SyntaxError) -> Void
  ) throws(SyntaxError) {
    skipSpace()
    try members(member)
  }

  /// Reads an object that starts at the next byte, calling `member` with each key.
  private mutating func members(
    _ member: (String, inout ManifestJSONReader) throws(SyntaxError) -> Void
  ) throws(SyntaxError) {
    try expect(UInt8(ascii: "{"))
    skipSpace()
    if peek() == UInt8(ascii: "}") {
      position += 1
      return
    }
    while true {
      skipSpace()
      let key = try string()
      skipSpace()
      try expect(UInt8(ascii: ":"))
      try member(key, &self)
      skipSpace()
      if try next() == UInt8(ascii: "}") { return }
      guard bytes[position - 1] == UInt8(ascii: ",") else { throw SyntaxError() }
    }
  }

  /// Reads an array, calling `element` for each element, which must read it.
  mutating func forEachElement(
    _ element: (inout ManifestJSONReader) throws(SyntaxError) -> Void
  ) throws(SyntaxError) {
    skipSpace()
    try expect(UInt8(ascii: "["))
    skipSpace()
    if peek() == UInt8(ascii: "]") {
      position += 1
      return
    }
    while true {
      try element(&self)
      skipSpace()
      if try next() == UInt8(ascii: "]") { return }
      guard bytes[position - 1] == UInt8(ascii: ",") else { throw SyntaxError() }
    }
  }

  /// Reads the next value and builds it.
  mutating func value() throws(SyntaxError) -> Value {
    skipSpace()
    switch peek() {
    case UInt8(ascii: "{"):
      position += 1
      var members: [(String, Value)] = []
      skipSpace()
      if peek() == UInt8(ascii: "}") {
        position += 1
        return .object([])
      }
      while true {
        skipSpace()
        let key = try string()
        skipSpace()
        try expect(UInt8(ascii: ":"))
        members.append((key, try value()))
        skipSpace()
        if try next() == UInt8(ascii: "}") { return .object(members) }
        guard bytes[position - 1] == UInt8(ascii: ",") else { throw SyntaxError() }
      }
    case UInt8(ascii: "["):
      var elements: [Value] = []
      try forEachElement { (reader: inout ManifestJSONReader) throws(SyntaxError) in
        elements.append(try reader.value())
      }
      return .array(elements)
    case UInt8(ascii: "\""):
      return .string(try string())
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    default:
      return .number(try number())
    }
  }

  /// Reads the next value, checking its syntax, without building it.
  mutating func skipValue() throws(SyntaxError) {
    skipSpace()
    switch peek() {
    case UInt8(ascii: "{"):
      position += 1
      skipSpace()
      if peek() == UInt8(ascii: "}") {
        position += 1
        return
      }
      while true {
        skipSpace()
        try skipString()
        skipSpace()
        try expect(UInt8(ascii: ":"))
        try skipValue()
        skipSpace()
        if try next() == UInt8(ascii: "}") { return }
        guard bytes[position - 1] == UInt8(ascii: ",") else { throw SyntaxError() }
      }
    case UInt8(ascii: "["):
      try forEachElement { (reader: inout ManifestJSONReader) throws(SyntaxError) in
        try reader.skipValue()
      }
    case UInt8(ascii: "\""):
      try skipString()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default: _ = try number()
    }
  }

  // MARK: Tokens

  private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func next() throws(SyntaxError) -> UInt8 {
    guard position < bytes.count else { throw SyntaxError() }
    position += 1
    return bytes[position - 1]
  }

  private mutating func expect(_ byte: UInt8) throws(SyntaxError) {
    guard try next() == byte else { throw SyntaxError() }
  }

  private mutating func skipSpace() {
    while position < bytes.count,
      bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D
        || bytes[position] == 0x09
    {
      position += 1
    }
  }

  private mutating func literal(_ word: String) throws(SyntaxError) {
    for expected in word.utf8 where try next() != expected { throw SyntaxError() }
  }

  /// A number's text, checked against the JSON grammar.
  private mutating func number() throws(SyntaxError) -> String {
    let start = position
    func digits() -> Int {
      let first = position
      while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
      return position - first
    }
    if peek() == UInt8(ascii: "-") { position += 1 }
    if peek() == UInt8(ascii: "0") {
      position += 1
    } else if digits() == 0 {
      throw SyntaxError()
    }
    if peek() == UInt8(ascii: ".") {
      position += 1
      guard digits() > 0 else { throw SyntaxError() }
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      position += 1
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
      guard digits() > 0 else { throw SyntaxError() }
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  /// Skips a string, checking its escapes and that it holds no control character.
  private mutating func skipString() throws(SyntaxError) {
    try expect(UInt8(ascii: "\""))
    while true {
      let byte = try next()
      if byte == UInt8(ascii: "\"") { return }
      if byte < 0x20 { throw SyntaxError() }
      if byte == UInt8(ascii: "\\") { _ = try escape() }
    }
  }

  /// A string's text, escapes resolved; invalid UTF-8 is refused.
  private mutating func string() throws(SyntaxError) -> String {
    try expect(UInt8(ascii: "\""))
    // Most strings (keys, ids, amounts) have no escape: their bytes are the text, read in place.
    let start = position
    var isASCII = true
    while position < bytes.count, bytes[position] != UInt8(ascii: "\\"), bytes[position] >= 0x20 {
      guard bytes[position] == UInt8(ascii: "\"") else {
        isASCII = isASCII && bytes[position] < 0x80
        position += 1
        continue
      }
      position += 1
      // Decoding repairs invalid UTF-8, so text that decodes to other bytes was not UTF-8
      // (ASCII always is); cheaper than the generic `String(validating:as:)` on a slice.
      let text = bytes[start..<(position - 1)]
      let string = String(decoding: text, as: UTF8.self)
      guard isASCII || string.utf8.elementsEqual(text) else { throw SyntaxError() }
      return string
    }
    var text = Array(bytes[start..<position])
    while true {
      let byte = try next()
      if byte == UInt8(ascii: "\"") { break }
      if byte < 0x20 { throw SyntaxError() }
      if byte == UInt8(ascii: "\\") {
        text.append(contentsOf: String(try escape()).utf8)
      } else {
        text.append(byte)
      }
    }
    guard let string = String(validating: text, as: UTF8.self) else { throw SyntaxError() }
    return string
  }

  /// The character of the escape after a backslash; a `\u` surrogate pair is one character.
  private mutating func escape() throws(SyntaxError) -> Character {
    switch try next() {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let unit = try hexUnit()
      if (0xD800..<0xDC00).contains(unit) {
        try expect(UInt8(ascii: "\\"))
        try expect(UInt8(ascii: "u"))
        let low = try hexUnit()
        guard (0xDC00..<0xE000).contains(low),
          let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        else { throw SyntaxError() }
        return Character(scalar)
      }
      guard let scalar = Unicode.Scalar(unit) else { throw SyntaxError() }
      return Character(scalar)
    default:
      throw SyntaxError()
    }
  }

  /// Four hex digits.
  private mutating func hexUnit() throws(SyntaxError) -> UInt32 {
    var unit: UInt32 = 0
    for _ in 0..<4 {
      let byte = try next()
      let digit: UInt8
      switch byte {
      case 0x30...0x39: digit = byte - 0x30
      case 0x41...0x46: digit = byte - 0x41 + 10
      case 0x61...0x66: digit = byte - 0x61 + 10
      default: throw SyntaxError()
      }
      unit = unit << 4 | UInt32(digit)
    }
    return unit
  }
}
