/*
 * snapshot.c: deep copies, hashes and host sizes of whole machines.
 *
 * What a machine owns on the host, and so what a copy duplicates, is
 * exactly what machine_done frees: the object table, each live object's
 * payload storage (int digits, str text, list and tuple item arrays, a
 * dict with its entries, host index and split values, a set with its
 * table, a class with its shared keys, a function's slots, an
 * instance's inline values), the frames, the slots of all frames, the
 * roots, the output, the free lists' block vectors and the heap
 * (sim/heap.c copies that).  Copying and counting share one size per
 * allocation, so machine_host_bytes says what machine_copy takes.
 *
 * Capacities that are only the host's (objcap, framecap, slotcap,
 * rootcap, outcap, FreeList.cap, ClassVal.keys_cap) shrink to the used
 * size: the code that grows these arrays grows them when they are full.
 * The others stay: a list's cap is its simulated allocation (the item
 * array keeps cap entries), a dict's entries keep entries_cap pairs (the
 * entries of dk_usable not yet used), the host index keeps 2**log2size
 * slots.
 *
 * The hash is one running hash (core/hash.h) over fields, one at a time
 * or two 32-bit fields to a word, never over whole structs: padding is
 * undefined and pointers and capacities are the host's.  Arrays are
 * hashed with their length first, so that no two layouts run together.
 */
#include <config.h>

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/xalloc.h"
#include "sim/snapshot.h"
#include "sim/typeops.h"

/* ------------------------------------------------------------------ */
/* Host allocations.                                                  */

/* A copy of count elements of elem bytes at p, or NULL when there are
 * none (or p is NULL). */
void *
snap_dup_array(const void *p, size_t count, size_t elem)
{
    if (p == NULL || count == 0) {
        return NULL;
    }
    void *q = xmalloc(count * elem);
    memcpy(q, p, count * elem);
    return q;
}

/* The host bytes snap_dup_array(p, count, elem) takes. */
size_t
snap_dup_size(const void *p, size_t count, size_t elem)
{
    return p == NULL ? 0 : count * elem;
}

/* Replace the pointer of the array TypeOps.host names in o. */
static void
host_set(Object *o, const HostArray *a, void *p)
{
    memcpy((char *)o + a->at, &p, sizeof p);
}

/* The entries of o's host array. */
static size_t
host_count(const Object *o, const HostArray *a)
{
    return a->count != NULL ? a->count(o) : 1;
}

/* Replace the payload pointers of o (copied from the original with the
 * rest of the object table) by copies of their own. */
static void
payload_copy(Object *o)
{
    const TypeOps *ops = type_ops[o->type];
    void *p;

    if (ops->host_copy != NULL) {
        ops->host_copy(o);
    } else if ((p = type_host_array(o, &ops->host)) != NULL) {
        host_set(o, &ops->host, snap_dup_array(p, host_count(o, &ops->host), ops->host.elem));
    }
}

/* The host bytes payload_copy allocates for o. */
static size_t
payload_bytes(const Object *o)
{
    const TypeOps *ops = type_ops[o->type];
    if (ops->host_bytes != NULL) {
        return ops->host_bytes(o);
    }
    const void *p = type_host_array(o, &ops->host);
    return p != NULL ? snap_dup_size(p, host_count(o, &ops->host), ops->host.elem) : 0;
}

static void
freelist_copy(FreeList *dst, const FreeList *src)
{
    *dst = *src;
    dst->blocks = snap_dup_array(src->blocks, src->n, sizeof *src->blocks);
    dst->cap = dst->blocks != NULL ? src->n : 0;
}

static size_t
freelist_bytes(const FreeList *fl)
{
    return snap_dup_size(fl->blocks, fl->n, sizeof *fl->blocks);
}

/* The output keeps its terminating NUL. */
static size_t
out_count(const Machine *m)
{
    return m->out != NULL ? m->outlen + 1 : 0;
}

