/*
 * vm.c: the instruction loop (Python/ceval.c of CPython 3.11, for the
 * subset).
 *
 * The value-stack discipline is CPython's, because sys.getrefcount
 * observes it: loads push new references, stores move the reference off
 * the stack, CALL on a Python function moves the arguments into the new
 * frame (no copy), built-in functions borrow their arguments from the
 * stack and release them after the call, LOAD_METHOD pushes (function,
 * self) with no bound-method object, and a for loop keeps its iterator
 * on the stack.
 *
 * Python-to-Python calls stay in one C loop (a new frame is pushed and
 * the loop goes on in it), so deep recursion costs no host stack.  Calls
 * from C into Python code (a class's __init__, __del__ from a
 * deallocation, a weakref callback, a class body) run a nested loop
 * until their frame returns.
 *
 * Errors: an instruction that fails leaves a pending exception and a
 * traceback of every frame's current line; nothing is unwound, as the
 * traceback CPython keeps holds those frames alive until exit.
 */
#include <config.h>

#include <assert.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/hash.h"
#include "core/xalloc.h"
#include "py/vmint.h"

void machine_emit(Machine *m, EventKind kind, Handle obj, uint32_t slot, int64_t a,
                  int64_t b, uint64_t c);

const char *const exc_names[EXC_COUNT] = {
    "",
#define X(name) #name,
    EXCEPTIONS(X)
#undef X
    "(stopped)",
};

/* ------------------------------------------------------------------ */
/* Exceptions.                                                        */

static void
capture_traceback(Vm *vm)
{
    vm->ntb = 0;
    for (uint32_t i = vm->catch_depth; i < M->nframes; i++) {
        const Frame *f = &M->frames[i];
        if (f->code == NULL_HANDLE) {
            continue;
        }
        vm->tb = xgrow(vm->tb, &vm->tbcap, vm->ntb + 1, sizeof *vm->tb);
        vm->tb[vm->ntb].code = code_of(M, f->code);
        vm->tb[vm->ntb].line = f->line;
        vm->ntb++;
    }
}

void
vm_raise(Vm *vm, ExcKind kind, const char *fmt, ...)
{
    va_list ap;

    vm->exc = kind;
    machine_set_exception_pending(M, 1);
    sb_clear(&vm->excmsg);
    sb_clear(&vm->exchint);
    va_start(ap, fmt);
    sb_vprintf(&vm->excmsg, fmt, ap);
    va_end(ap);
    capture_traceback(vm);
    machine_emit(M, EV_RAISE, NULL_HANDLE, 0, kind, 0, 0);
}

void
vm_print_exception(const Vm *vm, FILE *fp)
{
    fprintf(fp, "Traceback (most recent call last):\n");
    /* Like traceback.c, three repeats of a line, then a count. */
    size_t i = 0;
    while (i < vm->ntb) {
        const TbEntry *t = &vm->tb[i];
        size_t run = 1;
        while (i + run < vm->ntb && vm->tb[i + run].code == t->code
               && vm->tb[i + run].line == t->line) {
            run++;
        }
        size_t shown = run < 3 ? run : 3;
        for (size_t k = 0; k < shown; k++) {
            fprintf(fp, "  File \"%s\", line %d, in %s\n", t->code->filename, t->line,
                    t->code->name);
            /* CPython cannot read "<stdin>" again: no source lines. */
            size_t len;
            const char *src = vm->prog && t->code->filename[0] != '<'
                              ? program_line(vm->prog, t->line, &len) : NULL;
            if (src != NULL && len > 0) {
                fprintf(fp, "    %.*s\n", (int)len, src);
            }
        }
        if (run > 3) {
            fprintf(fp, "  [Previous line repeated %zu more time%s]\n", run - 3,
                    run - 3 == 1 ? "" : "s");
        }
        i += run;
    }
    if (vm->exchint.len > 0) {
        fprintf(fp, "%s: %s. Did you mean: '%s'?\n", exc_names[vm->exc], vm->excmsg.s,
                vm->exchint.s);
    } else if (vm->excmsg.len > 0) {
        fprintf(fp, "%s: %s\n", exc_names[vm->exc], vm->excmsg.s);
    } else {
        fprintf(fp, "%s\n", exc_names[vm->exc]);
    }
}

/* Report and clear an exception raised where CPython cannot propagate
 * it (in __del__ or a weakref callback): "Exception ignored in: ...". */
void
unraisable(Vm *vm, const char *where)
{
    FILE *fp = vm->err;
    char *text = NULL;
    size_t len = 0;

    if (vm->exc == EXC_STOP) {
        return;                 /* the run is ending: let it unwind */
    }
    if (fp == NULL) {
        fp = open_memstream(&text, &len);       /* kept in errtext */
    }
    if (vm->out != NULL) {
        fflush(vm->out);
    }
    if (fp != NULL) {
        fprintf(fp, "Exception ignored in: %s\n", where);
        vm_print_exception(vm, fp);
    }
    if (vm->err == NULL && fp != NULL) {
        fclose(fp);
        sb_put(&vm->errtext, text, len);
        free(text);
    }
    vm->exc = EXC_NONE;
    machine_set_exception_pending(M, 0);
    sb_clear(&vm->excmsg);
}

/* ------------------------------------------------------------------ */
/* Frames and calls.                                                  */

/* A call that fails before its frame exists drops what it stole. */
static void
drop_stolen(Vm *vm, Handle self, const Handle *args, uint32_t nargs, int steal)
{
    if (!steal) {
        return;
    }
    for (uint32_t i = 0; i < nargs; i++) {
        m_decref(M, args[i]);
    }
    if (self != NULL_HANDLE) {
        m_decref(M, self);
    }
}

