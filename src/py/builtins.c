/*
 * builtins.c: the built-in functions and methods as a whole: their
 * registration (the static objects, the builtins, sys and gc modules,
 * __main__), lookup of a method by name, the call of a built-in
 * (cfunction_call and method_vectorcall_* in Objects/methodobject.c and
 * Objects/descrobject.c) and the argument checks the functions share.
 *
 * Each owner (a module or a type) lists its functions in one table of
 * MethodReg, in its own file.  A built-in's id (Object.u.builtin.id) is
 * its place counting through the tables in the order of `registry'
 * below; the static objects are made in that order.
 */
#include <config.h>

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "py/vmint.h"

/* The owners of built-ins, in id order. */
static const struct {
    int owner;                  /* a type (T_*), or B_MOD, B_SYS, B_GC */
    const MethodReg *reg;
} registry[] = {
    {B_MOD, builtin_functions},
    {B_SYS, sys_functions},
    {B_GC, gc_functions},
    {T_LIST, list_methods},
    {T_TUPLE, tuple_methods},
    {T_DICT, dict_methods},
    {T_SET, set_methods},
    {T_STR, unicode_methods},
    {T_INT, long_methods},
};
#define NOWNERS (sizeof registry / sizeof *registry)

/* The entry of built-in id, and its owner; NULL for an id past the
 * tables (BUILTIN_UNLISTED). */
static const MethodReg *
builtin_entry(uint32_t id, int *owner)
{
    /* The tables are constant: their index by id is made once. */
    static const MethodReg *by_id[VM_BUILTINS_MAX];
    static int owner_of[VM_BUILTINS_MAX];
    static uint32_t count;

    if (count == 0) {
        for (size_t t = 0; t < NOWNERS; t++) {
            for (const MethodReg *r = registry[t].reg; r->name != NULL; r++, count++) {
                assert(count < VM_BUILTINS_MAX);
                by_id[count] = r;
                owner_of[count] = registry[t].owner;
            }
        }
    }
    if (id >= count) {
        return NULL;
    }
    *owner = owner_of[id];
    return by_id[id];
}

const char *
builtin_name(uint32_t id)
{
    int owner = 0;
    const MethodReg *r = builtin_entry(id, &owner);

    return r != NULL ? r->name : "?";
}

/* ------------------------------------------------------------------ */
/* Set-up.                                                            */

static Handle
intern_str(Vm *vm, const char *s)
{
    Handle h = m_str_cstr(M, s);

    m_root_add(M, h);
    return h;
}

void
dict_set_cstr(Vm *vm, Handle d, const char *key, Handle v)
{
    Handle k = m_str_cstr(M, key);

    m_dict_setitem(M, d, k, v);
    m_decref(M, k);
}

static Handle
make_module(Vm *vm, const char *name)
{
    Handle mod = m_module_new(M, name);

    m_root_add(M, mod);
    return mod;
}

/* Put the functions of owner into the module dict d, in id order. */
static void
module_add_functions(Vm *vm, Handle d, int owner)
{
    uint32_t id = 0;

    for (size_t t = 0; t < NOWNERS; t++) {
        for (const MethodReg *r = registry[t].reg; r->name != NULL; r++, id++) {
            if (registry[t].owner == owner) {
                dict_set_cstr(vm, d, r->name, vm->builtin_objs[id]);
            }
        }
    }
}

/* The static objects: every type, then every built-in in id order. */
static void
make_static_objects(Vm *vm)
{
    for (int t = 0; t < T_COUNT; t++) {
        vm->types[t] = m_builtin_static(M, T_TYPE, TYPE_NBYTES(T_TYPE), (uint32_t)t);
    }
    uint32_t id = 0;
    for (size_t t = 0; t < NOWNERS; t++) {
        for (const MethodReg *r = registry[t].reg; r->name != NULL; r++, id++) {
            assert(id < VM_BUILTINS_MAX);
            vm->builtin_objs[id] = m_builtin_static(M, T_BUILTIN, TYPE_NBYTES(T_BUILTIN), id);
        }
    }
}

