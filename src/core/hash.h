/*
 * hash.h: a 64-bit running hash of state, for comparing machines.
 *
 *   uint64_t h = HASH_SEED;
 *   h = hash_u64(h, value);
 *   h = hash_bytes(h, text, len);
 *
 * Not cryptographic; good enough that two states differing anywhere
 * hash differently in practice, and the same on every run.
 */
#ifndef PYMEMSIM_CORE_HASH_H
#define PYMEMSIM_CORE_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_SEED UINT64_C(0x6a09e667f3bcc908)

static inline uint64_t
hash_u64(uint64_t h, uint64_t v)
{
    h ^= v;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 32;
    return h;
}

static inline uint64_t
hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;

    h = hash_u64(h, n);
    for (size_t i = 0; i < n; i++) {
        h = (h ^ s[i]) * UINT64_C(0x100000001b3);
    }
    return hash_u64(h, 0);
}

#endif
