/*
 * check_machine.c: primitives, frames, deallocation order and cascades,
 * free lists and generation counts, and the checker after every
 * primitive of long random sequences.
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/machine.h"
#include "testutil.h"

static Machine m;

static void
setup(void)
{
    machine_init(&m);
}

static void
teardown(void)
{
    machine_done(&m);
}

/* An event recorder. */
typedef struct Rec {
    Event *v;
    size_t n, cap;
} Rec;

static void
record(void *ctx, const Machine *mm, const Event *e)
{
    Rec *r = ctx;

    (void)mm;
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 256;
        r->v = realloc(r->v, r->cap * sizeof *r->v);
    }
    r->v[r->n++] = *e;
}

/* Handles of the objects freed, in order. */
static size_t
freed(const Rec *r, Handle *out, size_t max)
{
    size_t k = 0;

    for (size_t i = 0; i < r->n && k < max; i++) {
        if (r->v[i].kind == EV_FREE || r->v[i].kind == EV_FREELIST) {
            out[k++] = r->v[i].obj;
        }
    }
    return k;
}

START_TEST(test_incref_decref_events)
{
    Rec r = {0};
    Handle l = m_list_new(&m, 0);

    machine_set_sink(&m, record, &r);
    m_incref(&m, l);
    m_decref(&m, l);
    ck_assert_uint_eq(r.n, 2);
    ck_assert_int_eq(r.v[0].kind, EV_INCREF);
    ck_assert_int_eq(r.v[0].a, 1);
    ck_assert_int_eq(r.v[0].b, 2);
    ck_assert_int_eq(r.v[1].kind, EV_DECREF);
    ck_assert_int_eq(r.v[1].b, 1);
    m_decref(&m, l);
    ck_assert_int_eq(r.v[2].kind, EV_DECREF);
    ck_assert_int_eq(r.v[3].kind, EV_DEALLOC);
    ck_assert_int_eq(r.v[4].kind, EV_UNTRACK);
    ck_assert(!m_is_live(&m, l) || m_obj(&m, l)->type != T_LIST);
    free(r.v);
    CHECK_MACHINE(&m);
}
END_TEST

START_TEST(test_list_releases_last_item_first)
{
    Rec r = {0};
    Handle l = m_list_new(&m, 0), items[4];

    for (int i = 0; i < 4; i++) {
        items[i] = m_list_new(&m, 0);
        m_list_append(&m, l, items[i]);
    }
    machine_set_sink(&m, record, &r);
    m_decref(&m, l);
    Handle f[8];
    size_t n = freed(&r, f, 8);
    ck_assert_uint_eq(n, 5);
    ck_assert_uint_eq(f[0], items[3]);
    ck_assert_uint_eq(f[1], items[2]);
    ck_assert_uint_eq(f[2], items[1]);
    ck_assert_uint_eq(f[3], items[0]);
    ck_assert_uint_eq(f[4], l);    /* the list itself last */
    free(r.v);
    CHECK_MACHINE(&m);
}
END_TEST

START_TEST(test_dict_releases_first_entry_first)
{
    Rec r = {0};
    Handle d = m_dict_new(&m), vals[3];

    for (int i = 0; i < 3; i++) {
        Handle k = m_int(&m, i);
        vals[i] = m_list_new(&m, 0);
        m_dict_setitem(&m, d, k, vals[i]);
        m_decref(&m, vals[i]);
        m_decref(&m, k);
    }
    machine_set_sink(&m, record, &r);
    m_decref(&m, d);
    Handle f[8];
    size_t n = freed(&r, f, 8);
    ck_assert_uint_eq(n, 4);
    ck_assert_uint_eq(f[0], vals[0]);
    ck_assert_uint_eq(f[1], vals[1]);
    ck_assert_uint_eq(f[2], vals[2]);
    ck_assert_uint_eq(f[3], d);
    free(r.v);
    CHECK_MACHINE(&m);
}
END_TEST

