// The SHA-256 compression function on the CPU's SHA extensions (x86-64 SHA-NI), for
// RetierCore's `SHA256`, which keeps the padding, the streaming and a portable Swift
// compression for CPUs without them. C, because Swift cannot reach the x86 SHA intrinsics;
// part of this package, not a dependency.
#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__)

/// Returns 1 when this CPU runs the SHA extensions and SSE4.1 (CPUID), else 0.
int csha256_has_sha_extensions(void);

/// Runs the SHA-256 compression function (FIPS 180-4 §6.2.2) over `block_count` consecutive
/// 64-byte blocks at `blocks`, updating the hash value `state` (H0...H7, native 32-bit words).
/// Only call it when `csha256_has_sha_extensions()` returned 1.
void csha256_compress_sha_extensions(uint32_t state[8], const uint8_t *blocks,
                                     size_t block_count);

#endif

#endif
