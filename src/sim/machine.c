/*
 * machine.c: the object table, the primitives, frames, and deallocation.
 *
 * The primitives are the only code that assigns to machine state.  Each
 * emits one event.  Deallocation is the one long operation here: when a
 * decref reaches zero the object's references are released in CPython's
 * order (list_dealloc, tupledealloc, dict_dealloc, subtype_dealloc, ...),
 * and each release may deallocate further objects.  CPython recurses on
 * the C stack, bounded by the "trashcan" (Objects/object.c): once 50
 * trashcan-aware deallocations are nested, the next object is deposited
 * on a delete-later list and destroyed when the outermost one finishes.
 * We run the same algorithm on an explicit stack of DFrames, one per
 * deallocation that CPython would have on its C stack, so the order of
 * events, including the trashcan's reordering, is CPython's, and a
 * million-node cascade uses no host C stack.
 */
#include <config.h>

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "sim/gc.h"
#include "sim/machine.h"
#include "sim/prim.h"
#include "sim/snapshot.h"
#include "sim/typeops.h"

const char *const event_names[EV_COUNT] = {
#define X(id, name) name,
#include "sim/event.def"
#undef X
};

/* ------------------------------------------------------------------ */
/* Events.                                                            */

/* After the event's change: arm the state check (machine_set_verify).
 * Off the fast path: a run without --verify only tests verify_every. */
static void __attribute__((noinline, cold))
verify_end(Machine *m, EventKind kind)
{
    /* Any other event announces what changed since the hash: disarm. */
    m->verify_armed = 0;
    if (m->nevents % m->verify_every == 0) {
        m->verify_hash = machine_state_hash(m);
        m->verify_armed = 1;
        m->verify_armed_kind = (uint8_t)kind;
    }
}

void __attribute__((noinline, cold))
machine_verify_begin(Machine *m, const char *where)
{
    m->verify_armed = 0;
    if (machine_state_hash(m) != m->verify_hash && m->verify_failures++ == 0) {
        m->verify_event = m->nevents;
        m->verify_kind = m->verify_armed_kind;
        m->verify_where = where;
    }
}

void
machine_set_verify(Machine *m, uint32_t every)
{
    m->verify_every = every;
    m->verify_armed = 0;
    m->observed = m->sink != NULL || m->verify_every != 0;
}

static void __attribute__((noinline))
emit_to_sink(Machine *m, EventKind kind, uint8_t role, Handle obj, uint32_t slot, int64_t a,
             int64_t b, uint64_t c)
{
    Event e;

    e.kind = (uint8_t)kind;
    e.role = role;
    e.obj = obj;
    e.frame = m->nframes ? m->nframes - 1 : 0;
    e.slot = slot;
    e.a = a;
    e.b = b;
    e.c = c;
    m->sink(m->sink_ctx, m, &e);
}

/* The event's count; the state check and the sink when there are any
 * (one test on the fast path: Machine.observed). */
static inline void
emit_role(Machine *m, EventKind kind, uint8_t role, Handle obj, uint32_t slot, int64_t a,
          int64_t b, uint64_t c)
{
    m->nevents++;
    if (__builtin_expect(m->observed, 0)) {
        if (m->verify_every != 0) {
            verify_end(m, kind);
        }
        if (m->sink != NULL) {
            emit_to_sink(m, kind, role, obj, slot, a, b, c);
        }
    }
}

static inline void
emit(Machine *m, EventKind kind, Handle obj, uint32_t slot, int64_t a, int64_t b, uint64_t c)
{
    emit_role(m, kind, 0, obj, slot, a, b, c);
}

void
machine_emit(Machine *m, EventKind kind, Handle obj, uint32_t slot, int64_t a, int64_t b,
             uint64_t c)
{
    PRIM_BEGIN(m);
    emit(m, kind, obj, slot, a, b, c);
}

void
machine_set_sink(Machine *m, EventSink sink, void *ctx)
{
    m->sink = sink;
    m->sink_ctx = ctx;
    m->observed = m->sink != NULL || m->verify_every != 0;
}

/* Configuration, not state: the hooks change nothing a student sees. */
void
machine_set_hooks(Machine *m, const MachineHooks *hooks)
{
    m->hooks = *hooks;
}

void
machine_set_heap_limit(Machine *m, uint64_t bytes)
{
    m->heap_limit = bytes;
}

/* The VM's bookkeeping, which the state check leaves out. */
void
machine_set_exception_pending(Machine *m, int pending)
{
    m->exception_pending = pending;
}

/* Set up with the gc module, before the program runs. */
void
machine_set_gc_garbage(Machine *m, Handle list)
{
    m->gc_garbage = list;
}

/* ------------------------------------------------------------------ */
/* The object table.                                                  */

