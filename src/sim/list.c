/*
 * list.c: list (Objects/listobject.c).
 *
 * 16 + 40 bytes, the item array apart (HEAP_ROLE_LIST_ITEMS), grown and
 * shrunk by list_resize's rule.  Lists have a free list of 80 (machine.c).
 */
#include <config.h>

#include <assert.h>
#include <inttypes.h>
#include <stdlib.h>

#include "core/hash.h"
#include "core/xalloc.h"
#include "sim/typeops.h"

/* A list's length and capacity (the item array behind them), set by
 * the primitive that announces them (machine.h, LayoutFn). */
typedef struct ListLayout {
    uint32_t len, cap;
    int storage;               /* the item array's block is addr */
} ListLayout;

static void
list_layout(Machine *m, Handle h, uint64_t addr, void *arg)
{
    const ListLayout *ly = arg;
    Object *o = &m->objs[h];

    if (ly->cap != o->u.l.cap) {
        o->u.l.items = xrealloc(o->u.l.items, (ly->cap ? ly->cap : 1) * sizeof *o->u.l.items);
        for (uint32_t i = o->u.l.cap; i < ly->cap; i++) {
            o->u.l.items[i] = NULL_HANDLE;
        }
        o->u.l.cap = ly->cap;
    }
    if (ly->storage) {
        o->u.l.items_addr = addr;
    }
    o->u.l.len = ly->len;
}

static void
list_set_items_addr(Machine *m, Handle h, uint64_t addr, void *arg)
{
    (void)arg;
    m->objs[h].u.l.items_addr = addr;
}

/* A list with room for exactly n items, of length len. */
static Handle
list_new(Machine *m, uint32_t n, uint32_t len)
{
    ObjPayload body = {.l = {n ? xcalloc(n, sizeof(Handle)) : NULL, len, n, 0}};
    Handle h = m_alloc_init(m, T_LIST, type_basic_nbytes(T_LIST), &body);

    if (n > 0) {
        m_storage_with(m, h, HEAP_ROLE_LIST_ITEMS, 0, 8 * (size_t)n, list_set_items_addr, NULL);
    }
    m_track(m, h);
    return h;
}

Handle
m_list_new(Machine *m, uint32_t n)
{
    return list_new(m, n, n);
}

/* list_new_prealloc: room for exactly n items, length 0; the stores
 * that fill it make it longer (m_list_push). */
Handle
m_list_new_prealloc(Machine *m, uint32_t n)
{
    return list_new(m, n, 0);
}

/* list_preallocate_exact for a list with no capacity: a new item array
 * with room for n items rounded up to even, and the length len (at
 * most n), both announced by the array's storage event. */
void
m_list_preallocate(Machine *m, Handle list, uint32_t n, uint32_t len)
{
    uint32_t cap = (n + 1) & ~1u;
    ListLayout ly = {len, cap, 1};

    assert(m->objs[list].u.l.cap == 0 && len <= n);
    if (cap != 0) {
        m_storage_with(m, list, HEAP_ROLE_LIST_ITEMS, 0, 8 * (size_t)cap, list_layout, &ly);
    }
}

/* The length as it is, or through EV_RESIZE. */
void
m_list_set_len(Machine *m, Handle list, uint32_t len)
{
    uint32_t old = m->objs[list].u.l.len;

    if (len != old) {
        ListLayout ly = {len, m->objs[list].u.l.cap, 0};
        m_resize(m, list, old, len, list_layout, &ly);
    }
}

/* list_resize(), listobject.c: over-allocate by about 1/8. */
void
m_list_resize(Machine *m, Handle list, uint32_t newsize)
{
    Object *o = &m->objs[list];
    uint32_t allocated = o->u.l.cap;

    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        m_list_set_len(m, list, newsize);
        return;
    }
    size_t na = ((size_t)newsize + (newsize >> 3) + 6) & ~(size_t)3;
    /* Signed, as Py_ssize_t: shrinking never takes this branch. */
    if ((int64_t)newsize - (int64_t)o->u.l.len > (int64_t)na - (int64_t)newsize) {
        na = ((size_t)newsize + 3) & ~(size_t)3;
    }
    if (newsize == 0) {
        na = 0;
    }
    ListLayout ly = {newsize, (uint32_t)na, 1};
    m_storage_with(m, list, HEAP_ROLE_LIST_ITEMS, o->u.l.items_addr, na * 8, list_layout, &ly);
}

/* The store of v after the last item, in room already there, makes
 * the list one longer. */
static void
store_next(Machine *m, Handle list, Handle v)
{
    const Object *o = &m->objs[list];
    ListLayout ly = {o->u.l.len + 1, o->u.l.cap, 0};

    m_store_with(m, list, o->u.l.len, v, list_layout, &ly);
}

/* The new last item's store makes the list longer when there is room;
 * else list_resize grows the item array first. */
