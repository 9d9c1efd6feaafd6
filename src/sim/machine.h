/*
 * machine.h: the simulated machine and its primitives.
 *
 * The machine holds everything a student can see: the object table, the
 * pymalloc heap, the frames with their locals and value stacks, the GC
 * generations and the output printed so far.  Only the primitives below
 * change it; each emits exactly one event to the machine's event sink.
 * Everything else (list append, dict insertion, deallocation cascades,
 * the VM's instructions, the collector) is built from primitives, so the
 * event stream, the log pane, `pymemsim trace' and the history all see
 * the same sequence of changes.
 *
 * References follow CPython's words.  A function that returns a Handle
 * says whether it is a new reference (the caller owns one count) or a
 * borrowed one.  m_push() steals the reference it is given; m_pop()
 * returns one.  m_store() neither increments nor decrements: callers
 * pair it with m_incref()/m_decref() as CPython code pairs SET_ITEM with
 * Py_INCREF/Py_DECREF.
 */
#ifndef PYMEMSIM_SIM_MACHINE_H
#define PYMEMSIM_SIM_MACHINE_H

#include <stddef.h>
#include <stdint.h>

#include "sim/dict.h"
#include "sim/heap.h"
#include "sim/object.h"

typedef enum {
#define X(id, name) EV_##id,
#include "sim/event.def"
#undef X
    EV_COUNT
} EventKind;

typedef struct Event {
    uint8_t kind;              /* EventKind */
    uint8_t role;              /* HeapRole for EV_STORAGE */
    Handle obj;
    uint32_t frame;            /* frame depth, for frame events */
    uint32_t slot;             /* slot index, for stores and binds */
    int64_t a, b;              /* old and new values, see event.def */
    uint64_t c;
} Event;

extern const char *const event_names[EV_COUNT];

typedef struct Machine Machine;
typedef void (*EventSink)(void *ctx, const Machine *m, const Event *e);

/* A frame: one activation record on the simulated data stack. */
typedef struct Frame {
    Handle func;               /* function (strong), 0 at module level */
    Handle code;               /* code object (strong) or 0 */
    Handle globals;            /* module dict (borrowed) */
    Handle locals;             /* f_locals: module or class namespace
                                * (strong), 0 in functions */
    uint32_t base;             /* first local in m->slots */
    uint32_t nlocals;
    uint32_t stacksize;
    uint32_t sp;               /* values on the value stack */
    uint32_t ip;               /* next instruction, kept by the VM */
    uint32_t lasti;            /* the instruction last started */
    uint32_t line;
    uint64_t addr;             /* simulated address in the data stack */
} Frame;

#define CLASS_BASES_SLOT 0xfffdu /* m_store slot of a class's tp_bases */

struct ClassVal {
    Handle name;               /* str (strong) */
    Handle dict;               /* the class namespace, a dict (strong) */
    Handle mro;                /* (cls, object) tuple (strong) */
    Handle bases;              /* (object,) tuple (strong) */
    Handle *keys;              /* shared keys: attribute names in the order
                                * the class first saw them (strong) */
    uint32_t nkeys, keys_cap;
    uint32_t usable;           /* dk_usable of the shared keys (from 30) */
    uint8_t has_del;           /* defines __del__ */
    Handle weaklist;           /* first weak reference, or 0 */
    /* Its entry in object's tp_subclasses (add_subclass): a weak
     * reference to it and the int key, both held as roots (the
     * subclasses dict of the static object type), released when the
     * class is deallocated (remove_subclass).  0 when none. */
    Handle subclass_ref, subclass_key;
};

struct FuncVal {
    Handle code, globals, name, qualname, defaults, closure, module, doc;
    Handle weaklist;           /* first weak reference, or 0 */
};

struct SetVal {
    Handle *table;             /* mask + 1 slots; 0 empty, dummy below */
    uint32_t mask;             /* table size - 1 */
    uint32_t fill, used;
    uint64_t table_addr;       /* block when not the small table */
};
#define SET_DUMMY   0xffffffffu
#define SET_MINSIZE 8