static Handle
handle_new(Machine *m)
{
    Handle h;

    if (m->free_handles != NULL_HANDLE) {
        h = m->free_handles;
        m->free_handles = m->objs[h].u.next_free;
    } else {
        if (m->nobjs == m->objcap) {
            m->objcap = m->objcap ? m->objcap * 2 : 1024;
            m->objs = xrealloc(m->objs, m->objcap * sizeof *m->objs);
        }
        h = m->nobjs++;
        assert(h <= HEAP_MAX_HANDLE);
    }
    memset(&m->objs[h], 0, sizeof m->objs[h]);
    m->objs[h].flags = OF_LIVE;
    m->objs[h].gen = GEN_NONE;
    m->live++;
    return h;
}

static void
handle_release(Machine *m, Handle h)
{
    m->objs[h].flags = 0;
    m->objs[h].u.next_free = m->free_handles;
    m->free_handles = h;
    m->live--;
}

int
m_is_live(const Machine *m, Handle h)
{
    return h != NULL_HANDLE && h < m->nobjs && (m->objs[h].flags & OF_LIVE);
}

const char *
m_type_name(const Machine *m, Handle h)
{
    const Object *o = &m->objs[h];

    if (o->type == T_INSTANCE && o->u.inst.cls != NULL_HANDLE) {
        const Object *c = &m->objs[o->u.inst.cls];
        return m->objs[c->u.c->name].u.s.utf8;
    }
    if (o->type == T_TYPE || o->type == T_CLASS) {
        return "type";
    }
    return type_info[o->type].pyname;
}

/* A static object: no heap block, refcount 999,999,999 as 3.11's
 * statically allocated objects start. */
Handle
machine_static(Machine *m, ObjType t, size_t nbytes)
{
    Handle h = handle_new(m);
    Object *o = &m->objs[h];

    o->type = (uint8_t)t;
    o->flags |= OF_STATIC;
    o->refcnt = STATIC_REFCNT;
    o->nbytes = (uint32_t)nbytes;
    o->addr = m->static_next + type_info[t].presize;
    m->static_next += (nbytes + 15) & ~(size_t)15;
    return h;
}

/* ------------------------------------------------------------------ */
/* Free lists (Objects/listobject.c, dictobject.c, tupleobject.c).    */

static FreeList *
freelist_for(Machine *m, ObjType t, size_t nbytes)
{
    if (t == T_LIST) {
        return &m->list_free;
    }
    if (t == T_DICT) {
        return &m->dict_free;
    }
    if (t == T_TUPLE) {
        size_t n = (nbytes - type_basic_nbytes(T_TUPLE)) / 8;
        if (n >= 1 && n <= TUPLE_FREELISTS) {
            return &m->tuple_free[n - 1];
        }
    }
    return NULL;
}

void
machine_freelist_push(FreeList *fl, uint64_t block)
{
    if (fl->n == fl->cap) {
        fl->cap = fl->cap ? fl->cap * 2 : 16;
        fl->blocks = xrealloc(fl->blocks, fl->cap * sizeof *fl->blocks);
    }
    fl->blocks[fl->n++] = block;
}

/* clear_freelists: on a full collection the type free lists give their
 * blocks back; a GC object's PyObject_GC_Del lowers the count. */
void machine_clear_freelists(Machine *m);

static void
drain(Machine *m, FreeList *fl, int gc)
{
    PRIM_BEGIN(m);
    while (fl->n > 0) {
        uint64_t block = fl->blocks[--fl->n];
        int64_t oldcount = m->gen[0].count;
        heap_free(&m->heap, block);
        if (gc && m->gen[0].count > 0) {
            m->gen[0].count--;
        }
        emit(m, EV_FREE, NULL_HANDLE, 0, (int64_t)block, 0, (uint64_t)oldcount);
    }
}

void
machine_clear_freelists(Machine *m)
{
    for (int i = 0; i < TUPLE_FREELISTS; i++) {
        drain(m, &m->tuple_free[i], 1);
    }
    drain(m, &m->list_free, 1);
    drain(m, &m->dict_free, 1);
    drain(m, &m->dict_keys_free, 0);
}

/* ------------------------------------------------------------------ */
/* Primitives.                                                        */

static Handle alloc_object(Machine *m, ObjType t, size_t nbytes, const ObjPayload *init,
                           int use_freelist, LayoutFn layout, void *arg);

uint64_t
m_heap_bytes(const Machine *m)
{
    return m->heap.stats.arenas_current * HEAP_ARENA_SIZE + m->heap.stats.raw_bytes;
}

uint64_t
m_limited_bytes(const Machine *m)
{
    return m_heap_bytes(m) + (uint64_t)m->nobjs * sizeof *m->objs;
}

int
m_heap_room(const Machine *m, uint64_t nbytes)
{
    uint64_t used = m_limited_bytes(m);

    return m->heap_limit == 0 || (used <= m->heap_limit && nbytes <= m->heap_limit - used);
}

