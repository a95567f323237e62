/// A strict reader of the markup ``MarkupWriter`` writes: an optional `<!DOCTYPE html>`, then
/// one element, read as XML 1.0 and stricter: every element closed in order, attribute values in
/// double quotes without `<`, no comment, processing instruction or CDATA, every `&` a known
/// entity or a character reference, no raw `>` in text outside `<style>`, and no control
/// character but tab and line feed. A page that passes is well-formed XHTML, and text from the
/// drop cannot have become markup.
struct StrictMarkup {
  /// Why a document is not accepted, with the byte offset.
  struct Failure: Error, CustomStringConvertible {
    /// Where the problem is, in bytes from the start.
    var offset: Int
    /// What the problem is.
    var message: String
    /// `offset N: message`.
    var description: String { "offset \(offset): \(message)" }
  }

  /// An element's start tag.
  struct Element {
    /// The element's name.
    var name: String
    /// Its attributes in order, values decoded.
    var attributes: [(name: String, value: String)]
  }

  /// Every element, in document order.
  private(set) var elements: [Element] = []
  /// Every text between tags, with its entities decoded, and the innermost element holding it.
  private(set) var texts: [(element: String, text: String)] = []

  private let bytes: [UInt8]
  private var position = 0

  /// Reads `bytes`, throwing at the first problem.
  init(_ bytes: [UInt8]) throws(Failure) {
    self.bytes = bytes
    try read()
  }

  /// Every decoded text, joined by line breaks.
  var allText: String { texts.map(\.text).joined(separator: "\n") }

  private mutating func read() throws(Failure) {
    for (offset, byte) in bytes.enumerated()
    where (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F {
      throw Failure(offset: offset, message: "control character \(byte)")
    }
    let doctype = Array("<!DOCTYPE html>".utf8)
    if bytes.starts(with: doctype) { position = doctype.count }
    skipSpace()
    var stack: [String] = []
    var rootSeen = false
    while position < bytes.count {
      if bytes[position] == UInt8(ascii: "<") {
        if peek("</") {
          position += 2
          let name = try readName()
          skipSpace()
          try expect(">")
          guard let open = stack.popLast(), open == name else {
            throw Failure(offset: position, message: "</\(name)> closes <\(stack.last ?? "")>")
          }
        } else {
          if peek("<!") || peek("<?") {
            throw Failure(offset: position, message: "comment, declaration or instruction")
          }
          guard stack.isEmpty == false || !rootSeen else {
            throw Failure(offset: position, message: "a second root element")
          }
          position += 1
          let name = try readName()
          var attributes: [(name: String, value: String)] = []
          while true {
            let hadSpace = skipSpace()
            if peek("/>") {
              position += 2
              elements.append(Element(name: name, attributes: attributes))
              if stack.isEmpty { rootSeen = true }
              break
            }
            if peek(">") {
              position += 1
              elements.append(Element(name: name, attributes: attributes))
              stack.append(name)
              rootSeen = true
              break
            }
            guard hadSpace else {
              throw Failure(offset: position, message: "no space before attribute")
            }
            let attribute = try readName()
            try expect("=")
            try expect("\"")
            let value = try readUntil(UInt8(ascii: "\""), inAttribute: true)
            position += 1
            guard !attributes.contains(where: { $0.name == attribute }) else {
              throw Failure(offset: position, message: "repeated attribute \(attribute)")
            }
            attributes.append((attribute, value))
          }
        }
      } else {
        guard let holder = stack.last else {
          if skipSpace(), position == bytes.count { break }
          throw Failure(offset: position, message: "text outside the root element")
        }
        let text = try readUntil(
          UInt8(ascii: "<"), inAttribute: false, rawGreaterThan: holder == "style")
        texts.append((holder, text))
      }
    }
    guard stack.isEmpty, rootSeen else {
      throw Failure(offset: position, message: "unclosed <\(stack.last ?? "no root")>")
    }
  }

  @discardableResult
  private mutating func skipSpace() -> Bool {
    let start = position
    while position < bytes.count, [0x20, 0x0A, 0x09].contains(bytes[position]) { position += 1 }
    return position > start
  }

  private func peek(_ literal: String) -> Bool {
    bytes[position...].starts(with: Array(literal.utf8))
  }

  private mutating func expect(_ literal: String) throws(Failure) {
    guard peek(literal) else { throw Failure(offset: position, message: "expected \(literal)") }
    position += literal.utf8.count
  }

  private mutating func readName() throws(Failure) -> String {
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
      let isOther = (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x3A
      guard isLetter || (position > start && isOther) else { break }
      position += 1
    }
    guard position > start else { throw Failure(offset: position, message: "expected a name") }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  /// Reads up to `terminator`, decoding entities.
  private mutating func readUntil(
    _ terminator: UInt8, inAttribute: Bool, rawGreaterThan: Bool = false
  ) throws(Failure) -> String {
    var decoded: [UInt8] = []
    while position < bytes.count, bytes[position] != terminator {
      let byte = bytes[position]
      if byte == UInt8(ascii: "<") { throw Failure(offset: position, message: "raw < in a value") }
      if byte == UInt8(ascii: ">") && !rawGreaterThan {
        throw Failure(offset: position, message: "raw > in text")
      }
      if byte == UInt8(ascii: "'") && inAttribute {
        throw Failure(offset: position, message: "raw ' in an attribute")
      }
      if byte == UInt8(ascii: "&") {
        guard let end = bytes[position...].firstIndex(of: UInt8(ascii: ";")), end - position <= 10
        else { throw Failure(offset: position, message: "& without an entity") }
        let entity = String(decoding: bytes[(position + 1)..<end], as: UTF8.self)
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'"]
        guard let text = named[entity] else {
          throw Failure(offset: position, message: "unknown entity &\(entity);")
        }
        decoded += Array(text.utf8)
        position = end + 1
        continue
      }
      decoded.append(byte)
      position += 1
    }
    guard position < bytes.count || terminator == UInt8(ascii: "<") else {
      throw Failure(offset: position, message: "unterminated value")
    }
    return String(decoding: decoded, as: UTF8.self)
  }
}
