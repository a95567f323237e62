// SHA-256 block compression with the x86 SHA extensions (Intel SHA-NI, also on AMD Zen).
//
// The message schedule runs on SHA256MSG1/SHA256MSG2 and the rounds on SHA256RNDS2, two rounds
// per instruction, with the hash value kept as the two registers ABEF and CDGH the instruction
// expects. The sequence follows Intel's "Intel SHA Extensions" white paper (2013). Only this
// function is compiled for those extensions; `csha256_has_sha_extensions` checks the CPU first.
#include "CSHA256.h"

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>

int csha256_has_sha_extensions(void) {
  unsigned int eax, ebx, ecx, edx;
  // Leaf 1: ECX bit 9 SSSE3 (the byte shuffle), bit 19 SSE4.1 (the blend).
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) {
    return 0;
  }
  const int ssse3 = (ecx >> 9) & 1;
  const int sse41 = (ecx >> 19) & 1;
  // Leaf 7, subleaf 0: EBX bit 29 SHA.
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) {
    return 0;
  }
  const int sha = (ebx >> 29) & 1;
  return ssse3 && sse41 && sha;
}

/// The round constants K (FIPS 180-4 §4.2.2), four per group of rounds.
static const uint32_t round_constants[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
};

// Four rounds (group `group`, rounds 4 × group ... 4 × group + 3) on the message words `words`:
// two SHA256RNDS2, each taking W + K from the low half of its third operand.
#define FOUR_ROUNDS(words, group)                                                                \
  do {                                                                                           \
    __m128i message = _mm_add_epi32(                                                             \
        (words), _mm_load_si128((const __m128i *)&round_constants[4 * (group)]));                \
    cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message);                                           \
    message = _mm_shuffle_epi32(message, 0x0E);                                                  \
    abef = _mm_sha256rnds2_epu32(abef, cdgh, message);                                           \
  } while (0)

// Completes the next group's message words `next` (W[t] for t = 4 × group + 4 ... + 7) from the
// current group's `current` and the previous group's `previous`: adds W[t - 7] and applies σ1.
#define SCHEDULE_NEXT(next, current, previous)                                                   \
  do {                                                                                           \
    (next) = _mm_add_epi32((next), _mm_alignr_epi8((current), (previous), 4));                   \
    (next) = _mm_sha256msg2_epu32((next), (current));                                            \
  } while (0)

// Starts a group three ahead: adds σ0 of the following words to `older` (W[t - 16]).
#define SCHEDULE_START(older, current) (older) = _mm_sha256msg1_epu32((older), (current))

__attribute__((target("sha,sse4.1,ssse3"))) void
csha256_compress_sha_extensions(uint32_t state[8], const uint8_t *blocks, size_t block_count) {
  // Byte order: the message is big-endian, the lanes little-endian.
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

  // H0...H7 = a...h into the layout SHA256RNDS2 works on: ABEF and CDGH (high lane first).
  __m128i abcd = _mm_loadu_si128((const __m128i *)&state[0]);
  __m128i efgh = _mm_loadu_si128((const __m128i *)&state[4]);
  abcd = _mm_shuffle_epi32(abcd, 0xB1);          // b a d c (low lane first)
  efgh = _mm_shuffle_epi32(efgh, 0x1B);          // h g f e
  __m128i abef = _mm_alignr_epi8(abcd, efgh, 8); // f e b a
  __m128i cdgh = _mm_blend_epi16(efgh, abcd, 0xF0); // h g d c

  for (size_t block = 0; block < block_count; block++) {
    const uint8_t *bytes = blocks + 64 * block;
    const __m128i abef_before = abef;
    const __m128i cdgh_before = cdgh;
    __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(bytes + 0)), byte_swap);
    __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(bytes + 16)), byte_swap);
    __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(bytes + 32)), byte_swap);
    __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(bytes + 48)), byte_swap);

    // Group g uses w[g mod 4]; groups 3...14 complete group g + 1's words, groups 1...12 start
    // group g + 3's.
    FOUR_ROUNDS(w0, 0);
    FOUR_ROUNDS(w1, 1);
    SCHEDULE_START(w0, w1);
    FOUR_ROUNDS(w2, 2);
    SCHEDULE_START(w1, w2);
    FOUR_ROUNDS(w3, 3);
    SCHEDULE_NEXT(w0, w3, w2);
    SCHEDULE_START(w2, w3);
    FOUR_ROUNDS(w0, 4);
    SCHEDULE_NEXT(w1, w0, w3);
    SCHEDULE_START(w3, w0);
    FOUR_ROUNDS(w1, 5);
    SCHEDULE_NEXT(w2, w1, w0);
    SCHEDULE_START(w0, w1);
    FOUR_ROUNDS(w2, 6);
    SCHEDULE_NEXT(w3, w2, w1);
    SCHEDULE_START(w1, w2);
    FOUR_ROUNDS(w3, 7);
    SCHEDULE_NEXT(w0, w3, w2);
    SCHEDULE_START(w2, w3);
    FOUR_ROUNDS(w0, 8);
    SCHEDULE_NEXT(w1, w0, w3);
    SCHEDULE_START(w3, w0);
    FOUR_ROUNDS(w1, 9);
    SCHEDULE_NEXT(w2, w1, w0);
    SCHEDULE_START(w0, w1);
    FOUR_ROUNDS(w2, 10);
    SCHEDULE_NEXT(w3, w2, w1);
    SCHEDULE_START(w1, w2);
    FOUR_ROUNDS(w3, 11);
    SCHEDULE_NEXT(w0, w3, w2);
    SCHEDULE_START(w2, w3);
    FOUR_ROUNDS(w0, 12);
    SCHEDULE_NEXT(w1, w0, w3);
    SCHEDULE_START(w3, w0);
    FOUR_ROUNDS(w1, 13);
    SCHEDULE_NEXT(w2, w1, w0);
    FOUR_ROUNDS(w2, 14);
    SCHEDULE_NEXT(w3, w2, w1);
    FOUR_ROUNDS(w3, 15);

    abef = _mm_add_epi32(abef, abef_before);
    cdgh = _mm_add_epi32(cdgh, cdgh_before);
  }

  // Back from ABEF / CDGH to a...h.
  const __m128i feba = _mm_shuffle_epi32(abef, 0x1B); // a b e f (low lane first)
  const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1); // g h c d
  abcd = _mm_blend_epi16(feba, dchg, 0xF0);           // a b c d
  efgh = _mm_alignr_epi8(dchg, feba, 8);              // e f g h
  _mm_storeu_si128((__m128i *)&state[0], abcd);
  _mm_storeu_si128((__m128i *)&state[4], efgh);
}

#endif
