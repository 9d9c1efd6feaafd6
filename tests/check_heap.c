/*
 * check_heap.c: pymalloc's block, pool and arena choices.
 */
#include <config.h>

#include <check.h>
#include <stdlib.h>

#include "sim/heap.h"

static Heap heap;
static char msg[512];

static void
setup(void)
{
    heap_init(&heap);
}

static void
teardown(void)
{
    heap_done(&heap);
}

#define CHECK_HEAP() \
    ck_assert_msg(heap_check(&heap, msg, sizeof msg) == 0, "heap_check: %s", msg)

START_TEST(test_size_classes)
{
    ck_assert_uint_eq(heap_size_class(1), 0);
    ck_assert_uint_eq(heap_size_class(16), 0);
    ck_assert_uint_eq(heap_size_class(17), 1);
    ck_assert_uint_eq(heap_size_class(512), 31);
    ck_assert_uint_eq(heap_class_blocks(0), 1021);
    ck_assert_uint_eq(heap_class_blocks(1), 510);
    ck_assert_uint_eq(heap_class_blocks(3), 255);
    ck_assert_uint_eq(heap_class_blocks(31), 31);
    ck_assert(!heap_is_small(0));
    ck_assert(!heap_is_small(513));
}
END_TEST

START_TEST(test_first_blocks)
{
    uint64_t a = heap_alloc(&heap, 16, 1);
    uint64_t b = heap_alloc(&heap, 16, 2);
    uint64_t c = heap_alloc(&heap, 32, 3);

    /* First arena, first pool, after the 48-byte header. */
    ck_assert_uint_eq(a, HEAP_ARENA_BASE + 48);
    ck_assert_uint_eq(b, a + 16);
    /* Another class takes the next pool. */
    ck_assert_uint_eq(c, HEAP_ARENA_BASE + HEAP_POOL_SIZE + 48);
    ck_assert_uint_eq(heap.stats.arenas_current, 1);
    CHECK_HEAP();
}
END_TEST

START_TEST(test_fill_pool)
{
    uint64_t addr[1022];

    for (int i = 0; i < 1022; i++) {
        addr[i] = heap_alloc(&heap, 16, (uint32_t)i + 1);
        CHECK_HEAP();
    }
    /* 1,021 blocks fill the first pool; the 1,022nd opens a second. */
    ck_assert_uint_eq(addr[1020], HEAP_ARENA_BASE + 48 + 1020 * 16);
    ck_assert_uint_eq(addr[1021], HEAP_ARENA_BASE + HEAP_POOL_SIZE + 48);
    ck_assert_int_eq(heap_pool_state(&heap, 0, 0), POOL_FULL);
    ck_assert_int_eq(heap_pool_state(&heap, 0, 1), POOL_USED);
}
END_TEST

START_TEST(test_free_then_alloc_same_address)
{
    uint64_t a = heap_alloc(&heap, 40, 1);
    uint64_t b = heap_alloc(&heap, 40, 2);
    uint64_t c = heap_alloc(&heap, 40, 3);

    heap_free(&heap, b);
    ck_assert_uint_eq(heap_alloc(&heap, 33, 4), b);
    /* LIFO: the most recently freed block comes back first. */
    heap_free(&heap, a);
    heap_free(&heap, c);
    ck_assert_uint_eq(heap_alloc(&heap, 48, 5), c);
    ck_assert_uint_eq(heap_alloc(&heap, 48, 6), a);
    CHECK_HEAP();
}
END_TEST

START_TEST(test_full_pool_goes_to_front)
{
    /* Fill pool 0 of class 0 and half of pool 1; free a block of the
     * full pool 0: it goes to the front of usedpools, so the next
     * allocation comes from pool 0 again. */
    uint64_t first = 0;
    for (int i = 0; i < 1021 + 100; i++) {
        uint64_t a = heap_alloc(&heap, 16, 1);
        if (i == 500) {
            first = a;
        }
    }
    ck_assert_int_eq(heap_pool_state(&heap, 0, 0), POOL_FULL);
    uint64_t next_in_pool1 = HEAP_ARENA_BASE + HEAP_POOL_SIZE + 48 + 100 * 16;
    heap_free(&heap, first);
    ck_assert_int_eq(heap_pool_state(&heap, 0, 0), POOL_USED);
    ck_assert_int_eq(heap.usedpools[0], HEAP_POOL_ID(0, 0));
    ck_assert_uint_eq(heap_alloc(&heap, 16, 2), first);
    /* Pool 0 is full again; pool 1 serves. */
    ck_assert_uint_eq(heap_alloc(&heap, 16, 3), next_in_pool1);
    CHECK_HEAP();
}
END_TEST

START_TEST(test_empty_pool_reused_by_other_class)
{
    uint64_t a = heap_alloc(&heap, 16, 1);
    uint64_t b = heap_alloc(&heap, 64, 2);    /* pool 1 */

    heap_free(&heap, a);                      /* pool 0 empty */
    ck_assert_int_eq(heap_pool_state(&heap, 0, 0), POOL_EMPTY);
    /* The cached empty pool is used before a virgin one, for any class. */
    uint64_t c = heap_alloc(&heap, 100, 3);
    ck_assert_uint_eq(c, HEAP_ARENA_BASE + 48);
    ck_assert_uint_eq(heap_block_size(&heap, c), 112);
    (void)b;
    CHECK_HEAP();
}
END_TEST