START_TEST(test_instance_releases_in_class_key_order)
{
    Rec r = {0};
    Handle cls = m_class_new(&m, "P", m_dict_new(&m));
    Handle a = m_instance_new(&m, cls), b = m_instance_new(&m, cls);
    Handle nx = m_str_cstr(&m, "x"), ny = m_str_cstr(&m, "y");
    Handle v[4];

    for (int i = 0; i < 4; i++) {
        v[i] = m_list_new(&m, 0);
    }
    /* The class sees x first (from a); b sets y before x. */
    m_inst_setattr(&m, a, nx, v[0]);
    m_inst_setattr(&m, b, ny, v[1]);
    m_inst_setattr(&m, b, nx, v[2]);
    for (int i = 0; i < 3; i++) {
        m_decref(&m, v[i]);
    }
    machine_set_sink(&m, record, &r);
    m_decref(&m, b);
    Handle f[8];
    size_t n = freed(&r, f, 8);
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(f[0], v[2]);  /* x: the class's first key */
    ck_assert_uint_eq(f[1], v[1]);  /* y */
    ck_assert_uint_eq(f[2], b);
    /* The class is released after the instance is freed. */
    ck_assert_int_eq(r.v[r.n - 1].kind, EV_DECREF);
    ck_assert_uint_eq(r.v[r.n - 1].obj, cls);
    m_decref(&m, v[3]);
    m_decref(&m, a);
    m_decref(&m, nx);
    m_decref(&m, ny);
    m_decref(&m, cls);
    free(r.v);
    CHECK_MACHINE(&m);
}
END_TEST

/* The trashcan: a chain of [Leaf(i), next] lists is dropped; __del__
 * order as CPython 3.11 printed it (tests/data/trashcan.txt). */
static Handle name_i;
static long del_order[400];
static int ndel;

static void
record_del(void *ctx, Machine *mm, Handle obj)
{
    int64_t v;

    (void)ctx;
    ck_assert(m_int_fits(mm, m_inst_getattr(mm, obj, name_i), &v));
    del_order[ndel++] = (long)v;
}

START_TEST(test_trashcan_order)
{
    FILE *fp = open_srcfile("tests/data/trashcan.txt");
    char line[4096];
    long want[400];
    int nwant = 0;

    while (fgets(line, sizeof line, fp) != NULL) {
        if (line[0] == '#') {
            continue;
        }
        for (char *p = strtok(line, " \n"); p != NULL; p = strtok(NULL, " \n")) {
            want[nwant++] = strtol(p, NULL, 10);
        }
    }
    fclose(fp);
    ck_assert_int_eq(nwant, 160);

    Handle cls = m_class_new(&m, "Leaf", m_dict_new(&m));
    m_obj(&m, cls)->u.c->has_del = 1;
    m_root_add(&m, cls);
    name_i = m_str_cstr(&m, "i");
    m_root_add(&m, name_i);
    m.hooks.finalize = record_del;
    ndel = 0;
    Handle head = m_none(&m);
    m_root_add(&m, head);
    for (int i = 0; i < 160; i++) {
        Handle leaf = m_instance_new(&m, cls);
        Handle iv = m_int(&m, i);
        m_inst_setattr(&m, leaf, name_i, iv);
        m_decref(&m, iv);
        Handle l = m_list_new(&m, 2);
        m_store(&m, l, 0, leaf);
        m.roots[m.nroots - 1] = l;      /* the root's reference moves into l */
        m_store(&m, l, 1, head);
        head = l;
    }
    CHECK_MACHINE(&m);
    ROOT_DROP(&m, head);
    ck_assert_int_eq(ndel, 160);
    for (int i = 0; i < 160; i++) {
        ck_assert_msg(del_order[i] == want[i], "__del__ #%d: simulated %ld, CPython %ld",
                      i, del_order[i], want[i]);
    }
    ck_assert_int_eq(m.trash_nesting, 0);
    ck_assert_uint_eq(m.trash_later, 0);
    ROOT_DROP(&m, name_i);
    ROOT_DROP(&m, cls);
    CHECK_MACHINE(&m);
}
END_TEST

