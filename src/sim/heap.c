/*
 * heap.c: pymalloc, modelled on Objects/obmalloc.c of CPython 3.11.
 *
 * How it works.
 *
 * A request of 1..512 bytes is rounded up to its size class (16-byte
 * steps, 32 classes).  usedpools[c] heads a circular doubly linked ring of
 * the pools of class c that have a free block.  Allocation takes the
 * first pool of the ring and pops the head of its free list.  A pool
 * keeps its free list non-empty while it is in the ring: when the pop
 * empties the list, one more virgin block is carved (pool_extend), and
 * if there is no virgin space left the pool is full and leaves the ring.
 *
 * With no used pool of the class, allocate_from_new_pool takes a pool
 * from the head of usable_arenas (the arena with the fewest free pools):
 * first from the arena's cached freepools, else by carving the arena's
 * next never-used pool.  The pool goes to the front of the ring.  If it
 * last held blocks of the same class, its header and free list are kept;
 * otherwise it is initialised: the first block is returned, the second is
 * carved onto the free list.
 *
 * Free pushes the block on the front of its pool's free list (LIFO).  A
 * pool that was full goes to the front of its ring; a pool that becomes
 * empty leaves the ring for its arena's freepools, and the arena moves in
 * usable_arenas to keep the list sorted by ascending nfreepools (using
 * nfp2lasta, the last arena with a given count, as 3.8+ does).  An arena
 * whose pools are all free is returned to the system unless it is the
 * last arena of usable_arenas (bpo-37257).
 *
 * Invariants (checked by heap_check):
 *   1. A pool in a ring has count < nblocks and a non-empty free list.
 *   2. A full pool has count == nblocks and is in no list.
 *   3. An empty pool has count 0 and is on its arena's freepools.
 *   4. free-list length + count == nextblock for every used pool.
 *   5. usable_arenas is sorted by ascending nfreepools and holds exactly
 *      the allocated arenas with nfreepools > 0.
 *   6. nfp2lasta[n] is the last arena of usable_arenas with n free pools.
 *
 * Raw blocks live in their own region.  A raw address is never reused
 * for a different chunk size; chunks of the same size are reused LIFO,
 * which keeps addresses deterministic and plausible.
 */
#include <config.h>

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/xalloc.h"
#include "sim/heap.h"

static const char *const role_names[] = {
#define X(name, text) text,
    HEAP_ROLES(X)
#undef X
};

const char *
heap_role_name(unsigned role)
{
    return role < HEAP_NROLES ? role_names[role] : "?";
}

int
heap_is_small(size_t nbytes)
{
    return nbytes > 0 && nbytes <= HEAP_SMALL_REQUEST;
}

unsigned
heap_size_class(size_t nbytes)
{
    assert(heap_is_small(nbytes));
    return (unsigned)((nbytes - 1) >> 4);
}

size_t
heap_class_size(unsigned szidx)
{
    return ((size_t)szidx + 1) << 4;
}

unsigned
heap_class_blocks(unsigned szidx)
{
    return (unsigned)((HEAP_POOL_SIZE - HEAP_POOL_OVERHEAD) / heap_class_size(szidx));
}

uint64_t
heap_arena_address(uint32_t slot)
{
    return HEAP_ARENA_BASE + (uint64_t)slot * HEAP_ARENA_SIZE;
}

uint64_t
heap_pool_address(uint32_t slot, unsigned pool)
{
    return heap_arena_address(slot) + (uint64_t)pool * HEAP_POOL_SIZE;
}

uint64_t
heap_block_address(uint32_t slot, unsigned pool, unsigned szidx, unsigned block)
{
    return heap_pool_address(slot, pool) + HEAP_POOL_OVERHEAD
           + (uint64_t)block * heap_class_size(szidx);
}

/* Before: id names a pool of a live arena.  After: nothing changes; the
 * pool is returned. */
static Pool *
pool_of(const Heap *h, int32_t id)
{
    return &h->arenas[HEAP_POOL_SLOT(id)]->pools[HEAP_POOL_INDEX(id)];
}

/* ------------------------------------------------------------------ */
/* Set-up and tear-down.                                              */

void
heap_init(Heap *h)
{
    memset(h, 0, sizeof *h);
    h->unused_arena_objects = HEAP_NONE;
    h->usable_arenas = HEAP_NONE;
    for (int i = 0; i <= HEAP_POOLS_PER_ARENA; i++) {
        h->nfp2lasta[i] = HEAP_NONE;
    }
    for (int i = 0; i < HEAP_NCLASSES; i++) {
        h->usedpools[i] = HEAP_NONE;
    }
    h->raw_brk = HEAP_RAW_BASE;
}

void
heap_done(Heap *h)
{
    for (uint32_t i = 0; i < h->maxarenas; i++) {
        Arena *a = h->arenas[i];
        for (int p = 0; p < HEAP_POOLS_PER_ARENA; p++) {
            free(a->pools[p].slots);
        }
        free(a);
    }
    free(h->arenas);
    free(h->raw);
    free(h->rawmap_keys);
    free(h->rawmap_vals);
    free(h->rawfree_keys);
    free(h->rawfree_vals);
    memset(h, 0, sizeof *h);
}

/* ------------------------------------------------------------------ */
/* Arenas.                                                            */

