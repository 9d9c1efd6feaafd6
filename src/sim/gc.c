/*
 * gc.c: the cycle collector, modelled on gc_collect_main and its helpers
 * in Modules/gcmodule.c of CPython 3.11.
 *
 * How a collection of generation g works (each step emits events, so a
 * student can read it with `pymemsim trace' or step through it):
 *
 *   start             count[g+1] += 1; count[0..g] = 0; the younger
 *                     generations are appended to g, which is `young';
 *                     `old' is g+1 (g itself for generation 2).
 *   update_refs       gc_refs = refcount for every object in young, and
 *                     each is marked as being collected.
 *   subtract_refs     each object's references to objects being collected
 *                     decrement their gc_refs: what is left counts the
 *                     references from outside young.
 *   move_unreachable  walk young: an object with gc_refs > 0 is reachable;
 *                     its referents become reachable too (gc_refs 1, or
 *                     moved back from `unreachable' to the end of young).
 *                     An object with gc_refs 0 moves to `unreachable' for
 *                     now.  When the walk ends, unreachable holds the
 *                     garbage.
 *   untrack_tuples    surviving tuples of atomic values leave the lists.
 *   merge             survivors join old (a full collection untracks
 *                     dicts of atomic values and resets the 25% rule).
 *   handle_weakrefs   weak references to the garbage are cleared; their
 *                     callbacks run if the weakref itself survives.
 *   finalize_garbage  __del__ of each garbage object not yet finalized,
 *                     in list order (PEP 442: at most once).
 *   handle_resurrected the garbage is examined again; what a finalizer
 *                     made reachable joins old.
 *   delete_garbage    tp_clear of each remaining object breaks the cycles;
 *                     reference counting frees them.  Under DEBUG_SAVEALL
 *                     they go to gc.garbage instead.
 *   clear_freelists   (generation 2 only) the type free lists are emptied.
 *
 * Invariant between collections: every tracked object is on exactly one
 * of the generation lists (or the permanent one), with OF_COLLECTING
 * clear.  During a collection OF_COLLECTING marks the objects of young
 * and unreachable; only they have meaningful gc_refs.
 */
#include <config.h>

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "sim/gc.h"

const char *const gc_phase_names[GC_NPHASES] = {
#define X(id, name) name,
    GC_PHASES(X)
#undef X
};

void machine_gen_append(Machine *m, int g, Handle h);
void machine_gen_remove(Machine *m, Handle h);
void machine_emit(Machine *m, EventKind kind, Handle obj, uint32_t slot, int64_t a,
                  int64_t b, uint64_t c);
void machine_clear_freelists(Machine *m);

/* ------------------------------------------------------------------ */
/* Primitives on the collector's lists.                               */

void
m_gc_move(Machine *m, Handle h, int list)
{
    int from = m->objs[h].gen;

    machine_gen_remove(m, h);
    machine_gen_append(m, list, h);
    machine_emit(m, EV_GC_MOVE, h, 0, from, list, 0);
}

void
m_gc_merge(Machine *m, int from, int to)
{
    GcGen *f = &m->gen[from], *t = &m->gen[to];
    uint64_t n = f->len;

    if (f->head != NULL_HANDLE) {
        for (Handle h = f->head; h != NULL_HANDLE; h = m->objs[h].gc_next) {
            m->objs[h].gen = (int8_t)to;
        }
        if (t->tail != NULL_HANDLE) {
            m->objs[t->tail].gc_next = f->head;
            m->objs[f->head].gc_prev = t->tail;
        } else {
            t->head = f->head;
        }
        t->tail = f->tail;
        t->len += f->len;
        f->head = f->tail = NULL_HANDLE;
        f->len = 0;
    }
    machine_emit(m, EV_GC_MERGE, 0, 0, from, to, n);
}

void
m_gc_set_refs(Machine *m, Handle h, int32_t refs)
{
    int32_t old = m->objs[h].gc_refs;

    m->objs[h].gc_refs = refs;
    machine_emit(m, EV_GC_REFS, h, 0, old, refs, 0);
}

