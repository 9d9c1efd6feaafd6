/*
 * gcmodule.c: the gc module's functions (Modules/gcmodule.c): they read
 * and set the collector's state on the machine and run sim/gc.c.
 */
#include <config.h>

#include <stdlib.h>

#include "py/vmint.h"
#include "sim/gc.h"

/* gc.set_debug flags; GC_DEBUG_SAVEALL, the one the collector reads,
 * comes from sim/gc.h. */
#define GC_DEBUG_STATS         (1 << 0)
#define GC_DEBUG_COLLECTABLE   (1 << 1)
#define GC_DEBUG_UNCOLLECTABLE (1 << 2)
#define GC_DEBUG_LEAK (GC_DEBUG_COLLECTABLE | GC_DEBUG_UNCOLLECTABLE | GC_DEBUG_SAVEALL)

void
gc_module_init(Vm *vm, Handle dict)
{
    static const struct { const char *name; int value; } flags[] = {
        {"DEBUG_STATS", GC_DEBUG_STATS}, {"DEBUG_COLLECTABLE", GC_DEBUG_COLLECTABLE},
        {"DEBUG_UNCOLLECTABLE", GC_DEBUG_UNCOLLECTABLE}, {"DEBUG_SAVEALL", GC_DEBUG_SAVEALL},
        {"DEBUG_LEAK", GC_DEBUG_LEAK},
    };

    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
        Handle v = m_int(M, flags[i].value);
        dict_set_cstr(vm, dict, flags[i].name, v);
        m_decref(M, v);
    }
    Handle garbage = m_list_new(M, 0);
    machine_set_gc_garbage(M, garbage);
    dict_set_cstr(vm, dict, "garbage", garbage);
    m_decref(M, garbage);
}

static Handle
int_tuple(Vm *vm, int64_t a, int64_t b, int64_t c)
{
    Handle t = m_tuple_new(M, 3);

    m_store(M, t, 0, m_int(M, a));
    m_store(M, t, 1, m_int(M, b));
    m_store(M, t, 2, m_int(M, c));
    return t;
}

/* gc.collect(generation=2) */
static Handle
gc_collect_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    int64_t v = 2;

    if (nargs == 1 && int_arg(vm, args[0], &v) < 0) {
        return NULL_HANDLE;
    }
    if (v < 0 || v > 2) {
        vm_raise(vm, EXC_ValueError, "invalid generation");
        return NULL_HANDLE;
    }
    return m_int(M, gc_collect(M, (int)v));
}

static Handle
gc_enable_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    m_gc_config(M, GC_SETTING_ENABLED, 1);
    return m_none(M);
}

static Handle
gc_disable_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    m_gc_config(M, GC_SETTING_ENABLED, 0);
    return m_none(M);
}

static Handle
gc_isenabled_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return m_bool(M, M->gc_enabled);
}

static Handle
gc_get_count_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return int_tuple(vm, M->gen[0].count, M->gen[1].count, M->gen[2].count);
}

static Handle
gc_get_threshold_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return int_tuple(vm, M->gen[0].threshold, M->gen[1].threshold, M->gen[2].threshold);
}

/* gc.set_threshold(threshold0[, threshold1[, threshold2]]) */
static Handle
gc_set_threshold_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    int64_t v;

    /* Each threshold is set as its argument is parsed: a bad second
     * argument leaves the first one set, as PyArg_ParseTuple writing
     * into gcstate does. */
    for (uint32_t i = 0; i < nargs; i++) {
        if (int_arg(vm, args[i], &v) < 0) {
            return NULL_HANDLE;
        }
        m_gc_config(M, (GcSetting)(GC_SETTING_THRESHOLD0 + i), v);
    }
    return m_none(M);
}

static Handle
gc_set_debug_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    int64_t v;

    if (int_arg(vm, args[0], &v) < 0) {
        return NULL_HANDLE;
    }
    m_gc_config(M, GC_SETTING_DEBUG, v);
    return m_none(M);
}

static Handle
gc_get_debug_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return m_int(M, M->gc_debug);
}

static Handle
gc_is_tracked_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return m_bool(M, (m_obj(M, args[0])->flags & OF_TRACKED) != 0);
}

/* Append a new reference to h to list. */
static void
list_add(Vm *vm, Handle list, Handle h)
{
    m_incref(M, h);
    m_list_append(M, list, h);
}

/* gc.get_referents(*objs): what each container's tp_traverse visits. */
static Handle
gc_get_referents_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    Handle list = m_list_new(M, 0);
    Referents r = {NULL, 0, 0};

    for (uint32_t i = 0; i < nargs; i++) {
        if (m_is_gc(M, args[i])) {
            m_referents(M, args[i], gc_traverse, &r);
            for (uint32_t k = 0; k < r.n; k++) {
                list_add(vm, list, r.v[k]);
            }
        }
    }
    free(r.v);
    return list;
}

/* gc.get_referrers(*objs): the tracked objects, generation by
 * generation, that refer to one of objs; not the result list, nor the
 * call's own argument tuple. */
static Handle
gc_get_referrers_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    Handle list = m_list_new(M, 0);

    for (int g = 0; g < NGENERATIONS; g++) {
        for (Handle h = M->gen[g].head; h != NULL_HANDLE; h = m_obj(M, h)->gc_next) {
            if (h != list && h != vm->args_tuple && m_refers_to(M, h, gc_traverse, args, nargs)) {
                list_add(vm, list, h);
            }
        }
    }
    return list;
}

static Handle
gc_freeze_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    gc_freeze(M);
    return m_none(M);
}

static Handle
gc_unfreeze_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    gc_unfreeze(M);
    return m_none(M);
}

static Handle
gc_get_freeze_count_impl(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return m_int(M, (int64_t)M->gen[GEN_PERMANENT].len);
}

const MethodReg gc_functions[] = {
    {"collect", gc_collect_impl, 0, 1, METH_KEYWORDS},
    {"enable", gc_enable_impl, 0, 0, 0},
    {"disable", gc_disable_impl, 0, 0, 0},
    {"isenabled", gc_isenabled_impl, 0, 0, 0},
    {"get_count", gc_get_count_impl, 0, 0, 0},
    {"get_threshold", gc_get_threshold_impl, 0, 0, 0},
    {"set_threshold", gc_set_threshold_impl, 1, 3, METH_VARARGS},
    {"set_debug", gc_set_debug_impl, 1, 1, 0},
    {"get_debug", gc_get_debug_impl, 0, 0, 0},
    {"is_tracked", gc_is_tracked_impl, 1, 1, 0},
    {"get_referents", gc_get_referents_impl, 0, ARGS_ANY, METH_VARARGS},
    {"get_referrers", gc_get_referrers_impl, 0, ARGS_ANY, METH_VARARGS},
    {"freeze", gc_freeze_impl, 0, 0, 0},
    {"unfreeze", gc_unfreeze_impl, 0, 0, 0},
    {"get_freeze_count", gc_get_freeze_count_impl, 0, 0, 0},
    {NULL, NULL, 0, 0, 0},
};
