/*
 * weakref.c: weak references (Objects/weakrefobject.c).
 *
 * A weak reference does not count towards its referent's refcount; the
 * referent keeps a doubly linked list of them where its type says
 * (TypeOps.weaklist, tp_weaklistoffset).  Its one strong reference is
 * the callback, slot 0.
 */
#include <config.h>


#include "core/hash.h"
#include "sim/prim.h"
#include "sim/typeops.h"

/* What else the allocation of a new weak reference announces (more,
 * may be NULL). */
typedef struct WeakLink {
    LayoutFn more;
    void *arg;
} WeakLink;

/* The new reference joins its referent's list: at the head
 * (insert_head), or after the basic reference prev (insert_after). */
static void
weakref_link(Machine *m, Handle wr, uint64_t addr, void *arg)
{
    const WeakLink *l = arg;
    WeakVal *w = &m->objs[wr].u.wr;

    w->next = w->prev != NULL_HANDLE ? m->objs[w->prev].u.wr.next : *m_weaklist(m, w->referent);
    if (w->next != NULL_HANDLE) {
        m->objs[w->next].u.wr.prev = wr;
    }
    if (w->prev != NULL_HANDLE) {
        m->objs[w->prev].u.wr.next = wr;
    } else {
        *m_weaklist(m, w->referent) = wr;
    }
    if (l->more != NULL) {
        l->more(m, wr, addr, l->arg);
    }
}

Handle
weakref_alloc(Machine *m, Handle obj, Handle prev, LayoutFn more, void *arg)
{
    ObjPayload body = {.wr = {.referent = obj, .prev = prev}};
    WeakLink l = {more, arg};

    return m_alloc_init_with(m, T_WEAKREF, type_basic_nbytes(T_WEAKREF), &body, weakref_link, &l);
}

Handle
m_weakref_new(Machine *m, Handle obj, Handle prev, Handle cb)
{
    Handle w = weakref_alloc(m, obj, prev, NULL, NULL);

    if (cb != NULL_HANDLE) {
        m_incref(m, cb);
        m_store(m, w, 0, cb);
    }
    m_track(m, w);
    return w;
}

void
m_weakref_unlink(Machine *m, Handle wr)
{
    WeakVal *w = &m->objs[wr].u.wr;

    if (w->referent == NULL_HANDLE) {
        return;
    }
    if (w->prev != NULL_HANDLE) {
        m->objs[w->prev].u.wr.next = w->next;
    } else {
        *m_weaklist(m, w->referent) = w->next;
    }
    if (w->next != NULL_HANDLE) {
        m->objs[w->next].u.wr.prev = w->prev;
    }
    w->referent = w->next = w->prev = NULL_HANDLE;
}

/* _PyWeakref_ClearRef: the collector takes wr off its referent's list
 * and leaves its callback (EV_WEAKREF). */
void
m_weakref_clear_ref(Machine *m, Handle wr)
{
    Handle referent = m->objs[wr].u.wr.referent;

    if (referent == NULL_HANDLE) {
        return;
    }
    PRIM_BEGIN(m);
    m_weakref_unlink(m, wr);
    machine_emit(m, EV_WEAKREF, wr, 0, referent, 0, 0);
}

static void
unlink_layout(Machine *m, Handle wr, uint64_t addr, void *arg)
{
    (void)addr;
    (void)arg;
    m_weakref_unlink(m, wr);
}

/* clear_weakref with the callback taken out: the store that empties the
 * callback slot also takes the reference off its referent's list. */
Handle
m_weakref_clear(Machine *m, Handle wr)
{
    return m_store_with(m, wr, 0, NULL_HANDLE, unlink_layout, NULL);
}

/* ------------------------------------------------------------------ */
/* Operations.                                                        */

/* gc_clear: off the referent's list, then the callback. */
static void
weakref_clear(Machine *m, Handle h)
{
    Handle cb = m_weakref_clear(m, h);

    if (cb != NULL_HANDLE) {
        m_decref(m, cb);
    }
}

static void
weakref_free_payload(Machine *m, Handle h)
{
    m_weakref_unlink(m, h);
}

static uint64_t
weakref_hash(uint64_t x, const Object *o)
{
    x = snap_hash_pair(x, o->u.wr.referent, o->u.wr.callback);
    return snap_hash_pair(x, o->u.wr.next, o->u.wr.prev);
}

static void
weakref_describe(const Machine *m, Handle h, char *buf, size_t size)
{
    type_describe_ref(buf, size, "to ", m->objs[h].u.wr.referent, "dead");
}

const TypeOps weakref_ops = {
    .describe = weakref_describe,
    TYPE_REFS(wr.callback, 1),
    .clear = weakref_clear,
    .free_payload = weakref_free_payload,
    .hash = weakref_hash,
};