/* Hooks the layers above install.  All may be NULL. */
typedef struct MachineHooks {
    void *ctx;
    /* Run obj's __del__ (a finalizer).  obj has refcount 1 during the
     * call, as in PyObject_CallFinalizerFromDealloc. */
    void (*finalize)(void *ctx, Machine *m, Handle obj);
    /* Clear the weak references to obj and call their callbacks
     * (PyObject_ClearWeakRefs), after its finalizer. */
    void (*clear_weakrefs)(void *ctx, Machine *m, Handle obj);
    /* Call a weak reference's callback (the collector's
     * handle_weakrefs); the VM reports errors. */
    void (*weakref_callback)(void *ctx, Machine *m, Handle wr, Handle cb);
    /* Called after a GC object is allocated and counted: the collector
     * decides whether an automatic collection runs now. */
    void (*gc_alloc)(void *ctx, Machine *m);
} MachineHooks;

typedef struct FreeList {
    uint64_t *blocks;          /* simulated addresses, LIFO */
    uint32_t n, cap, max;
} FreeList;

#define TRASH_UNWIND_LEVEL 50
#define NSMALLNEG   5
#define NSMALLPOS   257
#define STATIC_REFCNT 999999999
#define MACHINE_STATIC_BASE UINT64_C(0x55f4c8a00000)
#define MACHINE_DATASTACK_BASE UINT64_C(0x7ffd4a000000)
#define DATASTACK_CHUNK 16384
#define FRAME_SPECIALS 9
#define TUPLE_FREELISTS 20
#define LIST_FREELIST_MAX 80
#define DICT_FREELIST_MAX 80
#define TUPLE_FREELIST_MAX 2000
#define CLASS_SHARED_KEYS 30

typedef struct GcGen {
    Handle head, tail;
    uint64_t len;
    int64_t count;
    int64_t threshold;
} GcGen;

struct Machine {
    Heap heap;
    Object *objs;              /* indexed by handle; objs[0] unused */
    uint32_t nobjs, objcap;
    Handle free_handles;       /* chain through u.next_free */
    uint64_t live;             /* live objects, statics included */
    uint64_t static_next;      /* next static address */

    /* Static objects. */
    Handle none, true_, false_, empty_tuple, empty_str;
    Handle small_ints[NSMALLNEG + NSMALLPOS];
    Handle latin1[256];        /* one-character strings */

    /* Frames and the data stack. */
    Frame *frames;
    uint32_t nframes, framecap;
    Handle *slots;             /* locals and value stacks of all frames */
    uint32_t nslots, slotcap;
    uint64_t dstack_used;      /* bytes used in the current chunk */
    uint64_t dstack_chunk;     /* address of the current chunk */
    uint32_t dstack_chunks;

    /* Roots held outside any object (module table, interned strings). */
    Handle *roots;
    uint32_t nroots, rootcap;

    /* Garbage collector state (the collector lives in sim/gc.c). */
    GcGen gen[GC_NLISTS];      /* generations, permanent, working lists */
    int gc_enabled;
    int gc_collecting;
    int gc_debug;              /* gc.set_debug flags */
    int exception_pending;     /* set by the VM: no automatic collection */
    /* The simulated heap's limit (arenas plus raw blocks, in bytes; 0
     * for none) and whether an allocation has gone past it since the VM
     * last looked (the VM raises MemoryError: see m_heap_room). */
    uint64_t heap_limit;
    int heap_exceeded;
    int64_t long_lived_total, long_lived_pending;
    Handle gc_garbage;         /* the gc.garbage list, or 0 */
    uint64_t gc_collections[NGENERATIONS];
    /* For the views: the phase of the collection under way, and the
     * last collection's generation and result (-1 before any). */
    int gc_phase, gc_generation;
    int gc_last_generation;
    int64_t gc_last_collected;

    /* Type free lists. */
    FreeList list_free, dict_free, dict_keys_free;
    FreeList tuple_free[TUPLE_FREELISTS];

    /* Deallocation: the trashcan. */
    int trash_nesting;
    Handle trash_later;        /* chain through gc_prev, LIFO */

    /* sys.stdout's pending chunks (strong): 0, one chunk or a list. */
    Handle io_pending;

    /* Output printed so far. */
    char *out;
    size_t outlen, outcap;

    /* Events. */
    EventSink sink;
    void *sink_ctx;
    int observed;              /* a sink or the state check: see emit */
    uint64_t nevents;
    MachineHooks hooks;

    /* The state check (machine_set_verify): after every Nth event the
     * state is hashed, and the next primitive compares it with the
     * state it finds before changing anything. */
    uint32_t verify_every;     /* 0: off */
    int verify_armed;
    uint8_t verify_armed_kind;
    uint64_t verify_hash;
    uint64_t verify_failures;
    uint64_t verify_event;     /* the first failure: the event after which */
    uint8_t verify_kind;       /* the state changed, its kind, and the */
    const char *verify_where;  /* primitive that found the change */
};

