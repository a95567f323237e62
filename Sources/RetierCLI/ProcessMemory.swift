import Glibc

/// The executable's two requests to glibc's allocator, looked up at run time because `malloc.h`
/// is not in the Glibc module. Both only change how much freed memory stays resident; a libc
/// without them (or another allocator) is left as it is.
enum ProcessMemory {
  /// `M_MMAP_THRESHOLD` in `malloc.h`.
  private static let mmapThresholdParameter: Int32 = -3
  /// Allocations from this size up get pages of their own, given back to the kernel when freed:
  /// glibc's default, 128 KiB.
  private static let mmapThreshold: Int32 = 128 * 1024

  /// Pins glibc's mmap threshold at its default. Left alone, glibc raises it (up to 32 MiB) each
  /// time a large mapped block is freed, and the run frees many (each drop file once it is
  /// parsed, each batch once it is written): later large arrays then come from the heap and stay
  /// resident after they are freed. Pinned, a 1M dry run peaks about 45 MB lower at the same
  /// speed (bench/README.md).
  static func keepLargeBlocksMapped() {
    typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = dlsym(nil, "mallopt") else { return }
    _ = unsafeBitCast(symbol, to: MallOpt.self)(mmapThresholdParameter, mmapThreshold)
  }

  /// Calls `malloc_trim(0)`: returns the free blocks of every malloc arena to the kernel (used
  /// by `compare` between its two decisions).
  static func returnFreedMemory() {
    typealias MallocTrim = @convention(c) (Int) -> Int32
    guard let symbol = dlsym(nil, "malloc_trim") else { return }
    _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
  }
}
