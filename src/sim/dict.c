/*
 * dict.c: dict and its keys object (Objects/dictobject.c); the layout is
 * in dict.h.
 *
 * A dict is 16 + 48 bytes; its keys object is a block of its own
 * (HEAP_ROLE_DICT_KEYS) sized by dict_keys_bytes, with a free list of
 * 80 for the 8-slot str-keyed ones; a split dict (an instance's
 * __dict__) keeps its values in a block of their own (HEAP_ROLE_VALUES)
 * and shares its class's keys.  Dicts have a free list of 80
 * (machine.c).  A new dict is untracked until something that may refer
 * to other objects is stored (MAINTAIN_TRACKING).
 */
#include <config.h>

#include <assert.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/xalloc.h"
#include "sim/typeops.h"

/* ------------------------------------------------------------------ */
/* Values: an instance's inline values, or a split dict's.            */

/* n slots and n order bytes, in one host allocation. */
Values *
values_new(uint32_t n)
{
    Values *v = xcalloc(1, sizeof *v + (size_t)n * (sizeof(Handle) + 1));

    v->n = n;
    v->slot = (Handle *)(v + 1);
    v->order = (uint8_t *)(v->slot + n);
    return v;
}

/* Values live in one allocation: the header, n handles, n order bytes. */
size_t
values_bytes(const Values *v)
{
    return sizeof *v + (size_t)v->n * (sizeof(Handle) + 1);
}

Values *
values_dup(const Values *v)
{
    if (v == NULL) {
        return NULL;
    }
    size_t n = values_bytes(v);
    Values *c = xmalloc(n);
    memcpy(c, v, n);
    /* The slot and order arrays point into the same allocation. */
    size_t slot_off = (size_t)((const char *)v->slot - (const char *)v);
    size_t order_off = (size_t)((const char *)v->order - (const char *)v);
    assert(slot_off + (size_t)v->n * sizeof(Handle) <= n && order_off + v->n <= n);
    c->slot = (Handle *)(void *)((char *)c + slot_off);
    c->order = (uint8_t *)c + order_off;
    return c;
}

uint64_t
values_hash(uint64_t x, const Values *v)
{
    if (v == NULL) {
        return hash_u64(x, 0);
    }
    x = hash_u64(x, 1);
    x = hash_u64(x, v->addr);
    x = snap_hash_u32s(x, v->slot, v->n);
    /* Only the order of the entries in use: the rest is stale. */
    return hash_bytes(x, v->order, v->norder);
}

void
values_forget(Values *v, uint32_t ix)
{
    for (uint32_t j = 0; j < v->norder; j++) {
        if (v->order[j] == ix) {
            memmove(v->order + j, v->order + j + 1, v->norder - j - 1);
            v->norder--;
            break;
        }
    }
}

/* ------------------------------------------------------------------ */
/* dict                                                               */

uint64_t
dict_keys_bytes(unsigned log2size, int unicode)
{
    uint64_t size = UINT64_C(1) << log2size;
    unsigned ix = log2size < 8 ? 1 : log2size < 16 ? 2 : log2size < 32 ? 4 : 8;

    return 32 + size * ix + (uint64_t)dict_usable_fraction((uint32_t)size) * (unicode ? 16 : 24);
}

/* calculate_log2_keysize, bit for bit: the bit length of
 * ((minsize | 8) - 1) | 7.  For minsize 1..7 this gives 16, not 8, which
 * is what CPython 3.11 does when a str-keyed dict of 1..5 keys meets its
 * first non-str key. */
static unsigned
log2_keysize(uint64_t minsize)
{
    uint64_t x = ((minsize | DICT_MINSIZE) - 1) | (DICT_MINSIZE - 1);
    unsigned k = 0;

    while (x != 0) {
        k++;
        x >>= 1;
    }
    return k;
}

static Dict *
dict_of(const Machine *m, Handle d)
{
    return m->objs[d].u.d;
}

