/*
 * class.c: classes and their instances (Objects/typeobject.c, and
 * dictobject.c for the inline values).
 *
 * A class is a heap type: PyHeapTypeObject plus one member slot, over
 * 512 bytes, so a raw allocation.  It keeps the shared keys its
 * instances use (the attribute names in the order it first saw them,
 * CLASS_SHARED_KEYS usable at first).  An instance is 32 + 24 bytes
 * (a managed dict in its pre-header) and a values array apart
 * (HEAP_ROLE_VALUES), until its __dict__ is materialised as a split dict
 * that takes the values over.
 *
 * Class slots (m_store): 0 name, 1 dict, 2 mro, 3 + i shared key i,
 * CLASS_BASES_SLOT tp_bases.  Instance slots: i value i,
 * INST_DICT_SLOT, INST_CLASS_SLOT.
 */
#include <config.h>

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/xalloc.h"
#include "sim/typeops.h"

/* Whether the namespace d defines __del__ (the class then gets its
 * tp_finalize slot). */
static int
defines_del(const Machine *m, Handle d)
{
    const Dict *dd = m->objs[d].u.d;

    for (uint32_t e = 0; dd != NULL && e < dd->nentries; e++) {
        Handle k = dd->entries[2 * e];
        if (k != NULL_HANDLE && m->objs[k].type == T_STR
            && strcmp(m->objs[k].u.s.utf8, "__del__") == 0) {
            return 1;
        }
    }
    return 0;
}

Handle
m_class_new(Machine *m, const char *name, Handle dict)
{
    /* A heap type: PyHeapTypeObject plus one member slot; over 512
     * bytes, so a raw allocation. */
    ClassVal *c = xcalloc(1, sizeof *c);

    c->usable = CLASS_SHARED_KEYS;
    c->has_del = (uint8_t)defines_del(m, dict);
    ObjPayload init = {.c = c};
    Handle h = m_alloc_init(m, T_CLASS, type_basic_nbytes(T_CLASS) + 40, &init);
    Handle nm = m_str_cstr(m, name);
    m_store(m, h, 0, nm);
    m_store(m, h, 1, dict);
    m_track(m, h);
    return h;
}

/* Remember the subclass entry's key and weak reference in the class
 * they are made for, as the reference is allocated. */
static void
subclass_layout(Machine *m, Handle wr, uint64_t addr, void *arg)
{
    ClassVal *c = m->objs[m->objs[wr].u.wr.referent].u.c;

    (void)addr;
    c->subclass_key = *(const Handle *)arg;
    c->subclass_ref = wr;
}

/* add_subclass: object's tp_subclasses maps the class's address, as an
 * int, to a weak reference to it; both are held as roots as long as the
 * class lives (remove_subclass, in its deallocation). */
void
m_class_add_subclass(Machine *m, Handle cls)
{
    Handle key = m_int(m, (int64_t)m->objs[cls].addr);
    Handle wr = weakref_alloc(m, cls, NULL_HANDLE, subclass_layout, &key);

    m_track(m, wr);
    m_root_add(m, key);
    m_root_add(m, wr);
}

/* init_inline_values, as the values' block is allocated: the shared
 * keys' usable count shrinks by one per instance (to a floor of 1); the
 * values array holds the keys already there plus the usable ones. */
static void
values_layout(Machine *m, Handle h, uint64_t addr, void *arg)
{
    ClassVal *c = m->objs[*(const Handle *)arg].u.c;

    if (c->usable > 1) {
        c->usable--;
    }
    Values *v = values_new(c->nkeys + c->usable);
    v->addr = addr;
    m->objs[h].u.inst.values = v;
}

Handle
m_instance_new(Machine *m, Handle cls)
{
    Handle h = m_alloc(m, T_INSTANCE, type_basic_nbytes(T_INSTANCE));
    const ClassVal *c = m->objs[cls].u.c;

    m_incref(m, cls);
    m_store(m, h, INST_CLASS_SLOT, cls);
    m_track(m, h);
    /* The values' block: a byte prefix, then a slot per value. */
    uint32_t size = c->nkeys + (c->usable > 1 ? c->usable - 1 : c->usable);
    size_t prefix = ((size_t)size + 2 + 7) & ~(size_t)7;
    m_storage_with(m, h, HEAP_ROLE_VALUES, 0, prefix + 8 * (size_t)size, values_layout, &cls);
    return h;
}

