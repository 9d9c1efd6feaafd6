/*
 * objects.c: what all object types share: the type tables (type_info
 * from types.def, type_ops naming each type's operations), the
 * operations every reader uses (traverse, size, weak list), the static
 * objects, and the hashing and equality of dict and set keys.
 *
 * Each type's own code (layout, sizes, constructors, mutators and its
 * TypeOps) lives in its family's file:
 *
 *   int.c       int, bool           Objects/longobject.c
 *   str.c       str                 Objects/unicodeobject.c
 *   tuple.c     tuple               Objects/tupleobject.c
 *   list.c      list                Objects/listobject.c
 *   dict.c      dict, keys, values  Objects/dictobject.c
 *   set.c       set                 Objects/setobject.c
 *   class.c     class, instance     Objects/typeobject.c
 *   function.c  function, code, method, cell
 *   module.c    module              Objects/moduleobject.c
 *   weakref.c   weakref             Objects/weakrefobject.c
 *   builtin.c   None, builtins, static types, getset, super
 *   iter.c      iterators, dict views, range
 *
 * References: constructors return new references; "steals" in machine.h
 * says which arguments they take over.
 */
#include <config.h>

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "sim/typeops.h"

_Static_assert(sizeof(Object) == 72, "an Object is 72 bytes on the host");

const TypeInfo type_info[T_COUNT] = {
#define X(id, pyname, family, gc, presize, basicsize, coll, walks, hashable)                     \
    {pyname, gc, presize, basicsize, COLL_##coll, COLL_##walks, hashable},
#include "sim/types.def"
#undef X
};

const TypeOps *const type_ops[T_COUNT] = {
#define X(id, pyname, family, gc, presize, basicsize, coll, walks, hashable) &family##_ops,
#include "sim/types.def"
#undef X
};

void machine_init_objects(Machine *m);

/* ------------------------------------------------------------------ */
/* Operations every reader uses.                                      */

void
m_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const TypeOps *ops = m_ops(m, h);

    if (ops->traverse != NULL) {
        ops->traverse(m, h, fn, arg);
    }
}

size_t
m_sizeof(const Machine *m, Handle h)
{
    const TypeOps *ops = m_ops(m, h);

    return ops->size != NULL ? ops->size(m, h) : type_basic_nbytes((ObjType)m->objs[h].type);
}

int
m_len(const Machine *m, Handle h, uint32_t *len)
{
    const TypeOps *ops = m_ops(m, h);

    if (ops->len == NULL) {
        return 0;
    }
    *len = ops->len(m, h);
    return 1;
}

void
m_describe(const Machine *m, Handle h, char *buf, size_t size)
{
    const TypeOps *ops = m_ops(m, h);

    if (ops->describe != NULL) {
        ops->describe(m, h, buf, size);
    } else if (ops->len != NULL) {
        snprintf(buf, size, "len %u", ops->len(m, h));
    } else if (size > 0) {
        buf[0] = '\0';
    }
}

/* m_referents' visitor: one more reference in the Referents. */
static void
add_referent(void *arg, Handle from, uint32_t slot, Handle to)
{
    Referents *r = arg;

    (void)from;
    (void)slot;
    r->v = xgrow(r->v, &r->cap, (size_t)r->n + 1, sizeof *r->v);
    r->v[r->n++] = to;
}

void
m_referents(const Machine *m, Handle h, TraverseFn traverse, Referents *r)
{
    r->n = 0;
    traverse(m, h, add_referent, r);
}

int
m_refers_to(const Machine *m, Handle h, TraverseFn traverse, const Handle *targets, uint32_t n)
{
    Referents r = {NULL, 0, 0};
    int found = 0;

    m_referents(m, h, traverse, &r);
    for (uint32_t i = 0; i < r.n && !found; i++) {
        for (uint32_t k = 0; k < n; k++) {
            found |= r.v[i] == targets[k];
        }
    }
    free(r.v);
    return found;
}

Handle *
m_weaklist(Machine *m, Handle obj)
{
    const TypeOps *ops = m_ops(m, obj);

    return ops->weaklist != NULL ? ops->weaklist(m, obj) : NULL;
}

void
type_clear_slot(Machine *m, Handle h, uint32_t i)
{
    Handle v = m_store(m, h, i, NULL_HANDLE);

    if (v != NULL_HANDLE) {
        m_decref(m, v);
    }
}

void
type_clear_first(Machine *m, Handle h)
{
    type_clear_slot(m, h, 0);
}

void
type_describe_ref(char *buf, size_t size, const char *prefix, Handle h, const char *none)
{
    if (h != NULL_HANDLE) {
        snprintf(buf, size, "%s#%u", prefix, h);
    } else {
        snprintf(buf, size, "%s", none);
    }
}

/* The first of the TYPE_REFS handles of h. */
static Handle *
refs_of(const Machine *m, Handle h)
{
    return (Handle *)((char *)&m->objs[h] + m_ops(m, h)->refs_at);
}

void
type_refs_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    type_visit_refs(h, refs_of(m, h), m_ops(m, h)->nrefs, fn, arg);
}

