/*
 * tuple.c: tuple (Objects/tupleobject.c).
 *
 * 16 + 24 + 8n bytes, the items inline; the empty tuple is static and
 * tuples of 1..20 items have free lists (machine.c).  A new tuple is
 * tracked; the collector untracks one that holds only atomic values
 * (_PyTuple_MaybeUntrack).
 */
#include <config.h>

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/hash.h"
#include "core/xalloc.h"
#include "sim/typeops.h"

static size_t
tuple_nbytes(uint32_t n)
{
    return type_basic_nbytes(T_TUPLE) + 8 * (size_t)n;
}

Handle
m_tuple_new(Machine *m, uint32_t n)
{
    if (n == 0) {
        m_incref(m, m->empty_tuple);
        return m->empty_tuple;
    }
    ObjPayload init = {.t = {xcalloc(n, sizeof(Handle)), n}};
    Handle h = m_alloc_init(m, T_TUPLE, tuple_nbytes(n), &init);

    m_track(m, h);
    return h;
}

/* ------------------------------------------------------------------ */
/* Operations.                                                        */

static void
tuple_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const Object *o = &m->objs[h];

    for (uint32_t i = 0; i < o->u.t.len; i++) {
        if (o->u.t.items[i]) {
            fn(arg, h, i, o->u.t.items[i]);
        }
    }
}

/* tupletraverse goes from the last item. */
static void
tuple_gc_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const Object *o = &m->objs[h];

    for (uint32_t i = o->u.t.len; i-- > 0;) {
        if (o->u.t.items[i]) {
            fn(arg, h, i, o->u.t.items[i]);
        }
    }
}

/* _PyTuple_MaybeUntrack: every item there and none a container. */
static int
tuple_may_untrack(const Machine *m, Handle h)
{
    const Object *o = &m->objs[h];

    for (uint32_t i = 0; i < o->u.t.len; i++) {
        Handle x = o->u.t.items[i];
        if (x == NULL_HANDLE || m_may_be_tracked(m, x)) {
            return 0;
        }
    }
    return 1;
}

static Handle *
tuple_slot(Machine *m, Handle h, uint32_t i)
{
    Object *o = &m->objs[h];

    assert(i < o->u.t.len);
    return &o->u.t.items[i];
}

/* tupledealloc: from the last item. */
static Handle
tuple_release(Machine *m, Handle h, uint32_t *step)
{
    Handle v;

    while (*step < m->objs[h].u.t.len) {
        uint32_t i = m->objs[h].u.t.len - 1 - (*step)++;
        if ((v = type_take_slot(m, h, i)) != NULL_HANDLE) {
            return v;
        }
    }
    return NULL_HANDLE;
}

static void
tuple_free_payload(Machine *m, Handle h)
{
    free(m->objs[h].u.t.items);
}

static uint32_t
tuple_len(const Machine *m, Handle h)
{
    return m->objs[h].u.t.len;
}

static size_t
tuple_size(const Machine *m, Handle h)
{
    return tuple_nbytes(m->objs[h].u.t.len);
}

static void
tuple_host_free(Object *o)
{
    free(o->u.t.items);
}

static void
tuple_host_copy(Object *o)
{
    o->u.t.items = snap_dup_array(o->u.t.items, o->u.t.len, sizeof(Handle));
}

static size_t
tuple_host_bytes(const Object *o)
{
    return snap_dup_size(o->u.t.items, o->u.t.len, sizeof(Handle));
}

static uint64_t
tuple_hash(uint64_t x, const Object *o)
{
    x = snap_hash_u32s(x, o->u.t.items, o->u.t.items != NULL ? o->u.t.len : 0);
    return hash_u64(x, o->u.t.len);
}

static void
tuple_describe(const Machine *m, Handle h, char *buf, size_t size)
{
    snprintf(buf, size, "len %u", tuple_len(m, h));
}

const TypeOps tuple_ops = {
    .describe = tuple_describe,
    .len = tuple_len,
    .traverse = tuple_traverse,
    .gc_traverse = tuple_gc_traverse,
    .may_untrack = tuple_may_untrack,
    .slot = tuple_slot,
    .release = tuple_release,
    .free_payload = tuple_free_payload,
    .size = tuple_size,
    .host_free = tuple_host_free,
    .host_copy = tuple_host_copy,
    .host_bytes = tuple_host_bytes,
    .hash = tuple_hash,
    .trashcan = 1,
};