START_TEST(test_million_node_cascade)
{
    /* 1,000,000 nested lists [[[...]]]: the head's decref frees them all
     * without the host's C stack (the trashcan defers every 50 levels). */
    uint64_t blocks0 = m.heap.stats.blocks_in_use;
    Handle head = m_list_new(&m, 0);

    for (int i = 0; i < 1000000; i++) {
        Handle l = m_list_new(&m, 1);
        m_store(&m, l, 0, head);
        head = l;
    }
    ck_assert_uint_ge(m.live, 1000000);
    m_decref(&m, head);
    ck_assert_uint_eq(m.heap.stats.blocks_in_use, blocks0 + LIST_FREELIST_MAX);
    ck_assert_uint_eq(m.list_free.n, LIST_FREELIST_MAX);
    CHECK_MACHINE(&m);
}
END_TEST

START_TEST(test_million_cell_cascade)
{
    /* Cells have no trashcan: 1,000,000 nested deallocations deep, as
     * CPython would recurse, on our explicit stack. */
    Handle head = m_none(&m);

    for (int i = 0; i < 1000000; i++) {
        head = m_cell_new(&m, head);
    }
    m_decref(&m, head);
    ck_assert_uint_eq(m.heap.stats.blocks_in_use, 0);
    ck_assert_uint_eq(m.heap.stats.arenas_current, 1);
    CHECK_MACHINE(&m);
}
END_TEST

START_TEST(test_frames_release_locals_in_order)
{
    Rec r = {0};
    Handle v[3];

    m_frame_push(&m, 0, 0, 0, 0, 3, 2, 0);
    for (int i = 0; i < 3; i++) {
        v[i] = m_list_new(&m, 0);
        ck_assert_uint_eq(m_bind(&m, (uint32_t)i, v[i]), 0);
    }
    m_push(&m, m_list_new(&m, 0));
    Handle top = m_peek(&m, 0);
    CHECK_MACHINE(&m);
    machine_set_sink(&m, record, &r);
    m_frame_pop(&m);
    Handle f[8];
    size_t n = freed(&r, f, 8);
    ck_assert_uint_eq(n, 4);
    ck_assert_uint_eq(f[0], v[0]);
    ck_assert_uint_eq(f[1], v[1]);
    ck_assert_uint_eq(f[2], v[2]);
    ck_assert_uint_eq(f[3], top);
    ck_assert_int_eq(r.v[0].kind, EV_FRAME_POP);
    free(r.v);
    CHECK_MACHINE(&m);
}
END_TEST

START_TEST(test_frame_addresses)
{
    uint32_t d0 = m_frame_push(&m, 0, 0, 0, 0, 2, 3, 0);
    uint64_t a0 = m.frames[d0].addr;
    uint32_t d1 = m_frame_push(&m, 0, 0, 0, 0, 4, 2, 0);

    ck_assert_uint_eq(d1, 1);
    /* 8 * (9 specials + 2 locals + 3 stack) bytes further on. */
    ck_assert_uint_eq(m.frames[d1].addr, a0 + 8 * (9 + 2 + 3));
    m_frame_pop(&m);
    m_frame_pop(&m);
    ck_assert_uint_eq(m.nframes, 0);
}
END_TEST

static Handle resurrect_into;

static void
resurrect(void *ctx, Machine *mm, Handle obj)
{
    (void)ctx;
    m_incref(mm, obj);
    m_list_append(mm, resurrect_into, obj);
}

