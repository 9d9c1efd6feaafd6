/*
 * check_snapshot.c: deep copies, whole-state hashes and host sizes of
 * machines (sim/snapshot.h).
 *
 * A copy of a machine with every kind of object, several arenas, raw
 * blocks, frames, free lists and a finished collection hashes as the
 * original does and passes the checker; the original can go and the copy
 * lives on.  Changing any simulated field changes the hash and changing
 * only host details does not.  The same random primitives applied to a
 * machine and to its copies keep their hashes equal at every step.  The
 * host size of a copy grows with the heap and agrees with the C
 * library's count of what the copy allocated.
 */
#include <config.h>

#include <check.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "sim/gc.h"
#include "sim/snapshot.h"
#include "testutil.h"

/* The C library's own count of the bytes in use is only meaningful
 * without AddressSanitizer, which replaces the allocator. */
#if defined(__SANITIZE_ADDRESS__)
#define HAVE_LIBC_COUNT 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_LIBC_COUNT 0
#endif
#endif
#ifndef HAVE_LIBC_COUNT
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#define HAVE_LIBC_COUNT 1
#else
#define HAVE_LIBC_COUNT 0
#endif
#endif

/* ------------------------------------------------------------------ */
/* Building machines.                                                 */

/* The clear_weakrefs hook: a dying referent's weak references die. */
static void
clear_weakrefs(void *ctx, Machine *m, Handle obj)
{
    (void)ctx;
    while (*m_weaklist(m, obj) != NULL_HANDLE) {
        m_weakref_unlink(m, *m_weaklist(m, obj));
    }
}

static void
init(Machine *m)
{
    machine_init(m);
    m->hooks.clear_weakrefs = clear_weakrefs;
}

/* weakref.ref(obj, cb) as the built-in makes it, at the head. */
static Handle
weakref_new(Machine *m, Handle obj, Handle cb)
{
    return m_weakref_new(m, obj, NULL_HANDLE, cb);
}

/* An object to change by hand, outside the primitives: the state the
 * tests build or damage on purpose. */
static Object *
obj_w(Machine *m, Handle h)
{
    return &m->objs[h];
}

/* A str of n bytes of ASCII text that starts with the seed's digits. */
/* A tuple of n items, stealing them (PyTuple_Pack without the increfs). */
static Handle
tuple_pack(Machine *m, uint32_t n, const Handle *items)
{
    Handle h = m_tuple_new(m, n);

    for (uint32_t i = 0; i < n; i++) {
        m_store(m, h, i, items[i]);
    }
    return h;
}

static Handle
text(Machine *m, size_t n, unsigned seed)
{
    char *buf = malloc(n + 1);
    char num[16];
    size_t k = (size_t)snprintf(num, sizeof num, "%u", seed);

    for (size_t i = 0; i < n; i++) {
        buf[i] = i < k ? num[i] : (char)('a' + (seed + i * 7) % 26);
    }
    Handle h = m_str(m, buf, n);
    free(buf);
    return h;
}

static void
setattr(Machine *m, Handle inst, const char *name, Handle v)
{
    Handle n = m_str_cstr(m, name);

    m_inst_setattr(m, inst, n, v);
    m_decref(m, n);
    m_decref(m, v);
}

/*
 * Every kind of object and every part of the machine: ints of many
 * digits, strs of every kind and a raw one, lists (shrunk, emptied),
 * tuples, combined and split dicts, instances with inline values and
 * with a materialised __dict__, sets with a table of their own,
 * classes, functions, cells, modules, an iterator, weak references,
 * frames with locals and value stacks, output, several arenas with
 * holes and a released arena, raw blocks freed and reused, a collection
 * of cyclic garbage, and populated free lists.
 */
static void
build_rich(Machine *m)
{
    static const char *strs[] = {"hello world", "caf\xc3\xa9 cr\xc3\xa8me",
                                 "\xe2\x82\xac" "100 net", "\xf0\x9f\x98\x80 grin",
                                 "\xc3\xbf\xc3\xbe"};
    Handle v;

    m_root_add(m, m_int_from_decimal(m, "1234567890123456789012345678901234567890"
                                        "1234567890123456789012345678901234567890"));
    m_root_add(m, m_int_from_decimal(m, "-98765432109876543210987654321"));
    m_root_add(m, m_int(m, 100000));
    m_root_add(m, m_int(m, -3));
    for (size_t i = 0; i < sizeof strs / sizeof *strs; i++) {
        m_root_add(m, m_str_cstr(m, strs[i]));
    }
    m_root_add(m, text(m, 700, 1));             /* a raw block */

    /* Lists: with items, shrunk within its allocation, emptied. */
    Handle l = m_list_new(m, 0);
    for (int i = 0; i < 20; i++) {
        m_list_append(m, l, m_int(m, 1000 + i));
    }
    m_root_add(m, l);
    Handle l2 = m_list_new(m, 0);
    for (int i = 0; i < 9; i++) {
        m_list_append(m, l2, m_int(m, i));
    }
    for (int i = 8; i >= 6; i--) {
        Handle old = m_store(m, l2, (uint32_t)i, NULL_HANDLE);
        m_list_resize(m, l2, (uint32_t)i);
        m_decref(m, old);
    }
    m_root_add(m, l2);
    Handle l3 = m_list_new(m, 2);
    m_store(m, l3, 0, m_none(m));
    m_store(m, l3, 1, m_none(m));
    m_decref(m, m_store(m, l3, 1, NULL_HANDLE));
    m_decref(m, m_store(m, l3, 0, NULL_HANDLE));
    m_list_resize(m, l3, 0);
    m_root_add(m, l3);
    m_root_add(m, m_list_new(m, 0));

    /* Tuples. */
    Handle items[3] = {m_int(m, 7), m_str_cstr(m, "seven"), m_list_new(m, 1)};
    m_store(m, items[2], 0, m_none(m));
    m_root_add(m, tuple_pack(m, 3, items));
    m_root_add(m, m_tuple_new(m, 0));

    /* Dicts: str keys, mixed keys, a big one (raw keys), one with a
     * deleted entry. */
    Handle d = m_dict_new(m);
    for (int i = 0; i < 4; i++) {
        Handle k = text(m, 6, (unsigned)i);
        v = m_int(m, i * 1000);
        m_dict_setitem(m, d, k, v);
        m_decref(m, k);
        m_decref(m, v);
    }
    m_root_add(m, d);
    Handle d2 = m_dict_new(m);
    for (int i = 0; i < 60; i++) {
        Handle k = m_int(m, i * 3);
        m_dict_setitem(m, d2, k, l);
        m_decref(m, k);
    }
    v = m_int(m, 9);
    m_dict_delitem(m, d2, v);
    m_decref(m, v);
    m_root_add(m, d2);

    /* Classes and instances: inline values, a split __dict__, a
     * combined one, and a class with __del__. */
    Handle cls = m_class_new(m, "Point", m_dict_new(m));
    Handle pts[3];
    m_root_add(m, cls);
    for (int i = 0; i < 3; i++) {
        Handle p = pts[i] = m_instance_new(m, cls);
        setattr(m, p, "x", m_int(m, i));
        setattr(m, p, "y", m_int(m, 300 + i));
        if (i == 1) {
            m_inst_dict(m, p);
            setattr(m, p, "z", m_list_new(m, 0));
        }
        if (i == 2) {
            Handle dd = m_inst_dict(m, p);
            Handle k = m_int(m, 5);
            m_dict_setitem(m, dd, k, k);
            m_decref(m, k);
        }
        m_root_add(m, p);
    }
    Handle split = m_dict_copy(m, m_inst_dict(m, pts[1]));
    m_root_add(m, split);
    Handle cls2 = m_class_new(m, "Del", m_dict_new(m));
    m_obj(m, cls2)->u.c->has_del = 1;
    m_root_add(m, cls2);

    /* Sets: a small table and a table of its own. */
    Handle s = m_set_new(m);
    for (int i = 0; i < 40; i++) {
        v = m_int(m, i * 11);
        m_set_add(m, s, v);
        m_decref(m, v);
    }
    m_root_add(m, s);
    Handle s2 = m_set_new(m);
    m_set_add(m, s2, m->roots[4]);
    m_root_add(m, s2);

    /* A function, a cell, a module, an iterator, weak references. */
    Handle mod = m_module_new(m, "mod");
    m_root_add(m, mod);
    Handle globals = m_obj(m, mod)->u.mod.dict;
    m_incref(m, globals);
    Handle cell = m_cell_new(m, m_int(m, 42));
    Handle fn = m_function_new(m, NULL_HANDLE, globals, m_str_cstr(m, "f"),
                               NULL_HANDLE, tuple_pack(m, 1, &cell));
    m_root_add(m, fn);
    Handle it = m_alloc(m, T_LISTITER, 16 + 32);
    m_incref(m, l);
    m_store(m, it, 0, l);
    obj_w(m, it)->u.it.index = 3;
    m_track(m, it);
    m_root_add(m, it);
    m_root_add(m, weakref_new(m, pts[0], NULL_HANDLE));
    m_root_add(m, weakref_new(m, fn, NULL_HANDLE));
    m_root_add(m, weakref_new(m, fn, fn));

    /* Raw blocks: freed, and reused by a request of the same size. */
    Handle raws = m_list_new(m, 0);
    for (unsigned i = 0; i < 12; i++) {
        m_list_append(m, raws, text(m, 600 + 100 * (i % 4), i));
    }
    for (uint32_t i = 0; i < 12; i += 2) {
        m_list_set(m, raws, i, m_none(m));
    }
    m_list_set(m, raws, 0, text(m, 600, 99));
    m_root_add(m, raws);

    /* Cyclic garbage, a full collection. */
    for (int i = 0; i < 30; i++) {
        Handle a = m_list_new(m, 0), b = m_instance_new(m, cls);
        m_incref(m, b);
        m_list_append(m, a, b);
        setattr(m, b, "x", a);
        m_decref(m, b);
    }
    gc_collect(m, 2);

    /* Free lists (after the collection, which empties them). */
    Handle tmp[12];
    for (int i = 0; i < 12; i++) {
        tmp[i] = i % 3 == 0 ? m_list_new(m, 0) : i % 3 == 1 ? m_dict_new(m)
                 : m_tuple_new(m, 1 + i % 4);
        if (m_obj(m, tmp[i])->type == T_TUPLE) {
            m_store(m, tmp[i], 0, m_none(m));
        }
    }
    Handle kd = m_dict_new(m);
    v = m_str_cstr(m, "key");
    m_dict_setitem(m, kd, v, v);
    m_decref(m, v);
    for (int i = 0; i < 12; i++) {
        m_decref(m, tmp[i]);
    }
    m_decref(m, kd);

    /* Several arenas: 16,000 256-byte blocks (an arena holds 4,032),
     * then holes, then 13,200 freed in a row: at least two arenas are
     * wholly free and all but the last such go back. */
    Handle big = m_list_new(m, 0);
    for (unsigned i = 0; i < 16000; i++) {
        m_list_append(m, big, text(m, 200, i));
    }
    for (uint32_t i = 0; i < 16000; i += 3) {
        m_list_set(m, big, i, m_none(m));
    }
    for (uint32_t i = 2500; i < 15700; i++) {
        m_list_set(m, big, i, m_none(m));
    }
    m_root_add(m, big);

    /* Frames: a function's, with locals and a value stack, on the
     * module's. */
    m_incref(m, globals);
    m_frame_push(m, NULL_HANDLE, NULL_HANDLE, globals, globals, 2, 3, 0);
    m_bind(m, 0, m_int(m, 123456));
    m_push(m, m_str_cstr(m, "on the stack"));
    m_incref(m, fn);
    m_frame_push(m, fn, NULL_HANDLE, globals, NULL_HANDLE, 4, 5, 0);
    m_frame(m)->ip = 7;
    m_frame(m)->lasti = 6;
    m_frame(m)->line = 3;
    m_bind(m, 1, m_list_new(m, 0));
    m_bind(m, 3, m_int(m, -77777));
    m_push(m, m_int(m, 31415));
    m_push(m, m_tuple_new(m, 0));

    m_write(m, "hello, world\n", 13);
}

