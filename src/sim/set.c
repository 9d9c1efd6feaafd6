/*
 * set.c: set (Objects/setobject.c).
 *
 * 16 + 200 bytes with an 8-slot small table inline; a larger table is a
 * block of its own (HEAP_ROLE_SET_TABLE) of 16 bytes a slot.  Probing
 * is CPython's: LINEAR_PROBES neighbours, then perturbation.
 */
#include <config.h>

#include <assert.h>
#include <stdlib.h>

#include "core/hash.h"
#include "core/xalloc.h"
#include "sim/typeops.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

static void
set_insert_clean(const Machine *m, Handle *table, uint32_t mask, Handle k)
{
    uint64_t hash = m_hash(m, k);
    uint64_t perturb = hash;
    size_t i = (size_t)hash & mask;

    for (;;) {
        if (table[i] == NULL_HANDLE) {
            table[i] = k;
            return;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 1; j <= LINEAR_PROBES; j++) {
                if (table[i + j] == NULL_HANDLE) {
                    table[i + j] = k;
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* The rebuilt table replaces the old one as the event that announces
 * the change is made (arg: the new table). */
typedef struct SetTable {
    Handle *table;
    uint32_t size;
} SetTable;

static void
set_table_layout(Machine *m, Handle sh, uint64_t addr, void *arg)
{
    const SetTable *t = arg;
    SetVal *s = m->objs[sh].u.set;

    free(s->table);
    s->table = t->table;
    s->table_addr = addr;
    s->mask = t->size - 1;
    s->fill = s->used;
}

/* set_table_resize: the new table's block (none for the small table),
 * filled, then the old one's freed.  A small table rebuilt in place
 * (dummies dropped) is announced by EV_RESIZE. */
static void
set_resize(Machine *m, Handle sh, uint64_t minused)
{
    const SetVal *s = m->objs[sh].u.set;
    SetTable t = {NULL, SET_MINSIZE};

    while (t.size <= minused) {
        t.size <<= 1;
    }
    t.table = xcalloc(t.size, sizeof *t.table);
    for (uint32_t i = 0; i <= s->mask; i++) {
        if (s->table[i] != NULL_HANDLE && s->table[i] != SET_DUMMY) {
            set_insert_clean(m, t.table, t.size - 1, s->table[i]);
        }
    }
    uint64_t old = s->table_addr;
    if (t.size > SET_MINSIZE) {
        m_storage_with(m, sh, HEAP_ROLE_SET_TABLE, 0, (size_t)t.size * 16, set_table_layout, &t);
        if (old != 0) {
            m_storage_free(m, sh, HEAP_ROLE_SET_TABLE, old);
        }
    } else if (old != 0) {
        m_storage_free_with(m, sh, HEAP_ROLE_SET_TABLE, old, set_table_layout, &t);
    } else {
        m_resize(m, sh, s->used, s->used, set_table_layout, &t);
    }
}

Handle
m_set_new(Machine *m)
{
    SetVal *s = xcalloc(1, sizeof *s);

    s->table = xcalloc(SET_MINSIZE, sizeof *s->table);
    s->mask = SET_MINSIZE - 1;
    ObjPayload init = {.set = s};
    Handle h = m_alloc_init(m, T_SET, type_basic_nbytes(T_SET), &init);
    m_track(m, h);
    return h;
}

/* set_merge's one big resize before adding other_used keys. */
void
m_set_presize(Machine *m, Handle sh, uint32_t other_used)
{
    SetVal *s = m->objs[sh].u.set;

    if ((uint64_t)(s->fill + other_used) * 5 >= (uint64_t)s->mask * 3) {
        set_resize(m, sh, (uint64_t)(s->used + other_used) * 2);
    }
}

/* set_merge: one resize, then the other's keys in its table order. */
void
m_set_merge(Machine *m, Handle sh, Handle other)
{
    if (other == sh || m->objs[other].u.set->used == 0) {
        return;
    }
    m_set_presize(m, sh, m->objs[other].u.set->used);
    for (uint32_t i = 0; i <= m->objs[other].u.set->mask; i++) {
        Handle k = m->objs[other].u.set->table[i];
        if (k != NULL_HANDLE && k != SET_DUMMY) {
            m_set_add(m, sh, k);
        }
    }
}

/* A key stored into an empty slot: fill and used count it (made by the
 * store of the key). */
static void
set_new_key(Machine *m, Handle sh, uint64_t addr, void *arg)
{
    SetVal *s = m->objs[sh].u.set;

    (void)addr;
    (void)arg;
    s->fill++;
    s->used++;
}

/* set_add_entry() */
void
m_set_add(Machine *m, Handle sh, Handle k)
{
    SetVal *s = m->objs[sh].u.set;
    uint64_t hash = m_hash(m, k);
    uint64_t perturb = hash;
    size_t mask = s->mask;
    size_t i = (size_t)hash & mask;

    for (;;) {
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        size_t j = i;
        do {
            Handle e = s->table[j];
            if (e == NULL_HANDLE) {
                m_incref(m, k);
                m_store_with(m, sh, (uint32_t)j, k, set_new_key, NULL);
                s = m->objs[sh].u.set;
                if ((uint64_t)s->fill * 5 >= (uint64_t)mask * 3) {
                    set_resize(m, sh, s->used > 50000 ? (uint64_t)s->used * 2
                                                      : (uint64_t)s->used * 4);
                }
                return;
            }
            if (e != SET_DUMMY && m_key_eq(m, e, k)) {
                return;
            }
            j++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* ------------------------------------------------------------------ */
/* Operations.                                                        */

static void
set_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const SetVal *s = m->objs[h].u.set;

    if (s == NULL) {
        return;
    }
    for (uint32_t i = 0; i <= s->mask; i++) {
        Handle k = s->table[i];
        if (k != NULL_HANDLE && k != SET_DUMMY) {
            fn(arg, h, i, k);
        }
    }
}

static void
set_clear(Machine *m, Handle h)
{
    uint32_t n = m->objs[h].u.set->mask + 1;
    Handle *keys = xmalloc((n + 1) * sizeof *keys);
    uint32_t k = 0;

    for (uint32_t i = 0; i < n; i++) {
        Handle x = m->objs[h].u.set->table[i];
        if (x != NULL_HANDLE && x != SET_DUMMY) {
            keys[k++] = m_store(m, h, i, NULL_HANDLE);
        }
    }
    SetVal *s = m->objs[h].u.set;
    s->fill = s->used = 0;
    for (uint32_t i = 0; i < k; i++) {
        if (keys[i] != NULL_HANDLE) {
            m_decref(m, keys[i]);
        }
    }
    free(keys);
}

static Handle *
set_slot(Machine *m, Handle h, uint32_t i)
{
    SetVal *s = m->objs[h].u.set;

    assert(i <= s->mask);
    return &s->table[i];
}

/* set_dealloc: the table in slot order; dummies are no references. */
static Handle
set_release(Machine *m, Handle h, uint32_t *step)
{
    SetVal *s = m->objs[h].u.set;

    while (*step <= s->mask) {
        Handle *p = &s->table[(*step)++];
        if (*p != NULL_HANDLE && *p != SET_DUMMY) {
            Handle v = *p;
            *p = NULL_HANDLE;
            return v;
        }
    }
    return NULL_HANDLE;
}

static void
set_free_payload(Machine *m, Handle h)
{
    if (m->objs[h].u.set->table_addr != 0) {
        m_storage_free(m, h, HEAP_ROLE_SET_TABLE, m->objs[h].u.set->table_addr);
    }
}

static uint32_t
set_len(const Machine *m, Handle h)
{
    return m->objs[h].u.set != NULL ? m->objs[h].u.set->used : 0;
}

static size_t
set_size(const Machine *m, Handle h)
{
    const SetVal *s = m->objs[h].u.set;

    if (s == NULL) {
        return m->objs[h].nbytes;
    }
    return type_basic_nbytes(T_SET) + (s->mask + 1 > SET_MINSIZE ? 16 * ((size_t)s->mask + 1) : 0);
}

static int
set_check(const Machine *m, Handle h, CheckCtx *c)
{
    if (m->objs[h].u.set != NULL && m->objs[h].u.set->table_addr != 0) {
        check_own(c, m->objs[h].u.set->table_addr, HEAP_TAG(h, HEAP_ROLE_SET_TABLE));
    }
    return 0;
}

static void
set_host_free(Object *o)
{
    if (o->u.set != NULL) {
        free(o->u.set->table);
        free(o->u.set);
    }
}

static void
set_host_copy(Object *o)
{
    const SetVal *s = o->u.set;

    if (s == NULL) {
        return;
    }
    SetVal *c = snap_dup_array(s, 1, sizeof *s);
    c->table = snap_dup_array(s->table, (size_t)s->mask + 1, sizeof(Handle));
    o->u.set = c;
}

static size_t
set_host_bytes(const Object *o)
{
    if (o->u.set == NULL) {
        return 0;
    }
    return sizeof *o->u.set
           + snap_dup_size(o->u.set->table, (size_t)o->u.set->mask + 1, sizeof(Handle));
}

static uint64_t
set_hash(uint64_t x, const Object *o)
{
    const SetVal *s = o->u.set;

    if (s == NULL) {
        return hash_u64(x, 0);
    }
    x = snap_hash_pair(x, s->mask, s->fill);
    x = hash_u64(x, s->used);
    x = hash_u64(x, s->table_addr);
    return snap_hash_u32s(x, s->table, s->table != NULL ? (size_t)s->mask + 1 : 0);
}

const TypeOps set_ops = {
    .len = set_len,
    .traverse = set_traverse,
    .clear = set_clear,
    .slot = set_slot,
    .release = set_release,
    .free_payload = set_free_payload,
    .size = set_size,
    .check = set_check,
    .host_free = set_host_free,
    .host_copy = set_host_copy,
    .host_bytes = set_host_bytes,
    .hash = set_hash,
    .trashcan = 1,
};