Handle *
type_refs_slot(Machine *m, Handle h, uint32_t i)
{
    assert(i < m_ops(m, h)->nrefs);
    return refs_of(m, h) + i;
}

Handle
type_refs_release(Machine *m, Handle h, uint32_t *step)
{
    return type_release_upto(m, h, step, m_ops(m, h)->nrefs);
}

int
m_may_be_tracked(const Machine *m, Handle h)
{
    const Object *o = &m->objs[h];

    if (!type_info[o->type].gc || (o->flags & OF_STATIC)) {
        return 0;           /* statics are not GC objects (type_is_gc) */
    }
    if (o->type == T_TUPLE) {
        return (o->flags & OF_TRACKED) != 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* Static objects and singletons.                                     */

Handle
m_none(Machine *m)
{
    m_incref(m, m->none);
    return m->none;
}

Handle
m_bool(Machine *m, int v)
{
    Handle h = v ? m->true_ : m->false_;

    m_incref(m, h);
    return h;
}

/* The statics, in the order of their handles: None, False, True, the
 * small ints, the empty tuple, the empty and one-character strs. */
void
machine_init_objects(Machine *m)
{
    m->none = machine_static(m, T_NONE, type_basic_nbytes(T_NONE));
    int_init_statics(m);
    m->empty_tuple = machine_static(m, T_TUPLE, type_basic_nbytes(T_TUPLE));
    str_init_statics(m);
}

/* ------------------------------------------------------------------ */
/* Hashing and key equality.                                          */

#define HASH_BITS 61
#define HASH_MODULUS ((UINT64_C(1) << HASH_BITS) - 1)

uint64_t
m_hash_any(const Machine *m, Handle h)
{
    const Object *o = &m->objs[h];

    if (o->type == T_INT || o->type == T_BOOL) {
        /* long_hash: the value modulo 2**61 - 1, -1 becomes -2. */
        int32_t n = o->u.i.size < 0 ? -o->u.i.size : o->u.i.size;
        uint64_t x = 0;
        for (int32_t i = n - 1; i >= 0; i--) {
            x = ((x << INT_SHIFT) & HASH_MODULUS) | (x >> (HASH_BITS - INT_SHIFT));
            x += int_digit(o, i);
            if (x >= HASH_MODULUS) {
                x -= HASH_MODULUS;
            }
        }
        if (o->u.i.size < 0) {
            x = (uint64_t)0 - x;
        }
        if (x == (uint64_t)-1) {
            x = (uint64_t)-2;
        }
        return x;
    }
    if (o->type == T_STR) {
        return o->u.s.hash;
    }
    /* object.__hash__: the address rotated by 4 bits. */
    uint64_t a = o->addr;
    uint64_t x = (a >> 4) | (a << 60);
    return x == (uint64_t)-1 ? (uint64_t)-2 : x;
}

/* Equality of two keys that are not tuples; -1 for two tuples. */
static int
key_eq_flat(const Machine *m, Handle a, Handle b)
{
    if (a == b) {
        return 1;
    }
    const Object *x = &m->objs[a], *y = &m->objs[b];
    int xi = x->type == T_INT || x->type == T_BOOL;
    int yi = y->type == T_INT || y->type == T_BOOL;
    if (xi && yi) {
        if (x->u.i.size != y->u.i.size) {
            return 0;
        }
        int32_t n = x->u.i.size < 0 ? -x->u.i.size : x->u.i.size;
        for (int32_t i = 0; i < n; i++) {
            if (int_digit(x, i) != int_digit(y, i)) {
                return 0;
            }
        }
        return 1;
    }
    if (x->type == T_STR && y->type == T_STR) {
        return x->u.s.hash == y->u.s.hash && x->u.s.nbytes == y->u.s.nbytes
               && memcmp(x->u.s.utf8, y->u.s.utf8, x->u.s.nbytes) == 0;
    }
    if (x->type == T_TUPLE && y->type == T_TUPLE) {
        return x->u.t.len == y->u.t.len ? -1 : 0;
    }
    return 0;
}

/* Tuples compare item by item, nested ones on an explicit stack: the
 * depth of a key is the program's to choose. */
int
m_key_eq(const Machine *m, Handle a, Handle b)
{
    int r = key_eq_flat(m, a, b);

    if (r >= 0) {
        return r;
    }
    struct { Handle x, y; uint32_t i; } *st = NULL;
    size_t n = 0, cap = 0;
    st = xgrow(st, &cap, 1, sizeof *st);
    st[n].x = a;
    st[n].y = b;
    st[n++].i = 0;
    r = 1;
    while (n > 0) {
        const Object *x = &m->objs[st[n - 1].x], *y = &m->objs[st[n - 1].y];
        uint32_t i = st[n - 1].i++;
        if (i == x->u.t.len) {
            n--;
            continue;
        }
        int e = key_eq_flat(m, x->u.t.items[i], y->u.t.items[i]);
        if (e == 0) {
            r = 0;
            break;
        }
        if (e < 0) {
            st = xgrow(st, &cap, n + 1, sizeof *st);
            st[n].x = x->u.t.items[i];
            st[n].y = y->u.t.items[i];
            st[n++].i = 0;
        }
    }
    free(st);
    return r;
}