static void
index_rebuild(const Machine *m, Dict *d)
{
    uint32_t size = d->log2size ? 1u << d->log2size : 0;
    uint32_t mask = size - 1;

    free(d->index);
    d->index = NULL;
    if (size == 0) {
        return;
    }
    d->index = xmalloc(size * sizeof *d->index);
    for (uint32_t i = 0; i < size; i++) {
        d->index[i] = DICT_FREE_INDEX;
    }
    for (uint32_t e = 0; e < d->nentries; e++) {
        Handle k = d->entries[2 * e];
        if (k == NULL_HANDLE) {
            continue;
        }
        uint32_t i = (uint32_t)m_hash(m, k) & mask;
        while (d->index[i] != DICT_FREE_INDEX) {
            i = (i + 1) & mask;
        }
        d->index[i] = (int32_t)e;
    }
}

/* Position of k in the host index, or -1. */
static int64_t
dict_find(const Machine *m, const Dict *d, Handle k)
{
    if (d->log2size == 0) {
        return -1;
    }
    uint32_t mask = (1u << d->log2size) - 1;
    uint32_t i = (uint32_t)m_hash(m, k) & mask;
    while (d->index[i] != DICT_FREE_INDEX) {
        int32_t e = d->index[i];
        if (e >= 0 && m_key_eq(m, d->entries[2 * e], k)) {
            return i;
        }
        i = (i + 1) & mask;
    }
    return -1;
}

/* A dict's table (its keys object's layout and the host entries),
 * installed by the primitive of the keys' block (dict_install). */
typedef struct DictTable {
    Handle *entries;           /* 2 * cap, owned by the dict once installed */
    uint32_t cap;
    unsigned log2;
    int unicode;
    uint32_t nentries, usable, used;
    int unsplit;               /* a split dict becomes combined */
} DictTable;

static void
dict_install(Machine *m, Handle dh, uint64_t addr, void *arg)
{
    const DictTable *t = arg;
    Dict *d = dict_of(m, dh);

    free(d->entries);
    d->entries = t->entries;
    d->entries_cap = t->cap;
    d->keys_addr = addr;
    d->log2size = (uint8_t)t->log2;
    d->unicode = (uint8_t)t->unicode;
    d->nentries = t->nentries;
    d->usable = t->usable;
    d->used = t->used;
    if (t->unsplit) {
        /* The values move to the entries; their block goes next. */
        d->split = 0;
        d->cls = NULL_HANDLE;
    }
    index_rebuild(m, d);
}

/* new_keys_object: from the keys free list when it fits. */
static uint64_t
keys_alloc(Machine *m, Handle owner, DictTable *t)
{
    size_t nbytes = dict_keys_bytes(t->log2, t->unicode);

    if (t->log2 == DICT_LOG_MINSIZE && t->unicode && m->dict_keys_free.n > 0) {
        return m_storage_take(m, owner, HEAP_ROLE_DICT_KEYS, &m->dict_keys_free, nbytes,
                              dict_install, t);
    }
    return m_storage_with(m, owner, HEAP_ROLE_DICT_KEYS, 0, nbytes, dict_install, t);
}

/* free_keys_object: a keys block of 2**log2 slots the dict no longer
 * uses, to the free list when it fits; layout (or NULL) is the dict's
 * change that goes with it. */
static void
keys_release(Machine *m, Handle owner, uint64_t addr, unsigned log2, int unicode,
             LayoutFn layout, void *arg)
{
    if (log2 == DICT_LOG_MINSIZE && unicode && m->dict_keys_free.n < m->dict_keys_free.max) {
        m_storage_keep(m, owner, HEAP_ROLE_DICT_KEYS, addr, &m->dict_keys_free, layout, arg);
    } else {
        m_storage_free_with(m, owner, HEAP_ROLE_DICT_KEYS, addr, layout, arg);
    }
}

/* dictresize(): a new keys object of 2**log2 slots, live entries copied
 * in order, the old keys freed. */