static int
push_python_frame(Vm *vm, Handle func, Handle self, const Handle *args, uint32_t nargs,
                  int steal)
{
    const FuncVal *fv = m_obj(M, func)->u.f;
    Code *code = code_of(M, fv->code);
    uint32_t given = nargs + (self != NULL_HANDLE);
    uint32_t np = code->nparams;
    Handle defaults = fv->defaults;
    uint32_t ndef = defaults ? m_obj(M, defaults)->u.t.len : 0;

    if (given > np) {
        drop_stolen(vm, self, args, nargs, steal);
        if (ndef == 0) {
            vm_raise(vm, EXC_TypeError, "%s() takes %u positional argument%s but %u %s given",
                     code->qualname, np, np == 1 ? "" : "s", given, given == 1 ? "was" : "were");
        } else {
            vm_raise(vm, EXC_TypeError, "%s() takes from %u to %u positional arguments but "
                     "%u %s given", code->qualname, np - ndef, np, given,
                     given == 1 ? "was" : "were");
        }
        return -1;
    }
    if (given + ndef < np) {
        uint32_t missing = np - ndef - given;
        StrBuf sb;
        sb_init(&sb);
        for (uint32_t i = given; i < np - ndef; i++) {
            if (i > given) {
                sb_puts(&sb, i + 1 == np - ndef ? (missing == 2 ? " and " : ", and ") : ", ");
            }
            sb_printf(&sb, "'%s'", code->varnames[i]);
        }
        drop_stolen(vm, self, args, nargs, steal);
        vm_raise(vm, EXC_TypeError, "%s() missing %u required positional argument%s: %s",
                 code->qualname, missing, missing == 1 ? "" : "s", sb.s);
        sb_done(&sb);
        return -1;
    }
    int depth = 0;
    for (uint32_t i = 0; i < M->nframes; i++) {
        depth += M->frames[i].code != NULL_HANDLE;
    }
    if (depth >= vm->recursion_limit) {
        drop_stolen(vm, self, args, nargs, steal);
        vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    /* f_func and f_code: the frame holds both. */
    m_incref(M, func);
    m_incref(M, fv->code);
    m_frame_push(M, func, fv->code, fv->globals, NULL_HANDLE, code->nlocals, code->stacksize,
                 (uint32_t)code->firstline);
    uint32_t k = 0;
    if (self != NULL_HANDLE) {
        if (!steal) {
            m_incref(M, self);
        }
        m_bind(M, k++, self);
    }
    for (uint32_t i = 0; i < nargs; i++) {
        if (!steal) {
            m_incref(M, args[i]);
        }
        m_bind(M, k++, args[i]);
    }
    for (; k < np; k++) {
        Handle d = m_obj(M, defaults)->u.t.items[k - (np - ndef)];
        m_incref(M, d);
        m_bind(M, k, d);
    }
    return 0;
}

static int run_frame(Vm *vm, uint32_t base, Handle *result);

/* Run the frame just pushed, called from C, until it returns: its
 * result (a new reference), or NULL_HANDLE on an exception. */
static Handle
run_nested(Vm *vm)
{
    Handle r;

    vm->nested++;
    int rc = run_frame(vm, M->nframes - 1, &r);
    vm->nested--;
    return rc < 0 ? NULL_HANDLE : r;
}

/* __build_class__ runs the body with the namespace as f_locals. */
Handle
vm_run_class_body(Vm *vm, Handle func, Handle ns)
{
    const FuncVal *fv = m_obj(M, func)->u.f;
    Code *code = code_of(M, fv->code);

    m_incref(M, func);
    m_incref(M, fv->code);
    m_incref(M, ns);
    m_frame_push(M, func, fv->code, fv->globals, ns, code->nlocals, code->stacksize,
                 (uint32_t)code->firstline);
    return run_nested(vm);
}

/* Call a Python function from C: new references to the arguments. */
Handle
vm_call_function(Vm *vm, Handle func, Handle self, const Handle *args, uint32_t nargs)
{
    if (push_python_frame(vm, func, self, args, nargs, 0) < 0) {
        return NULL_HANDLE;
    }
    return run_nested(vm);
}

Handle
vm_call(Vm *vm, Handle callable, Handle self, const Handle *args, uint32_t nargs)
{
    ObjType t = TYPE(callable);

    switch (t) {
    case T_FUNCTION:
        return vm_call_function(vm, callable, self, args, nargs);
    case T_METHOD: {
        const Object *b = m_obj(M, callable);
        return vm_call_function(vm, b->u.meth.func, b->u.meth.self, args, nargs);
    }
    case T_BUILTIN:
        return builtin_call(vm, callable, self, args, nargs);
    case T_TYPE:
    case T_CLASS:
        return type_call(vm, callable, args, nargs);
    case T_WEAKREF: {
        if (nargs != 0) {
            vm_raise(vm, EXC_TypeError, "weakref() takes no arguments (%u given)", nargs);
            return NULL_HANDLE;
        }
        Handle r = m_obj(M, callable)->u.wr.referent;
        if (r == NULL_HANDLE) {
            r = M->none;
        }
        m_incref(M, r);
        return r;
    }
    case T_NONE: case T_BOOL: case T_INT: case T_STR: case T_TUPLE: case T_LIST: case T_DICT:
    case T_SET: case T_INSTANCE: case T_CELL: case T_MODULE: case T_CODE: case T_RANGE:
    case T_LISTITER: case T_TUPLEITER: case T_RANGEITER: case T_STRITER: case T_DICTITER:
    case T_DICTVALITER: case T_DICTITEMITER: case T_SETITER: case T_DICTKEYS:
    case T_DICTVALUES: case T_DICTITEMS: case T_GETSET: case T_SUPER: case T_COUNT:
        break;
    }
    vm_raise(vm, EXC_TypeError, "'%s' object is not callable", type_name(vm, callable));
    return NULL_HANDLE;
}

/* ------------------------------------------------------------------ */
/* The instruction loop.                                              */

#define PUSH(v) m_push(M, (v))
#define POP() m_pop(M)
#define TOP() m_peek(M, 0)
#define PEEK(i) m_peek(M, (i))

static Handle
name_at(Vm *vm, const Frame *f, uint32_t i)
{
    Handle names = m_obj(M, f->code)->u.code.name;

    return m_obj(M, names)->u.t.items[i];
}

static Handle
const_at(Vm *vm, const Frame *f, uint32_t i)
{
    Handle consts = m_obj(M, f->code)->u.code.consts;

    return m_obj(M, consts)->u.t.items[i];
}

static void
name_error(Vm *vm, Handle name)
{
    vm_raise(vm, EXC_NameError, "name '%s' is not defined", m_obj(M, name)->u.s.utf8);
    suggest_name(vm, name);
}

/* The frame's globals, then the builtins (a borrowed reference, or
 * NULL_HANDLE when the name is in neither). */
static Handle
global_or_builtin(Vm *vm, const Frame *f, Handle name)
{
    Handle v = m_dict_getitem(M, f->globals, name);

    return v != NULL_HANDLE ? v : m_dict_getitem(M, vm->builtins, name);
}

/* Push a new reference to v, a borrowed one. */
static inline int
push_new(Vm *vm, Handle v)
{
    m_incref(M, v);
    PUSH(v);
    return 0;
}

/* Push a new reference to v, what a lookup of name found: NameError
 * when it found nothing. */
static inline int
push_found(Vm *vm, Handle name, Handle v)
{
    if (v == NULL_HANDLE) {
        name_error(vm, name);
        return -1;
    }
    return push_new(vm, v);
}

/* Push v, the new reference an operation returned; -1 when it raised
 * (v is NULL_HANDLE). */
static inline int
push_result(Vm *vm, Handle v)
{
    if (v == NULL_HANDLE) {
        return -1;
    }
    PUSH(v);
    return 0;
}

/* The end of an operation on the popped operand a: release it, then
 * push_result. */
static inline int
unary_result(Vm *vm, Handle v, Handle a)
{
    m_decref(M, a);
    return push_result(vm, v);
}

/* The same for the popped operands a and b, released in that order. */
static inline int
binary_result(Vm *vm, Handle v, Handle a, Handle b)
{
    m_decref(M, a);
    return unary_result(vm, v, b);
}

/* Pop the top value and release it: its truth, or -1 on an exception. */
static inline int
pop_truth(Vm *vm)
{
    Handle a = POP();
    int r = op_truth(vm, a);

    m_decref(M, a);
    return r;
}

/* Pop the top n values into slots n - 1 .. 0 of the new container v
 * (they steal the references), then push v. */
static int
push_filled(Vm *vm, Handle v, uint32_t n)
{
    for (uint32_t i = n; i-- > 0;) {
        m_store(M, v, i, POP());
    }
    PUSH(v);
    return 0;
}

/* LOAD_METHOD's lookup: the function a call of owner.name may call
 * with owner as self (borrowed), or NULL_HANDLE when the attribute is
 * to be looked up as LOAD_ATTR does. */
static Handle
method_of(Vm *vm, Handle owner, Handle name)
{
    ObjType t = TYPE(owner);

    if (t == T_INSTANCE) {
        if (m_inst_getattr(M, owner, name) != NULL_HANDLE) {
            return NULL_HANDLE;
        }
        Handle meth = class_lookup(vm, m_obj(M, owner)->u.inst.cls, name);
        return meth != NULL_HANDLE && TYPE(meth) == T_FUNCTION ? meth : NULL_HANDLE;
    }
    return t != T_MODULE && t != T_CLASS ? builtin_method(vm, owner, name) : NULL_HANDLE;
}

/* UnboundLocalError for local i of frame f. */
static int
unbound_local(Vm *vm, const Frame *f, uint32_t i)
{
    vm_raise(vm, EXC_UnboundLocalError, "cannot access local variable '%s' where it "
             "is not associated with a value", code_of(M, f->code)->varnames[i]);
    return -1;
}

/* dict[name] = v with the popped reference released after, as
 * STORE_NAME does (PyDict_SetItem, then Py_DECREF(v)). */
static void
store_in_dict(Vm *vm, Handle d, Handle name, Handle v)
{
    m_dict_setitem(M, d, name, v);
    m_decref(M, v);
}

/* Copies of the top n values, the deepest first: a call may push frames
 * and move the stack, so the arguments are not read in place. */
static Handle *
top_values(Vm *vm, uint32_t n)
{
    Handle *v = xmalloc((n + 1) * sizeof *v);

    for (uint32_t i = 0; i < n; i++) {
        v[i] = PEEK(n - 1 - i);
    }
    return v;
}

/* After a call made from C: a failed nested call left its frames for the
 * traceback, so this frame is no longer on top and is left alone;
 * otherwise the arguments, then self or the callable, are released and
 * the result pushed. */
static int
finish_call(Vm *vm, Handle r, uint32_t nargs)
{
    if (r == NULL_HANDLE) {
        return -1;
    }
    for (uint32_t i = 0; i < nargs + 2; i++) {
        Handle x = POP();
        if (x != NULL_HANDLE) {
            m_decref(M, x);
        }
    }
    PUSH(r);
    return 0;
}

/* Call with the stack [NULL|meth, callable|self, args...]. */
static int
do_call(Vm *vm, uint32_t nargs)
{
    Handle first = PEEK(nargs + 1);
    int is_meth = first != NULL_HANDLE;
    Handle callable = is_meth ? first : PEEK(nargs);
    Handle self = is_meth ? PEEK(nargs) : NULL_HANDLE;
    ObjType t = TYPE(callable);
    Handle *args, r;

    if (t == T_METHOD && !is_meth && TYPE(m_obj(M, callable)->u.meth.func) == T_FUNCTION) {
        /* A bound method object: its function with its self. */
        const Object *b = m_obj(M, callable);
        args = top_values(vm, nargs);
        r = vm_call_function(vm, b->u.meth.func, b->u.meth.self, args, nargs);
        free(args);
        return finish_call(vm, r, nargs);
    }
    if (t == T_FUNCTION) {
        /* The new frame steals the arguments, self included, and the
         * function: they leave the stack without being released. */
        uint32_t total = nargs + is_meth;
        args = top_values(vm, total);
        for (uint32_t i = 0; i < total; i++) {
            POP();
        }
        Handle fn = POP();
        if (!is_meth) {
            POP();                      /* the NULL */
        }
        int rc = push_python_frame(vm, fn, NULL_HANDLE, args, total, 1);
        free(args);
        m_decref(M, fn);                /* the frame holds its own reference */
        return rc;
    }
    args = top_values(vm, nargs);
    r = vm_call(vm, callable, self, args, nargs);
    free(args);
    return finish_call(vm, r, nargs);
}

/* UNPACK_SEQUENCE */
static int
unpack(Vm *vm, uint32_t n)
{
    Handle seq = POP();
    const Object *o = m_obj(M, seq);
    Handle *items = xmalloc((n + 1) * sizeof *items);
    int rc = 0;

    if (o->type == T_TUPLE || o->type == T_LIST) {
        uint32_t len = o->type == T_TUPLE ? o->u.t.len : o->u.l.len;
        if (len != n) {
            if (len > n) {
                vm_raise(vm, EXC_ValueError, "too many values to unpack (expected %u)", n);
            } else {
                vm_raise(vm, EXC_ValueError, "not enough values to unpack (expected %u, got %u)",
                         n, len);
            }
            rc = -1;
        } else {
            for (uint32_t i = n; i-- > 0;) {
                Handle x = o->type == T_TUPLE ? o->u.t.items[i] : o->u.l.items[i];
                m_incref(M, x);
                PUSH(x);
                o = m_obj(M, seq);
            }
        }
    } else {
        Handle it = op_iter(vm, seq);
        if (it == NULL_HANDLE) {
            vm->excmsg.len = 0;
            vm_raise(vm, EXC_TypeError, "cannot unpack non-iterable %s object",
                     type_name(vm, seq));
            rc = -1;
        } else {
            uint32_t got = 0;
            Handle x;
            int r;
            while (got < n && (r = op_next(vm, it, &x)) == 1) {
                items[got++] = x;
            }
            if (got < n) {
                vm_raise(vm, EXC_ValueError, "not enough values to unpack (expected %u, got %u)",
                         n, got);
                rc = -1;
            } else if ((r = op_next(vm, it, &x)) == 1) {
                m_decref(M, x);
                vm_raise(vm, EXC_ValueError, "too many values to unpack (expected %u)", n);
                rc = -1;
            }
            if (rc == 0) {
                for (uint32_t i = n; i-- > 0;) {
                    PUSH(items[i]);
                }
            } else {
                for (uint32_t i = 0; i < got; i++) {
                    m_decref(M, items[i]);
                }
            }
            m_decref(M, it);
        }
    }
    free(items);
    m_decref(M, seq);
    return rc;
}

static Handle
build_dict(Vm *vm, const Handle *keys, size_t kstep, const Handle *vals, size_t vstep,
           uint32_t n)
{
    int unicode = 1;

    for (uint32_t i = 0; i < n; i++) {
        if (op_hashable(vm, keys[i * kstep]) < 0) {
            return NULL_HANDLE;
        }
        if (TYPE(keys[i * kstep]) != T_STR) {
            unicode = 0;
        }
    }
    Handle d = m_dict_new_presized(M, n, unicode);
    for (uint32_t i = 0; i < n; i++) {
        m_dict_setitem(M, d, keys[i * kstep], vals[i * vstep]);
    }
    return d;
}

/* Start the next instruction of the top frame: mark it as the current
 * one and emit its marker, a line event when it starts a line (a new
 * line number, the frame's first instruction, or a jump backward, as
 * sys.settrace sees lines) or an instruction event otherwise. */
static const Instr *
begin(Vm *vm)
{
    Frame *f = m_frame(M);
    const Code *code = code_of(M, f->code);
    uint32_t i = f->ip++;
    const Instr *in = &code->ins[i];
    int newline = (int32_t)f->line != in->line || i == 0 || i <= f->lasti;

    vm->ninstr++;
    m_instr(M, i, in->line, in->op, newline);
    return in;
}

/* Execute instruction `in' of the top frame.  Returns 0 to go on, 1
 * when the frame at `base' returned (*result set), -1 on an exception. */
static int
execute(Vm *vm, const Instr *in, uint32_t base, Handle *result)
{
    Frame *f = m_frame(M);
    uint32_t arg = in->arg;
    Handle a, b, c, v;
    int r;

    switch ((Opcode)in->op) {
    case OP_NOP:
        return 0;
    case OP_POP_TOP:
        m_decref(M, POP());
        return 0;
    case OP_PUSH_NULL:
        PUSH(NULL_HANDLE);
        return 0;
    case OP_COPY:
        return push_new(vm, PEEK(arg - 1));
    case OP_SWAP:
        m_swap(M, arg);
        return 0;
    case OP_LOAD_CONST:
        return push_new(vm, const_at(vm, f, arg));
    case OP_LOAD_NAME:
        a = name_at(vm, f, arg);
        v = m_dict_getitem(M, f->locals, a);
        if (v == NULL_HANDLE && f->locals != f->globals) {
            v = global_or_builtin(vm, f, a);
        } else if (v == NULL_HANDLE) {
            v = m_dict_getitem(M, vm->builtins, a);
        }
        return push_found(vm, a, v);
    case OP_STORE_NAME:
        a = name_at(vm, f, arg);
        store_in_dict(vm, f->locals, a, POP());
        return 0;
    case OP_DELETE_NAME:
    case OP_DELETE_GLOBAL:
        a = name_at(vm, f, arg);
        if (m_dict_delitem(M, in->op == OP_DELETE_NAME ? f->locals : f->globals, a) < 0) {
            name_error(vm, a);
            return -1;
        }
        return 0;
    case OP_LOAD_GLOBAL:
        a = name_at(vm, f, arg);
        return push_found(vm, a, global_or_builtin(vm, f, a));
    case OP_STORE_GLOBAL:
        a = name_at(vm, f, arg);
        store_in_dict(vm, f->globals, a, POP());
        return 0;
    case OP_LOAD_FAST:
        v = m_local(M, arg);
        return v != NULL_HANDLE ? push_new(vm, v) : unbound_local(vm, f, arg);
    case OP_STORE_FAST:
        v = m_bind(M, arg, POP());
        if (v != NULL_HANDLE) {
            m_decref(M, v);
        }
        return 0;
    case OP_DELETE_FAST:
        if (m_local(M, arg) == NULL_HANDLE) {
            return unbound_local(vm, f, arg);
        }
        m_decref(M, m_bind(M, arg, NULL_HANDLE));
        return 0;
    case OP_LOAD_ATTR:
        a = POP();
        return unary_result(vm, op_getattr(vm, a, name_at(vm, f, arg)), a);
    case OP_STORE_ATTR:
        a = POP();                      /* owner */
        b = POP();                      /* value */
        r = op_setattr(vm, a, name_at(vm, m_frame(M), arg), b);
        m_decref(M, b);
        m_decref(M, a);
        return r < 0 ? -1 : 0;
    case OP_DELETE_ATTR:
        a = POP();
        r = op_setattr(vm, a, name_at(vm, m_frame(M), arg), NULL_HANDLE);
        m_decref(M, a);
        return r < 0 ? -1 : 0;
    case OP_LOAD_METHOD: {
        Handle name = name_at(vm, f, arg);
        Handle meth = method_of(vm, TOP(), name);
        if (meth != NULL_HANDLE) {
            /* [meth, self]: the owner's reference stays as self. */
            a = POP();
            m_incref(M, meth);
            PUSH(meth);
            PUSH(a);
            return 0;
        }
        a = POP();
        v = op_getattr(vm, a, name);
        m_decref(M, a);
        if (v == NULL_HANDLE) {
            return -1;
        }
        PUSH(NULL_HANDLE);
        PUSH(v);
        return 0;
    }
    case OP_CALL:
        return do_call(vm, arg) < 0 ? -1 : 0;
    case OP_BINARY_OP:
        b = POP();
        a = POP();
        return binary_result(vm, op_binary(vm, arg, a, b), a, b);
    case OP_UNARY_NEGATIVE:
    case OP_UNARY_POSITIVE:
    case OP_UNARY_INVERT:
        a = POP();
        v = op_unary(vm, in->op == OP_UNARY_NEGATIVE ? 0 : in->op == OP_UNARY_POSITIVE ? 1 : 3, a);
        return unary_result(vm, v, a);
    case OP_UNARY_NOT:
        r = pop_truth(vm);
        if (r < 0) {
            return -1;
        }
        PUSH(m_bool(M, !r));
        return 0;
    case OP_COMPARE_OP:
        b = POP();
        a = POP();
        r = op_compare(vm, (int)arg, a, b);
        if (r >= 0) {
            PUSH(m_bool(M, r));
        }
        m_decref(M, a);
        m_decref(M, b);
        return r < 0 ? -1 : 0;
    case OP_IS_OP:
        b = POP();
        a = POP();
        r = (a == b) ^ (int)arg;
        m_decref(M, a);
        m_decref(M, b);
        PUSH(m_bool(M, r));
        return 0;
    case OP_CONTAINS_OP:
        b = POP();
        a = POP();
        r = op_contains(vm, b, a);
        m_decref(M, a);
        m_decref(M, b);
        if (r < 0) {
            return -1;
        }
        PUSH(m_bool(M, r ^ (int)arg));
        return 0;
    case OP_BINARY_SUBSCR:
        b = POP();
        a = POP();
        return binary_result(vm, op_getitem(vm, a, b), a, b);
    case OP_STORE_SUBSCR:
        c = POP();                      /* sub */
        b = POP();                      /* container */
        a = POP();                      /* value */
        r = op_setitem(vm, b, c, a);
        m_decref(M, a);
        m_decref(M, b);
        m_decref(M, c);
        return r < 0 ? -1 : 0;
    case OP_DELETE_SUBSCR:
        c = POP();
        b = POP();
        r = op_setitem(vm, b, c, NULL_HANDLE);
        m_decref(M, b);
        m_decref(M, c);
        return r < 0 ? -1 : 0;
    case OP_BUILD_LIST:
        return push_filled(vm, m_list_new(M, arg), arg);
    case OP_BUILD_TUPLE:
        return push_filled(vm, m_tuple_new(M, arg), arg);
    case OP_BUILD_SET: {
        v = m_set_new(M);
        Handle *items = xmalloc((arg + 1) * sizeof *items);
        for (uint32_t i = arg; i-- > 0;) {
            items[i] = POP();
        }
        r = 0;
        for (uint32_t i = 0; i < arg; i++) {
            if (r == 0 && op_hashable(vm, items[i]) < 0) {
                r = -1;
            }
            if (r == 0) {
                m_set_add(M, v, items[i]);
            }
            m_decref(M, items[i]);
        }
        free(items);
        if (r < 0) {
            m_decref(M, v);
            return -1;
        }
        PUSH(v);
        return 0;
    }
    case OP_BUILD_MAP: {
        Frame *fr = m_frame(M);
        const Handle *base0 = &M->slots[fr->base + fr->nlocals + fr->sp - 2 * arg];
        Handle *tmp = xmalloc((2 * arg + 1) * sizeof *tmp);
        memcpy(tmp, base0, 2 * arg * sizeof *tmp);
        v = build_dict(vm, tmp, 2, tmp + 1, 2, arg);
        free(tmp);
        for (uint32_t i = 0; i < 2 * arg; i++) {
            m_decref(M, POP());
        }
        return push_result(vm, v);
    }
    case OP_BUILD_CONST_KEY_MAP: {
        Handle keys = TOP();
        Frame *fr = m_frame(M);
        Handle *tmp = xmalloc((arg + 1) * sizeof *tmp);
        memcpy(tmp, &M->slots[fr->base + fr->nlocals + fr->sp - 1 - arg], arg * sizeof *tmp);
        v = build_dict(vm, m_obj(M, keys)->u.t.items, 1, tmp, 1, arg);
        free(tmp);
        m_decref(M, POP());
        for (uint32_t i = 0; i < arg; i++) {
            m_decref(M, POP());
        }
        return push_result(vm, v);
    }
    case OP_LIST_EXTEND:
        b = POP();
        r = list_extend(vm, PEEK(arg - 1), b);
        m_decref(M, b);
        return r < 0 ? -1 : 0;
    case OP_SET_UPDATE:
        /* The constant is a frozenset: set_merge. */
        b = POP();
        m_set_merge(M, PEEK(arg - 1), b);
        m_decref(M, b);
        return 0;
    case OP_SET_ADD:
        b = POP();
        if (op_hashable(vm, b) < 0) {
            m_decref(M, b);
            return -1;
        }
        m_set_add(M, PEEK(arg - 1), b);
        m_decref(M, b);
        return 0;
    case OP_LIST_APPEND:
        b = POP();
        m_list_append(M, PEEK(arg - 1), b);
        return 0;
    case OP_MAP_ADD:
        b = POP();
        a = POP();
        if (op_hashable(vm, a) < 0) {
            m_decref(M, a);
            m_decref(M, b);
            return -1;
        }
        m_dict_setitem(M, PEEK(arg - 1), a, b);
        m_decref(M, a);
        m_decref(M, b);
        return 0;
    case OP_DICT_UPDATE: {
        b = POP();
        a = PEEK(arg - 1);
        const Dict *d = m_obj(M, b)->u.d;
        for (uint32_t e = 0; e < d->nentries; e++) {
            d = m_obj(M, b)->u.d;
            if (d->entries[2 * e] != NULL_HANDLE) {
                m_dict_setitem(M, a, d->entries[2 * e], d->entries[2 * e + 1]);
            }
        }
        m_decref(M, b);
        return 0;
    }
    case OP_UNPACK_SEQUENCE:
        return unpack(vm, arg);
    case OP_GET_ITER:
        a = POP();
        return unary_result(vm, op_iter(vm, a), a);
    case OP_FOR_ITER:
        r = op_next(vm, TOP(), &v);
        if (r < 0) {
            return -1;
        }
        if (r == 1) {
            PUSH(v);
            return 0;
        }
        m_decref(M, POP());
        m_frame(M)->ip = arg;
        return 0;
    case OP_JUMP:
        f->ip = arg;
        return 0;
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
        r = pop_truth(vm);
        if (r < 0) {
            return -1;
        }
        if (r == (in->op == OP_POP_JUMP_IF_TRUE)) {
            m_frame(M)->ip = arg;
        }
        return 0;
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP:
        r = op_truth(vm, TOP());
        if (r < 0) {
            return -1;
        }
        if (r == (in->op == OP_JUMP_IF_TRUE_OR_POP)) {
            f->ip = arg;
        } else {
            m_decref(M, POP());
        }
        return 0;
    case OP_RETURN_VALUE: {
        v = POP();
        uint32_t depth = M->nframes - 1;
        m_frame_pop(M);
        if (depth == base) {
            *result = v;
            return 1;
        }
        PUSH(v);
        return 0;
    }
    case OP_MAKE_FUNCTION: {
        a = POP();                      /* the code object */
        Handle defaults = NULL_HANDLE;
        if (arg & 1) {
            defaults = POP();
        }
        Code *fc = code_of(M, a);
        Handle name = new_str(vm, fc->name, strlen(fc->name));
        m_incref(M, m_frame(M)->globals);
        v = m_function_new(M, a, m_frame(M)->globals, name, defaults, NULL_HANDLE);
        Handle qual = new_str(vm, fc->qualname, strlen(fc->qualname));
        Handle oldq = m_store(M, v, 3, qual);
        m_decref(M, oldq);
        Handle mod = m_dict_getitem(M, m_frame(M)->globals, vm->str_name);
        if (mod != NULL_HANDLE) {
            m_incref(M, mod);
            m_store(M, v, 6, mod);
        }
        PUSH(v);
        return 0;
    }
    case OP_LOAD_BUILD_CLASS:
        return push_new(vm, m_dict_getitem(M, vm->builtins, vm->str_buildclass));
    case OP_IMPORT_NAME: {
        a = name_at(vm, f, arg);
        const char *n = m_obj(M, a)->u.s.utf8;
        v = strcmp(n, "sys") == 0 ? vm->mod_sys : strcmp(n, "weakref") == 0 ? vm->mod_weakref
            : vm->mod_gc;
        if (v == NULL_HANDLE) {
            vm_raise(vm, EXC_NotImplementedError, "module '%s' is not available yet", n);
            return -1;
        }
        return push_new(vm, v);
    }
    case OP_LOAD_ASSERTION_ERROR:
        PUSH(m_none(M));
        return 0;
    case OP_RAISE_ASSERT:
        if (arg) {
            a = POP();
            StrBuf sb;
            sb_init(&sb);
            r = op_str(vm, a, &sb);
            m_decref(M, a);
            m_decref(M, POP());
            if (r == 0) {
                vm_raise(vm, EXC_AssertionError, "%s", sb.s);
            }
            sb_done(&sb);
            return -1;
        }
        m_decref(M, POP());
        vm_raise(vm, EXC_AssertionError, "%s", "");
        return -1;
    default:
        vm_raise(vm, EXC_NotImplementedError, "instruction %u", (unsigned)in->op);
        return -1;
    }
}

/* Run until the frame at index base returns (*result) or an exception. */
static int
run_frame(Vm *vm, uint32_t base, Handle *result)
{
    for (;;) {
        if (vm->ninstr >= vm->check_at && vm_check(vm) < 0) {
            return -1;
        }
        int r = execute(vm, begin(vm), base, result);
        if (r == 0 && M->heap_exceeded) {
            r = heap_exceeded(vm);
        }
        if (r != 0) {
            return r < 0 ? -1 : 0;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Limits.                                                            */

static void
set_check_at(Vm *vm)
{
    uint64_t at = UINT64_MAX;

    if (vm->poll != NULL) {
        at = vm->poll_at;
    }
    if (vm->max_steps != 0 && vm->max_steps < at) {
        at = vm->max_steps;
    }
    vm->check_at = at;
}

void
vm_set_limits(Vm *vm, const VmLimits *lim)
{
    vm->max_steps = lim->max_steps;
    vm->poll = lim->poll;
    vm->poll_ctx = lim->poll_ctx;
    vm->poll_at = vm->ninstr + VM_POLL_EVERY;
    machine_set_heap_limit(M, lim->max_heap);
    set_check_at(vm);
}

VmPollResult
vm_poll(Vm *vm)
{
    if (vm->ninstr < vm->check_at) {
        return VM_GO_ON;
    }
    if (vm->max_steps != 0 && vm->ninstr >= vm->max_steps) {
        vm->stopped = VM_STOPPED_BUDGET;
        return VM_STOP;
    }
    VmPollResult r = VM_GO_ON;
    if (vm->poll != NULL && vm->ninstr >= vm->poll_at) {
        r = vm->poll(vm->poll_ctx);
        vm->poll_at = vm->ninstr + VM_POLL_EVERY;
    }
    set_check_at(vm);
    if (r == VM_STOP) {
        vm->stopped = VM_STOPPED_POLL;
    }
    return r;
}

/* Stop the program from inside an instruction: nothing catches or
 * reports EXC_STOP, so the run unwinds to its end. */
static void
raise_stop(Vm *vm)
{
    vm->exc = EXC_STOP;
    machine_set_exception_pending(M, 1);
    sb_clear(&vm->excmsg);
    /* The same words whatever stopped it: a replay stops by the budget. */
    sb_printf(&vm->excmsg, "stopped after %" PRIu64 " instructions", vm->ninstr);
    vm->ntb = 0;
}

int
vm_check(Vm *vm)
{
    switch (vm_poll(vm)) {
    case VM_GO_ON:
        return 0;
    case VM_STOP:
        if (vm->stopped == VM_STOPPED_POLL) {
            /* A replay must stop here too: a budget of what has run. */
            vm->max_steps = vm->ninstr;
            set_check_at(vm);
        }
        raise_stop(vm);
        return -1;
    case VM_INTERRUPT:
        vm_raise(vm, EXC_KeyboardInterrupt, "%s", "");
        return -1;
    }
    return 0;
}

int
vm_tick(Vm *vm)
{
    vm->ninstr++;
    if (vm->ninstr >= vm->check_at && vm_check(vm) < 0) {
        return -1;
    }
    if (M->heap_exceeded) {
        return heap_exceeded(vm);
    }
    return 0;
}

int
heap_exceeded(Vm *vm)
{
    M->heap_exceeded = 0;
    if (vm->exc != EXC_NONE) {
        return -1;
    }
    vm_raise(vm, EXC_MemoryError, "%s", "");
    return -1;
}

/* ------------------------------------------------------------------ */
/* Finalizers.                                                        */

static void
finalize_hook(void *ctx, Machine *m, Handle obj)
{
    Vm *vm = ctx;
    Handle cls = m_obj(m, obj)->u.inst.cls;
    Handle del = class_lookup(vm, cls, vm->str_del);

    if (del == NULL_HANDLE || TYPE(del) != T_FUNCTION) {
        return;
    }
    if (vm->exc != EXC_NONE) {
        return;                          /* an exception is propagating */
    }
    uint32_t depth = m->nframes, saved = vm->catch_depth;
    vm->catch_depth = depth;
    m_incref(m, del);
    Handle r = vm_call_function(vm, del, obj, NULL, 0);
    vm->catch_depth = saved;
    if (r == NULL_HANDLE) {
        StrBuf sb;
        sb_init(&sb);
        op_repr(vm, del, &sb);
        /* The failed call's frames go, as its traceback is dropped. */
        while (m->nframes > depth) {
            m_frame_pop(m);
        }
        unraisable(vm, sb.s);
        sb_done(&sb);
    } else {
        m_decref(m, r);
    }
    m_decref(m, del);
}

/* ------------------------------------------------------------------ */
/* Set-up and running.                                                */

void
vm_init(Vm *vm, Machine *m, FILE *out)
{
    memset(vm, 0, sizeof *vm);
    vm->m = m;
    vm->out = out;
    vm->err = stderr;
    sb_init(&vm->errtext);
    vm->recursion_limit = 1000;
    vm->check_at = UINT64_MAX;
    vm->stdout_line_buffering = out != NULL && isatty(fileno(out));
    const char *unbuf = getenv("PYTHONUNBUFFERED");
    vm->stdout_write_through = unbuf != NULL && unbuf[0] != '\0';
    sb_init(&vm->excmsg);
    sb_init(&vm->exchint);
    vm->builtin_id = -1;
    MachineHooks hooks = m->hooks;
    hooks.ctx = vm;
    hooks.finalize = finalize_hook;
    weakref_hooks(&hooks);
    machine_set_hooks(m, &hooks);
    builtins_init(vm);
}

void
vm_done(Vm *vm)
{
    sb_done(&vm->excmsg);
    sb_done(&vm->exchint);
    sb_done(&vm->errtext);
    free(vm->tb);
}

void
vm_copy(Vm *dst, const Vm *src, Machine *m)
{
    *dst = *src;
    dst->m = m;
    sb_init(&dst->excmsg);
    sb_put(&dst->excmsg, src->excmsg.s, src->excmsg.len);
    sb_init(&dst->exchint);
    sb_put(&dst->exchint, src->exchint.s, src->exchint.len);
    sb_init(&dst->errtext);
    sb_put(&dst->errtext, src->errtext.s, src->errtext.len);
    dst->tb = src->ntb ? xmalloc(src->ntb * sizeof *dst->tb) : NULL;
    dst->tbcap = src->ntb;
    if (src->ntb) {
        memcpy(dst->tb, src->tb, src->ntb * sizeof *dst->tb);
    }
    MachineHooks hooks = m->hooks;
    hooks.ctx = dst;
    machine_set_hooks(m, &hooks);
}

uint64_t
vm_hash(const Vm *vm)
{
    uint64_t h = HASH_SEED;

    h = hash_u64(h, (uint64_t)vm->exc);
    h = hash_bytes(h, vm->excmsg.s, vm->excmsg.len);
    h = hash_bytes(h, vm->errtext.s, vm->errtext.len);
    h = hash_u64(h, vm->ntb);
    for (size_t i = 0; i < vm->ntb; i++) {
        h = hash_bytes(h, vm->tb[i].code->qualname, strlen(vm->tb[i].code->qualname));
        h = hash_u64(h, (uint64_t)vm->tb[i].line);
    }
    h = hash_u64(h, vm->ninstr);
    h = hash_u64(h, vm->stdout_obj);
    h = hash_u64(h, vm->pending_bytes);
    h = hash_u64(h, (uint64_t)vm->printed);
    h = hash_u64(h, (uint64_t)vm->repr_state_made);
    h = hash_u64(h, (uint64_t)vm->repr_depth);
    h = hash_u64(h, (uint64_t)vm->c_nest);
    for (int i = 0; i < vm->repr_depth; i++) {
        h = hash_u64(h, vm->repr_stack[i]);
    }
    h = hash_u64(h, vm->args_tuple);
    h = hash_u64(h, (uint64_t)vm->recursion_limit);
    h = hash_u64(h, (uint64_t)vm->nested);
    h = hash_u64(h, vm->catch_depth);
    h = hash_u64(h, vm->module_frame);
    /* Not next_in: it is set just after the marker event, whose point
     * is the same state either way. */
    h = hash_u64(h, (uint64_t)vm->ended);
    h = hash_u64(h, (uint64_t)vm->status);
    return h;
}

void
vm_start(Vm *vm, Program *prog)
{
    vm->prog = prog;
    Handle code = prog->module_code;
    Code *c = code_of(M, code);
    /* The module frame: f_locals is the module's dict. */
    m_incref(M, code);
    m_incref(M, vm->main_dict);
    m_frame_push(M, NULL_HANDLE, code, vm->main_dict, vm->main_dict, c->nlocals, c->stacksize, 1);
    vm->module_frame = M->nframes - 1;
}

void
vm_begin(Vm *vm)
{
    assert(vm->next_in == NULL && !vm->ended);
    vm->next_in = begin(vm);
}

int
vm_execute(Vm *vm)
{
    const Instr *in = vm->next_in;
    Handle r;

    assert(in != NULL);
    vm->next_in = NULL;
    int rc;
    if (vm->interrupt_pending) {
        vm->interrupt_pending = 0;
        vm_raise(vm, EXC_KeyboardInterrupt, "%s", "");
        rc = -1;
    } else {
        rc = execute(vm, in, vm->module_frame, &r);
        if (rc == 0 && M->heap_exceeded) {
            rc = heap_exceeded(vm);
        }
    }
    if (rc == 0) {
        return 0;
    }
    if (rc > 0) {
        m_decref(M, r);
    }
    vm->ended = 1;
    vm->status = rc > 0 ? 0 : vm->exc == EXC_STOP ? 2 : 1;
    machine_emit(M, EV_END, NULL_HANDLE, 0, vm->status, 0, 0);
    return rc;
}

int
vm_run_program(Vm *vm, Program *prog)
{
    int rc;

    vm_start(vm, prog);
    do {
        if (vm->ninstr >= vm->check_at) {
            VmPollResult p = vm_poll(vm);
            if (p == VM_STOP) {
                return -2;
            }
            vm->interrupt_pending = p == VM_INTERRUPT;
        }
        vm_begin(vm);
        rc = vm_execute(vm);
    } while (rc == 0);
    return rc > 0 ? 0 : vm->status == 2 ? -2 : -1;
}