/* __main__ and its dict, with the entries CPython puts first. */
static void
make_main(Vm *vm, Handle bmod)
{
    vm->main_module = make_module(vm, "__main__");
    vm->main_dict = m_obj(M, vm->main_module)->u.mod.dict;
    Handle mainname = m_str_cstr(M, "__main__");
    m_dict_setitem(M, vm->main_dict, vm->str_name, mainname);
    m_decref(M, mainname);
    dict_set_cstr(vm, vm->main_dict, "__doc__", M->none);
    dict_set_cstr(vm, vm->main_dict, "__package__", M->none);
    dict_set_cstr(vm, vm->main_dict, "__loader__", M->none);
    dict_set_cstr(vm, vm->main_dict, "__spec__", M->none);
    Handle ann = m_dict_new(M);
    dict_set_cstr(vm, vm->main_dict, "__annotations__", ann);
    m_decref(M, ann);
    dict_set_cstr(vm, vm->main_dict, "__builtins__", bmod);
}

void
builtins_init(Vm *vm)
{
    static const ObjType named[] = {T_INT, T_STR, T_LIST, T_TUPLE, T_DICT, T_SET, T_BOOL,
                                    T_RANGE, T_TYPE};
    static const char *const names[] = {"int", "str", "list", "tuple", "dict", "set", "bool",
                                        "range", "type"};

    vm->str_init = intern_str(vm, "__init__");
    vm->str_del = intern_str(vm, "__del__");
    vm->str_name = intern_str(vm, "__name__");
    vm->str_module = intern_str(vm, "__module__");
    vm->str_buildclass = intern_str(vm, "__build_class__");

    make_static_objects(vm);
    Handle bmod = make_module(vm, "builtins");
    vm->builtins = m_obj(M, bmod)->u.mod.dict;
    module_add_functions(vm, vm->builtins, B_MOD);
    for (size_t i = 0; i < sizeof named / sizeof *named; i++) {
        dict_set_cstr(vm, vm->builtins, names[i], vm->types[named[i]]);
    }
    dict_set_cstr(vm, vm->builtins, "object", vm->types[T_NONE]);

    vm->mod_sys = make_module(vm, "sys");
    module_add_functions(vm, m_obj(M, vm->mod_sys)->u.mod.dict, B_SYS);
    vm->mod_weakref = make_module(vm, "weakref");
    dict_set_cstr(vm, m_obj(M, vm->mod_weakref)->u.mod.dict, "ref", vm->types[T_WEAKREF]);
    vm->mod_gc = make_module(vm, "gc");
    Handle gd = m_obj(M, vm->mod_gc)->u.mod.dict;
    module_add_functions(vm, gd, B_GC);
    gc_module_init(vm, gd);

    textio_init(vm);
    make_main(vm, bmod);
}

/* ------------------------------------------------------------------ */
/* Lookup.                                                            */

Handle
builtin_method(Vm *vm, Handle obj, Handle name)
{
    ObjType t = TYPE(obj);
    const char *n = m_obj(M, name)->u.s.utf8;
    uint32_t id = 0;

    if (t == T_BOOL) {
        t = T_INT;
    }
    for (size_t k = 0; k < NOWNERS; k++) {
        for (const MethodReg *r = registry[k].reg; r->name != NULL; r++, id++) {
            if (registry[k].owner == (int)t && strcmp(r->name, n) == 0) {
                return vm->builtin_objs[id];
            }
        }
    }
    return NULL_HANDLE;
}