static void
dict_resize(Machine *m, Handle dh, unsigned log2, int unicode)
{
    Dict *d = dict_of(m, dh);
    uint32_t usable = dict_usable_fraction(1u << log2);
    Handle *ne = xcalloc(2 * (size_t)usable, sizeof *ne);
    uint32_t j = 0;

    assert(!d->split);
    for (uint32_t e = 0; e < d->nentries; e++) {
        if (d->entries[2 * e] != NULL_HANDLE) {
            ne[2 * j] = d->entries[2 * e];
            ne[2 * j + 1] = d->entries[2 * e + 1];
            j++;
        }
    }
    uint64_t old = d->keys_addr;
    unsigned oldlog2 = d->log2size;
    int oldunicode = d->unicode;
    DictTable t = {ne, usable, log2, unicode, j, usable - j, d->used, 0};
    keys_alloc(m, dh, &t);
    if (old != 0) {
        keys_release(m, dh, old, oldlog2, oldunicode, NULL, NULL);
    }
}

/* A dict with the shared empty keys; not tracked.  New reference. */
Handle
dict_alloc(Machine *m)
{
    ObjPayload init = {.d = xcalloc(1, sizeof(Dict))};

    return m_alloc_init(m, T_DICT, type_basic_nbytes(T_DICT), &init);
}

/* dict(): PyType_GenericAlloc, which bypasses the free list; not
 * tracked. */
Handle
m_dict_new_fresh(Machine *m)
{
    ObjPayload init = {.d = xcalloc(1, sizeof(Dict))};

    return m_alloc_fresh_init(m, T_DICT, type_basic_nbytes(T_DICT), &init);
}

/* A new dict is not tracked: MAINTAIN_TRACKING tracks it when a value
 * or key that may refer to other objects is first stored. */
Handle
m_dict_new(Machine *m)
{
    return dict_alloc(m);
}

static void
maintain_tracking(Machine *m, Handle d, Handle k, Handle v)
{
    if (!(m->objs[d].flags & OF_TRACKED) && (m_may_be_tracked(m, k) || m_may_be_tracked(m, v))) {
        m_track(m, d);
    }
}

Handle
m_dict_new_presized(Machine *m, uint32_t n, int unicode)
{
    if (n <= dict_usable_fraction(DICT_MINSIZE)) {
        return m_dict_new(m);
    }
    Handle h = dict_alloc(m);
    unsigned log2 = log2_keysize(((uint64_t)n * 3 + 1) / 2);
    if (log2 > 17) {
        log2 = 17;
    }
    uint32_t usable = dict_usable_fraction(1u << log2);
    DictTable t = {xcalloc(2 * (size_t)usable, sizeof(Handle)), usable, log2, unicode, 0, usable,
                   0, 0};
    keys_alloc(m, h, &t);
    return h;
}

static void
dict_forget_values(Machine *m, Handle dh, uint64_t addr, void *arg)
{
    Dict *d = dict_of(m, dh);

    (void)addr;
    (void)arg;
    free(d->values);
    d->values = NULL;
    d->split = 0;
    d->cls = NULL_HANDLE;
    if (d->log2size == 0) {
        d->used = 0;            /* cleared: the empty keys */
    }
}

/* A split dict gives its values back and forgets its class's keys. */
static void
dict_drop_values(Machine *m, Handle dh)
{
    Dict *d = dict_of(m, dh);

    if (d->values->addr != 0) {
        m_storage_free_with(m, dh, HEAP_ROLE_VALUES, d->values->addr, dict_forget_values, NULL);
    } else {
        m_resize(m, dh, d->used, d->log2size == 0 ? 0 : d->used, dict_forget_values, NULL);
    }
}

/* A split dict turns into a combined one (for a new key or a non-str
 * key): its entries are built from the class's shared keys in this
 * dict's insertion order. */
static void
dict_unsplit(Machine *m, Handle dh)
{
    Dict *d = dict_of(m, dh);
    const ClassVal *c = m->objs[d->cls].u.c;
    Values *v = d->values;
    uint32_t used = 0;

    for (uint32_t k = 0; k < v->norder; k++) {
        used += v->slot[v->order[k]] != NULL_HANDLE;
    }
    unsigned log2 = log2_keysize((uint64_t)used * 3);
    uint32_t usable = dict_usable_fraction(1u << log2);
    Handle *ne = xcalloc(2 * (size_t)usable, sizeof *ne);
    uint32_t j = 0;
    for (uint32_t k = 0; k < v->norder; k++) {
        uint32_t ix = v->order[k];
        if (v->slot[ix] != NULL_HANDLE) {
            ne[2 * j] = c->keys[ix];
            ne[2 * j + 1] = v->slot[ix];
            m_incref(m, c->keys[ix]);
            j++;
        }
    }
    DictTable t = {ne, usable, log2, 1, j, usable - j, j, 1};
    keys_alloc(m, dh, &t);
    dict_drop_values(m, dh);
}

