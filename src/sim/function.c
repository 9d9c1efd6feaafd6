/*
 * function.c: functions, code objects, bound methods and cells
 * (Objects/funcobject.c, codeobject.c, classobject.c, cellobject.c).
 *
 * A function's eight references are its slots 0..7, in FuncVal's order:
 * code, globals, name, qualname, defaults, closure, module, doc.  A
 * method's slots are 0 func and 1 self, a code object's 0 consts and 1
 * name, a cell's 0 its contents.  The code object's program is the
 * compiler's (src/py), not the machine's.
 */
#include <config.h>

#include <assert.h>
#include <stdio.h>

#include "core/hash.h"
#include "core/xalloc.h"
#include "sim/typeops.h"

Handle
m_cell_new(Machine *m, Handle v)
{
    Handle h = m_alloc(m, T_CELL, type_basic_nbytes(T_CELL));

    if (v != NULL_HANDLE) {
        m_store(m, h, 0, v);
    }
    m_track(m, h);
    return h;
}

/* A code object of nbytes for the compiler's program code, with its
 * co_consts and co_names tuples (stolen). */
Handle
m_code_new(Machine *m, void *code, size_t nbytes, Handle consts, Handle names)
{
    ObjPayload init = {.code = {.code = code}};
    Handle h = m_alloc_init(m, T_CODE, nbytes, &init);

    m_store(m, h, 0, consts);
    m_store(m, h, 1, names);
    return h;
}

Handle
m_function_new(Machine *m, Handle code, Handle globals, Handle name,
               Handle defaults, Handle closure)
{
    ObjPayload init = {.f = xcalloc(1, sizeof(FuncVal))};
    Handle h = m_alloc_init(m, T_FUNCTION, type_basic_nbytes(T_FUNCTION), &init);

    m_store(m, h, 0, code);
    m_store(m, h, 1, globals);
    m_store(m, h, 2, name);
    m_incref(m, name);
    m_store(m, h, 3, name);
    m_store(m, h, 4, defaults);
    m_store(m, h, 5, closure);
    m_track(m, h);
    return h;
}

/* ------------------------------------------------------------------ */
/* Functions.                                                         */

static void
function_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const FuncVal *f = m->objs[h].u.f;

    if (f != NULL) {
        type_visit_refs(h, &f->code, 8, fn, arg);
    }
}

/* func_traverse: code, globals, module, defaults, doc, name, closure,
 * qualname. */
static void
function_gc_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    static const uint8_t order[] = {0, 1, 6, 4, 7, 2, 5, 3};
    const Handle *p = &m->objs[h].u.f->code;

    for (size_t i = 0; i < sizeof order; i++) {
        if (p[order[i]]) {
            fn(arg, h, order[i], p[order[i]]);
        }
    }
}

/* func_clear: globals, module, defaults, doc, closure. */
static void
function_clear(Machine *m, Handle h)
{
    static const uint8_t order[] = {1, 6, 4, 7, 5};

    for (size_t i = 0; i < sizeof order; i++) {
        type_clear_slot(m, h, order[i]);
    }
}

static Handle *
function_slot(Machine *m, Handle h, uint32_t i)
{
    assert(i < 8);
    return &(&m->objs[h].u.f->code)[i];
}

/* func_dealloc: func_clear, then code, name and qualname. */
static Handle
function_release(Machine *m, Handle h, uint32_t *step)
{
    static const uint8_t order[] = {1, 6, 4, 7, 5, 0, 2, 3};
    Handle v;

    while (*step < sizeof order) {
        if ((v = type_take_slot(m, h, order[(*step)++])) != NULL_HANDLE) {
            return v;
        }
    }
    return NULL_HANDLE;
}

static Handle *
function_weaklist(Machine *m, Handle h)
{
    return &m->objs[h].u.f->weaklist;
}

static uint64_t
function_hash(uint64_t x, const Object *o)
{
    const FuncVal *f = o->u.f;

    if (f == NULL) {
        return hash_u64(x, 0);
    }
    x = snap_hash_pair(x, f->code, f->globals);
    x = snap_hash_pair(x, f->name, f->qualname);
    x = snap_hash_pair(x, f->defaults, f->closure);
    x = snap_hash_pair(x, f->module, f->doc);
    return hash_u64(x, f->weaklist);
}

static void
function_describe(const Machine *m, Handle h, char *buf, size_t size)
{
    const FuncVal *f = m->objs[h].u.f;

    snprintf(buf, size, "%s()", f != NULL && f->name ? str_utf8(m, f->name) : "?");
}

const TypeOps function_ops = {
    .describe = function_describe,
    .traverse = function_traverse,
    .gc_traverse = function_gc_traverse,
    .clear = function_clear,
    .slot = function_slot,
    .release = function_release,
    .weaklist = function_weaklist,
    .host = {offsetof(Object, u.f), sizeof(FuncVal), NULL},
    .hash = function_hash,
};

/* ------------------------------------------------------------------ */
/* Code objects.                                                      */

/* Not the host's Code: the program behind it is the same. */
static uint64_t
code_hash(uint64_t x, const Object *o)
{
    return snap_hash_pair(x, o->u.code.consts, o->u.code.name);
}

const TypeOps code_ops = {
    TYPE_REFS(code.consts, 2),
    .hash = code_hash,
};

/* ------------------------------------------------------------------ */
/* Bound methods.                                                     */

static Handle *
method_weaklist(Machine *m, Handle h)
{
    return &m->objs[h].u.meth.weaklist;
}

static uint64_t
method_hash(uint64_t x, const Object *o)
{
    x = snap_hash_pair(x, o->u.meth.func, o->u.meth.self);
    return hash_u64(x, o->u.meth.weaklist);
}

const TypeOps method_ops = {
    TYPE_REFS(meth.func, 2),
    .weaklist = method_weaklist,
    .hash = method_hash,
    .trashcan = 1,
};

/* ------------------------------------------------------------------ */
/* Cells.                                                             */

/* Also the getset descriptor's and super's one reference. */
uint64_t
cell_hash(uint64_t x, const Object *o)
{
    return hash_u64(x, o->u.cell.ref);
}

static void
cell_describe(const Machine *m, Handle h, char *buf, size_t size)
{
    type_describe_ref(buf, size, "-> ", m->objs[h].u.cell.ref, "empty");
}

const TypeOps cell_ops = {
    .describe = cell_describe,
    TYPE_REFS(cell.ref, 1),
    .clear = type_clear_first,
    .hash = cell_hash,
};
