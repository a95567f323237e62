/// The one strict JSON reader of the job (RFC 8259): the config and every `run.json` read back
/// go through it. It refuses what a loose reader would guess at: a key given twice in one
/// object, invalid UTF-8, an unpaired surrogate escape, nesting deeper than ``maximumDepth``,
/// and anything after the value; each refusal names the JSON path where it was found
/// (`tiers[2].min_score`).
///
/// The manifest of a million-account run is some 50 MB, most of it the `outputs` list: the
/// reader checks every byte but builds values only for the members asked for, and hands array
/// elements one at a time, so the file is never held as a tree.
struct JSONReader: ~Copyable {
  /// How deep objects and arrays may nest. The config nests four levels and `run.json` five; a
  /// deeper document is not one of ours, and the limit keeps the recursion bounded.
  static let maximumDepth = 64

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

  /// Why the input was refused, and where.
  struct SyntaxError: Error, Equatable {
    /// The JSON path of the value being read (`tiers[2].min_score`); empty at the top level.
    var path: String
    /// What is wrong there, in words.
    var reason: String
    /// Whether the key at ``path`` is given twice in its object.
    var isRepeatedKey = false

    /// `key 'rubric.weights.arr' is given twice; …`, `at tiers[2].min_score: <reason>`, or the
    /// reason alone at the top level.
    var description: String {
      if isRepeatedKey { return "key '\(path)' is given twice; every key may appear once" }
      return path.isEmpty ? reason : "at \(path): \(reason)"
    }
  }

  /// One step of the path to the value being read.
  private enum PathStep {
    /// A container just opened, before its first key or element.
    case opened
    case key(String)
    case index(Int)
  }

  /// The bytes read.
  private let bytes: [UInt8]
  /// The next byte to read.
  private var position = 0
  /// The containers open around the value being read, for the path in an error.
  private var path: [PathStep] = []

  /// Prepares to read `bytes`.
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Checks that `bytes` are one JSON value and nothing else, as strictly as the reader reads
  /// (repeated keys, invalid UTF-8, unpaired surrogates, depth, trailing text), without building
  /// it. A decoder that is looser (Foundation's `JSONDecoder` keeps one of two repeated keys)
  /// then reads only text this reader accepted.
  static func check(_ bytes: [UInt8]) throws(SyntaxError) {
    var reader = JSONReader(bytes)
    try reader.skipValue()
    try reader.expectEnd()
  }

  /// Reads a top-level object, calling `member` with each key; `member` must read the value
  /// (``value()``, ``skipValue()`` or ``forEachElement(_:)``). Throws unless the whole input is
  /// one object whose keys are distinct.
  mutating func forEachMember(
    _ member: (String, inout JSONReader) throws(SyntaxError) -> Void
  ) throws(SyntaxError) {
    skipSpace()
    guard peek() == UInt8(ascii: "{") else { throw failure("expected an object") }
    try members(member)
    try expectEnd()
  }

  /// Whether the next value is an object.
  mutating func nextIsObject() -> Bool {
    skipSpace()
    return peek() == UInt8(ascii: "{")
  }

  /// Reads an object nested in the input (see ``nextIsObject()``), calling `member` with each
  /// key as ``forEachMember(_:)`` does, so that its values are built only as far as asked.
  mutating func forEachObjectMember(
    _ member: (String, inout JSONReader) throws(SyntaxError) -> Void
  ) throws(SyntaxError) {
    skipSpace()
    try members(member)
  }

  /// The path of the value being read, for a refusal of its content (`path_back[3].from_tier`).
  var currentPath: String {
    var text = ""
    for step in path {
      switch step {
      case .key(let key): text += (text.isEmpty ? "" : ".") + key
      case .index(let index): text += "[\(index)]"
      case .opened: break
      }
    }
    return text
  }

  /// Reads an object that starts at the next byte, calling `member` with each key; a key given
  /// twice is refused.
  private mutating func members(
    _ member: (String, inout JSONReader) throws(SyntaxError) -> Void
  ) throws(SyntaxError) {
    try expect(UInt8(ascii: "{"))
    try enter()
    skipSpace()
    if peek() == UInt8(ascii: "}") {
      position += 1
      path.removeLast()
      return
    }
    var keys = Set<String>()
    while true {
      skipSpace()
      let key = try string()
      guard keys.insert(key).inserted else {
        path[path.count - 1] = .key(key)
        var repeated = failure("the key is given twice")
        repeated.isRepeatedKey = true
        throw repeated
      }
      path[path.count - 1] = .key(key)
      skipSpace()
      try expect(UInt8(ascii: ":"))
      try member(key, &self)
      skipSpace()
      if try next() == UInt8(ascii: "}") { break }
      guard bytes[position - 1] == UInt8(ascii: ",") else {
        position -= 1
        throw failure("expected ',' or '}'")
      }
    }
    path.removeLast()
  }