/* Before: any state.  After: the views see phase p of a collection of
 * generation, and one EV_GC_PHASE says so. */
static void
phase(Machine *m, GcPhase p, int generation)
{
    m->gc_phase = (int)p;
    m->gc_generation = generation;
    machine_emit(m, EV_GC_PHASE, 0, (uint32_t)p, generation, 0, 0);
}

/* ------------------------------------------------------------------ */
/* tp_traverse                                                        */

void
gc_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const Object *o = &m->objs[h];

    switch ((ObjType)o->type) {
    case T_LIST:
        /* list_traverse and tupletraverse go from the last item. */
        for (uint32_t i = o->u.l.len; i-- > 0;) {
            if (o->u.l.items[i]) {
                fn(arg, h, i, o->u.l.items[i]);
            }
        }
        break;
    case T_TUPLE:
        for (uint32_t i = o->u.t.len; i-- > 0;) {
            if (o->u.t.items[i]) {
                fn(arg, h, i, o->u.t.items[i]);
            }
        }
        break;
    case T_DICT: {
        /* dict_traverse: str-keyed tables visit only the values. */
        const Dict *d = o->u.d;
        if (d->split) {
            for (uint32_t i = 0; i < d->values->n; i++) {
                if (d->values->slot[i]) {
                    fn(arg, h, i, d->values->slot[i]);
                }
            }
        } else if (d->unicode) {
            for (uint32_t e = 0; e < d->nentries; e++) {
                if (d->entries[2 * e + 1]) {
                    fn(arg, h, 2 * e + 1, d->entries[2 * e + 1]);
                }
            }
        } else {
            for (uint32_t e = 0; e < d->nentries; e++) {
                if (d->entries[2 * e + 1]) {
                    fn(arg, h, 2 * e + 1, d->entries[2 * e + 1]);
                    fn(arg, h, 2 * e, d->entries[2 * e]);
                }
            }
        }
        break;
    }
    case T_INSTANCE: {
        /* subtype_traverse: the values, the __dict__, then the class. */
        if (o->u.inst.values != NULL) {
            uint32_t nk = m->objs[o->u.inst.cls].u.c->nkeys;
            for (uint32_t i = 0; i < nk && i < o->u.inst.values->n; i++) {
                if (o->u.inst.values->slot[i]) {
                    fn(arg, h, i, o->u.inst.values->slot[i]);
                }
            }
        }
        if (o->u.inst.dict) {
            fn(arg, h, INST_DICT_SLOT, o->u.inst.dict);
        }
        if (o->u.inst.cls) {
            fn(arg, h, INST_CLASS_SLOT, o->u.inst.cls);
        }
        break;
    }
    case T_CLASS:
        /* type_traverse: tp_dict, tp_mro, tp_bases. */
        if (o->u.c->dict) {
            fn(arg, h, 1, o->u.c->dict);
        }
        if (o->u.c->mro) {
            fn(arg, h, 2, o->u.c->mro);
        }
        if (o->u.c->bases) {
            fn(arg, h, CLASS_BASES_SLOT, o->u.c->bases);
        }
        break;
    case T_FUNCTION: {
        /* func_traverse: code, globals, module, defaults, doc, name,
         * closure, qualname. */
        static const uint8_t order[] = {0, 1, 6, 4, 7, 2, 5, 3};
        const Handle *p = &o->u.f->code;
        for (size_t i = 0; i < sizeof order; i++) {
            if (p[order[i]]) {
                fn(arg, h, order[i], p[order[i]]);
            }
        }
        break;
    }
    case T_MODULE:
        if (o->u.mod.dict) {
            fn(arg, h, 0, o->u.mod.dict);
        }
        break;
    default:
        m_traverse(m, h, fn, arg);
        break;
    }
}

/* ------------------------------------------------------------------ */
/* Untracking (_PyTuple_MaybeUntrack, _PyDict_MaybeUntrack).          */

