/*
 * typeobject.c: calling a type or a class and making a class
 * (type_call, type_new and slot_tp_init in Objects/typeobject.c), with
 * the allocations CPython makes: a class call packs its arguments into
 * a tuple, a class gets a copy of its namespace plus two descriptors
 * and an MRO tuple that refer back to it.  The constructors of the
 * built-in types live with their types' methods; type() and range()
 * are here.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "py/vmint.h"

/* ------------------------------------------------------------------ */
/* The class statement.                                               */

/* type_new_init: the class's dict is a copy of the namespace, without
 * __qualname__; *has_doc says whether it has a __doc__. */
static Handle
class_dict_from(Vm *vm, Handle ns, int *has_doc)
{
    Handle cd = m_dict_new(M);
    const Dict *d = m_obj(M, ns)->u.d;

    *has_doc = 0;
    for (uint32_t e = 0; e < d->nentries; e++) {
        d = m_obj(M, ns)->u.d;
        Handle k = d->entries[2 * e], v = d->entries[2 * e + 1];
        if (k == NULL_HANDLE) {
            continue;
        }
        const char *kn = m_obj(M, k)->u.s.utf8;
        if (strcmp(kn, "__qualname__") == 0) {
            continue;
        }
        *has_doc |= strcmp(kn, "__doc__") == 0;
        m_dict_setitem(M, cd, k, v);
    }
    return cd;
}

/* PyType_Ready: the mro (cls, object), then the __dict__ and
 * __weakref__ descriptors, which refer to the class, into its dict cd. */
static void
class_ready(Vm *vm, Handle cls, Handle cd)
{
    static const char *const descr[] = {"__dict__", "__weakref__"};
    Handle mro = m_tuple_new(M, 2);

    m_incref(M, cls);
    m_store(M, mro, 0, cls);
    m_incref(M, vm->types[T_NONE]);
    m_store(M, mro, 1, vm->types[T_NONE]);
    m_store(M, cls, 2, mro);
    for (int i = 0; i < 2; i++) {
        Handle g = m_alloc(M, T_GETSET, TYPE_NBYTES(T_GETSET));
        m_incref(M, cls);
        m_store(M, g, 0, cls);
        m_track(M, g);
        dict_set_cstr(vm, cd, descr[i], g);
        m_decref(M, g);
    }
}

/* __build_class__(body, name): run the body in a new namespace, then
 * type(name, (), ns) as type_new makes it. */
Handle
class_build(Vm *vm, Handle body, Handle name)
{
    Handle ns = m_dict_new(M);
    Handle r = vm_run_class_body(vm, body, ns);
    if (r == NULL_HANDLE) {
        m_decref(M, ns);
        return NULL_HANDLE;
    }
    m_decref(M, r);
    /* meta(name, bases, ns): type's vectorcall falls back to
     * _PyObject_MakeTpCall for three arguments, which packs them into
     * a tuple for the length of the call. */
    const Handle margs[3] = {name, M->empty_tuple, ns};
    Handle targs = pack_args(vm, margs, 3);
    /* type_new_get_bases: no bases means (object,). */
    Handle bases = m_tuple_new(M, 1);
    m_incref(M, vm->types[T_NONE]);
    m_store(M, bases, 0, vm->types[T_NONE]);
    int has_doc;
    Handle cd = class_dict_from(vm, ns, &has_doc);
    Handle cls = m_class_new(M, m_obj(M, name)->u.s.utf8, cd);
    m_store(M, cls, CLASS_BASES_SLOT, bases);
    if (!has_doc) {
        dict_set_cstr(vm, cd, "__doc__", M->none);
    }
    class_ready(vm, cls, cd);
    m_class_add_subclass(M, cls);
    /* type_new_set_names works on a copy of the class's dict. */
    Handle names = m_dict_copy(M, cd);
    m_decref(M, names);
    /* type_new_init_subclass: super(cls, cls).__init_subclass__(), a
     * super object and a bound built-in method, released in turn. */
    Handle sup = m_alloc(M, T_SUPER, TYPE_NBYTES(T_SUPER));
    m_track(M, sup);
    Handle init = m_builtin_new(M, BUILTIN_UNLISTED, NULL_HANDLE);
    m_decref(M, sup);
    m_decref(M, init);
    m_decref(M, targs);
    m_decref(M, ns);
    return cls;
}