static int64_t
split_find(const Machine *m, const Dict *d, Handle k)
{
    const ClassVal *c = m->objs[d->cls].u.c;

    for (uint32_t i = 0; i < c->nkeys && i < d->values->n; i++) {
        if (m_key_eq(m, c->keys[i], k)) {
            return i;
        }
    }
    return -1;
}

/* insertdict's new entry e at index slot i, made by the store of its
 * key (m_store_with). */
typedef struct NewEntry {
    uint32_t i, e;
} NewEntry;

static void
dict_new_entry(Machine *m, Handle dh, uint64_t addr, void *arg)
{
    const NewEntry *ne = arg;
    Dict *d = dict_of(m, dh);

    (void)addr;
    d->index[ne->i] = (int32_t)ne->e;
    d->nentries++;
    d->usable--;
    d->used++;
}

/* A split table's value stored into an empty slot: one more item, in
 * this dict's insertion order (made by the store of the value). */
static void
dict_split_new_value(Machine *m, Handle dh, uint64_t addr, void *arg)
{
    Dict *d = dict_of(m, dh);
    uint32_t ix = *(const uint32_t *)arg;

    (void)addr;
    if (d->values->slot[ix] == NULL_HANDLE) {
        d->values->order[d->values->norder++] = (uint8_t)ix;
        d->used++;
    }
}

void
m_dict_setitem(Machine *m, Handle dh, Handle k, Handle v)
{
    Dict *d = dict_of(m, dh);
    int is_str = m->objs[k].type == T_STR;

    maintain_tracking(m, dh, k, v);
    if (d->split) {
        int64_t ix = split_find(m, d, k);
        ClassVal *c = m->objs[d->cls].u.c;
        if (ix < 0 && is_str && c->usable > 0 && c->nkeys < d->values->n) {
            /* insertdict on a split table: the new key goes into the
             * class's shared keys; the dict stays split. */
            ix = class_add_shared_key(m, d->cls, k);
            d = dict_of(m, dh);
        }
        if (ix >= 0) {
            uint32_t slot = (uint32_t)ix;
            m_incref(m, v);
            Handle old = m_store_with(m, dh, slot, v, dict_split_new_value, &slot);
            if (old != NULL_HANDLE) {
                m_decref(m, old);
            }
            return;
        }
        dict_unsplit(m, dh);
        d = dict_of(m, dh);
    }
    int64_t pos = dict_find(m, d, k);
    if (pos >= 0) {
        uint32_t e = (uint32_t)d->index[pos];
        m_incref(m, v);
        Handle old = m_store(m, dh, 2 * e + 1, v);
        m_decref(m, old);
        return;
    }
    if (d->log2size == 0) {
        /* insert_to_emptydict */
        uint32_t usable = dict_usable_fraction(DICT_MINSIZE);
        DictTable t = {xcalloc(2 * (size_t)usable, sizeof(Handle)), usable, DICT_LOG_MINSIZE,
                       is_str, 0, usable, d->used, 0};
        keys_alloc(m, dh, &t);
        d = dict_of(m, dh);
    } else {
        if (d->unicode && !is_str) {
            dict_resize(m, dh, log2_keysize((uint64_t)d->used * 3), 0);
            d = dict_of(m, dh);
        }
        if (d->usable == 0) {
            dict_resize(m, dh, log2_keysize((uint64_t)d->used * 3), d->unicode);
            d = dict_of(m, dh);
        }
    }
    NewEntry ne = {0, d->nentries};
    uint32_t mask = (1u << d->log2size) - 1;
    ne.i = (uint32_t)m_hash(m, k) & mask;
    while (d->index[ne.i] >= 0) {
        ne.i = (ne.i + 1) & mask;
    }
    m_incref(m, k);
    m_store_with(m, dh, 2 * ne.e, k, dict_new_entry, &ne);
    m_incref(m, v);
    m_store(m, dh, 2 * ne.e + 1, v);
}

