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

/* ------------------------------------------------------------------ */
/* Host allocations.                                                  */

/* A copy of count elements of elem bytes at p, or NULL when there are
 * none (or p is NULL). */
static void *
dup_array(const void *p, size_t count, size_t elem)
{
    if (p == NULL || count == 0) {
        return NULL;
    }
    void *q = xmalloc(count * elem);
    memcpy(q, p, count * elem);
    return q;
}

/* The host bytes dup_array(p, count, elem) takes. */
static size_t
dup_array_size(const void *p, size_t count, size_t elem)
{
    return p == NULL ? 0 : count * elem;
}

static uint32_t
int_ndigits(const Object *o)
{
    return o->u.i.size < 0 ? (uint32_t)-(int64_t)o->u.i.size : (uint32_t)o->u.i.size;
}

/* The digits array, when it exists, holds |ob_size| digits. */
static uint32_t
int_digits_count(const Object *o)
{
    return o->u.i.digits != NULL ? int_ndigits(o) : 0;
}

/* Values live in one allocation: the header, n handles, n order bytes. */
static size_t
values_bytes(const Values *v)
{
    return sizeof *v + (size_t)v->n * (sizeof(Handle) + 1);
}

static Values *
values_dup(const Values *v)
{
    if (v == NULL) {
        return NULL;
    }
    size_t n = values_bytes(v);
    Values *c = xmalloc(n);
    memcpy(c, v, n);
    /* The slot and order arrays point into the same allocation. */
    size_t slot_off = (size_t)((const char *)v->slot - (const char *)v);
    size_t order_off = (size_t)((const char *)v->order - (const char *)v);
    assert(slot_off + (size_t)v->n * sizeof(Handle) <= n && order_off + v->n <= n);
    c->slot = (Handle *)(void *)((char *)c + slot_off);
    c->order = (uint8_t *)c + order_off;
    return c;
}

static size_t
dict_index_count(const Dict *d)
{
    return (size_t)1 << d->log2size;
}

/* Replace the payload pointers of o (copied from the original with the
 * rest of the object table) by copies of their own. */
static void
payload_copy(Object *o)
{
    switch ((ObjType)o->type) {
    case T_INT:
    case T_BOOL:
        o->u.i.digits = dup_array(o->u.i.digits, int_digits_count(o), sizeof(uint32_t));
        break;
    case T_STR:
        o->u.s.utf8 = dup_array(o->u.s.utf8, (size_t)o->u.s.nbytes + 1, 1);
        break;
    case T_LIST:
        o->u.l.items = dup_array(o->u.l.items, o->u.l.cap, sizeof(Handle));
        break;
    case T_TUPLE:
        o->u.t.items = dup_array(o->u.t.items, o->u.t.len, sizeof(Handle));
        break;
    case T_DICT: {
        const Dict *s = o->u.d;
        if (s == NULL) {
            break;
        }
        Dict *d = dup_array(s, 1, sizeof *s);
        d->entries = dup_array(s->entries, 2 * (size_t)s->entries_cap, sizeof(Handle));
        d->index = dup_array(s->index, dict_index_count(s), sizeof(int32_t));
        d->values = values_dup(s->values);
        o->u.d = d;
        break;
    }
    case T_SET: {
        const SetVal *s = o->u.set;
        if (s == NULL) {
            break;
        }
        SetVal *c = dup_array(s, 1, sizeof *s);
        c->table = dup_array(s->table, (size_t)s->mask + 1, sizeof(Handle));
        o->u.set = c;
        break;
    }
    case T_CLASS: {
        const ClassVal *s = o->u.c;
        if (s == NULL) {
            break;
        }
        ClassVal *c = dup_array(s, 1, sizeof *s);
        c->keys = dup_array(s->keys, s->nkeys, sizeof(Handle));
        c->keys_cap = c->keys != NULL ? s->nkeys : 0;
        o->u.c = c;
        break;
    }
    case T_FUNCTION:
        o->u.f = dup_array(o->u.f, 1, sizeof *o->u.f);
        break;
    case T_INSTANCE:
        o->u.inst.values = values_dup(o->u.inst.values);
        break;
    case T_NONE:
    case T_METHOD:
    case T_CELL:
    case T_MODULE:
    case T_CODE:
    case T_BUILTIN:
    case T_TYPE:
    case T_RANGE:
    case T_LISTITER:
    case T_TUPLEITER:
    case T_RANGEITER:
    case T_STRITER:
    case T_DICTITER:
    case T_DICTVALITER:
    case T_DICTITEMITER:
    case T_SETITER:
    case T_DICTKEYS:
    case T_DICTVALUES:
    case T_DICTITEMS:
    case T_WEAKREF:
    case T_GETSET:
    case T_SUPER:
    case T_COUNT:
        break;
    }
}

