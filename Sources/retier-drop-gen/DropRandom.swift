/// A seedable xoshiro256** generator.
///
/// The drop generator owns its random numbers (never `SystemRandomNumberGenerator`, and never the
/// standard library's `random(in:using:)`, whose algorithm may change between toolchains) so the
/// same arguments give byte-identical files everywhere.
struct DropRandom {
  private var state0: UInt64
  private var state1: UInt64
  private var state2: UInt64
  private var state3: UInt64

  /// Creates a generator whose state is expanded from `seed` with SplitMix64.
  init(seed: UInt64) {
    var mixer = seed
    state0 = Self.splitMix(&mixer)
    state1 = Self.splitMix(&mixer)
    state2 = Self.splitMix(&mixer)
    state3 = Self.splitMix(&mixer)
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    let result = Self.rotateLeft(state1 &* 5, by: 7) &* 9
    let shifted = state1 << 17
    state2 ^= state0
    state3 ^= state1
    state1 ^= state2
    state0 ^= state3
    state2 ^= shifted
    state3 = Self.rotateLeft(state3, by: 45)
    return result
  }

  /// A uniform integer in `0..<bound` (multiply-shift with rejection, so there is no modulo bias).
  mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold {
        product = next().multipliedFullWidth(by: range)
      }
    }
    return Int(product.high)
  }

  /// A uniform integer in `range`.
  mutating func integer(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.count)
  }

  /// True with probability `numerator / denominator`.
  mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
    below(denominator) < numerator
  }

  /// A uniformly chosen element of a non-empty array.
  mutating func element<Element>(of array: [Element]) -> Element {
    array[below(array.count)]
  }

  /// An index into `weights` drawn with probability proportional to its weight.
  mutating func index(weightedBy weights: [Int]) -> Int {
    var pick = below(weights.reduce(0, +))
    for (index, weight) in weights.enumerated() {
      pick -= weight
      if pick < 0 {
        return index
      }
    }
    return weights.count - 1
  }

  /// Shuffles `array` in place (Fisher–Yates).
  mutating func shuffle<Element>(_ array: inout [Element]) {
    guard array.count > 1 else { return }
    for index in stride(from: array.count - 1, to: 0, by: -1) {
      array.swapAt(index, below(index + 1))
    }
  }

  private static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  private static func rotateLeft(_ value: UInt64, by count: UInt64) -> UInt64 {
    (value << count) | (value >> (64 - count))
  }
}