/* new_arena(): take an arena object off unused_arena_objects (growing
 * the vector by doubling, as CPython does) and "mmap" its memory.
 * Before: any heap.  After: the arena at the returned slot is mapped,
 * all its pools uncarved and free, and linked into no list. */
static int32_t
new_arena(Heap *h)
{
    if (h->unused_arena_objects == HEAP_NONE) {
        uint32_t n = h->maxarenas ? h->maxarenas * 2 : HEAP_INITIAL_ARENAS;

        h->arenas = xrealloc(h->arenas, n * sizeof *h->arenas);
        for (uint32_t i = h->maxarenas; i < n; i++) {
            Arena *a = xcalloc(1, sizeof *a);
            a->address = 0;
            a->nextarena = i + 1 < n ? (int32_t)(i + 1) : HEAP_NONE;
            for (int p = 0; p < HEAP_POOLS_PER_ARENA; p++) {
                a->pools[p].szidx = -1;
            }
            h->arenas[i] = a;
        }
        h->unused_arena_objects = (int32_t)h->maxarenas;
        h->maxarenas = n;
    }
    int32_t slot = h->unused_arena_objects;
    Arena *a = h->arenas[slot];

    h->unused_arena_objects = a->nextarena;
    a->address = heap_arena_address((uint32_t)slot);
    a->freepools = HEAP_NONE;
    a->pool_carved = 0;
    a->nfreepools = HEAP_POOLS_PER_ARENA;
    a->ntotalpools = HEAP_POOLS_PER_ARENA;
    for (int p = 0; p < HEAP_POOLS_PER_ARENA; p++) {
        a->pools[p].state = POOL_UNCARVED;
        a->pools[p].szidx = -1;
        a->pools[p].count = 0;
    }
    h->stats.arenas_allocated_total++;
    h->stats.arenas_current++;
    if (h->stats.arenas_current > h->stats.arenas_highwater) {
        h->stats.arenas_highwater = h->stats.arenas_current;
    }
    return slot;
}

/* Before: every pool of the arena at slot is empty and the arena is on
 * no usable list.  After: it is unmapped and heads unused_arena_objects. */
static void
release_arena(Heap *h, int32_t slot)
{
    Arena *a = h->arenas[slot];

    for (int p = 0; p < HEAP_POOLS_PER_ARENA; p++) {
        free(a->pools[p].slots);
        a->pools[p].slots = NULL;
        a->pools[p].szidx = -1;
        a->pools[p].state = POOL_UNCARVED;
        a->pools[p].nblocks = 0;
    }
    a->nextarena = h->unused_arena_objects;
    a->prevarena = HEAP_NONE;
    h->unused_arena_objects = slot;
    a->address = 0;
    h->stats.arenas_current--;
    h->stats.arenas_reclaimed++;
}

/* ------------------------------------------------------------------ */
/* Pools.                                                             */

/* Before: pool id is on its size class's ring.  After: it is on no ring
 * and usedpools[class] names another pool of the ring, or none. */
static void
ring_unlink(Heap *h, int32_t id)
{
    Pool *p = pool_of(h, id);
    unsigned c = (unsigned)p->szidx;

    if (p->nextpool == id) {
        h->usedpools[c] = HEAP_NONE;
    } else {
        pool_of(h, p->prevpool)->nextpool = p->nextpool;
        pool_of(h, p->nextpool)->prevpool = p->prevpool;
        if (h->usedpools[c] == id) {
            h->usedpools[c] = p->nextpool;
        }
    }
    p->nextpool = p->prevpool = HEAP_NONE;
}

/* Link a pool at the front of its class's ring (insert_to_usedpool).
 * Before: pool id is on no ring.  After: it heads usedpools[class], state
 * POOL_USED. */
static void
ring_push_front(Heap *h, int32_t id)
{
    Pool *p = pool_of(h, id);
    unsigned c = (unsigned)p->szidx;
    int32_t first = h->usedpools[c];

    if (first == HEAP_NONE) {
        p->nextpool = p->prevpool = id;
    } else {
        Pool *f = pool_of(h, first);
        int32_t last = f->prevpool;
        p->nextpool = first;
        p->prevpool = last;
        f->prevpool = id;
        pool_of(h, last)->nextpool = id;
    }
    h->usedpools[c] = id;
    p->state = POOL_USED;
}

/* Pop the head of the pool's free list; carve or unlink as 3.11 does.
 * Before: the pool is on its ring with a free block.  After: that block
 * is counted as used and returned; the pool has a next free block, or is
 * POOL_FULL and off its ring. */
static unsigned
pool_pop(Heap *h, int32_t id, Pool *p)
{
    int16_t b = p->freeblock;

    assert(b >= 0);
    p->count++;
    uint32_t link = p->slots[b];
    p->freeblock = (int16_t)((int32_t)link - 1);
    if (p->freeblock < 0) {
        /* pymalloc_pool_extend */
        if (p->nextblock < p->nblocks) {
            p->freeblock = (int16_t)p->nextblock;
            p->slots[p->nextblock] = 0;
            p->nextblock++;
        } else {
            ring_unlink(h, id);
            p->state = POOL_FULL;
        }
    }
    return (unsigned)b;
}

/* Before: p is a pool taken for size class szidx, with another class or
 * none before.  After: block 0 is to be handed out, block 1 heads the free
 * list, the rest are uncarved. */
