/*
 * list_methods.c: list's methods, list.extend as the VM also uses it,
 * and the list() constructor (Objects/listobject.c).
 */
#include <config.h>

#include <stdlib.h>

#include "core/xalloc.h"
#include "py/vmint.h"

/* list.extend / list += x / list(x) (list_extend in listobject.c). */
int
list_extend(Vm *vm, Handle list, Handle iterable)
{
    const Object *src = m_obj(M, iterable);

    if (src->type == T_LIST || src->type == T_TUPLE) {
        uint32_t n = src->type == T_LIST ? src->u.l.len : src->u.t.len;
        if (n == 0) {
            return 0;
        }
        Handle *items = xmalloc(n * sizeof *items);
        for (uint32_t i = 0; i < n; i++) {
            items[i] = src->type == T_LIST ? src->u.l.items[i] : src->u.t.items[i];
        }
        uint32_t m0 = m_obj(M, list)->u.l.len;
        if (m_obj(M, list)->u.l.items == NULL || m_obj(M, list)->u.l.cap == 0) {
            m_list_preallocate(M, list, n, n);
        } else {
            m_list_resize(M, list, m0 + n);
        }
        for (uint32_t i = 0; i < n; i++) {
            m_incref(M, items[i]);
            m_store(M, list, m0 + i, items[i]);
        }
        free(items);
        return 0;
    }
    Handle it = op_iter(vm, iterable);
    if (it == NULL_HANDLE) {
        return -1;
    }
    /* The length hint presizes an empty list: a collection's length. */
    int64_t hint = 8;
    if (type_info[TYPE(iterable)].coll != COLL_NONE) {
        hint = op_len(vm, iterable);
    }
    if (hint > 0 && (hint > (INT64_C(1) << 28) || !m_heap_room(M, (uint64_t)hint * PTR_SIZE))) {
        m_decref(M, it);
        vm_raise(vm, EXC_MemoryError, "%s", "");
        return -1;
    }
    const Object *lo = m_obj(M, list);
    if (lo->u.l.cap == 0 && hint > 0) {
        m_list_preallocate(M, list, (uint32_t)hint, 0);
    } else if (hint > 0) {
        /* list_resize makes room, then the length is set back. */
        uint32_t len = lo->u.l.len;
        m_list_resize(M, list, len + (uint32_t)hint);
        m_list_set_len(M, list, len);
    }
    Handle v;
    int r;
    while ((r = op_next_item(vm, it, &v)) == 1) {
        m_list_push(M, list, v);
    }
    m_decref(M, it);
    if (r < 0) {
        return -1;
    }
    lo = m_obj(M, list);
    if (lo->u.l.len < lo->u.l.cap) {
        m_list_resize(M, list, lo->u.l.len);
    }
    return 0;
}

/* list(): PyType_GenericAlloc, which bypasses the free list. */
static Handle
new_list_fresh(Vm *vm)
{
    Handle l = m_alloc_fresh(M, T_LIST, TYPE_NBYTES(T_LIST));

    m_track(M, l);
    return l;
}

/* list(), list(iterable) (list___init__ on a new list). */
Handle
list_new(Vm *vm, const Handle *args, uint32_t nargs)
{
    return type_init_arg(vm, new_list_fresh(vm), args, nargs, list_extend);
}

static int64_t
list_find(Vm *vm, Handle list, Handle v)
{
    for (uint32_t i = 0; i < m_obj(M, list)->u.l.len; i++) {
        int r = op_equal(vm, m_obj(M, list)->u.l.items[i], v);
        if (r < 0) {
            return -2;
        }
        if (r) {
            return i;
        }
    }
    return -1;
}

/* Remove item i of a list (list_ass_slice): later items move down, the
 * list shrinks, then the item is released. Returns the item (owned). */
static Handle
list_take(Vm *vm, Handle list, uint32_t i)
{
    uint32_t n = m_obj(M, list)->u.l.len;
    Handle gone = m_store(M, list, i, NULL_HANDLE);

    for (uint32_t k = i; k + 1 < n; k++) {
        Handle x = m_store(M, list, k + 1, NULL_HANDLE);
        m_store(M, list, k, x);
    }
    m_list_resize(M, list, n - 1);
    return gone;
}

static Handle
list_append(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    m_incref(M, args[0]);
    m_list_append(M, self, args[0]);
    return m_none(M);
}

static Handle
list_pop(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    int64_t n = m_obj(M, self)->u.l.len, i = n - 1;
    if (n == 0) {
        vm_raise(vm, EXC_IndexError, "pop from empty list");
        return NULL_HANDLE;
    }
    if (nargs == 1) {
        int rc = index_of(vm, args[0], n, "list", &i);
        if (rc < 0) {
            return NULL_HANDLE;
        }
        if (rc > 0) {
            vm_raise(vm, EXC_IndexError, "pop index out of range");
            return NULL_HANDLE;
        }
    }
    if (i == n - 1) {
        Handle v = m_store(M, self, (uint32_t)i, NULL_HANDLE);
        m_list_resize(M, self, (uint32_t)(n - 1));
        return v;
    }
    return list_take(vm, self, (uint32_t)i);
}

