/*
 * check_gc.c: the collector phase by phase on hand-built heaps.
 *
 * A sink watches the event stream: at the start of each phase the
 * previous phase is complete, so the test inspects gc_refs and the
 * working lists exactly between phases, and runs the checker there.
 */
#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "sim/gc.h"
#include "testutil.h"

static Machine m;

static void
setup(void)
{
    machine_init(&m);
    m.gc_enabled = 0;
}

static void
teardown(void)
{
    machine_done(&m);
}

/* Snapshots taken at phase boundaries. */
typedef struct Snap {
    int32_t refs_after_update[16];
    int32_t refs_after_subtract[16];
    Handle unreachable[16];
    size_t nunreachable;
    Handle young[16];
    size_t nyoung;
    int phases[GC_NPHASES];
    int checked;
    int steps, steps_ok;
} Snap;

static Handle objs[16];
static size_t nobjs;
static Snap snap;

static void
list_of(const Machine *mm, int l, Handle *out, size_t *n)
{
    *n = 0;
    for (Handle h = mm->gen[l].head; h != NULL_HANDLE; h = mm->objs[h].gc_next) {
        out[(*n)++] = h;
    }
}

static void
watch(void *ctx, const Machine *mm, const Event *e)
{
    char msg[512];

    (void)ctx;
    if (e->kind == EV_GC_REFS || e->kind == EV_GC_MOVE || e->kind == EV_GC_MERGE) {
        /* The checker holds after every step of the collector. */
        snap.steps++;
        snap.steps_ok += machine_check(mm, msg, sizeof msg) == 0;
        return;
    }
    if (e->kind != EV_GC_PHASE) {
        return;
    }
    snap.phases[e->slot]++;
    snap.checked += machine_check(mm, msg, sizeof msg) == 0;
    if (e->slot == GC_PHASE_SUBTRACT_REFS && snap.phases[e->slot] == 1) {
        for (size_t i = 0; i < nobjs; i++) {
            snap.refs_after_update[i] = mm->objs[objs[i]].gc_refs;
        }
    } else if (e->slot == GC_PHASE_MOVE_UNREACHABLE && snap.phases[e->slot] == 1) {
        for (size_t i = 0; i < nobjs; i++) {
            snap.refs_after_subtract[i] = mm->objs[objs[i]].gc_refs;
        }
    } else if (e->slot == GC_PHASE_UNTRACK_TUPLES) {
        list_of(mm, GC_UNREACHABLE, snap.unreachable, &snap.nunreachable);
        list_of(mm, (int)e->a, snap.young, &snap.nyoung);
    }
}

static void
begin(void)
{
    memset(&snap, 0, sizeof snap);
    machine_set_sink(&m, watch, NULL);
}

