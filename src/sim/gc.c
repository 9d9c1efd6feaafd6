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
#include "sim/prim.h"
#include "sim/typeops.h"

const char *const gc_phase_names[GC_NPHASES] = {
#define X(id, name) name,
    GC_PHASES(X)
#undef X
};

const char *const gc_setting_names[GC_NSETTINGS] = {
#define X(id, name) name,
    GC_SETTINGS(X)
#undef X
};

void machine_gen_append(Machine *m, int g, Handle h);
void machine_gen_remove(Machine *m, Handle h);
void machine_clear_freelists(Machine *m);

/* ------------------------------------------------------------------ */
/* Primitives on the collector's lists.                               */

int64_t
m_gc_setting(const Machine *m, GcSetting s)
{
    switch (s) {
    case GC_SETTING_ENABLED:
        return m->gc_enabled;
    case GC_SETTING_THRESHOLD0:
    case GC_SETTING_THRESHOLD1:
    case GC_SETTING_THRESHOLD2:
        return m->gen[s - GC_SETTING_THRESHOLD0].threshold;
    case GC_SETTING_DEBUG:
        return m->gc_debug;
    case GC_NSETTINGS:
        break;
    }
    assert(!"no such setting");
    return 0;
}

void
m_gc_config(Machine *m, GcSetting s, int64_t value)
{
    PRIM_BEGIN(m);
    int64_t old = m_gc_setting(m, s);

    switch (s) {
    case GC_SETTING_ENABLED:
        m->gc_enabled = value != 0;
        break;
    case GC_SETTING_THRESHOLD0:
    case GC_SETTING_THRESHOLD1:
    case GC_SETTING_THRESHOLD2:
        m->gen[s - GC_SETTING_THRESHOLD0].threshold = value;
        break;
    case GC_SETTING_DEBUG:
        m->gc_debug = (int)value;
        break;
    case GC_NSETTINGS:
        assert(!"no such setting");
        return;
    }
    machine_emit(m, EV_GC_CONFIG, NULL_HANDLE, (uint32_t)s, old, value, 0);
}

void
m_gc_move(Machine *m, Handle h, int list)
{
    PRIM_BEGIN(m);
    int from = m->objs[h].gen;

    machine_gen_remove(m, h);
    machine_gen_append(m, list, h);
    machine_emit(m, EV_GC_MOVE, h, 0, from, list, 0);
}

void
m_gc_merge(Machine *m, int from, int to)
{
    PRIM_BEGIN(m);
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
    PRIM_BEGIN(m);
    int32_t old = m->objs[h].gc_refs;

    m->objs[h].gc_refs = refs;
    machine_emit(m, EV_GC_REFS, h, 0, old, refs, 0);
}

/* Before: any state.  After: the views see phase p of a collection of
 * generation, and one EV_GC_PHASE says so. */
static void
phase(Machine *m, GcPhase p, int generation)
{
    PRIM_BEGIN(m);
    m->gc_phase = (int)p;
    m->gc_generation = generation;
    machine_emit(m, EV_GC_PHASE, 0, (uint32_t)p, generation, 0, 0);
}

/* ------------------------------------------------------------------ */
/* tp_traverse                                                        */

/* Before: any live object.  After: nothing changes; fn has seen each
 * reference h holds, in its type's tp_traverse order. */
void
gc_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const TypeOps *ops = m_ops(m, h);

    if (ops->gc_traverse != NULL) {
        ops->gc_traverse(m, h, fn, arg);
    } else {
        m_traverse(m, h, fn, arg);
    }
}

/* ------------------------------------------------------------------ */
/* Untracking (_PyTuple_MaybeUntrack, _PyDict_MaybeUntrack).          */

/* Before: h is live.  After: a tracked tuple or dict that holds nothing
 * the collector needs to see is untracked. */
void
gc_maybe_untrack(Machine *m, Handle h)
{
    const Object *o = &m->objs[h];

    if (!(o->flags & OF_TRACKED)) {
        return;
    }
    if (m_ops(m, h)->may_untrack != NULL && m_ops(m, h)->may_untrack(m, h)) {
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
/* Before: h is unreachable garbage, held by the caller.  After: its type's
 * tp_clear has released the references that break cycles. */
static void
tp_clear(Machine *m, Handle h)
{
    const TypeOps *ops = m_ops(m, h);

    if (ops->clear != NULL) {
        ops->clear(m, h);
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
            m_weakref_clear_ref(m, h);
        }
        Handle *wl = m_weaklist(m, h);
        if (wl != NULL) {
            while (*m_weaklist(m, h) != NULL_HANDLE) {
                Handle wr = *m_weaklist(m, h);
                m_weakref_clear_ref(m, wr);
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

/* PEP 442: h's finalizer runs now, once (EV_FINALIZE). */
static void
finalize_mark(Machine *m, Handle h)
{
    PRIM_BEGIN(m);
    m->objs[h].flags |= OF_FINALIZED;
    machine_emit(m, EV_FINALIZE, h, 0, 0, 0, 0);
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
            m_incref(m, h);
            finalize_mark(m, h);
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
    PRIM_BEGIN(m);
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
