/// An ASCII account id reduced to two words: its first 16 bytes, big-endian and zero-padded.
///
/// For ASCII text, `String` equality and order are those of the bytes, so two ids of at most 16
/// bytes are equal exactly when their keys are, and ordered as their keys (no id holds a NUL
/// byte, so padding sorts a prefix first, as `String` does). A longer id needs its full text
/// compared once the keys tie.
struct IDKey: Equatable {
  /// Bytes 0–7.
  var high: UInt64
  /// Bytes 8–15.
  var low: UInt64
  /// Whether the id has at most 16 bytes, so that the key is the whole id.
  var isWhole: Bool

  /// Stands in for the key of an id that is not ASCII (no ASCII id has a byte above 0x7F).
  static let notASCII = IDKey(high: .max, low: .max, isWhole: false)

  /// The key of the empty id (no other id starts with a NUL byte).
  static let empty = IDKey(high: 0, low: 0, isWhole: true)

  /// A key from its parts.
  private init(high: UInt64, low: UInt64, isWhole: Bool) {
    self.high = high
    self.low = low
    self.isWhole = isWhole
  }

  /// The key of `id`; `nil` when `id` is not ASCII.
  init?(_ id: String) {
    self.init(bytes: id.utf8.span)
  }

  /// The key of an id's UTF-8 bytes; `nil` when they are not ASCII.
  init?(bytes: Span<UInt8>) {
    high = Self.word(bytes, at: 0)
    low = Self.word(bytes, at: 8)
    isWhole = bytes.count <= 16
    var tail: UInt8 = 0
    var position = 16
    while position < bytes.count {
      tail |= bytes[position]
      position += 1
    }
    guard (high | low) & 0x8080_8080_8080_8080 == 0, tail < 0x80 else { return nil }
  }

  /// The hash of a whole key; see ``hash(of:)``.
  var wholeHash: UInt64 { Self.mix(high, low) }

  /// A hash of all of an id's bytes that equals ``wholeHash`` for an id of at most 16 bytes.
  static func hash(of id: String) -> UInt64 {
    func hash(_ bytes: Span<UInt8>) -> UInt64 {
      var hash = mix(word(bytes, at: 0), word(bytes, at: 8))
      var offset = 16
      while offset < bytes.count {
        hash = mix(hash, word(bytes, at: offset))
        offset += 8
      }
      return hash
    }
    return hash(id.utf8.span)
  }

  /// Eight bytes from `offset` as a big-endian word, zero-padded past the end.
  private static func word(_ bytes: Span<UInt8>, at offset: Int) -> UInt64 {
    if offset >= 0, offset + 8 <= bytes.count {
      // Eight bytes in one expression after one range check: compiled to a single load and a
      // byte swap.
      return UInt64(bytes[offset]) << 56 | UInt64(bytes[offset + 1]) << 48
        | UInt64(bytes[offset + 2]) << 40 | UInt64(bytes[offset + 3]) << 32
        | UInt64(bytes[offset + 4]) << 24 | UInt64(bytes[offset + 5]) << 16
        | UInt64(bytes[offset + 6]) << 8 | UInt64(bytes[offset + 7])
    }
    let available = min(bytes.count - offset, 8)
    var word: UInt64 = 0
    var index = 0
    while index < available {
      word |= UInt64(bytes[offset + index]) << (56 - 8 * index)
      index += 1
    }
    return word
  }

  /// Combines two words with the SplitMix64 finalizer: ids that differ in any bit land far apart.
  private static func mix(_ first: UInt64, _ second: UInt64) -> UInt64 {
    var value = (first &* 0x9E37_79B9_7F4A_7C15) ^ second
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