/* After an allocation: past the limit, the VM is to raise MemoryError. */
static inline void
note_heap_use(Machine *m)
{
    if (m->heap_limit != 0 && m_limited_bytes(m) > m->heap_limit) {
        m->heap_exceeded = 1;
    }
}

Handle
m_alloc(Machine *m, ObjType t, size_t nbytes)
{
    return alloc_object(m, t, nbytes, NULL, 1, NULL, NULL);
}

Handle
m_alloc_init(Machine *m, ObjType t, size_t nbytes, const ObjPayload *init)
{
    return alloc_object(m, t, nbytes, init, 1, NULL, NULL);
}

Handle
m_alloc_fresh(Machine *m, ObjType t, size_t nbytes)
{
    return alloc_object(m, t, nbytes, NULL, 0, NULL, NULL);
}

Handle
m_alloc_fresh_init(Machine *m, ObjType t, size_t nbytes, const ObjPayload *init)
{
    return alloc_object(m, t, nbytes, init, 0, NULL, NULL);
}

Handle
m_alloc_init_with(Machine *m, ObjType t, size_t nbytes, const ObjPayload *init,
                  LayoutFn layout, void *arg)
{
    return alloc_object(m, t, nbytes, init, 1, layout, arg);
}

static Handle
alloc_object(Machine *m, ObjType t, size_t nbytes, const ObjPayload *init, int use_freelist,
             LayoutFn layout, void *arg)
{
    PRIM_BEGIN(m);
    Handle h = handle_new(m);
    Object *o = &m->objs[h];
    FreeList *fl = use_freelist ? freelist_for(m, t, nbytes) : NULL;
    uint64_t block;
    int reused = 0;

    o->type = (uint8_t)t;
    o->refcnt = 1;
    o->nbytes = (uint32_t)nbytes;
    if (fl != NULL && fl->n > 0) {
        block = fl->blocks[--fl->n];
        heap_retag(&m->heap, block, HEAP_TAG(h, HEAP_ROLE_OBJECT));
        reused = 1;
    } else {
        block = heap_alloc(&m->heap, nbytes, HEAP_TAG(h, HEAP_ROLE_OBJECT));
    }
    o = &m->objs[h];
    o->addr = block + type_info[t].presize;
    if (init != NULL) {
        o->u = *init;
    }
    if (layout != NULL) {
        layout(m, h, 0, arg);
    }
    /* gc_alloc: a GC object counts towards generation 0, unless it came
     * off a type free list. */
    int64_t oldcount = m->gen[0].count;
    if (type_info[t].gc && !reused) {
        m->gen[0].count++;
    }
    if (!reused) {
        note_heap_use(m);
    }
    emit(m, EV_ALLOC, h, reused, (int64_t)o->addr, (int64_t)nbytes, (uint64_t)oldcount);
    /* _PyObject_GC_Link: a collection may run inside the allocation. */
    if (type_info[t].gc && !reused && m->gen[0].count > m->gen[0].threshold && m->gc_enabled
        && m->gen[0].threshold != 0 && !m->gc_collecting && !m->exception_pending) {
        gc_collect_generations(m);
    }
    return h;
}

/* Free the body of h (tp_free or a type free list); the handle dies. */
static void
free_object(Machine *m, Handle h)
{
    /* Part of the deallocator's step (dstep begins the primitive): its
     * payload released, then the object. */
    Object *o = &m->objs[h];
    uint64_t block = o->addr - type_info[o->type].presize;
    FreeList *fl = freelist_for(m, (ObjType)o->type, o->nbytes);

    assert(!(o->flags & OF_TRACKED));
    if (fl != NULL && fl->n < fl->max) {
        machine_freelist_push(fl, block);
        heap_retag(&m->heap, block, HEAP_TAG(0, HEAP_ROLE_FREELIST));
        handle_release(m, h);
        emit(m, EV_FREELIST, h, 0, (int64_t)o->addr, o->nbytes, 0);
    } else {
        int64_t oldcount = m->gen[0].count;
        heap_free(&m->heap, block);
        /* PyObject_GC_Del: generation 0 count down, never below zero. */
        if (type_info[o->type].gc && m->gen[0].count > 0) {
            m->gen[0].count--;
        }
        handle_release(m, h);
        emit(m, EV_FREE, h, 0, (int64_t)o->addr, o->nbytes, (uint64_t)oldcount);
    }
}

void
m_incref(Machine *m, Handle h)
{
    PRIM_BEGIN(m);
    Object *o = &m->objs[h];

    assert(m_is_live(m, h));
    o->refcnt++;
    emit(m, EV_INCREF, h, 0, o->refcnt - 1, o->refcnt, 0);
}

static void dealloc(Machine *m, Handle h);

void
m_decref(Machine *m, Handle h)
{
    PRIM_BEGIN(m);
    Object *o = &m->objs[h];

    assert(m_is_live(m, h));
    assert(o->refcnt > 0);
    o->refcnt--;
    emit(m, EV_DECREF, h, 0, o->refcnt + 1, o->refcnt, 0);
    if (o->refcnt == 0) {
        dealloc(m, h);
    }
}

