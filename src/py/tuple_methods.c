/*
 * tuple_methods.c: tuple's methods and the tuple() constructor
 * (Objects/tupleobject.c).
 */
#include <config.h>

#include <stdlib.h>

#include "core/xalloc.h"
#include "py/vmint.h"

typedef struct HandleVec {
    Handle *v;
    size_t n, cap;
} HandleVec;

/* PySequence_Tuple */
static Handle
make_tuple_from(Vm *vm, Handle iterable)
{
    const Object *o = m_obj(M, iterable);

    if (o->type == T_TUPLE) {
        m_incref(M, iterable);
        return iterable;
    }
    if (o->type == T_LIST) {
        /* PyList_AsTuple */
        uint32_t n = o->u.l.len;
        Handle t = m_tuple_new(M, n);
        store_items(vm, t, m_obj(M, iterable)->u.l.items, n);
        return t;
    }
    Handle it = op_iter(vm, iterable);
    if (it == NULL_HANDLE) {
        return NULL_HANDLE;
    }
    /* Items gathered first; the tuple is sized from the length hint and
     * cut back, which leaves the same tuple as sizing it exactly. */
    HandleVec items = {NULL, 0, 0};
    Handle v;
    int r;
    while ((r = op_next_item(vm, it, &v)) == 1) {
        items.v = xgrow(items.v, &items.cap, items.n + 1, sizeof *items.v);
        items.v[items.n++] = v;
    }
    m_decref(M, it);
    if (r < 0) {
        for (size_t i = 0; i < items.n; i++) {
            m_decref(M, items.v[i]);
        }
        free(items.v);
        return NULL_HANDLE;
    }
    Handle t = m_tuple_new(M, (uint32_t)items.n);
    for (size_t i = 0; i < items.n; i++) {
        m_store(M, t, (uint32_t)i, items.v[i]);
    }
    free(items.v);
    return t;
}

/* tuple(), tuple(iterable) (tuple_new_impl). */
Handle
tuple_new(Vm *vm, const Handle *args, uint32_t nargs)
{
    if (nargs == 0) {
        return m_tuple_new(M, 0);
    }
    return make_tuple_from(vm, args[0]);
}

static Handle
tuple_index(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    int64_t first, count;

    if (seq_find(vm, self, args[0], 0, m_obj(M, self)->u.t.len, &first, &count) < 0) {
        return NULL_HANDLE;
    }
    if (first < 0) {
        vm_raise(vm, EXC_ValueError, "tuple.index(x): x not in tuple");
        return NULL_HANDLE;
    }
    return m_int(M, first);
}

static Handle
tuple_count(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    int64_t first, count;

    return seq_find(vm, self, args[0], 0, m_obj(M, self)->u.t.len, &first, &count) < 0
           ? NULL_HANDLE : m_int(M, count);
}

const MethodReg tuple_methods[] = {
    {"index", tuple_index, 1, 1, 0},
    {"count", tuple_count, 1, 1, 0},
    {NULL, NULL, 0, 0, 0},
};
