/*
 * typeops.h: the operations of each object type, one table for all.
 *
 * Each type family has one file in src/sim (int.c, str.c, tuple.c,
 * list.c, dict.c, set.c, class.c, function.c, module.c, weakref.c,
 * builtin.c, iter.c) holding its layout and sizes, constructors,
 * mutators, and the TypeOps below.  types.def names the TypeOps of each
 * type (its family column); type_ops[] is generated from it, so a type
 * without its ops struct fails to link.  The generic algorithms call
 * the ops: the deallocator (machine.c), the collector (gc.c), the
 * checker (check.c) and the snapshots (snapshot.c).
 *
 * A NULL operation means the type has nothing to do there (no
 * references, no separate storage, no weak references...).
 *
 * Constructors give an object its body as it is allocated
 * (m_alloc_init), so readers see it from the EV_ALLOC event on.  Between
 * the freeing of an object's payload and its free event (when a history
 * copy may be taken) the payload is all zeroes, and the operations of
 * types whose body is a separate host allocation (dict, set, class,
 * function) treat a NULL body as empty.  Outside src/sim an object is
 * read only (m_obj is const): src/py makes and changes objects through
 * the constructors and mutators each family's file declares in
 * machine.h.
 */
#ifndef PYMEMSIM_SIM_TYPEOPS_H
#define PYMEMSIM_SIM_TYPEOPS_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sim/machine.h"

typedef struct CheckCtx CheckCtx;      /* sim/check.c */

/* A host array a payload points to: the pointer at offset `at` in the
 * Object, to count(o) entries of elem bytes (count NULL: one entry);
 * elem 0: none. */
typedef struct HostArray {
    uint16_t at;
    uint16_t elem;
    size_t (*count)(const Object *o);
} HostArray;

typedef struct TypeOps {
    /* Every strong reference h holds, in slot order (m_traverse). */
    void (*traverse)(const Machine *m, Handle h, VisitFn fn, void *arg);
    /* tp_traverse, in CPython's order (gc_traverse); NULL: traverse. */
    void (*gc_traverse)(const Machine *m, Handle h, VisitFn fn, void *arg);
    /* May the collector untrack it, holding only objects it need not
     * see (_PyTuple_MaybeUntrack, _PyDict_MaybeUntrack)?  NULL: no. */
    int (*may_untrack)(const Machine *m, Handle h);
    /* tp_clear, for the collector's delete_garbage. */
    void (*clear)(Machine *m, Handle h);
    /* The address of container slot i (m_store's slot numbers). */
    Handle *(*slot)(Machine *m, Handle h, uint32_t i);
    /* The deallocator's next reference to release, in CPython's order,
     * taken out of its slot; *step starts at 0 and is the type's to
     * count with.  0 when none is left. */
    Handle (*release)(Machine *m, Handle h, uint32_t *step);
    /* What a dying object gives back besides its host payload: its
     * separate simulated storage (with its events), its place on a
     * list of weak references.  The host payload is freed after it. */
    void (*free_payload)(Machine *m, Handle h);
    /* Where h keeps its list of weak references (tp_weaklistoffset). */
    Handle *(*weaklist)(Machine *m, Handle h);
    /* len() of a sized container; NULL: the type has none. */
    uint32_t (*len)(const Machine *m, Handle h);
    /* A few words on its value for the views (m_describe); NULL: "len
     * N" for a sized container, else none. */
    void (*describe)(const Machine *m, Handle h, char *buf, size_t size);
    /* sys.getsizeof; NULL: presize + basicsize. */
    size_t (*size)(const Machine *m, Handle h);
    /* The checker: own each separate block (check_own) and check the
     * type's invariants; 0, or check_fail's -1. */
    int (*check)(const Machine *m, Handle h, CheckCtx *c);
    /* Host payload: free it (machine_done, and after free_payload),
     * replace it by a copy of its own (machine_copy), the bytes that copy
     * takes; NULL: as host says (snapshot.c). */
    void (*host_free)(Object *o);
    void (*host_copy)(Object *o);
    size_t (*host_bytes)(const Object *o);
    /* A host payload that is one array (int digits, str text, a tuple's
     * or list's items, a function's FuncVal). */
    HostArray host;
    /* The payload's hash, for machine_hash. */
    uint64_t (*hash)(uint64_t x, const Object *o);
    /* References that are nrefs handles in a row at refs_at in the
     * Object (TYPE_REFS). */
    uint16_t refs_at;
    uint8_t nrefs;
    /* Its deallocator uses the trashcan (Py_TRASHCAN_BEGIN). */
    uint8_t trashcan;
} TypeOps;

#define X(id, pyname, family, gc, presize, basicsize, coll, walks, hashable)                     \
    extern const TypeOps family##_ops;
#include "sim/types.def"
#undef X

extern const TypeOps *const type_ops[T_COUNT];

static inline const TypeOps *
m_ops(const Machine *m, Handle h)
{
    return type_ops[m->objs[h].type];
}

/* Take the reference in slot i out of h, for release (0 if empty).
 * This and the release helpers below are inline: every deallocation
 * runs through them. */
static inline Handle
type_take_slot(Machine *m, Handle h, uint32_t i)
{
    Handle *p = m_ops(m, h)->slot(m, h, i);
    Handle v = *p;

    *p = NULL_HANDLE;
    return v;
}