/* ------------------------------------------------------------------ */
/* Calling a type.                                                    */

/* A class's tp_call: _PyObject_MakeTpCall's tuple, a new instance,
 * then __init__ if the class has one. */
static Handle
instantiate(Vm *vm, Handle cls, const Handle *args, uint32_t nargs)
{
    Handle tup = pack_args(vm, args, nargs);
    Handle init = class_lookup(vm, cls, vm->str_init);
    if (init == NULL_HANDLE && nargs > 0) {
        m_decref(M, tup);
        vm_raise(vm, EXC_TypeError, "%s() takes no arguments",
                 m_obj(M, m_obj(M, cls)->u.c->name)->u.s.utf8);
        return NULL_HANDLE;
    }
    Handle obj = m_instance_new(M, cls);
    if (init != NULL_HANDLE) {
        if (TYPE(init) != T_FUNCTION) {
            m_decref(M, tup);
            m_decref(M, obj);
            vm_raise(vm, EXC_TypeError, "'%s' object is not callable", type_name(vm, init));
            return NULL_HANDLE;
        }
        m_incref(M, init);
        Handle *a = xmalloc((nargs + 1) * sizeof *a);
        for (uint32_t i = 0; i < nargs; i++) {
            a[i] = m_obj(M, tup)->u.t.items[i];
        }
        Handle r = vm_call_function(vm, init, obj, a, nargs);
        free(a);
        m_decref(M, init);
        if (r == NULL_HANDLE) {
            return NULL_HANDLE;
        }
        if (TYPE(r) != T_NONE) {
            vm_raise(vm, EXC_TypeError, "__init__() should return None, not '%s'",
                     type_name(vm, r));
            m_decref(M, r);
            return NULL_HANDLE;
        }
        m_decref(M, r);
    }
    m_decref(M, tup);
    return obj;
}

/* type(x): its type, a class for an instance. */
static Handle
type_new(Vm *vm, const Handle *args, uint32_t nargs)
{
    if (nargs != 1) {
        vm_raise(vm, EXC_TypeError, "type() takes 1 or 3 arguments");
        return NULL_HANDLE;
    }
    const Object *o = m_obj(M, args[0]);
    Handle r = o->type == T_INSTANCE ? o->u.inst.cls
               : o->type == T_CLASS ? vm->types[T_TYPE] : vm->types[o->type];
    m_incref(M, r);
    return r;
}

/* object(): 16 bytes, no GC header; not in the subset. */
static Handle
object_new(Vm *vm, const Handle *args, uint32_t nargs)
{
    vm_raise(vm, EXC_NotImplementedError, "object() is not supported");
    return NULL_HANDLE;
}

/* compute_range_length: (hi - lo - 1) // step + 1 when non-empty. */
static void
range_length(const BigInt *a, const BigInt *b, const BigInt *s, BigInt *len)
{
    BigInt one;

    bi_init(len);
    bi_init(&one);
    bi_from_i64(&one, 1);
    int c = bi_cmp(a, b);
    if ((s->size > 0 && c < 0) || (s->size < 0 && c > 0)) {
        BigInt d, st;
        bi_init(&d);
        bi_init(&st);
        if (s->size > 0) {
            bi_sub(&d, b, a);
            bi_copy(&st, s);
        } else {
            bi_sub(&d, a, b);
            bi_neg(&st, s);
        }
        bi_sub(&d, &d, &one);
        bi_floordiv(len, &d, &st);
        bi_add(len, len, &one);
        bi_done(&d);
        bi_done(&st);
    }
    bi_done(&one);
}