START_TEST(test_resurrection_by_finalizer)
{
    Handle cls = m_class_new(&m, "R", m_dict_new(&m));
    m_obj(&m, cls)->u.c->has_del = 1;
    resurrect_into = m_list_new(&m, 0);
    m_root_add(&m, resurrect_into);
    m_root_add(&m, cls);
    Handle x = m_instance_new(&m, cls);
    m.hooks.finalize = resurrect;
    m_decref(&m, x);
    /* Alive again, finalized, tracked, one reference from the list. */
    ck_assert(m_is_live(&m, x));
    ck_assert_int_eq(m_obj(&m, x)->refcnt, 1);
    ck_assert(m_obj(&m, x)->flags & OF_FINALIZED);
    ck_assert(m_obj(&m, x)->flags & OF_TRACKED);
    CHECK_MACHINE(&m);
    /* __del__ runs at most once: the second death is final. */
    m_list_resize(&m, resurrect_into, 0);
    m_decref(&m, x);
    ck_assert(!m_is_live(&m, x) || m_obj(&m, x)->type != T_INSTANCE);
    CHECK_MACHINE(&m);
}
END_TEST

START_TEST(test_gen0_count_and_free_lists)
{
    int64_t c0 = m.gen[0].count;
    Handle a = m_list_new(&m, 0);
    Handle s = m_str_cstr(&m, "not a container");

    ck_assert_int_eq(m.gen[0].count, c0 + 1);     /* GC types only */
    uint64_t addr = m_obj(&m, a)->addr;
    m_decref(&m, a);
    /* Onto the list free list: the count is not lowered... */
    ck_assert_int_eq(m.gen[0].count, c0 + 1);
    Handle b = m_list_new(&m, 0);
    /* ...and reuse does not raise it; same address. */
    ck_assert_int_eq(m.gen[0].count, c0 + 1);
    ck_assert_uint_eq(m_obj(&m, b)->addr, addr);
    m_decref(&m, b);
    /* A set has no free list: its free lowers the count. */
    Handle st = m_set_new(&m);
    ck_assert_int_eq(m.gen[0].count, c0 + 2);
    m_decref(&m, st);
    ck_assert_int_eq(m.gen[0].count, c0 + 1);
    m_decref(&m, s);
    CHECK_MACHINE(&m);
}
END_TEST

/* ---- Random sequences, the checker after every primitive. ---- */

static uint64_t rng = 88172645463325252ull;

static uint32_t
rnd(uint32_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng % n);
}

static Handle
root_take(uint32_t i)
{
    Handle h = m.roots[i];

    m.roots[i] = m.roots[--m.nroots];
    return h;
}

static int
pick_root(ObjType t, uint32_t *out)
{
    if (m.nroots == 0) {
        return 0;
    }
    for (int tries = 0; tries < 8; tries++) {
        uint32_t i = rnd(m.nroots);
        if ((ObjType)m_obj(&m, m.roots[i])->type == t) {
            *out = i;
            return 1;
        }
    }
    return 0;
}

static Handle
make_object(void)
{
    static const char *words[] = {"a", "bb", "caf\xc3\xa9", "\xe2\x82\xac!", "spam",
                                  "\xf0\x9f\x98\x80x"};
    switch (rnd(9)) {
    case 0:
        return m_int(&m, (int64_t)rnd(2000) - 1000);
    case 1: {
        char buf[40];
        snprintf(buf, sizeof buf, "%u%u%u", rnd(1000000000), rnd(1000000000), rnd(1000));
        return m_int_from_decimal(&m, buf);
    }
    case 2:
        return m_str_cstr(&m, words[rnd(6)]);
    case 3:
        return m_list_new(&m, rnd(3));
    case 4:
        return m_tuple_new(&m, rnd(4));
    case 5:
        return m_dict_new(&m);
    case 6:
        return m_set_new(&m);
    case 7: {
        Handle cls = m.roots[0];          /* the class, root 0 */
        return m_instance_new(&m, cls);
    }
    default:
        return m_cell_new(&m, 0);
    }
}