/* The shared keys grow by one empty entry as the new key is stored. */
static void
shared_key_layout(Machine *m, Handle cls, uint64_t addr, void *arg)
{
    ClassVal *c = m->objs[cls].u.c;
    size_t cap = c->keys_cap;

    (void)addr;
    (void)arg;
    c->keys = xgrow(c->keys, &cap, c->nkeys + 1, sizeof *c->keys);
    c->keys_cap = (uint32_t)cap;
    c->keys[c->nkeys] = NULL_HANDLE;
    c->nkeys++;
    c->usable--;
}

/* insert_into_dictkeys: the class learns a new attribute name; its
 * shared keys hold a new reference to it.  Returns its index. */
uint32_t
class_add_shared_key(Machine *m, Handle cls, Handle name)
{
    uint32_t ix = m->objs[cls].u.c->nkeys;

    m_incref(m, name);
    m_store_with(m, cls, 3 + ix, name, shared_key_layout, NULL);
    return ix;
}

static int64_t
class_key_index(const Machine *m, const ClassVal *c, Handle name)
{
    for (uint32_t i = 0; i < c->nkeys; i++) {
        if (m_key_eq(m, c->keys[i], name)) {
            return i;
        }
    }
    return -1;
}

/* Materialise the instance's __dict__: a split dict that takes over its
 * values (make_dict_from_instance_attributes). */
/* The split dict dh takes over the instance's values as it is stored
 * in the instance (make_dict_from_instance_attributes). */
static void
dict_from_values_layout(Machine *m, Handle inst, uint64_t addr, void *arg)
{
    Handle dh = *(const Handle *)arg;
    InstVal *in = &m->objs[inst].u.inst;
    Dict *d = m->objs[dh].u.d;
    Values *v = in->values;

    (void)addr;
    d->split = 1;
    d->cls = in->cls;
    d->values = v;
    for (uint32_t k = 0; k < v->norder; k++) {
        d->used += v->slot[v->order[k]] != NULL_HANDLE;
    }
    in->values = NULL;
    if (v->addr != 0) {
        heap_retag(&m->heap, v->addr, HEAP_TAG(dh, HEAP_ROLE_VALUES));
    }
}

/* Materialise the instance's __dict__: a split dict that takes over its
 * values. */
Handle
m_inst_dict(Machine *m, Handle inst)
{
    if (m->objs[inst].u.inst.dict != NULL_HANDLE) {
        return m->objs[inst].u.inst.dict;
    }
    Handle dh = dict_alloc(m);
    const Values *v = m->objs[inst].u.inst.values;

    m_store_with(m, inst, INST_DICT_SLOT, dh, dict_from_values_layout, &dh);
    for (uint32_t k = 0; k < v->n; k++) {
        if (v->slot[k] != NULL_HANDLE && m_may_be_tracked(m, v->slot[k])) {
            m_track(m, dh);
            break;
        }
    }
    return dh;
}

/* The order of an instance's values follows the store to its slot: a
 * value set in an empty slot joins the end, a deleted one leaves it. */
typedef struct OrderChange {
    uint32_t ix;
    int set;
} OrderChange;

static void
values_order_layout(Machine *m, Handle inst, uint64_t addr, void *arg)
{
    const OrderChange *ch = arg;
    Values *vals = m->objs[inst].u.inst.values;

    (void)addr;
    if (!ch->set) {
        values_forget(vals, ch->ix);
    } else if (vals->slot[ch->ix] == NULL_HANDLE) {
        vals->order[vals->norder++] = (uint8_t)ch->ix;
    }
}