/* Set-up and tear-down. */
void machine_init(Machine *m);
void machine_done(Machine *m);
void machine_set_sink(Machine *m, EventSink sink, void *ctx);
/* What the layers above set without an event: their hooks (a copy of
 * *hooks), the heap's limit (heap_limit), whether an exception is being
 * raised (exception_pending) and gc.garbage's list (borrowed; made
 * before the program runs). */
void machine_set_hooks(Machine *m, const MachineHooks *hooks);
void machine_set_heap_limit(Machine *m, uint64_t bytes);
void machine_set_exception_pending(Machine *m, int pending);
void machine_set_gc_garbage(Machine *m, Handle list);
/* Check that nothing changes the machine outside a primitive: after
 * every `every'th event (1: all; 0: off) the simulated state is hashed
 * (machine_state_hash), and the next primitive hashes it again before it
 * changes anything.  A difference is counted in verify_failures, the
 * first one described by verify_event, verify_kind and verify_where. */
void machine_set_verify(Machine *m, uint32_t every);

/* Reading (const).  Outside src/sim an object is read only: it changes
 * through its family's constructors and mutators below, which src/sim
 * builds from the primitives (and which write m->objs[h] themselves). */
static inline const Object *
m_obj(const Machine *m, Handle h)
{
    return &m->objs[h];
}
static inline int
m_is_gc(const Machine *m, Handle h)
{
    return type_info[m->objs[h].type].gc;
}
const char *m_type_name(const Machine *m, Handle h);
size_t m_sizeof(const Machine *m, Handle h);       /* sys.getsizeof */
/* len() of a sized container (str, tuple, list, dict, set): 1 with the
 * length in *len, or 0 when h's type has none. */
int m_len(const Machine *m, Handle h, uint32_t *len);
/* A few words on h's value for the views ("len 3", "class C", "'abc'");
 * empty when the type's name says all.  A code object's program is
 * src/py's: render/describe.c names it. */
void m_describe(const Machine *m, Handle h, char *buf, size_t size);
int m_is_live(const Machine *m, Handle h);
/* Bytes of simulated memory in use: the arenas (1 MiB each, however
 * full) and the raw blocks.  The limit (heap_limit) counts these and
 * the host's table of objects (m_limited_bytes), which for small
 * objects is as big again, so that the host's memory stays near the
 * limit.  m_heap_room: may nbytes more be allocated under the limit?
 * Operations whose size the program chooses ask first and raise
 * MemoryError; every other allocation goes through and sets
 * heap_exceeded when it passes the limit. */
uint64_t m_heap_bytes(const Machine *m);
uint64_t m_limited_bytes(const Machine *m);
int m_heap_room(const Machine *m, uint64_t nbytes);

/* Visit every strong reference an object holds, in traverse order. */
typedef void (*VisitFn)(void *arg, Handle from, uint32_t slot, Handle to);
void m_traverse(const Machine *m, Handle h, VisitFn fn, void *arg);
/* A traversal: m_traverse, or gc_traverse (tp_traverse's references). */
typedef void (*TraverseFn)(const Machine *m, Handle h, VisitFn fn, void *arg);
/* The references a traversal visits, in its order: v[0 .. n - 1].  The
 * array (cap entries) is reused from one m_referents to the next; its
 * owner frees v. */
typedef struct Referents {
    Handle *v;
    uint32_t n;
    size_t cap;
} Referents;
/* Gather in r the references traverse visits from h. */
void m_referents(const Machine *m, Handle h, TraverseFn traverse, Referents *r);
/* Does traverse visit one of the n targets from h? */
int m_refers_to(const Machine *m, Handle h, TraverseFn traverse, const Handle *targets,
                uint32_t n);

/* ---- Primitives: the only functions that change machine state. ---- */

/* Allocate an object of type t with a body of nbytes (pre-header
 * included); refcount 1, payload zeroed.  New reference. */
Handle m_alloc(Machine *m, ObjType t, size_t nbytes);
/* The same without the type free lists (PyType_GenericAlloc). */
Handle m_alloc_fresh(Machine *m, ObjType t, size_t nbytes);
/* m_alloc with the initial payload: the object has its body (a dict's
 * Dict, a tuple's items...) when EV_ALLOC reaches the sink.  init may be
 * NULL (payload zeroed). */