/* n objects of mixed kinds (lists, dicts, instances, ints, strs) held
 * by one list; every instance has two attributes. */
static void
build_mixed(Machine *m, unsigned n)
{
    Handle cls = m_class_new(m, "Obj", m_dict_new(m));
    Handle hold = m_list_new(m, 0);

    m_root_add(m, cls);
    m_root_add(m, hold);
    for (unsigned i = 0; m->live < n; i++) {
        Handle v;
        switch (i % 5) {
        case 0:
            v = m_list_new(m, 0);
            m_list_append(m, v, m_int(m, (int64_t)i));
            break;
        case 1: {
            v = m_dict_new(m);
            Handle k = m_str_cstr(m, "key");
            Handle x = m_int(m, (int64_t)i * 7);
            m_dict_setitem(m, v, k, x);
            m_decref(m, k);
            m_decref(m, x);
            break;
        }
        case 2:
            v = m_instance_new(m, cls);
            setattr(m, v, "a", m_int(m, (int64_t)i));
            setattr(m, v, "b", m_none(m));
            break;
        case 3:
            v = m_int(m, (int64_t)i * 1000003);
            break;
        default:
            v = text(m, 5 + i % 40, i);
            break;
        }
        m_list_append(m, hold, v);
    }
}

#define HASH(m) machine_hash(m)

/* ------------------------------------------------------------------ */
/* Copies.                                                            */

START_TEST(test_copy_fresh)
{
    Machine a, b;

    machine_init(&a);
    machine_copy(&b, &a);
    ck_assert_uint_eq(HASH(&a), HASH(&b));
    ck_assert_uint_eq(machine_host_bytes(&a), machine_host_bytes(&b));
    CHECK_MACHINE(&b);
    /* The copy works: it allocates, grows and frees as the original. */
    Handle l = m_list_new(&b, 0);
    m_list_append(&b, l, m_int(&b, 5000));
    m_root_add(&b, l);
    Handle l2 = m_list_new(&a, 0);
    m_list_append(&a, l2, m_int(&a, 5000));
    m_root_add(&a, l2);
    ck_assert_uint_eq(l, l2);
    ck_assert_uint_eq(HASH(&a), HASH(&b));
    CHECK_MACHINE(&b);
    machine_done(&a);
    machine_done(&b);
}
END_TEST

/* Payload pointers of the copy are its own. */
static void
assert_independent(const Machine *a, const Machine *b)
{
    ck_assert_ptr_ne(a->objs, b->objs);
    for (Handle h = 1; h < a->nobjs; h++) {
        const Object *x = &a->objs[h], *y = &b->objs[h];
        if (!(x->flags & OF_LIVE)) {
            continue;
        }
        switch ((ObjType)x->type) {
        case T_INT:
            ck_assert(x->u.i.digits == NULL || x->u.i.digits != y->u.i.digits);
            break;
        case T_STR:
            ck_assert_ptr_ne(x->u.s.utf8, y->u.s.utf8);
            ck_assert_str_eq(x->u.s.utf8, y->u.s.utf8);
            break;
        case T_LIST:
            ck_assert(x->u.l.items == NULL || x->u.l.items != y->u.l.items);
            break;
        case T_TUPLE:
            ck_assert(x->u.t.items == NULL || x->u.t.items != y->u.t.items);
            break;
        case T_DICT:
            ck_assert_ptr_ne(x->u.d, y->u.d);
            ck_assert(x->u.d->entries == NULL || x->u.d->entries != y->u.d->entries);
            ck_assert(x->u.d->index == NULL || x->u.d->index != y->u.d->index);
            if (x->u.d->values != NULL) {
                ck_assert_ptr_ne(x->u.d->values, y->u.d->values);
                ck_assert_ptr_eq(y->u.d->values->slot, (Handle *)(y->u.d->values + 1));
            }
            break;
        case T_SET:
            ck_assert_ptr_ne(x->u.set, y->u.set);
            ck_assert_ptr_ne(x->u.set->table, y->u.set->table);
            break;
        case T_CLASS:
            ck_assert_ptr_ne(x->u.c, y->u.c);
            ck_assert(x->u.c->keys == NULL || x->u.c->keys != y->u.c->keys);
            break;
        case T_FUNCTION:
            ck_assert_ptr_ne(x->u.f, y->u.f);
            break;
        case T_INSTANCE:
            if (x->u.inst.values != NULL) {
                ck_assert_ptr_ne(x->u.inst.values, y->u.inst.values);
                ck_assert_ptr_eq(y->u.inst.values->order,
                                 (uint8_t *)(y->u.inst.values->slot + y->u.inst.values->n));
            }
            break;
        default:
            break;
        }
    }
    for (uint32_t i = 0; i < a->heap.maxarenas; i++) {
        ck_assert_ptr_ne(a->heap.arenas[i], b->heap.arenas[i]);
    }
}