START_TEST(test_arenas_returned_one_kept)
{
    /* As pm1.py in the reference: 200,000 blocks of the 64-byte class
     * (255 per pool), then all freed. */
    enum { N = 200000 };
    uint64_t *a = malloc(N * sizeof *a);

    for (int i = 0; i < N; i++) {
        a[i] = heap_alloc(&heap, 57, (uint32_t)(i % 1000) + 1);
    }
    /* ceil(200000 / 255) = 785 pools = 13 arenas of 64 pools. */
    ck_assert_uint_eq(heap.stats.arenas_current, 13);
    ck_assert_uint_eq(heap.stats.blocks_in_use, N);
    CHECK_HEAP();
    for (int i = 0; i < N; i++) {
        heap_free(&heap, a[i]);
    }
    ck_assert_uint_eq(heap.stats.arenas_current, 1);
    ck_assert_uint_eq(heap.stats.arenas_reclaimed, 12);
    ck_assert_uint_eq(heap.stats.arenas_highwater, 13);
    ck_assert_uint_eq(heap.stats.blocks_in_use, 0);
    CHECK_HEAP();
    free(a);
}
END_TEST

START_TEST(test_usable_arenas_sorted)
{
    /* Two arenas; free most of the second's pools one by one and check
     * the list order (fewest free pools first) after each step. */
    enum { PER_POOL = 31, POOLS = 100 };   /* 512-byte class */
    static uint64_t a[PER_POOL * POOLS];

    for (int i = 0; i < PER_POOL * POOLS; i++) {
        a[i] = heap_alloc(&heap, 512, 1);
    }
    ck_assert_uint_eq(heap.stats.arenas_current, 2);
    for (int p = POOLS - 1; p >= 30; p--) {
        for (int i = 0; i < PER_POOL; i++) {
            heap_free(&heap, a[p * PER_POOL + i]);
        }
        CHECK_HEAP();
    }
    /* Arena 1 is wholly free but kept: it was the last of
     * usable_arenas.  Arena 0, with fewer free pools, comes first. */
    ck_assert_uint_eq(heap.stats.arenas_current, 2);
    ck_assert_int_eq(heap.usable_arenas, 0);
    ck_assert_uint_eq(heap.arenas[0]->nfreepools, 34);
    ck_assert_int_eq(heap.arenas[0]->nextarena, 1);
    ck_assert_uint_eq(heap.arenas[1]->nfreepools, 64);
    for (int p = 29; p >= 0; p--) {
        for (int i = 0; i < PER_POOL; i++) {
            heap_free(&heap, a[p * PER_POOL + i]);
        }
        CHECK_HEAP();
    }
    /* Now arena 0 is wholly free too; one of them was returned. */
    ck_assert_uint_eq(heap.stats.arenas_current, 1);
}
END_TEST

START_TEST(test_raw)
{
    uint64_t a = heap_alloc(&heap, 513, 1);
    uint64_t z = heap_alloc(&heap, 0, 2);

    ck_assert_uint_ge(a, HEAP_RAW_BASE);
    ck_assert_uint_ge(z, HEAP_RAW_BASE);
    ck_assert_uint_eq(heap.stats.blocks_in_use, 0);
    ck_assert_uint_eq(heap.stats.raw_blocks, 2);
    heap_free(&heap, a);
    ck_assert_uint_eq(heap_alloc(&heap, 520, 3), a);   /* same chunk size */
    CHECK_HEAP();
}
END_TEST

START_TEST(test_realloc)
{
    uint64_t a = heap_alloc(&heap, 64, 1);

    /* Fits and saves less than 25%: in place. */
    ck_assert_uint_eq(heap_realloc(&heap, a, 49, 1), a);
    /* Shrinking by more than 25% moves it. */
    uint64_t b = heap_realloc(&heap, a, 16, 1);
    ck_assert_uint_ne(b, a);
    ck_assert_uint_eq(heap_block_size(&heap, b), 16);
    /* Growing past the class moves it. */
    uint64_t c = heap_realloc(&heap, b, 600, 1);
    ck_assert_uint_ge(c, HEAP_RAW_BASE);
    /* A raw block stays raw even when it shrinks. */
    uint64_t d = heap_realloc(&heap, c, 32, 1);
    ck_assert_uint_ge(d, HEAP_RAW_BASE);
    ck_assert_uint_lt(d, HEAP_ARENA_BASE);
    CHECK_HEAP();
}
END_TEST

START_TEST(test_random_sequence)
{
    enum { N = 4000 };
    uint64_t live[N];
    int n = 0;

    srand(12345);
    for (int step = 0; step < 100000; step++) {
        if (n < N && (n == 0 || rand() % 3 != 0)) {
            size_t sz = (size_t)(rand() % 600);
            live[n++] = heap_alloc(&heap, sz, 7);
        } else {
            int i = rand() % n;
            heap_free(&heap, live[i]);
            live[i] = live[--n];
        }
        if (step % 97 == 0) {
            CHECK_HEAP();
        }
    }
    CHECK_HEAP();
    while (n > 0) {
        heap_free(&heap, live[--n]);
    }
    CHECK_HEAP();
    ck_assert_uint_eq(heap.stats.blocks_in_use, 0);
    ck_assert_uint_eq(heap.stats.arenas_current, 1);
}
END_TEST

static Suite *
heap_suite(void)
{
    Suite *s = suite_create("heap");
    TCase *tc = tcase_create("pymalloc");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_size_classes);
    tcase_add_test(tc, test_first_blocks);
    tcase_add_test(tc, test_fill_pool);
    tcase_add_test(tc, test_free_then_alloc_same_address);
    tcase_add_test(tc, test_full_pool_goes_to_front);
    tcase_add_test(tc, test_empty_pool_reused_by_other_class);
    tcase_add_test(tc, test_arenas_returned_one_kept);
    tcase_add_test(tc, test_usable_arenas_sorted);
    tcase_add_test(tc, test_raw);
    tcase_add_test(tc, test_realloc);
    tcase_add_test(tc, test_random_sequence);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(heap_suite());
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
