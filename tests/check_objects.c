/*
 * check_objects.c: object sizes against CPython 3.11.
 *
 * tests/data/sizes.txt holds sys.getsizeof as measured by real CPython
 * (tests/gen-data.py); each line is rebuilt here with the machine's
 * operations and compared.
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/machine.h"
#include "sim/typeops.h"
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

/* Encode code point cp as UTF-8 into buf; returns the length. */
static size_t
utf8(char *buf, unsigned cp)
{
    if (cp < 0x80) {
        buf[0] = (char)cp;
        return 1;
    } else if (cp < 0x800) {
        buf[0] = (char)(0xc0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    } else if (cp < 0x10000) {
        buf[0] = (char)(0xe0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        buf[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    buf[0] = (char)(0xf0 | (cp >> 18));
    buf[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    buf[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    buf[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

static Handle
str_key(const char *prefix, long i)
{
    char buf[64];

    snprintf(buf, sizeof buf, "%s%ld", prefix, i);
    return m_str_cstr(&m, buf);
}

/* Build the object a line of sizes.txt describes; returns its size. */
static size_t
measure(const char *kind, const char *arg1, const char *arg2)
{
    long n = strtol(arg1, NULL, 10);
    size_t size = 0;
    Handle h = 0;

    if (strcmp(kind, "list_append") == 0) {
        h = m_list_new(&m, 0);
        for (long i = 0; i < n; i++) {
            m_list_append(&m, h, m_none(&m));
        }
    } else if (strcmp(kind, "dict_str") == 0 || strcmp(kind, "dict_int") == 0) {
        h = m_dict_new(&m);
        for (long i = 1; i <= n; i++) {
            Handle k = kind[5] == 's' ? str_key("k", i) : m_int(&m, i * 1000);
            m_dict_setitem(&m, h, k, m.none);
            m_decref(&m, k);
        }
    } else if (strcmp(kind, "dict_deleted6") == 0 || strcmp(kind, "dict_cleared") == 0) {
        h = m_dict_new(&m);
        for (long i = 0; i < 6; i++) {
            Handle k = str_key("k", i), v = m_int(&m, i);
            m_dict_setitem(&m, h, k, v);
            m_decref(&m, k);
            m_decref(&m, v);
        }
        for (long i = 0; i < 6; i++) {
            Handle k = str_key("k", i);
            ck_assert_int_eq(m_dict_delitem(&m, h, k), 0);
            m_decref(&m, k);
        }
        if (kind[5] == 'c') {
            m_dict_clear(&m, h);
        }
    } else if (strcmp(kind, "str") == 0) {
        long len = strtol(arg2, NULL, 10);
        char *buf = malloc((size_t)len * 4 + 1);
        size_t nb = 0;
        for (long i = 0; i < len; i++) {
            nb += utf8(buf + nb, (unsigned)n);
        }
        h = m_str(&m, buf, nb);
        free(buf);
        size = m_sizeof(&m, h);
        m_decref(&m, h);
        return size;
    } else if (strcmp(kind, "str_empty") == 0) {
        h = m_str(&m, "", 0);
    } else if (strcmp(kind, "int") == 0) {
        h = m_int_from_decimal(&m, arg1);
    } else if (strcmp(kind, "tuple") == 0) {
        h = m_tuple_new(&m, (uint32_t)n);
        for (long i = 0; i < n; i++) {
            m_store(&m, h, (uint32_t)i, m_int(&m, 1000 + i));
        }
    } else if (strcmp(kind, "set") == 0) {
        h = m_set_new(&m);
        for (long i = 1; i <= n; i++) {
            Handle k = m_int(&m, i);
            m_set_add(&m, h, k);
            m_decref(&m, k);
        }
    } else if (strcmp(kind, "instance") == 0 || strcmp(kind, "instance_dict") == 0
               || strcmp(kind, "class") == 0) {
        Handle cls = m_class_new(&m, "C", m_dict_new(&m));
        Handle c = m_instance_new(&m, cls);
        if (kind[0] == 'c') {
            size = m_sizeof(&m, cls);
        } else if (kind[8] == '_') {
            Handle x = m_str_cstr(&m, "x"), one = m_int(&m, 1);
            m_inst_setattr(&m, c, x, one);
            m_decref(&m, x);
            m_decref(&m, one);
            size = m_sizeof(&m, m_inst_dict(&m, c));
        } else {
            size = m_sizeof(&m, c);
        }
        m_decref(&m, c);
        m_decref(&m, cls);
        return size;
    } else if (strcmp(kind, "none") == 0) {
        h = m_none(&m);
    } else if (strcmp(kind, "bool") == 0) {
        h = m_bool(&m, 1);
    } else {
        ck_abort_msg("unknown line kind %s", kind);
    }
    size = m_sizeof(&m, h);
    m_decref(&m, h);
    return size;
}

START_TEST(test_sizes_match_cpython)
{
    FILE *fp = open_srcfile("tests/data/sizes.txt");
    char line[256];
    int lines = 0;

    while (fgets(line, sizeof line, fp) != NULL) {
        char kind[64], a1[80], a2[80], a3[80];
        if (line[0] == '#') {
            continue;
        }
        int k = sscanf(line, "%63s %79s %79s %79s", kind, a1, a2, a3);
        ck_assert_int_ge(k, 3);
        const char *want = k == 4 ? a3 : a2;
        size_t got = measure(kind, a1, k == 4 ? a2 : "0");
        ck_assert_msg(got == strtoul(want, NULL, 10), "%s %s%s%s: simulated %zu, CPython %s",
                      kind, a1, k == 4 ? " " : "", k == 4 ? a2 : "", got, want);
        lines++;
    }
    fclose(fp);
    ck_assert_int_ge(lines, 250);
    CHECK_MACHINE(&m);
    /* Everything built was released: only the static objects remain. */
    ck_assert_uint_eq(m.heap.stats.blocks_in_use, m.list_free.n + m.dict_free.n
                      + m.dict_keys_free.n + m.tuple_free[0].n + m.tuple_free[1].n
                      + m.tuple_free[2].n + m.tuple_free[3].n + m.tuple_free[4].n
                      + m.tuple_free[5].n + m.tuple_free[6].n + m.tuple_free[7].n);
}
END_TEST

START_TEST(test_small_ints_are_static)
{
    Handle a = m_int(&m, 256), b = m_int_from_decimal(&m, "256");
    Handle c = m_int(&m, 257), d = m_int(&m, 257);

    ck_assert_uint_eq(a, b);
    ck_assert_uint_ne(c, d);
    ck_assert(m_obj(&m, a)->flags & OF_STATIC);
    ck_assert_int_eq(m_obj(&m, a)->refcnt, STATIC_REFCNT + 2);
    ck_assert(!(m_obj(&m, c)->flags & OF_STATIC));
    m_decref(&m, a);
    m_decref(&m, b);
    m_decref(&m, c);
    m_decref(&m, d);
    CHECK_MACHINE(&m);
}
END_TEST

START_TEST(test_int_values)
{
    static const char *vals[] = {"0", "-5", "1073741823", "1073741824",
                                 "-9223372036854775807", "1000000000000000000000000000000"};
    for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
        Handle h = m_int_from_decimal(&m, vals[i]);
        int64_t v;
        if (i < 5) {
            ck_assert(m_int_fits(&m, h, &v));
            ck_assert_int_eq(v, strtoll(vals[i], NULL, 10));
        } else {
            ck_assert(!m_int_fits(&m, h, &v));
            ck_assert_int_eq(m_obj(&m, h)->u.i.size, 4);
        }
        m_decref(&m, h);
    }
}
END_TEST

START_TEST(test_dict_order_and_lookup)
{
    Handle d = m_dict_new(&m);
    Handle keys[30];

    m_root_add(&m, d);
    for (int i = 0; i < 30; i++) {
        keys[i] = str_key("key", i);
        m_root_add(&m, keys[i]);
        Handle v = m_int(&m, i * 7);
        m_dict_setitem(&m, d, keys[i], v);
        m_decref(&m, v);
    }
    for (int i = 0; i < 30; i += 3) {
        ck_assert_int_eq(m_dict_delitem(&m, d, keys[i]), 0);
    }
    for (int i = 0; i < 30; i++) {
        Handle v = m_dict_getitem(&m, d, keys[i]);
        if (i % 3 == 0) {
            ck_assert_uint_eq(v, 0);
        } else {
            int64_t x;
            ck_assert(m_int_fits(&m, v, &x));
            ck_assert_int_eq(x, i * 7);
        }
    }
    /* Insertion order survives deletions and resizes. */
    const Dict *dd = m_obj(&m, d)->u.d;
    int last = -1;
    for (uint32_t e = 0; e < dd->nentries; e++) {
        Handle k = dd->entries[2 * e];
        if (k == 0) {
            continue;
        }
        int i = atoi(m_obj(&m, k)->u.s.utf8 + 3);
        ck_assert_int_gt(i, last);
        last = i;
    }
    /* A non-str key turns the table general (24-byte entries). */
    ck_assert(dd->unicode);
    Handle one = m_int(&m, 1000);
    m_dict_setitem(&m, d, one, one);
    ck_assert(!m_obj(&m, d)->u.d->unicode);
    m_decref(&m, one);
    CHECK_MACHINE(&m);
    for (int i = 0; i < 30; i++) {
        ROOT_DROP(&m, keys[i]);
    }
    ROOT_DROP(&m, d);
    CHECK_MACHINE(&m);
}
END_TEST

START_TEST(test_instance_values_shrink)
{
    /* The values array of successive instances of a class shrinks by 8
     * bytes each until one slot remains (bytes requested: prefix plus 8
     * per slot; the reference's inst2.py). */
    Handle cls = m_class_new(&m, "E", m_dict_new(&m));
    Handle inst[32];
    uint64_t prev = 0;

    for (int i = 0; i < 32; i++) {
        inst[i] = m_instance_new(&m, cls);
        const Values *v = m_obj(&m, inst[i])->u.inst.values;
        size_t prefix = (v->n + 2 + 7) & ~(size_t)7;
        uint64_t bytes = prefix + 8 * v->n;
        ck_assert_uint_eq(v->n, i < 29 ? 29 - (unsigned)i : 1);
        if (i > 0 && i < 29) {
            ck_assert_uint_le(bytes, prev);
        }
        prev = bytes;
    }
    ck_assert_uint_eq(prev, 16);   /* steady state: 56 + 16 = 72 */
    for (int i = 0; i < 32; i++) {
        m_decref(&m, inst[i]);
    }
    m_decref(&m, cls);
    CHECK_MACHINE(&m);
}
END_TEST

/* Every type has its operations, and those that hold references can
 * name, release and visit them. */
START_TEST(test_type_ops_table)
{
    for (int t = 0; t < T_COUNT; t++) {
        const TypeOps *ops = type_ops[t];
        ck_assert_ptr_nonnull(ops);
        ck_assert_ptr_nonnull(ops->hash);
        if (ops->traverse != NULL || ops->release != NULL) {
            ck_assert_msg(ops->slot != NULL && ops->release != NULL && ops->traverse != NULL,
                          "%s: traverse, slot and release go together", type_info[t].pyname);
        }
        if (ops->host_copy != NULL) {
            ck_assert_msg(ops->host_free != NULL && ops->host_bytes != NULL,
                          "%s: a host payload is copied, counted and freed",
                          type_info[t].pyname);
        }
        if (ops->gc_traverse != NULL || ops->clear != NULL || ops->may_untrack != NULL) {
            ck_assert_msg(type_info[t].gc, "%s: collector operations on a non-GC type",
                          type_info[t].pyname);
        }
    }
}
END_TEST

typedef struct BodySeen {
    int allocs, without;
} BodySeen;

static void
body_sink(void *ctx, const Machine *mm, const Event *e)
{
    BodySeen *b = ctx;
    const Object *o = m_obj(mm, e->obj);

    if (e->kind != EV_ALLOC) {
        return;
    }
    b->allocs++;
    if ((o->type == T_DICT && o->u.d == NULL) || (o->type == T_SET && o->u.set == NULL)
        || (o->type == T_CLASS && o->u.c == NULL) || (o->type == T_FUNCTION && o->u.f == NULL)
        || (o->type == T_TUPLE && o->u.t.items == NULL)) {
        b->without++;
    }
}

/* Constructors allocate with the body: the sink sees it at EV_ALLOC. */
START_TEST(test_body_at_alloc)
{
    BodySeen b = {0, 0};

    machine_set_sink(&m, body_sink, &b);
    Handle cls = m_class_new(&m, "C", m_dict_new(&m));
    Handle s = m_set_new(&m);
    Handle t = m_tuple_new(&m, 3);
    Handle f = m_function_new(&m, NULL_HANDLE, NULL_HANDLE, m_str_cstr(&m, "f"),
                              NULL_HANDLE, NULL_HANDLE);
    machine_set_sink(&m, NULL, NULL);
    ck_assert_int_ge(b.allocs, 5);
    ck_assert_int_eq(b.without, 0);
    m_decref(&m, f);
    m_decref(&m, t);
    m_decref(&m, s);
    m_decref(&m, cls);
    CHECK_MACHINE(&m);
}
END_TEST

static Suite *
objects_suite(void)
{
    Suite *s = suite_create("objects");
    TCase *tc = tcase_create("sizes");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_sizes_match_cpython);
    tcase_add_test(tc, test_small_ints_are_static);
    tcase_add_test(tc, test_int_values);
    tcase_add_test(tc, test_dict_order_and_lookup);
    tcase_add_test(tc, test_instance_values_shrink);
    tcase_add_test(tc, test_type_ops_table);
    tcase_add_test(tc, test_body_at_alloc);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(objects_suite());
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
