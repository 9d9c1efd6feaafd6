/*
 * bench_machine.c: host cost of the simulated machine (a benchmark, not
 * a test: it reports, it does not judge).
 *
 *   1. host memory per live simulated object: 1,000,000 empty lists,
 *      1,000,000 two-item lists, 1,000,000 instances with 2 attributes;
 *   2. primitives per second for allocation churn (alloc_churn.py's
 *      pattern) and for a 1,000,000-node deallocation cascade.
 */
#include <config.h>

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sim/machine.h"

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static size_t
host_heap(void)
{
    struct mallinfo2 mi = mallinfo2();

    return mi.uordblks + mi.hblkhd;
}

static long
rss_kb(void)
{
    FILE *fp = fopen("/proc/self/statm", "r");
    long pages = 0, res = 0;

    if (fp != NULL) {
        if (fscanf(fp, "%ld %ld", &pages, &res) != 2) {
            res = 0;
        }
        fclose(fp);
    }
    return res * 4;
}

static void
memory(const char *label, int kind)
{
    enum { N = 1000000 };
    Machine m;
    size_t h0 = host_heap();

    machine_init(&m);
    Handle keep = m_list_new(&m, N);
    Handle cls = 0, nx = 0, ny = 0;
    if (kind == 2) {
        cls = m_class_new(&m, "P", m_dict_new(&m));
        nx = m_str_cstr(&m, "x");
        ny = m_str_cstr(&m, "y");
    }
    size_t h1 = host_heap();
    for (uint32_t i = 0; i < N; i++) {
        Handle o;
        if (kind == 0) {
            o = m_list_new(&m, 0);
        } else if (kind == 1) {
            o = m_list_new(&m, 0);
            m_list_append(&m, o, m_int(&m, 1));
            m_list_append(&m, o, m_int(&m, 2));
        } else {
            o = m_instance_new(&m, cls);
            m_inst_setattr(&m, o, nx, m.none);
            m_inst_setattr(&m, o, ny, m.none);
        }
        m_store(&m, keep, i, o);
    }
    size_t h2 = host_heap();
    printf("%-34s %8.1f host bytes/object  %7.1f MB for 1,000,000  (RSS %ld MB; simulated: %llu arenas)\n",
           label, (double)(h2 - h1) / N, (double)(h2 - h0) / 1e6, rss_kb() / 1024,
           (unsigned long long)m.heap.stats.arenas_current);
    machine_done(&m);
}

static void
speed(void)
{
    Machine m;

    machine_init(&m);
    m_frame_push(&m, 0, 0, 0, 0, 2, 4, 0);
    double t0 = now();
    uint64_t e0 = m.nevents;
    for (int i = 0; i < 1000000; i++) {
        /* x = [i, i]: two loads, BUILD_LIST 2, STORE_FAST (frees the old). */
        Handle v = m_int(&m, 1000 + i);
        m_incref(&m, v);
        Handle l = m_list_new(&m, 2);
        m_store(&m, l, 0, v);
        m_store(&m, l, 1, v);
        Handle old = m_bind(&m, 0, l);
        if (old) {
            m_decref(&m, old);
        }
    }
    double t1 = now();
    uint64_t n = m.nevents - e0;
    printf("%-34s %8.1f M primitives/s  (%llu primitives in %.3f s)\n", "allocation churn",
           (double)n / (t1 - t0) / 1e6, (unsigned long long)n, t1 - t0);
    m_frame_pop(&m);

    Handle head = m_none(&m);
    for (int i = 0; i < 1000000; i++) {
        Handle l = m_list_new(&m, 1);
        m_store(&m, l, 0, head);
        head = l;
    }
    e0 = m.nevents;
    t0 = now();
    m_decref(&m, head);
    t1 = now();
    n = m.nevents - e0;
    printf("%-34s %8.1f M primitives/s  (%llu events in %.3f s)\n",
           "1,000,000-node cascade", (double)n / (t1 - t0) / 1e6, (unsigned long long)n,
           t1 - t0);
    machine_done(&m);
}

int
main(void)
{
    printf("pymemsim machine benchmark\n");
    memory("1,000,000 empty lists", 0);
    memory("1,000,000 lists [1, 2]", 1);
    memory("1,000,000 instances, 2 attributes", 2);
    speed();
    return 0;
}
