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
    type_visit_refs(h, m->objs[h].u.t.items, m->objs[h].u.t.len, fn, arg);
}

/* tupletraverse goes from the last item. */
static void
tuple_gc_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    type_visit_refs_back(h, m->objs[h].u.t.items, m->objs[h].u.t.len, fn, arg);
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
    return type_release_downfrom(m, h, step, m->objs[h].u.t.len);
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

static size_t
tuple_items_count(const Object *o)
{
    return o->u.t.len;
}

static uint64_t
tuple_hash(uint64_t x, const Object *o)
{
    x = snap_hash_u32s(x, o->u.t.items, o->u.t.items != NULL ? o->u.t.len : 0);
    return hash_u64(x, o->u.t.len);
}

const TypeOps tuple_ops = {
    .len = tuple_len,
    .traverse = tuple_traverse,
    .gc_traverse = tuple_gc_traverse,
    .may_untrack = tuple_may_untrack,
    .slot = tuple_slot,
    .release = tuple_release,
    .size = tuple_size,
    .host = {offsetof(Object, u.t.items), sizeof(Handle), tuple_items_count},
    .hash = tuple_hash,
    .trashcan = 1,
};
