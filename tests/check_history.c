/*
 * check_history.c: stepping forward and back reaches exactly the state
 * a direct run has at the same point.
 *
 * The reference is a plain run of the program (vm_run_program) with a
 * sink that counts points as the history does and hashes the whole
 * state (machine, VM, position) at the points asked for, inside the
 * event itself.  The history must reach the same hash by whatever
 * route: single steps back over every kind of event, random walks of
 * moves at every size, searches, after checkpoints were dropped.
 */
#include <config.h>

#include <check.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hist/history.h"
#include "py/run.h"
#include "sim/gc.h"
#include "testutil.h"

/* ------------------------------------------------------------------ */
/* The direct run.                                                    */

typedef struct Direct {
    Sim s;
    const uint64_t *want;      /* sorted points to hash */
    uint64_t *got;
    size_t nwant, next;
    uint64_t kinds_seen;       /* bit per event kind */
    uint64_t *first_of_kind;   /* first point of each kind (EV_COUNT) */
} Direct;

static void
direct_sink(void *ctx, const Machine *m, const Event *e)
{
    Direct *d = ctx;

    (void)m;
    d->s.pos.seq++;
    for (int k = 0; k < STEP_NSIZES; k++) {
        if (step_counts_as(e->kind, (StepSize)k)) {
            d->s.pos.n[k]++;
        }
    }
    d->s.recent[(d->s.pos.seq - 1) % SIM_RECENT] = *e;
    if (d->first_of_kind != NULL && d->first_of_kind[e->kind] == 0) {
        d->first_of_kind[e->kind] = d->s.pos.seq;
    }
    d->kinds_seen |= UINT64_C(1) << e->kind;
    while (d->next < d->nwant && d->want[d->next] == d->s.pos.seq) {
        d->got[d->next++] = sim_hash(&d->s);
    }
}

static int
cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The limits of direct runs (none unless a test sets them). */
static VmLimits direct_limits;

/* Hash the direct run of path at each of the n points in seqs (any
 * order); hashes[i] belongs to seqs[i].  Returns the run's last point. */
static uint64_t
direct_run(const char *path, const uint64_t *seqs, size_t n, uint64_t *hashes,
           uint64_t *first_of_kind)
{
    Direct d;
    uint64_t *sorted = malloc((n + 1) * sizeof *sorted);
    uint64_t *got = malloc((n + 1) * sizeof *got);

    memset(&d, 0, sizeof d);
    if (n > 0) {
        memcpy(sorted, seqs, n * sizeof *sorted);
        qsort(sorted, n, sizeof *sorted, cmp_u64);
    }
    machine_init(&d.s.m);
    vm_init(&d.s.vm, &d.s.m, NULL);
    d.s.vm.err = NULL;
    vm_set_limits(&d.s.vm, &direct_limits);
    Program *prog = run_load(path, &d.s.m);
    ck_assert_ptr_nonnull(prog);
    d.want = sorted;
    d.got = got;
    d.nwant = n;
    d.first_of_kind = first_of_kind;
    while (d.next < n && sorted[d.next] == 0) {
        got[d.next++] = sim_hash(&d.s);
    }
    machine_set_sink(&d.s.m, direct_sink, &d);
    d.s.started = 1;
    vm_run_program(&d.s.vm, prog);
    ck_assert_uint_eq(d.next, n);
    for (size_t i = 0; i < n; i++) {
        uint64_t *p = bsearch(&seqs[i], sorted, n, sizeof *sorted, cmp_u64);
        hashes[i] = got[p - sorted];
    }
    uint64_t end = d.s.pos.seq;
    program_free(prog);
    vm_done(&d.s.vm);
    machine_done(&d.s.m);
    free(sorted);
    free(got);
    return end;
}

static void
src_path(char *buf, size_t size, const char *rel)
{
    const char *srcdir = getenv("srcdir");
    snprintf(buf, size, "%s/%s", srcdir ? srcdir : ".", rel);
}

/* ------------------------------------------------------------------ */
/* Every kind of event, undone.                                       */

/* Programs that between them emit every kind of event. */
static const char *const kind_programs[] = {
    "tests/diff/050_rc_tuple.py",
    "tests/diff/109_weakref_basic.py",
    "tests/data/history_kinds.py",
};