/* The host bytes payload_copy allocates for o. */
static size_t
payload_bytes(const Object *o)
{
    switch ((ObjType)o->type) {
    case T_INT:
    case T_BOOL:
        return dup_array_size(o->u.i.digits, int_digits_count(o), sizeof(uint32_t));
    case T_STR:
        return dup_array_size(o->u.s.utf8, (size_t)o->u.s.nbytes + 1, 1);
    case T_LIST:
        return dup_array_size(o->u.l.items, o->u.l.cap, sizeof(Handle));
    case T_TUPLE:
        return dup_array_size(o->u.t.items, o->u.t.len, sizeof(Handle));
    case T_DICT: {
        const Dict *d = o->u.d;
        if (d == NULL) {
            return 0;
        }
        return sizeof *d + dup_array_size(d->entries, 2 * (size_t)d->entries_cap, sizeof(Handle))
               + dup_array_size(d->index, dict_index_count(d), sizeof(int32_t))
               + (d->values != NULL ? values_bytes(d->values) : 0);
    }
    case T_SET:
        if (o->u.set == NULL) {
            return 0;
        }
        return sizeof *o->u.set
               + dup_array_size(o->u.set->table, (size_t)o->u.set->mask + 1, sizeof(Handle));
    case T_CLASS:
        if (o->u.c == NULL) {
            return 0;
        }
        return sizeof *o->u.c + dup_array_size(o->u.c->keys, o->u.c->nkeys, sizeof(Handle));
    case T_FUNCTION:
        return o->u.f != NULL ? sizeof *o->u.f : 0;
    case T_INSTANCE:
        return o->u.inst.values != NULL ? values_bytes(o->u.inst.values) : 0;
    default:
        return 0;
    }
}

static void
freelist_copy(FreeList *dst, const FreeList *src)
{
    *dst = *src;
    dst->blocks = dup_array(src->blocks, src->n, sizeof *src->blocks);
    dst->cap = dst->blocks != NULL ? src->n : 0;
}