static void
pool_init(Pool *p, unsigned szidx)
{
    unsigned n = heap_class_blocks(szidx);

    if (p->slots == NULL || p->nblocks != n) {
        p->slots = xrealloc(p->slots, n * sizeof *p->slots);
    }
    p->szidx = (int16_t)szidx;
    p->nblocks = (uint16_t)n;
    /* First block handed out, second carved onto the free list. */
    p->slots[1] = 0;
    p->freeblock = 1;
    p->nextblock = 2;
}

/* Before: usedpools[szidx] is empty.  After: a pool from the first usable
 * arena (a new arena if none) heads that ring with one block in use,
 * tagged tag; usable_arenas and nfp2lasta account for the pool taken. */
static uint64_t
allocate_from_new_pool(Heap *h, unsigned szidx, uint32_t tag)
{
    if (h->usable_arenas == HEAP_NONE) {
        int32_t s = new_arena(h);
        h->usable_arenas = s;
        h->arenas[s]->nextarena = h->arenas[s]->prevarena = HEAP_NONE;
        assert(h->nfp2lasta[h->arenas[s]->nfreepools] == HEAP_NONE);
        h->nfp2lasta[h->arenas[s]->nfreepools] = s;
    }
    int32_t slot = h->usable_arenas;
    Arena *a = h->arenas[slot];

    assert(a->nfreepools > 0);
    if (h->nfp2lasta[a->nfreepools] == slot) {
        h->nfp2lasta[a->nfreepools] = HEAP_NONE;
    }
    if (a->nfreepools > 1) {
        assert(h->nfp2lasta[a->nfreepools - 1] == HEAP_NONE);
        h->nfp2lasta[a->nfreepools - 1] = slot;
    }

    int32_t id;
    if (a->freepools != HEAP_NONE) {
        id = a->freepools;
        a->freepools = pool_of(h, id)->nextpool;
    } else {
        id = HEAP_POOL_ID(slot, a->pool_carved);
        a->pool_carved++;
        pool_of(h, id)->szidx = -1;
    }
    a->nfreepools--;
    if (a->nfreepools == 0) {
        h->usable_arenas = a->nextarena;
        if (h->usable_arenas != HEAP_NONE) {
            h->arenas[h->usable_arenas]->prevarena = HEAP_NONE;
        }
        a->nextarena = a->prevarena = HEAP_NONE;
    }

    Pool *p = pool_of(h, id);
    unsigned b;
    if (p->szidx == (int16_t)szidx) {
        /* Same class as before: header and free list still valid. */
        b = (unsigned)p->freeblock;
        p->freeblock = (int16_t)((int32_t)p->slots[b] - 1);
        assert(p->freeblock >= 0);
    } else {
        pool_init(p, szidx);
        b = 0;
    }
    p->count = 1;
    ring_push_front(h, id);
    p->slots[b] = HEAP_SLOT_USED | tag;
    return heap_block_address(HEAP_POOL_SLOT(id), HEAP_POOL_INDEX(id), szidx, b);
}

/* insert_to_freepool: the pool just became empty.
 * Before: pool id has count 0 and is on its ring.  After: it heads its
 * arena's freepools; usable_arenas stays sorted by nfreepools (nfp2lasta
 * updated), and an arena wholly free, not the last, is released. */
static void
insert_to_freepool(Heap *h, int32_t id)
{
    Pool *p = pool_of(h, id);
    uint32_t slot = HEAP_POOL_SLOT(id);
    Arena *a = h->arenas[slot];

    ring_unlink(h, id);
    p->state = POOL_EMPTY;
    p->nextpool = a->freepools;
    a->freepools = id;

    unsigned nf = a->nfreepools;
    int32_t lastnf = h->nfp2lasta[nf];
    if (lastnf == (int32_t)slot) {
        int32_t prev = a->prevarena;
        h->nfp2lasta[nf] = (prev != HEAP_NONE && h->arenas[prev]->nfreepools == nf)
                           ? prev : HEAP_NONE;
    }
    a->nfreepools = (uint16_t)++nf;

    /* Case 1: wholly free and not the last arena: give it back. */
    if (nf == a->ntotalpools && a->nextarena != HEAP_NONE) {
        if (a->prevarena == HEAP_NONE) {
            h->usable_arenas = a->nextarena;
        } else {
            h->arenas[a->prevarena]->nextarena = a->nextarena;
        }
        h->arenas[a->nextarena]->prevarena = a->prevarena;
        release_arena(h, (int32_t)slot);
        return;
    }

    /* Case 2: its first free pool: put it at the head. */
    if (nf == 1) {
        a->nextarena = h->usable_arenas;
        a->prevarena = HEAP_NONE;
        if (h->usable_arenas != HEAP_NONE) {
            h->arenas[h->usable_arenas]->prevarena = (int32_t)slot;
        }
        h->usable_arenas = (int32_t)slot;
        if (h->nfp2lasta[1] == HEAP_NONE) {
            h->nfp2lasta[1] = (int32_t)slot;
        }
        return;
    }

    if (h->nfp2lasta[nf] == HEAP_NONE) {
        h->nfp2lasta[nf] = (int32_t)slot;
    }
    /* Case 4: it was the rightmost with the old count: in order. */
    if (lastnf == (int32_t)slot) {
        return;
    }
    /* Case 3: slide it right, after the last arena with the old count. */
    assert(a->nextarena != HEAP_NONE);
    if (a->prevarena != HEAP_NONE) {
        h->arenas[a->prevarena]->nextarena = a->nextarena;
    } else {
        h->usable_arenas = a->nextarena;
    }
    h->arenas[a->nextarena]->prevarena = a->prevarena;
    Arena *l = h->arenas[lastnf];
    a->prevarena = lastnf;
    a->nextarena = l->nextarena;
    if (a->nextarena != HEAP_NONE) {
        h->arenas[a->nextarena]->prevarena = (int32_t)slot;
    }
    l->nextarena = (int32_t)slot;
}