int
m_inst_setattr(Machine *m, Handle inst, Handle name, Handle v)
{
    Object *o = &m->objs[inst];

    if (o->u.inst.dict != NULL_HANDLE) {
        if (v == NULL_HANDLE) {
            return m_dict_delitem(m, o->u.inst.dict, name);
        }
        m_dict_setitem(m, o->u.inst.dict, name, v);
        return 0;
    }
    Handle cls = o->u.inst.cls;
    ClassVal *c = m->objs[cls].u.c;
    int64_t ix = class_key_index(m, c, name);
    if (ix < 0 && v != NULL_HANDLE && c->usable > 0 && m->objs[name].type == T_STR) {
        ix = class_add_shared_key(m, cls, name);
    }
    Values *vals = m->objs[inst].u.inst.values;
    if (ix < 0 || (uint32_t)ix >= vals->n) {
        if (v == NULL_HANDLE) {
            return -1;
        }
        Handle dh = m_inst_dict(m, inst);
        m_dict_setitem(m, dh, name, v);
        return 0;
    }
    if (v == NULL_HANDLE) {
        if (vals->slot[ix] == NULL_HANDLE) {
            return -1;
        }
        OrderChange ch = {(uint32_t)ix, 0};
        m_decref(m, m_store_with(m, inst, (uint32_t)ix, NULL_HANDLE, values_order_layout, &ch));
        return 0;
    }
    OrderChange ch = {(uint32_t)ix, 1};
    m_incref(m, v);
    Handle old = m_store_with(m, inst, (uint32_t)ix, v, values_order_layout, &ch);
    if (old != NULL_HANDLE) {
        m_decref(m, old);
    }
    return 0;
}

Handle
m_inst_getattr(const Machine *m, Handle inst, Handle name)
{
    const Object *o = &m->objs[inst];

    if (o->u.inst.dict != NULL_HANDLE) {
        return m_dict_getitem(m, o->u.inst.dict, name);
    }
    const ClassVal *c = m->objs[o->u.inst.cls].u.c;
    int64_t ix = class_key_index(m, c, name);
    if (ix < 0 || (uint32_t)ix >= o->u.inst.values->n) {
        return NULL_HANDLE;
    }
    return o->u.inst.values->slot[ix];
}

/* ------------------------------------------------------------------ */
/* Class operations.                                                  */

static void
class_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const ClassVal *c = m->objs[h].u.c;

    if (c == NULL) {
        return;
    }
    if (c->name) {
        fn(arg, h, 0, c->name);
    }
    if (c->dict) {
        fn(arg, h, 1, c->dict);
    }
    if (c->mro) {
        fn(arg, h, 2, c->mro);
    }
    for (uint32_t i = 0; i < c->nkeys; i++) {
        if (c->keys[i]) {
            fn(arg, h, 3 + i, c->keys[i]);
        }
    }
    if (c->bases) {
        fn(arg, h, CLASS_BASES_SLOT, c->bases);
    }
}

/* type_traverse: tp_dict, tp_mro, tp_bases. */
static void
class_gc_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const ClassVal *c = m->objs[h].u.c;

    if (c->dict) {
        fn(arg, h, 1, c->dict);
    }
    if (c->mro) {
        fn(arg, h, 2, c->mro);
    }
    if (c->bases) {
        fn(arg, h, CLASS_BASES_SLOT, c->bases);
    }
}

/* type_clear: the cached keys, the dict's contents, tp_mro. */
static void
class_clear(Machine *m, Handle h)
{
    uint32_t n = m->objs[h].u.c->nkeys;

    for (uint32_t i = 0; i < n; i++) {
        Handle v = m_store(m, h, 3 + i, NULL_HANDLE);
        if (v != NULL_HANDLE) {
            m_decref(m, v);
        }
    }
    m->objs[h].u.c->nkeys = 0;
    if (m->objs[h].u.c->dict != NULL_HANDLE) {
        m_dict_clear(m, m->objs[h].u.c->dict);
    }
    Handle mro = m_store(m, h, 2, NULL_HANDLE);
    if (mro != NULL_HANDLE) {
        m_decref(m, mro);
    }
}

static Handle *
class_slot(Machine *m, Handle h, uint32_t i)
{
    ClassVal *c = m->objs[h].u.c;

    if (i == CLASS_BASES_SLOT) {
        return &c->bases;
    }
    if (i == 0) {
        return &c->name;
    } else if (i == 1) {
        return &c->dict;
    } else if (i == 2) {
        return &c->mro;
    }
    assert(i - 3 < c->nkeys);
    return &c->keys[i - 3];
}

/* type_dealloc: dict, mro, then the cached keys, the name and the
 * bases.  Steps: 0 dict, 1 mro, 2 .. nkeys + 1 the keys, nkeys + 2 the
 * name, nkeys + 3 the bases. */
