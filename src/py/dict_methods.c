/*
 * dict_methods.c: dict's and set's methods and the dict() and set()
 * constructors (Objects/dictobject.c, Objects/setobject.c).
 */
#include <config.h>

#include "py/vmint.h"

/* dict.update(src) and dict(src) (dict_update_arg): a dict merged, any
 * other iterable taken as pairs. */
static int
dict_update(Vm *vm, Handle d, Handle src)
{
    if (TYPE(src) == T_DICT) {
        m_dict_merge(M, d, src);
        return 0;
    }
    Handle it = op_iter(vm, src);
    if (it == NULL_HANDLE) {
        return -1;
    }
    Handle item;
    int r;
    uint32_t n = 0;
    while ((r = op_next_item(vm, it, &item)) == 1) {
        if (TYPE(item) != T_TUPLE && TYPE(item) != T_LIST) {
            /* Any iterable of two items is a pair (PySequence_Fast). */
            Handle l = type_call(vm, vm->types[T_TUPLE], &item, 1);
            if (l == NULL_HANDLE) {
                vm->exc = EXC_NONE;
            } else {
                m_decref(M, item);
                item = l;
            }
        }
        const Object *o = m_obj(M, item);
        uint32_t len = o->type == T_TUPLE ? o->u.t.len : o->type == T_LIST ? o->u.l.len : 0;
        if ((o->type != T_TUPLE && o->type != T_LIST) || len != 2) {
            if (o->type != T_TUPLE && o->type != T_LIST) {
                vm_raise(vm, EXC_TypeError, "cannot convert dictionary update sequence element "
                         "#%u to a sequence", n);
            } else {
                vm_raise(vm, EXC_ValueError, "dictionary update sequence element #%u has length "
                         "%u; 2 is required", n, len);
            }
            m_decref(M, item);
            r = -1;
            break;
        }
        Handle k = o->type == T_TUPLE ? o->u.t.items[0] : o->u.l.items[0];
        Handle v = o->type == T_TUPLE ? o->u.t.items[1] : o->u.l.items[1];
        if (op_hashable(vm, k) < 0) {
            m_decref(M, item);
            r = -1;
            break;
        }
        m_dict_setitem(M, d, k, v);
        m_decref(M, item);
        n++;
    }
    m_decref(M, it);
    return r < 0 ? -1 : 0;
}

/* dict(), dict(src) (dict_new, then dict_init). */
Handle
dict_new(Vm *vm, const Handle *args, uint32_t nargs)
{
    /* dict_new: PyType_GenericAlloc (no free list), then untracked. */
    return type_init_arg(vm, m_dict_new_fresh(M), args, nargs, dict_update);
}

/* dict.get(key[, default]) and, storing the default under the key when
 * it is missing, dict.setdefault(key[, default]). */
static Handle
dict_get_default(Vm *vm, Handle self, const Handle *args, uint32_t nargs, int store)
{
    if (op_hashable(vm, args[0]) < 0) {
        return NULL_HANDLE;
    }
    Handle v = m_dict_getitem(M, self, args[0]);
    if (v == NULL_HANDLE) {
        v = nargs == 2 ? args[1] : M->none;
        if (store) {
            m_dict_setitem(M, self, args[0], v);
        }
    }
    m_incref(M, v);
    return v;
}

static Handle
dict_get(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return dict_get_default(vm, self, args, nargs, 0);
}

static Handle
dict_keys(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return m_view_new(M, T_DICTKEYS, self);
}

static Handle
dict_values(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return m_view_new(M, T_DICTVALUES, self);
}

static Handle
dict_items(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return m_view_new(M, T_DICTITEMS, self);
}

static Handle
dict_pop(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    if (op_hashable(vm, args[0]) < 0) {
        return NULL_HANDLE;
    }
    Handle v = m_dict_getitem(M, self, args[0]);
    if (v == NULL_HANDLE) {
        if (nargs == 2) {
            m_incref(M, args[1]);
            return args[1];
        }
        return raise_repr(vm, EXC_KeyError, args[0], "");
    }
    m_incref(M, v);
    m_dict_delitem(M, self, args[0]);
    return v;
}

