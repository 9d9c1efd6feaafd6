/*
 * check.c: the machine checker.
 *
 * Recomputes, from scratch, what the machine keeps incrementally, and
 * compares:
 *
 *   1. every refcount = the references that exist: from live objects'
 *      slots, from frames (function, code, locals, value stacks) and from
 *      roots; static objects add their initial 999,999,999.  An object
 *      being finalized may carry one temporary extra reference.
 *   2. the heap: pymalloc's own invariants (heap_check), and every
 *      allocated block owned by exactly one live object's body or
 *      storage, or by a type free list.
 *   3. the generation lists: well linked, holding exactly the tracked
 *      objects, each marked with its generation, lengths right.
 *   4. the frames: inside the data stack, value stacks within bounds.
 *
 * It is slow (linear in the machine) and meant for tests.
 */
#include <config.h>

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "sim/typeops.h"

#define FAIL(...) do { snprintf(buf, bufsize, __VA_ARGS__); goto fail; } while (0)

typedef struct Counts {
    int64_t *refs;
    uint32_t n;
    int bad;
    Handle bad_to;
} Counts;

/* One more reference to `to', or a note that it names no object. */
static void
count_ref(Counts *c, Handle to)
{
    if (to == NULL_HANDLE || to >= c->n) {
        c->bad = 1;
        c->bad_to = to;
        return;
    }
    c->refs[to]++;
}

/* The references a frame holds: its function, code and f_locals, its
 * locals and its value stack. */
static void
count_frame(const Machine *m, const Frame *f, Counts *c)
{
    const Handle own[] = {f->func, f->code, f->locals};

    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        if (own[i] != NULL_HANDLE) {
            count_ref(c, own[i]);
        }
    }
    for (uint32_t i = 0; i < f->nlocals + f->sp; i++) {
        Handle v = m->slots[f->base + i];
        if (v != NULL_HANDLE) {
            count_ref(c, v);
        }
    }
}

/* Ownership of heap blocks: sorted (address, tag) pairs. */
typedef struct Owned {
    uint64_t addr;
    uint32_t tag;
} Owned;

typedef struct OwnedVec {
    Owned *v;
    size_t n, cap;
} OwnedVec;

static void
own(OwnedVec *ov, uint64_t addr, uint32_t tag)
{
    ov->v = xgrow(ov->v, &ov->cap, ov->n + 1, sizeof *ov->v);
    ov->v[ov->n++] = (Owned){addr, tag};
}

/* What a type's check operation works with: the blocks owned so far and
 * the message buffer. */
struct CheckCtx {
    OwnedVec *ov;
    char *buf;
    size_t bufsize;
};

void
check_own(CheckCtx *c, uint64_t addr, uint32_t tag)
{
    own(c->ov, addr, tag);
}

int
check_fail(CheckCtx *c, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(c->buf, c->bufsize, fmt, ap);
    va_end(ap);
    return -1;
}

static int
cmp_owned(const void *a, const void *b)
{
    const Owned *x = a, *y = b;

    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

typedef struct BlockWalk {
    const Owned *v;
    size_t n;
    size_t seen;
    int bad;
    uint64_t bad_addr;
    uint32_t bad_tag;
} BlockWalk;

static void
walk_block(void *arg, uint64_t addr, size_t size, uint32_t tag)
{
    BlockWalk *w = arg;
    size_t lo = 0, hi = w->n;

    (void)size;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (w->v[mid].addr < addr) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo >= w->n || w->v[lo].addr != addr || w->v[lo].tag != tag) {
        if (!w->bad) {
            w->bad = 1;
            w->bad_addr = addr;
            w->bad_tag = tag;
        }
        return;
    }
    w->seen++;
}

static void
own_freelist(OwnedVec *ov, const FreeList *fl)
{
    for (uint32_t i = 0; i < fl->n; i++) {
        own(ov, fl->blocks[i], HEAP_TAG(0, HEAP_ROLE_FREELIST));
    }
}

