/// Deterministic pseudo-random numbers (SplitMix64), so a failing generated case can be replayed
/// from its seed. Shared by both test targets.
package struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  /// A generator that always yields the same sequence for `seed`.
  package init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// A number in `0..<bound`.
  package mutating func below(_ bound: Int) -> Int {
    Int(next() % UInt64(bound))
  }

  /// A random element of a non-empty array.
  package mutating func pick<Element>(_ elements: [Element]) -> Element {
    elements[below(elements.count)]
  }

  /// True with probability `percent`/100.
  package mutating func chance(_ percent: Int) -> Bool {
    below(100) < percent
  }
}