static Handle
list_insert(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    int64_t n = m_obj(M, self)->u.l.len, where;
    if (int_arg(vm, args[0], &where) < 0) {
        return NULL_HANDLE;
    }
    if (where < 0) {
        where += n;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > n) {
        where = n;
    }
    m_list_resize(M, self, (uint32_t)n + 1);
    for (int64_t k = n; k > where; k--) {
        Handle x = m_store(M, self, (uint32_t)k - 1, NULL_HANDLE);
        m_store(M, self, (uint32_t)k, x);
    }
    m_incref(M, args[1]);
    m_store(M, self, (uint32_t)where, args[1]);
    return m_none(M);
}

static Handle
list_remove(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    int64_t i = list_find(vm, self, args[0]);
    if (i == -2) {
        return NULL_HANDLE;
    }
    if (i < 0) {
        vm_raise(vm, EXC_ValueError, "list.remove(x): x not in list");
        return NULL_HANDLE;
    }
    m_decref(M, list_take(vm, self, (uint32_t)i));
    return m_none(M);
}

static Handle
list_extend_method(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    if (list_extend(vm, self, args[0]) < 0) {
        return NULL_HANDLE;
    }
    return m_none(M);
}

/* Compare x with the items lo..hi-1 of a list or tuple, whose length may
 * change as the comparisons run: *first is the index of the first equal
 * one (-1 if none), *count how many are equal.  0, or -1 with an
 * exception raised. */
int
seq_find(Vm *vm, Handle seq, Handle x, int64_t lo, int64_t hi, int64_t *first, int64_t *count)
{
    *first = -1;
    *count = 0;
    for (int64_t i = lo; i < hi; i++) {
        const Object *o = m_obj(M, seq);
        int is_list = o->type == T_LIST;
        if (i >= (is_list ? o->u.l.len : o->u.t.len)) {
            break;
        }
        int r = op_equal(vm, is_list ? o->u.l.items[i] : o->u.t.items[i], x);
        if (r < 0) {
            return -1;
        }
        if (r) {
            *first = *first < 0 ? i : *first;
            (*count)++;
        }
    }
    return 0;
}

/* list.index(x[, start[, end]]) */
static Handle
list_index(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    int64_t first, count, lo = 0, hi = m_obj(M, self)->u.l.len;

    if (nargs > 1 && slice_bounds(vm, args, nargs, 1, (size_t)hi, &lo, &hi) < 0) {
        return NULL_HANDLE;
    }
    /* The start is taken modulo 2**32, as it always has been here
     * (CPython finds nothing past the end). */
    if (seq_find(vm, self, args[0], (uint32_t)lo, hi, &first, &count) < 0) {
        return NULL_HANDLE;
    }
    return first < 0 ? raise_repr(vm, EXC_ValueError, args[0], " is not in list")
                     : m_int(M, first);
}

static Handle
list_count(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    int64_t first, count;

    if (seq_find(vm, self, args[0], 0, m_obj(M, self)->u.l.len, &first, &count) < 0) {
        return NULL_HANDLE;
    }
    return m_int(M, count);
}

/* _list_clear: the list is emptied first, then the items are released
 * from the last to the first. */
static Handle
list_clear(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    m_list_clear(M, self);
    return m_none(M);
}

static Handle
list_copy(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    uint32_t n = m_obj(M, self)->u.l.len;
    Handle l = m_list_new(M, n);

    store_items(vm, l, m_obj(M, self)->u.l.items, n);
    return l;
}

static Handle
list_reverse(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    uint32_t n = m_obj(M, self)->u.l.len;
    for (uint32_t i = 0; i < n / 2; i++) {
        Handle a = m_store(M, self, i, NULL_HANDLE);
        Handle b = m_store(M, self, n - 1 - i, a);
        m_store(M, self, i, b);
    }
    return m_none(M);
}

const MethodReg list_methods[] = {
    {"append", list_append, 1, 1, 0},
    {"pop", list_pop, 0, 1, 0},
    {"insert", list_insert, 2, 2, 0},
    {"remove", list_remove, 1, 1, 0},
    {"extend", list_extend_method, 1, 1, 0},
    {"index", list_index, 1, 3, 0},
    {"count", list_count, 1, 1, 0},
    {"clear", list_clear, 0, 0, 0},
    {"copy", list_copy, 0, 0, 0},
    {"reverse", list_reverse, 0, 0, 0},
    {NULL, NULL, 0, 0, 0},
};
