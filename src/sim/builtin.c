/*
 * builtin.c: the objects of built-in code: None, built-in functions and
 * methods (Objects/methodobject.c), static type objects, getset
 * descriptors (Objects/descrobject.c) and super (typeobject.c).
 *
 * A built-in function's one reference is its self (slot 0); its id
 * names the host function (src/py).  A getset descriptor and a super
 * keep one reference in the cell field (a getset's is slot 0; super's
 * is not counted, as before).
 */
#include <config.h>

#include <stdio.h>

#include "sim/typeops.h"

/* A static built-in object named by its id: a type object (the id its
 * ObjType) or a built-in function.  Made before the program runs. */
Handle
m_builtin_static(Machine *m, ObjType t, size_t nbytes, uint32_t id)
{
    Handle h = machine_static(m, t, nbytes);

    m->objs[h].u.builtin.id = id;
    return h;
}

/* A built-in function or method object for the built-in id, bound to
 * self (borrowed; 0 for none), which it then holds. */
Handle
m_builtin_new(Machine *m, uint32_t id, Handle self)
{
    ObjPayload body = {.builtin = {.id = id}};
    Handle h = m_alloc_init(m, T_BUILTIN, type_basic_nbytes(T_BUILTIN), &body);

    if (self != NULL_HANDLE) {
        m_incref(m, self);
        m_store(m, h, 0, self);
    }
    m_track(m, h);
    return h;
}

/* None and static types: an id and a self, no references counted. */
static uint64_t
builtin_hash(uint64_t x, const Object *o)
{
    return snap_hash_pair(x, o->u.builtin.id, o->u.builtin.self);
}

static void
none_describe(const Machine *m, Handle h, char *buf, size_t size)
{
    (void)m;
    (void)h;
    snprintf(buf, size, "None");
}

const TypeOps none_ops = {
    .describe = none_describe,
    .hash = builtin_hash,
};

const TypeOps statictype_ops = {
    .hash = builtin_hash,
};

const TypeOps builtin_ops = {
    TYPE_REFS(builtin.self, 1),
    .hash = builtin_hash,
};

/* A getset descriptor holds its one reference as a cell does. */
const TypeOps getset_ops = {
    TYPE_REFS(cell.ref, 1),
    .hash = cell_hash,
};

const TypeOps super_ops = {
    .hash = cell_hash,
};