void
machine_copy(Machine *dst, const Machine *src)
{
    /* Every scalar, the sink and the hooks; the pointers are replaced
     * below. */
    *dst = *src;
    heap_copy(&dst->heap, &src->heap);

    dst->objs = snap_dup_array(src->objs, src->nobjs, sizeof *src->objs);
    dst->objcap = dst->objs != NULL ? src->nobjs : 0;
    for (Handle h = 1; h < src->nobjs; h++) {
        if (dst->objs[h].flags & OF_LIVE) {
            payload_copy(&dst->objs[h]);
        }
    }

    dst->frames = snap_dup_array(src->frames, src->nframes, sizeof *src->frames);
    dst->framecap = dst->frames != NULL ? src->nframes : 0;
    dst->slots = snap_dup_array(src->slots, src->nslots, sizeof *src->slots);
    dst->slotcap = dst->slots != NULL ? src->nslots : 0;
    dst->roots = snap_dup_array(src->roots, src->nroots, sizeof *src->roots);
    dst->rootcap = dst->roots != NULL ? src->nroots : 0;
    dst->out = snap_dup_array(src->out, out_count(src), 1);
    dst->outcap = out_count(src);

    freelist_copy(&dst->list_free, &src->list_free);
    freelist_copy(&dst->dict_free, &src->dict_free);
    freelist_copy(&dst->dict_keys_free, &src->dict_keys_free);
    for (int i = 0; i < TUPLE_FREELISTS; i++) {
        freelist_copy(&dst->tuple_free[i], &src->tuple_free[i]);
    }
}

size_t
machine_host_bytes(const Machine *m)
{
    size_t n = sizeof *m + heap_host_bytes(&m->heap);

    n += snap_dup_size(m->objs, m->nobjs, sizeof *m->objs);
    for (Handle h = 1; h < m->nobjs; h++) {
        if (m->objs[h].flags & OF_LIVE) {
            n += payload_bytes(&m->objs[h]);
        }
    }
    n += snap_dup_size(m->frames, m->nframes, sizeof *m->frames);
    n += snap_dup_size(m->slots, m->nslots, sizeof *m->slots);
    n += snap_dup_size(m->roots, m->nroots, sizeof *m->roots);
    n += out_count(m);
    n += freelist_bytes(&m->list_free);
    n += freelist_bytes(&m->dict_free);
    n += freelist_bytes(&m->dict_keys_free);
    for (int i = 0; i < TUPLE_FREELISTS; i++) {
        n += freelist_bytes(&m->tuple_free[i]);
    }
    return n;
}

/* ------------------------------------------------------------------ */
/* The hash.                                                          */

uint64_t
snap_hash_pair(uint64_t x, uint32_t lo, uint32_t hi)
{
    return hash_u64(x, (uint64_t)lo | (uint64_t)hi << 32);
}

/* n 32-bit words, n first; NULL only when n is 0. */
uint64_t
snap_hash_u32s(uint64_t x, const uint32_t *v, size_t n)
{
    size_t i = 0;

    x = hash_u64(x, n);
    for (; i + 1 < n; i += 2) {
        x = snap_hash_pair(x, v[i], v[i + 1]);
    }
    if (i < n) {
        x = hash_u64(x, v[i]);
    }
    return x;
}

static uint64_t
hash_object(uint64_t x, const Object *o, int all)
{
    uint8_t flags = all ? o->flags : (uint8_t)(o->flags & ~OF_COLLECTING);

    if (!(o->flags & OF_LIVE)) {
        return snap_hash_pair(x, o->flags, o->u.next_free);
    }
    x = hash_u64(x, (uint64_t)o->refcnt);
    x = hash_u64(x, o->addr);
    x = snap_hash_pair(x, o->nbytes, o->gc_prev);
    x = snap_hash_pair(x, o->gc_next, (uint32_t)o->gc_refs);
    x = hash_u64(x, (uint64_t)o->type | (uint64_t)flags << 8
                    | (uint64_t)(uint8_t)o->gen << 16 | (uint64_t)o->aux << 24);
    if (type_ops[o->type]->hash != NULL) {
        x = type_ops[o->type]->hash(x, o);
    }
    return x;
}

static uint64_t
hash_freelist(uint64_t x, const FreeList *fl)
{
    x = snap_hash_pair(x, fl->n, fl->max);
    for (uint32_t i = 0; i < fl->n; i++) {
        x = hash_u64(x, fl->blocks[i]);
    }
    return x;
}