START_TEST(test_back_over_every_kind)
{
    uint64_t seen = 0;

    for (size_t p = 0; p < sizeof kind_programs / sizeof *kind_programs; p++) {
        char path[4096];
        uint64_t first[EV_COUNT + 1];
        src_path(path, sizeof path, kind_programs[p]);
        memset(first, 0, sizeof first);
        direct_run(path, NULL, 0, NULL, first);

        /* For each kind: go to its first point and the one before,
         * forward and back by one event, and compare with the direct
         * run at both. */
        uint64_t want[2 * EV_COUNT];
        int kind[2 * EV_COUNT];
        size_t nwant = 0;
        for (int k = 0; k < EV_COUNT; k++) {
            if (first[k] != 0) {
                kind[nwant] = k;
                want[nwant++] = first[k];
                want[nwant++] = first[k] - 1;
            }
        }
        uint64_t hashes[2 * EV_COUNT];
        direct_run(path, want, nwant, hashes, NULL);

        History h;
        ck_assert_int_eq(history_open(&h, path, 0), 0);
        for (size_t i = 0; i < nwant; i += 2) {
            ck_assert_int_eq(history_goto_seq(&h, want[i]), 0);
            const Sim *cur = history_current(&h);
            ck_assert_uint_eq(cur->pos.seq, want[i]);
            ck_assert_msg(sim_hash(cur) == hashes[i], "%s: state at point %llu (%s) differs",
                          path, (unsigned long long)want[i], event_names[sim_last(cur)->kind]);
            seen |= UINT64_C(1) << sim_last(cur)->kind;
            /* One step back at the finest size undoes exactly this
             * event (markers are steps of no event size: go by point). */
            ck_assert_int_eq(history_goto_seq(&h, want[i] - 1), 0);
            ck_assert_msg(sim_hash(history_current(&h)) == hashes[i + 1],
                          "%s: undoing the first %s (point %llu) does not restore the state",
                          path, event_names[kind[i]],
                          (unsigned long long)want[i]);
            /* And redo it. */
            ck_assert_int_eq(history_goto_seq(&h, want[i]), 0);
            ck_assert(sim_hash(history_current(&h)) == hashes[i]);
        }
        history_close(&h);
    }
    for (int k = 0; k < EV_COUNT; k++) {
        ck_assert_msg(seen & (UINT64_C(1) << k), "no program exercised event kind %s", event_names[k]);
    }
}
END_TEST

/* Single steps back at each size from the end to the start visit the
 * same states as the direct run. */
START_TEST(test_step_back_all_the_way)
{
    char path[4096];
    src_path(path, sizeof path, "tests/diff/050_rc_tuple.py");
    for (int size = 0; size < STEP_NSIZES; size++) {
        History h;
        ck_assert_int_eq(history_open(&h, path, 0), 0);
        ck_assert_int_eq(history_to_end(&h), 0);
        size_t cap = 4096, n = 0;
        uint64_t *seqs = malloc(cap * sizeof *seqs), *mine = malloc(cap * sizeof *mine);
        do {
            ck_assert(n < cap);
            seqs[n] = history_current(&h)->pos.seq;
            mine[n++] = sim_hash(history_current(&h));
        } while (history_back(&h, (StepSize)size, 1) == 0);
        ck_assert_uint_eq(seqs[n - 1], 0);
        uint64_t *ref = malloc(n * sizeof *ref);
        direct_run(path, seqs, n, ref, NULL);
        for (size_t i = 0; i < n; i++) {
            ck_assert_msg(mine[i] == ref[i], "size %s: point %llu differs", step_size_names[size],
                          (unsigned long long)seqs[i]);
        }
        free(seqs);
        free(mine);
        free(ref);
        history_close(&h);
    }
}
END_TEST

/* ------------------------------------------------------------------ */
/* Random walks.                                                      */

static uint64_t rng_state;

static uint64_t
rnd(uint64_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return n ? rng_state % n : 0;
}

/* Walk `moves' random moves on path; compare the state every few moves
 * and at the end with the direct run.  cap: history memory. */
