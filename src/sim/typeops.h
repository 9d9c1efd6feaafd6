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

#include "sim/machine.h"

typedef struct CheckCtx CheckCtx;      /* sim/check.c */

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
    /* Free the separate storage (with its events) and the host payload
     * of a dying object. */
    void (*free_payload)(Machine *m, Handle h);
    /* Where h keeps its list of weak references (tp_weaklistoffset). */
    Handle *(*weaklist)(Machine *m, Handle h);
    /* len() of a sized container; NULL: the type has none. */
    uint32_t (*len)(const Machine *m, Handle h);
    /* A few words on its value for the views (m_describe); NULL: none. */
    void (*describe)(const Machine *m, Handle h, char *buf, size_t size);
    /* sys.getsizeof; NULL: presize + basicsize. */
    size_t (*size)(const Machine *m, Handle h);
    /* The checker: own each separate block (check_own) and check the
     * type's invariants; 0, or check_fail's -1. */
    int (*check)(const Machine *m, Handle h, CheckCtx *c);
    /* Host payload: free it (machine_done), replace it by a copy of its
     * own (machine_copy), the bytes that copy takes, and its hash. */
    void (*host_free)(Object *o);
    void (*host_copy)(Object *o);
    size_t (*host_bytes)(const Object *o);
    uint64_t (*hash)(uint64_t x, const Object *o);
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

/* Take the reference in slot i out of h, for release (0 if empty). */
Handle type_take_slot(Machine *m, Handle h, uint32_t i);
/* Release helper: the next non-empty slot of *step .. n - 1, taken. */
Handle type_release_upto(Machine *m, Handle h, uint32_t *step, uint32_t n);

/* The checker's services (check.c). */
void check_own(CheckCtx *c, uint64_t addr, uint32_t tag);
int check_fail(CheckCtx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Snapshot helpers (snapshot.c). */
void *snap_dup_array(const void *p, size_t count, size_t elem);
size_t snap_dup_size(const void *p, size_t count, size_t elem);
uint64_t snap_hash_pair(uint64_t x, uint32_t lo, uint32_t hi);
uint64_t snap_hash_u32s(uint64_t x, const uint32_t *v, size_t n);

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
void cell_traverse(const Machine *m, Handle h, VisitFn fn, void *arg);
Handle *cell_slot(Machine *m, Handle h, uint32_t i);
Handle cell_release(Machine *m, Handle h, uint32_t *step);
uint64_t cell_hash(uint64_t x, const Object *o);
uint32_t int_digit(const Object *o, int32_t i);

#endif
