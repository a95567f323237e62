import RetierTestSupport
import Testing

@testable import RetierCore

/// The two ways `SHA256` computes its compression function (portable Swift rounds, the CPU's
/// SHA extensions) give the same digests, one-shot and streamed at any split points.
@Suite("SHA-256 compression paths")
struct SHA256CompressionTests {
  /// Why the tests of the SHA extensions may be skipped: recorded with the skip.
  private static let noSHAExtensions: Comment =
    "this CPU has no SHA extensions (x86-64 SHA-NI): only the portable compression can run"

  /// The FIPS 180-4 example messages and their digests.
  private static let nistVectors = SHA256Tests.nistVectors

  /// The digest of one million 'a' (FIPS 180-2 appendix B.3).
  private static let millionADigest =
    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"

  /// The hex digest of `message` hashed with `compression`, fed in pieces cut at `splits`
  /// (ascending offsets into the message).
  private static func hexDigest(
    _ message: [UInt8], compression: SHA256.Compression, splits: [Int] = []
  ) -> String {
    var hasher = SHA256(compression: compression)
    var start = 0
    for end in splits + [message.count] {
      hasher.update(message.span.extracting(start..<end))
      start = end
    }
    return hasher.finalizeHex()
  }

  /// Checks every NIST vector and the million 'a' with `compression`, whole and in pieces.
  private static func checkNISTVectors(with compression: SHA256.Compression) {
    for (text, expected) in nistVectors {
      let message = Array(text.utf8)
      #expect(hexDigest(message, compression: compression) == expected, "\(text)")
      let middle = message.count / 2
      #expect(
        hexDigest(message, compression: compression, splits: [1, middle].filter { $0 < middle })
          == expected, "\(text) in pieces")
    }
    let millionA = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(hexDigest(millionA, compression: compression) == millionADigest)
    #expect(hexDigest(millionA, compression: compression, splits: [63, 64_001]) == millionADigest)
  }

  @Test("the portable compression gives the NIST digests")
  func portableMatchesNIST() {
    Self.checkNISTVectors(with: .portable)
  }

  @Test(
    "the SHA extensions give the NIST digests",
    .enabled(if: SHA256.Compression.shaExtensions.isAvailable, noSHAExtensions))
  func shaExtensionsMatchNIST() {
    Self.checkNISTVectors(with: .shaExtensions)
  }

  @Test(
    "both compressions agree on random messages of 0...300 bytes cut at random points",
    .enabled(if: SHA256.Compression.shaExtensions.isAvailable, noSHAExtensions))
  func pathsAgreeOnRandomMessages() {
    var random = SplitMix64(seed: 0x5348_4132_3536)
    for length in 0...300 {
      for _ in 0..<4 {
        let message = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let splits = (0..<random.below(5)).map { _ in random.below(length + 1) }.sorted()
        let portable = Self.hexDigest(message, compression: .portable, splits: splits)
        let accelerated = Self.hexDigest(message, compression: .shaExtensions, splits: splits)
        #expect(accelerated == portable, "length \(length), splits \(splits)")
        #expect(SHA256.hexDigest(message) == portable, "one-shot, length \(length)")
      }
    }
  }

  @Test("the default hasher uses the fastest compression this CPU runs")
  func defaultIsFastestAvailable() {
    let expected: SHA256.Compression =
      SHA256.Compression.shaExtensions.isAvailable ? .shaExtensions : .portable
    #expect(SHA256.Compression.fastest == expected)
  }
}