static void
random_op(Handle *names)
{
    uint32_t i, j;
    Handle v;

    if (m.nroots < 8 || (m.nroots < 120 && rnd(4) == 0)) {
        m_root_add(&m, make_object());
        return;
    }
    switch (rnd(16)) {
    case 0:                                   /* incref */
        i = 1 + rnd(m.nroots - 1);
        m_incref(&m, m.roots[i]);
        m_root_add(&m, m.roots[i]);
        break;
    case 1:
    case 2:                                   /* decref */
        m_decref(&m, root_take(1 + rnd(m.nroots - 1)));
        break;
    case 3:                                   /* store into a list slot */
        if (pick_root(T_LIST, &i) && m_obj(&m, m.roots[i])->u.l.len > 0) {
            Handle l = m.roots[i];
            j = 1 + rnd(m.nroots - 1);
            if (m.roots[j] == l) {
                break;
            }
            v = root_take(j);
            Handle old = m_store(&m, l, rnd(m_obj(&m, l)->u.l.len), v);
            if (old) {
                m_root_add(&m, old);
            }
        }
        break;
    case 4:                                   /* store into a tuple or cell */
        if ((pick_root(T_TUPLE, &i) && m_obj(&m, m.roots[i])->u.t.len > 0)
            || pick_root(T_CELL, &i)) {
            Handle c = m.roots[i];
            uint32_t slot = m_obj(&m, c)->type == T_TUPLE ? rnd(m_obj(&m, c)->u.t.len) : 0;
            j = 1 + rnd(m.nroots - 1);
            if (m.roots[j] == c) {
                break;
            }
            v = root_take(j);
            Handle old = m_store(&m, c, slot, v);
            if (old) {
                m_root_add(&m, old);
            }
        }
        break;
    case 5:                                   /* list append */
        if (pick_root(T_LIST, &i)) {
            Handle l = m.roots[i];
            j = 1 + rnd(m.nroots - 1);
            if (m.roots[j] != l) {
                m_list_append(&m, l, root_take(j));
            }
        }
        break;
    case 6:                                   /* dict set */
        if (pick_root(T_DICT, &i)) {
            Handle k = rnd(2) ? names[rnd(4)] : m_int(&m, rnd(40));
            m_dict_setitem(&m, m.roots[i], k, m.roots[1 + rnd(m.nroots - 1)]);
            if (m_obj(&m, k)->type == T_INT) {
                m_decref(&m, k);
            }
        }
        break;
    case 7:                                   /* dict delete */
        if (pick_root(T_DICT, &i)) {
            Handle k = m_int(&m, rnd(40));
            m_dict_delitem(&m, m.roots[i], rnd(2) ? names[rnd(4)] : k);
            m_decref(&m, k);
        }
        break;
    case 8:                                   /* set add */
        if (pick_root(T_SET, &i)) {
            Handle k = m_int(&m, rnd(100));
            m_set_add(&m, m.roots[i], k);
            m_decref(&m, k);
        }
        break;
    case 9:                                   /* setattr / delattr */
        if (pick_root(T_INSTANCE, &i)) {
            Handle n = names[rnd(4)];
            if (rnd(4) == 0) {
                m_inst_setattr(&m, m.roots[i], n, 0);
            } else {
                m_inst_setattr(&m, m.roots[i], n, m.roots[1 + rnd(m.nroots - 1)]);
            }
            if (rnd(8) == 0) {
                m_inst_dict(&m, m.roots[i]);
            }
        }
        break;
    case 10:                                  /* frame push */
        if (m.nframes < 6) {
            m_frame_push(&m, 0, 0, 0, 0, 3, 4, 0);
        }
        break;
    case 11:                                  /* bind a local */
        if (m.nframes > 0) {
            v = root_take(1 + rnd(m.nroots - 1));
            Handle old = m_bind(&m, rnd(3), v);
            if (old) {
                m_root_add(&m, old);
            }
        }
        break;
    case 12:                                  /* push */
        if (m.nframes > 0 && m_frame(&m)->sp < m_frame(&m)->stacksize) {
            m_push(&m, root_take(1 + rnd(m.nroots - 1)));
        }
        break;
    case 13:                                  /* pop */
        if (m.nframes > 0 && m_frame(&m)->sp > 0) {
            m_root_add(&m, m_pop(&m));
        }
        break;
    case 14:                                  /* frame pop */
        if (m.nframes > 0) {
            m_frame_pop(&m);
        }
        break;
    default:                                  /* untrack / track */
        i = 1 + rnd(m.nroots - 1);
        if (m_is_gc(&m, m.roots[i]) && m.roots[i] != m.empty_tuple) {
            if (m_obj(&m, m.roots[i])->flags & OF_TRACKED) {
                m_untrack(&m, m.roots[i]);
            } else {
                m_track(&m, m.roots[i]);
            }
        }
        break;
    }
}

