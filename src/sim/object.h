/*
 * object.h: objects of the simulated machine.
 *
 * An object is named by a Handle, a small integer index into the
 * machine's object table; 0 is NULL.  Handles of freed objects are
 * reused, most recently freed first, as addresses are.  Objects are
 * never named by host pointers outside sim/, because the table moves.
 *
 * Every object has a type, a reference count, a simulated address (what
 * id() returns: the PyObject address, after any pre-header), the bytes
 * it requested from the allocator, a GC header (tracked flag, generation,
 * gc_refs, list links) and a type-specific payload.  Payload storage that
 * CPython allocates separately (list item arrays, dict keys, instance
 * values, set tables) has its own simulated block, recorded in the
 * payload, so the memory map shows it.
 */
#ifndef PYMEMSIM_SIM_OBJECT_H
#define PYMEMSIM_SIM_OBJECT_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t Handle;
#define NULL_HANDLE 0u

typedef enum {
#define X(id, pyname, family, gc, presize, basicsize, coll, walks, hashable) T_##id,
#include "sim/types.def"
#undef X
    T_COUNT
} ObjType;

/* The kinds of collection the language tells apart (types.def's coll
 * and walks columns).  A switch on one lists them all, without a
 * default, so that a new kind is handled everywhere it matters. */
typedef enum {
    COLL_NONE,                 /* not a collection (not an iterator) */
    COLL_STR,                  /* str: code points */
    COLL_SEQ,                  /* list, tuple: items by index */
    COLL_DICT,                 /* dict: keys, values, items */
    COLL_VIEW,                 /* dict_keys, dict_values, dict_items */
    COLL_SET,                  /* set: a hash table of keys */
    COLL_RANGE                 /* range: arithmetic progression */
} CollKind;

typedef struct TypeInfo {
    const char *pyname;
    uint8_t gc;
    uint8_t presize;
    uint16_t basicsize;
    uint8_t coll;              /* CollKind */
    uint8_t walks;             /* CollKind an iterator walks */
    uint8_t hashable;
} TypeInfo;

extern const TypeInfo type_info[T_COUNT];

/* The bytes an object of type t takes before its variable part: the
 * pre-header and tp_basicsize, from types.def. */
static inline size_t
type_basic_nbytes(ObjType t)
{
    return (size_t)type_info[t].presize + type_info[t].basicsize;
}

/* Object flags. */
#define OF_LIVE        0x01    /* allocated (not a free handle) */
#define OF_TRACKED     0x02    /* on a GC generation list */
#define OF_STATIC      0x04    /* statically allocated: None, small ints... */
#define OF_FINALIZED   0x08    /* __del__ already ran (PEP 442) */
#define OF_DYING       0x10    /* its deallocation has started */
#define OF_INTERNED    0x20    /* str in the interned table */
#define OF_COLLECTING  0x40    /* in the set a collection examines */

#define GEN_NONE       (-1)
#define GEN_PERMANENT  3
#define NGENERATIONS   3
/* The collector's working lists, after the generations. */
#define GC_UNREACHABLE 4
#define GC_WRCB        5      /* weakrefs whose callbacks will run */
#define GC_SEEN        6      /* finalize_garbage's done list */
#define GC_STILL       7      /* still unreachable after finalizers */
#define GC_NLISTS      8

/* int: sign and magnitude in 30-bit digits, least significant first. */
#define INT_SHIFT      30
#define INT_MASK       ((1u << INT_SHIFT) - 1)

typedef struct IntVal {
    int32_t size;              /* signed number of digits (ob_size) */
    uint32_t digit0;           /* the digit when |size| <= 1 */
    uint32_t *digits;          /* |size| digits when |size| > 1, owned */
} IntVal;

typedef struct StrVal {
    char *utf8;                /* NUL-terminated UTF-8 text, owned */
    uint32_t len;              /* code points */
    uint32_t nbytes;           /* UTF-8 bytes */
    uint64_t hash;             /* computed when the str is made */
    uint8_t kind;              /* 0 ASCII, 1 latin-1, 2 UCS-2, 4 UCS-4 */
} StrVal;

typedef struct ListVal {
    Handle *items;             /* cap entries, owned */
    uint32_t len, cap;
    uint64_t items_addr;       /* simulated block of the item array, or 0 */
} ListVal;

typedef struct TupleVal {
    Handle *items;             /* len entries, owned */
    uint32_t len;
} TupleVal;

typedef struct Dict Dict;      /* sim/dict.h */
typedef struct SetVal SetVal;  /* sim/machine.h */
typedef struct ClassVal ClassVal;
typedef struct FuncVal FuncVal;

/* An instance's inline values (PyDictValues): one slot per shared key
 * plus the usable ones, and the order in which this instance first set
 * them.  Moves to the __dict__ when that is materialised. */
typedef struct Values {
    uint64_t addr;             /* simulated block, or 0 */
    uint32_t n;                /* slots */
    uint32_t norder;           /* used entries of order[] */
    Handle *slot;              /* n entries (inside this allocation) */
    uint8_t *order;            /* n entries (inside this allocation) */
} Values;

#define INST_DICT_SLOT  0xffffu /* slot of an instance's __dict__ */
#define INST_CLASS_SLOT 0xfffeu /* slot of an instance's class */

typedef struct InstVal {
    Handle cls;                /* its class (a strong reference) */
    Handle dict;               /* materialised __dict__, or 0 */
    Values *values;            /* inline values, or NULL (owned) */
    Handle weaklist;           /* first weak reference to it, or 0 */
} InstVal;

typedef struct IterVal {
    Handle seq;                /* what it iterates (strong), 0 when exhausted */
    Handle extra;              /* dict item iterators: the result tuple */
    int64_t index;             /* next index; range: current value */
    int64_t stop, step;        /* range iterators */
} IterVal;

typedef struct RangeVal {
    Handle start, stop, step, length;  /* ints (strong references) */
    int64_t len;
} RangeVal;

typedef struct WeakVal {
    Handle referent;           /* borrowed; 0 once dead */
    Handle callback;           /* strong, or 0 */
    Handle next, prev;         /* the referent's list of weak references */
} WeakVal;

/* The type-specific part of an object. */
typedef union ObjPayload {
    IntVal i;
    StrVal s;
    ListVal l;
    TupleVal t;
    Dict *d;
    SetVal *set;
    ClassVal *c;
    InstVal inst;
    FuncVal *f;
    struct { Handle func, self, weaklist; } meth;
    struct { Handle ref; } cell;
    struct { Handle dict, name; } mod;
    struct { void *code; Handle consts, name; } code;
    struct { uint32_t id; Handle self; } builtin;
    IterVal it;
    RangeVal range;
    WeakVal wr;
    Handle next_free;          /* free handle chain */
} ObjPayload;

typedef struct Object {
    int64_t refcnt;
    uint64_t addr;             /* PyObject address: block + presize */
    uint32_t nbytes;           /* bytes requested for the body */
    Handle gc_prev, gc_next;   /* generation list links */
    int32_t gc_refs;
    uint8_t type;              /* ObjType */
    uint8_t flags;             /* OF_* */
    int8_t gen;                /* generation, GEN_PERMANENT or GEN_NONE */
    uint8_t aux;               /* type-specific small value */
    ObjPayload u;
} Object;

#endif
