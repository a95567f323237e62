/// An `Int128` stored as two 64-bit words.
///
/// `Int128` is 16-byte aligned, so a record that holds one is padded to a multiple of 16 bytes
/// and a `Money?` or `ExactDecimal` field can cost up to 32. Two words are 8-byte aligned and
/// hold every `Int128` exactly; the previous run's lines store their amounts this way.
struct PackedInt128: Sendable, Hashable {
  /// Bits 0–63 of the two's-complement value.
  private var low: UInt64
  /// Bits 64–127, with the sign.
  private var high: Int64

  /// Stores `value`.
  init(_ value: Int128) {
    low = UInt64(truncatingIfNeeded: value)
    high = Int64(truncatingIfNeeded: value >> 64)
  }

  /// The value stored.
  var value: Int128 {
    Int128(high) << 64 | Int128(low)
  }
}
