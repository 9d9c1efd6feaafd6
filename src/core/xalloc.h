/*
 * xalloc.h: host memory allocation that aborts on failure.
 *
 * Two kinds of memory live in pymemsim.  Host memory (this file) holds the
 * simulator's own data; running out of it is not an error path, so these
 * wrappers print a message and abort.  Simulated memory (sim/heap.h) is
 * data with simulated addresses; a simulated MemoryError is an event.
 */
#ifndef PYMEMSIM_CORE_XALLOC_H
#define PYMEMSIM_CORE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);                 /* caller owns */
void *xcalloc(size_t count, size_t n);   /* caller owns, zeroed */
void *xrealloc(void *p, size_t n);       /* caller owns the result */
char *xstrdup(const char *s);            /* caller owns */
char *xstrndup(const char *s, size_t n); /* caller owns, NUL-terminated */

/*
 * Grow an array so that it can hold at least `need` elements of `elem`
 * bytes.  *cap is updated.  Growth is geometric.
 */
void *xgrow(void *p, size_t *cap, size_t need, size_t elem);

#endif