START_TEST(test_random_primitives_checked)
{
    uint64_t primitives = 0, checks = 0;

    for (int round = 0; round < 25; round++) {
        machine_done(&m);
        machine_init(&m);
        rng = 88172645463325252ull + (uint64_t)round * 7919;
        m_root_add(&m, m_class_new(&m, "K", m_dict_new(&m)));
        /* One-character names are static strings: never freed. */
        Handle names[4];
        const char *nm[4] = {"x", "y", "z", "w"};
        for (int k = 0; k < 4; k++) {
            names[k] = m_str_cstr(&m, nm[k]);
            m_root_add(&m, names[k]);
        }
        uint64_t start = m.nevents;
        for (int op = 0; op < 4000; op++) {
            random_op(names);
            CHECK_MACHINE(&m);
            checks++;
        }
        /* Unwind: every frame and root released; the rest is cycles. */
        while (m.nframes > 0) {
            m_frame_pop(&m);
            CHECK_MACHINE(&m);
        }
        while (m.nroots > 0) {
            m_decref(&m, root_take(m.nroots - 1));
            CHECK_MACHINE(&m);
            checks++;
        }
        primitives += m.nevents - start;
    }
    ck_assert_uint_ge(primitives, 100000);
    ck_assert_uint_ge(checks, 100000);
}
END_TEST

/* The state check finds a change made outside a primitive, and names
 * the primitive that found it; primitives alone pass. */
START_TEST(test_verify_finds_silent_changes)
{
    Handle l = m_list_new(&m, 0);

    machine_set_verify(&m, 1);
    for (int i = 0; i < 10; i++) {
        m_list_append(&m, l, m_int(&m, 1000 + i));
    }
    for (uint32_t i = 10; i-- > 4;) {
        m_decref(&m, m_store(&m, l, i, NULL_HANDLE));
    }
    m_list_set_len(&m, l, 4);
    m_incref(&m, l);
    m_decref(&m, l);
    ck_assert_uint_eq(m.verify_failures, 0);
    m.gen[0].threshold = 5;                 /* no primitive, no event */
    m_incref(&m, l);
    ck_assert_uint_eq(m.verify_failures, 1);
    ck_assert_str_eq(m.verify_where, "m_incref");
    ck_assert_uint_eq(m.verify_kind, EV_DECREF);
    m_decref(&m, l);
    ck_assert_uint_eq(m.verify_failures, 1);
    machine_set_verify(&m, 0);
    m_decref(&m, l);
}
END_TEST

static Suite *
machine_suite(void)
{
    Suite *s = suite_create("machine");
    TCase *tc = tcase_create("primitives");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_incref_decref_events);
    tcase_add_test(tc, test_verify_finds_silent_changes);
    tcase_add_test(tc, test_list_releases_last_item_first);
    tcase_add_test(tc, test_dict_releases_first_entry_first);
    tcase_add_test(tc, test_instance_releases_in_class_key_order);
    tcase_add_test(tc, test_trashcan_order);
    tcase_add_test(tc, test_million_node_cascade);
    tcase_add_test(tc, test_million_cell_cascade);
    tcase_add_test(tc, test_frames_release_locals_in_order);
    tcase_add_test(tc, test_frame_addresses);
    tcase_add_test(tc, test_resurrection_by_finalizer);
    tcase_add_test(tc, test_gen0_count_and_free_lists);
    tcase_add_test(tc, test_random_primitives_checked);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(machine_suite());
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
