/*
 * benchutil.h: what the benchmarks share: a clock, and medians.
 */
#ifndef PYMEMSIM_BENCH_BENCHUTIL_H
#define PYMEMSIM_BENCH_BENCHUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline double
bench_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static inline int
bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Print the median and the worst of n timings (seconds), in ms. */
static inline void
bench_report(const char *what, double *t, size_t n)
{
    qsort(t, n, sizeof *t, bench_cmp_double);
    printf("  %-36s median %7.2f ms   worst %7.2f ms   (%zu)\n", what, t[n / 2] * 1e3,
           t[n - 1] * 1e3, n);
}

#endif
