/// A streaming SHA-256 hasher (FIPS 180-4), used for the input and output file digests of
/// `run.json`.
///
/// Feed bytes with `update(_:)` in chunks of any size, then read the 32-byte digest with
/// `finalize()`. The hasher is a value: `finalize()` works on a copy, so more bytes can still be
/// appended afterwards.
package struct SHA256: Sendable {
  /// The size of one compression block in bytes.
  package static let blockSize = 64

  /// The size of a digest in bytes.
  package static let digestSize = 32

  /// The initial hash value H(0) (FIPS 180-4 §5.3.3).
  private static let initialState: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
    0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
  ]

  /// The round constants K (FIPS 180-4 §4.2.2).
  private static let roundConstants: [UInt32] = [
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

  /// The running hash value H(i): eight 32-bit words.
  private var state: [UInt32]

  /// Bytes received but not yet compressed; always fewer than `blockSize`.
  private var pending: [UInt8]

  /// The total number of bytes received so far.
  private var messageLength: UInt64

  /// Creates a hasher for an empty message.
  package init() {
    state = Self.initialState
    pending = []
    pending.reserveCapacity(Self.blockSize)
    messageLength = 0
  }

  /// Appends `bytes` to the message.
  package mutating func update(_ bytes: UnsafeRawBufferPointer) {
    messageLength &+= UInt64(bytes.count)
    var offset = 0
    if !pending.isEmpty {
      let taken = min(Self.blockSize - pending.count, bytes.count)
      pending.append(contentsOf: bytes[0..<taken])
      offset = taken
      guard pending.count == Self.blockSize else { return }
      pending.withUnsafeBytes { compress(blocks: $0) }
      pending.removeAll(keepingCapacity: true)
    }
    let wholeBlocksEnd = offset + (bytes.count - offset) / Self.blockSize * Self.blockSize
    if wholeBlocksEnd > offset {
      compress(blocks: UnsafeRawBufferPointer(rebasing: bytes[offset..<wholeBlocksEnd]))
    }
    pending.append(contentsOf: bytes[wholeBlocksEnd...])
  }

  /// Appends `bytes` to the message.
  package mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Returns the 32-byte digest of the bytes received so far, leaving this hasher unchanged.
  package func finalize() -> [UInt8] {
    var copy = self
    let bitLength = messageLength &* 8
    // Padding (FIPS 180-4 §5.1.1): a single 1 bit, zeros up to 56 mod 64, the 64-bit length.
    var padding: [UInt8] = [0x80]
    let zeroCount = (Self.blockSize + 55 - pending.count) % Self.blockSize
    padding.append(contentsOf: repeatElement(0, count: zeroCount))
    for shift in stride(from: 56, through: 0, by: -8) {
      padding.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    copy.update(padding)
    var digest: [UInt8] = []
    digest.reserveCapacity(Self.digestSize)
    for word in copy.state {
      digest.append(UInt8(truncatingIfNeeded: word >> 24))
      digest.append(UInt8(truncatingIfNeeded: word >> 16))
      digest.append(UInt8(truncatingIfNeeded: word >> 8))
      digest.append(UInt8(truncatingIfNeeded: word))
    }
    return digest
  }

  /// Returns the lowercase hexadecimal digest of the bytes received so far.
  package func finalizeHex() -> String {
    Self.lowercaseHex(finalize())
  }

  /// Returns the 32-byte digest of `bytes`.
  package static func hash(_ bytes: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Returns the lowercase hexadecimal digest of `bytes` (64 characters).
  package static func hexDigest(_ bytes: [UInt8]) -> String {
    lowercaseHex(hash(bytes))
  }

  /// Encodes `bytes` (any bytes, not only a digest) as lowercase hexadecimal, two characters per
  /// byte.
  package static func lowercaseHex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// Runs the compression function (FIPS 180-4 §6.2.2) over `blocks`, whose size is a multiple
  /// of `blockSize`.
  private mutating func compress(blocks: UnsafeRawBufferPointer) {
    Self.roundConstants.withUnsafeBufferPointer { constants in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
        state.withUnsafeMutableBufferPointer { hash in
          var blockStart = 0
          while blockStart < blocks.count {
            for index in 0..<16 {
              schedule[index] = UInt32(
                bigEndian: blocks.loadUnaligned(
                  fromByteOffset: blockStart + index * 4, as: UInt32.self))
            }
            for index in 16..<64 {
              let early = schedule[index - 15]
              let late = schedule[index - 2]
              let sigma0 = early.rotatedRight(7) ^ early.rotatedRight(18) ^ (early >> 3)
              let sigma1 = late.rotatedRight(17) ^ late.rotatedRight(19) ^ (late >> 10)
              schedule[index] = schedule[index - 16] &+ sigma0 &+ schedule[index - 7] &+ sigma1
            }
            var a = hash[0]
            var b = hash[1]
            var c = hash[2]
            var d = hash[3]
            var e = hash[4]
            var f = hash[5]
            var g = hash[6]
            var h = hash[7]
            for index in 0..<64 {
              let bigSigma1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
              let choose = (e & f) ^ (~e & g)
              let temp1 = h &+ bigSigma1 &+ choose &+ constants[index] &+ schedule[index]
              let bigSigma0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
              let majority = (a & b) ^ (a & c) ^ (b & c)
              let temp2 = bigSigma0 &+ majority
              h = g
              g = f
              f = e
              e = d &+ temp1
              d = c
              c = b
              b = a
              a = temp1 &+ temp2
            }
            hash[0] &+= a
            hash[1] &+= b
            hash[2] &+= c
            hash[3] &+= d
            hash[4] &+= e
            hash[5] &+= f
            hash[6] &+= g
            hash[7] &+= h
            blockStart += Self.blockSize
          }
        }
      }
    }
  }
}

extension UInt32 {
  /// Rotates the bits right by `count` places (ROTR of FIPS 180-4), `count` in 1...31.
  fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
    (self >> count) | (self << (32 - count))
  }
}