int
machine_check(const Machine *m, char *buf, size_t bufsize)
{
    Counts c = {xcalloc(m->nobjs, sizeof(int64_t)), m->nobjs, 0, 0};
    Referents r = {NULL, 0, 0};
    OwnedVec ov = {NULL, 0, 0};
    uint8_t *seen = xcalloc(m->nobjs, 1);
    CheckCtx cc = {&ov, buf, bufsize};
    int rc = -1;

    if (heap_check(&m->heap, buf, bufsize) < 0) {
        goto fail;
    }

    /* References from objects, and the blocks they own. */
    uint64_t live = 0;
    for (Handle h = 1; h < m->nobjs; h++) {
        const Object *o = &m->objs[h];
        if (!(o->flags & OF_LIVE)) {
            continue;
        }
        live++;
        m_referents(m, h, m_traverse, &r);
        for (uint32_t i = 0; i < r.n; i++) {
            count_ref(&c, r.v[i]);
        }
        if (c.bad) {
            FAIL("object #%u (%s) holds an invalid reference %u", h,
                 type_info[o->type].pyname, c.bad_to);
        }
        if (!(o->flags & OF_STATIC)) {
            own(&ov, o->addr - type_info[o->type].presize, HEAP_TAG(h, HEAP_ROLE_OBJECT));
        }
        if (type_ops[o->type]->check != NULL && type_ops[o->type]->check(m, h, &cc) < 0) {
            goto fail;
        }
    }
    if (live != m->live) {
        FAIL("%" PRIu64 " live objects but the machine counts %" PRIu64, live, m->live);
    }
    own_freelist(&ov, &m->list_free);
    own_freelist(&ov, &m->dict_free);
    own_freelist(&ov, &m->dict_keys_free);
    for (int i = 0; i < TUPLE_FREELISTS; i++) {
        own_freelist(&ov, &m->tuple_free[i]);
    }

    /* References from frames and roots. */
    for (uint32_t fi = 0; fi < m->nframes; fi++) {
        const Frame *f = &m->frames[fi];
        if (f->sp > f->stacksize || f->base + f->nlocals + f->stacksize > m->nslots) {
            FAIL("frame %u is out of bounds", fi);
        }
        count_frame(m, f, &c);
    }
    for (uint32_t i = 0; i < m->nroots; i++) {
        count_ref(&c, m->roots[i]);
    }
    if (m->io_pending != NULL_HANDLE) {
        count_ref(&c, m->io_pending);
    }
    if (c.bad) {
        FAIL("a frame or root holds an invalid reference %u", c.bad_to);
    }
    for (Handle h = 1; h < m->nobjs; h++) {
        const Object *o = &m->objs[h];
        if (!(o->flags & OF_LIVE)) {
            if (c.refs[h] != 0) {
                FAIL("freed handle #%u is still referenced %" PRId64 " times", h, c.refs[h]);
            }
            continue;
        }
        int64_t want = c.refs[h] + ((o->flags & OF_STATIC) ? STATIC_REFCNT : 0);
        if (o->refcnt != want && !((o->flags & OF_DYING) && o->refcnt == want + 1)) {
            FAIL("#%u %s: refcount %" PRId64 " but %" PRId64 " references", h,
                 type_info[o->type].pyname, o->refcnt, want);
        }
    }

    /* Every allocated block has exactly the owner we expect. */
    if (ov.n > 0) {
        qsort(ov.v, ov.n, sizeof *ov.v, cmp_owned);
    }
    for (size_t i = 1; i < ov.n; i++) {
        if (ov.v[i].addr == ov.v[i - 1].addr) {
            FAIL("block %#" PRIx64 " is owned twice", ov.v[i].addr);
        }
    }
    BlockWalk w = {ov.v, ov.n, 0, 0, 0, 0};
    heap_foreach_block(&m->heap, walk_block, &w);
    if (w.bad) {
        FAIL("heap block %#" PRIx64 " tagged #%u %s has no such owner", w.bad_addr,
             HEAP_TAG_HANDLE(w.bad_tag), heap_role_name(HEAP_TAG_ROLE(w.bad_tag)));
    }
    if (w.seen != ov.n) {
        FAIL("%zu blocks are owned but only %zu are allocated", ov.n, w.seen);
    }

    /* Generation lists. */
    for (int g = 0; g < GC_NLISTS; g++) {
        const GcGen *gg = &m->gen[g];
        Handle prev = NULL_HANDLE;
        uint64_t n = 0;
        for (Handle h = gg->head; h != NULL_HANDLE; h = m->objs[h].gc_next) {
            const Object *o = &m->objs[h];
            if (!(o->flags & OF_LIVE) || !(o->flags & OF_TRACKED) || o->gen != g
                || o->gc_prev != prev || seen[h] || ++n > gg->len) {
                FAIL("generation %d list is broken at #%u", g, h);
            }
            seen[h] = 1;
            prev = h;
        }
        if (prev != gg->tail || n != gg->len) {
            FAIL("generation %d: %" PRIu64 " objects, length %" PRIu64, g, n, gg->len);
        }
        if (gg->count < 0) {
            FAIL("generation %d count is negative", g);
        }
    }
    for (Handle h = 1; h < m->nobjs; h++) {
        const Object *o = &m->objs[h];
        if ((o->flags & OF_LIVE) && (o->flags & OF_TRACKED) && !seen[h]) {
            FAIL("#%u is tracked but on no generation list", h);
        }
    }

    rc = 0;
fail:
    free(c.refs);
    free(r.v);
    free(ov.v);
    free(seen);
    return rc;
}
