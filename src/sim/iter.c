/*
 * iter.c: iterators, dict views and range (Objects/iterobject.c,
 * listobject.c, tupleobject.c, rangeobject.c, dictobject.c,
 * setobject.c, unicodeobject.c).
 *
 * Every iterator and view keeps what it iterates in slot 0 (0 once
 * exhausted) and, for dict item iterators, its result tuple in slot 1.
 * A range holds four ints: start, stop, step and length.
 */
#include <config.h>

#include "core/hash.h"
#include "sim/prim.h"
#include "sim/typeops.h"

/* An iterator of type t over seq (stolen; the caller's reference moves
 * into slot 0), with its stop given at allocation. */
Handle
m_iter_new(Machine *m, ObjType t, Handle seq, int64_t stop)
{
    ObjPayload body = {.it = {.stop = stop}};
    Handle it = m_alloc_init(m, t, type_basic_nbytes(t), &body);

    m_store(m, it, 0, seq);
    if (type_info[t].gc) {
        m_track(m, it);
    }
    return it;
}

/* range_iter: of C longs from start by step (range 0), or of ints,
 * counting from 0 over range (borrowed), which it then holds. */
Handle
m_rangeiter_new(Machine *m, Handle range, int64_t start, int64_t step, int64_t len)
{
    ObjPayload body = {.it = {.index = start, .stop = len, .step = step}};
    Handle it = m_alloc_init(m, T_RANGEITER, type_basic_nbytes(T_RANGEITER), &body);

    if (range != NULL_HANDLE) {
        m_incref(m, range);
        m_store(m, it, 0, range);
    }
    return it;
}

/* The iterator's position as next() leaves it (EV_ITER when it
 * changes). */
void
m_iter_set(Machine *m, Handle it, int64_t index, int64_t stop)
{
    IterVal *v = &m->objs[it].u.it;
    int64_t old = v->index;

    if (index == old && stop == v->stop) {
        return;
    }
    PRIM_BEGIN(m);
    v->index = index;
    v->stop = stop;
    machine_emit(m, EV_ITER, it, 0, old, index, (uint64_t)stop);
}

/* A dict view of type t over a new reference to dict (alloc, incref,
 * store, track: dict_view's order). */
Handle
m_view_new(Machine *m, ObjType t, Handle dict)
{
    Handle h = m_alloc(m, t, type_basic_nbytes(t));

    m_incref(m, dict);
    m_store(m, h, 0, dict);
    if (type_info[t].gc) {
        m_track(m, h);
    }
    return h;
}

static uint64_t
iter_hash(uint64_t x, const Object *o)
{
    x = snap_hash_pair(x, o->u.it.seq, o->u.it.extra);
    x = hash_u64(x, (uint64_t)o->u.it.index);
    x = hash_u64(x, (uint64_t)o->u.it.stop);
    return hash_u64(x, (uint64_t)o->u.it.step);
}

const TypeOps iter_ops = {
    TYPE_REFS(it.seq, 2),
    .hash = iter_hash,
};

/* ------------------------------------------------------------------ */
/* range                                                              */

/* range(start, stop, step) with its length as an int and, when it fits,
 * as a number (-1 otherwise); steals the four ints. */
Handle
m_range_new(Machine *m, Handle start, Handle stop, Handle step, Handle length, int64_t len)
{
    ObjPayload body = {.range = {.len = len}};
    Handle r = m_alloc_init(m, T_RANGE, type_basic_nbytes(T_RANGE), &body);

    m_store(m, r, 0, start);
    m_store(m, r, 1, stop);
    m_store(m, r, 2, step);
    m_store(m, r, 3, length);
    return r;
}

static uint64_t
range_hash(uint64_t x, const Object *o)
{
    x = snap_hash_pair(x, o->u.range.start, o->u.range.stop);
    x = snap_hash_pair(x, o->u.range.step, o->u.range.length);
    return hash_u64(x, (uint64_t)o->u.range.len);
}

const TypeOps range_ops = {
    TYPE_REFS(range.start, 4),
    .hash = range_hash,
};