/* clone_combined_dict_keys: the same keys object, holes and all. */
static void
dict_clone_keys(Machine *m, Handle dst, Handle src)
{
    Dict *s = dict_of(m, src);
    uint32_t cap = dict_usable_fraction(1u << s->log2size);
    Handle *ne = xcalloc(2 * (size_t)cap, sizeof *ne);

    for (uint32_t i = 0; i < 2 * s->nentries; i++) {
        ne[i] = s->entries[i];
        if (ne[i] != NULL_HANDLE) {
            m_incref(m, ne[i]);
        }
    }
    s = dict_of(m, src);
    const Dict *d = dict_of(m, dst);
    uint64_t old = d->keys_addr;
    unsigned oldlog2 = d->log2size;
    int oldunicode = d->unicode;
    DictTable t = {ne, cap, s->log2size, s->unicode, s->nentries, s->usable, s->used, 0};
    m_storage_with(m, dst, HEAP_ROLE_DICT_KEYS, 0, dict_keys_bytes(s->log2size, s->unicode),
                   dict_install, &t);
    if (old != 0) {
        keys_release(m, dst, old, oldlog2, oldunicode, NULL, NULL);
    }
}

static int
dict_is_clean(const Dict *d)
{
    return !d->split && d->used == d->nentries
           && (d->log2size == DICT_LOG_MINSIZE
               || dict_usable_fraction((1u << d->log2size) / 2) < d->used);
}

/* dict_merge(a, b, override=1) for a dict b (dict(d), a.update(b)). */
void
m_dict_merge(Machine *m, Handle a, Handle b)
{
    Dict *da = dict_of(m, a), *db = dict_of(m, b);

    if (a == b || db->used == 0) {
        return;
    }
    if (da->used == 0 && !da->split && dict_is_clean(db)) {
        dict_clone_keys(m, a, b);
        if ((m->objs[b].flags & OF_TRACKED) && !(m->objs[a].flags & OF_TRACKED)) {
            m_track(m, a);
        }
        return;
    }
    da = dict_of(m, a);
    db = dict_of(m, b);
    uint32_t size = da->log2size ? 1u << da->log2size : 1;
    if (!da->split && dict_usable_fraction(size) < db->used) {
        dict_resize(m, a, log2_keysize(((uint64_t)(da->used + db->used) * 3 + 1) / 2),
                    db->split ? 1 : db->unicode);
    }
    db = dict_of(m, b);
    if (db->split) {
        const Values *v = db->values;
        const ClassVal *c = m->objs[db->cls].u.c;
        for (uint32_t k = 0; k < dict_of(m, b)->values->norder; k++) {
            v = dict_of(m, b)->values;
            uint32_t ix = v->order[k];
            if (v->slot[ix] != NULL_HANDLE) {
                m_dict_setitem(m, a, c->keys[ix], v->slot[ix]);
            }
        }
        return;
    }
    for (uint32_t e = 0; e < dict_of(m, b)->nentries; e++) {
        db = dict_of(m, b);
        if (db->entries[2 * e] != NULL_HANDLE) {
            m_dict_setitem(m, a, db->entries[2 * e], db->entries[2 * e + 1]);
        }
    }
}

/* PyDict_Copy */
/* A split dict's values get their block. */
static void
values_addr_layout(Machine *m, Handle h, uint64_t addr, void *arg)
{
    (void)arg;
    m->objs[h].u.d->values->addr = addr;
}