static void
walk(const char *path, int moves, size_t cap, uint64_t spacing)
{
    History h;
    ck_assert_int_eq(history_open(&h, path, cap), 0);
    if (spacing != 0) {
        h.min_spacing = spacing;
    }
    size_t n = 0, maxn = (size_t)moves / 10 + 2;
    uint64_t *seqs = malloc(maxn * sizeof *seqs), *mine = malloc(maxn * sizeof *mine);

    for (int i = 0; i < moves; i++) {
        StepSize size = (StepSize)rnd(STEP_NSIZES);
        const Sim *cur = history_current(&h);
        switch (rnd(20)) {
        case 0: case 1: case 2: case 3: case 4: case 5:
            history_forward(&h, size, rnd(8) ? 1 : rnd(50) + 1);
            break;
        case 6: case 7: case 8: case 9: case 10:
            history_back(&h, size, rnd(8) ? 1 : rnd(50) + 1);
            break;
        case 11: case 12: {
            uint64_t top = h.end_known ? h.end.n[size] : h.frontier.n[size] + 50;
            history_goto(&h, size, rnd(top + 1));
            break;
        }
        case 13:
            history_to_line(&h, (uint32_t)rnd(30) + 1, (int)rnd(2));
            break;
        case 14:
            history_to_collection(&h, (int)rnd(2));
            break;
        case 15:
            history_to_phase(&h, (int)rnd(2));
            break;
        case 16:
            history_toggle_break(&h, (uint32_t)rnd(30) + 1);
            history_to_break(&h, (int)rnd(2));
            break;
        case 17:
            if (rnd(4) == 0) {
                history_to_end(&h);
            } else {
                history_goto_seq(&h, rnd(cur->pos.seq + 100));
            }
            break;
        default:
            history_back(&h, STEP_EVENT, 1);
            break;
        }
        if (i % 10 == 9 || i == moves - 1) {
            seqs[n] = history_current(&h)->pos.seq;
            mine[n++] = sim_hash(history_current(&h));
        }
    }
    uint64_t *ref = malloc(n * sizeof *ref);
    direct_run(path, seqs, n, ref, NULL);
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(mine[i] == ref[i], "%s: after %zu moves, point %llu differs from a direct run",
                      path, (i + 1) * 10, (unsigned long long)seqs[i]);
    }
    free(seqs);
    free(mine);
    free(ref);
    history_close(&h);
}

static char **programs;
static size_t nprograms;

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
list_programs(void)
{
    char dir[4096];
    src_path(dir, sizeof dir, "tests/diff");
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *de;
    size_t cap = 0;
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len < 4 || strcmp(de->d_name + len - 3, ".py") != 0 || strcmp(de->d_name, "regen.py") == 0) {
            continue;
        }
        if (nprograms == cap) {
            cap = cap ? cap * 2 : 512;
            programs = realloc(programs, cap * sizeof *programs);
        }
        programs[nprograms] = malloc(strlen(dir) + len + 2);
        sprintf(programs[nprograms++], "%s/%s", dir, de->d_name);
    }
    closedir(d);
    qsort(programs, nprograms, sizeof *programs, cmp_str);
}

/* 220 programs of tests/diff drawn at random (seeded), split in chunks
 * so that each test stays within the timeout. */
#define WALK_PROGRAMS 220
#define WALK_CHUNK 22
#define WALK_MAX_EVENTS 2000000

