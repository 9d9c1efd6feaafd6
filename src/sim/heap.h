/*
 * heap.h: the simulated private heap, pymalloc as in CPython 3.11 on
 * 64-bit Linux (Objects/obmalloc.c).
 *
 * Terms (CPython's words):
 *
 *   block   one allocation of a size class: 16, 32, ..., 512 bytes.
 *   pool    16 KiB holding blocks of one size class after a 48-byte header.
 *   arena   1 MiB of 64 pools, "mmap"ed when needed and returned when all
 *           of its pools are empty (except the last wholly free one).
 *   raw     a request of 0 bytes or of more than 512 bytes: it bypasses
 *           pymalloc and goes to the system malloc.
 *
 * Addresses are simulated and deterministic.  Arena object slot k (the
 * index into CPython's arenas[] vector) always maps the 1 MiB at
 * HEAP_ARENA_BASE + k * HEAP_ARENA_SIZE, so every arena is pool-aligned
 * and has all 64 pools (CPython loses one pool when mmap returns an
 * address that is not 16 KiB aligned; that depends on ASLR and is not
 * modelled).  Raw blocks come from a separate deterministic region.
 *
 * Every block carries an owner tag (an object handle and a role such as
 * "object body" or "list item array") so that views can colour the map.
 * The heap never looks at objects; sim/machine.c owns that mapping.
 */
#ifndef PYMEMSIM_SIM_HEAP_H
#define PYMEMSIM_SIM_HEAP_H

#include <stddef.h>
#include <stdint.h>

#define HEAP_ALIGNMENT          16
#define HEAP_SMALL_REQUEST      512
#define HEAP_NCLASSES           32
#define HEAP_POOL_SIZE          16384
#define HEAP_POOL_OVERHEAD      48
#define HEAP_ARENA_SIZE         (1u << 20)
#define HEAP_POOLS_PER_ARENA    64
#define HEAP_INITIAL_ARENAS     16
#define HEAP_ARENA_BASE         UINT64_C(0x7f3a00000000)
#define HEAP_RAW_BASE           UINT64_C(0x5616a0000000)
#define HEAP_RAW_HEADER         16

#define HEAP_NONE               (-1)

/* What a block holds; stored with its owner. */
#define HEAP_ROLES(X) \
    X(OBJECT,      "object")        \
    X(LIST_ITEMS,  "list items")    \
    X(DICT_KEYS,   "dict keys")     \
    X(VALUES,      "values")        \
    X(SET_TABLE,   "set table")     \
    X(FREELIST,    "free list")     \
    X(OTHER,       "other")

typedef enum {
#define X(name, text) HEAP_ROLE_##name,
    HEAP_ROLES(X)
#undef X
    HEAP_NROLES
} HeapRole;

/* An owner tag: handle in the low 27 bits, role in the next 4. */
#define HEAP_TAG(handle, role)  (((uint32_t)(role) << 27) | (uint32_t)(handle))
#define HEAP_TAG_HANDLE(tag)    ((tag) & 0x07ffffffu)
#define HEAP_TAG_ROLE(tag)      (((tag) >> 27) & 0xfu)
#define HEAP_MAX_HANDLE         0x07ffffffu

/* Per-block slot: allocated blocks hold SLOT_USED | tag; free blocks
 * hold the index of the next free block plus one (0 ends the list),
 * like the pointer pymalloc keeps in a free block's first 8 bytes. */
#define HEAP_SLOT_USED          0x80000000u

typedef enum { POOL_UNCARVED, POOL_EMPTY, POOL_USED, POOL_FULL } PoolState;

typedef struct Pool {
    int16_t szidx;          /* size class; -1 before first use */
    uint16_t count;         /* ref.count: blocks allocated */
    int16_t freeblock;      /* first free block, or -1 */
    uint16_t nextblock;     /* next virgin block (nextoffset) */
    uint16_t nblocks;       /* blocks that fit (maxnextoffset) */
    uint8_t state;          /* PoolState */
    int32_t nextpool;       /* usedpools ring, or the arena's freepools */
    int32_t prevpool;
    uint32_t *slots;        /* nblocks entries, see HEAP_SLOT_USED */
} Pool;

typedef struct Arena {
    uint64_t address;       /* 0 when the slot is unused */
    int32_t nextarena;      /* usable_arenas, or unused_arena_objects */
    int32_t prevarena;
    int32_t freepools;      /* pool id of the first cached free pool */
    uint16_t nfreepools;
    uint16_t ntotalpools;
    uint16_t pool_carved;   /* pools carved so far (pool_address) */
    Pool pools[HEAP_POOLS_PER_ARENA];
} Arena;

