import RetierCore

/// `retier-drop-gen --sha256-throughput [RUNS]`, left out of `--help`: measures `SHA256` on each
/// compression this CPU runs, for bench/README.md. Not a test: it reads the clock, and its
/// figures depend on the machine and its load.
enum HashThroughput {
  /// The hidden option that runs it.
  static let option = "--sha256-throughput"

  /// Bytes hashed per timed pass.
  private static let passBytes = 64 << 20
  /// The size of a typical account memo, for the pass that hashes many small files.
  private static let memoBytes = 2_400

  /// Measures every available compression `runs` times and returns the report, one line per
  /// compression and message size: the median and range of the throughput in MB/s (10⁶ bytes).
  static func report(runs: Int) -> String {
    // Deterministic bytes that no compressor could shortcut (the hasher cannot anyway).
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let message = (0..<passBytes).map { _ -> UInt8 in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state &>> 56)
    }
    var lines = ["SHA-256 throughput, median of \(runs) passes of \(passBytes >> 20) MiB (MB/s)"]
    var sink: UInt8 = 0
    for compression in [SHA256.Compression.portable, .shaExtensions] {
      guard compression.isAvailable else {
        lines.append("\(compression): not available on this CPU")
        continue
      }
      for size in [passBytes, memoBytes] {
        var rates: [Double] = []
        for _ in 0..<runs {
          let elapsed = ContinuousClock().measure {
            var offset = 0
            while offset + size <= message.count {
              var hasher = SHA256(compression: compression)
              hasher.update(message.span.extracting(offset..<offset + size))
              sink ^= hasher.finalize()[0]
              offset += size
            }
          }
          let seconds =
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
          rates.append(Double(message.count - message.count % size) / seconds / 1e6)
        }
        rates.sort()
        let label = size == passBytes ? "one 64 MiB message" : "messages of \(size) bytes"
        lines.append(
          "\(compression), \(label): \(Int(rates[rates.count / 2].rounded())) "
            + "(\(Int(rates[0].rounded()))–\(Int(rates[rates.count - 1].rounded())))")
      }
    }
    lines.append("(digest bytes folded: \(sink))")
    return lines.joined(separator: "\n")
  }
}