Handle
m_store(Machine *m, Handle obj, uint32_t slot, Handle v)
{
    return m_store_with(m, obj, slot, v, NULL, NULL);
}

Handle
m_store_with(Machine *m, Handle obj, uint32_t slot, Handle v, LayoutFn layout, void *arg)
{
    PRIM_BEGIN(m);
    if (layout != NULL) {
        layout(m, obj, 0, arg);
    }
    const TypeOps *ops = m_ops(m, obj);
    assert(ops->slot != NULL);
    Handle *p = ops->slot(m, obj, slot);
    Handle old = *p;

    *p = v;
    emit(m, EV_STORE, obj, slot, old, v, 0);
    return old;
}

void
m_resize(Machine *m, Handle obj, int64_t oldlen, int64_t newlen, LayoutFn layout, void *arg)
{
    PRIM_BEGIN(m);
    layout(m, obj, 0, arg);
    emit(m, EV_RESIZE, obj, 0, oldlen, newlen, 0);
}

static void storage_event(Machine *m, Handle obj, HeapRole role, uint64_t old,
                          uint64_t addr, size_t nbytes);

uint64_t
m_storage(Machine *m, Handle obj, HeapRole role, uint64_t old, size_t nbytes)
{
    return m_storage_with(m, obj, role, old, nbytes, NULL, NULL);
}

uint64_t
m_storage_with(Machine *m, Handle obj, HeapRole role, uint64_t old, size_t nbytes,
               LayoutFn layout, void *arg)
{
    PRIM_BEGIN(m);
    uint64_t addr = heap_realloc(&m->heap, old, nbytes, HEAP_TAG(obj, role));

    note_heap_use(m);
    if (layout != NULL) {
        layout(m, obj, addr, arg);
    }
    storage_event(m, obj, role, old, addr, nbytes);
    return addr;
}

uint64_t
m_storage_take(Machine *m, Handle obj, HeapRole role, FreeList *fl, size_t nbytes,
               LayoutFn layout, void *arg)
{
    PRIM_BEGIN(m);
    uint64_t addr = fl->blocks[--fl->n];

    heap_retag(&m->heap, addr, HEAP_TAG(obj, role));
    if (layout != NULL) {
        layout(m, obj, addr, arg);
    }
    storage_event(m, obj, role, 0, addr, nbytes);
    return addr;
}

void
m_storage_keep(Machine *m, Handle obj, HeapRole role, uint64_t addr, FreeList *fl,
               LayoutFn layout, void *arg)
{
    PRIM_BEGIN(m);
    machine_freelist_push(fl, addr);
    heap_retag(&m->heap, addr, HEAP_TAG(0, HEAP_ROLE_FREELIST));
    if (layout != NULL) {
        layout(m, obj, 0, arg);
    }
    storage_event(m, obj, role, addr, 0, 0);
}

void
m_storage_free(Machine *m, Handle obj, HeapRole role, uint64_t old)
{
    m_storage_free_with(m, obj, role, old, NULL, NULL);
}

void
m_storage_free_with(Machine *m, Handle obj, HeapRole role, uint64_t old, LayoutFn layout,
                    void *arg)
{
    PRIM_BEGIN(m);
    heap_free(&m->heap, old);
    if (layout != NULL) {
        layout(m, obj, 0, arg);
    }
    storage_event(m, obj, role, old, 0, 0);
}

static void
storage_event(Machine *m, Handle obj, HeapRole role, uint64_t old, uint64_t addr,
              size_t nbytes)
{
    emit_role(m, EV_STORAGE, (uint8_t)role, obj, 0, (int64_t)old, (int64_t)addr, nbytes);
}

void machine_gen_append(Machine *m, int g, Handle h);
void machine_gen_remove(Machine *m, Handle h);

void
machine_gen_append(Machine *m, int g, Handle h)
{
    GcGen *gg = &m->gen[g];
    Object *o = &m->objs[h];

    o->gc_prev = gg->tail;
    o->gc_next = NULL_HANDLE;
    if (gg->tail != NULL_HANDLE) {
        m->objs[gg->tail].gc_next = h;
    } else {
        gg->head = h;
    }
    gg->tail = h;
    gg->len++;
    o->gen = (int8_t)g;
}

void
machine_gen_remove(Machine *m, Handle h)
{
    Object *o = &m->objs[h];
    GcGen *gg = &m->gen[o->gen];

    if (o->gc_prev != NULL_HANDLE) {
        m->objs[o->gc_prev].gc_next = o->gc_next;
    } else {
        gg->head = o->gc_next;
    }
    if (o->gc_next != NULL_HANDLE) {
        m->objs[o->gc_next].gc_prev = o->gc_prev;
    } else {
        gg->tail = o->gc_prev;
    }
    gg->len--;
    o->gc_prev = o->gc_next = NULL_HANDLE;
    o->gen = GEN_NONE;
}