/* a -> b -> a, plus c -> a where c is held by a root, plus d -> d. */
START_TEST(test_phases_on_a_small_heap)
{
    Handle a = m_list_new(&m, 0), b = m_list_new(&m, 0), c = m_list_new(&m, 0);
    Handle d = m_list_new(&m, 0);
    objs[0] = a;
    objs[1] = b;
    objs[2] = c;
    objs[3] = d;
    nobjs = 4;
    m_incref(&m, b);
    m_list_append(&m, a, b);
    m_incref(&m, a);
    m_list_append(&m, b, a);
    m_incref(&m, a);
    m_list_append(&m, c, a);
    m_incref(&m, d);
    m_list_append(&m, d, d);
    m_root_add(&m, c);            /* c stays reachable from outside */
    m_decref(&m, a);
    m_decref(&m, b);
    m_decref(&m, d);
    CHECK_MACHINE(&m);

    begin();
    int64_t n = gc_collect(&m, 2);
    machine_set_sink(&m, NULL, NULL);

    /* update_refs copied the refcounts: a 2 (b, c), b 1, c 1 (root), d 1. */
    ck_assert_int_eq(snap.refs_after_update[0], 2);
    ck_assert_int_eq(snap.refs_after_update[1], 1);
    ck_assert_int_eq(snap.refs_after_update[2], 1);
    ck_assert_int_eq(snap.refs_after_update[3], 1);
    /* subtract_refs left the references from outside: only c's root. */
    ck_assert_int_eq(snap.refs_after_subtract[0], 0);
    ck_assert_int_eq(snap.refs_after_subtract[1], 0);
    ck_assert_int_eq(snap.refs_after_subtract[2], 1);
    ck_assert_int_eq(snap.refs_after_subtract[3], 0);
    /* move_unreachable: d is garbage; a and b are reachable from c. */
    ck_assert_uint_eq(snap.nunreachable, 1);
    ck_assert_uint_eq(snap.unreachable[0], d);
    ck_assert_uint_eq(snap.nyoung, 3);
    ck_assert_int_eq(n, 1);
    ck_assert(!m_is_live(&m, d) || m_obj(&m, d)->type != T_LIST || m_obj(&m, d)->refcnt == 0
              || m_obj(&m, d)->u.l.len == 0);
    /* The checker passed at every phase boundary (update_refs,
     * subtract_refs and move_unreachable run twice: again after the
     * finalizers). */
    int total = 0;
    for (int p = 0; p < GC_NPHASES; p++) {
        total += snap.phases[p];
    }
    ck_assert_int_eq(snap.phases[GC_PHASE_UPDATE_REFS], 2);
    ck_assert_int_ge(total, 12);
    ck_assert_int_eq(snap.checked, total);
    ck_assert_int_gt(snap.steps, 20);
    ck_assert_int_eq(snap.steps_ok, snap.steps);
    CHECK_MACHINE(&m);
}
END_TEST

/* Objects reached late are moved back from unreachable, to the end. */
START_TEST(test_move_unreachable_order)
{
    /* young order: x, y, z with z -> y -> x and z held from outside. */
    Handle x = m_list_new(&m, 0), y = m_list_new(&m, 0), z = m_list_new(&m, 0);
    objs[0] = x;
    objs[1] = y;
    objs[2] = z;
    nobjs = 3;
    m_incref(&m, x);
    m_list_append(&m, y, x);
    m_incref(&m, y);
    m_list_append(&m, z, y);
    m_decref(&m, x);
    m_decref(&m, y);
    m_root_add(&m, z);
    begin();
    int64_t n = gc_collect(&m, 0);
    machine_set_sink(&m, NULL, NULL);
    ck_assert_int_eq(n, 0);
    /* x and y went to unreachable first, then came back after z. */
    ck_assert_uint_eq(snap.nunreachable, 0);
    ck_assert_uint_eq(snap.nyoung, 3);
    ck_assert_uint_eq(snap.young[0], z);
    ck_assert_uint_eq(snap.young[1], y);
    ck_assert_uint_eq(snap.young[2], x);
    /* Survivors of a generation-0 collection are promoted to 1. */
    ck_assert_int_eq(m_obj(&m, x)->gen, 1);
    ck_assert_int_eq(m_obj(&m, z)->gen, 1);
    ck_assert_uint_eq(m.gen[0].len, 0);
    ck_assert_int_eq(m.gen[1].count, 1);
    gc_collect(&m, 1);
    ck_assert_int_eq(m_obj(&m, z)->gen, 2);
    ck_assert_int_eq(m.gen[2].count, 1);
    CHECK_MACHINE(&m);
}
END_TEST

