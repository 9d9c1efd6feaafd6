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
#include "sim/typeops.h"

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

/* ------------------------------------------------------------------ */
/* Operations.                                                        */

/* gc_clear: off the referent's list, then the callback. */
static void
weakref_clear(Machine *m, Handle h)
{
    m_weakref_unlink(m, h);
    type_clear_slot(m, h, 0);
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
