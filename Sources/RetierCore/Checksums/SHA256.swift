import CSHA256

/// A streaming SHA-256 hasher (FIPS 180-4), used for the input and output file digests of
/// `run.json`.
///
/// Feed bytes with `update(_:)` in chunks of any size, then read the 32-byte digest with
/// `finalize()`. The hasher is a value: `finalize()` works on a copy, so more bytes can still be
/// appended afterwards.
///
/// The hasher holds no heap storage: the hash value is eight stored words and the partial block
/// an `InlineArray`. `hash(_:)` and `hexDigest(_:)` compress whole blocks straight from the
/// input and pad only the tail, in an inline buffer.
///
/// The compression function runs on the CPU's SHA extensions when it has them (x86-64 SHA-NI,
/// in the package's C target `CSHA256`: about 4× the Swift rounds here), otherwise as portable
/// Swift rounds that read each block as a 64-byte span at constant offsets, which lets the
/// compiler drop the per-byte checks and load each word in one instruction. Handing the blocks
/// and the hash value to the C function is the only pointer code of this type (and of
/// `RetierCore` outside the CSV scanner); both ways give the same digests, which the tests check.
package struct SHA256: Sendable {
  /// A way to compute the compression function. Every way gives the same digests; they differ
  /// in speed and in the CPUs they run on.
  package enum Compression: Sendable {
    /// Scalar Swift rounds: every CPU.
    case portable
    /// The x86-64 SHA extensions (SHA256RNDS2, SHA256MSG1/2) through `CSHA256`.
    case shaExtensions

    /// Whether this CPU can run it.
    package var isAvailable: Bool {
      switch self {
      case .portable:
        return true
      case .shaExtensions:
        return Self.cpuHasSHAExtensions
      }
    }

    /// The fastest way this CPU runs, used by every hasher of the job.
    package static let fastest: Compression = cpuHasSHAExtensions ? .shaExtensions : .portable

    /// Whether the CPU has the SHA extensions, asked once: CPUID is slow in a virtual machine.
    private static let cpuHasSHAExtensions: Bool = {
      #if arch(x86_64)
        return csha256_has_sha_extensions() != 0
      #else
        return false
      #endif
    }()
  }

  /// The size of one compression block in bytes.
  static let blockSize = 64

  /// The size of a digest in bytes.
  static let digestSize = 32

  private static let roundConstants: InlineArray<64, UInt32> = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  /// The running hash value H(i).
  private var state = HashValue.initial

  /// Bytes received but not yet compressed, in the first `pendingCount` bytes. Inline rather
  /// than an array, so that creating or copying a hasher does not allocate.
  private var pending = InlineArray<64, UInt8>(repeating: 0)

  /// The number of valid bytes in `pending`; always fewer than `blockSize`.
  private var pendingCount = 0

  /// The total number of bytes received so far.
  private var messageLength: UInt64 = 0

  /// How this hasher compresses its blocks.
  private let compression: Compression

  /// Creates a hasher for an empty message, compressing the fastest way this CPU runs.
  package init() {
    self.init(compression: .fastest)
  }

  /// Creates a hasher for an empty message that compresses with `compression`, which must be
  /// available on this CPU (the tests compare the ways against each other, and
  /// `retier-drop-gen --sha256-throughput` times them).
  package init(compression: Compression) {
    precondition(compression.isAvailable, "SHA-256 compression \(compression) not available")
    self.compression = compression
  }

  /// Appends `bytes` to the message.
  package mutating func update(_ bytes: Span<UInt8>) {
    guard !bytes.isEmpty else { return }
    messageLength &+= UInt64(bytes.count)
    var input = bytes
    var words = state
    if pendingCount > 0 {
      let taken = min(Self.blockSize - pendingCount, input.count)
      for index in 0..<taken {
        pending[pendingCount + index] = input[index]
      }
      input = input.extracting(droppingFirst: taken)
      pendingCount += taken
      guard pendingCount == Self.blockSize else { return }
      Self.compress(&words, blocks: pending.span, with: compression)
    }
    let wholeBlockBytes = input.count - input.count % Self.blockSize
    if wholeBlockBytes > 0 {
      Self.compress(&words, blocks: input.extracting(first: wholeBlockBytes), with: compression)
    }
    let tail = input.extracting(droppingFirst: wholeBlockBytes)
    for index in tail.indices {
      pending[index] = tail[index]
    }
    pendingCount = tail.count
    state = words
  }

  /// Appends `bytes` to the message.
  mutating func update(_ bytes: [UInt8]) {
    update(bytes.span)
  }

  /// Returns the 32-byte digest of the bytes received so far, leaving this hasher unchanged.
  package func finalize() -> [UInt8] {
    finalHashValue().digest()
  }

  /// Returns the lowercase hexadecimal digest of the bytes received so far.
  func finalizeHex() -> String {
    finalHashValue().hexDigest()
  }

  /// Returns the 32-byte digest of `bytes`.
  static func hash(_ bytes: [UInt8]) -> [UInt8] {
    oneShotHashValue(bytes.span).digest()
  }

  /// Returns the lowercase hexadecimal digest of `bytes` (64 characters).
  static func hexDigest(_ bytes: [UInt8]) -> String {
    oneShotHashValue(bytes.span).hexDigest()
  }

  /// The ASCII lowercase hexadecimal digit for `nibble` (0...15).
  @inline(__always)
  fileprivate static func hexDigit(_ nibble: UInt8) -> UInt8 {
    // '0'...'9' are 0x30...0x39; 'a'...'f' are 0x61...0x66, another 0x27 further on.
    nibble &+ 0x30 &+ (nibble > 9 ? 0x27 : 0)
  }

  /// The final hash value of the bytes received so far, computed on a copy of the state.
  private func finalHashValue() -> HashValue {
    var words = state
    Self.compressFinal(
      &words, tail: pending.span.extracting(first: pendingCount), length: messageLength,
      with: compression)
    return words
  }

  /// The final hash value of the message `bytes`, compressing its whole blocks in place.
  private static func oneShotHashValue(_ bytes: Span<UInt8>) -> HashValue {
    let compression = Compression.fastest
    var words = HashValue.initial
    let wholeBlockBytes = bytes.count - bytes.count % blockSize
    if wholeBlockBytes > 0 {
      compress(&words, blocks: bytes.extracting(first: wholeBlockBytes), with: compression)
    }
    compressFinal(
      &words, tail: bytes.extracting(droppingFirst: wholeBlockBytes), length: UInt64(bytes.count),
      with: compression)
    return words
  }

  /// Pads `tail`, the last partial block (fewer than `blockSize` bytes) of a message of `length`
  /// bytes in all, and compresses the resulting one or two blocks into `words`.
  private static func compressFinal(
    _ words: inout HashValue, tail: Span<UInt8>, length: UInt64, with compression: Compression
  ) {
    // Padding (FIPS 180-4 §5.1.1): a single 1 bit, zeros up to 56 mod 64, the 64-bit length.
    var padded = InlineArray<128, UInt8>(repeating: 0)
    for index in tail.indices {
      padded[index] = tail[index]
    }
    padded[tail.count] = 0x80
    let paddedCount = tail.count < blockSize - 8 ? blockSize : 2 * blockSize
    let bitLength = length &* 8
    for index in 0..<8 {
      padded[paddedCount - 1 - index] = UInt8(truncatingIfNeeded: bitLength &>> (8 * index))
    }
    compress(&words, blocks: padded.span.extracting(first: paddedCount), with: compression)
  }

  /// Runs the compression function (FIPS 180-4 §6.2.2) over `blocks`, consecutive 64-byte
  /// blocks (a whole number of them), the way `compression` says.
  private static func compress(
    _ words: inout HashValue, blocks: Span<UInt8>, with compression: Compression
  ) {
    switch compression {
    case .portable:
      compressPortably(&words, blocks: blocks)
    case .shaExtensions:
      compressWithSHAExtensions(&words, blocks: blocks)
    }
  }

  /// The compression function on the CPU's SHA extensions, in `CSHA256`. The C function takes
  /// the hash value and the blocks as pointers, valid only for the call.
  private static func compressWithSHAExtensions(_ words: inout HashValue, blocks: Span<UInt8>) {
    #if arch(x86_64)
      guard blocks.count >= blockSize else { return }
      var state: InlineArray<8, UInt32> = [
        words.h0, words.h1, words.h2, words.h3, words.h4, words.h5, words.h6, words.h7,
      ]
      var stateSpan = state.mutableSpan
      stateSpan.withUnsafeMutableBufferPointer { state in
        blocks.withUnsafeBufferPointer { bytes in
          csha256_compress_sha_extensions(
            state.baseAddress!, bytes.baseAddress!, bytes.count / blockSize)
        }
      }
      words = HashValue(
        h0: state[0], h1: state[1], h2: state[2], h3: state[3], h4: state[4], h5: state[5],
        h6: state[6], h7: state[7])
    #else
      preconditionFailure("the SHA extensions are x86-64 instructions")
    #endif
  }

  /// The compression function as scalar Swift rounds.
  private static func compressPortably(_ words: inout HashValue, blocks: Span<UInt8>) {
    // A copy in a local: reading the global for every round would recheck its initialization.
    let constants = roundConstants
    var h0 = words.h0
    var h1 = words.h1
    var h2 = words.h2
    var h3 = words.h3
    var h4 = words.h4
    var h5 = words.h5
    var h6 = words.h6
    var h7 = words.h7
    var offset = 0
    while offset < blocks.count {
      // A span of exactly 64 bytes: the word reads below, at constant offsets, need no bounds
      // checks of their own once this one has passed.
      let block = blocks.extracting(offset..<offset + blockSize)
      // The message schedule as a rolling window in locals: w0...w15 hold W[t...t+15] for the
      // group of 16 rounds starting at round t, and are overwritten with the next group.
      var w0 = block.bigEndianWord(at: 0)
      var w1 = block.bigEndianWord(at: 1)
      var w2 = block.bigEndianWord(at: 2)
      var w3 = block.bigEndianWord(at: 3)
      var w4 = block.bigEndianWord(at: 4)
      var w5 = block.bigEndianWord(at: 5)
      var w6 = block.bigEndianWord(at: 6)
      var w7 = block.bigEndianWord(at: 7)
      var w8 = block.bigEndianWord(at: 8)
      var w9 = block.bigEndianWord(at: 9)
      var w10 = block.bigEndianWord(at: 10)
      var w11 = block.bigEndianWord(at: 11)
      var w12 = block.bigEndianWord(at: 12)
      var w13 = block.bigEndianWord(at: 13)
      var w14 = block.bigEndianWord(at: 14)
      var w15 = block.bigEndianWord(at: 15)
      var a = h0
      var b = h1
      var c = h2
      var d = h3
      var e = h4
      var f = h5
      var g = h6
      var h = h7
      var t = 0
      while true {
        // A round changes only two working variables, so instead of shifting all eight the
        // roles rotate by one place per round and return to the start after eight rounds.
        // (Unrolling all 64 rounds measured slower than this 16-round loop.)
        round(a, b, c, &d, e, f, g, &h, constants[t] &+ w0)
        round(h, a, b, &c, d, e, f, &g, constants[t + 1] &+ w1)
        round(g, h, a, &b, c, d, e, &f, constants[t + 2] &+ w2)
        round(f, g, h, &a, b, c, d, &e, constants[t + 3] &+ w3)
        round(e, f, g, &h, a, b, c, &d, constants[t + 4] &+ w4)
        round(d, e, f, &g, h, a, b, &c, constants[t + 5] &+ w5)
        round(c, d, e, &f, g, h, a, &b, constants[t + 6] &+ w6)
        round(b, c, d, &e, f, g, h, &a, constants[t + 7] &+ w7)
        round(a, b, c, &d, e, f, g, &h, constants[t + 8] &+ w8)
        round(h, a, b, &c, d, e, f, &g, constants[t + 9] &+ w9)
        round(g, h, a, &b, c, d, e, &f, constants[t + 10] &+ w10)
        round(f, g, h, &a, b, c, d, &e, constants[t + 11] &+ w11)
        round(e, f, g, &h, a, b, c, &d, constants[t + 12] &+ w12)
        round(d, e, f, &g, h, a, b, &c, constants[t + 13] &+ w13)
        round(c, d, e, &f, g, h, a, &b, constants[t + 14] &+ w14)
        round(b, c, d, &e, f, g, h, &a, constants[t + 15] &+ w15)
        t += 16
        if t == 64 { break }
        // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16] (§6.2.2 step 1), in place: in
        // this order every operand already holds the word it needs, old or new.
        w0 &+= sigma1(w14) &+ w9 &+ sigma0(w1)
        w1 &+= sigma1(w15) &+ w10 &+ sigma0(w2)
        w2 &+= sigma1(w0) &+ w11 &+ sigma0(w3)
        w3 &+= sigma1(w1) &+ w12 &+ sigma0(w4)
        w4 &+= sigma1(w2) &+ w13 &+ sigma0(w5)
        w5 &+= sigma1(w3) &+ w14 &+ sigma0(w6)
        w6 &+= sigma1(w4) &+ w15 &+ sigma0(w7)
        w7 &+= sigma1(w5) &+ w0 &+ sigma0(w8)
        w8 &+= sigma1(w6) &+ w1 &+ sigma0(w9)
        w9 &+= sigma1(w7) &+ w2 &+ sigma0(w10)
        w10 &+= sigma1(w8) &+ w3 &+ sigma0(w11)
        w11 &+= sigma1(w9) &+ w4 &+ sigma0(w12)
        w12 &+= sigma1(w10) &+ w5 &+ sigma0(w13)
        w13 &+= sigma1(w11) &+ w6 &+ sigma0(w14)
        w14 &+= sigma1(w12) &+ w7 &+ sigma0(w15)
        w15 &+= sigma1(w13) &+ w8 &+ sigma0(w0)
      }
      h0 &+= a
      h1 &+= b
      h2 &+= c
      h3 &+= d
      h4 &+= e
      h5 &+= f
      h6 &+= g
      h7 &+= h
      offset += blockSize
    }
    words = HashValue(h0: h0, h1: h1, h2: h2, h3: h3, h4: h4, h5: h5, h6: h6, h7: h7)
  }

  /// One round of §6.2.2 step 3, with the working variables passed in their current roles: adds
  /// T1 to `d` (which becomes the next `e`) and sets `h` to T1 + T2 (the next `a`). `kw` is
  /// K[t] + W[t].
  @inline(__always)
  private static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
  ) {
    // Ch and Maj (§4.1.2) in equivalent forms with fewer operations; `b ^ c` in Maj is the
    // previous round's `a ^ b`, which the compiler reuses. (This statement order measured
    // fastest.)
    let bigSigma1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
    let choose = g ^ (e & (f ^ g))
    let temp1 = h &+ bigSigma1 &+ choose &+ kw
    let bigSigma0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
    let majority = ((a ^ b) & (b ^ c)) ^ b
    d &+= temp1
    h = temp1 &+ bigSigma0 &+ majority
  }

  /// σ0 of FIPS 180-4 §4.1.2.
  @inline(__always)
  private static func sigma0(_ x: UInt32) -> UInt32 {
    x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)
  }

  /// σ1 of FIPS 180-4 §4.1.2.
  @inline(__always)
  private static func sigma1(_ x: UInt32) -> UInt32 {
    x.rotatedRight(17) ^ x.rotatedRight(19) ^ (x &>> 10)
  }
}