/* Release every root, last first, and every frame. */
static void
release_all(Machine *m)
{
    while (m->nframes > 0) {
        m_frame_pop(m);
    }
    while (m->nroots > 0) {
        m_decref(m, m->roots[--m->nroots]);
    }
}

START_TEST(test_copy_rich)
{
    Machine a, b, c;

    init(&a);
    build_rich(&a);
    CHECK_MACHINE(&a);
    ck_assert_uint_ge(a.heap.stats.arenas_current, 3);
    ck_assert_uint_ge(a.heap.stats.arenas_reclaimed, 1);
    ck_assert_uint_ge(a.heap.stats.raw_blocks, 5);
    ck_assert_uint_ge(a.gc_collections[2], 1);
    ck_assert_uint_gt(a.list_free.n, 0);
    ck_assert_uint_gt(a.dict_free.n, 0);
    ck_assert_uint_gt(a.dict_keys_free.n, 0);
    ck_assert_uint_gt(a.tuple_free[0].n, 0);
    ck_assert_uint_eq(a.nframes, 2);

    uint64_t h = HASH(&a);
    size_t bytes = machine_host_bytes(&a);
    machine_copy(&b, &a);
    ck_assert_uint_eq(HASH(&a), h);
    ck_assert_uint_eq(HASH(&b), h);
    ck_assert_uint_eq(machine_host_bytes(&b), bytes);
    CHECK_MACHINE(&b);
    assert_independent(&a, &b);
    ck_assert_uint_eq(b.objcap, b.nobjs);

    /* A copy of the copy; then the original goes and the copies stay. */
    machine_copy(&c, &b);
    ck_assert_uint_eq(HASH(&c), h);
    ck_assert_uint_eq(machine_host_bytes(&c), bytes);
    release_all(&a);
    CHECK_MACHINE(&a);
    ck_assert_uint_ne(HASH(&a), h);
    machine_done(&a);
    ck_assert_uint_eq(HASH(&b), h);
    CHECK_MACHINE(&b);

    /* Both copies release everything, in the same steps. */
    release_all(&b);
    release_all(&c);
    ck_assert_uint_eq(HASH(&b), HASH(&c));
    CHECK_MACHINE(&c);
    gc_collect(&b, 2);
    gc_collect(&c, 2);
    ck_assert_uint_eq(HASH(&b), HASH(&c));
    CHECK_MACHINE(&b);
    machine_done(&b);
    machine_done(&c);
}
END_TEST

/* The four changes the brief names: one incref, one allocation, one
 * free, one write.  Each changes the copy's hash and not the
 * original's. */
