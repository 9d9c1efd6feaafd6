/*
 * bltinmodule.c: the functions of the builtins module
 * (Python/bltinmodule.c) and their table.
 */
#include <config.h>

#include "py/vmint.h"

static Handle
builtin_print(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return textio_print(vm, args, nargs);
}

static Handle
builtin_len(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    int64_t n = op_len(vm, args[0]);
    return n < 0 ? NULL_HANDLE : m_int(M, n);
}

static Handle
builtin_repr(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    StrBuf sb;
    sb_init(&sb);
    Handle r = op_repr(vm, args[0], &sb) < 0 ? NULL_HANDLE : new_str(vm, sb.s, sb.len);
    sb_done(&sb);
    return r;
}

/* id(x): the object's simulated address. */
static Handle
builtin_id(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    BigInt b;
    bi_init(&b);
    bi_from_u64(&b, m_obj(M, args[0])->addr);
    return int_from_bigint(vm, &b);
}

/* Whether x is an instance of the type or class ty: 1, 0, or -1 with
 * TypeError raised for something else. */
static int
isinstance_one(Vm *vm, Handle x, Handle ty)
{
    ObjType k = TYPE(ty);

    if (k == T_CLASS) {
        return TYPE(x) == T_INSTANCE && m_obj(M, x)->u.inst.cls == ty;
    }
    if (k == T_TYPE) {
        ObjType want = (ObjType)m_obj(M, ty)->u.builtin.id;
        ObjType have = TYPE(x);
        return have == want || (want == T_INT && have == T_BOOL)
               || (want == T_TYPE && (have == T_TYPE || have == T_CLASS));
    }
    vm_raise(vm, EXC_TypeError, "isinstance() arg 2 must be a type, a tuple of types,"
             " or a union");
    return -1;
}

static Handle
builtin_isinstance(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    Handle x = args[0], t = args[1];
    const Object *to = m_obj(M, t);
    uint32_t nt = to->type == T_TUPLE ? to->u.t.len : 1;
    for (uint32_t i = 0; i < nt; i++) {
        Handle ty = to->type == T_TUPLE ? m_obj(M, t)->u.t.items[i] : t;
        int r = isinstance_one(vm, x, ty);
        if (r != 0) {
            return r < 0 ? NULL_HANDLE : m_bool(M, 1);
        }
    }
    return m_bool(M, 0);
}

static Handle
builtin_abs(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    if (!is_int(vm, args[0])) {
        vm_raise(vm, EXC_TypeError, "bad operand type for abs(): '%s'", type_name(vm, args[0]));
        return NULL_HANDLE;
    }
    BigInt a, r;
    int_view(M, args[0], &a);
    if (a.size >= 0 && TYPE(args[0]) == T_INT) {
        m_incref(M, args[0]);
        return args[0];
    }
    bi_init(&r);
    bi_abs(&r, &a);
    return int_from_bigint(vm, &r);
}

/* min() and max() (min_max in bltinmodule.c): of the arguments, or of
 * the one iterable. */
static Handle
minmax(Vm *vm, const Handle *args, uint32_t nargs, int want_max)
{
    const char *name = want_max ? "max" : "min";

    if (nargs == 0) {
        vm_raise(vm, EXC_TypeError, "%s expected at least 1 argument, got 0", name);
        return NULL_HANDLE;
    }
    Handle best = NULL_HANDLE;
    if (nargs > 1) {
        for (uint32_t i = 0; i < nargs; i++) {
            if (best == NULL_HANDLE) {
                best = args[i];
                continue;
            }
            int r = op_compare(vm, want_max ? 4 : 0, args[i], best);
            if (r < 0) {
                return NULL_HANDLE;
            }
            if (r) {
                best = args[i];
            }
        }
        m_incref(M, best);
        return best;
    }
    Handle it = op_iter(vm, args[0]);
    if (it == NULL_HANDLE) {
        return NULL_HANDLE;
    }
    Handle v;
    int r;
    while ((r = op_next_item(vm, it, &v)) == 1) {
        if (best == NULL_HANDLE) {
            best = v;
            continue;
        }
        int c = op_compare(vm, want_max ? 4 : 0, v, best);
        if (c < 0) {
            m_decref(M, v);
            r = -1;
            break;
        }
        if (c) {
            m_decref(M, best);
            best = v;
        } else {
            m_decref(M, v);
        }
    }
    m_decref(M, it);
    if (r < 0) {
        if (best) {
            m_decref(M, best);
        }
        return NULL_HANDLE;
    }
    if (best == NULL_HANDLE) {
        vm_raise(vm, EXC_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
}

static Handle
builtin_min(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return minmax(vm, args, nargs, 0);
}

static Handle
builtin_max(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return minmax(vm, args, nargs, 1);
}

static Handle
builtin_sum(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    Handle acc = nargs == 2 ? (m_incref(M, args[1]), args[1]) : m_int(M, 0);
    Handle it = op_iter(vm, args[0]);
    if (it == NULL_HANDLE) {
        m_decref(M, acc);
        return NULL_HANDLE;
    }
    Handle v;
    int r;
    while ((r = op_next_item(vm, it, &v)) == 1) {
        Handle s = op_binary(vm, OP_ADD, acc, v);
        m_decref(M, v);
        m_decref(M, acc);
        if (s == NULL_HANDLE) {
            r = -1;
            acc = NULL_HANDLE;
            break;
        }
        acc = s;
    }
    m_decref(M, it);
    if (r < 0) {
        if (acc) {
            m_decref(M, acc);
        }
        return NULL_HANDLE;
    }
    return acc;
}

/* __build_class__(func, name), as LOAD_BUILD_CLASS and CALL use it. */
static Handle
builtin___build_class__(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    if (nargs != 2 || TYPE(args[0]) != T_FUNCTION || TYPE(args[1]) != T_STR) {
        vm_raise(vm, EXC_TypeError, "__build_class__: bad arguments");
        return NULL_HANDLE;
    }
    return class_build(vm, args[0], args[1]);
}

/* print takes its *args as a tuple (Argument Clinic), min and max as
 * METH_VARARGS do. */
const MethodReg builtin_functions[] = {
    {"print", builtin_print, 0, ARGS_ANY, METH_VARARGS},
    {"len", builtin_len, 1, 1, METH_INLINE},
    {"repr", builtin_repr, 1, 1, 0},
    {"id", builtin_id, 1, 1, 0},
    {"isinstance", builtin_isinstance, 2, 2, METH_INLINE},
    {"abs", builtin_abs, 1, 1, 0},
    {"min", builtin_min, 0, ARGS_ANY, METH_VARARGS},
    {"max", builtin_max, 0, ARGS_ANY, METH_VARARGS},
    {"sum", builtin_sum, 1, 2, 0},
    {"__build_class__", builtin___build_class__, 0, ARGS_ANY, 0},
    {NULL, NULL, 0, 0, 0},
};