static Handle
class_release(Machine *m, Handle h, uint32_t *step)
{
    const ClassVal *c = m->objs[h].u.c;
    Handle v;

    if (*step == 0) {
        (*step)++;
        if ((v = type_take_slot(m, h, 1)) != NULL_HANDLE) {
            return v;
        }
    }
    if (*step == 1) {
        (*step)++;
        if ((v = type_take_slot(m, h, 2)) != NULL_HANDLE) {
            return v;
        }
    }
    while (*step - 2 < c->nkeys) {
        if ((v = type_take_slot(m, h, 3 + (*step)++ - 2)) != NULL_HANDLE) {
            return v;
        }
    }
    if (*step - 2 == c->nkeys) {
        (*step)++;
        if ((v = type_take_slot(m, h, 0)) != NULL_HANDLE) {
            return v;
        }
    }
    if (*step - 3 == c->nkeys) {
        (*step)++;
        return type_take_slot(m, h, CLASS_BASES_SLOT);
    }
    return NULL_HANDLE;
}

static Handle *
class_weaklist(Machine *m, Handle h)
{
    return &m->objs[h].u.c->weaklist;
}

/* PyHeapTypeObject plus the 64-slot shared keys. */
static size_t
class_size(const Machine *m, Handle h)
{
    if (m->objs[h].u.c == NULL) {
        return m->objs[h].nbytes;
    }
    return type_basic_nbytes(T_CLASS) + dict_keys_bytes(6, 1);
}

static void
class_host_free(Object *o)
{
    if (o->u.c != NULL) {
        free(o->u.c->keys);
        free(o->u.c);
    }
}

static void
class_host_copy(Object *o)
{
    const ClassVal *s = o->u.c;

    if (s == NULL) {
        return;
    }
    ClassVal *c = snap_dup_array(s, 1, sizeof *s);
    c->keys = snap_dup_array(s->keys, s->nkeys, sizeof(Handle));
    c->keys_cap = c->keys != NULL ? s->nkeys : 0;
    o->u.c = c;
}

static size_t
class_host_bytes(const Object *o)
{
    if (o->u.c == NULL) {
        return 0;
    }
    return sizeof *o->u.c + snap_dup_size(o->u.c->keys, o->u.c->nkeys, sizeof(Handle));
}

static uint64_t
class_hash(uint64_t x, const Object *o)
{
    const ClassVal *c = o->u.c;

    if (c == NULL) {
        return hash_u64(x, 0);
    }
    x = snap_hash_pair(x, c->name, c->dict);
    x = snap_hash_pair(x, c->mro, c->bases);
    x = snap_hash_pair(x, c->usable, c->has_del);
    x = hash_u64(x, c->weaklist);
    x = snap_hash_pair(x, c->subclass_ref, c->subclass_key);
    x = snap_hash_u32s(x, c->keys, c->keys != NULL ? c->nkeys : 0);
    return hash_u64(x, c->nkeys);
}

static void
class_describe(const Machine *m, Handle h, char *buf, size_t size)
{
    const ClassVal *c = m->objs[h].u.c;

    snprintf(buf, size, "class %s", c != NULL ? str_utf8(m, c->name) : "?");
}

const TypeOps class_ops = {
    .describe = class_describe,
    .traverse = class_traverse,
    .gc_traverse = class_gc_traverse,
    .clear = class_clear,
    .slot = class_slot,
    .release = class_release,
    .weaklist = class_weaklist,
    .size = class_size,
    .host_free = class_host_free,
    .host_copy = class_host_copy,
    .host_bytes = class_host_bytes,
    .hash = class_hash,
};

/* ------------------------------------------------------------------ */
/* Instance operations.                                               */

/* subtype_traverse: the first nvalues values, the __dict__, then the
 * class. */
static void
instance_visit(const Machine *m, Handle h, uint32_t nvalues, VisitFn fn, void *arg)
{
    const InstVal *in = &m->objs[h].u.inst;

    for (uint32_t i = 0; in->values != NULL && i < nvalues && i < in->values->n; i++) {
        if (in->values->slot[i]) {
            fn(arg, h, i, in->values->slot[i]);
        }
    }
    if (in->dict) {
        fn(arg, h, INST_DICT_SLOT, in->dict);
    }
    if (in->cls) {
        fn(arg, h, INST_CLASS_SLOT, in->cls);
    }
}