void
m_track(Machine *m, Handle h)
{
    PRIM_BEGIN(m);
    Object *o = &m->objs[h];

    assert(type_info[o->type].gc);
    if (o->flags & OF_TRACKED) {
        return;
    }
    o->flags |= OF_TRACKED;
    machine_gen_append(m, 0, h);
    emit(m, EV_TRACK, h, 0, 0, 0, 0);
}

void
m_untrack(Machine *m, Handle h)
{
    PRIM_BEGIN(m);
    Object *o = &m->objs[h];

    if (!(o->flags & OF_TRACKED)) {
        return;
    }
    int g = o->gen;
    machine_gen_remove(m, h);
    m->objs[h].flags &= (uint8_t)~OF_TRACKED;
    emit(m, EV_UNTRACK, h, 0, g, 0, 0);
}

void
m_set_count(Machine *m, int gen, int64_t count)
{
    PRIM_BEGIN(m);
    int64_t old = m->gen[gen].count;

    m->gen[gen].count = count;
    emit(m, EV_GC_COUNT, 0, (uint32_t)gen, old, count, 0);
}

/* ------------------------------------------------------------------ */
/* Frames.                                                            */

/*
 * 3.11 keeps activation records on a data stack of 16 KiB chunks: a
 * frame takes 8 * (9 + nlocalsplus + stacksize) bytes.  When a frame
 * does not fit in the current chunk a new chunk is pushed; we place
 * chunks at deterministic addresses.
 */
uint32_t
m_frame_push(Machine *m, Handle func, Handle code, Handle globals, Handle locals,
             uint32_t nlocals, uint32_t stacksize, uint32_t line)
{
    PRIM_BEGIN(m);
    uint64_t bytes = 8 * ((uint64_t)FRAME_SPECIALS + nlocals + stacksize);

    if (m->nframes == m->framecap) {
        m->framecap = m->framecap ? m->framecap * 2 : 64;
        m->frames = xrealloc(m->frames, m->framecap * sizeof *m->frames);
    }
    uint32_t need = m->nslots + nlocals + stacksize;
    if (need > m->slotcap) {
        size_t cap = m->slotcap;
        m->slots = xgrow(m->slots, &cap, need, sizeof *m->slots);
        m->slotcap = (uint32_t)cap;
    }
    if (m->dstack_chunks == 0 || m->dstack_used + bytes > DATASTACK_CHUNK) {
        m->dstack_chunk = MACHINE_DATASTACK_BASE + (uint64_t)m->dstack_chunks * 0x100000;
        m->dstack_chunks++;
        m->dstack_used = 16;        /* the chunk header */
    }
    Frame *f = &m->frames[m->nframes++];
    memset(f, 0, sizeof *f);
    f->func = func;
    f->code = code;
    f->globals = globals;
    f->locals = locals;
    f->base = m->nslots;
    f->nlocals = nlocals;
    f->stacksize = stacksize;
    f->line = line;
    f->addr = m->dstack_chunk + m->dstack_used;
    m->dstack_used += bytes;
    for (uint32_t i = 0; i < nlocals + stacksize; i++) {
        m->slots[m->nslots + i] = NULL_HANDLE;
    }
    m->nslots = need;
    emit(m, EV_FRAME_PUSH, func, 0, (int64_t)f->addr, (int64_t)bytes, 0);
    return m->nframes - 1;
}

/*
 * _PyFrame_Clear: the frame is unlinked first, then its locals and stack
 * entries are released in order, then the function and the code.  The
 * handles are taken out before the frame goes so that finalizers run by
 * the releases see a consistent stack.
 */
void
m_frame_pop(Machine *m)
{
    PRIM_BEGIN(m);
    Frame *f = m_frame(m);
    uint32_t n = f->nlocals + f->sp;
    Handle func = f->func, code = f->code, locals = f->locals;
    Handle *held = xmalloc((n + 1) * sizeof *held);
    uint64_t bytes = 8 * ((uint64_t)FRAME_SPECIALS + f->nlocals + f->stacksize);
    uint64_t addr = f->addr;

    for (uint32_t i = 0; i < f->nlocals; i++) {
        held[i] = m->slots[f->base + i];
    }
    for (uint32_t i = 0; i < f->sp; i++) {
        held[f->nlocals + i] = m->slots[f->base + f->nlocals + i];
    }
    m->nslots = f->base;
    m->nframes--;
    m->dstack_used -= bytes;
    if (m->dstack_used <= 16 && m->dstack_chunks > 1) {
        m->dstack_chunks--;
        m->dstack_chunk = MACHINE_DATASTACK_BASE + (uint64_t)(m->dstack_chunks - 1) * 0x100000;
        m->dstack_used = DATASTACK_CHUNK;
        /* The previous chunk's use is recomputed from its frames. */
        uint64_t used = 16;
        for (uint32_t i = 0; i < m->nframes; i++) {
            if (m->frames[i].addr >= m->dstack_chunk
                && m->frames[i].addr < m->dstack_chunk + 0x100000) {
                used = m->frames[i].addr - m->dstack_chunk
                       + 8 * ((uint64_t)FRAME_SPECIALS + m->frames[i].nlocals
                              + m->frames[i].stacksize);
            }
        }
        m->dstack_used = used;
    }
    emit(m, EV_FRAME_POP, func, 0, (int64_t)addr, (int64_t)bytes, 0);
    /* The frame is gone; now its references are released. */
    Handle *keep = held;
    for (uint32_t i = 0; i < n; i++) {
        if (keep[i] != NULL_HANDLE) {
            m_decref(m, keep[i]);
        }
    }
    free(keep);
    if (locals != NULL_HANDLE) {
        m_decref(m, locals);
    }
    if (func != NULL_HANDLE) {
        m_decref(m, func);
    }
    if (code != NULL_HANDLE) {
        m_decref(m, code);
    }
}