/* Release helper: the next non-empty slot of *step .. n - 1, taken. */
static inline Handle
type_release_upto(Machine *m, Handle h, uint32_t *step, uint32_t n)
{
    Handle v;

    while (*step < n) {
        if ((v = type_take_slot(m, h, (*step)++)) != NULL_HANDLE) {
            return v;
        }
    }
    return NULL_HANDLE;
}

/* Release helper: the same from slot n - 1 down to 0. */
static inline Handle
type_release_downfrom(Machine *m, Handle h, uint32_t *step, uint32_t n)
{
    Handle v;

    while (*step < n) {
        if ((v = type_take_slot(m, h, n - 1 - (*step)++)) != NULL_HANDLE) {
            return v;
        }
    }
    return NULL_HANDLE;
}
/* Visit the non-empty p[0 .. n - 1] as slots 0 .. n - 1 of h (inline:
 * the collector's traversals run through here). */
static inline void
type_visit_refs(Handle h, const Handle *p, uint32_t n, VisitFn fn, void *arg)
{
    for (uint32_t i = 0; i < n; i++) {
        if (p[i]) {
            fn(arg, h, i, p[i]);
        }
    }
}

/* The same from the last, backwards. */
static inline void
type_visit_refs_back(Handle h, const Handle *p, uint32_t n, VisitFn fn, void *arg)
{
    for (uint32_t i = n; i-- > 0;) {
        if (p[i]) {
            fn(arg, h, i, p[i]);
        }
    }
}
/* tp_clear's step: take slot i out of h and release what it held. */
void type_clear_slot(Machine *m, Handle h, uint32_t i);
/* The clear of a type whose one reference to clear is slot 0. */
void type_clear_first(Machine *m, Handle h);
/* A reference for the views: "prefix#h", or none when h is 0. */
void type_describe_ref(char *buf, size_t size, const char *prefix, Handle h, const char *none);

/* The operations of a type whose references are n handles in a row,
 * the first at payload field `first` (a method's func and self): slot i
 * is the i-th, traversed and released in slot order. */
void type_refs_traverse(const Machine *m, Handle h, VisitFn fn, void *arg);
Handle *type_refs_slot(Machine *m, Handle h, uint32_t i);
Handle type_refs_release(Machine *m, Handle h, uint32_t *step);
#define TYPE_REFS(first, n)                                                   \
    .traverse = type_refs_traverse, .slot = type_refs_slot,                 \
    .release = type_refs_release, .refs_at = offsetof(Object, u.first), .nrefs = (n)

/* The checker's services (check.c). */
void check_own(CheckCtx *c, uint64_t addr, uint32_t tag);
int check_fail(CheckCtx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Snapshot helpers (snapshot.c). */
void *snap_dup_array(const void *p, size_t count, size_t elem);
size_t snap_dup_size(const void *p, size_t count, size_t elem);
uint64_t snap_hash_pair(uint64_t x, uint32_t lo, uint32_t hi);
uint64_t snap_hash_u32s(uint64_t x, const uint32_t *v, size_t n);

/* The array TypeOps.host names in o, or NULL. */
static inline void *
type_host_array(const Object *o, const HostArray *a)
{
    void *p = NULL;

    if (a->elem != 0) {
        memcpy(&p, (const char *)o + a->at, sizeof p);
    }
    return p;
}

/* Free o's host payload (machine_done, and a dying object's after its
 * free_payload): host_free, or the array host names.  Inline: every
 * deallocation runs through here. */
static inline void
type_host_free(Object *o)
{
    const TypeOps *ops = type_ops[o->type];

    if (ops->host_free != NULL) {
        ops->host_free(o);
    } else if (ops->host.elem != 0) {
        free(type_host_array(o, &ops->host));
    }
}

/* Shared between families. */
void machine_freelist_push(FreeList *fl, uint64_t block);      /* machine.c */
Handle dict_alloc(Machine *m);                                  /* dict.c */
Values *values_new(uint32_t n);                                 /* dict.c */
Values *values_dup(const Values *v);
size_t values_bytes(const Values *v);
uint64_t values_hash(uint64_t x, const Values *v);
void values_forget(Values *v, uint32_t ix);   /* drop ix from the order */
uint32_t class_add_shared_key(Machine *m, Handle cls, Handle name);  /* class.c */
/* m_weakref_new whose allocation also runs more(m, wr, 0, arg), before
 * EV_ALLOC announces it (weakref.c). */
Handle weakref_alloc(Machine *m, Handle obj, Handle prev, LayoutFn more, void *arg);
void int_init_statics(Machine *m);
/* The text of a str, or "?" (str.c). */
const char *str_utf8(const Machine *m, Handle h);
/* Copy at most size - 1 bytes of s to buf, ending with "..." if cut. */
void str_clip(char *buf, size_t size, const char *s, size_t n);                              /* int.c */
void str_init_statics(Machine *m);                              /* str.c */
size_t int_nbytes(int32_t size);
/* A cell's one reference, which getset descriptors share (function.c). */
uint64_t cell_hash(uint64_t x, const Object *o);
uint32_t int_digit(const Object *o, int32_t i);

#endif