Handle m_alloc_init(Machine *m, ObjType t, size_t nbytes, const ObjPayload *init);
Handle m_alloc_fresh_init(Machine *m, ObjType t, size_t nbytes, const ObjPayload *init);
void m_incref(Machine *m, Handle h);
/* Decrement; at zero the object is deallocated at once, its references
 * released in CPython's order.  Cascades run on an explicit stack. */
void m_decref(Machine *m, Handle h);
/* Store v in container slot i (no refcount change); returns the old. */
Handle m_store(Machine *m, Handle obj, uint32_t slot, Handle v);
/*
 * A container's own layout (its length, counts, index table, capacity,
 * the host arrays behind them) changes as part of the primitive that
 * announces it, never between two events: the _with primitives run
 * layout(m, obj, addr, arg) after PRIM_BEGIN, before their event (addr
 * is the new block for m_storage_with, else 0).  A layout function
 * changes only obj's payload and the host memory behind it (and, for
 * m_alloc_init_with, the links of the objects the new one joins).
 */
typedef void (*LayoutFn)(Machine *m, Handle obj, uint64_t addr, void *arg);
/* m_store with a layout change: a dict's new entry is made by the
 * store of its key, a list grows by the store of its new last item. */
Handle m_store_with(Machine *m, Handle obj, uint32_t slot, Handle v, LayoutFn layout, void *arg);
/* m_alloc_init whose new object joins others as it is made: layout(m,
 * h, 0, arg) runs before EV_ALLOC announces it (a weak reference linked
 * into its referent's list). */
Handle m_alloc_init_with(Machine *m, ObjType t, size_t nbytes, const ObjPayload *init,
                         LayoutFn layout, void *arg);
/* A layout change announced by nothing else: EV_RESIZE (a list
 * shortened in place, a=old length, b=new). */
void m_resize(Machine *m, Handle obj, int64_t oldlen, int64_t newlen, LayoutFn layout, void *arg);
/* PyMem_Realloc of separate storage of obj (old may be 0). */
uint64_t m_storage(Machine *m, Handle obj, HeapRole role, uint64_t old, size_t nbytes);
uint64_t m_storage_with(Machine *m, Handle obj, HeapRole role, uint64_t old, size_t nbytes,
                        LayoutFn layout, void *arg);
/* PyMem_Free of separate storage of obj. */
void m_storage_free(Machine *m, Handle obj, HeapRole role, uint64_t old);
/* Separate storage taken off a type's free list (EV_STORAGE 0 -> the
 * block), and given back to it (EV_STORAGE the block -> 0): the dict
 * keys' free list.  The block stays allocated in the heap. */
uint64_t m_storage_take(Machine *m, Handle obj, HeapRole role, FreeList *fl, size_t nbytes,
                        LayoutFn layout, void *arg);
void m_storage_keep(Machine *m, Handle obj, HeapRole role, uint64_t addr, FreeList *fl,
                    LayoutFn layout, void *arg);
void m_storage_free_with(Machine *m, Handle obj, HeapRole role, uint64_t old, LayoutFn layout,
                         void *arg);
void m_track(Machine *m, Handle h);
void m_untrack(Machine *m, Handle h);
/* Frames. */
/* Push a frame at line `line'; steals func, code and locals (each may
 * be 0). */
uint32_t m_frame_push(Machine *m, Handle func, Handle code, Handle globals, Handle locals,
                      uint32_t nlocals, uint32_t stacksize, uint32_t line);
/* The top frame starts instruction i (the VM's marker): f_lasti is i
 * and, when it starts a line, the line is lineno (EV_LINE, else
 * EV_INSTR; op is the opcode, for the views). */
void m_instr(Machine *m, uint32_t i, int lineno, int op, int starts_line);
/* Pop the top frame and release, in order, its locals and value stack,
 * f_locals, the function and the code (_PyFrame_Clear). */
void m_frame_pop(Machine *m);
Handle m_bind(Machine *m, uint32_t slot, Handle v);   /* returns old (owned) */
void m_push(Machine *m, Handle v);      /* steals v */
/* SWAP i: the top of the value stack and its i-th item change places. */
void m_swap(Machine *m, uint32_t i);
Handle m_pop(Machine *m);               /* new reference to the caller */
Handle m_peek(const Machine *m, uint32_t depth);      /* borrowed */
/* The collector's primitives (sim/gc.c): move an object to the end of
 * a list, append a whole list to another, set gc_refs. */