static size_t
freelist_bytes(const FreeList *fl)
{
    return dup_array_size(fl->blocks, fl->n, sizeof *fl->blocks);
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

    dst->objs = dup_array(src->objs, src->nobjs, sizeof *src->objs);
    dst->objcap = dst->objs != NULL ? src->nobjs : 0;
    for (Handle h = 1; h < src->nobjs; h++) {
        if (dst->objs[h].flags & OF_LIVE) {
            payload_copy(&dst->objs[h]);
        }
    }

    dst->frames = dup_array(src->frames, src->nframes, sizeof *src->frames);
    dst->framecap = dst->frames != NULL ? src->nframes : 0;
    dst->slots = dup_array(src->slots, src->nslots, sizeof *src->slots);
    dst->slotcap = dst->slots != NULL ? src->nslots : 0;
    dst->roots = dup_array(src->roots, src->nroots, sizeof *src->roots);
    dst->rootcap = dst->roots != NULL ? src->nroots : 0;
    dst->out = dup_array(src->out, out_count(src), 1);
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

    n += dup_array_size(m->objs, m->nobjs, sizeof *m->objs);
    for (Handle h = 1; h < m->nobjs; h++) {
        if (m->objs[h].flags & OF_LIVE) {
            n += payload_bytes(&m->objs[h]);
        }
    }
    n += dup_array_size(m->frames, m->nframes, sizeof *m->frames);
    n += dup_array_size(m->slots, m->nslots, sizeof *m->slots);
    n += dup_array_size(m->roots, m->nroots, sizeof *m->roots);
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

static uint64_t
hash_pair(uint64_t x, uint32_t lo, uint32_t hi)
{
    return hash_u64(x, (uint64_t)lo | (uint64_t)hi << 32);
}

/* n 32-bit words, n first; NULL only when n is 0. */
static uint64_t
hash_u32s(uint64_t x, const uint32_t *v, size_t n)
{
    size_t i = 0;

    x = hash_u64(x, n);
    for (; i + 1 < n; i += 2) {
        x = hash_pair(x, v[i], v[i + 1]);
    }
    if (i < n) {
        x = hash_u64(x, v[i]);
    }
    return x;
}

static uint64_t
hash_values(uint64_t x, const Values *v)
{
    if (v == NULL) {
        return hash_u64(x, 0);
    }
    x = hash_u64(x, 1);
    x = hash_u64(x, v->addr);
    x = hash_u32s(x, v->slot, v->n);
    /* Only the order of the entries in use: the rest is stale. */
    return hash_bytes(x, v->order, v->norder);
}

static uint64_t
hash_dict(uint64_t x, const Dict *d)
{
    if (d == NULL) {
        return hash_u64(x, 0);
    }
    x = hash_u64(x, (uint64_t)1 | (uint64_t)d->log2size << 8 | (uint64_t)d->unicode << 16
                    | (uint64_t)d->split << 24);
    x = hash_pair(x, d->usable, d->nentries);
    x = hash_pair(x, d->used, d->cls);
    x = hash_u64(x, d->keys_addr);
    /* Entries past dk_nentries are unused (entries_cap is the host's). */
    x = hash_u32s(x, d->entries, d->entries != NULL ? 2 * (size_t)d->nentries : 0);
    /* The index mirrors dk_indices, dummies included. */
    x = hash_u32s(x, (const uint32_t *)d->index, d->index != NULL ? dict_index_count(d) : 0);
    return hash_values(x, d->values);
}

static uint64_t
hash_object(uint64_t x, const Object *o)
{
    if (!(o->flags & OF_LIVE)) {
        return hash_pair(x, o->flags, o->u.next_free);
    }
    x = hash_u64(x, (uint64_t)o->refcnt);
    x = hash_u64(x, o->addr);
    x = hash_pair(x, o->nbytes, o->gc_prev);
    x = hash_pair(x, o->gc_next, (uint32_t)o->gc_refs);
    x = hash_u64(x, (uint64_t)o->type | (uint64_t)o->flags << 8
                    | (uint64_t)(uint8_t)o->gen << 16 | (uint64_t)o->aux << 24);
    switch ((ObjType)o->type) {
    case T_INT:
    case T_BOOL:
        x = hash_pair(x, (uint32_t)o->u.i.size, o->u.i.digit0);
        if (int_ndigits(o) > 1) {
            x = hash_u32s(x, o->u.i.digits, int_digits_count(o));
        }
        break;
    case T_STR:
        x = hash_pair(x, o->u.s.len, o->u.s.nbytes);
        x = hash_pair(x, o->u.s.kind, o->u.s.utf8 != NULL);
        x = hash_u64(x, o->u.s.hash);
        if (o->u.s.utf8 != NULL) {
            x = hash_bytes(x, o->u.s.utf8, o->u.s.nbytes);
        }
        break;
    case T_LIST:
        /* All cap entries: the simulated item array. */
        x = hash_pair(x, o->u.l.len, o->u.l.cap);
        x = hash_u64(x, o->u.l.items_addr);
        x = hash_u32s(x, o->u.l.items, o->u.l.items != NULL ? o->u.l.cap : 0);
        break;
    case T_TUPLE:
        x = hash_u32s(x, o->u.t.items, o->u.t.items != NULL ? o->u.t.len : 0);
        x = hash_u64(x, o->u.t.len);
        break;
    case T_DICT:
        x = hash_dict(x, o->u.d);
        break;
    case T_SET: {
        const SetVal *s = o->u.set;
        if (s == NULL) {
            x = hash_u64(x, 0);
            break;
        }
        x = hash_pair(x, s->mask, s->fill);
        x = hash_u64(x, s->used);
        x = hash_u64(x, s->table_addr);
        x = hash_u32s(x, s->table, s->table != NULL ? (size_t)s->mask + 1 : 0);
        break;
    }
    case T_CLASS: {
        const ClassVal *c = o->u.c;
        if (c == NULL) {
            x = hash_u64(x, 0);
            break;
        }
        x = hash_pair(x, c->name, c->dict);
        x = hash_pair(x, c->mro, c->bases);
        x = hash_pair(x, c->usable, c->has_del);
        x = hash_u64(x, c->weaklist);
        x = hash_pair(x, c->subclass_ref, c->subclass_key);
        x = hash_u32s(x, c->keys, c->keys != NULL ? c->nkeys : 0);
        x = hash_u64(x, c->nkeys);
        break;
    }
    case T_FUNCTION: {
        const FuncVal *f = o->u.f;
        if (f == NULL) {
            x = hash_u64(x, 0);
            break;
        }
        x = hash_pair(x, f->code, f->globals);
        x = hash_pair(x, f->name, f->qualname);
        x = hash_pair(x, f->defaults, f->closure);
        x = hash_pair(x, f->module, f->doc);
        x = hash_u64(x, f->weaklist);
        break;
    }
    case T_INSTANCE:
        x = hash_pair(x, o->u.inst.cls, o->u.inst.dict);
        x = hash_u64(x, o->u.inst.weaklist);
        x = hash_values(x, o->u.inst.values);
        break;
    case T_METHOD:
        x = hash_pair(x, o->u.meth.func, o->u.meth.self);
        x = hash_u64(x, o->u.meth.weaklist);
        break;
    case T_CELL:
    case T_GETSET:
    case T_SUPER:
        x = hash_u64(x, o->u.cell.ref);
        break;
    case T_MODULE:
        x = hash_pair(x, o->u.mod.dict, o->u.mod.name);
        break;
    case T_CODE:
        /* Not the host's Code: the program behind it is the same. */
        x = hash_pair(x, o->u.code.consts, o->u.code.name);
        break;
    case T_NONE:
    case T_BUILTIN:
    case T_TYPE:
        x = hash_pair(x, o->u.builtin.id, o->u.builtin.self);
        break;
    case T_RANGE:
        x = hash_pair(x, o->u.range.start, o->u.range.stop);
        x = hash_pair(x, o->u.range.step, o->u.range.length);
        x = hash_u64(x, (uint64_t)o->u.range.len);
        break;
    case T_LISTITER:
    case T_TUPLEITER:
    case T_RANGEITER:
    case T_STRITER:
    case T_DICTITER:
    case T_DICTVALITER:
    case T_DICTITEMITER:
    case T_SETITER:
    case T_DICTKEYS:
    case T_DICTVALUES:
    case T_DICTITEMS:
        x = hash_pair(x, o->u.it.seq, o->u.it.extra);
        x = hash_u64(x, (uint64_t)o->u.it.index);
        x = hash_u64(x, (uint64_t)o->u.it.stop);
        x = hash_u64(x, (uint64_t)o->u.it.step);
        break;
    case T_WEAKREF:
        x = hash_pair(x, o->u.wr.referent, o->u.wr.callback);
        x = hash_pair(x, o->u.wr.next, o->u.wr.prev);
        break;
    case T_COUNT:
        break;
    }
    return x;
}

static uint64_t
hash_freelist(uint64_t x, const FreeList *fl)
{
    x = hash_pair(x, fl->n, fl->max);
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
    x = hash_pair(x, m->nobjs, m->free_handles);
    x = hash_u64(x, m->live);
    x = hash_u64(x, m->static_next);
    for (Handle h = 0; h < m->nobjs; h++) {
        x = hash_object(x, &m->objs[h]);
    }
    x = hash_pair(x, m->none, m->true_);
    x = hash_pair(x, m->false_, m->empty_tuple);
    x = hash_u64(x, m->empty_str);
    x = hash_u32s(x, m->small_ints, NSMALLNEG + NSMALLPOS);
    x = hash_u32s(x, m->latin1, 256);

    /* Frames and the data stack. */
    x = hash_u64(x, m->nframes);
    for (uint32_t i = 0; i < m->nframes; i++) {
        const Frame *f = &m->frames[i];
        x = hash_pair(x, f->func, f->code);
        x = hash_pair(x, f->globals, f->locals);
        x = hash_pair(x, f->base, f->nlocals);
        x = hash_pair(x, f->stacksize, f->sp);
        x = hash_pair(x, all ? f->ip : 0, f->lasti);
        x = hash_u64(x, f->line);
        x = hash_u64(x, f->addr);
    }
    x = hash_u32s(x, m->slots, m->nslots);
    x = hash_u64(x, m->dstack_used);
    x = hash_u64(x, m->dstack_chunk);
    x = hash_u64(x, m->dstack_chunks);
    x = hash_u32s(x, m->roots, m->nroots);

    /* The collector. */
    for (int g = 0; g < GC_NLISTS; g++) {
        const GcGen *gg = &m->gen[g];
        x = hash_pair(x, gg->head, gg->tail);
        x = hash_u64(x, gg->len);
        x = hash_u64(x, (uint64_t)gg->count);
        x = hash_u64(x, (uint64_t)gg->threshold);
    }
    x = hash_pair(x, (uint32_t)m->gc_enabled, all ? (uint32_t)m->gc_collecting : 0);
    x = hash_pair(x, (uint32_t)m->gc_debug, all ? (uint32_t)m->exception_pending : 0);
    x = hash_pair(x, (uint32_t)m->heap_exceeded, 0);
    x = hash_u64(x, (uint64_t)m->long_lived_total);
    x = hash_u64(x, (uint64_t)m->long_lived_pending);
    x = hash_u64(x, m->gc_garbage);
    for (int g = 0; g < NGENERATIONS; g++) {
        x = hash_u64(x, m->gc_collections[g]);
    }
    x = hash_pair(x, (uint32_t)m->gc_phase, (uint32_t)m->gc_generation);
    x = hash_u64(x, (uint64_t)m->gc_last_generation);
    x = hash_u64(x, (uint64_t)m->gc_last_collected);

    /* Free lists: the blocks, in the order they will be reused. */
    x = hash_freelist(x, &m->list_free);
    x = hash_freelist(x, &m->dict_free);
    x = hash_freelist(x, &m->dict_keys_free);
    for (int i = 0; i < TUPLE_FREELISTS; i++) {
        x = hash_freelist(x, &m->tuple_free[i]);
    }

    x = hash_pair(x, all ? (uint32_t)m->trash_nesting : 0, m->trash_later);
    x = hash_u64(x, m->io_pending);
    x = hash_bytes(x, m->out, m->out != NULL ? m->outlen : 0);
    x = hash_u64(x, m->nevents);
    return x;
}
