/*
 * dict.h: the layout of a dict as CPython 3.11 keeps it (Objects/dictobject.c).
 *
 * A dict object (48 bytes plus the 16-byte GC header) points to a keys
 * object: a header of 32 bytes, an index table of 2**log2size slots (1, 2,
 * 4 or 8 bytes each by size), then dk_usable + dk_nentries entries of 16
 * bytes (all keys str: key, value) or 24 bytes (hash, key, value).
 * Entries are appended in insertion order; deleting leaves a hole that a
 * resize squeezes out.  A dict with no keys object yet shares the static
 * empty keys (log2size 0 here).
 *
 * A split dict (an instance's materialised __dict__) uses its class's
 * shared keys and a separate values array.
 *
 * The host keeps its own index (hash -> entry) to look keys up; the
 * simulated sizes come from log2size, usable and the entry kind, which
 * follow CPython exactly.
 */
#ifndef PYMEMSIM_SIM_DICT_H
#define PYMEMSIM_SIM_DICT_H

#include <stdint.h>

#include "sim/object.h"

#define DICT_LOG_MINSIZE   3
#define DICT_MINSIZE       8
#define DICT_FREE_INDEX    (-1)
#define DICT_DUMMY_INDEX   (-2)

struct Dict {
    uint8_t log2size;          /* 0: the shared empty keys */
    uint8_t unicode;           /* 16-byte entries (all keys str) */
    uint8_t split;             /* values live in inst's values array */
    uint32_t usable;           /* dk_usable */
    uint32_t nentries;         /* dk_nentries */
    uint32_t used;             /* ma_used */
    Handle *entries;           /* 2 per entry: key, value (combined) */
    uint32_t entries_cap;      /* entries allocated (in pairs) */
    int32_t *index;            /* 2**log2size host slots: entry or -1/-2 */
    uint64_t keys_addr;        /* block of the keys object, or 0 */
    /* Split dicts: the class whose shared keys we use (borrowed) and
     * the values taken over from the instance (owned). */
    Handle cls;
    Values *values;
};

/* USABLE_FRACTION(n) = 2n/3 */
static inline uint32_t
dict_usable_fraction(uint32_t n)
{
    return (n << 1) / 3;
}

/* Bytes of a keys object of 2**log2size slots. */
uint64_t dict_keys_bytes(unsigned log2size, int unicode);

#endif
