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

static void
iter_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const IterVal *it = &m->objs[h].u.it;

    if (it->seq) {
        fn(arg, h, 0, it->seq);
    }
    if (it->extra) {
        fn(arg, h, 1, it->extra);
    }
}

static Handle *
iter_slot(Machine *m, Handle h, uint32_t i)
{
    return i == 0 ? &m->objs[h].u.it.seq : &m->objs[h].u.it.extra;
}

static Handle
iter_release(Machine *m, Handle h, uint32_t *step)
{
    return type_release_upto(m, h, step, 2);
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
    .traverse = iter_traverse,
    .slot = iter_slot,
    .release = iter_release,
    .hash = iter_hash,
};

/* ------------------------------------------------------------------ */
/* range                                                              */

static void
range_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const RangeVal *r = &m->objs[h].u.range;
    const Handle v[4] = {r->start, r->stop, r->step, r->length};

    for (uint32_t i = 0; i < 4; i++) {
        if (v[i]) {
            fn(arg, h, i, v[i]);
        }
    }
}

static Handle *
range_slot(Machine *m, Handle h, uint32_t i)
{
    RangeVal *r = &m->objs[h].u.range;

    return i == 0 ? &r->start : i == 1 ? &r->stop : i == 2 ? &r->step : &r->length;
}

static Handle
range_release(Machine *m, Handle h, uint32_t *step)
{
    return type_release_upto(m, h, step, 4);
}

static uint64_t
range_hash(uint64_t x, const Object *o)
{
    x = snap_hash_pair(x, o->u.range.start, o->u.range.stop);
    x = snap_hash_pair(x, o->u.range.step, o->u.range.length);
    return hash_u64(x, (uint64_t)o->u.range.len);
}

const TypeOps range_ops = {
    .traverse = range_traverse,
    .slot = range_slot,
    .release = range_release,
    .hash = range_hash,
};