void
m_list_append(Machine *m, Handle list, Handle v)
{
    const Object *o = &m->objs[list];
    uint32_t n = o->u.l.len;

    if (n < o->u.l.cap && n + 1 >= (o->u.l.cap >> 1)) {
        store_next(m, list, v);
        return;
    }
    m_list_resize(m, list, n + 1);
    m_store(m, list, n, v);
}

/* list_extend's loop: v goes after the last item, the store making the
 * list one longer where the capacity has room (PyList_SET_ITEM and
 * Py_SET_SIZE); else as m_list_append. */
void
m_list_push(Machine *m, Handle list, Handle v)
{
    const Object *o = &m->objs[list];

    if (o->u.l.len < o->u.l.cap) {
        store_next(m, list, v);
    } else {
        m_list_append(m, list, v);
    }
}

void
m_list_set(Machine *m, Handle list, uint32_t i, Handle v)
{
    Handle old = m_store(m, list, i, v);

    if (old != NULL_HANDLE) {
        m_decref(m, old);
    }
}

/* ------------------------------------------------------------------ */
/* Operations.                                                        */

static void
list_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    type_visit_refs(h, m->objs[h].u.l.items, m->objs[h].u.l.len, fn, arg);
}

/* list_traverse goes from the last item. */
static void
list_gc_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    type_visit_refs_back(h, m->objs[h].u.l.items, m->objs[h].u.l.len, fn, arg);
}

/* _list_clear (list.clear() and tp_clear): emptied first, then
 * released last to first. */
void
m_list_clear(Machine *m, Handle h)
{
    uint32_t n = m->objs[h].u.l.len;
    Handle *items = xmalloc((n + 1) * sizeof *items);

    for (uint32_t i = 0; i < n; i++) {
        items[i] = m_store(m, h, i, NULL_HANDLE);
    }
    Object *o = &m->objs[h];
    ListLayout ly = {0, 0, 1};
    if (o->u.l.items_addr != 0) {
        m_storage_free_with(m, h, HEAP_ROLE_LIST_ITEMS, o->u.l.items_addr, list_layout, &ly);
    } else if (o->u.l.len != 0 || o->u.l.cap != 0) {
        m_resize(m, h, o->u.l.len, 0, list_layout, &ly);
    }
    for (uint32_t i = n; i-- > 0;) {
        if (items[i] != NULL_HANDLE) {
            m_decref(m, items[i]);
        }
    }
    free(items);
}

static Handle *
list_slot(Machine *m, Handle h, uint32_t i)
{
    Object *o = &m->objs[h];

    assert(i < o->u.l.cap);
    return &o->u.l.items[i];
}

/* list_dealloc: "do it backwards". */
static Handle
list_release(Machine *m, Handle h, uint32_t *step)
{
    return type_release_downfrom(m, h, step, m->objs[h].u.l.len);
}

static void
list_free_payload(Machine *m, Handle h)
{
    if (m->objs[h].u.l.items_addr != 0) {
        m_storage_free(m, h, HEAP_ROLE_LIST_ITEMS, m->objs[h].u.l.items_addr);
    }
}

static uint32_t
list_len(const Machine *m, Handle h)
{
    return m->objs[h].u.l.len;
}

static size_t
list_size(const Machine *m, Handle h)
{
    return type_basic_nbytes(T_LIST) + 8 * (size_t)m->objs[h].u.l.cap;
}

static int
list_check(const Machine *m, Handle h, CheckCtx *c)
{
    const Object *o = &m->objs[h];

    if (o->u.l.len > o->u.l.cap) {
        return check_fail(c, "list #%u has length %u over capacity %u", h, o->u.l.len,
                          o->u.l.cap);
    }
    /* A list resized to 0 keeps the 1-byte block realloc gave. */
    if (o->u.l.cap != 0 && o->u.l.items_addr == 0 && !(o->flags & OF_DYING)) {
        return check_fail(c, "list #%u: capacity %u but item block %#" PRIx64, h, o->u.l.cap,
                          o->u.l.items_addr);
    }
    if (o->u.l.items_addr != 0) {
        check_own(c, o->u.l.items_addr, HEAP_TAG(h, HEAP_ROLE_LIST_ITEMS));
    }
    return 0;
}

/* The item array keeps cap entries, as the simulated one does. */
static size_t
list_items_count(const Object *o)
{
    return o->u.l.cap;
}

/* All cap entries: the simulated item array. */
static uint64_t
list_hash(uint64_t x, const Object *o)
{
    x = snap_hash_pair(x, o->u.l.len, o->u.l.cap);
    x = hash_u64(x, o->u.l.items_addr);
    return snap_hash_u32s(x, o->u.l.items, o->u.l.items != NULL ? o->u.l.cap : 0);
}

const TypeOps list_ops = {
    .len = list_len,
    .traverse = list_traverse,
    .gc_traverse = list_gc_traverse,
    .clear = m_list_clear,
    .slot = list_slot,
    .release = list_release,
    .free_payload = list_free_payload,
    .size = list_size,
    .check = list_check,
    .host = {offsetof(Object, u.l.items), sizeof(Handle), list_items_count},
    .hash = list_hash,
    .trashcan = 1,
};