void
gc_maybe_untrack(Machine *m, Handle h)
{
    const Object *o = &m->objs[h];

    if (!(o->flags & OF_TRACKED)) {
        return;
    }
    if (o->type == T_TUPLE) {
        for (uint32_t i = 0; i < o->u.t.len; i++) {
            Handle x = o->u.t.items[i];
            if (x == NULL_HANDLE) {
                return;
            }
            if (m_may_be_tracked(m, x)) {
                return;
            }
        }
        m_untrack(m, h);
    } else if (o->type == T_DICT) {
        const Dict *d = o->u.d;
        if (d->split) {
            for (uint32_t i = 0; i < d->values->n; i++) {
                if (d->values->slot[i] && m_may_be_tracked(m, d->values->slot[i])) {
                    return;
                }
            }
        } else {
            for (uint32_t e = 0; e < d->nentries; e++) {
                Handle k = d->entries[2 * e], v = d->entries[2 * e + 1];
                if (v == NULL_HANDLE) {
                    continue;
                }
                if (m_may_be_tracked(m, v) || (!d->unicode && m_may_be_tracked(m, k))) {
                    return;
                }
            }
        }
        m_untrack(m, h);
    }
}

/* ------------------------------------------------------------------ */
/* deduce_unreachable                                                 */

/* Before: during a collection.  After: nothing changes; whether h is in
 * the set being examined (young or unreachable). */
static int
collecting(const Machine *m, Handle h)
{
    const Object *o = &m->objs[h];

    return type_info[o->type].gc && (o->flags & OF_COLLECTING);
}

/* Before: to's gc_refs counts the references to it not yet subtracted.
 * After: one less, if to is being collected (subtract_refs). */
static void
visit_decref(void *arg, Handle from, uint32_t slot, Handle to)
{
    Machine *m = arg;

    (void)from;
    (void)slot;
    if (collecting(m, to)) {
        m_gc_set_refs(m, to, m->objs[to].gc_refs - 1);
    }
}

typedef struct Reach {
    Machine *m;
    int young;
} Reach;

/* Before: from is reachable.  After: to, if being collected, is reachable
 * too: gc_refs at least 1, and back on young if it was on unreachable. */
static void
visit_reachable(void *arg, Handle from, uint32_t slot, Handle to)
{
    Reach *r = arg;
    Machine *m = r->m;

    (void)from;
    (void)slot;
    if (!collecting(m, to)) {
        return;
    }
    Object *o = &m->objs[to];
    if (o->gen == GC_UNREACHABLE) {
        /* Tentatively unreachable, but reachable after all: back to the
         * end of young, where the walk will reach it again. */
        m_gc_move(m, to, r->young);
        m_gc_set_refs(m, to, 1);
    } else if (o->gc_refs == 0) {
        m_gc_set_refs(m, to, 1);
    }
}

/* Before: the objects on list young are tracked, OF_COLLECTING clear.
 * After: young holds the objects reachable from outside it (gc_refs > 0,
 * OF_COLLECTING clear), unreachable holds the rest (gc_refs 0,
 * OF_COLLECTING set). */
static void
deduce_unreachable(Machine *m, int young, int unreachable, int generation)
{
    phase(m, GC_PHASE_UPDATE_REFS, generation);
    for (Handle h = m->gen[young].head; h != NULL_HANDLE; h = m->objs[h].gc_next) {
        m->objs[h].flags |= OF_COLLECTING;
        m_gc_set_refs(m, h, (int32_t)m->objs[h].refcnt);
    }
    phase(m, GC_PHASE_SUBTRACT_REFS, generation);
    for (Handle h = m->gen[young].head; h != NULL_HANDLE; h = m->objs[h].gc_next) {
        gc_traverse(m, h, visit_decref, m);
    }
    phase(m, GC_PHASE_MOVE_UNREACHABLE, generation);
    Reach r = {m, young};
    Handle h = m->gen[young].head;
    while (h != NULL_HANDLE) {
        if (m->objs[h].gc_refs != 0) {
            gc_traverse(m, h, visit_reachable, &r);
            m->objs[h].flags &= (uint8_t)~OF_COLLECTING;
            h = m->objs[h].gc_next;
        } else {
            Handle next = m->objs[h].gc_next;
            m_gc_move(m, h, unreachable);
            h = next;
        }
    }
}