Handle
module_getattr(Vm *vm, Handle mod, Handle name)
{
    const Object *o = m_obj(M, mod);
    Handle v;

    if (strcmp(m_obj(M, name)->u.s.utf8, "__name__") == 0) {
        v = o->u.mod.name;
    } else {
        v = m_dict_getitem(M, o->u.mod.dict, name);
    }
    if (v == NULL_HANDLE) {
        vm_raise(vm, EXC_AttributeError, "module '%s' has no attribute '%s'",
                 m_obj(M, o->u.mod.name)->u.s.utf8, m_obj(M, name)->u.s.utf8);
        suggest_attr(vm, mod, name);
        return NULL_HANDLE;
    }
    m_incref(M, v);
    return v;
}

/* ------------------------------------------------------------------ */
/* Argument checks.                                                   */

void
store_items(Vm *vm, Handle dst, const Handle *items, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        m_incref(M, items[i]);
        m_store(M, dst, i, items[i]);
    }
}

Handle
pack_args(Vm *vm, const Handle *args, uint32_t nargs)
{
    Handle t = m_tuple_new(M, nargs);

    store_items(vm, t, args, nargs);
    return t;
}

/* _PyObject_FunctionStr: the name a METH_NOARGS or METH_O function's
 * error gives it, "str.upper" or "sys.getrefcount" ("len" for builtins'). */
static const char *
function_str(const Vm *vm, const char *name, char *buf, size_t size)
{
    int owner = 0;
    const MethodReg *r = vm->builtin_id < 0 ? NULL : builtin_entry((uint32_t)vm->builtin_id,
                                                                   &owner);

    if (r == NULL || strcmp(r->name, name) != 0) {
        return name;
    }
    const char *prefix = owner < T_COUNT ? type_info[owner].pyname : owner == B_SYS ? "sys"
                         : owner == B_GC ? "gc" : NULL;
    if (prefix == NULL) {
        return name;
    }
    snprintf(buf, size, "%s.%s", prefix, name);
    return buf;
}

int
nargs_check(Vm *vm, const char *name, uint32_t nargs, uint32_t min, uint32_t max)
{
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    char buf[64];
    if (min == max) {
        if (min == 0) {
            vm_raise(vm, EXC_TypeError, "%s() takes no arguments (%u given)",
                     function_str(vm, name, buf, sizeof buf), nargs);
        } else if (min == 1) {
            vm_raise(vm, EXC_TypeError, "%s() takes exactly one argument (%u given)",
                     function_str(vm, name, buf, sizeof buf), nargs);
        } else {
            vm_raise(vm, EXC_TypeError, "%s expected %u arguments, got %u", name, min, nargs);
        }
    } else if (nargs < min) {
        vm_raise(vm, EXC_TypeError, "%s expected at least %u argument%s, got %u", name, min,
                 min == 1 ? "" : "s", nargs);
    } else {
        vm_raise(vm, EXC_TypeError, "%s expected at most %u argument%s, got %u", name, max,
                 max == 1 ? "" : "s", nargs);
    }
    return -1;
}

/* A function whose arguments may also be given by keyword
 * (_PyArg_UnpackKeywords): "split() takes at most 2 arguments (3 given)". */
int
nargs_check_kw(Vm *vm, const char *name, uint32_t nargs, uint32_t max)
{
    if (nargs <= max) {
        return 0;
    }
    vm_raise(vm, EXC_TypeError, "%s() takes at most %u argument%s (%u given)", name, max,
             max == 1 ? "" : "s", nargs);
    return -1;
}

int
int_arg(Vm *vm, Handle h, int64_t *out)
{
    if (!is_int(vm, h) || !m_int_fits(M, h, out)) {
        vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                 type_name(vm, h));
        return -1;
    }
    return 0;
}

Handle
raise_repr(Vm *vm, ExcKind exc, Handle h, const char *suffix)
{
    StrBuf sb;

    sb_init(&sb);
    op_repr(vm, h, &sb);
    vm_raise(vm, exc, "%s%s", sb.s, suffix);
    sb_done(&sb);
    return NULL_HANDLE;
}