/* ------------------------------------------------------------------ */
/* Raw blocks.                                                        */

/*
 * Raw slots are never removed: a slot keeps its address and chunk size
 * after a free and is reused, most recently freed first, by the next raw
 * request with the same chunk size.  rawmap maps an address to its slot
 * (open addressing, permanent entries); rawfree maps a chunk size to the
 * head of its free chain.
 */

/* Before: mask + 1 is a power of two.  After: a slot index in [0, mask]. */
static uint32_t
mix(uint64_t x, uint32_t mask)
{
    x ^= x >> 29;
    x *= UINT64_C(0x9e3779b97f4a7c15);
    return (uint32_t)(x >> 32) & mask;
}

/* Before: *cap is 0 or a power of two.  After: key maps to val (non-zero),
 * and the table is under three quarters full. */
static void
map_put(uint64_t **keys, uint32_t **vals, uint32_t *cap, uint32_t *used,
        uint64_t key, uint32_t val)
{
    if ((*used + 1) * 4 >= *cap * 3) {
        uint32_t oldcap = *cap;
        uint64_t *ok = *keys;
        uint32_t *ov = *vals;

        *cap = oldcap ? oldcap * 2 : 64;
        *keys = xcalloc(*cap, sizeof **keys);
        *vals = xcalloc(*cap, sizeof **vals);
        *used = 0;
        for (uint32_t i = 0; i < oldcap; i++) {
            if (ov[i] != 0) {
                map_put(keys, vals, cap, used, ok[i], ov[i]);
            }
        }
        free(ok);
        free(ov);
    }
    uint32_t mask = *cap - 1;
    uint32_t i = mix(key, mask);
    while ((*vals)[i] != 0 && (*keys)[i] != key) {
        i = (i + 1) & mask;
    }
    if ((*vals)[i] == 0) {
        (*used)++;
    }
    (*keys)[i] = key;
    (*vals)[i] = val;
}

/* Before: any map.  After: nothing changes; returns the value stored for
 * key (non-zero) or 0. */
static uint32_t
map_get(const uint64_t *keys, const uint32_t *vals, uint32_t cap, uint64_t key)
{
    if (cap == 0) {
        return 0;
    }
    uint32_t mask = cap - 1;
    uint32_t i = mix(key, mask);
    while (vals[i] != 0) {
        if (keys[i] == key) {
            return vals[i];
        }
        i = (i + 1) & mask;
    }
    return 0;
}

/* Before: any request.  After: the chunk a raw block of nbytes takes,
 * header included, a multiple of 16. */
static uint64_t
raw_chunk_size(size_t nbytes)
{
    size_t n = nbytes ? nbytes : 1;

    return ((uint64_t)n + HEAP_RAW_HEADER + 15) & ~UINT64_C(15);
}

/* Before: nbytes is over the small-request threshold.  After: a live raw
 * block of nbytes tagged tag, the most recently freed slot of its chunk
 * size if there is one, else a new one at raw_brk; stats count it. */
static uint64_t
raw_alloc(Heap *h, size_t nbytes, uint32_t tag)
{
    uint64_t chunk = raw_chunk_size(nbytes);
    uint32_t head = map_get(h->rawfree_keys, h->rawfree_vals, h->rawfree_cap, chunk);
    uint32_t idx;

    if (head != 0 && head != UINT32_MAX) {
        idx = head - 1;
        uint32_t next = h->raw[idx].next;
        map_put(&h->rawfree_keys, &h->rawfree_vals, &h->rawfree_cap, &h->rawfree_used,
                chunk, next ? next : UINT32_MAX);
    } else {
        if (h->nraw == h->rawcap) {
            h->rawcap = h->rawcap ? h->rawcap * 2 : 16;
            h->raw = xrealloc(h->raw, h->rawcap * sizeof *h->raw);
        }
        idx = h->nraw++;
        h->raw[idx].addr = h->raw_brk + HEAP_RAW_HEADER;
        h->raw[idx].chunk = chunk;
        h->raw_brk += chunk;
        map_put(&h->rawmap_keys, &h->rawmap_vals, &h->rawmap_cap, &h->rawmap_used,
                h->raw[idx].addr, idx + 1);
    }
    RawBlock *r = &h->raw[idx];
    r->live = 1;
    r->size = nbytes;
    r->tag = tag;
    r->next = 0;
    h->stats.raw_blocks++;
    h->stats.raw_bytes += nbytes;
    return r->addr;
}

/* Before: any address.  After: nothing changes; the raw slot at addr,
 * live or free, or NULL. */