/* ------------------------------------------------------------------ */
/* tp_clear                                                           */

/* Before: v is a reference the caller owns, or 0.  After: released. */
static void
release(Machine *m, Handle v)
{
    if (v != NULL_HANDLE) {
        m_decref(m, v);
    }
}

static void
tp_clear(Machine *m, Handle h)
{
    Object *o = &m->objs[h];

    switch ((ObjType)o->type) {
    case T_LIST: {
        /* _list_clear: emptied first, then released last to first. */
        uint32_t n = o->u.l.len;
        Handle *items = xmalloc((n + 1) * sizeof *items);
        for (uint32_t i = 0; i < n; i++) {
            items[i] = m_store(m, h, i, NULL_HANDLE);
        }
        o = &m->objs[h];
        if (o->u.l.items_addr != 0) {
            m_storage_free(m, h, HEAP_ROLE_LIST_ITEMS, o->u.l.items_addr);
        }
        o = &m->objs[h];
        o->u.l.items_addr = 0;
        o->u.l.len = o->u.l.cap = 0;
        for (uint32_t i = n; i-- > 0;) {
            release(m, items[i]);
        }
        free(items);
        break;
    }
    case T_DICT:
        m_dict_clear(m, h);
        break;
    case T_SET: {
        uint32_t n = o->u.set->mask + 1;
        Handle *keys = xmalloc((n + 1) * sizeof *keys);
        uint32_t k = 0;
        for (uint32_t i = 0; i < n; i++) {
            Handle x = m->objs[h].u.set->table[i];
            if (x != NULL_HANDLE && x != SET_DUMMY) {
                keys[k++] = m_store(m, h, i, NULL_HANDLE);
            }
        }
        SetVal *s = m->objs[h].u.set;
        s->fill = s->used = 0;
        for (uint32_t i = 0; i < k; i++) {
            release(m, keys[i]);
        }
        free(keys);
        break;
    }
    case T_INSTANCE: {
        /* subtype_clear: the values, then the __dict__. */
        uint32_t n = o->u.inst.values ? o->u.inst.values->n : 0;
        for (uint32_t i = 0; i < n; i++) {
            Values *v = m->objs[h].u.inst.values;
            if (v != NULL && i < v->n && v->slot[i] != NULL_HANDLE) {
                Handle x = m_store(m, h, i, NULL_HANDLE);
                v = m->objs[h].u.inst.values;
                for (uint32_t j = 0; j < v->norder; j++) {
                    if (v->order[j] == i) {
                        memmove(v->order + j, v->order + j + 1, v->norder - j - 1);
                        v->norder--;
                        break;
                    }
                }
                release(m, x);
            }
        }
        if (m->objs[h].u.inst.dict != NULL_HANDLE) {
            release(m, m_store(m, h, INST_DICT_SLOT, NULL_HANDLE));
        }
        break;
    }
    case T_FUNCTION: {
        static const uint8_t order[] = {1, 6, 4, 7, 5};
        for (size_t i = 0; i < sizeof order; i++) {
            release(m, m_store(m, h, order[i], NULL_HANDLE));
        }
        break;
    }
    case T_CELL:
        release(m, m_store(m, h, 0, NULL_HANDLE));
        break;
    case T_MODULE:
        release(m, m_store(m, h, 0, NULL_HANDLE));
        break;
    case T_CLASS: {
        /* type_clear: the cached keys, the dict's contents, tp_mro. */
        uint32_t n = o->u.c->nkeys;
        for (uint32_t i = 0; i < n; i++) {
            release(m, m_store(m, h, 3 + i, NULL_HANDLE));
        }
        m->objs[h].u.c->nkeys = 0;
        if (m->objs[h].u.c->dict != NULL_HANDLE) {
            m_dict_clear(m, m->objs[h].u.c->dict);
        }
        release(m, m_store(m, h, 2, NULL_HANDLE));
        break;
    }
    case T_WEAKREF:
        m_weakref_unlink(m, h);
        release(m, m_store(m, h, 0, NULL_HANDLE));
        break;
    default:
        break;
    }
}

