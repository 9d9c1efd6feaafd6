/*
 * module.c: modules (Objects/moduleobject.c).
 *
 * 16 + 56 bytes; slots 0 the module's dict and 1 its name.
 */
#include <config.h>

#include <stdio.h>

#include "sim/typeops.h"

Handle
m_module_new(Machine *m, const char *name)
{
    Handle h = m_alloc(m, T_MODULE, type_basic_nbytes(T_MODULE));
    Handle d = m_dict_new(m);
    Handle nm = m_str_cstr(m, name);

    m_store(m, h, 0, d);
    m_store(m, h, 1, nm);
    m_track(m, h);
    return h;
}

/* module_traverse: the dict only. */
static void
module_gc_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    type_visit_refs(h, &m->objs[h].u.mod.dict, 1, fn, arg);
}

static uint64_t
module_hash(uint64_t x, const Object *o)
{
    return snap_hash_pair(x, o->u.mod.dict, o->u.mod.name);
}

static void
module_describe(const Machine *m, Handle h, char *buf, size_t size)
{
    Handle name = m->objs[h].u.mod.name;

    snprintf(buf, size, "%s", name ? str_utf8(m, name) : "?");
}

const TypeOps module_ops = {
    .describe = module_describe,
    TYPE_REFS(mod.dict, 2),
    .gc_traverse = module_gc_traverse,
    .clear = type_clear_first,
    .hash = module_hash,
};