static RawBlock *
raw_find(const Heap *h, uint64_t addr)
{
    uint32_t v = map_get(h->rawmap_keys, h->rawmap_vals, h->rawmap_cap, addr);

    return v ? &h->raw[v - 1] : NULL;
}

/* Before: r is live.  After: r is free and heads its chunk size's free
 * chain; stats no longer count it. */
static void
raw_free(Heap *h, RawBlock *r)
{
    uint32_t idx = (uint32_t)(r - h->raw);
    uint32_t head = map_get(h->rawfree_keys, h->rawfree_vals, h->rawfree_cap, r->chunk);

    assert(r->live);
    r->live = 0;
    r->next = (head == 0 || head == UINT32_MAX) ? 0 : head;
    map_put(&h->rawfree_keys, &h->rawfree_vals, &h->rawfree_cap, &h->rawfree_used,
            r->chunk, idx + 1);
    h->stats.raw_blocks--;
    h->stats.raw_bytes -= r->size;
}

/* ------------------------------------------------------------------ */
/* The allocator interface.                                           */

uint64_t
heap_alloc(Heap *h, size_t nbytes, uint32_t tag)
{
    if (!heap_is_small(nbytes)) {
        return raw_alloc(h, nbytes, tag);
    }
    unsigned szidx = heap_size_class(nbytes);
    int32_t id = h->usedpools[szidx];
    uint64_t addr;

    if (id != HEAP_NONE) {
        Pool *p = pool_of(h, id);
        unsigned b = pool_pop(h, id, p);
        p->slots[b] = HEAP_SLOT_USED | tag;
        addr = heap_block_address(HEAP_POOL_SLOT(id), HEAP_POOL_INDEX(id), szidx, b);
    } else {
        addr = allocate_from_new_pool(h, szidx, tag);
    }
    h->stats.blocks_in_use++;
    h->stats.bytes_in_blocks += heap_class_size(szidx);
    return addr;
}

int
heap_locate(const Heap *h, uint64_t addr, int *arena, int *pool, int *block)
{
    if (addr < HEAP_ARENA_BASE) {
        return -1;
    }
    uint64_t slot = (addr - HEAP_ARENA_BASE) / HEAP_ARENA_SIZE;
    if (slot >= h->maxarenas || h->arenas[slot]->address == 0) {
        return -1;
    }
    uint64_t off = addr - h->arenas[slot]->address;
    unsigned pi = (unsigned)(off / HEAP_POOL_SIZE);
    const Pool *p = &h->arenas[slot]->pools[pi];
    uint64_t inpool = off % HEAP_POOL_SIZE;
    if (p->szidx < 0 || inpool < HEAP_POOL_OVERHEAD) {
        return -1;
    }
    size_t sz = heap_class_size((unsigned)p->szidx);
    if ((inpool - HEAP_POOL_OVERHEAD) % sz != 0) {
        return -1;
    }
    uint64_t b = (inpool - HEAP_POOL_OVERHEAD) / sz;
    if (b >= p->nblocks) {
        return -1;
    }
    *arena = (int)slot;
    *pool = (int)pi;
    *block = (int)b;
    return 0;
}

void
heap_free(Heap *h, uint64_t addr)
{
    int slot, pi, b;

    if (heap_locate(h, addr, &slot, &pi, &b) < 0) {
        RawBlock *r = raw_find(h, addr);
        assert(r != NULL && r->live);
        raw_free(h, r);
        return;
    }
    int32_t id = HEAP_POOL_ID(slot, pi);
    Pool *p = pool_of(h, id);

    assert(p->slots[b] & HEAP_SLOT_USED);
    assert(p->count > 0);
    int16_t lastfree = p->freeblock;
    p->slots[b] = (uint32_t)(lastfree + 1);
    p->freeblock = (int16_t)b;
    p->count--;
    h->stats.blocks_in_use--;
    h->stats.bytes_in_blocks -= heap_class_size((unsigned)p->szidx);
    if (lastfree < 0) {
        /* It was full: to the front of its ring. */
        ring_push_front(h, id);
        return;
    }
    if (p->count != 0) {
        return;
    }
    insert_to_freepool(h, id);
}

uint64_t
heap_realloc(Heap *h, uint64_t addr, size_t nbytes, uint32_t tag)
{
    int slot, pi, b;

    if (addr == 0) {
        return heap_alloc(h, nbytes, tag);
    }
    if (heap_locate(h, addr, &slot, &pi, &b) == 0) {
        size_t size = heap_class_size((unsigned)h->arenas[slot]->pools[pi].szidx);
        /* Fits, and shrinking saves less than 25%: stays in place. */
        if (nbytes <= size && 4 * nbytes > 3 * size) {
            heap_retag(h, addr, tag);
            return addr;
        }
        uint64_t n = heap_alloc(h, nbytes, tag);
        heap_free(h, addr);
        return n;
    }
    /* A raw block stays raw (obmalloc lets the C library manage it). */
    RawBlock *r = raw_find(h, addr);
    assert(r != NULL && r->live);
    if (raw_chunk_size(nbytes) <= r->chunk) {
        h->stats.raw_bytes += nbytes;
        h->stats.raw_bytes -= r->size;
        r->size = nbytes;
        r->tag = tag;
        return addr;
    }
    raw_free(h, r);
    return raw_alloc(h, nbytes, tag);
}