/* ------------------------------------------------------------------ */
/* Collection.                                                        */

/* Before: unreachable holds the garbage.  After: no weak reference points
 * into it; callbacks of weak references that are not garbage have run;
 * returns how many of those weakrefs the callbacks freed. */
static int64_t
handle_weakrefs(Machine *m, int old)
{
    int64_t num_freed = 0;

    for (Handle h = m->gen[GC_UNREACHABLE].head; h != NULL_HANDLE;) {
        Handle next = m->objs[h].gc_next;
        Object *o = &m->objs[h];
        if (o->type == T_WEAKREF) {
            m_weakref_unlink(m, h);
        }
        Handle *wl = m_weaklist(m, h);
        if (wl != NULL) {
            while (*m_weaklist(m, h) != NULL_HANDLE) {
                Handle wr = *m_weaklist(m, h);
                m_weakref_unlink(m, wr);
                if (m->objs[wr].u.wr.callback == NULL_HANDLE || collecting(m, wr)) {
                    continue;
                }
                m_incref(m, wr);
                m_gc_move(m, wr, GC_WRCB);
            }
        }
        h = next;
    }
    while (m->gen[GC_WRCB].head != NULL_HANDLE) {
        Handle wr = m->gen[GC_WRCB].head;
        Handle cb = m->objs[wr].u.wr.callback;
        if (m->hooks.weakref_callback != NULL) {
            m->hooks.weakref_callback(m->hooks.ctx, m, wr, cb);
        }
        m_decref(m, wr);
        if (m->gen[GC_WRCB].head == wr) {
            m_gc_move(m, wr, old);
        } else {
            num_freed++;
        }
    }
    return num_freed;
}

/* Before: unreachable holds the garbage, weak references cleared.  After:
 * each object of it with a __del__ not yet run has run it (once), and the
 * list holds the same objects in the same order. */
static void
finalize_garbage(Machine *m)
{
    while (m->gen[GC_UNREACHABLE].head != NULL_HANDLE) {
        Handle h = m->gen[GC_UNREACHABLE].head;
        Object *o = &m->objs[h];
        m_gc_move(m, h, GC_SEEN);
        o = &m->objs[h];
        if (o->type == T_INSTANCE && !(o->flags & OF_FINALIZED)
            && m->objs[o->u.inst.cls].u.c->has_del) {
            o->flags |= OF_FINALIZED;
            m_incref(m, h);
            machine_emit(m, EV_FINALIZE, h, 0, 0, 0, 0);
            if (m->hooks.finalize != NULL) {
                m->hooks.finalize(m->hooks.ctx, m, h);
            }
            m_decref(m, h);
        }
    }
    m_gc_merge(m, GC_SEEN, GC_UNREACHABLE);
}

/* Before: h is unreachable garbage under DEBUG_SAVEALL.  After: gc.garbage
 * holds a new reference to it (if gc.garbage exists). */
static void
append_garbage(Machine *m, Handle h)
{
    if (m->gc_garbage == NULL_HANDLE) {
        return;
    }
    m_incref(m, h);
    m_list_append(m, m->gc_garbage, h);
}