START_TEST(test_untracking)
{
    Handle one = m_int(&m, 1000);
    Handle t = m_tuple_new(&m, 1);
    m_store(&m, t, 0, one);
    Handle d = m_dict_new(&m);
    Handle l = m_list_new(&m, 0);
    Handle k = m_str_cstr(&m, "k");
    m_dict_setitem(&m, d, k, l);       /* a list value: the dict is tracked */
    ck_assert(m_obj(&m, d)->flags & OF_TRACKED);
    ck_assert(m_obj(&m, t)->flags & OF_TRACKED);
    m_root_add(&m, t);
    m_root_add(&m, d);
    m_root_add(&m, k);
    m_dict_setitem(&m, d, k, one);     /* now only atomic values */
    m_decref(&m, l);
    gc_collect(&m, 0);
    /* Any collection untracks a tuple of atomic values... */
    ck_assert(!(m_obj(&m, t)->flags & OF_TRACKED));
    /* ...dicts only a full one. */
    ck_assert(m_obj(&m, d)->flags & OF_TRACKED);
    gc_collect(&m, 2);
    ck_assert(!(m_obj(&m, d)->flags & OF_TRACKED));
    CHECK_MACHINE(&m);
}
END_TEST

static int finalized[8];
static int nfinalized;

static void
record_finalize(void *ctx, Machine *mm, Handle obj)
{
    (void)ctx;
    (void)mm;
    finalized[nfinalized++] = (int)obj;
}

START_TEST(test_finalizers_in_list_order)
{
    Handle cls = m_class_new(&m, "F", m_dict_new(&m));
    m_obj(&m, cls)->u.c->has_del = 1;
    m_root_add(&m, cls);
    Handle nm = m_str_cstr(&m, "n");
    m_root_add(&m, nm);
    Handle a = m_instance_new(&m, cls), b = m_instance_new(&m, cls), c = m_instance_new(&m, cls);
    m_inst_setattr(&m, a, nm, b);
    m_inst_setattr(&m, b, nm, c);
    m_inst_setattr(&m, c, nm, a);
    m_decref(&m, a);
    m_decref(&m, b);
    m_decref(&m, c);
    m.hooks.finalize = record_finalize;
    nfinalized = 0;
    int64_t n = gc_collect(&m, 2);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(nfinalized, 3);
    ck_assert_int_eq(finalized[0], (int)a);
    ck_assert_int_eq(finalized[1], (int)b);
    ck_assert_int_eq(finalized[2], (int)c);
    CHECK_MACHINE(&m);
}
END_TEST

START_TEST(test_automatic_collection)
{
    m.gc_enabled = 1;
    m.gen[0].threshold = 10;
    gc_collect(&m, 2);
    ck_assert_int_eq(m.gen[0].count, 0);
    Handle keep = m_list_new(&m, 0);
    m_root_add(&m, keep);
    for (int i = 0; i < 10; i++) {
        m_list_append(&m, keep, m_list_new(&m, 0));
    }
    /* 11 lists: the 11th allocation crossed the threshold. */
    ck_assert_int_eq(m.gen[0].count, 0);
    ck_assert_int_eq(m.gen[1].count, 1);
    ck_assert_int_eq(m.gc_collections[0], 1);
    CHECK_MACHINE(&m);
}
END_TEST

START_TEST(test_ring_of_ten_thousand)
{
    Handle first = m_list_new(&m, 0), prev = first;
    for (int i = 1; i < 10000; i++) {
        Handle l = m_list_new(&m, 0);
        m_list_append(&m, prev, l);
        prev = l;
    }
    m_incref(&m, first);
    m_list_append(&m, prev, first);
    m_decref(&m, first);
    ck_assert_int_eq(gc_collect(&m, 2), 10000);
    ck_assert_uint_eq(m.gen[2].len, 0);
    CHECK_MACHINE(&m);
}
END_TEST

static Suite *
gc_suite(void)
{
    Suite *s = suite_create("gc");
    TCase *tc = tcase_create("collector");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_phases_on_a_small_heap);
    tcase_add_test(tc, test_move_unreachable_order);
    tcase_add_test(tc, test_untracking);
    tcase_add_test(tc, test_finalizers_in_list_order);
    tcase_add_test(tc, test_automatic_collection);
    tcase_add_test(tc, test_ring_of_ten_thousand);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(gc_suite());
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
