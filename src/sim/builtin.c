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