void m_gc_move(Machine *m, Handle h, int list);
void m_gc_merge(Machine *m, int from, int to);
void m_gc_set_refs(Machine *m, Handle h, int32_t refs);
/* Where obj keeps its list of weak references (tp_weaklistoffset), or
 * NULL if its type does not support them. */
Handle *m_weaklist(Machine *m, Handle obj);
/* Take a weak reference off its referent's list (clear_weakref),
 * within a primitive. */
void m_weakref_unlink(Machine *m, Handle wr);
/* The collector's _PyWeakref_ClearRef: off its referent's list, the
 * callback kept (EV_WEAKREF). */
void m_weakref_clear_ref(Machine *m, Handle wr);
/* clear_weakref and the callback taken out, in one store: returns the
 * callback (the caller's reference), or 0. */
Handle m_weakref_clear(Machine *m, Handle wr);
/* Generation counts (the collector and gc module). */
void m_set_count(Machine *m, int gen, int64_t count);
/* Roots. */
void m_root_add(Machine *m, Handle h); /* steals */
/* Take h off the roots without releasing it: the caller now owns the
 * reference the roots held. */
void m_root_take(Machine *m, Handle h);
/* Output. */
void m_write(Machine *m, const char *s, size_t n);
/* Make h (0, a chunk or a list of chunks) the holder of sys.stdout's
 * pending chunks, with `bytes' pending; no refcount changes (as
 * m_store): returns the old holder. */
Handle m_io_pending(Machine *m, Handle h, uint64_t bytes);

static inline Frame *
m_frame(const Machine *m)
{
    return m->nframes ? &m->frames[m->nframes - 1] : NULL;
}
static inline Handle
m_local(const Machine *m, uint32_t slot)
{
    return m->slots[m_frame(m)->base + slot];
}

/* ---- Object constructors and operations built from primitives. ---- */
/* All return new references unless they say otherwise. */

Handle m_none(Machine *m);
Handle m_bool(Machine *m, int v);
Handle m_int(Machine *m, int64_t v);
/* From decimal digits (optionally with a leading '-'). */
Handle m_int_from_decimal(Machine *m, const char *s);
Handle m_int_from_digits(Machine *m, int sign, const uint32_t *digits, int32_t n);
int m_int_fits(const Machine *m, Handle h, int64_t *out);
Handle m_str(Machine *m, const char *utf8, size_t nbytes);
Handle m_str_cstr(Machine *m, const char *s);
Handle m_tuple_new(Machine *m, uint32_t n);        /* items NULL */
Handle m_list_new(Machine *m, uint32_t n);         /* exactly n slots (PyList_New) */
/* list_new_prealloc: room for exactly n items, length 0. */
Handle m_list_new_prealloc(Machine *m, uint32_t n);
/* list_preallocate_exact for a list with no capacity: room for n items
 * (rounded up to even) and the length len <= n, in one storage event. */
void m_list_preallocate(Machine *m, Handle list, uint32_t n, uint32_t len);
/* list_resize: set the length, reallocating the item array as 3.11 does. */
void m_list_resize(Machine *m, Handle list, uint32_t newsize);
void m_list_append(Machine *m, Handle list, Handle v);   /* steals v */
/* list_extend's loop: the store of v after the last item makes the list
 * longer where there is room, else m_list_append.  Steals v. */
void m_list_push(Machine *m, Handle list, Handle v);
/* _list_clear: emptied, then the items released last to first. */
void m_list_clear(Machine *m, Handle list);
/* Set the length within the capacity (EV_RESIZE when it changes); the
 * caller has taken out the items past a shorter length. */