static Handle
dict_setdefault(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return dict_get_default(vm, self, args, nargs, 1);
}

static Handle
dict_update_method(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    if (nargs == 1 && dict_update(vm, self, args[0]) < 0) {
        return NULL_HANDLE;
    }
    return m_none(M);
}

static Handle
dict_clear(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    m_dict_clear(M, self);
    return m_none(M);
}

static Handle
dict_copy(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return m_dict_copy(M, self);
}

/* update takes its arguments as a tuple (METH_VARARGS | METH_KEYWORDS). */
const MethodReg dict_methods[] = {
    {"get", dict_get, 1, 2, 0},
    {"keys", dict_keys, 0, 0, 0},
    {"values", dict_values, 0, 0, 0},
    {"items", dict_items, 0, 0, 0},
    {"pop", dict_pop, 1, 2, 0},
    {"setdefault", dict_setdefault, 1, 2, 0},
    {"update", dict_update_method, 0, 1, METH_VARARGS},
    {"clear", dict_clear, 0, 0, 0},
    {"copy", dict_copy, 0, 0, 0},
    {NULL, NULL, 0, 0, 0},
};

/* ------------------------------------------------------------------ */
/* Sets.                                                              */

/* set(iterable) (set_update_internal on a new set). */
static Handle
make_set_from(Vm *vm, Handle iterable)
{
    Handle s = m_set_new(M);

    if (iterable == NULL_HANDLE) {
        return s;
    }
    if (TYPE(iterable) == T_SET) {
        m_set_merge(M, s, iterable);
        return s;
    }
    if (TYPE(iterable) == T_DICT && !m_obj(M, iterable)->u.d->split) {
        /* set_update_internal: one resize for the dict's size. */
        m_set_presize(M, s, m_obj(M, iterable)->u.d->used);
        for (uint32_t e = 0; e < m_obj(M, iterable)->u.d->nentries; e++) {
            Handle k = m_obj(M, iterable)->u.d->entries[2 * e];
            if (k != NULL_HANDLE) {
                m_set_add(M, s, k);
            }
        }
        return s;
    }
    Handle it = op_iter(vm, iterable);
    if (it == NULL_HANDLE) {
        m_decref(M, s);
        return NULL_HANDLE;
    }
    Handle v;
    int r;
    while ((r = op_next_item(vm, it, &v)) == 1) {
        if (op_hashable(vm, v) < 0) {
            m_decref(M, v);
            r = -1;
            break;
        }
        m_set_add(M, s, v);
        m_decref(M, v);
    }
    m_decref(M, it);
    if (r < 0) {
        m_decref(M, s);
        return NULL_HANDLE;
    }
    return s;
}

/* set(), set(iterable) (make_new_set). */
Handle
set_new(Vm *vm, const Handle *args, uint32_t nargs)
{
    return make_set_from(vm, nargs ? args[0] : NULL_HANDLE);
}

static Handle
set_add(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    if (op_hashable(vm, args[0]) < 0) {
        return NULL_HANDLE;
    }
    m_set_add(M, self, args[0]);
    return m_none(M);
}

/* set.discard and set.remove check that their argument is hashable,
 * then refuse. */
static Handle
set_unsupported(Vm *vm, const char *name, const Handle *args)
{
    if (op_hashable(vm, args[0]) < 0) {
        return NULL_HANDLE;
    }
    vm_raise(vm, EXC_NotImplementedError, "set.%s is not supported", name);
    return NULL_HANDLE;
}

static Handle
set_discard(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return set_unsupported(vm, "discard", args);
}

static Handle
set_remove(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return set_unsupported(vm, "remove", args);
}

const MethodReg set_methods[] = {
    {"add", set_add, 1, 1, 0},
    {"discard", set_discard, 1, 1, 0},
    {"remove", set_remove, 1, 1, 0},
    {NULL, NULL, 0, 0, 0},
};