void
m_instr(Machine *m, uint32_t i, int lineno, int op, int starts_line)
{
    PRIM_BEGIN(m);
    Frame *f = m_frame(m);

    f->lasti = i;
    if (starts_line) {
        f->line = (uint32_t)lineno;
    }
    emit(m, starts_line ? EV_LINE : EV_INSTR, f->func, i, lineno, op, 0);
}

Handle
m_bind(Machine *m, uint32_t slot, Handle v)
{
    PRIM_BEGIN(m);
    Frame *f = m_frame(m);
    Handle *p = &m->slots[f->base + slot];
    Handle old = *p;

    assert(slot < f->nlocals);
    *p = v;
    emit(m, EV_BIND, v, slot, old, v, 0);
    return old;
}

void
m_push(Machine *m, Handle v)
{
    PRIM_BEGIN(m);
    Frame *f = m_frame(m);

    assert(f->sp < f->stacksize);
    m->slots[f->base + f->nlocals + f->sp++] = v;
    emit(m, EV_PUSH, v, f->sp - 1, v, f->sp, 0);
}

/* SWAP i: the top of the value stack and its i-th item (from 1, the
 * top) change places. */
void
m_swap(Machine *m, uint32_t i)
{
    PRIM_BEGIN(m);
    Frame *f = m_frame(m);

    assert(i >= 2 && i <= f->sp);
    Handle *top = &m->slots[f->base + f->nlocals + f->sp - 1];
    Handle t = top[0];
    top[0] = top[1 - (int)i];
    top[1 - (int)i] = t;
    emit(m, EV_SWAP, NULL_HANDLE, i, top[0], t, 0);
}

Handle
m_pop(Machine *m)
{
    PRIM_BEGIN(m);
    Frame *f = m_frame(m);

    assert(f->sp > 0);
    Handle v = m->slots[f->base + f->nlocals + --f->sp];
    m->slots[f->base + f->nlocals + f->sp] = NULL_HANDLE;
    emit(m, EV_POP, v, f->sp, v, f->sp, 0);
    return v;
}

Handle
m_peek(const Machine *m, uint32_t depth)
{
    const Frame *f = m_frame(m);

    assert(depth < f->sp);
    return m->slots[f->base + f->nlocals + f->sp - 1 - depth];
}

void
m_root_add(Machine *m, Handle h)
{
    PRIM_BEGIN(m);
    if (m->nroots == m->rootcap) {
        m->rootcap = m->rootcap ? m->rootcap * 2 : 16;
        m->roots = xrealloc(m->roots, m->rootcap * sizeof *m->roots);
    }
    m->roots[m->nroots++] = h;
    emit(m, EV_ROOT, h, 0, 1, m->nroots, 0);
}

void
m_root_take(Machine *m, Handle h)
{
    PRIM_BEGIN(m);
    for (uint32_t i = m->nroots; i-- > 0;) {
        if (m->roots[i] == h) {
            memmove(m->roots + i, m->roots + i + 1, (m->nroots - i - 1) * sizeof *m->roots);
            m->nroots--;
            emit(m, EV_ROOT, h, 0, 0, m->nroots, 0);
            return;
        }
    }
    assert(!"m_root_take: not a root");
}

Handle
m_io_pending(Machine *m, Handle h, uint64_t bytes)
{
    PRIM_BEGIN(m);
    Handle old = m->io_pending;

    m->io_pending = h;
    emit(m, EV_IO, h, 0, old, (int64_t)bytes, 0);
    return old;
}

void
m_write(Machine *m, const char *s, size_t n)
{
    PRIM_BEGIN(m);
    if (m->outlen + n + 1 > m->outcap) {
        size_t cap = m->outcap;
        m->out = xgrow(m->out, &cap, m->outlen + n + 1, 1);
        m->outcap = cap;
    }
    memcpy(m->out + m->outlen, s, n);
    m->outlen += n;
    m->out[m->outlen] = '\0';
    emit(m, EV_WRITE, NULL_HANDLE, 0, (int64_t)(m->outlen - n), (int64_t)n, 0);
}