Handle
m_dict_copy(Machine *m, Handle src)
{
    Dict *s = dict_of(m, src);

    if (s->used == 0) {
        return m_dict_new(m);
    }
    if (s->split) {
        /* A split copy sharing the class's keys, with its own values
         * in the same order, made complete. */
        const ClassVal *c = m->objs[s->cls].u.c;
        uint32_t size = c->nkeys + c->usable;
        ObjPayload init = {.d = xcalloc(1, sizeof(Dict))};
        Dict *d = init.d;
        d->split = 1;
        d->cls = s->cls;
        d->values = values_new(size);
        d->used = s->used;
        memcpy(d->values->order, s->values->order, s->values->norder);
        d->values->norder = s->values->norder;
        Handle h = m_alloc_init(m, T_DICT, type_basic_nbytes(T_DICT), &init);
        s = dict_of(m, src);
        for (uint32_t i = 0; i < s->values->n && i < size; i++) {
            Handle x = dict_of(m, src)->values->slot[i];
            if (x != NULL_HANDLE) {
                m_incref(m, x);
                m_store(m, h, i, x);
            }
        }
        size_t prefix = ((size_t)size + 2 + 7) & ~(size_t)7;
        m_storage_with(m, h, HEAP_ROLE_VALUES, 0, prefix + 8 * (size_t)size, values_addr_layout,
                       NULL);
        if (m->objs[src].flags & OF_TRACKED) {
            m_track(m, h);
        }
        return h;
    }
    if (s->used >= (s->nentries * 2) / 3) {
        Handle h = dict_alloc(m);
        dict_clone_keys(m, h, src);
        if (m->objs[src].flags & OF_TRACKED) {
            m_track(m, h);
        }
        return h;
    }
    Handle h = m_dict_new(m);
    m_dict_merge(m, h, src);
    return h;
}

Handle
m_dict_getitem(const Machine *m, Handle dh, Handle k)
{
    const Dict *d = dict_of(m, dh);

    if (d->split) {
        int64_t ix = split_find(m, d, k);
        return ix >= 0 ? d->values->slot[ix] : NULL_HANDLE;
    }
    int64_t pos = dict_find(m, d, k);
    return pos >= 0 ? d->entries[2 * d->index[pos] + 1] : NULL_HANDLE;
}

/* delitem_common: the index slot becomes a dummy, one item fewer
 * (made by the store that takes the key out). */
static void
dict_entry_delete(Machine *m, Handle dh, uint64_t addr, void *arg)
{
    Dict *d = dict_of(m, dh);

    (void)addr;
    d->index[*(const uint32_t *)arg] = DICT_DUMMY_INDEX;
    d->used--;
}

static void
dict_split_forget(Machine *m, Handle dh, uint64_t addr, void *arg)
{
    Dict *d = dict_of(m, dh);

    (void)addr;
    values_forget(d->values, *(const uint32_t *)arg);
    d->used--;
}

int
m_dict_delitem(Machine *m, Handle dh, Handle k)
{
    Dict *d = dict_of(m, dh);

    if (d->split) {
        int64_t ix = split_find(m, d, k);
        if (ix < 0 || d->values->slot[ix] == NULL_HANDLE) {
            return -1;
        }
        uint32_t slot = (uint32_t)ix;
        Handle old = m_store_with(m, dh, slot, NULL_HANDLE, dict_split_forget, &slot);
        m_decref(m, old);
        return 0;
    }
    int64_t pos = dict_find(m, d, k);
    if (pos < 0) {
        return -1;
    }
    uint32_t e = (uint32_t)d->index[pos];
    uint32_t ipos = (uint32_t)pos;
    Handle oldk = m_store_with(m, dh, 2 * e, NULL_HANDLE, dict_entry_delete, &ipos);
    Handle oldv = m_store(m, dh, 2 * e + 1, NULL_HANDLE);
    m_decref(m, oldk);
    m_decref(m, oldv);
    return 0;
}

/* The shared empty keys again (made by the primitive that gives the old
 * keys back). */
static void
dict_empty_keys(Machine *m, Handle dh, uint64_t addr, void *arg)
{
    Dict *d = dict_of(m, dh);

    (void)addr;
    (void)arg;
    free(d->entries);
    free(d->index);
    d->entries = NULL;
    d->index = NULL;
    d->entries_cap = 0;
    d->keys_addr = 0;
    d->log2size = 0;
    d->unicode = 0;
    d->usable = d->nentries = d->used = 0;
}