START_TEST(test_random_walks)
{
    if (programs == NULL) {
        list_programs();
    }
    ck_assert_uint_ge(nprograms, WALK_PROGRAMS);
    /* The same draw in every chunk: a seeded shuffle. */
    size_t *order = malloc(nprograms * sizeof *order);
    for (size_t i = 0; i < nprograms; i++) {
        order[i] = i;
    }
    rng_state = UINT64_C(0x9e3779b97f4a7c15);
    for (size_t i = nprograms - 1; i > 0; i--) {
        size_t j = rnd(i + 1);
        size_t t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    /* Programs of more than WALK_MAX_EVENTS events (benchmarks) are
     * passed over, for time; the draw goes on to the next. */
    size_t k = 0;
    for (int done = 0; done < (_i + 1) * WALK_CHUNK; k++) {
        ck_assert_uint_lt(k, nprograms);
        if (direct_run(programs[order[k]], NULL, 0, NULL, NULL) > WALK_MAX_EVENTS) {
            continue;
        }
        if (done++ >= _i * WALK_CHUNK) {
            rng_state = UINT64_C(0x2545f4914f6cdd1d) + (uint64_t)k * 7919;
            /* Checkpoints every few thousand events, so that walks
             * restore from the middle of runs, not only from the start
             * (and take less time). */
            walk(programs[order[k]], 1000, 0, k % 2 ? 3000 : 10000);
        }
    }
    free(order);
}
END_TEST

/* With a cap so small that checkpoints are dropped, moves still land on
 * exact states, and going before the earliest point says so. */
START_TEST(test_capped)
{
    char path[4096];
    src_path(path, sizeof path, "tests/data/history_long.py");
    rng_state = 12345;
    walk(path, 400, 1 << 20, 20000);

    History h;
    ck_assert_int_eq(history_open(&h, path, 1 << 20), 0);
    h.min_spacing = 20000;
    ck_assert_int_eq(history_to_end(&h), 0);
    ck_assert_uint_le(history_bytes(&h), (size_t)1 << 20);
    Pos e = history_earliest(&h);
    ck_assert_uint_gt(e.seq, 0);
    ck_assert_int_eq(history_goto_seq(&h, 0), -1);
    ck_assert_msg(strstr(h.msg, "dropped") != NULL, "message: %s", h.msg);
    /* The earliest point itself is reachable and exact. */
    ck_assert_int_eq(history_goto_seq(&h, e.seq), 0);
    uint64_t mine = sim_hash(history_current(&h)), ref;
    direct_run(path, &e.seq, 1, &ref, NULL);
    ck_assert(mine == ref);
    history_close(&h);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Limits: stopped by the poll or the budget, the heap limit.         */

static int polls, stop_at_poll;

static VmPollResult
stop_once(void *ctx)
{
    (void)ctx;
    return ++polls == stop_at_poll ? VM_STOP : VM_GO_ON;
}

/* Compare the current point and n random points (and the end) with the
 * direct run under direct_limits. */
static void
compare_points(History *h, const char *path, int n)
{
    uint64_t seqs[64], mine[64], ref[64];
    size_t k = 0;

    ck_assert_int_le(n + 2, 64);
    seqs[k] = history_current(h)->pos.seq;
    mine[k++] = sim_hash(history_current(h));
    history_to_end(h);
    uint64_t end = history_current(h)->pos.seq;
    seqs[k] = end;
    mine[k++] = sim_hash(history_current(h));
    for (int i = 0; i < n; i++) {
        if (rnd(2)) {
            history_goto_seq(h, rnd(end + 1));
        } else {
            history_back(h, (StepSize)rnd(STEP_NSIZES), rnd(5) + 1);
        }
        seqs[k] = history_current(h)->pos.seq;
        mine[k++] = sim_hash(history_current(h));
    }
    ck_assert_uint_eq(direct_run(path, seqs, k, ref, NULL), end);
    for (size_t i = 0; i < k; i++) {
        ck_assert_msg(mine[i] == ref[i], "%s: point %llu differs from a direct run", path,
                      (unsigned long long)seqs[i]);
    }
}

START_TEST(test_stop_inside_call)
{
    char path[4096];
    History h;
    VmLimits lim = {0, 0, stop_once, NULL, 0};

    src_path(path, sizeof path, "tests/data/history_inner_loop.py");
    ck_assert_int_eq(history_open(&h, path, 0), 0);
    history_set_limits(&h, &lim);
    polls = 0;
    stop_at_poll = 5;
    history_to_end(&h);
    const Sim *s = history_current(&h);
    /* Stopped inside b = Slow(200000), for good. */
    ck_assert(h.interrupted);
    ck_assert(s->vm.ended);
    ck_assert_int_eq(s->vm.status, 2);
    ck_assert_uint_eq(h.limits.max_steps, s->vm.ninstr);
    ck_assert_uint_ge(s->vm.ninstr, 4 * VM_POLL_EVERY);
    ck_assert_msg(strstr(h.msg, "interrupted") != NULL, "message: %s", h.msg);
    ck_assert_int_eq(history_forward(&h, STEP_EVENT, 1), -1);
    /* Every replay stops there too: the run is a direct run with that
     * budget. */
    direct_limits.max_steps = h.limits.max_steps;
    rng_state = 777;
    compare_points(&h, path, 30);
    memset(&direct_limits, 0, sizeof direct_limits);
    history_close(&h);
}
END_TEST

START_TEST(test_stop_between_instructions)
{
    char path[4096];
    History h;
    VmLimits lim = {0, 0, stop_once, NULL, 0};

    src_path(path, sizeof path, "tests/data/history_long.py");
    ck_assert_int_eq(history_open(&h, path, 0), 0);
    history_set_limits(&h, &lim);
    polls = 0;
    stop_at_poll = 3;
    ck_assert_int_eq(history_to_end(&h), -1);
    const Sim *s = history_current(&h);
    /* Stopped where it was: the program goes on from there. */
    ck_assert(h.interrupted);
    ck_assert(!s->vm.ended);
    ck_assert_ptr_null(s->vm.next_in);
    ck_assert_msg(strstr(h.msg, "interrupted at instruction") != NULL, "message: %s", h.msg);
    rng_state = 4242;
    compare_points(&h, path, 30);
    ck_assert_int_eq(history_current(&h)->vm.ended || h.end_known, 1);
    history_close(&h);
}
END_TEST

START_TEST(test_budget_and_heap_limit)
{
    char path[4096];
    History h;
    VmLimits lim = {40000, 0, NULL, NULL, 0};

    src_path(path, sizeof path, "tests/data/history_long.py");
    ck_assert_int_eq(history_open(&h, path, 0), 0);
    history_set_limits(&h, &lim);
    ck_assert_int_eq(history_to_end(&h), -1);
    ck_assert(history_at_limit(&h));
    ck_assert_str_eq(h.msg, "stopped after 40000 instructions (--max-steps)");
    ck_assert_int_eq(history_forward(&h, STEP_INSTR, 1), -1);
    /* Back, then forward to the limit again. */
    ck_assert_int_eq(history_back(&h, STEP_LINE, 3), 0);
    ck_assert(!history_at_limit(&h));
    history_to_end(&h);
    ck_assert(history_at_limit(&h));
    direct_limits = lim;
    rng_state = 99;
    compare_points(&h, path, 20);
    history_close(&h);

    /* The heap limit: MemoryError, exactly as a direct run has it. */
    VmLimits heap = {0, UINT64_C(8) << 20, NULL, NULL, 0};
    src_path(path, sizeof path, "tests/data/history_grow.py");
    ck_assert_int_eq(history_open(&h, path, 4 << 20), 0);
    history_set_limits(&h, &heap);
    history_to_end(&h);
    const Sim *s = history_current(&h);
    ck_assert(s->vm.ended);
    ck_assert_int_eq(s->vm.status, 1);
    ck_assert_int_eq(s->vm.exc, EXC_MemoryError);
    ck_assert_uint_le(m_limited_bytes(&s->m), (UINT64_C(8) << 20) + (UINT64_C(1) << 20));
    direct_limits = heap;
    rng_state = 5;
    compare_points(&h, path, 20);
    memset(&direct_limits, 0, sizeof direct_limits);
    history_close(&h);
}
END_TEST

static Suite *
history_suite(void)
{
    Suite *s = suite_create("history");
    TCase *tc = tcase_create("exact");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_back_over_every_kind);
    tcase_add_test(tc, test_step_back_all_the_way);
    tcase_add_test(tc, test_capped);
    tcase_add_test(tc, test_stop_inside_call);
    tcase_add_test(tc, test_stop_between_instructions);
    tcase_add_test(tc, test_budget_and_heap_limit);
    tcase_add_loop_test(tc, test_random_walks, 0, WALK_PROGRAMS / WALK_CHUNK);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(history_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    for (size_t i = 0; i < nprograms; i++) {
        free(programs[i]);
    }
    free(programs);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