/* tp_init of list() and dict() on the new obj, with their argument. */
Handle
type_init_arg(Vm *vm, Handle obj, const Handle *args, uint32_t nargs, InitFn init)
{
    if (nargs == 1 && init(vm, obj, args[0]) < 0) {
        m_decref(M, obj);
        return NULL_HANDLE;
    }
    return obj;
}

/* range(stop), range(start, stop[, step]) (range_new in rangeobject.c). */
static Handle
range_new(Vm *vm, const Handle *args, uint32_t nargs)
{
    for (uint32_t i = 0; i < nargs; i++) {
        if (!is_int(vm, args[i])) {
            vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                     type_name(vm, args[i]));
            return NULL_HANDLE;
        }
    }
    Handle start = nargs == 1 ? m_int(M, 0) : (m_incref(M, args[0]), args[0]);
    Handle stop = nargs == 1 ? args[0] : args[1];
    m_incref(M, stop);
    Handle step = nargs == 3 ? (m_incref(M, args[2]), args[2]) : m_int(M, 1);
    BigInt a, b, s, len;
    int_view(M, start, &a);
    int_view(M, stop, &b);
    int_view(M, step, &s);
    if (s.size == 0) {
        m_decref(M, start);
        m_decref(M, stop);
        m_decref(M, step);
        vm_raise(vm, EXC_ValueError, "range() arg 3 must not be zero");
        return NULL_HANDLE;
    }
    range_length(&a, &b, &s, &len);
    int64_t n = 0;
    int fits = bi_to_i64(&len, &n);
    Handle length = int_from_bigint(vm, &len);
    return m_range_new(M, start, stop, step, length, fits ? n : -1);
}

/* The types that can be called: their constructors (tp_new and tp_init
 * as one) and the arguments they take, checked first as the
 * constructors' argument parsing does (type() checks its own).  Calling
 * any other type raises TypeError. */
typedef Handle (*TypeNewFn)(Vm *vm, const Handle *args, uint32_t nargs);

static const struct {
    TypeNewFn fn;
    const char *name;
    uint32_t min_args, max_args;
} type_new_fn[T_COUNT] = {
    [T_INT] = {long_new, "int", 0, 2},
    [T_STR] = {unicode_new, "str", 0, 1},
    [T_BOOL] = {bool_new, "bool", 0, 1},
    [T_LIST] = {list_new, "list", 0, 1},
    [T_TUPLE] = {tuple_new, "tuple", 0, 1},
    [T_DICT] = {dict_new, "dict", 0, 1},
    [T_SET] = {set_new, "set", 0, 1},
    [T_RANGE] = {range_new, "range", 1, 3},
    [T_TYPE] = {type_new, "type", 0, ARGS_ANY},
    [T_WEAKREF] = {weakref_new, "ref", 1, 2},
    [T_NONE] = {object_new, "object", 0, 0},
};

/* Check the count of arguments, then construct. */
static Handle
construct(Vm *vm, ObjType t, const Handle *args, uint32_t nargs)
{
    if (nargs_check(vm, type_new_fn[t].name, nargs, type_new_fn[t].min_args,
                    type_new_fn[t].max_args) < 0) {
        return NULL_HANDLE;
    }
    return type_new_fn[t].fn(vm, args, nargs);
}

Handle
type_call(Vm *vm, Handle type, const Handle *args, uint32_t nargs)
{
    if (TYPE(type) == T_CLASS) {
        return instantiate(vm, type, args, nargs);
    }
    ObjType t = (ObjType)m_obj(M, type)->u.builtin.id;
    if (type_new_fn[t].fn == NULL) {
        vm_raise(vm, EXC_TypeError, "cannot create '%s' instances", type_info[t].pyname);
        return NULL_HANDLE;
    }
    if (t != T_STR && t != T_INT && t != T_WEAKREF) {
        return construct(vm, t, args, nargs);
    }
    /* No vectorcall for these in 3.11: _PyObject_MakeTpCall's tuple. */
    Handle tup = pack_args(vm, args, nargs);
    Handle r = construct(vm, t, args, nargs);
    m_decref(M, tup);
    return r;
}
