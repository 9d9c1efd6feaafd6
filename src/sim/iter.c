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
#include "sim/typeops.h"

Handle
m_iter_new(Machine *m, ObjType t, Handle seq)
{
    Handle h = m_alloc(m, t, type_basic_nbytes(t));

    m_incref(m, seq);
    m_store(m, h, 0, seq);
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