/* Slice bounds start and end as str methods take them (ADJUST_INDICES). */
int
slice_bounds(Vm *vm, const Handle *args, uint32_t nargs, uint32_t first, size_t len,
             int64_t *start, int64_t *end)
{
    *start = 0;
    *end = (int64_t)len;
    for (uint32_t k = first; k < nargs && k < first + 2; k++) {
        int64_t v;
        if (TYPE(args[k]) == T_NONE) {
            continue;
        }
        if (!is_int(vm, args[k])) {
            vm_raise(vm, EXC_TypeError, "slice indices must be integers or None or have an "
                     "__index__ method");
            return -1;
        }
        if (!m_int_fits(M, args[k], &v)) {
            v = m_obj(M, args[k])->u.i.size < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
        }
        *(k == first ? start : end) = v;
    }
    if (*end > (int64_t)len) {
        *end = (int64_t)len;
    } else if (*end < 0) {
        *end += (int64_t)len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += (int64_t)len;
        if (*start < 0) {
            *start = 0;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Calling.                                                           */

/* The call proper: self found (a bound method's, or the first argument
 * of list.append(l, x)) and its type checked, the count of arguments
 * checked, then the function of the table. */
static Handle
builtin_call_inner(Vm *vm, Handle fn, const MethodReg *r, int owner, Handle self,
                   const Handle *args, uint32_t nargs)
{
    const Object *f = m_obj(M, fn);

    if (r == NULL) {
        vm_raise(vm, EXC_NotImplementedError, "built-in method");
        return NULL_HANDLE;
    }
    if (self == NULL_HANDLE && f->u.builtin.self != NULL_HANDLE) {
        self = f->u.builtin.self;          /* a bound built-in method */
    }
    if (owner < T_COUNT && self == NULL_HANDLE) {
        /* list.append(l, x) style: the first argument is self. */
        if (nargs == 0) {
            vm_raise(vm, EXC_TypeError, "descriptor '%s' needs an argument", r->name);
            return NULL_HANDLE;
        }
        self = args[0];
        args++;
        nargs--;
    }
    if (owner < T_COUNT) {
        ObjType t = TYPE(self) == T_BOOL ? T_INT : TYPE(self);
        if ((int)t != owner) {
            vm_raise(vm, EXC_TypeError, "descriptor '%s' requires a '%s' object but received "
                     "a '%s'", r->name, type_info[owner].pyname, type_name(vm, self));
            return NULL_HANDLE;
        }
    }
    int ok = r->flags & METH_KEYWORDS ? nargs_check_kw(vm, r->name, nargs, r->max_args)
             : nargs_check(vm, r->name, nargs, r->min_args, r->max_args);
    if (ok < 0) {
        return NULL_HANDLE;
    }
    return r->fn(vm, self, args, nargs);
}

Handle
builtin_call(Vm *vm, Handle fn, Handle self, const Handle *args, uint32_t nargs)
{
    int id = (int)m_obj(M, fn)->u.builtin.id;
    int owner = 0;
    const MethodReg *reg = builtin_entry((uint32_t)id, &owner);
    unsigned flags = reg != NULL ? reg->flags : 0;

    /* A call of a built-in counts towards the recursion limit while it
     * runs, as cfunction_enter_call makes it; not len() and
     * isinstance(), which 3.11's specialized calls run inline. */
    int counted = !(flags & METH_INLINE);
    if (counted && enter_recursive(vm, " while calling a Python object") < 0) {
        return NULL_HANDLE;
    }
    Handle r;
    int outer = vm->builtin_id;
    vm->builtin_id = id;
    if (!(flags & METH_VARARGS)) {
        r = builtin_call_inner(vm, fn, reg, owner, self, args, nargs);
    } else {
        Handle t = pack_args(vm, args, nargs);
        Handle saved = vm->args_tuple;
        vm->args_tuple = t;
        r = builtin_call_inner(vm, fn, reg, owner, self, args, nargs);
        vm->args_tuple = saved;
        m_decref(M, t);
    }
    vm->builtin_id = outer;
    if (counted) {
        leave_recursive(vm);
    }
    return r;
}
