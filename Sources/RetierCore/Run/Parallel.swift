import Dispatch
import Synchronization

/// Runs independent pieces of work on every core and returns their results in index order, so
/// the output never depends on thread scheduling.
///
/// The work is `@Sendable`, so the compiler checks that it shares nothing mutable between
/// threads. Each thread collects its results in an array of its own and hands the array over
/// under a lock, once per chunk; the arrays are joined in chunk order after every thread is done.
/// The lock is taken a few times per call, never per result.
package enum Parallel {
  /// `transform` of every index in `0..<count`, in index order, computed concurrently in
  /// contiguous chunks of at least `minimumChunk` indices.
  package static func map<Result: Sendable>(
    _ count: Int, minimumChunk: Int = 1, _ transform: @Sendable (Int) -> Result
  ) -> [Result] {
    let chunkCount = Swift.min(Self.maximumChunkCount, count / Swift.max(1, minimumChunk))
    guard chunkCount > 1 else { return (0..<count).map(transform) }
    let chunks = Mutex([[Result]](repeating: [], count: chunkCount))
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
      let start = count * chunk / chunkCount
      let end = count * (chunk + 1) / chunkCount
      let results = (start..<end).map(transform)
      chunks.withLock { $0[chunk] = results }
    }
    return chunks.withLock { chunks in
      var results: [Result] = []
      results.reserveCapacity(count)
      for chunk in chunks {
        results += chunk
      }
      return results
    }
  }

  /// `first(firstInput)` and `second(secondInput)`, computed concurrently.
  ///
  /// Each side takes its input over and owns it alone, so an input (a file's bytes, say) is
  /// freed as soon as its side is done with it rather than once both are.
  static func both<FirstInput: Sendable, SecondInput: Sendable, First: Sendable, Second: Sendable>(
    _ firstInput: consuming FirstInput, _ first: @Sendable (FirstInput) -> First,
    _ secondInput: consuming SecondInput, _ second: @Sendable (SecondInput) -> Second
  ) -> (First, Second) {
    let inputs = Mutex<(first: FirstInput?, second: SecondInput?)>(
      (consume firstInput, consume secondInput))
    let results = Mutex<(first: First?, second: Second?)>((nil, nil))
    DispatchQueue.concurrentPerform(iterations: 2) { iteration in
      // Each iteration takes only its own input and stores only its own result, so neither
      // input is taken twice and both results are there once `concurrentPerform` returns.
      if iteration == 0 {
        let result = first(inputs.withLock { $0.first.take()! })
        results.withLock { $0.first = result }
      } else {
        let result = second(inputs.withLock { $0.second.take()! })
        results.withLock { $0.second = result }
      }
    }
    return results.withLock { ($0.first!, $0.second!) }
  }

  /// Chunks per call: more than there are cores, so that one slow chunk leaves no core idle;
  /// `concurrentPerform` spreads them over the cores the system provides.
  private static let maximumChunkCount = 16
}