static uint64_t hash_machine(const Machine *m, int all);

uint64_t
machine_hash(const Machine *m)
{
    return hash_machine(m, 1);
}

uint64_t
machine_state_hash(const Machine *m)
{
    return hash_machine(m, 0);
}

static uint64_t
hash_machine(const Machine *m, int all)
{
    uint64_t x = heap_hash(&m->heap, HASH_SEED);

    /* The object table, free handles included. */
    x = snap_hash_pair(x, m->nobjs, m->free_handles);
    x = hash_u64(x, m->live);
    x = hash_u64(x, m->static_next);
    for (Handle h = 0; h < m->nobjs; h++) {
        x = hash_object(x, &m->objs[h], all);
    }
    x = snap_hash_pair(x, m->none, m->true_);
    x = snap_hash_pair(x, m->false_, m->empty_tuple);
    x = hash_u64(x, m->empty_str);
    x = snap_hash_u32s(x, m->small_ints, NSMALLNEG + NSMALLPOS);
    x = snap_hash_u32s(x, m->latin1, 256);

    /* Frames and the data stack. */
    x = hash_u64(x, m->nframes);
    for (uint32_t i = 0; i < m->nframes; i++) {
        const Frame *f = &m->frames[i];
        x = snap_hash_pair(x, f->func, f->code);
        x = snap_hash_pair(x, f->globals, f->locals);
        x = snap_hash_pair(x, f->base, f->nlocals);
        x = snap_hash_pair(x, f->stacksize, f->sp);
        x = snap_hash_pair(x, all ? f->ip : 0, f->lasti);
        x = hash_u64(x, f->line);
        x = hash_u64(x, f->addr);
    }
    x = snap_hash_u32s(x, m->slots, m->nslots);
    x = hash_u64(x, m->dstack_used);
    x = hash_u64(x, m->dstack_chunk);
    x = hash_u64(x, m->dstack_chunks);
    x = snap_hash_u32s(x, m->roots, m->nroots);

    /* The collector. */
    for (int g = 0; g < GC_NLISTS; g++) {
        const GcGen *gg = &m->gen[g];
        x = snap_hash_pair(x, gg->head, gg->tail);
        x = hash_u64(x, gg->len);
        x = hash_u64(x, (uint64_t)gg->count);
        x = hash_u64(x, (uint64_t)gg->threshold);
    }
    x = snap_hash_pair(x, (uint32_t)m->gc_enabled, all ? (uint32_t)m->gc_collecting : 0);
    x = snap_hash_pair(x, (uint32_t)m->gc_debug, all ? (uint32_t)m->exception_pending : 0);
    x = snap_hash_pair(x, (uint32_t)m->heap_exceeded, 0);
    x = hash_u64(x, all ? (uint64_t)m->long_lived_total : 0);
    x = hash_u64(x, all ? (uint64_t)m->long_lived_pending : 0);
    x = hash_u64(x, m->gc_garbage);
    for (int g = 0; g < NGENERATIONS; g++) {
        x = hash_u64(x, m->gc_collections[g]);
    }
    x = snap_hash_pair(x, (uint32_t)m->gc_phase, (uint32_t)m->gc_generation);
    x = hash_u64(x, (uint64_t)m->gc_last_generation);
    x = hash_u64(x, (uint64_t)m->gc_last_collected);

    /* Free lists: the blocks, in the order they will be reused. */
    x = hash_freelist(x, &m->list_free);
    x = hash_freelist(x, &m->dict_free);
    x = hash_freelist(x, &m->dict_keys_free);
    for (int i = 0; i < TUPLE_FREELISTS; i++) {
        x = hash_freelist(x, &m->tuple_free[i]);
    }

    x = snap_hash_pair(x, all ? (uint32_t)m->trash_nesting : 0, m->trash_later);
    x = hash_u64(x, m->io_pending);
    x = hash_bytes(x, m->out, m->out != NULL ? m->outlen : 0);
    x = hash_u64(x, m->nevents);
    return x;
}