/* PyDict_Clear: back to the empty keys, then the old entries released. */
void
m_dict_clear(Machine *m, Handle dh)
{
    Dict *d = dict_of(m, dh);
    uint32_t n = d->split ? d->values->n : 2 * d->nentries;
    Handle *old = xmalloc((n + 1) * sizeof *old);

    for (uint32_t i = 0; i < n; i++) {
        old[i] = m_store(m, dh, i, NULL_HANDLE);
    }
    d = dict_of(m, dh);
    if (d->split) {
        dict_drop_values(m, dh);
    } else if (d->keys_addr != 0) {
        keys_release(m, dh, d->keys_addr, d->log2size, d->unicode, dict_empty_keys, NULL);
    } else if (d->log2size != 0 || d->used != 0) {
        m_resize(m, dh, d->used, 0, dict_empty_keys, NULL);
    }
    for (uint32_t i = 0; i < n; i++) {
        if (old[i] != NULL_HANDLE) {
            m_decref(m, old[i]);
        }
    }
    free(old);
}

/* ------------------------------------------------------------------ */
/* Operations.                                                        */

static void
dict_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const Dict *d = m->objs[h].u.d;

    if (d == NULL) {
        return;
    }
    if (d->split) {
        for (uint32_t i = 0; i < d->values->n; i++) {
            if (d->values->slot[i]) {
                fn(arg, h, i, d->values->slot[i]);
            }
        }
        return;
    }
    for (uint32_t i = 0; i < 2 * d->nentries; i++) {
        if (d->entries[i]) {
            fn(arg, h, i, d->entries[i]);
        }
    }
}

/* dict_traverse: str-keyed tables visit only the values. */
static void
dict_gc_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const Dict *d = m->objs[h].u.d;

    if (d->split) {
        dict_traverse(m, h, fn, arg);
        return;
    }
    for (uint32_t e = 0; e < d->nentries; e++) {
        if (d->entries[2 * e + 1]) {
            fn(arg, h, 2 * e + 1, d->entries[2 * e + 1]);
            if (!d->unicode) {
                fn(arg, h, 2 * e, d->entries[2 * e]);
            }
        }
    }
}

/* _PyDict_MaybeUntrack: no value, nor key of a table that is not
 * str-keyed, may be a container. */
static int
dict_may_untrack(const Machine *m, Handle h)
{
    const Dict *d = m->objs[h].u.d;

    if (d->split) {
        for (uint32_t i = 0; i < d->values->n; i++) {
            if (d->values->slot[i] && m_may_be_tracked(m, d->values->slot[i])) {
                return 0;
            }
        }
        return 1;
    }
    for (uint32_t e = 0; e < d->nentries; e++) {
        Handle k = d->entries[2 * e], v = d->entries[2 * e + 1];
        if (v == NULL_HANDLE) {
            continue;
        }
        if (m_may_be_tracked(m, v) || (!d->unicode && m_may_be_tracked(m, k))) {
            return 0;
        }
    }
    return 1;
}

static Handle *
dict_slot(Machine *m, Handle h, uint32_t i)
{
    Dict *d = m->objs[h].u.d;

    if (d->split) {
        assert(i < d->values->n);
        return &d->values->slot[i];
    }
    assert(i < 2 * d->entries_cap);
    return &d->entries[i];
}

/* free_keys_object: entry by entry, key then value.  A split dict
 * releases only its values; the keys belong to the class. */
static Handle
dict_release(Machine *m, Handle h, uint32_t *step)
{
    const Dict *d = m->objs[h].u.d;

    return type_release_upto(m, h, step, d->split ? d->values->n : 2 * d->nentries);
}

static void
dict_free_payload(Machine *m, Handle h)
{
    Dict *d = m->objs[h].u.d;

    if (d->keys_addr != 0) {
        keys_release(m, h, d->keys_addr, d->log2size, d->unicode, dict_empty_keys, NULL);
    }
    d = m->objs[h].u.d;
    if (d->split && d->values->addr != 0) {
        m_storage_free(m, h, HEAP_ROLE_VALUES, d->values->addr);
    }
}

static uint32_t
dict_len(const Machine *m, Handle h)
{
    return m->objs[h].u.d != NULL ? m->objs[h].u.d->used : 0;
}

/* _PyDict_SizeOf */
static size_t
dict_size(const Machine *m, Handle h)
{
    const Dict *d = m->objs[h].u.d;
    size_t n = type_basic_nbytes(T_DICT);

    if (d == NULL) {
        return m->objs[h].nbytes;
    }
    if (d->split) {
        const ClassVal *c = m->objs[d->cls].u.c;
        n += 8 * ((size_t)c->nkeys + c->usable);
    } else if (d->log2size != 0) {
        n += dict_keys_bytes(d->log2size, d->unicode);
    }
    return n;
}