static void
instance_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    instance_visit(m, h, UINT32_MAX, fn, arg);
}

/* The collector visits the values of the class's shared keys only. */
static void
instance_gc_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const InstVal *in = &m->objs[h].u.inst;

    instance_visit(m, h, in->values != NULL ? m->objs[in->cls].u.c->nkeys : 0, fn, arg);
}

/* subtype_clear: the values, then the __dict__. */
static void
instance_clear(Machine *m, Handle h)
{
    Object *o = &m->objs[h];
    uint32_t n = o->u.inst.values ? o->u.inst.values->n : 0;

    for (uint32_t i = 0; i < n; i++) {
        Values *v = m->objs[h].u.inst.values;
        if (v != NULL && i < v->n && v->slot[i] != NULL_HANDLE) {
            OrderChange ch = {i, 0};
            Handle x = m_store_with(m, h, i, NULL_HANDLE, values_order_layout, &ch);
            if (x != NULL_HANDLE) {
                m_decref(m, x);
            }
        }
    }
    if (m->objs[h].u.inst.dict != NULL_HANDLE) {
        Handle d = m_store(m, h, INST_DICT_SLOT, NULL_HANDLE);
        if (d != NULL_HANDLE) {
            m_decref(m, d);
        }
    }
}

static Handle *
instance_slot(Machine *m, Handle h, uint32_t i)
{
    InstVal *in = &m->objs[h].u.inst;

    if (i == INST_DICT_SLOT) {
        return &in->dict;
    }
    if (i == INST_CLASS_SLOT) {
        return &in->cls;
    }
    assert(in->values != NULL && i < in->values->n);
    return &in->values->slot[i];
}

/* subtype_dealloc: a materialised __dict__, else the values in
 * shared-key order.  The class is released last, by the deallocator. */
static Handle
instance_release(Machine *m, Handle h, uint32_t *step)
{
    const InstVal *in = &m->objs[h].u.inst;

    if (in->dict != NULL_HANDLE) {
        return type_take_slot(m, h, INST_DICT_SLOT);
    }
    return type_release_upto(m, h, step, in->values != NULL ? in->values->n : 0);
}

static void
instance_free_payload(Machine *m, Handle h)
{
    Values *v = m->objs[h].u.inst.values;

    if (v != NULL && v->addr != 0) {
        m_storage_free(m, h, HEAP_ROLE_VALUES, v->addr);
    }
}

static Handle *
instance_weaklist(Machine *m, Handle h)
{
    return &m->objs[h].u.inst.weaklist;
}

static int
instance_check(const Machine *m, Handle h, CheckCtx *c)
{
    const Values *v = m->objs[h].u.inst.values;

    if (v != NULL && v->addr != 0) {
        check_own(c, v->addr, HEAP_TAG(h, HEAP_ROLE_VALUES));
    }
    return 0;
}

static void
instance_host_free(Object *o)
{
    free(o->u.inst.values);
}

static void
instance_host_copy(Object *o)
{
    o->u.inst.values = values_dup(o->u.inst.values);
}

static size_t
instance_host_bytes(const Object *o)
{
    return o->u.inst.values != NULL ? values_bytes(o->u.inst.values) : 0;
}

static uint64_t
instance_hash(uint64_t x, const Object *o)
{
    x = snap_hash_pair(x, o->u.inst.cls, o->u.inst.dict);
    x = hash_u64(x, o->u.inst.weaklist);
    return values_hash(x, o->u.inst.values);
}

static void
instance_describe(const Machine *m, Handle h, char *buf, size_t size)
{
    Handle cls = m->objs[h].u.inst.cls;

    snprintf(buf, size, "%s object", cls ? str_utf8(m, m->objs[cls].u.c->name) : "?");
}

const TypeOps instance_ops = {
    .describe = instance_describe,
    .traverse = instance_traverse,
    .gc_traverse = instance_gc_traverse,
    .clear = instance_clear,
    .slot = instance_slot,
    .release = instance_release,
    .free_payload = instance_free_payload,
    .weaklist = instance_weaklist,
    .check = instance_check,
    .host_free = instance_host_free,
    .host_copy = instance_host_copy,
    .host_bytes = instance_host_bytes,
    .hash = instance_hash,
    .trashcan = 1,
};
