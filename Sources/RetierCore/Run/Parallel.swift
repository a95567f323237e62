import Dispatch

/// Runs independent pieces of work on every core and returns their results in index order, so
/// the output never depends on thread scheduling.
///
/// Why this type keeps unsafe code: the work is the renderers' closures, which capture the run
/// (not `Sendable` closures) and return values that need not be `Sendable`, and each result is
/// written by exactly one thread into a slot no other thread touches, then read only after
/// `concurrentPerform` has returned. Swift's checker cannot see that the slots are disjoint, so
/// the writes go through a pointer into the result array (`map`) or `nonisolated(unsafe)`
/// variables (`both`). Everything else runs on one thread and never needs this.
package enum Parallel {
  /// `transform` of every index in `0..<count`, in index order, computed concurrently in
  /// contiguous chunks of at least `minimumChunk` indices.
  package static func map<Result>(
    _ count: Int, minimumChunk: Int = 1, _ transform: (Int) -> Result
  ) -> [Result] {
    let chunkCount = Swift.min(Self.maximumChunkCount, count / Swift.max(1, minimumChunk))
    guard chunkCount > 1 else { return (0..<count).map(transform) }
    return withoutActuallyEscaping(transform) { transform in
      [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
        // Each chunk initializes a disjoint range of `buffer`; no element is shared.
        nonisolated(unsafe) let output = buffer.baseAddress!
        nonisolated(unsafe) let transform = transform
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
          let start = count * chunk / chunkCount
          let end = count * (chunk + 1) / chunkCount
          for index in start..<end { (output + index).initialize(to: transform(index)) }
        }
        initialized = count
      }
    }
  }

  /// The results of `first` and `second`, computed concurrently.
  static func both<First, Second>(
    _ first: () -> First, _ second: () -> Second
  ) -> (First, Second) {
    withoutActuallyEscaping(first) { first in
      withoutActuallyEscaping(second) { second in
        nonisolated(unsafe) var firstResult: First?
        nonisolated(unsafe) var secondResult: Second?
        nonisolated(unsafe) let first = first
        nonisolated(unsafe) let second = second
        // Each iteration writes only its own variable; `concurrentPerform` returns after both.
        DispatchQueue.concurrentPerform(iterations: 2) { iteration in
          if iteration == 0 { firstResult = first() } else { secondResult = second() }
        }
        return (firstResult!, secondResult!)
      }
    }
  }

  /// Chunks per call: more than there are cores, so that one slow chunk leaves no core idle;
  /// `concurrentPerform` spreads them over the cores the system provides.
  private static let maximumChunkCount = 16
}
