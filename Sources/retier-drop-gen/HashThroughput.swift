import Glibc
import RetierCore

/// `retier-drop-gen --sha256-throughput [RUNS]`, left out of `--help`: measures `SHA256` on each
/// compression this CPU runs, for bench/README.md. Not a test: it reads the clock, and its
/// figures depend on the machine and its load.
///
/// Each pass is timed twice: by the process's CPU time, which other processes on a busy
/// machine barely disturb (the hasher runs on this one thread), and by the wall clock.
enum HashThroughput {
  /// The hidden option that runs it.
  static let option = "--sha256-throughput"

  /// Bytes hashed per timed pass.
  private static let passBytes = 64 << 20
  /// The size of a typical account memo, for the pass that hashes many small files.
  private static let memoBytes = 2_400

  /// Measures every available compression `runs` times and returns the report, one line per
  /// compression and message size: the median and range of the throughput in MB (10⁶ bytes)
  /// per second of CPU time, then per second of wall time.
  static func report(runs: Int) -> String {
    // Deterministic bytes (a linear congruential sequence); the hasher cannot shortcut any.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let message = (0..<passBytes).map { _ -> UInt8 in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state &>> 56)
    }
    var lines = [
      "SHA-256 throughput, \(runs) passes of \(passBytes >> 20) MiB: median (range) in MB per "
        + "CPU second | MB per wall second"
    ]
    // Every digest feeds the printed sum, so the optimizer cannot drop the hashing.
    var sink: UInt64 = 0
    for compression in [SHA256.Compression.portable, .shaExtensions] {
      guard compression.isAvailable else {
        lines.append("\(compression): not available on this CPU")
        continue
      }
      for size in [passBytes, memoBytes] {
        let hashed = Double(message.count - message.count % size)
        var perCPUSecond: [Double] = []
        var perWallSecond: [Double] = []
        for _ in 0..<runs {
          let cpuStart = clock()
          let elapsed = ContinuousClock().measure {
            var offset = 0
            while offset + size <= message.count {
              var hasher = SHA256(compression: compression)
              hasher.update(message.span.extracting(offset..<offset + size))
              sink &+= UInt64(hasher.finalize()[0])
              offset += size
            }
          }
          let cpuSeconds = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
          let wallSeconds =
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
          perCPUSecond.append(hashed / max(cpuSeconds, 1e-6) / 1e6)
          perWallSecond.append(hashed / wallSeconds / 1e6)
        }
        let label = size == passBytes ? "one 64 MiB message" : "messages of \(size) bytes"
        lines.append(
          "\(compression), \(label): \(summary(perCPUSecond)) | \(summary(perWallSecond))")
      }
    }
    lines.append("(sum of the digests' first bytes: \(sink))")
    return lines.joined(separator: "\n")
  }

  /// "median (lowest–highest)", rounded to whole MB/s.
  private static func summary(_ rates: [Double]) -> String {
    let sorted = rates.sorted()
    let rounded = { (rate: Double) in String(Int(rate.rounded())) }
    return "\(rounded(sorted[sorted.count / 2])) (\(rounded(sorted[0]))–"
      + "\(rounded(sorted[sorted.count - 1])))"
  }
}