typedef struct RawBlock {
    uint64_t addr;          /* fixed for the slot's life */
    uint64_t size;          /* bytes requested */
    uint64_t chunk;         /* bytes of the chunk, header included */
    uint32_t tag;
    uint32_t next;          /* free chain: next slot + 1, 0 ends */
    uint8_t live;
} RawBlock;

typedef struct HeapStats {
    uint64_t arenas_allocated_total;
    uint64_t arenas_reclaimed;
    uint64_t arenas_highwater;
    uint64_t arenas_current;
    uint64_t blocks_in_use;
    uint64_t bytes_in_blocks;     /* block sizes of allocated blocks */
    uint64_t raw_blocks;
    uint64_t raw_bytes;
} HeapStats;

typedef struct Heap {
    Arena **arenas;         /* the arenas[] vector of arena objects */
    uint32_t maxarenas;
    int32_t unused_arena_objects;
    int32_t usable_arenas;
    int32_t nfp2lasta[HEAP_POOLS_PER_ARENA + 1];
    int32_t usedpools[HEAP_NCLASSES];   /* first pool of each ring, or -1 */
    HeapStats stats;
    /* Raw allocations. */
    RawBlock *raw;
    uint32_t nraw, rawcap;
    uint64_t raw_brk;       /* next fresh raw address */
    uint64_t *rawmap_keys;  /* address -> slot + 1 */
    uint32_t *rawmap_vals;
    uint32_t rawmap_cap, rawmap_used;
    uint64_t *rawfree_keys; /* chunk size -> first free slot + 1 */
    uint32_t *rawfree_vals;
    uint32_t rawfree_cap, rawfree_used;
} Heap;

void heap_init(Heap *h);
void heap_done(Heap *h);

/* Allocate nbytes; returns the simulated address (never 0). */
uint64_t heap_alloc(Heap *h, size_t nbytes, uint32_t tag);
/* Free a block returned by heap_alloc or heap_realloc. */
void heap_free(Heap *h, uint64_t addr);
/* PyObject_Realloc: returns the new address (maybe the same). addr may
 * be 0 (then it is heap_alloc). */
uint64_t heap_realloc(Heap *h, uint64_t addr, size_t nbytes, uint32_t tag);
/* Change the owner tag of an allocated block. */
void heap_retag(Heap *h, uint64_t addr, uint32_t tag);

/* Queries (const). */
int heap_is_small(size_t nbytes);
unsigned heap_size_class(size_t nbytes);   /* (nbytes - 1) >> 4 */
size_t heap_class_size(unsigned szidx);    /* (szidx + 1) * 16 */
unsigned heap_class_blocks(unsigned szidx);
/* The usable size of the block at addr (class size, or raw request). */
size_t heap_block_size(const Heap *h, uint64_t addr);
/* Pool and arena of a pymalloc address; -1 if raw. */
int heap_locate(const Heap *h, uint64_t addr, int *arena, int *pool, int *block);
uint64_t heap_arena_address(uint32_t slot);
uint64_t heap_pool_address(uint32_t slot, unsigned pool);
uint64_t heap_block_address(uint32_t slot, unsigned pool, unsigned szidx, unsigned block);
PoolState heap_pool_state(const Heap *h, uint32_t slot, unsigned pool);
const char *heap_role_name(unsigned role);

/* Pool ids: arena slot * 64 + pool index. */
#define HEAP_POOL_ID(slot, pool)  ((int32_t)((slot) * HEAP_POOLS_PER_ARENA + (pool)))
#define HEAP_POOL_SLOT(id)        ((uint32_t)(id) / HEAP_POOLS_PER_ARENA)
#define HEAP_POOL_INDEX(id)       ((unsigned)(id) % HEAP_POOLS_PER_ARENA)

/*
 * Consistency check: walks every pool's free list, ring and arena list
 * and compares with the counts.  Returns 0 when consistent; otherwise
 * -1 with a message in buf.
 */
int heap_check(const Heap *h, char *buf, size_t bufsize);

/* Call fn for every allocated block (pymalloc blocks then raw). */
typedef void (*HeapBlockFn)(void *arg, uint64_t addr, size_t size, uint32_t tag);
void heap_foreach_block(const Heap *h, HeapBlockFn fn, void *arg);

/*
 * Snapshots (used by machine_copy, machine_hash and machine_host_bytes
 * in sim/snapshot.c).  heap_copy makes dst, uninitialised memory, an
 * independent deep copy of src: the same arenas, pools, blocks and raw
 * blocks, in host memory of its own that heap_done frees.  heap_hash
 * continues the running hash seed (core/hash.h) with everything a
 * student could see of the heap and nothing of the host's (pointers,
 * capacities, the layout of the raw hash maps).  heap_host_bytes is
 * what the host allocations of such a copy take.
 */
void heap_copy(Heap *dst, const Heap *src);
uint64_t heap_hash(const Heap *h, uint64_t seed);
size_t heap_host_bytes(const Heap *h);

#endif