/* ------------------------------------------------------------------ */
/* Deallocation.                                                      */

/*
 * A DFrame is one deallocator CPython would have on its C stack.  stage
 * and i record how far it got.  A DFrame of kind CHAIN is
 * _PyTrash_thread_destroy_chain, draining the delete-later list.
 *
 * Stages for an object:
 *   0  untrack; enter the trashcan (or be deposited)
 *   1  instances only: the finalizer (__del__), maybe resurrecting
 *   2  release references one at a time, in the order of the type's
 *      release operation (i counts for it)
 *   3  free separate storage and the object itself
 *   4  instances only: release the class (subtype_dealloc does it last)
 *   5  leave the trashcan
 */
enum { DF_OBJECT, DF_CHAIN };

typedef struct DFrame {
    Handle h;
    Handle cls;                /* instances: the class to release last */
    uint32_t i;
    uint8_t kind;
    uint8_t stage;
    uint8_t trash;             /* entered the trashcan */
} DFrame;

typedef struct DStack {
    DFrame *v;
    size_t n, cap;
} DStack;

static void
dpush(DStack *st, uint8_t kind, Handle h)
{
    st->v = xgrow(st->v, &st->cap, st->n + 1, sizeof *st->v);
    DFrame *f = &st->v[st->n++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->h = h;
}

/* Free the simulated storage and the host payload of a dying object. */
static void
free_payload(Machine *m, Handle h)
{
    const TypeOps *ops = m_ops(m, h);

    if (ops->free_payload != NULL) {
        ops->free_payload(m, h);
    }
    type_host_free(&m->objs[h]);
    /* Nothing dangles while the handle waits for its free event (a
     * history copy may be taken then). */
    memset(&m->objs[h].u, 0, sizeof m->objs[h].u);
}

static void
trash_deposit(Machine *m, Handle h)
{
    PRIM_BEGIN(m);
    m->objs[h].gc_prev = m->trash_later;
    m->trash_later = h;
    emit(m, EV_TRASH, h, 0, m->trash_nesting, 0, 0);
}

/*
 * Advance the top frame by one action.  Returns a handle whose reference
 * the caller must now release, or 0; sets *done when the frame is over.
 */
static Handle
dstep(Machine *m, DStack *st, int *done)
{
    PRIM_BEGIN(m);
    DFrame *f = &st->v[st->n - 1];
    Handle v;

    *done = 0;
    if (f->kind == DF_CHAIN) {
        if (f->stage == 0) {
            m->trash_nesting++;
            f->stage = 1;
        }
        if (m->trash_later == NULL_HANDLE) {
            m->trash_nesting--;
            *done = 1;
            return NULL_HANDLE;
        }
        Handle op = m->trash_later;
        m->trash_later = m->objs[op].gc_prev;
        m->objs[op].gc_prev = NULL_HANDLE;
        dpush(st, DF_OBJECT, op);
        return NULL_HANDLE;
    }

    Object *o = &m->objs[f->h];
    ObjType t = (ObjType)o->type;
    switch (f->stage) {
    case 0:
        m_untrack(m, f->h);
        if (type_ops[t]->trashcan) {
            if (m->trash_nesting >= TRASH_UNWIND_LEVEL) {
                trash_deposit(m, f->h);
                *done = 1;
                return NULL_HANDLE;
            }
            m->trash_nesting++;
            f->trash = 1;
        }
        f->stage = 1;
        return NULL_HANDLE;
    case 1:
        if (t == T_CLASS && o->u.c != NULL
            && (o->u.c->subclass_ref != NULL_HANDLE || o->u.c->subclass_key != NULL_HANDLE)) {
            /* type_dealloc_common: remove_subclass deletes the class's
             * entry from object's subclasses, value then key. */
            Handle *slot = o->u.c->subclass_ref != NULL_HANDLE ? &o->u.c->subclass_ref
                                                                : &o->u.c->subclass_key;
            v = *slot;
            *slot = NULL_HANDLE;
            m_root_take(m, v);
            return v;
        }
        f->stage = 2;
        if (t == T_FUNCTION || t == T_METHOD || t == T_CLASS) {
            Handle *wl = m_weaklist(m, f->h);
            if (*wl != NULL_HANDLE && m->hooks.clear_weakrefs != NULL) {
                m->hooks.clear_weakrefs(m->hooks.ctx, m, f->h);
            }
        }
        if (t == T_INSTANCE) {
            Handle cls = o->u.inst.cls;
            if (m->objs[cls].u.c->has_del && !(o->flags & OF_FINALIZED)) {
                /* PyObject_CallFinalizerFromDealloc: tracked again,
                 * temporarily resurrected, __del__ called once. */
                m_track(m, f->h);
                m_incref(m, f->h);
                emit(m, EV_FINALIZE, f->h, 0, 0, 0, 0);
                if (m->hooks.finalize != NULL) {
                    m->hooks.finalize(m->hooks.ctx, m, f->h);
                }
                o = &m->objs[f->h];
                o->flags |= OF_FINALIZED;
                o->refcnt--;
                if (o->refcnt > 0) {
                    /* Resurrected: as if the decref never happened. */
                    o->flags &= (uint8_t)~OF_DYING;
                }
                emit(m, EV_DECREF, f->h, 0, o->refcnt + 1, o->refcnt, 0);
                if (o->refcnt > 0) {
                    f->stage = 5;
                    return NULL_HANDLE;
                }
                m_untrack(m, f->h);
            }
            o = &m->objs[f->h];
            if (o->u.inst.weaklist != NULL_HANDLE && m->hooks.clear_weakrefs != NULL) {
                m->hooks.clear_weakrefs(m->hooks.ctx, m, f->h);
            }
        }
        return NULL_HANDLE;
    case 2:
        v = type_ops[t]->release != NULL ? type_ops[t]->release(m, f->h, &f->i) : NULL_HANDLE;
        if (v == NULL_HANDLE) {
            f->stage = 3;
        }
        return v;
    case 3:
        if (t == T_INSTANCE) {
            f->cls = o->u.inst.cls;
            o->u.inst.cls = NULL_HANDLE;
        }
        free_payload(m, f->h);
        free_object(m, f->h);
        f->stage = 4;
        return NULL_HANDLE;
    case 4:
        f->stage = 5;
        if (f->cls != NULL_HANDLE) {
            v = f->cls;
            f->cls = NULL_HANDLE;
            return v;
        }
        return NULL_HANDLE;
    default:
        /* Py_TRASHCAN_END */
        *done = 1;
        if (f->trash) {
            m->trash_nesting--;
            if (m->trash_later != NULL_HANDLE && m->trash_nesting <= 0) {
                /* The frame becomes _PyTrash_thread_destroy_chain. */
                f->kind = DF_CHAIN;
                f->stage = 0;
                *done = 0;
            }
        }
        return NULL_HANDLE;
    }
}

static void
dealloc(Machine *m, Handle h)
{
    DStack st = {NULL, 0, 0};
    Object *o = &m->objs[h];

    assert(!(o->flags & OF_STATIC));
    o->flags |= OF_DYING;
    emit(m, EV_DEALLOC, h, 0, 0, 0, 0);
    dpush(&st, DF_OBJECT, h);
    while (st.n > 0) {
        int done;
        Handle v = dstep(m, &st, &done);
        if (done) {
            st.n--;
        }
        if (v != NULL_HANDLE) {
            Object *c = &m->objs[v];
            assert(c->refcnt > 0);
            c->refcnt--;
            emit(m, EV_DECREF, v, 0, c->refcnt + 1, c->refcnt, 0);
            if (c->refcnt == 0) {
                c->flags |= OF_DYING;
                emit(m, EV_DEALLOC, v, 0, 0, 0, 0);
                dpush(&st, DF_OBJECT, v);
            }
        }
    }
    free(st.v);
}

/* ------------------------------------------------------------------ */
/* Set-up.                                                            */

void machine_init_objects(Machine *m);

void
machine_init(Machine *m)
{
    memset(m, 0, sizeof *m);
    heap_init(&m->heap);
    m->nobjs = 1;                   /* handle 0 is NULL */
    m->objcap = 1024;
    m->objs = xcalloc(m->objcap, sizeof *m->objs);
    m->static_next = MACHINE_STATIC_BASE;
    m->gen[0].threshold = 700;
    m->gen[1].threshold = 10;
    m->gen[2].threshold = 10;
    m->gc_enabled = 1;
    m->gc_last_generation = -1;
    m->list_free.max = LIST_FREELIST_MAX;
    m->dict_free.max = DICT_FREELIST_MAX;
    m->dict_keys_free.max = DICT_FREELIST_MAX;
    for (int i = 0; i < TUPLE_FREELISTS; i++) {
        m->tuple_free[i].max = TUPLE_FREELIST_MAX;
    }
    machine_init_objects(m);
}

void
machine_done(Machine *m)
{
    for (Handle h = 1; h < m->nobjs; h++) {
        Object *o = &m->objs[h];
        if (o->flags & OF_LIVE) {
            type_host_free(o);
        }
    }
    free(m->objs);
    free(m->frames);
    free(m->slots);
    free(m->roots);
    free(m->out);
    free(m->list_free.blocks);
    free(m->dict_free.blocks);
    free(m->dict_keys_free.blocks);
    for (int i = 0; i < TUPLE_FREELISTS; i++) {
        free(m->tuple_free[i].blocks);
    }
    heap_done(&m->heap);
    memset(m, 0, sizeof *m);
}
