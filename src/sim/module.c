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

static void
module_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const Object *o = &m->objs[h];

    if (o->u.mod.dict) {
        fn(arg, h, 0, o->u.mod.dict);
    }
    if (o->u.mod.name) {
        fn(arg, h, 1, o->u.mod.name);
    }
}

/* module_traverse: the dict only. */
static void
module_gc_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    if (m->objs[h].u.mod.dict) {
        fn(arg, h, 0, m->objs[h].u.mod.dict);
    }
}

static void
module_clear(Machine *m, Handle h)
{
    Handle v = m_store(m, h, 0, NULL_HANDLE);

    if (v != NULL_HANDLE) {
        m_decref(m, v);
    }
}

static Handle *
module_slot(Machine *m, Handle h, uint32_t i)
{
    return i == 0 ? &m->objs[h].u.mod.dict : &m->objs[h].u.mod.name;
}

static Handle
module_release(Machine *m, Handle h, uint32_t *step)
{
    return type_release_upto(m, h, step, 2);
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
    .traverse = module_traverse,
    .gc_traverse = module_gc_traverse,
    .clear = module_clear,
    .slot = module_slot,
    .release = module_release,
    .hash = module_hash,
};
