/// UTF-8 text under construction. The renderers append literals, numbers and input text straight
/// into one byte array instead of concatenating `String`s, which at a million accounts spent
/// most of the render phase growing, copying and freeing intermediate strings.
struct TextBuffer: Sendable {
  /// The text so far, UTF-8.
  var bytes: [UInt8] = []
  /// Whether amounts are spoken in whole units (the account memos, SPEC §6): see
  /// ``ProseAmount``.
  var speaksWholeUnits = false

  /// An empty buffer with room for `capacity` bytes.
  init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  /// The number of bytes so far; an offset to pass to the in-place transformations.
  var count: Int { bytes.count }

  /// The text as a `String`.
  var string: String { String(decoding: bytes, as: UTF8.self) }

  /// Appends each fragment in turn: `text.append("Total of ", total, ".")`.
  mutating func append<each Fragment: TextFragment>(_ fragment: repeat each Fragment) {
    repeat (each fragment).write(to: &self)
  }

  /// Appends one string. A single fragment needs no parameter pack, whose elements are copied
  /// through their value witnesses even when specialized.
  mutating func append(_ string: String) {
    string.write(to: &self)
  }

  /// Appends bytes that are already UTF-8 text.
  mutating func append(utf8 text: [UInt8]) {
    bytes.append(contentsOf: text)
  }

  /// Empties the buffer, keeping its storage for the next text.
  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
  }
}