  /// Reads an array, calling `element` for each element, which must read it.
  mutating func forEachElement(
    _ element: (inout JSONReader) throws(SyntaxError) -> Void
  ) throws(SyntaxError) {
    skipSpace()
    try expect(UInt8(ascii: "["))
    try enter()
    skipSpace()
    if peek() == UInt8(ascii: "]") {
      position += 1
      path.removeLast()
      return
    }
    var index = 0
    while true {
      path[path.count - 1] = .index(index)
      try element(&self)
      skipSpace()
      if try next() == UInt8(ascii: "]") { break }
      guard bytes[position - 1] == UInt8(ascii: ",") else {
        position -= 1
        throw failure("expected ',' or ']'")
      }
      index += 1
    }
    path.removeLast()
  }

  /// Reads the next value and builds it.
  mutating func value() throws(SyntaxError) -> Value {
    skipSpace()
    switch peek() {
    case UInt8(ascii: "{"):
      var built: [(String, Value)] = []
      try members { (key: String, reader: inout JSONReader) throws(SyntaxError) in
        built.append((key, try reader.value()))
      }
      return .object(built)
    case UInt8(ascii: "["):
      var elements: [Value] = []
      try forEachElement { (reader: inout JSONReader) throws(SyntaxError) in
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

  /// Reads the next value, checking it as strictly as ``value()`` does, without building it.
  mutating func skipValue() throws(SyntaxError) {
    skipSpace()
    switch peek() {
    case UInt8(ascii: "{"):
      try members { (_: String, reader: inout JSONReader) throws(SyntaxError) in
        try reader.skipValue()
      }
    case UInt8(ascii: "["):
      try forEachElement { (reader: inout JSONReader) throws(SyntaxError) in
        try reader.skipValue()
      }
    case UInt8(ascii: "\""):
      _ = try string()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default: _ = try number()
    }
  }

  // MARK: Tokens

  /// A refusal at the current path.
  private func failure(_ reason: String) -> SyntaxError {
    SyntaxError(path: currentPath, reason: reason)
  }

  /// Opens a container, refused beyond ``maximumDepth``.
  private mutating func enter() throws(SyntaxError) {
    guard path.count < Self.maximumDepth else {
      throw failure("nested deeper than \(Self.maximumDepth) levels")
    }
    path.append(.opened)
  }

  /// Checks that only whitespace follows the value read.
  private mutating func expectEnd() throws(SyntaxError) {
    skipSpace()
    guard position == bytes.count else { throw failure("text after the end of the JSON value") }
  }

  private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func next() throws(SyntaxError) -> UInt8 {
    guard position < bytes.count else { throw failure("the text ends too early") }
    position += 1
    return bytes[position - 1]
  }

  private mutating func expect(_ byte: UInt8) throws(SyntaxError) {
    guard try next() == byte else {
      throw failure("expected '\(Character(Unicode.Scalar(byte)))'")
    }
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
    for expected in word.utf8 where try next() != expected {
      throw failure("not a JSON value")
    }
  }

  /// A number's text, checked against the JSON grammar.
  private mutating func number() throws(SyntaxError) -> String {
    let start = position
    func digits() -> Int {
      let first = position
      while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
      return position - first
    }
    let notNumber = failure("not a JSON value")
    if peek() == UInt8(ascii: "-") { position += 1 }
    if peek() == UInt8(ascii: "0") {
      position += 1
    } else if digits() == 0 {
      throw notNumber
    }
    if peek() == UInt8(ascii: ".") {
      position += 1
      guard digits() > 0 else { throw notNumber }
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      position += 1
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
      guard digits() > 0 else { throw notNumber }
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  /// A string's text, escapes resolved; invalid UTF-8, a control character or an unpaired
  /// surrogate is refused.
  private mutating func string() throws(SyntaxError) -> String {
    guard peek() == UInt8(ascii: "\"") else { throw failure("expected a string") }
    position += 1
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
      guard isASCII || string.utf8.elementsEqual(text) else { throw failure("invalid UTF-8") }
      return string
    }
    var text = Array(bytes[start..<position])
    while true {
      let byte = try next()
      if byte == UInt8(ascii: "\"") { break }
      if byte < 0x20 { throw failure("a control character inside a string") }
      if byte == UInt8(ascii: "\\") {
        text.append(contentsOf: String(try escape()).utf8)
      } else {
        text.append(byte)
      }
    }
    guard let string = String(validating: text, as: UTF8.self) else {
      throw failure("invalid UTF-8")
    }
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
      let unpaired = failure("an unpaired surrogate escape")
      let unit = try hexUnit()
      if (0xD800..<0xDC00).contains(unit) {
        guard try next() == UInt8(ascii: "\\"), try next() == UInt8(ascii: "u") else {
          throw unpaired
        }
        let low = try hexUnit()
        guard (0xDC00..<0xE000).contains(low),
          let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        else { throw unpaired }
        return Character(scalar)
      }
      guard let scalar = Unicode.Scalar(unit) else { throw unpaired }
      return Character(scalar)
    default:
      throw failure("an unknown escape")
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
      default: throw failure("a \\u escape needs four hex digits")
      }
      unit = unit << 4 | UInt32(digit)
    }
    return unit
  }
}
