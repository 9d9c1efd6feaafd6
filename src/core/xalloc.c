/*
 * xalloc.c: abort-on-failure wrappers around the C allocator.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static void
out_of_memory(size_t n)
{
    fprintf(stderr, "pymemsim: out of host memory (%zu bytes)\n", n);
    abort();
}

void *
xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);

    if (p == NULL) {
        out_of_memory(n);
    }
    return p;
}

void *
xcalloc(size_t count, size_t n)
{
    void *p = calloc(count ? count : 1, n ? n : 1);

    if (p == NULL) {
        out_of_memory(count * n);
    }
    return p;
}

void *
xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);

    if (q == NULL) {
        out_of_memory(n);
    }
    return q;
}

char *
xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);

    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void *
xgrow(void *p, size_t *cap, size_t need, size_t elem)
{
    size_t n = *cap;

    if (need <= n) {
        return p;
    }
    if (n < 8) {
        n = 8;
    }
    while (n < need) {
        if (n > ((size_t)-1) / 2 / elem) {
            out_of_memory(need * elem);
        }
        n *= 2;
    }
    *cap = n;
    return xrealloc(p, n * elem);
}