void m_list_set_len(Machine *m, Handle list, uint32_t len);
void m_list_set(Machine *m, Handle list, uint32_t i, Handle v); /* steals v */
Handle m_dict_new(Machine *m);
Handle m_dict_new_fresh(Machine *m);   /* without the free list (dict()) */
Handle m_dict_new_presized(Machine *m, uint32_t n, int unicode);
/* Set d[k] = v; steals neither. */
void m_dict_setitem(Machine *m, Handle d, Handle k, Handle v);
/* Delete d[k]; returns 0, or -1 if absent. */
int m_dict_delitem(Machine *m, Handle d, Handle k);
Handle m_dict_getitem(const Machine *m, Handle d, Handle k);  /* borrowed or 0 */
void m_dict_clear(Machine *m, Handle d);
/* dict_merge(a, b) with b a dict (dict(b), a.update(b)); PyDict_Copy. */
void m_dict_merge(Machine *m, Handle a, Handle b);
Handle m_dict_copy(Machine *m, Handle d);
Handle m_set_new(Machine *m);
void m_set_add(Machine *m, Handle s, Handle k);       /* steals neither */
/* set_merge's resize before merging a set of other_used keys. */
void m_set_presize(Machine *m, Handle s, uint32_t other_used);
void m_set_merge(Machine *m, Handle s, Handle other);    /* set_merge */
/* Steals dict; the class has a finalizer if dict defines __del__. */
Handle m_class_new(Machine *m, const char *name, Handle dict);
/* add_subclass: the class's entry in object's subclasses (two roots). */
void m_class_add_subclass(Machine *m, Handle cls);
Handle m_instance_new(Machine *m, Handle cls);
int m_inst_setattr(Machine *m, Handle inst, Handle name, Handle v); /* steals neither */
Handle m_inst_getattr(const Machine *m, Handle inst, Handle name);  /* borrowed or 0 */
Handle m_inst_dict(Machine *m, Handle inst);          /* borrowed; materialises */
Handle m_cell_new(Machine *m, Handle v);              /* steals v */
Handle m_module_new(Machine *m, const char *name);
/* A dict view of type t over dict (slot 0, a new reference), tracked
 * when t is a GC type (iter.c). */
Handle m_view_new(Machine *m, ObjType t, Handle dict);
Handle m_function_new(Machine *m, Handle code, Handle globals, Handle name,
                      Handle defaults, Handle closure); /* steals all */
/* A code object of nbytes for the compiler's program; steals consts and
 * names. */
Handle m_code_new(Machine *m, void *code, size_t nbytes, Handle consts, Handle names);
/* weakref.ref(obj, cb): a new weak reference to obj, linked into obj's
 * list at the head (prev 0) or after prev as it is allocated, holding
 * the callback cb (borrowed; 0 for none). */
Handle m_weakref_new(Machine *m, Handle obj, Handle prev, Handle cb);
/* A built-in function object for the built-in id, bound to self
 * (borrowed, 0 for none); tracked. */
Handle m_builtin_new(Machine *m, uint32_t id, Handle self);
/* A static built-in object of type t (a type or a built-in function)
 * named by id, made before the program runs. */
Handle m_builtin_static(Machine *m, ObjType t, size_t nbytes, uint32_t id);
/* Iterators (iter.c).  An iterator of type t over seq (stolen), with its
 * stop; tracked if t is a GC type. */
Handle m_iter_new(Machine *m, ObjType t, Handle seq, int64_t stop);
/* A range iterator of len values: from start by step, or, for a range
 * whose values do not fit (range non-zero, borrowed), counting from 0. */
Handle m_rangeiter_new(Machine *m, Handle range, int64_t start, int64_t step, int64_t len);
/* The iterator's next index (a range iterator's next value) and stop
 * (EV_ITER when either changes). */
void m_iter_set(Machine *m, Handle it, int64_t index, int64_t stop);
/* range(): steals the four ints; len the length, or -1 if too long. */
Handle m_range_new(Machine *m, Handle start, Handle stop, Handle step, Handle length,
                   int64_t len);

/* The checker (sim/check.c): recomputes every refcount from the
 * references that exist, every pool's blocks, every generation list and
 * the ownership of every heap block.  0 if consistent, else -1 with a
 * message. */
int machine_check(const Machine *m, char *buf, size_t bufsize);

/* Static objects (no heap block); used by machine_init. */
Handle machine_static(Machine *m, ObjType t, size_t nbytes);

/* _PyObject_GC_MAY_BE_TRACKED: a GC object, but a tuple only if tracked. */
int m_may_be_tracked(const Machine *m, Handle h);

/* Hashing and equality of dict and set keys (ints by value, strs by
 * text, everything else by identity). */
uint64_t m_hash_any(const Machine *m, Handle h);
/* A str's hash is kept: the common key needs no call. */
static inline uint64_t
m_hash(const Machine *m, Handle h)
{
    const Object *o = &m->objs[h];

    return o->type == T_STR ? o->u.s.hash : m_hash_any(m, h);
}
int m_key_eq(const Machine *m, Handle a, Handle b);

#endif