START_TEST(test_mutations_change_hash)
{
    Machine a;

    init(&a);
    build_rich(&a);
    uint64_t h = HASH(&a);
    for (int kind = 0; kind < 4; kind++) {
        Machine b;
        machine_copy(&b, &a);
        ck_assert_uint_eq(HASH(&b), h);
        switch (kind) {
        case 0:
            m_incref(&b, b.roots[0]);
            m_root_add(&b, b.roots[0]);
            break;
        case 1:
            m_root_add(&b, m_list_new(&b, 0));
            break;
        case 2: {
            Handle x = b.roots[0];
            ck_assert_int_eq(m_obj(&b, x)->refcnt, 1);
            b.roots[0] = b.roots[--b.nroots];
            m_decref(&b, x);
            ck_assert(!m_is_live(&b, x));
            break;
        }
        default:
            m_write(&b, "!", 1);
            break;
        }
        ck_assert_msg(HASH(&b) != h, "change %d left the hash as it was", kind);
        ck_assert_uint_eq(HASH(&a), h);
        CHECK_MACHINE(&b);
        machine_done(&b);
    }
    machine_done(&a);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Every simulated field counts, no host detail does.                 */

/* The original, never changed: a flip finds its target there, so that
 * it finds the same one when it undoes itself. */
static const Machine *orig;

static Handle
find_where(ObjType t, int (*ok)(const Object *o))
{
    for (Handle h = 1; h < orig->nobjs; h++) {
        const Object *o = &orig->objs[h];
        if ((o->flags & OF_LIVE) && !(o->flags & OF_STATIC) && o->type == t
            && (ok == NULL || ok(o))) {
            return h;
        }
    }
    ck_abort_msg("no suitable %s in the machine", type_info[t].pyname);
    return 0;
}

static Handle
find(ObjType t)
{
    return find_where(t, NULL);
}

static int
is_bigint(const Object *o)
{
    return o->u.i.digits != NULL;
}

static int
is_combined(const Object *o)
{
    return !o->u.d->split && o->u.d->used > 0;
}

static int
is_split(const Object *o)
{
    return o->u.d->split && o->u.d->used > 0;
}

static int
has_values(const Object *o)
{
    return o->u.inst.values != NULL && o->u.inst.values->norder > 1;
}

static int
has_next(const Object *o)
{
    return o->u.wr.next != NULL_HANDLE;
}

static Dict *
find_dict(Machine *m, int split)
{
    return m_obj(m, find_where(T_DICT, split ? is_split : is_combined))->u.d;
}

static Values *
find_values(Machine *m)
{
    return m_obj(m, find_where(T_INSTANCE, has_values))->u.inst.values;
}

/* A used pool with a few carved blocks. */
static Pool *
find_pool(Machine *m)
{
    for (uint32_t s = 0; s < orig->heap.maxarenas; s++) {
        const Arena *a = orig->heap.arenas[s];
        for (int p = 0; a->address != 0 && p < a->pool_carved; p++) {
            if (a->pools[p].state == POOL_USED && a->pools[p].nextblock > 3) {
                return &m->heap.arenas[s]->pools[p];
            }
        }
    }
    ck_abort_msg("no used pool");
    return NULL;
}

static RawBlock *
find_raw(Machine *m, int live)
{
    for (uint32_t i = 0; i < orig->heap.nraw; i++) {
        if (orig->heap.raw[i].live == live) {
            return &m->heap.raw[i];
        }
    }
    ck_abort_msg("no raw block");
    return NULL;
}

/* Each flip changes one field and undoes itself when applied twice. */
typedef void (*Flip)(Machine *m);

#define FLIP(name, lvalue) \
    static void name(Machine *m) { lvalue ^= 1; }

FLIP(f_refcnt, obj_w(m, m->roots[1])->refcnt)
FLIP(f_addr, obj_w(m, m->roots[1])->addr)
FLIP(f_nbytes, obj_w(m, m->roots[1])->nbytes)
FLIP(f_gc_prev, obj_w(m, find(T_LIST))->gc_prev)
FLIP(f_gc_next, obj_w(m, find(T_LIST))->gc_next)
FLIP(f_gc_refs, obj_w(m, find(T_LIST))->gc_refs)
FLIP(f_gen, obj_w(m, find(T_LIST))->gen)
FLIP(f_aux, obj_w(m, find(T_DICT))->aux)
FLIP(f_next_free, obj_w(m, m->free_handles)->u.next_free)
FLIP(f_free_handles, m->free_handles)
FLIP(f_live, m->live)
FLIP(f_static_next, m->static_next)
FLIP(f_digit, obj_w(m, find_where(T_INT, is_bigint))->u.i.digits[1])
FLIP(f_int_digit0, obj_w(m, m->small_ints[NSMALLNEG + 3])->u.i.digit0)
FLIP(f_str_byte, obj_w(m, find(T_STR))->u.s.utf8[1])
FLIP(f_str_kind, obj_w(m, find(T_STR))->u.s.kind)
FLIP(f_str_hash, obj_w(m, find(T_STR))->u.s.hash)
FLIP(f_str_len, obj_w(m, find(T_STR))->u.s.len)
FLIP(f_list_item, obj_w(m, m->roots[10])->u.l.items[0])
FLIP(f_list_len, obj_w(m, m->roots[10])->u.l.len)
FLIP(f_list_stale, obj_w(m, m->roots[11])->u.l.items[7])
FLIP(f_list_addr, obj_w(m, m->roots[10])->u.l.items_addr)
FLIP(f_tuple_item, obj_w(m, find(T_TUPLE))->u.t.items[0])
FLIP(f_dict_entry, find_dict(m, 0)->entries[1])
FLIP(f_dict_index, find_dict(m, 0)->index[0])
FLIP(f_dict_usable, find_dict(m, 0)->usable)
FLIP(f_dict_used, find_dict(m, 0)->used)
FLIP(f_dict_unicode, find_dict(m, 0)->unicode)
FLIP(f_dict_keys_addr, find_dict(m, 0)->keys_addr)
FLIP(f_split_slot, find_dict(m, 1)->values->slot[0])
FLIP(f_split_order, find_dict(m, 1)->values->order[0])
FLIP(f_split_cls, find_dict(m, 1)->cls)
FLIP(f_values_slot, find_values(m)->slot[1])
FLIP(f_values_order, find_values(m)->order[0])
FLIP(f_values_addr, find_values(m)->addr)
FLIP(f_set_entry, obj_w(m, find(T_SET))->u.set->table[3])
FLIP(f_set_fill, obj_w(m, find(T_SET))->u.set->fill)
FLIP(f_set_addr, obj_w(m, find(T_SET))->u.set->table_addr)
FLIP(f_class_key, obj_w(m, find(T_CLASS))->u.c->keys[0])
FLIP(f_class_usable, obj_w(m, find(T_CLASS))->u.c->usable)
FLIP(f_class_del, obj_w(m, find(T_CLASS))->u.c->has_del)
FLIP(f_class_bases, obj_w(m, find(T_CLASS))->u.c->bases)
FLIP(f_func_doc, obj_w(m, find(T_FUNCTION))->u.f->doc)
FLIP(f_func_weaklist, obj_w(m, find(T_FUNCTION))->u.f->weaklist)
FLIP(f_inst_weaklist, obj_w(m, find(T_INSTANCE))->u.inst.weaklist)
FLIP(f_cell, obj_w(m, find(T_CELL))->u.cell.ref)
FLIP(f_module, obj_w(m, find(T_MODULE))->u.mod.name)
FLIP(f_iter_index, obj_w(m, find(T_LISTITER))->u.it.index)
FLIP(f_iter_step, obj_w(m, find(T_LISTITER))->u.it.step)
FLIP(f_weak_next, obj_w(m, find_where(T_WEAKREF, has_next))->u.wr.next)
FLIP(f_weak_referent, obj_w(m, find_where(T_WEAKREF, has_next))->u.wr.referent)
FLIP(f_heap_unused, m->heap.unused_arena_objects)
FLIP(f_heap_usable, m->heap.usable_arenas)
FLIP(f_heap_nfp2lasta, m->heap.nfp2lasta[HEAP_POOLS_PER_ARENA])
FLIP(f_heap_usedpools, m->heap.usedpools[15])
FLIP(f_heap_stat0, m->heap.stats.arenas_allocated_total)
FLIP(f_heap_stat1, m->heap.stats.arenas_reclaimed)
FLIP(f_heap_stat2, m->heap.stats.arenas_highwater)
FLIP(f_heap_stat3, m->heap.stats.arenas_current)
FLIP(f_heap_stat4, m->heap.stats.blocks_in_use)
FLIP(f_heap_stat5, m->heap.stats.bytes_in_blocks)
FLIP(f_heap_stat6, m->heap.stats.raw_blocks)
FLIP(f_heap_stat7, m->heap.stats.raw_bytes)
FLIP(f_arena_nfree, m->heap.arenas[0]->nfreepools)
FLIP(f_arena_next, m->heap.arenas[0]->nextarena)
FLIP(f_arena_carved, m->heap.arenas[0]->pool_carved)
FLIP(f_arena_unused, m->heap.arenas[m->heap.maxarenas - 1]->prevarena)
FLIP(f_pool_count, find_pool(m)->count)
FLIP(f_pool_free, find_pool(m)->freeblock)
FLIP(f_pool_next, find_pool(m)->nextpool)
FLIP(f_pool_state, find_pool(m)->state)
FLIP(f_pool_slot, find_pool(m)->slots[2])
FLIP(f_raw_tag, find_raw(m, 1)->tag)
FLIP(f_raw_size, find_raw(m, 1)->size)
FLIP(f_raw_next, find_raw(m, 0)->next)
FLIP(f_raw_live, find_raw(m, 0)->live)
FLIP(f_raw_brk, m->heap.raw_brk)
FLIP(f_frame_ip, m->frames[1].ip)
FLIP(f_frame_lasti, m->frames[1].lasti)
FLIP(f_frame_line, m->frames[1].line)
FLIP(f_frame_addr, m->frames[0].addr)
FLIP(f_frame_sp, m->frames[0].sp)
FLIP(f_frame_func, m->frames[0].func)
FLIP(f_frame_globals, m->frames[1].globals)
FLIP(f_slot, m->slots[3])
FLIP(f_dstack_used, m->dstack_used)
FLIP(f_dstack_chunk, m->dstack_chunk)
FLIP(f_dstack_chunks, m->dstack_chunks)
FLIP(f_root, m->roots[2])
FLIP(f_gen_head, m->gen[0].head)
FLIP(f_gen_tail, m->gen[2].tail)
FLIP(f_gen_len, m->gen[1].len)
FLIP(f_gen_count, m->gen[0].count)
FLIP(f_gen_threshold, m->gen[2].threshold)
FLIP(f_gen_permanent, m->gen[GEN_PERMANENT].len)
FLIP(f_gen_working, m->gen[GC_STILL].head)
FLIP(f_gc_enabled, m->gc_enabled)
FLIP(f_gc_collecting, m->gc_collecting)
FLIP(f_gc_debug, m->gc_debug)
FLIP(f_exception, m->exception_pending)
FLIP(f_long_lived_total, m->long_lived_total)
FLIP(f_long_lived_pending, m->long_lived_pending)
FLIP(f_gc_garbage, m->gc_garbage)
FLIP(f_gc_collections, m->gc_collections[2])
FLIP(f_list_free, m->list_free.blocks[0])
FLIP(f_dict_free_max, m->dict_free.max)
FLIP(f_keys_free, m->dict_keys_free.blocks[0])
FLIP(f_tuple_free, m->tuple_free[0].blocks[0])
FLIP(f_trash_nesting, m->trash_nesting)
FLIP(f_trash_later, m->trash_later)
FLIP(f_io_pending, m->io_pending)
FLIP(f_out_byte, m->out[3])
FLIP(f_outlen, m->outlen)
FLIP(f_nevents, m->nevents)
FLIP(f_static_none, m->none)
FLIP(f_latin1, m->latin1[200])
/* The last element of every array: lengths are not one short. */
FLIP(f_obj_last, m->objs[m->nobjs - 1].flags)
FLIP(f_digit_last, obj_w(m, find_where(T_INT, is_bigint))->u.i.digits[
         abs(m_obj(m, find_where(T_INT, is_bigint))->u.i.size) - 1])
FLIP(f_str_byte_last, obj_w(m, find(T_STR))->u.s.utf8[m_obj(m, find(T_STR))->u.s.nbytes - 1])
FLIP(f_list_item_last, obj_w(m, m->roots[10])->u.l.items[m_obj(m, m->roots[10])->u.l.cap - 1])
FLIP(f_tuple_item_last, obj_w(m, find(T_TUPLE))->u.t.items[m_obj(m, find(T_TUPLE))->u.t.len - 1])
FLIP(f_dict_entry_last, find_dict(m, 0)->entries[2 * find_dict(m, 0)->nentries - 1])
FLIP(f_dict_index_last, find_dict(m, 0)->index[(1u << find_dict(m, 0)->log2size) - 1])
FLIP(f_split_slot_last, find_dict(m, 1)->values->slot[find_dict(m, 1)->values->n - 1])
FLIP(f_split_order_last, find_dict(m, 1)->values->order[find_dict(m, 1)->values->norder - 1])
FLIP(f_values_slot_last, find_values(m)->slot[find_values(m)->n - 1])
FLIP(f_values_order_last, find_values(m)->order[find_values(m)->norder - 1])
FLIP(f_set_entry_last, obj_w(m, find(T_SET))->u.set->table[m_obj(m, find(T_SET))->u.set->mask])
FLIP(f_class_key_last, obj_w(m, find(T_CLASS))->u.c->keys[m_obj(m, find(T_CLASS))->u.c->nkeys - 1])
FLIP(f_pool_slot_last, find_pool(m)->slots[find_pool(m)->nextblock - 1])
FLIP(f_pool_last, m->heap.arenas[m->heap.maxarenas - 1]->pools[HEAP_POOLS_PER_ARENA - 1].nextpool)
FLIP(f_nfp2lasta_first, m->heap.nfp2lasta[0])
FLIP(f_usedpools_last, m->heap.usedpools[HEAP_NCLASSES - 1])
FLIP(f_raw_last, m->heap.raw[m->heap.nraw - 1].chunk)
FLIP(f_small_int_last, m->small_ints[NSMALLNEG + NSMALLPOS - 1])
FLIP(f_latin1_last, m->latin1[255])
FLIP(f_frame_last, m->frames[m->nframes - 1].addr)
FLIP(f_slot_last, m->slots[m->nslots - 1])
FLIP(f_root_last, m->roots[m->nroots - 1])
FLIP(f_gen_last, m->gen[GC_NLISTS - 1].len)
FLIP(f_gc_collections_first, m->gc_collections[0])
FLIP(f_list_free_last, m->list_free.blocks[m->list_free.n - 1])
FLIP(f_tuple_free_last, m->tuple_free[TUPLE_FREELISTS - 1].max)
FLIP(f_out_last, m->out[m->outlen - 1])

/* A flag other than OF_LIVE, and OF_LIVE itself (the handle then
 * reads as a free one). */
static void
f_flags(Machine *m)
{
    obj_w(m, find(T_INSTANCE))->flags ^= OF_FINALIZED;
}

static void
f_flags_live(Machine *m)
{
    obj_w(m, find(T_CELL))->flags ^= OF_LIVE;
}

/* Swaps of equal values in different places: order counts too. */
static void
f_swap_free_chain(Machine *m)
{
    /* The first two free handles change places in the chain. */
    Handle a = m->free_handles, b = m_obj(m, a)->u.next_free;
    ck_assert_uint_ne(b, 0);
    m->free_handles = b;
    obj_w(m, a)->u.next_free = m_obj(m, b)->u.next_free;
    obj_w(m, b)->u.next_free = a;
}

static void
f_swap_list_free(Machine *m)
{
    uint64_t *v = m->list_free.blocks;
    uint64_t t = v[0];

    ck_assert_uint_ge(m->list_free.n, 2);
    v[0] = v[1];
    v[1] = t;
}

static void
f_swap_roots(Machine *m)
{
    Handle t = m->roots[5];

    m->roots[5] = m->roots[6];
    m->roots[6] = t;
}

/* The head of a raw chunk size's free chain: the raw block allocated
 * next.  The first flip empties the chain in rawfree, the second puts
 * the head back. */
static void
f_raw_free_head(Machine *m)
{
    static uint32_t at = UINT32_MAX, head;

    if (at != UINT32_MAX) {
        m->heap.rawfree_vals[at] = head;
        at = UINT32_MAX;
        return;
    }
    for (uint32_t i = 0; i < orig->heap.rawfree_cap; i++) {
        uint32_t v = orig->heap.rawfree_vals[i];
        if (v != 0 && v != UINT32_MAX) {
            at = i;
            head = v;
            m->heap.rawfree_vals[i] = UINT32_MAX;
            return;
        }
    }
    ck_abort_msg("no free raw chain");
}

static const struct {
    const char *name;
    Flip flip;
} flips[] = {
#define F(f) {#f, f}
    F(f_refcnt), F(f_addr), F(f_nbytes), F(f_gc_prev), F(f_gc_next), F(f_gc_refs),
    F(f_flags), F(f_flags_live), F(f_gen), F(f_aux), F(f_next_free), F(f_free_handles), F(f_live),
    F(f_static_next), F(f_digit), F(f_int_digit0), F(f_str_byte), F(f_str_kind),
    F(f_str_hash), F(f_str_len), F(f_list_item), F(f_list_len), F(f_list_stale),
    F(f_list_addr), F(f_tuple_item), F(f_dict_entry), F(f_dict_index), F(f_dict_usable),
    F(f_dict_used), F(f_dict_unicode), F(f_dict_keys_addr), F(f_split_slot),
    F(f_split_order), F(f_split_cls), F(f_values_slot), F(f_values_order),
    F(f_values_addr), F(f_set_entry), F(f_set_fill), F(f_set_addr), F(f_class_key),
    F(f_class_usable), F(f_class_del), F(f_class_bases), F(f_func_doc),
    F(f_func_weaklist), F(f_inst_weaklist), F(f_cell), F(f_module), F(f_iter_index),
    F(f_iter_step), F(f_weak_next), F(f_weak_referent), F(f_heap_unused),
    F(f_heap_usable), F(f_heap_nfp2lasta), F(f_heap_usedpools), F(f_heap_stat0),
    F(f_heap_stat1), F(f_heap_stat2), F(f_heap_stat3), F(f_heap_stat4), F(f_heap_stat5),
    F(f_heap_stat6), F(f_heap_stat7), F(f_arena_nfree), F(f_arena_next),
    F(f_arena_carved), F(f_arena_unused), F(f_pool_count), F(f_pool_free),
    F(f_pool_next), F(f_pool_state), F(f_pool_slot), F(f_raw_tag), F(f_raw_size),
    F(f_raw_next), F(f_raw_live), F(f_raw_brk), F(f_frame_ip), F(f_frame_lasti),
    F(f_frame_line), F(f_frame_addr), F(f_frame_sp), F(f_frame_func), F(f_frame_globals),
    F(f_slot), F(f_dstack_used), F(f_dstack_chunk), F(f_dstack_chunks), F(f_root),
    F(f_gen_head), F(f_gen_tail), F(f_gen_len), F(f_gen_count), F(f_gen_threshold),
    F(f_gen_permanent), F(f_gen_working), F(f_gc_enabled), F(f_gc_collecting),
    F(f_gc_debug), F(f_exception), F(f_long_lived_total), F(f_long_lived_pending),
    F(f_gc_garbage), F(f_gc_collections), F(f_list_free), F(f_dict_free_max),
    F(f_keys_free), F(f_tuple_free), F(f_trash_nesting), F(f_trash_later),
    F(f_io_pending), F(f_out_byte), F(f_outlen), F(f_nevents), F(f_static_none),
    F(f_latin1), F(f_obj_last), F(f_digit_last), F(f_str_byte_last), F(f_list_item_last),
    F(f_tuple_item_last), F(f_dict_entry_last), F(f_dict_index_last), F(f_split_slot_last),
    F(f_split_order_last), F(f_values_slot_last), F(f_values_order_last),
    F(f_set_entry_last), F(f_class_key_last), F(f_pool_slot_last), F(f_pool_last),
    F(f_nfp2lasta_first), F(f_usedpools_last), F(f_raw_last), F(f_small_int_last),
    F(f_latin1_last), F(f_frame_last), F(f_slot_last), F(f_root_last), F(f_gen_last),
    F(f_gc_collections_first), F(f_list_free_last), F(f_tuple_free_last), F(f_out_last),
    F(f_swap_free_chain), F(f_swap_list_free), F(f_swap_roots),
    F(f_raw_free_head),
#undef F
};

START_TEST(test_every_field_counts)
{
    Machine a, b;

    init(&a);
    build_rich(&a);
    ck_assert_uint_ge(a.list_free.n, 2);
    orig = &a;
    machine_copy(&b, &a);
    uint64_t h = HASH(&a);
    for (size_t i = 0; i < sizeof flips / sizeof *flips; i++) {
        flips[i].flip(&b);
        ck_assert_msg(HASH(&b) != h, "%s does not change the hash", flips[i].name);
        ck_assert_uint_eq(HASH(&a), h);
        flips[i].flip(&b);
        ck_assert_msg(HASH(&b) == h, "%s twice is not the original", flips[i].name);
    }
    CHECK_MACHINE(&b);
    machine_done(&a);
    machine_done(&b);
}
END_TEST

static void
sink(void *ctx, const Machine *m, const Event *e)
{
    (void)ctx;
    (void)m;
    (void)e;
}

/* Grow a host array to cap elements, the new ones scribbled on. */
static void *
grow(void *p, size_t n, size_t cap, size_t elem)
{
    char *q = realloc(p, cap * elem);

    ck_assert_ptr_nonnull(q);
    memset(q + n * elem, 0xa5, (cap - n) * elem);
    return q;
}

START_TEST(test_host_details_do_not_count)
{
    Machine a, b;

    init(&a);
    build_rich(&a);
    machine_copy(&b, &a);
    uint64_t h = HASH(&a);

    /* Host capacities, bigger than the copy's, with garbage beyond the
     * used part. */
    b.objs = grow(b.objs, b.nobjs, b.nobjs + 100, sizeof *b.objs);
    b.objcap = b.nobjs + 100;
    b.slots = grow(b.slots, b.nslots, b.nslots + 9, sizeof *b.slots);
    b.slotcap = b.nslots + 9;
    b.frames = grow(b.frames, b.nframes, b.nframes + 3, sizeof *b.frames);
    b.framecap = b.nframes + 3;
    b.roots = grow(b.roots, b.nroots, b.nroots + 5, sizeof *b.roots);
    b.rootcap = b.nroots + 5;
    b.out = grow(b.out, b.outlen + 1, b.outlen + 40, 1);
    b.outcap = b.outlen + 40;
    b.list_free.blocks = grow(b.list_free.blocks, b.list_free.n, b.list_free.n + 4, 8);
    b.list_free.cap = b.list_free.n + 4;
    b.heap.raw = grow(b.heap.raw, b.heap.nraw, b.heap.nraw + 7, sizeof *b.heap.raw);
    b.heap.rawcap = b.heap.nraw + 7;
    /* Padding, unused host slots and stale bytes. */
    for (Handle x = 0; x < b.nobjs; x++) {
        Object *o = &b.objs[x];
        size_t pad = offsetof(Object, aux) + 1;
        memset((char *)o + pad, 0x5a, offsetof(Object, u) - pad);
        if (o->type == T_CLASS && (o->flags & OF_LIVE)) {
            ClassVal *c = o->u.c;
            c->keys = grow(c->keys, c->nkeys, c->nkeys + 6, sizeof *c->keys);
            c->keys_cap = c->nkeys + 6;
        }
        if (o->type == T_DICT && (o->flags & OF_LIVE)) {
            Dict *d = o->u.d;
            size_t dpad = offsetof(Dict, split) + 1;
            memset((char *)d + dpad, 0x5a, offsetof(Dict, usable) - dpad);
            if (d->entries != NULL) {
                d->entries = grow(d->entries, 2 * (size_t)d->entries_cap,
                                  2 * (size_t)d->entries_cap + 10, sizeof *d->entries);
                memset(d->entries + 2 * d->entries_cap, 0, 10 * sizeof *d->entries);
                d->entries_cap += 5;
            }
        }
    }
    for (uint32_t s = 0; s < b.heap.maxarenas; s++) {
        for (int p = 0; p < HEAP_POOLS_PER_ARENA; p++) {
            Pool *pool = &b.heap.arenas[s]->pools[p];
            for (unsigned k = pool->nextblock; pool->slots != NULL && k < pool->nblocks; k++) {
                pool->slots[k] = 0xdeadbeefu;
            }
        }
    }
    /* The sink and the hooks. */
    machine_set_sink(&b, sink, &b);
    b.hooks.ctx = &b;
    b.hooks.gc_alloc = NULL;
    ck_assert_uint_eq(HASH(&b), h);
    CHECK_MACHINE(&b);

    /* A copy made from a copy with all this: the same hash again. */
    Machine c;
    machine_copy(&c, &b);
    ck_assert_uint_eq(HASH(&c), h);
    machine_done(&c);
    machine_done(&a);
    machine_done(&b);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The same primitives on the original and on copies.                */

static uint32_t
rnd(uint64_t *s, uint32_t n)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return (uint32_t)(*s % n);
}

static Handle
root_take(Machine *m, uint32_t i)
{
    Handle h = m->roots[i];

    m->roots[i] = m->roots[--m->nroots];
    return h;
}

static int
pick_root(Machine *m, uint64_t *s, ObjType t, uint32_t *out)
{
    for (int tries = 0; tries < 8; tries++) {
        uint32_t i = 1 + rnd(s, m->nroots - 1);
        if ((ObjType)m_obj(m, m->roots[i])->type == t) {
            *out = i;
            return 1;
        }
    }
    return 0;
}

static Handle
make_object(Machine *m, uint64_t *s)
{
    static const char *words[] = {"a", "bb", "caf\xc3\xa9", "\xe2\x82\xac!", "spam",
                                  "\xf0\x9f\x98\x80x"};
    switch (rnd(s, 11)) {
    case 0:
        return m_int(m, (int64_t)rnd(s, 2000) - 1000);
    case 1: {
        char buf[40];
        snprintf(buf, sizeof buf, "%u%u%u", rnd(s, 1000000000), rnd(s, 1000000000),
                 rnd(s, 1000));
        return m_int_from_decimal(m, buf);
    }
    case 2:
        return m_str_cstr(m, words[rnd(s, 6)]);
    case 3:
        return m_list_new(m, rnd(s, 3));
    case 4:
        return m_tuple_new(m, rnd(s, 4));
    case 5:
        return m_dict_new(m);
    case 6:
        return m_set_new(m);
    case 7:
    case 8:
        return m_instance_new(m, m->roots[0]);
    case 9:
        return text(m, 400 + rnd(s, 800), rnd(s, 1000));  /* often raw */
    default:
        return m_cell_new(m, 0);
    }
}

static void
random_op(Machine *m, uint64_t *s, const Handle *names)
{
    uint32_t i, j;
    Handle v;

    if (m->nroots < 10 || (m->nroots < 150 && rnd(s, 4) == 0)) {
        m_root_add(m, make_object(m, s));
        return;
    }
    switch (rnd(s, 26)) {
    case 0:                                   /* incref */
        i = 1 + rnd(s, m->nroots - 1);
        m_incref(m, m->roots[i]);
        m_root_add(m, m->roots[i]);
        break;
    case 1:
    case 2:                                   /* decref */
        m_decref(m, root_take(m, 1 + rnd(s, m->nroots - 1)));
        break;
    case 3:                                   /* store into a list slot */
        if (pick_root(m, s, T_LIST, &i) && m_obj(m, m->roots[i])->u.l.len > 0) {
            Handle l = m->roots[i];
            j = 1 + rnd(s, m->nroots - 1);
            if (m->roots[j] != l) {
                v = root_take(m, j);
                Handle old = m_store(m, l, rnd(s, m_obj(m, l)->u.l.len), v);
                if (old) {
                    m_root_add(m, old);
                }
            }
        }
        break;
    case 4:                                   /* store into a tuple or cell */
        if ((pick_root(m, s, T_TUPLE, &i) && m_obj(m, m->roots[i])->u.t.len > 0)
            || pick_root(m, s, T_CELL, &i)) {
            Handle c = m->roots[i];
            uint32_t slot = m_obj(m, c)->type == T_TUPLE ? rnd(s, m_obj(m, c)->u.t.len) : 0;
            j = 1 + rnd(s, m->nroots - 1);
            if (m->roots[j] != c) {
                v = root_take(m, j);
                Handle old = m_store(m, c, slot, v);
                if (old) {
                    m_root_add(m, old);
                }
            }
        }
        break;
    case 5:                                   /* list append */
        if (pick_root(m, s, T_LIST, &i)) {
            Handle l = m->roots[i];
            j = 1 + rnd(s, m->nroots - 1);
            if (m->roots[j] != l) {
                m_list_append(m, l, root_take(m, j));
            }
        }
        break;
    case 6:                                   /* list pop (shrinks) */
        if (pick_root(m, s, T_LIST, &i) && m_obj(m, m->roots[i])->u.l.len > 0) {
            Handle l = m->roots[i];
            uint32_t n = m_obj(m, l)->u.l.len;
            Handle old = m_store(m, l, n - 1, NULL_HANDLE);
            m_list_resize(m, l, n - 1);
            if (old) {
                m_root_add(m, old);
            }
        }
        break;
    case 7:                                   /* dict set */
        if (pick_root(m, s, T_DICT, &i)) {
            Handle k = rnd(s, 2) ? names[rnd(s, 4)] : m_int(m, rnd(s, 40));
            m_dict_setitem(m, m->roots[i], k, m->roots[1 + rnd(s, m->nroots - 1)]);
            if (m_obj(m, k)->type == T_INT) {
                m_decref(m, k);
            }
        }
        break;
    case 8:                                   /* dict delete */
        if (pick_root(m, s, T_DICT, &i)) {
            Handle k = m_int(m, rnd(s, 40));
            m_dict_delitem(m, m->roots[i], rnd(s, 2) ? names[rnd(s, 4)] : k);
            m_decref(m, k);
        }
        break;
    case 9:                                   /* dict copy or clear */
        if (pick_root(m, s, T_DICT, &i)) {
            if (rnd(s, 3) == 0) {
                m_dict_clear(m, m->roots[i]);
            } else {
                m_root_add(m, m_dict_copy(m, m->roots[i]));
            }
        }
        break;
    case 10:                                  /* set add, set merge */
        if (pick_root(m, s, T_SET, &i)) {
            if (rnd(s, 4) == 0 && pick_root(m, s, T_SET, &j)) {
                m_set_merge(m, m->roots[i], m->roots[j]);
                break;
            }
            Handle k = m_int(m, rnd(s, 100));
            m_set_add(m, m->roots[i], k);
            m_decref(m, k);
        }
        break;
    case 11:                                  /* setattr, delattr, __dict__ */
        if (pick_root(m, s, T_INSTANCE, &i)) {
            Handle n = names[rnd(s, 4)];
            if (rnd(s, 4) == 0) {
                m_inst_setattr(m, m->roots[i], n, 0);
            } else {
                m_inst_setattr(m, m->roots[i], n, m->roots[1 + rnd(s, m->nroots - 1)]);
            }
            if (rnd(s, 8) == 0) {
                Handle d = m_inst_dict(m, m->roots[i]);
                if (rnd(s, 2) == 0) {
                    m_incref(m, d);
                    m_root_add(m, d);
                }
            }
        }
        break;
    case 12:                                  /* a weak reference */
        if (pick_root(m, s, T_INSTANCE, &i)) {
            m_root_add(m, weakref_new(m, m->roots[i], NULL_HANDLE));
        }
        break;
    case 13:                                  /* frame push */
        if (m->nframes < 6) {
            m_frame_push(m, 0, 0, 0, 0, 3, 4, 0);
        }
        break;
    case 14:                                  /* bind a local */
        if (m->nframes > 0) {
            v = root_take(m, 1 + rnd(s, m->nroots - 1));
            Handle old = m_bind(m, rnd(s, 3), v);
            if (old) {
                m_root_add(m, old);
            }
        }
        break;
    case 15:                                  /* push */
        if (m->nframes > 0 && m_frame(m)->sp < m_frame(m)->stacksize) {
            m_push(m, root_take(m, 1 + rnd(s, m->nroots - 1)));
        }
        break;
    case 16:                                  /* pop */
        if (m->nframes > 0 && m_frame(m)->sp > 0) {
            m_root_add(m, m_pop(m));
        }
        break;
    case 17:                                  /* frame pop */
        if (m->nframes > 0) {
            m_frame_pop(m);
        }
        break;
    case 18: {                                /* output */
        char buf[32];
        int n = snprintf(buf, sizeof buf, "line %u\n", rnd(s, 100000));
        m_write(m, buf, (size_t)n);
        break;
    }
    case 19:                                  /* a collection */
        if (rnd(s, 8) == 0) {
            gc_collect(m, (int)rnd(s, 3));
        }
        break;
    case 20:                                  /* a cycle, dropped */
        if (pick_root(m, s, T_LIST, &i)) {
            Handle l = m->roots[i];
            m_incref(m, l);
            m_list_append(m, l, l);
        }
        break;
    default:                                  /* untrack / track */
        i = 1 + rnd(s, m->nroots - 1);
        if (m_is_gc(m, m->roots[i]) && m->roots[i] != m->empty_tuple) {
            if (m_obj(m, m->roots[i])->flags & OF_TRACKED) {
                m_untrack(m, m->roots[i]);
            } else {
                m_track(m, m->roots[i]);
            }
        }
        break;
    }
}

static void
random_start(Machine *m, Handle *names)
{
    static const char *nm[4] = {"x", "y", "z", "w"};

    init(m);
    m_root_add(m, m_class_new(m, "K", m_dict_new(m)));
    for (int k = 0; k < 4; k++) {
        names[k] = m_str_cstr(m, nm[k]);
        m_root_add(m, names[k]);
    }
}

/* Replace *m by a copy of itself (the copy's capacities start small). */
static void
recopy(Machine *m)
{
    Machine c;

    machine_copy(&c, m);
    machine_done(m);
    *m = c;
}

START_TEST(test_lockstep_random)
{
    uint64_t steps = 0;

    for (int round = 0; round < 3; round++) {
        Machine x, y;
        Handle names[4];
        uint64_t rng = 88172645463325252ull + (uint64_t)round * 104729;

        random_start(&x, names);
        machine_copy(&y, &x);
        for (int op = 1; op <= 3000; op++) {
            uint64_t sx = rng, sy = rng;
            random_op(&x, &sx, names);
            random_op(&y, &sy, names);
            ck_assert_uint_eq(sx, sy);
            rng = sx;
            ck_assert_msg(HASH(&x) == HASH(&y), "round %d: hashes differ after op %d",
                          round, op);
            if (op % 500 == 0) {
                recopy(&y);
                ck_assert_uint_eq(HASH(&x), HASH(&y));
            }
            if (op % 1200 == 0) {
                recopy(&x);
            }
            if (op % 250 == 0) {
                CHECK_MACHINE(&x);
                CHECK_MACHINE(&y);
            }
            steps++;
        }
        ck_assert_uint_gt(x.nevents, 4000);
        ck_assert_uint_gt(x.gc_collections[0] + x.gc_collections[1] + x.gc_collections[2], 0);
        /* Everything goes, the same way. */
        release_all(&x);
        release_all(&y);
        gc_collect(&x, 2);
        gc_collect(&y, 2);
        ck_assert_uint_eq(HASH(&x), HASH(&y));
        CHECK_MACHINE(&y);
        machine_done(&x);
        machine_done(&y);
    }
    ck_assert_uint_eq(steps, 9000);
}
END_TEST

/* A different history to the same kind of state is a different hash:
 * two seeds, two machines. */
START_TEST(test_different_histories_differ)
{
    Machine x, y;
    Handle nx[4], ny[4];
    uint64_t sx = 12345, sy = 54321;

    random_start(&x, nx);
    random_start(&y, ny);
    ck_assert_uint_eq(HASH(&x), HASH(&y));
    for (int op = 0; op < 500; op++) {
        random_op(&x, &sx, nx);
        random_op(&y, &sy, ny);
    }
    ck_assert_uint_ne(HASH(&x), HASH(&y));
    machine_done(&x);
    machine_done(&y);
}
END_TEST

/* A copy may be taken from the event sink, in the middle of a
 * primitive (an object half freed, a dict not yet given its keys): it
 * hashes as the machine does at that event and frees cleanly. */
static uint64_t sink_copies;

static void
copy_at_event(void *ctx, const Machine *m, const Event *e)
{
    Machine c;

    (void)ctx;
    (void)e;
    machine_copy(&c, m);
    ck_assert_uint_eq(machine_hash(&c), machine_hash(m));
    ck_assert_uint_eq(machine_host_bytes(&c), machine_host_bytes(m));
    machine_done(&c);
    sink_copies++;
}

START_TEST(test_copy_inside_events)
{
    Machine x;
    Handle names[4];
    uint64_t rng = 7777;

    random_start(&x, names);
    sink_copies = 0;
    uint64_t start = x.nevents;
    machine_set_sink(&x, copy_at_event, NULL);
    for (int op = 0; op < 1000; op++) {
        random_op(&x, &rng, names);
    }
    release_all(&x);
    gc_collect(&x, 2);
    ck_assert_uint_eq(sink_copies, x.nevents - start);
    ck_assert_uint_gt(sink_copies, 2000);
    machine_set_sink(&x, NULL, NULL);
    CHECK_MACHINE(&x);
    machine_done(&x);
}
END_TEST

START_TEST(test_large_copy)
{
    Machine a, b;

    init(&a);
    build_mixed(&a, 100000);
    machine_copy(&b, &a);
    ck_assert_uint_eq(HASH(&a), HASH(&b));
    ck_assert_uint_eq(machine_host_bytes(&a), machine_host_bytes(&b));
    CHECK_MACHINE(&b);
    machine_done(&a);
    release_all(&b);
    CHECK_MACHINE(&b);
    machine_done(&b);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Host sizes.                                                        */

/*
 * Every host allocation a copy of m holds, told from what machine_done
 * and heap_done free (an independent count, not machine_host_bytes's):
 * fn is called with the size of each.
 */
typedef struct Tally {
    size_t bytes;              /* requested */
    size_t chunks;             /* what glibc's malloc takes for them */
    size_t n;
} Tally;

static void
tally(Tally *t, size_t n)
{
    t->bytes += n;
    t->n++;
    /* glibc on 64-bit hosts: an 8-byte header, 16-byte multiples, 32
     * at least; very large requests are mapped, in whole pages. */
    if (n + 8 >= 128 * 1024) {
        t->chunks += (n + 16 + 4095) & ~(size_t)4095;
    } else {
        size_t c = (n + 8 + 15) & ~(size_t)15;
        t->chunks += c < 32 ? 32 : c;
    }
}

static void
tally_values(Tally *t, const Values *v)
{
    if (v != NULL) {
        tally(t, sizeof *v + v->n * (sizeof(Handle) + 1));
    }
}

static Tally
copy_allocations(const Machine *m)
{
    Tally t = {0, 0, 0};
    const Heap *h = &m->heap;

    for (uint32_t s = 0; s < h->maxarenas; s++) {
        tally(&t, sizeof(Arena));
        for (int p = 0; p < HEAP_POOLS_PER_ARENA; p++) {
            if (h->arenas[s]->pools[p].slots != NULL) {
                tally(&t, h->arenas[s]->pools[p].nblocks * sizeof(uint32_t));
            }
        }
    }
    if (h->maxarenas > 0) {
        tally(&t, h->maxarenas * sizeof(Arena *));
    }
    if (h->nraw > 0) {
        tally(&t, h->nraw * sizeof(RawBlock));
    }
    if (h->rawmap_cap > 0) {
        tally(&t, h->rawmap_cap * sizeof(uint64_t));
        tally(&t, h->rawmap_cap * sizeof(uint32_t));
    }
    if (h->rawfree_cap > 0) {
        tally(&t, h->rawfree_cap * sizeof(uint64_t));
        tally(&t, h->rawfree_cap * sizeof(uint32_t));
    }
    tally(&t, m->nobjs * sizeof(Object));
    for (Handle x = 1; x < m->nobjs; x++) {
        const Object *o = &m->objs[x];
        if (!(o->flags & OF_LIVE)) {
            continue;
        }
        switch ((ObjType)o->type) {
        case T_INT:
            if (o->u.i.digits != NULL) {
                tally(&t, (size_t)abs(o->u.i.size) * sizeof(uint32_t));
            }
            break;
        case T_STR:
            tally(&t, o->u.s.nbytes + 1);
            break;
        case T_LIST:
            if (o->u.l.cap > 0) {
                tally(&t, o->u.l.cap * sizeof(Handle));
            }
            break;
        case T_TUPLE:
            if (o->u.t.len > 0) {
                tally(&t, o->u.t.len * sizeof(Handle));
            }
            break;
        case T_DICT:
            tally(&t, sizeof(Dict));
            if (o->u.d->entries != NULL) {
                tally(&t, 2 * o->u.d->entries_cap * sizeof(Handle));
            }
            if (o->u.d->index != NULL) {
                tally(&t, ((size_t)1 << o->u.d->log2size) * sizeof(int32_t));
            }
            tally_values(&t, o->u.d->values);
            break;
        case T_SET:
            tally(&t, sizeof(SetVal));
            tally(&t, (o->u.set->mask + 1) * sizeof(Handle));
            break;
        case T_CLASS:
            tally(&t, sizeof(ClassVal));
            if (o->u.c->nkeys > 0) {
                tally(&t, o->u.c->nkeys * sizeof(Handle));
            }
            break;
        case T_FUNCTION:
            tally(&t, sizeof(FuncVal));
            break;
        case T_INSTANCE:
            tally_values(&t, o->u.inst.values);
            break;
        default:
            break;
        }
    }
    if (m->nframes > 0) {
        tally(&t, m->nframes * sizeof(Frame));
    }
    if (m->nslots > 0) {
        tally(&t, m->nslots * sizeof(Handle));
    }
    if (m->nroots > 0) {
        tally(&t, m->nroots * sizeof(Handle));
    }
    if (m->out != NULL) {
        tally(&t, m->outlen + 1);
    }
    const FreeList *fls[3 + TUPLE_FREELISTS] = {&m->list_free, &m->dict_free, &m->dict_keys_free};
    for (int i = 0; i < TUPLE_FREELISTS; i++) {
        fls[3 + i] = &m->tuple_free[i];
    }
    for (int i = 0; i < 3 + TUPLE_FREELISTS; i++) {
        if (fls[i]->n > 0) {
            tally(&t, fls[i]->n * sizeof(uint64_t));
        }
    }
    return t;
}

/* machine_host_bytes is sizeof(Machine) and the copy's allocations. */
static void
assert_host_bytes(const Machine *m)
{
    Tally t = copy_allocations(m);

    ck_assert_uint_eq(machine_host_bytes(m), sizeof(Machine) + t.bytes);
}

START_TEST(test_host_bytes_exact)
{
    Machine a, b;

    init(&a);
    assert_host_bytes(&a);
    build_rich(&a);
    assert_host_bytes(&a);
    machine_copy(&b, &a);
    assert_host_bytes(&b);
    ck_assert_uint_eq(machine_host_bytes(&a), machine_host_bytes(&b));
    release_all(&b);
    assert_host_bytes(&b);
    machine_done(&a);
    machine_done(&b);
    init(&a);
    build_mixed(&a, 20000);
    assert_host_bytes(&a);
    machine_done(&a);
}
END_TEST

START_TEST(test_host_bytes_grow)
{
    Machine m;
    size_t prev;

    init(&m);
    prev = machine_host_bytes(&m);
    ck_assert_uint_gt(prev, sizeof(Machine) + m.nobjs * sizeof(Object));
    Handle hold = m_list_new(&m, 0);
    m_root_add(&m, hold);
    for (int batch = 0; batch < 40; batch++) {
        for (int i = 0; i < 500; i++) {
            Handle v = batch % 2 ? m_dict_new(&m) : text(&m, 10 + (size_t)i % 300, (unsigned)i);
            m_list_append(&m, hold, v);
        }
        size_t n = machine_host_bytes(&m);
        ck_assert_uint_gt(n, prev);
        /* The object table, the str text (at least 10 bytes each) or
         * the dicts (a Dict each). */
        ck_assert_uint_gt(n, sizeof(Machine) + m.nobjs * sizeof(Object) + 250 * 10 * (batch + 1));
        prev = n;
    }
    /* And shrinks when the heap does. */
    ROOT_DROP(&m, hold);
    ck_assert_uint_lt(machine_host_bytes(&m), prev);
    machine_done(&m);
}
END_TEST

#if HAVE_LIBC_COUNT
static size_t
libc_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();

    return mi.uordblks + mi.hblkhd;
}

/* What machine_copy takes from the C library, by the library's count,
 * against the count of the copy's allocations with glibc's overhead,
 * and against machine_host_bytes without it. */
static void
measure(const Machine *a, const char *what, unsigned slack_percent)
{
    Machine *b = malloc(sizeof *b);
    Tally t = copy_allocations(a);
    size_t before = libc_in_use();

    machine_copy(b, a);
    size_t used = libc_in_use() - before;
    size_t counted = machine_host_bytes(a) - sizeof(Machine);
    machine_done(b);
    free(b);
    ck_assert_msg(used >= t.chunks * 97 / 100 && used <= t.chunks * 103 / 100,
                  "%s: %zu allocations take %zu bytes by glibc's rules but %zu by its count",
                  what, t.n, t.chunks, used);
    ck_assert_msg(used >= counted && used <= counted * (100 + slack_percent) / 100,
                  "%s: machine_host_bytes counts %zu bytes, the allocator %zu", what, counted,
                  used);
}
#endif

START_TEST(test_host_bytes_match_the_allocator)
{
#if HAVE_LIBC_COUNT
    Machine a;

    /* Mostly large arrays: the library's overhead is negligible. */
    init(&a);
    for (int i = 0; i < 24; i++) {
        m_root_add(&a, m_list_new(&a, 60000 + 1000 * (uint32_t)i));
    }
    measure(&a, "large arrays", 3);
    machine_done(&a);

    /* Every kind of object: still mostly large. */
    init(&a);
    build_rich(&a);
    measure(&a, "every kind", 5);
    machine_done(&a);

    /* Many small allocations: each costs a header and rounding. */
    init(&a);
    build_mixed(&a, 30000);
    measure(&a, "small objects", 30);
    machine_done(&a);
#endif
}
END_TEST

static Suite *
snapshot_suite(void)
{
    Suite *s = suite_create("snapshot");
    TCase *tc = tcase_create("snapshot");

    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_copy_fresh);
    tcase_add_test(tc, test_copy_rich);
    tcase_add_test(tc, test_mutations_change_hash);
    tcase_add_test(tc, test_every_field_counts);
    tcase_add_test(tc, test_host_details_do_not_count);
    tcase_add_test(tc, test_lockstep_random);
    tcase_add_test(tc, test_different_histories_differ);
    tcase_add_test(tc, test_copy_inside_events);
    tcase_add_test(tc, test_large_copy);
    tcase_add_test(tc, test_host_bytes_exact);
    tcase_add_test(tc, test_host_bytes_grow);
    tcase_add_test(tc, test_host_bytes_match_the_allocator);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(snapshot_suite());
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