/// A SHA-256 hash value: the eight 32-bit words H0...H7, in stored properties rather than an
/// array so that they stay in registers and need no allocation.
private struct HashValue {
  var h0: UInt32
  var h1: UInt32
  var h2: UInt32
  var h3: UInt32
  var h4: UInt32
  var h5: UInt32
  var h6: UInt32
  var h7: UInt32

  /// The initial hash value H(0) (FIPS 180-4 §5.3.3).
  static let initial = HashValue(
    h0: 0x6a09_e667, h1: 0xbb67_ae85, h2: 0x3c6e_f372, h3: 0xa54f_f53a,
    h4: 0x510e_527f, h5: 0x9b05_688c, h6: 0x1f83_d9ab, h7: 0x5be0_cd19)

  /// Calls `body` with the index and value of each word, in order.
  @inline(__always)
  func forEachWord(_ body: (Int, UInt32) -> Void) {
    body(0, h0)
    body(1, h1)
    body(2, h2)
    body(3, h3)
    body(4, h4)
    body(5, h5)
    body(6, h6)
    body(7, h7)
  }

  /// The 32-byte digest: the words in order, each big-endian.
  func digest() -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(SHA256.digestSize)
    forEachWord { _, word in
      for byte in 0..<4 {
        bytes.append(UInt8(truncatingIfNeeded: word &>> (24 - 8 * byte)))
      }
    }
    return bytes
  }

  /// The digest as 64 lowercase hexadecimal characters, built in an inline buffer.
  func hexDigest() -> String {
    var text = InlineArray<64, UInt8>(repeating: 0)
    forEachWord { index, word in
      for nibble in 0..<8 {
        let value = UInt8(truncatingIfNeeded: word &>> (28 - 4 * nibble)) & 0x0f
        text[8 * index + nibble] = SHA256.hexDigit(value)
      }
    }
    // Hexadecimal digits are ASCII, which is always valid UTF-8.
    return String(copying: try! UTF8Span(validating: text.span))
  }
}

extension UInt32 {
  /// Rotates the bits right by `count` places (ROTR of FIPS 180-4), `count` in 1...31.
  @inline(__always)
  fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
    (self &>> count) | (self &<< (32 &- count))
  }
}

extension Span where Element == UInt8 {
  /// The big-endian 32-bit word at word offset `index`.
  @inline(__always)
  fileprivate func bigEndianWord(at index: Int) -> UInt32 {
    UInt32(self[4 * index]) &<< 24 | UInt32(self[4 * index + 1]) &<< 16
      | UInt32(self[4 * index + 2]) &<< 8 | UInt32(self[4 * index + 3])
  }
}