void
heap_retag(Heap *h, uint64_t addr, uint32_t tag)
{
    int slot, pi, b;

    if (heap_locate(h, addr, &slot, &pi, &b) == 0) {
        h->arenas[slot]->pools[pi].slots[b] = HEAP_SLOT_USED | tag;
        return;
    }
    RawBlock *r = raw_find(h, addr);
    assert(r != NULL && r->live);
    r->tag = tag;
}

size_t
heap_block_size(const Heap *h, uint64_t addr)
{
    int slot, pi, b;

    if (heap_locate(h, addr, &slot, &pi, &b) == 0) {
        return heap_class_size((unsigned)h->arenas[slot]->pools[pi].szidx);
    }
    const RawBlock *r = raw_find(h, addr);
    return r != NULL && r->live ? r->size : 0;
}

PoolState
heap_pool_state(const Heap *h, uint32_t slot, unsigned pool)
{
    if (slot >= h->maxarenas || h->arenas[slot]->address == 0) {
        return POOL_UNCARVED;
    }
    return (PoolState)h->arenas[slot]->pools[pool].state;
}

void
heap_foreach_block(const Heap *h, HeapBlockFn fn, void *arg)
{
    for (uint32_t s = 0; s < h->maxarenas; s++) {
        const Arena *a = h->arenas[s];
        if (a->address == 0) {
            continue;
        }
        for (unsigned pi = 0; pi < a->pool_carved; pi++) {
            const Pool *p = &a->pools[pi];
            if (p->state != POOL_USED && p->state != POOL_FULL) {
                continue;
            }
            size_t sz = heap_class_size((unsigned)p->szidx);
            for (unsigned b = 0; b < p->nextblock; b++) {
                if (p->slots[b] & HEAP_SLOT_USED) {
                    fn(arg, heap_block_address(s, pi, (unsigned)p->szidx, b), sz,
                       p->slots[b] & ~HEAP_SLOT_USED);
                }
            }
        }
    }
    for (uint32_t i = 0; i < h->nraw; i++) {
        if (h->raw[i].live) {
            fn(arg, h->raw[i].addr, h->raw[i].size, h->raw[i].tag);
        }
    }
}

/* ------------------------------------------------------------------ */
/* The consistency check.                                             */

#define FAIL(...) do { snprintf(buf, bufsize, __VA_ARGS__); return -1; } while (0)