int64_t
gc_collect(Machine *m, int generation)
{
    if (m->gc_collecting) {
        return 0;
    }
    m->gc_collecting = 1;
    phase(m, GC_PHASE_START, generation);
    if (generation + 1 < NGENERATIONS) {
        m_set_count(m, generation + 1, m->gen[generation + 1].count + 1);
    }
    for (int i = 0; i <= generation; i++) {
        m_set_count(m, i, 0);
    }
    for (int i = 0; i < generation; i++) {
        m_gc_merge(m, i, generation);
    }
    int young = generation;
    int old = generation < NGENERATIONS - 1 ? generation + 1 : generation;

    deduce_unreachable(m, young, GC_UNREACHABLE, generation);

    phase(m, GC_PHASE_UNTRACK_TUPLES, generation);
    for (Handle h = m->gen[young].head; h != NULL_HANDLE;) {
        Handle next = m->objs[h].gc_next;
        if (m->objs[h].type == T_TUPLE) {
            gc_maybe_untrack(m, h);
        }
        h = next;
    }
    phase(m, GC_PHASE_MERGE, generation);
    if (young != old) {
        if (generation == NGENERATIONS - 2) {
            m->long_lived_pending += (int64_t)m->gen[young].len;
        }
        m_gc_merge(m, young, old);
    } else {
        for (Handle h = m->gen[young].head; h != NULL_HANDLE;) {
            Handle next = m->objs[h].gc_next;
            if (m->objs[h].type == T_DICT) {
                gc_maybe_untrack(m, h);
            }
            h = next;
        }
        m->long_lived_pending = 0;
        m->long_lived_total = (int64_t)m->gen[young].len;
    }

    phase(m, GC_PHASE_HANDLE_WEAKREFS, generation);
    int64_t collected = handle_weakrefs(m, old);

    phase(m, GC_PHASE_FINALIZE, generation);
    finalize_garbage(m);

    phase(m, GC_PHASE_RESURRECTED, generation);
    for (Handle h = m->gen[GC_UNREACHABLE].head; h != NULL_HANDLE; h = m->objs[h].gc_next) {
        m->objs[h].flags &= (uint8_t)~OF_COLLECTING;
    }
    deduce_unreachable(m, GC_UNREACHABLE, GC_STILL, generation);
    m_gc_merge(m, GC_UNREACHABLE, old);

    phase(m, GC_PHASE_DELETE, generation);
    collected += (int64_t)m->gen[GC_STILL].len;
    while (m->gen[GC_STILL].head != NULL_HANDLE) {
        Handle h = m->gen[GC_STILL].head;
        if (m->gc_debug & GC_DEBUG_SAVEALL) {
            append_garbage(m, h);
        } else {
            m_incref(m, h);
            tp_clear(m, h);
            m_decref(m, h);
        }
        if (m->gen[GC_STILL].head == h) {
            m->objs[h].flags &= (uint8_t)~OF_COLLECTING;
            m_gc_move(m, h, old);
        }
    }
    if (generation == NGENERATIONS - 1) {
        phase(m, GC_PHASE_CLEAR_FREELISTS, generation);
        machine_clear_freelists(m);
    }
    m->gc_collections[generation]++;
    m->gc_last_generation = generation;
    m->gc_last_collected = collected;
    m->gc_phase = GC_PHASE_DONE;
    machine_emit(m, EV_GC_DONE, 0, 0, generation, collected, 0);
    m->gc_collecting = 0;
    return collected;
}

int64_t
gc_collect_generations(Machine *m)
{
    for (int i = NGENERATIONS - 1; i >= 0; i--) {
        if (m->gen[i].count > m->gen[i].threshold) {
            if (i == NGENERATIONS - 1 && m->long_lived_pending < m->long_lived_total / 4) {
                continue;
            }
            return gc_collect(m, i);
        }
    }
    return 0;
}

void
gc_freeze(Machine *m)
{
    for (int i = 0; i < NGENERATIONS; i++) {
        m_gc_merge(m, i, GEN_PERMANENT);
        m_set_count(m, i, 0);
    }
}

void
gc_unfreeze(Machine *m)
{
    m_gc_merge(m, GEN_PERMANENT, NGENERATIONS - 1);
}