static int
dict_check(const Machine *m, Handle h, CheckCtx *c)
{
    const Object *o = &m->objs[h];
    const Dict *d = o->u.d;

    if (d == NULL) {
        return 0;
    }
    if (d->keys_addr != 0) {
        check_own(c, d->keys_addr, HEAP_TAG(h, HEAP_ROLE_DICT_KEYS));
    }
    if (d->split && d->values->addr != 0) {
        check_own(c, d->values->addr, HEAP_TAG(h, HEAP_ROLE_VALUES));
    }
    if (!d->split && d->log2size != 0) {
        uint32_t used = 0;
        for (uint32_t e = 0; e < d->nentries; e++) {
            used += d->entries[2 * e] != NULL_HANDLE;
        }
        if (used != d->used && !(o->flags & OF_DYING)) {
            return check_fail(c, "dict #%u: ma_used %u but %u entries", h, d->used, used);
        }
        if (d->usable + d->nentries != dict_usable_fraction(1u << d->log2size)) {
            return check_fail(c, "dict #%u: usable %u + nentries %u != %u", h, d->usable,
                              d->nentries, dict_usable_fraction(1u << d->log2size));
        }
    }
    return 0;
}

/* A copy made while an object is being freed may hold it with its parts
 * already gone. */
static void
dict_host_free(Object *o)
{
    if (o->u.d != NULL) {
        free(o->u.d->entries);
        free(o->u.d->index);
        free(o->u.d->values);
        free(o->u.d);
    }
}

static size_t
dict_index_count(const Dict *d)
{
    return (size_t)1 << d->log2size;
}

static void
dict_host_copy(Object *o)
{
    const Dict *s = o->u.d;

    if (s == NULL) {
        return;
    }
    Dict *d = snap_dup_array(s, 1, sizeof *s);
    d->entries = snap_dup_array(s->entries, 2 * (size_t)s->entries_cap, sizeof(Handle));
    d->index = snap_dup_array(s->index, dict_index_count(s), sizeof(int32_t));
    d->values = values_dup(s->values);
    o->u.d = d;
}

static size_t
dict_host_bytes(const Object *o)
{
    const Dict *d = o->u.d;

    if (d == NULL) {
        return 0;
    }
    return sizeof *d + snap_dup_size(d->entries, 2 * (size_t)d->entries_cap, sizeof(Handle))
           + snap_dup_size(d->index, dict_index_count(d), sizeof(int32_t))
           + (d->values != NULL ? values_bytes(d->values) : 0);
}

static uint64_t
dict_hash(uint64_t x, const Object *o)
{
    const Dict *d = o->u.d;

    if (d == NULL) {
        return hash_u64(x, 0);
    }
    x = hash_u64(x, (uint64_t)1 | (uint64_t)d->log2size << 8 | (uint64_t)d->unicode << 16
                    | (uint64_t)d->split << 24);
    x = snap_hash_pair(x, d->usable, d->nentries);
    x = snap_hash_pair(x, d->used, d->cls);
    x = hash_u64(x, d->keys_addr);
    /* Entries past dk_nentries are unused (entries_cap is the host's). */
    x = snap_hash_u32s(x, d->entries, d->entries != NULL ? 2 * (size_t)d->nentries : 0);
    /* The index mirrors dk_indices, dummies included. */
    x = snap_hash_u32s(x, (const uint32_t *)d->index,
                       d->index != NULL ? dict_index_count(d) : 0);
    return values_hash(x, d->values);
}

const TypeOps dict_ops = {
    .len = dict_len,
    .traverse = dict_traverse,
    .gc_traverse = dict_gc_traverse,
    .may_untrack = dict_may_untrack,
    .clear = m_dict_clear,
    .slot = dict_slot,
    .release = dict_release,
    .free_payload = dict_free_payload,
    .size = dict_size,
    .check = dict_check,
    .host_free = dict_host_free,
    .host_copy = dict_host_copy,
    .host_bytes = dict_host_bytes,
    .hash = dict_hash,
    .trashcan = 1,
};