int
heap_check(const Heap *h, char *buf, size_t bufsize)
{
    uint64_t blocks = 0, bytes = 0, current = 0;
    uint8_t *inring = NULL;
    size_t npools = (size_t)h->maxarenas * HEAP_POOLS_PER_ARENA;

    if (npools) {
        inring = xcalloc(npools, 1);
    }
    /* Rings: every pool once, of the right class, not full, non-empty
     * free list. */
    for (unsigned c = 0; c < HEAP_NCLASSES; c++) {
        int32_t first = h->usedpools[c];
        if (first == HEAP_NONE) {
            continue;
        }
        int32_t id = first;
        do {
            const Pool *p = pool_of(h, id);
            if (inring[id]) {
                free(inring);
                FAIL("pool %d appears twice in usedpools[%u]", id, c);
            }
            inring[id] = 1;
            if (p->szidx != (int16_t)c || p->state != POOL_USED || p->freeblock < 0
                || p->count == 0 || p->count >= p->nblocks + 0u
                || pool_of(h, p->nextpool)->prevpool != id) {
                free(inring);
                FAIL("pool %d in usedpools[%u] is inconsistent", id, c);
            }
            id = p->nextpool;
        } while (id != first);
    }
    for (uint32_t s = 0; s < h->maxarenas; s++) {
        const Arena *a = h->arenas[s];
        if (a->address == 0) {
            continue;
        }
        current++;
        unsigned nfree = a->ntotalpools - a->pool_carved, nempty = 0;
        for (unsigned pi = 0; pi < a->pool_carved; pi++) {
            const Pool *p = &a->pools[pi];
            int32_t id = HEAP_POOL_ID(s, pi);
            if (p->state == POOL_EMPTY) {
                nfree++;
                nempty++;
                if (p->count != 0) {
                    free(inring);
                    FAIL("empty pool %d has count %u", id, p->count);
                }
                continue;
            }
            if (p->state == POOL_USED && !inring[id]) {
                free(inring);
                FAIL("used pool %d is in no ring", id);
            }
            if (p->state == POOL_FULL && (p->count != p->nblocks || p->freeblock >= 0)) {
                free(inring);
                FAIL("full pool %d has count %u of %u", id, p->count, p->nblocks);
            }
            /* Walk the free list; count allocated slots. */
            unsigned nf = 0, used = 0;
            for (int b = p->freeblock; b >= 0; b = (int)p->slots[b] - 1) {
                if (b >= p->nextblock || (p->slots[b] & HEAP_SLOT_USED) || ++nf > p->nblocks) {
                    free(inring);
                    FAIL("pool %d has a broken free list at block %d", id, b);
                }
            }
            for (unsigned b = 0; b < p->nextblock; b++) {
                used += (p->slots[b] & HEAP_SLOT_USED) != 0;
            }
            if (used != p->count || used + nf != p->nextblock) {
                free(inring);
                FAIL("pool %d: count %u, used slots %u, free %u, carved %u",
                     id, p->count, used, nf, p->nextblock);
            }
            blocks += used;
            bytes += (uint64_t)used * heap_class_size((unsigned)p->szidx);
        }
        if (nfree != a->nfreepools) {
            free(inring);
            FAIL("arena %u: nfreepools %u but %u free pools", s, a->nfreepools, nfree);
        }
        unsigned nlist = 0;
        for (int32_t id = a->freepools; id != HEAP_NONE; id = pool_of(h, id)->nextpool) {
            if (HEAP_POOL_SLOT(id) != s || pool_of(h, id)->state != POOL_EMPTY
                || ++nlist > nempty) {
                free(inring);
                FAIL("arena %u: broken freepools list", s);
            }
        }
        if (nlist != nempty) {
            free(inring);
            FAIL("arena %u: %u empty pools, %u on freepools", s, nempty, nlist);
        }
    }
    free(inring);
    /* usable_arenas: sorted, exactly the arenas with free pools. */
    unsigned nusable = 0, prevnf = 0;
    int32_t prev = HEAP_NONE;
    for (int32_t s = h->usable_arenas; s != HEAP_NONE; s = h->arenas[s]->nextarena) {
        const Arena *a = h->arenas[s];
        if (a->address == 0 || a->nfreepools == 0 || a->prevarena != prev
            || a->nfreepools < prevnf || ++nusable > h->maxarenas) {
            FAIL("usable_arenas is broken at arena %d", s);
        }
        if (a->nextarena == HEAP_NONE || h->arenas[a->nextarena]->nfreepools != a->nfreepools) {
            if (h->nfp2lasta[a->nfreepools] != s) {
                FAIL("nfp2lasta[%u] is %d, not %d", a->nfreepools,
                     h->nfp2lasta[a->nfreepools], s);
            }
        }
        prevnf = a->nfreepools;
        prev = s;
    }
    unsigned withfree = 0;
    for (uint32_t s = 0; s < h->maxarenas; s++) {
        withfree += h->arenas[s]->address != 0 && h->arenas[s]->nfreepools > 0;
    }
    if (withfree != nusable) {
        FAIL("%u arenas have free pools but usable_arenas holds %u", withfree, nusable);
    }
    if (current != h->stats.arenas_current || blocks != h->stats.blocks_in_use
        || bytes != h->stats.bytes_in_blocks) {
        FAIL("stats disagree: arenas %" PRIu64 "/%" PRIu64 " blocks %" PRIu64 "/%" PRIu64,
             current, h->stats.arenas_current, blocks, h->stats.blocks_in_use);
    }
    uint64_t rb = 0, rbytes = 0;
    for (uint32_t i = 0; i < h->nraw; i++) {
        if (h->raw[i].live) {
            rb++;
            rbytes += h->raw[i].size;
        }
    }
    if (rb != h->stats.raw_blocks || rbytes != h->stats.raw_bytes) {
        FAIL("raw stats disagree");
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Snapshots.                                                         */

/* A copy of the n bytes at p in memory of its own; NULL stays NULL. */
static void *
dup_bytes(const void *p, size_t n)
{
    if (p == NULL) {
        return NULL;
    }
    void *q = xmalloc(n);
    if (n > 0) {
        memcpy(q, p, n);
    }
    return q;
}

/* The host bytes dup_bytes(p, n) takes (xmalloc gives 0 bytes 1). */
static size_t
dup_size(const void *p, size_t n)
{
    return p == NULL ? 0 : n > 0 ? n : 1;
}

/* Before: any pool.  After: nothing changes; the host bytes of its slots. */
static size_t
pool_slots_bytes(const Pool *p)
{
    return (size_t)p->nblocks * sizeof *p->slots;
}

/*
 * Every arena object is copied, the unused ones too: maxarenas and the
 * unused_arena_objects chain decide when and how the vector grows.  A
 * pool's slot array keeps its nblocks entries (pool_init reuses it for
 * the same class); the entries from nextblock on mean nothing until the
 * pool carves them, which writes them.  The raw slot vector shrinks to
 * the slots in use (raw_alloc grows a full vector); the two hash maps
 * keep their capacity, which their probing depends on.
 */
void
heap_copy(Heap *dst, const Heap *src)
{
    *dst = *src;
    dst->arenas = NULL;
    if (src->arenas != NULL) {
        dst->arenas = xmalloc(dup_size(src->arenas, src->maxarenas * sizeof *dst->arenas));
        for (uint32_t i = 0; i < src->maxarenas; i++) {
            const Arena *sa = src->arenas[i];
            Arena *a = xmalloc(sizeof *a);
            *a = *sa;
            for (int p = 0; p < HEAP_POOLS_PER_ARENA; p++) {
                a->pools[p].slots = dup_bytes(sa->pools[p].slots,
                                              pool_slots_bytes(&sa->pools[p]));
            }
            dst->arenas[i] = a;
        }
    }
    dst->raw = dup_bytes(src->raw, src->nraw * sizeof *src->raw);
    dst->rawcap = src->raw != NULL ? src->nraw : 0;
    dst->rawmap_keys = dup_bytes(src->rawmap_keys, src->rawmap_cap * sizeof *src->rawmap_keys);
    dst->rawmap_vals = dup_bytes(src->rawmap_vals, src->rawmap_cap * sizeof *src->rawmap_vals);
    dst->rawfree_keys = dup_bytes(src->rawfree_keys,
                                  src->rawfree_cap * sizeof *src->rawfree_keys);
    dst->rawfree_vals = dup_bytes(src->rawfree_vals,
                                  src->rawfree_cap * sizeof *src->rawfree_vals);
}

size_t
heap_host_bytes(const Heap *h)
{
    size_t n = 0;

    if (h->arenas != NULL) {
        n += dup_size(h->arenas, h->maxarenas * sizeof *h->arenas);
        for (uint32_t i = 0; i < h->maxarenas; i++) {
            const Arena *a = h->arenas[i];
            n += sizeof *a;
            for (int p = 0; p < HEAP_POOLS_PER_ARENA; p++) {
                n += dup_size(a->pools[p].slots, pool_slots_bytes(&a->pools[p]));
            }
        }
    }
    n += dup_size(h->raw, h->nraw * sizeof *h->raw);
    n += dup_size(h->rawmap_keys, h->rawmap_cap * sizeof *h->rawmap_keys);
    n += dup_size(h->rawmap_vals, h->rawmap_cap * sizeof *h->rawmap_vals);
    n += dup_size(h->rawfree_keys, h->rawfree_cap * sizeof *h->rawfree_keys);
    n += dup_size(h->rawfree_vals, h->rawfree_cap * sizeof *h->rawfree_vals);
    return n;
}

static uint64_t
hash_pair(uint64_t x, uint32_t lo, uint32_t hi)
{
    return hash_u64(x, (uint64_t)lo | (uint64_t)hi << 32);
}

/*
 * Field by field, never whole structs (their padding is undefined).
 * Unused arena objects and never-carved pools are hashed too: their
 * fields are always initialised and decide what the next arena or pool
 * looks like.  A pool's slots are hashed up to nextblock: the carved
 * blocks, allocated (with their owner tags) or linked on the free list.
 * The raw hash maps are not hashed as such: rawmap is the inverse of
 * the slots' addresses, and of rawfree only the head of each chunk
 * size's free chain matters, which each slot says of itself.
 */
uint64_t
heap_hash(const Heap *h, uint64_t seed)
{
    uint64_t x = seed;

    x = hash_u64(x, h->maxarenas);
    x = hash_pair(x, (uint32_t)h->unused_arena_objects, (uint32_t)h->usable_arenas);
    for (int i = 0; i <= HEAP_POOLS_PER_ARENA; i++) {
        x = hash_u64(x, (uint32_t)h->nfp2lasta[i]);
    }
    for (int i = 0; i < HEAP_NCLASSES; i++) {
        x = hash_u64(x, (uint32_t)h->usedpools[i]);
    }
    x = hash_u64(x, h->stats.arenas_allocated_total);
    x = hash_u64(x, h->stats.arenas_reclaimed);
    x = hash_u64(x, h->stats.arenas_highwater);
    x = hash_u64(x, h->stats.arenas_current);
    x = hash_u64(x, h->stats.blocks_in_use);
    x = hash_u64(x, h->stats.bytes_in_blocks);
    x = hash_u64(x, h->stats.raw_blocks);
    x = hash_u64(x, h->stats.raw_bytes);
    for (uint32_t s = 0; s < h->maxarenas; s++) {
        const Arena *a = h->arenas[s];
        x = hash_u64(x, a->address);
        x = hash_pair(x, (uint32_t)a->nextarena, (uint32_t)a->prevarena);
        x = hash_pair(x, (uint32_t)a->freepools,
                      (uint32_t)a->nfreepools | (uint32_t)a->ntotalpools << 16);
        x = hash_u64(x, a->pool_carved);
        for (int pi = 0; pi < HEAP_POOLS_PER_ARENA; pi++) {
            const Pool *p = &a->pools[pi];
            x = hash_u64(x, (uint64_t)(uint16_t)p->szidx | (uint64_t)p->count << 16
                            | (uint64_t)(uint16_t)p->freeblock << 32
                            | (uint64_t)p->nextblock << 48);
            x = hash_pair(x, p->nblocks, p->state);
            x = hash_pair(x, (uint32_t)p->nextpool, (uint32_t)p->prevpool);
            if (p->slots == NULL) {
                continue;
            }
            unsigned n = p->nextblock < p->nblocks ? p->nextblock : p->nblocks;
            unsigned b = 0;
            for (; b + 1 < n; b += 2) {
                x = hash_pair(x, p->slots[b], p->slots[b + 1]);
            }
            if (b < n) {
                x = hash_u64(x, p->slots[b]);
            }
        }
    }
    x = hash_u64(x, h->nraw);
    x = hash_u64(x, h->raw_brk);
    for (uint32_t i = 0; i < h->nraw; i++) {
        const RawBlock *r = &h->raw[i];
        uint32_t head = map_get(h->rawfree_keys, h->rawfree_vals, h->rawfree_cap, r->chunk);
        x = hash_u64(x, r->addr);
        x = hash_u64(x, r->size);
        x = hash_u64(x, r->chunk);
        x = hash_pair(x, r->tag, r->next);
        x = hash_pair(x, r->live, head == i + 1);
    }
    return x;
}
