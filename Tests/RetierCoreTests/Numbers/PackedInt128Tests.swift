import Testing

@testable import RetierCore

/// The two-word store of the per-account amounts holds every `Int128` exactly.
@Suite("PackedInt128")
struct PackedInt128Tests {
  @Test(
    "every Int128 reads back exactly, across the word boundary and at both ends",
    arguments: [
      Int128.zero, 1, -1, Int128(Int64.max), Int128(Int64.min), Int128(UInt64.max),
      Int128(UInt64.max) + 1, -Int128(UInt64.max) - 1, Int128(1) << 100, -(Int128(1) << 100),
      Int128.max, Int128.min, 99_999_999_999_999_999,
    ])
  func roundTrip(value: Int128) {
    #expect(PackedInt128(value).value == value)
  }

  @Test("equal values are equal packed, different values are not")
  func equality() {
    #expect(PackedInt128(Int128(UInt64.max)) == PackedInt128(Int128(UInt64.max)))
    #expect(PackedInt128(-1) != PackedInt128(Int128(UInt64.max)))
    #expect(PackedInt128(Int128(1) << 64) != PackedInt128(1))
  }

  @Test("two words, 8-byte aligned, so it adds no padding to a record")
  func layout() {
    #expect(MemoryLayout<PackedInt128>.size == 16)
    #expect(MemoryLayout<PackedInt128>.alignment <= 8)
  }
}
