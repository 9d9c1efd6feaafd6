/*
 * builtins.c: the built-in functions, types, methods and modules of the
 * subset (Python/bltinmodule.c, the Objects/ type files, Python/sysmodule.c,
 * Objects/weakrefobject.c), with the allocations CPython makes: list()
 * and dict() bypass the free lists, a class call packs its arguments
 * into a tuple, a class gets a copy of its namespace plus two
 * descriptors and an MRO tuple that refer back to it.
 */
#include <config.h>

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/unicode.h"
#include "core/xalloc.h"
#include "py/vmint.h"
#include "sim/gc.h"

const BuiltinInfo builtin_info[BI_COUNT] = {
#define BI(id, name, where) {name, where},
#include "py/builtins.def"
#undef BI
};

static Handle builtin_objs[BI_COUNT];

typedef struct HandleVec {
    Handle *v;
    size_t n, cap;
} HandleVec;

/* Calls that receive their arguments as a tuple (METH_VARARGS functions,
 * and types called through tp_call without vectorcall in 3.11): the
 * tuple is a real allocation, counted by the collector. */
static int
takes_args_tuple(int id)
{
    switch (id) {
    case BI_PRINT:  /* the *args tuple of print's argument clinic */
    case BI_MIN: case BI_MAX: case BI_GETSIZEOF: case BI_DICT_UPDATE:
    case BI_STR_STARTSWITH: case BI_STR_ENDSWITH: case BI_STR_FIND: case BI_STR_COUNT:
    case BI_GC_SET_THRESHOLD: case BI_GC_GET_REFERENTS: case BI_GC_GET_REFERRERS:
        return 1;
    default:
        return 0;
    }
}


static Handle
pack_args(Vm *vm, const Handle *args, uint32_t nargs)
{
    Handle t = m_tuple_new(M, nargs);

    for (uint32_t i = 0; i < nargs; i++) {
        m_incref(M, args[i]);
        m_store(M, t, i, args[i]);
    }
    return t;
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

static void
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

    /* Static type objects for every type. */
    for (int t = 0; t < T_COUNT; t++) {
        Handle h = machine_static(M, T_TYPE, 16 + 904);
        m_obj(M, h)->u.builtin.id = (uint32_t)t;
        vm->types[t] = h;
    }
    for (int i = 0; i < BI_COUNT; i++) {
        Handle h = machine_static(M, T_BUILTIN, 16 + 56);
        m_obj(M, h)->u.builtin.id = (uint32_t)i;
        builtin_objs[i] = h;
    }

    Handle bmod = make_module(vm, "builtins");
    vm->builtins = m_obj(M, bmod)->u.mod.dict;
    for (int i = 0; i < BI_COUNT; i++) {
        if (builtin_info[i].where == B_MOD) {
            dict_set_cstr(vm, vm->builtins, builtin_info[i].name, builtin_objs[i]);
        }
    }
    for (size_t i = 0; i < sizeof named / sizeof *named; i++) {
        dict_set_cstr(vm, vm->builtins, names[i], vm->types[named[i]]);
    }
    dict_set_cstr(vm, vm->builtins, "object", vm->types[T_NONE]);

    vm->mod_sys = make_module(vm, "sys");
    Handle sd = m_obj(M, vm->mod_sys)->u.mod.dict;
    for (int i = 0; i < BI_COUNT; i++) {
        if (builtin_info[i].where == B_SYS) {
            dict_set_cstr(vm, sd, builtin_info[i].name, builtin_objs[i]);
        }
    }
    vm->mod_weakref = make_module(vm, "weakref");
    dict_set_cstr(vm, m_obj(M, vm->mod_weakref)->u.mod.dict, "ref", vm->types[T_WEAKREF]);
    vm->mod_gc = make_module(vm, "gc");
    Handle gd = m_obj(M, vm->mod_gc)->u.mod.dict;
    for (int i = 0; i < BI_COUNT; i++) {
        if (builtin_info[i].where == B_GC) {
            dict_set_cstr(vm, gd, builtin_info[i].name, builtin_objs[i]);
        }
    }
    static const struct { const char *name; int value; } flags[] = {
        {"DEBUG_STATS", 1}, {"DEBUG_COLLECTABLE", 2}, {"DEBUG_UNCOLLECTABLE", 4},
        {"DEBUG_SAVEALL", 32}, {"DEBUG_LEAK", 38},
    };
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
        Handle v = m_int(M, flags[i].value);
        dict_set_cstr(vm, gd, flags[i].name, v);
        m_decref(M, v);
    }
    M->gc_garbage = m_list_new(M, 0);
    dict_set_cstr(vm, gd, "garbage", M->gc_garbage);
    m_decref(M, M->gc_garbage);

    /* sys.stdout (a placeholder object the write methods bind to). */
    vm->stdout_obj = machine_static(M, T_TYPE, 16 + 200);
    m_obj(M, vm->stdout_obj)->u.builtin.id = T_NONE;

    /* __main__ and its dict, with the entries CPython puts first. */
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

/* ------------------------------------------------------------------ */
/* Lookup.                                                            */

Handle
builtin_method(Vm *vm, Handle obj, Handle name)
{
    ObjType t = TYPE(obj);
    const char *n = m_obj(M, name)->u.s.utf8;

    if (t == T_BOOL) {
        t = T_INT;
    }
    for (int i = 0; i < BI_COUNT; i++) {
        if (builtin_info[i].where == (int)t && strcmp(builtin_info[i].name, n) == 0) {
            return builtin_objs[i];
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
/* Helpers.                                                           */

/* _PyObject_FunctionStr: the name a METH_NOARGS or METH_O function's
 * error gives it, "str.upper" or "sys.getrefcount" ("len" for builtins'). */
static const char *
function_str(const Vm *vm, const char *name, char *buf, size_t size)
{
    int id = vm->builtin_id;

    if (id < 0 || strcmp(builtin_info[id].name, name) != 0) {
        return name;
    }
    int where = builtin_info[id].where;
    const char *owner = where < T_COUNT ? type_info[where].pyname : where == B_SYS ? "sys"
                        : where == B_GC ? "gc" : NULL;
    if (owner == NULL) {
        return name;
    }
    snprintf(buf, size, "%s.%s", owner, name);
    return buf;
}

static int
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

static Handle
int_of_size(Vm *vm, int64_t v)
{
    return m_int(M, v);
}

/* list_preallocate_exact: room for n items, rounded up to even. */
static void
list_preallocate(Vm *vm, Handle list, uint32_t n)
{
    uint32_t cap = (n + 1) & ~1u;
    Object *o = m_obj(M, list);

    if (cap == 0) {
        return;
    }
    uint64_t a = m_storage(M, list, HEAP_ROLE_LIST_ITEMS, 0, 8 * (size_t)cap);
    o = m_obj(M, list);
    o->u.l.items = xrealloc(o->u.l.items, cap * sizeof *o->u.l.items);
    for (uint32_t i = 0; i < cap; i++) {
        o->u.l.items[i] = NULL_HANDLE;
    }
    o->u.l.items_addr = a;
    o->u.l.cap = cap;
}

/* list.extend / list += x / list(x) (list_extend in listobject.c). */
int
list_extend(Vm *vm, Handle list, Handle iterable)
{
    const Object *src = m_obj(M, iterable);

    if (src->type == T_LIST || src->type == T_TUPLE) {
        uint32_t n = src->type == T_LIST ? src->u.l.len : src->u.t.len;
        if (n == 0) {
            return 0;
        }
        Handle *items = xmalloc(n * sizeof *items);
        for (uint32_t i = 0; i < n; i++) {
            items[i] = src->type == T_LIST ? src->u.l.items[i] : src->u.t.items[i];
        }
        uint32_t m0 = m_obj(M, list)->u.l.len;
        if (m_obj(M, list)->u.l.items == NULL || m_obj(M, list)->u.l.cap == 0) {
            list_preallocate(vm, list, n);
            m_obj(M, list)->u.l.len = n;
        } else {
            m_list_resize(M, list, m0 + n);
        }
        for (uint32_t i = 0; i < n; i++) {
            m_incref(M, items[i]);
            m_store(M, list, m0 + i, items[i]);
        }
        free(items);
        return 0;
    }
    Handle it = op_iter(vm, iterable);
    if (it == NULL_HANDLE) {
        return -1;
    }
    /* The length hint presizes an empty list. */
    int64_t hint = 8;
    ObjType t = src->type;
    if (t == T_DICT || t == T_SET || t == T_STR || t == T_RANGE || t == T_DICTKEYS
        || t == T_DICTVALUES || t == T_DICTITEMS) {
        hint = op_len(vm, iterable);
    }
    if (hint > 0 && (hint > (INT64_C(1) << 28) || !m_heap_room(M, (uint64_t)hint * 8))) {
        m_decref(M, it);
        vm_raise(vm, EXC_MemoryError, "%s", "");
        return -1;
    }
    Object *lo = m_obj(M, list);
    if (lo->u.l.cap == 0 && hint > 0) {
        list_preallocate(vm, list, (uint32_t)hint);
    } else if (hint > 0) {
        uint32_t len = lo->u.l.len;
        m_list_resize(M, list, len + (uint32_t)hint);
        m_obj(M, list)->u.l.len = len;
    }
    Handle v;
    int r;
    while ((r = op_next_item(vm, it, &v)) == 1) {
        lo = m_obj(M, list);
        if (lo->u.l.len < lo->u.l.cap) {
            m_store(M, list, lo->u.l.len, v);
            m_obj(M, list)->u.l.len++;
        } else {
            m_list_append(M, list, v);
        }
    }
    m_decref(M, it);
    if (r < 0) {
        return -1;
    }
    lo = m_obj(M, list);
    if (lo->u.l.len < lo->u.l.cap) {
        m_list_resize(M, list, lo->u.l.len);
    }
    return 0;
}

static Handle
new_list_fresh(Vm *vm)
{
    Handle l = m_alloc_fresh(M, T_LIST, 16 + 40);

    m_track(M, l);
    return l;
}

/* ------------------------------------------------------------------ */
/* Classes.                                                           */

Handle vm_run_class_body(Vm *vm, Handle func, Handle ns);

static Handle
build_class(Vm *vm, const Handle *args, uint32_t nargs)
{
    if (nargs != 2 || TYPE(args[0]) != T_FUNCTION || TYPE(args[1]) != T_STR) {
        vm_raise(vm, EXC_TypeError, "__build_class__: bad arguments");
        return NULL_HANDLE;
    }
    Handle ns = m_dict_new(M);
    Handle r = vm_run_class_body(vm, args[0], ns);
    if (r == NULL_HANDLE) {
        m_decref(M, ns);
        return NULL_HANDLE;
    }
    m_decref(M, r);
    /* meta(name, bases, ns): type's vectorcall falls back to
     * _PyObject_MakeTpCall for three arguments, which packs them into
     * a tuple for the length of the call. */
    const Handle margs[3] = {args[1], M->empty_tuple, ns};
    Handle targs = m_tuple_new(M, 3);
    for (uint32_t i = 0; i < 3; i++) {
        m_incref(M, margs[i]);
        m_store(M, targs, i, margs[i]);
    }
    /* type_new_get_bases: no bases means (object,). */
    Handle bases = m_tuple_new(M, 1);
    m_incref(M, vm->types[T_NONE]);
    m_store(M, bases, 0, vm->types[T_NONE]);
    /* type_new_init: the class's dict is a copy of the namespace, without
     * __qualname__, with __doc__, __dict__ and __weakref__ added. */
    Handle cd = m_dict_new(M);
    const Dict *d = m_obj(M, ns)->u.d;
    int has_doc = 0, has_del = 0;
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
        has_doc |= strcmp(kn, "__doc__") == 0;
        has_del |= strcmp(kn, "__del__") == 0;
        m_dict_setitem(M, cd, k, v);
    }
    Handle cls = m_class_new(M, m_obj(M, args[1])->u.s.utf8, cd);
    m_obj(M, cls)->u.c->has_del = (uint8_t)has_del;
    m_store(M, cls, CLASS_BASES_SLOT, bases);
    if (!has_doc) {
        dict_set_cstr(vm, cd, "__doc__", M->none);
    }
    /* PyType_Ready: the mro (cls, object), then the two descriptors,
     * which refer to the class, then add_subclass. */
    Handle mro = m_tuple_new(M, 2);
    m_incref(M, cls);
    m_store(M, mro, 0, cls);
    m_incref(M, vm->types[T_NONE]);
    m_store(M, mro, 1, vm->types[T_NONE]);
    m_store(M, cls, 2, mro);
    static const char *const descr[] = {"__dict__", "__weakref__"};
    for (int i = 0; i < 2; i++) {
        Handle g = m_alloc(M, T_GETSET, 16 + 56);
        m_incref(M, cls);
        m_store(M, g, 0, cls);
        m_track(M, g);
        dict_set_cstr(vm, cd, descr[i], g);
        m_decref(M, g);
    }
    /* add_subclass: object's tp_subclasses maps the class's address, as
     * an int, to a weak reference to it; both live as long as the class. */
    Handle key = m_int(M, (int64_t)m_obj(M, cls)->addr);
    Handle wr = m_alloc(M, T_WEAKREF, 16 + 64);
    m_obj(M, wr)->u.wr.referent = cls;
    m_track(M, wr);
    *m_weaklist(M, cls) = wr;
    m_obj(M, cls)->u.c->subclass_key = key;
    m_obj(M, cls)->u.c->subclass_ref = wr;
    m_root_add(M, key);
    m_root_add(M, wr);
    /* type_new_set_names works on a copy of the class's dict. */
    Handle names = m_dict_copy(M, cd);
    m_decref(M, names);
    /* type_new_init_subclass: super(cls, cls).__init_subclass__(), a
     * super object and a bound built-in method, released in turn. */
    Handle sup = m_alloc(M, T_SUPER, 16 + 40);
    m_track(M, sup);
    Handle init = m_alloc(M, T_BUILTIN, 16 + 56);
    m_obj(M, init)->u.builtin.id = BI_COUNT;
    m_track(M, init);
    m_decref(M, sup);
    m_decref(M, init);
    m_decref(M, targs);
    m_decref(M, ns);
    return cls;
}

static Handle
instantiate(Vm *vm, Handle cls, const Handle *args, uint32_t nargs)
{
    /* _PyObject_MakeTpCall packs the arguments into a tuple. */
    Handle tup = m_tuple_new(M, nargs);
    for (uint32_t i = 0; i < nargs; i++) {
        m_incref(M, args[i]);
        m_store(M, tup, i, args[i]);
    }
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

/* ------------------------------------------------------------------ */
/* Constructors.                                                      */

static Handle
make_range(Vm *vm, const Handle *args, uint32_t nargs)
{
    if (nargs_check(vm, "range", nargs, 1, 3) < 0) {
        return NULL_HANDLE;
    }
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
    BigInt a, b, s, len, one;
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
    /* compute_range_length: (hi - lo - 1) // step + 1 when non-empty. */
    bi_init(&len);
    bi_init(&one);
    bi_from_i64(&one, 1);
    int c = bi_cmp(&a, &b);
    if ((s.size > 0 && c < 0) || (s.size < 0 && c > 0)) {
        BigInt d, st;
        bi_init(&d);
        bi_init(&st);
        if (s.size > 0) {
            bi_sub(&d, &b, &a);
            bi_copy(&st, &s);
        } else {
            bi_sub(&d, &a, &b);
            bi_neg(&st, &s);
        }
        bi_sub(&d, &d, &one);
        bi_floordiv(&len, &d, &st);
        bi_add(&len, &len, &one);
        bi_done(&d);
        bi_done(&st);
    }
    bi_done(&one);
    int64_t n = 0;
    int fits = bi_to_i64(&len, &n);
    Handle length = int_from_bigint(vm, &len);
    Handle r = m_alloc(M, T_RANGE, 48);
    m_store(M, r, 0, start);
    m_store(M, r, 1, stop);
    m_store(M, r, 2, step);
    m_store(M, r, 3, length);
    m_obj(M, r)->u.range.len = fits ? n : -1;
    return r;
}

static Handle
int_from_str(Vm *vm, Handle s, int base)
{
    const Object *o = m_obj(M, s);
    BigInt b;
    size_t ndigits = 0;
    bi_init(&b);
    int rc = bi_from_string_limited(&b, o->u.s.utf8, o->u.s.nbytes, base, BI_MAX_STR_DIGITS,
                                    &ndigits);
    if (rc != 0) {
        bi_done(&b);
        StrBuf sb;
        sb_init(&sb);
        uni_repr(o->u.s.utf8, o->u.s.nbytes, &sb);
        if (rc == BI_ELIMIT) {
            vm_raise(vm, EXC_ValueError, "Exceeds the limit (%d digits) for integer string "
                     "conversion: value has %zu digits; use sys.set_int_max_str_digits() to "
                     "increase the limit", BI_MAX_STR_DIGITS, ndigits);
        } else {
            vm_raise(vm, EXC_ValueError, "invalid literal for int() with base %d: %s", base,
                     sb.s);
        }
        sb_done(&sb);
        return NULL_HANDLE;
    }
    return int_from_bigint(vm, &b);
}

static Handle
make_set_from(Vm *vm, Handle iterable)
{
    Handle s = m_set_new(M);

    if (iterable == NULL_HANDLE) {
        return s;
    }
    if (TYPE(iterable) == T_SET) {
        m_set_merge(M, s, iterable);
        return s;
    }
    if (TYPE(iterable) == T_DICT && !m_obj(M, iterable)->u.d->split) {
        /* set_update_internal: one resize for the dict's size. */
        m_set_presize(M, s, m_obj(M, iterable)->u.d->used);
        for (uint32_t e = 0; e < m_obj(M, iterable)->u.d->nentries; e++) {
            Handle k = m_obj(M, iterable)->u.d->entries[2 * e];
            if (k != NULL_HANDLE) {
                m_set_add(M, s, k);
            }
        }
        return s;
    }
    Handle it = op_iter(vm, iterable);
    if (it == NULL_HANDLE) {
        m_decref(M, s);
        return NULL_HANDLE;
    }
    Handle v;
    int r;
    while ((r = op_next_item(vm, it, &v)) == 1) {
        if (op_hashable(vm, v) < 0) {
            m_decref(M, v);
            r = -1;
            break;
        }
        m_set_add(M, s, v);
        m_decref(M, v);
    }
    m_decref(M, it);
    if (r < 0) {
        m_decref(M, s);
        return NULL_HANDLE;
    }
    return s;
}

/* PySequence_Tuple */
static Handle
make_tuple_from(Vm *vm, Handle iterable)
{
    const Object *o = m_obj(M, iterable);

    if (o->type == T_TUPLE) {
        m_incref(M, iterable);
        return iterable;
    }
    if (o->type == T_LIST) {
        /* PyList_AsTuple */
        uint32_t n = o->u.l.len;
        Handle t = m_tuple_new(M, n);
        for (uint32_t i = 0; i < n; i++) {
            Handle x = m_obj(M, iterable)->u.l.items[i];
            m_incref(M, x);
            m_store(M, t, i, x);
        }
        return t;
    }
    Handle it = op_iter(vm, iterable);
    if (it == NULL_HANDLE) {
        return NULL_HANDLE;
    }
    /* Items gathered first; the tuple is sized from the length hint and
     * cut back, which leaves the same tuple as sizing it exactly. */
    HandleVec items = {NULL, 0, 0};
    Handle v;
    int r;
    while ((r = op_next_item(vm, it, &v)) == 1) {
        items.v = xgrow(items.v, &items.cap, items.n + 1, sizeof *items.v);
        items.v[items.n++] = v;
    }
    m_decref(M, it);
    if (r < 0) {
        for (size_t i = 0; i < items.n; i++) {
            m_decref(M, items.v[i]);
        }
        free(items.v);
        return NULL_HANDLE;
    }
    Handle t = m_tuple_new(M, (uint32_t)items.n);
    for (size_t i = 0; i < items.n; i++) {
        m_store(M, t, (uint32_t)i, items.v[i]);
    }
    free(items.v);
    return t;
}

static int dict_update(Vm *vm, Handle d, Handle src);

static Handle type_call_inner(Vm *vm, Handle type, const Handle *args, uint32_t nargs);

Handle
type_call(Vm *vm, Handle type, const Handle *args, uint32_t nargs)
{
    if (TYPE(type) == T_CLASS) {
        return instantiate(vm, type, args, nargs);
    }
    ObjType t = (ObjType)m_obj(M, type)->u.builtin.id;
    if (t != T_STR && t != T_INT && t != T_WEAKREF) {
        return type_call_inner(vm, type, args, nargs);
    }
    /* No vectorcall for these in 3.11: _PyObject_MakeTpCall's tuple. */
    Handle tup = pack_args(vm, args, nargs);
    Handle r = type_call_inner(vm, type, args, nargs);
    m_decref(M, tup);
    return r;
}

static Handle
type_call_inner(Vm *vm, Handle type, const Handle *args, uint32_t nargs)
{
    ObjType t = (ObjType)m_obj(M, type)->u.builtin.id;
    switch (t) {
    case T_INT:
        if (nargs_check(vm, "int", nargs, 0, 2) < 0) {
            return NULL_HANDLE;
        }
        if (nargs == 0) {
            return m_int(M, 0);
        }
        if (nargs == 2) {
            int64_t base;
            if (TYPE(args[0]) != T_STR) {
                vm_raise(vm, EXC_TypeError, "int() can't convert non-string with explicit base");
                return NULL_HANDLE;
            }
            if (!m_int_fits(M, args[1], &base) || base == 1 || base < 0 || base > 36) {
                vm_raise(vm, EXC_ValueError, "int() base must be >= 2 and <= 36, or 0");
                return NULL_HANDLE;
            }
            return int_from_str(vm, args[0], (int)base);
        }
        if (TYPE(args[0]) == T_INT) {
            m_incref(M, args[0]);
            return args[0];
        }
        if (TYPE(args[0]) == T_BOOL) {
            return m_int(M, m_obj(M, args[0])->u.i.size != 0);
        }
        if (TYPE(args[0]) == T_STR) {
            return int_from_str(vm, args[0], 10);
        }
        vm_raise(vm, EXC_TypeError, "int() argument must be a string, a bytes-like object or "
                 "a real number, not '%s'", type_name(vm, args[0]));
        return NULL_HANDLE;
    case T_STR:
        if (nargs_check(vm, "str", nargs, 0, 1) < 0) {
            return NULL_HANDLE;
        }
        if (nargs == 0) {
            return m_str(M, "", 0);
        }
        return op_str_object(vm, args[0]);
    case T_BOOL:
        if (nargs_check(vm, "bool", nargs, 0, 1) < 0) {
            return NULL_HANDLE;
        }
        if (nargs == 0) {
            return m_bool(M, 0);
        }
        {
            int r = op_truth(vm, args[0]);
            return r < 0 ? NULL_HANDLE : m_bool(M, r);
        }
    case T_LIST: {
        if (nargs_check(vm, "list", nargs, 0, 1) < 0) {
            return NULL_HANDLE;
        }
        Handle l = new_list_fresh(vm);
        if (nargs == 1 && list_extend(vm, l, args[0]) < 0) {
            m_decref(M, l);
            return NULL_HANDLE;
        }
        return l;
    }
    case T_TUPLE:
        if (nargs_check(vm, "tuple", nargs, 0, 1) < 0) {
            return NULL_HANDLE;
        }
        if (nargs == 0) {
            return m_tuple_new(M, 0);
        }
        return make_tuple_from(vm, args[0]);
    case T_DICT: {
        if (nargs_check(vm, "dict", nargs, 0, 1) < 0) {
            return NULL_HANDLE;
        }
        /* dict_new: PyType_GenericAlloc (no free list), then untracked. */
        Handle d = m_alloc_fresh(M, T_DICT, 16 + 48);
        m_obj(M, d)->u.d = xcalloc(1, sizeof(Dict));
        if (nargs == 1 && dict_update(vm, d, args[0]) < 0) {
            m_decref(M, d);
            return NULL_HANDLE;
        }
        return d;
    }
    case T_SET:
        if (nargs_check(vm, "set", nargs, 0, 1) < 0) {
            return NULL_HANDLE;
        }
        return make_set_from(vm, nargs ? args[0] : NULL_HANDLE);
    case T_RANGE:
        return make_range(vm, args, nargs);
    case T_TYPE:
        if (nargs != 1) {
            vm_raise(vm, EXC_TypeError, "type() takes 1 or 3 arguments");
            return NULL_HANDLE;
        }
        {
            const Object *o = m_obj(M, args[0]);
            Handle r = o->type == T_INSTANCE ? o->u.inst.cls
                       : o->type == T_CLASS ? vm->types[T_TYPE] : vm->types[o->type];
            m_incref(M, r);
            return r;
        }
    case T_WEAKREF: {
        if (nargs_check(vm, "ref", nargs, 1, 2) < 0) {
            return NULL_HANDLE;
        }
        Handle obj = args[0];
        Handle cb = nargs == 2 && TYPE(args[1]) != T_NONE ? args[1] : NULL_HANDLE;
        if (m_weaklist(M, obj) == NULL) {
            vm_raise(vm, EXC_TypeError, "cannot create weak reference to '%s' object",
                     type_name(vm, obj));
            return NULL_HANDLE;
        }
        Handle head = *m_weaklist(M, obj);
        /* The basic ref (no callback) heads the list and is shared. */
        Handle basic = NULL_HANDLE;
        if (head != NULL_HANDLE && m_obj(M, head)->u.wr.callback == NULL_HANDLE) {
            basic = head;
        }
        if (cb == NULL_HANDLE && basic != NULL_HANDLE) {
            m_incref(M, basic);
            return basic;
        }
        Handle w = m_alloc(M, T_WEAKREF, 16 + 64);
        Object *wo = m_obj(M, w);
        wo->u.wr.referent = obj;
        if (cb != NULL_HANDLE) {
            m_incref(M, cb);
            m_store(M, w, 0, cb);
        }
        m_track(M, w);
        /* insert_head, or insert_after the basic ref. */
        Handle prev = cb == NULL_HANDLE ? NULL_HANDLE : basic;
        Handle next = prev == NULL_HANDLE ? *m_weaklist(M, obj)
                                          : m_obj(M, prev)->u.wr.next;
        wo = m_obj(M, w);
        wo->u.wr.prev = prev;
        wo->u.wr.next = next;
        if (next != NULL_HANDLE) {
            m_obj(M, next)->u.wr.prev = w;
        }
        if (prev == NULL_HANDLE) {
            *m_weaklist(M, obj) = w;
        } else {
            m_obj(M, prev)->u.wr.next = w;
        }
        return w;
    }
    case T_NONE: {
        /* object(): 16 bytes, no GC header. */
        if (nargs_check(vm, "object", nargs, 0, 0) < 0) {
            return NULL_HANDLE;
        }
        vm_raise(vm, EXC_NotImplementedError, "object() is not supported");
        return NULL_HANDLE;
    }
    default:
        vm_raise(vm, EXC_TypeError, "cannot create '%s' instances", type_info[t].pyname);
        return NULL_HANDLE;
    }
}

/* ------------------------------------------------------------------ */
/* Weak references.                                                   */

static void
call_weakref_callback(Vm *vm, Handle ref, Handle cb)
{
    uint32_t depth = M->nframes, saved = vm->catch_depth;

    vm->catch_depth = depth;
    Handle r = vm_call(vm, cb, NULL_HANDLE, &ref, 1);
    vm->catch_depth = saved;
    if (r == NULL_HANDLE) {
        while (M->nframes > depth) {
            m_frame_pop(M);
        }
        StrBuf sb;
        sb_init(&sb);
        op_repr(vm, cb, &sb);
        unraisable(vm, sb.s);
        sb_done(&sb);
    } else {
        m_decref(M, r);
    }
}

/* PyObject_ClearWeakRefs */
static void
clear_weakrefs_hook(void *ctx, Machine *m, Handle obj)
{
    Vm *vm = ctx;
    uint32_t count = 0;

    for (Handle w = *m_weaklist(m, obj); w != NULL_HANDLE; w = m_obj(m, w)->u.wr.next) {
        count++;
    }
    if (count == 1) {
        Handle w = *m_weaklist(m, obj);
        Handle cb = m_store(m, w, 0, NULL_HANDLE);
        m_weakref_unlink(m, w);
        if (cb != NULL_HANDLE) {
            if (m_obj(m, w)->refcnt > 0) {
                call_weakref_callback(vm, w, cb);
            }
            m_decref(m, cb);
        }
        return;
    }
    Handle tuple = m_tuple_new(m, count * 2);
    Handle w = *m_weaklist(m, obj);
    for (uint32_t i = 0; i < count; i++) {
        Handle next = m_obj(m, w)->u.wr.next;
        Handle cb = m_store(m, w, 0, NULL_HANDLE);
        if (m_obj(m, w)->refcnt > 0) {
            m_incref(m, w);
            m_store(m, tuple, i * 2, w);
            if (cb != NULL_HANDLE) {
                m_store(m, tuple, i * 2 + 1, cb);
            }
        } else if (cb != NULL_HANDLE) {
            m_decref(m, cb);
        }
        m_weakref_unlink(m, w);
        w = next;
    }
    for (uint32_t i = 0; i < count; i++) {
        Handle cb = m_obj(m, tuple)->u.t.items[i * 2 + 1];
        if (cb != NULL_HANDLE) {
            call_weakref_callback(vm, m_obj(m, tuple)->u.t.items[i * 2], cb);
        }
    }
    m_decref(m, tuple);
}

void
weakref_clear(Vm *vm, Handle obj)
{
    clear_weakrefs_hook(vm, M, obj);
}

/* ------------------------------------------------------------------ */
/* The gc module (Modules/gcmodule.c).                                */

static Handle
int_tuple(Vm *vm, int64_t a, int64_t b, int64_t c)
{
    Handle t = m_tuple_new(M, 3);

    m_store(M, t, 0, m_int(M, a));
    m_store(M, t, 1, m_int(M, b));
    m_store(M, t, 2, m_int(M, c));
    return t;
}

typedef struct Refs {
    Vm *vm;
    Handle list;
    const Handle *targets;
    uint32_t ntargets;
    int found;
} Refs;

static void
add_referent(void *arg, Handle from, uint32_t slot, Handle to)
{
    Refs *r = arg;

    (void)from;
    (void)slot;
    m_incref(r->vm->m, to);
    m_list_append(r->vm->m, r->list, to);
}

static void
find_target(void *arg, Handle from, uint32_t slot, Handle to)
{
    Refs *r = arg;

    (void)from;
    (void)slot;
    for (uint32_t i = 0; i < r->ntargets; i++) {
        if (r->targets[i] == to) {
            r->found = 1;
        }
    }
}

static int
int_arg(Vm *vm, Handle h, int64_t *out)
{
    if (!is_int(vm, h) || !m_int_fits(M, h, out)) {
        vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                 type_name(vm, h));
        return -1;
    }
    return 0;
}

/* METH_NOARGS built-ins: any argument is an error. */
static int
takes_no_args(int id)
{
    switch (id) {
    case BI_GC_ENABLE: case BI_GC_DISABLE: case BI_GC_ISENABLED: case BI_GC_GET_COUNT:
    case BI_GC_GET_THRESHOLD: case BI_GC_GET_DEBUG: case BI_GC_FREEZE: case BI_GC_UNFREEZE:
    case BI_GC_GET_FREEZE_COUNT: case BI_LIST_REVERSE: case BI_LIST_CLEAR: case BI_LIST_COPY:
    case BI_DICT_KEYS: case BI_DICT_VALUES: case BI_DICT_ITEMS: case BI_DICT_CLEAR:
    case BI_DICT_COPY: case BI_STR_UPPER: case BI_STR_LOWER:
        return 1;
    default:
        return 0;
    }
}

/* A function whose arguments may also be given by keyword
 * (_PyArg_UnpackKeywords): "split() takes at most 2 arguments (3 given)". */
static int
nargs_check_kw(Vm *vm, const char *name, uint32_t nargs, uint32_t max)
{
    if (nargs <= max) {
        return 0;
    }
    vm_raise(vm, EXC_TypeError, "%s() takes at most %u argument%s (%u given)", name, max,
             max == 1 ? "" : "s", nargs);
    return -1;
}

static Handle
gc_function(Vm *vm, int id, const Handle *args, uint32_t nargs)
{
    const char *name = builtin_info[id].name;
    int64_t v;

    if (takes_no_args(id) && nargs_check(vm, name, nargs, 0, 0) < 0) {
        return NULL_HANDLE;
    }

    switch (id) {
    case BI_GC_COLLECT: {
        if (nargs_check_kw(vm, name, nargs, 1) < 0) {
            return NULL_HANDLE;
        }
        v = 2;
        if (nargs == 1 && int_arg(vm, args[0], &v) < 0) {
            return NULL_HANDLE;
        }
        if (v < 0 || v > 2) {
            vm_raise(vm, EXC_ValueError, "invalid generation");
            return NULL_HANDLE;
        }
        return m_int(M, gc_collect(M, (int)v));
    }
    case BI_GC_ENABLE:
    case BI_GC_DISABLE:
        if (nargs_check(vm, name, nargs, 0, 0) < 0) {
            return NULL_HANDLE;
        }
        m_gc_config(M, GC_SETTING_ENABLED, id == BI_GC_ENABLE);
        return m_none(M);
    case BI_GC_ISENABLED:
        return m_bool(M, M->gc_enabled);
    case BI_GC_GET_COUNT:
        return int_tuple(vm, M->gen[0].count, M->gen[1].count, M->gen[2].count);
    case BI_GC_GET_THRESHOLD:
        return int_tuple(vm, M->gen[0].threshold, M->gen[1].threshold, M->gen[2].threshold);
    case BI_GC_SET_THRESHOLD:
        if (nargs_check(vm, name, nargs, 1, 3) < 0) {
            return NULL_HANDLE;
        }
        /* Each threshold is set as its argument is parsed: a bad second
         * argument leaves the first one set, as PyArg_ParseTuple writing
         * into gcstate does. */
        for (uint32_t i = 0; i < nargs; i++) {
            if (int_arg(vm, args[i], &v) < 0) {
                return NULL_HANDLE;
            }
            m_gc_config(M, (GcSetting)(GC_SETTING_THRESHOLD0 + i), v);
        }
        return m_none(M);
    case BI_GC_SET_DEBUG:
        if (nargs_check(vm, name, nargs, 1, 1) < 0 || int_arg(vm, args[0], &v) < 0) {
            return NULL_HANDLE;
        }
        m_gc_config(M, GC_SETTING_DEBUG, v);
        return m_none(M);
    case BI_GC_GET_DEBUG:
        return m_int(M, M->gc_debug);
    case BI_GC_IS_TRACKED:
        if (nargs_check(vm, name, nargs, 1, 1) < 0) {
            return NULL_HANDLE;
        }
        return m_bool(M, (m_obj(M, args[0])->flags & OF_TRACKED) != 0);
    case BI_GC_GET_REFERENTS: {
        Refs r = {vm, m_list_new(M, 0), NULL, 0, 0};
        for (uint32_t i = 0; i < nargs; i++) {
            if (m_is_gc(M, args[i])) {
                gc_traverse(M, args[i], add_referent, &r);
            }
        }
        return r.list;
    }
    case BI_GC_GET_REFERRERS: {
        Refs r = {vm, m_list_new(M, 0), args, nargs, 0};
        for (int g = 0; g < NGENERATIONS; g++) {
            for (Handle h = M->gen[g].head; h != NULL_HANDLE; h = m_obj(M, h)->gc_next) {
                if (h == r.list || h == vm->args_tuple) {
                    continue;
                }
                r.found = 0;
                gc_traverse(M, h, find_target, &r);
                if (r.found) {
                    m_incref(M, h);
                    m_list_append(M, r.list, h);
                }
            }
        }
        return r.list;
    }
    case BI_GC_FREEZE:
        gc_freeze(M);
        return m_none(M);
    case BI_GC_UNFREEZE:
        gc_unfreeze(M);
        return m_none(M);
    case BI_GC_GET_FREEZE_COUNT:
        return m_int(M, (int64_t)M->gen[GEN_PERMANENT].len);
    default:
        vm_raise(vm, EXC_NotImplementedError, "gc.%s", name);
        return NULL_HANDLE;
    }
}

/* ------------------------------------------------------------------ */
/* Built-in functions and methods.                                    */

static int
write_text(Vm *vm, const char *s, size_t n)
{
    m_write(M, s, n);
    if (vm->out != NULL) {
        fwrite(s, 1, n, vm->out);
    }
    return 0;
}

/*
 * TextIOWrapper.write as sys.stdout does it (Modules/_io/textio.c): the
 * encoded chunk is kept pending; a second pending chunk turns the
 * pending slot into a list, later chunks are appended; at 8192 pending
 * bytes the chunks are flushed and released.
 */
#define STDOUT_CHUNK_SIZE 8192

static void
stdout_pend(Vm *vm, const char *text, size_t n)
{
    /* The encoded bytes, as a non-GC object of the same text. */
    Handle b = m_alloc(M, T_STR, 33 + n);
    Object *bo = m_obj(M, b);
    bo->u.s.utf8 = xstrndup(text, n);
    bo->u.s.nbytes = (uint32_t)n;
    bo->u.s.len = (uint32_t)utf8_length(text, n);
    bo->u.s.kind = 0;
    if (M->io_pending == NULL_HANDLE) {
        vm->pending_bytes = n;
        m_io_pending(M, b, vm->pending_bytes);
    } else if (TYPE(M->io_pending) != T_LIST) {
        Handle l = m_list_new(M, 2);
        m_store(M, l, 0, M->io_pending);
        m_store(M, l, 1, b);
        vm->pending_bytes += n;
        m_io_pending(M, l, vm->pending_bytes);
    } else {
        m_list_append(M, M->io_pending, b);
        vm->pending_bytes += n;
    }
    int lf = memchr(text, '\n', n) != NULL || memchr(text, '\r', n) != NULL;
    if (vm->pending_bytes >= STDOUT_CHUNK_SIZE || vm->stdout_write_through
        || (vm->stdout_line_buffering && lf)) {
        vm->pending_bytes = 0;
        m_decref(M, m_io_pending(M, NULL_HANDLE, 0));
    }
}

/*
 * sys.stdout's encoding of text: UTF-8 with the "surrogateescape" error
 * handler, which python3 3.11 uses for its standard streams under the C
 * and POSIX locales and in UTF-8 mode (sys.stdout.errors): U+DC80..U+DCFF
 * become the bytes 0x80..0xFF; any other surrogate raises
 * UnicodeEncodeError, naming the run of surrogates from the first one
 * the handler cannot take (unicode_encode_utf8).  Writes the bytes to
 * out; -1 with the exception raised.
 */
static int
encode_stdout(Vm *vm, const char *s, size_t n, StrBuf *out)
{
    size_t i = 0, pos = 0;
    uint32_t cp;

    while (i < n) {
        size_t at = i;
        str_decode(s, n, &i, &cp);
        if (cp < 0xD800 || cp > 0xDFFF) {
            sb_put(out, s + at, i - at);
            pos++;
            continue;
        }
        /* A run of surrogates: escape what can be, from the front. */
        size_t start = pos, end = pos + 1, j = i;
        int escaping = cp >= 0xDC80 && cp <= 0xDCFF;
        uint32_t bad = escaping ? 0 : cp;
        if (escaping) {
            sb_putc(out, (char)(cp & 0xFF));
            start++;
        }
        while (j < n) {
            size_t k = j;
            uint32_t c;
            str_decode(s, n, &k, &c);
            if (c < 0xD800 || c > 0xDFFF) {
                break;
            }
            if (escaping && c >= 0xDC80 && c <= 0xDCFF) {
                sb_putc(out, (char)(c & 0xFF));
                start++;
            } else if (escaping) {
                escaping = 0;
                bad = c;
            }
            j = k;
            end++;
        }
        if (!escaping) {
            if (end - start == 1) {
                vm_raise(vm, EXC_UnicodeEncodeError, "'utf-8' codec can't encode character "
                         "'\\u%04x' in position %zu: surrogates not allowed", (unsigned)bad, start);
            } else {
                vm_raise(vm, EXC_UnicodeEncodeError, "'utf-8' codec can't encode characters in "
                         "position %zu-%zu: surrogates not allowed", start, end - 1);
            }
            return -1;
        }
        i = j;
        pos = end;
    }
    return 0;
}

/* PyFile_WriteObject(v, sys.stdout, Py_PRINT_RAW): a bound write method
 * is made and dropped around the call; str(v) is a temporary. */
static int
stdout_write(Vm *vm, Handle v)
{
    Handle writer = m_alloc(M, T_BUILTIN, 16 + 56);
    m_incref(M, vm->stdout_obj);
    m_store(M, writer, 0, vm->stdout_obj);
    m_track(M, writer);
    Handle text;
    if (TYPE(v) == T_STR) {
        m_incref(M, v);
        text = v;
    } else {
        text = op_str_object(vm, v);
        if (text == NULL_HANDLE) {
            m_decref(M, writer);
            return -1;
        }
    }
    const Object *t = m_obj(M, text);
    StrBuf bytes;
    sb_init(&bytes);
    if (encode_stdout(vm, t->u.s.utf8, t->u.s.nbytes, &bytes) < 0) {
        sb_done(&bytes);
        m_decref(M, text);
        m_decref(M, writer);
        return -1;
    }
    write_text(vm, bytes.s, bytes.len);
    sb_done(&bytes);
    stdout_pend(vm, m_obj(M, text)->u.s.utf8, m_obj(M, text)->u.s.nbytes);
    Handle result = m_int(M, m_obj(M, text)->u.s.len);
    m_decref(M, text);
    m_decref(M, writer);
    m_decref(M, result);
    return 0;
}

static Handle
do_print(Vm *vm, const Handle *args, uint32_t nargs)
{
    if (!vm->printed) {
        /* The first write to sys.stdout leaves one more GC object alive
         * in CPython 3.11 (measured: the first print after start-up
         * raises gen0's count by one more than later ones do). */
        vm->printed = 1;
        m_root_add(M, m_dict_new(M));
        m_track(M, M->roots[M->nroots - 1]);
    }
    for (uint32_t i = 0; i < nargs; i++) {
        if (i > 0 && stdout_write(vm, M->latin1[' ']) < 0) {
            return NULL_HANDLE;
        }
        if (stdout_write(vm, args[i]) < 0) {
            return NULL_HANDLE;
        }
    }
    if (stdout_write(vm, M->latin1['\n']) < 0) {
        return NULL_HANDLE;
    }
    return m_none(M);
}

static int
dict_update(Vm *vm, Handle d, Handle src)
{
    if (TYPE(src) == T_DICT) {
        m_dict_merge(M, d, src);
        return 0;
    }
    Handle it = op_iter(vm, src);
    if (it == NULL_HANDLE) {
        return -1;
    }
    Handle item;
    int r;
    uint32_t n = 0;
    while ((r = op_next_item(vm, it, &item)) == 1) {
        if (TYPE(item) != T_TUPLE && TYPE(item) != T_LIST) {
            /* Any iterable of two items is a pair (PySequence_Fast). */
            Handle l = type_call(vm, vm->types[T_TUPLE], &item, 1);
            if (l == NULL_HANDLE) {
                vm->exc = EXC_NONE;
            } else {
                m_decref(M, item);
                item = l;
            }
        }
        const Object *o = m_obj(M, item);
        uint32_t len = o->type == T_TUPLE ? o->u.t.len : o->type == T_LIST ? o->u.l.len : 0;
        if ((o->type != T_TUPLE && o->type != T_LIST) || len != 2) {
            if (o->type != T_TUPLE && o->type != T_LIST) {
                vm_raise(vm, EXC_TypeError, "cannot convert dictionary update sequence element "
                         "#%u to a sequence", n);
            } else {
                vm_raise(vm, EXC_ValueError, "dictionary update sequence element #%u has length "
                         "%u; 2 is required", n, len);
            }
            m_decref(M, item);
            r = -1;
            break;
        }
        Handle k = o->type == T_TUPLE ? o->u.t.items[0] : o->u.l.items[0];
        Handle v = o->type == T_TUPLE ? o->u.t.items[1] : o->u.l.items[1];
        if (op_hashable(vm, k) < 0) {
            m_decref(M, item);
            r = -1;
            break;
        }
        m_dict_setitem(M, d, k, v);
        m_decref(M, item);
        n++;
    }
    m_decref(M, it);
    return r < 0 ? -1 : 0;
}

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

/* A str as code points, for the methods that index by character. */
typedef struct Cps {
    uint32_t *v;
    size_t n;
} Cps;

static void
cps_of(const Object *o, Cps *c)
{
    size_t i = 0;
    uint32_t cp;

    c->v = xmalloc((o->u.s.len + 1) * sizeof *c->v);
    c->n = 0;
    while (i < o->u.s.nbytes && str_decode(o->u.s.utf8, o->u.s.nbytes, &i, &cp) > 0) {
        c->v[c->n++] = cp;
    }
}

static Handle
str_of_cps(Vm *vm, const uint32_t *v, size_t n)
{
    StrBuf sb;
    char buf[4];

    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        sb_put(&sb, buf, utf8_encode(v[i], buf));
    }
    Handle r = new_str(vm, sb.s, sb.len);
    sb_done(&sb);
    return r;
}

/* The str argument i, or an error naming the method. */
static int
str_arg(Vm *vm, const char *meth, const Handle *args, uint32_t i, Cps *out)
{
    if (TYPE(args[i]) != T_STR) {
        vm_raise(vm, EXC_TypeError, "%s arg must be None or str", meth);
        return -1;
    }
    cps_of(m_obj(M, args[i]), out);
    return 0;
}

/* Slice bounds start and end as str methods take them (ADJUST_INDICES). */
static int
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

static int
cps_match(const Cps *s, size_t at, const Cps *sub)
{
    if (at + sub->n > s->n) {
        return 0;
    }
    for (size_t k = 0; k < sub->n; k++) {
        if (s->v[at + k] != sub->v[k]) {
            return 0;
        }
    }
    return 1;
}

static int
in_chars(uint32_t cp, const Cps *chars)
{
    if (chars == NULL) {
        return uni_isspace(cp);
    }
    for (size_t k = 0; k < chars->n; k++) {
        if (chars->v[k] == cp) {
            return 1;
        }
    }
    return 0;
}

/* A list as split() makes it: room for min(maxsplit + 1, 12) items. */
static Handle
split_list(Vm *vm, int64_t maxsplit)
{
    uint32_t pre = maxsplit >= 12 || maxsplit < 0 ? 12 : (uint32_t)maxsplit + 1;
    Handle l = m_list_new(M, pre);

    m_obj(M, l)->u.l.len = 0;
    return l;
}

static void
split_add(Vm *vm, Handle l, Handle item)
{
    Object *o = m_obj(M, l);

    if (o->u.l.len < o->u.l.cap) {
        m_store(M, l, o->u.l.len, item);
        m_obj(M, l)->u.l.len++;
    } else {
        m_list_append(M, l, item);
    }
}

static Handle
str_method(Vm *vm, int id, Handle self, const Handle *args, uint32_t nargs)
{
    const Object *so = m_obj(M, self);
    const char *name = builtin_info[id].name;
    Cps s, a = {NULL, 0}, b = {NULL, 0};
    Handle r = NULL_HANDLE;
    StrBuf sb;

    sb_init(&sb);
    cps_of(so, &s);
    switch (id) {
    case BI_STR_UPPER:
    case BI_STR_LOWER:
        if (nargs_check(vm, name, nargs, 0, 0) < 0) {
            break;
        }
        if (id == BI_STR_UPPER) {
            uni_upper(so->u.s.utf8, so->u.s.nbytes, &sb);
        } else {
            uni_lower(so->u.s.utf8, so->u.s.nbytes, &sb);
        }
        r = new_str(vm, sb.s, sb.len);
        break;
    case BI_STR_STRIP: {
        if (nargs_check(vm, name, nargs, 0, 1) < 0) {
            break;
        }
        int have = nargs == 1 && TYPE(args[0]) != T_NONE;
        if (have && str_arg(vm, "strip", args, 0, &a) < 0) {
            break;
        }
        size_t i = 0, j = s.n;
        while (i < j && in_chars(s.v[i], have ? &a : NULL)) {
            i++;
        }
        while (j > i && in_chars(s.v[j - 1], have ? &a : NULL)) {
            j--;
        }
        if (i == 0 && j == s.n) {
            m_incref(M, self);
            r = self;
        } else {
            r = str_of_cps(vm, s.v + i, j - i);
        }
        break;
    }
    case BI_STR_JOIN: {
        if (nargs_check(vm, "join", nargs, 1, 1) < 0) {
            break;
        }
        /* PySequence_Fast: a list or tuple as it is, anything else
         * copied into a new list first. */
        Handle seq = args[0];
        int made = 0;
        if (TYPE(seq) != T_LIST && TYPE(seq) != T_TUPLE) {
            seq = type_call(vm, vm->types[T_LIST], &args[0], 1);
            if (seq == NULL_HANDLE) {
                break;
            }
            made = 1;
        }
        const Object *q = m_obj(M, seq);
        uint32_t n = q->type == T_LIST ? q->u.l.len : q->u.t.len;
        int ok = 1;
        for (uint32_t i = 0; i < n; i++) {
            q = m_obj(M, seq);
            Handle v = q->type == T_LIST ? q->u.l.items[i] : q->u.t.items[i];
            if (TYPE(v) != T_STR) {
                vm_raise(vm, EXC_TypeError, "sequence item %u: expected str instance, %s found",
                         i, type_name(vm, v));
                ok = 0;
                break;
            }
            if (n == 1) {
                m_incref(M, v);
                r = v;
                break;
            }
            if (i > 0) {
                sb_put(&sb, m_obj(M, self)->u.s.utf8, m_obj(M, self)->u.s.nbytes);
            }
            sb_put(&sb, m_obj(M, v)->u.s.utf8, m_obj(M, v)->u.s.nbytes);
        }
        if (ok && r == NULL_HANDLE) {
            r = new_str(vm, sb.s, sb.len);
        }
        if (made) {
            m_decref(M, seq);
        }
        break;
    }
    case BI_STR_SPLIT: {
        if (nargs_check_kw(vm, "split", nargs, 2) < 0) {
            break;
        }
        int64_t maxsplit = -1;
        if (nargs == 2) {
            if (!is_int(vm, args[1]) || !m_int_fits(M, args[1], &maxsplit)) {
                vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                         type_name(vm, args[1]));
                break;
            }
        }
        int ws = nargs == 0 || TYPE(args[0]) == T_NONE;
        if (!ws) {
            if (TYPE(args[0]) != T_STR) {
                vm_raise(vm, EXC_TypeError, "must be str or None, not %s", type_name(vm, args[0]));
                break;
            }
            cps_of(m_obj(M, args[0]), &a);
            if (a.n == 0) {
                vm_raise(vm, EXC_ValueError, "empty separator");
                break;
            }
        }
        if (maxsplit < 0) {
            maxsplit = INT64_MAX;
        }
        Handle l = split_list(vm, maxsplit == INT64_MAX ? -1 : maxsplit);
        int64_t count = 0;
        size_t i = 0;
        if (ws) {
            while (i < s.n) {
                while (i < s.n && uni_isspace(s.v[i])) {
                    i++;
                }
                if (i == s.n) {
                    break;
                }
                size_t j = i;
                if (count == maxsplit) {
                    j = s.n;                /* the rest, trailing blanks kept */
                } else {
                    while (j < s.n && !uni_isspace(s.v[j])) {
                        j++;
                    }
                }
                if (i == 0 && j == s.n) {
                    m_incref(M, self);
                    split_add(vm, l, self);
                } else {
                    split_add(vm, l, str_of_cps(vm, s.v + i, j - i));
                }
                count++;
                i = j;
            }
        } else {
            size_t start = 0;
            for (i = 0; i + a.n <= s.n && count < maxsplit;) {
                if (cps_match(&s, i, &a)) {
                    split_add(vm, l, str_of_cps(vm, s.v + start, i - start));
                    count++;
                    i += a.n;
                    start = i;
                } else {
                    i++;
                }
            }
            if (count == 0) {
                m_incref(M, self);
                split_add(vm, l, self);
            } else {
                split_add(vm, l, str_of_cps(vm, s.v + start, s.n - start));
            }
        }
        r = l;
        break;
    }
    case BI_STR_REPLACE: {
        if (nargs_check(vm, "replace", nargs, 2, 3) < 0) {
            break;
        }
        if (TYPE(args[0]) != T_STR || TYPE(args[1]) != T_STR) {
            vm_raise(vm, EXC_TypeError, "replace() argument %d must be str, not %s",
                     TYPE(args[0]) != T_STR ? 1 : 2,
                     type_name(vm, TYPE(args[0]) != T_STR ? args[0] : args[1]));
            break;
        }
        int64_t maxcount = -1;
        if (nargs == 3 && (!is_int(vm, args[2]) || !m_int_fits(M, args[2], &maxcount))) {
            vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                     type_name(vm, args[2]));
            break;
        }
        if (maxcount < 0) {
            maxcount = INT64_MAX;
        }
        cps_of(m_obj(M, args[0]), &a);
        cps_of(m_obj(M, args[1]), &b);
        uint32_t *out = xmalloc((s.n * (b.n + 1) + b.n + 1) * sizeof *out);
        size_t n = 0;
        int64_t done = 0;
        if (a.n == 0) {
            for (size_t i = 0; i <= s.n; i++) {
                if (done < maxcount) {
                    memcpy(out + n, b.v, b.n * sizeof *out);
                    n += b.n;
                    done++;
                }
                if (i < s.n) {
                    out[n++] = s.v[i];
                }
            }
        } else {
            for (size_t i = 0; i < s.n;) {
                if (done < maxcount && cps_match(&s, i, &a)) {
                    memcpy(out + n, b.v, b.n * sizeof *out);
                    n += b.n;
                    i += a.n;
                    done++;
                } else {
                    out[n++] = s.v[i++];
                }
            }
        }
        if (done == 0) {
            m_incref(M, self);
            r = self;
        } else {
            r = str_of_cps(vm, out, n);
        }
        free(out);
        break;
    }
    case BI_STR_STARTSWITH:
    case BI_STR_ENDSWITH: {
        if (nargs_check(vm, name, nargs, 1, 3) < 0) {
            break;
        }
        int64_t start, end;
        if (slice_bounds(vm, args, nargs, 1, s.n, &start, &end) < 0) {
            break;
        }
        const Object *p = m_obj(M, args[0]);
        uint32_t np = p->type == T_TUPLE ? p->u.t.len : 1;
        int ok = 0, bad = 0;
        for (uint32_t k = 0; k < np && !ok; k++) {
            Handle x = p->type == T_TUPLE ? m_obj(M, args[0])->u.t.items[k] : args[0];
            if (TYPE(x) != T_STR) {
                if (p->type == T_TUPLE) {
                    vm_raise(vm, EXC_TypeError, "tuple for %s must only contain str, not %s",
                             name, type_name(vm, x));
                } else {
                    vm_raise(vm, EXC_TypeError, "%s first arg must be str or a tuple of str, "
                             "not %s", name, type_name(vm, x));
                }
                bad = 1;
                break;
            }
            Cps c;
            cps_of(m_obj(M, x), &c);
            if (start <= (int64_t)s.n && end - start >= (int64_t)c.n) {
                size_t at = id == BI_STR_STARTSWITH ? (size_t)start : (size_t)(end - (int64_t)c.n);
                Cps sl = {s.v, (size_t)end};
                ok = cps_match(&sl, at, &c);
            } else if (c.n == 0 && start <= (int64_t)s.n && end >= start) {
                ok = 1;
            }
            free(c.v);
        }
        if (!bad) {
            r = m_bool(M, ok);
        }
        break;
    }
    case BI_STR_FIND:
    case BI_STR_COUNT: {
        if (nargs_check(vm, name, nargs, 1, 3) < 0) {
            break;
        }
        if (TYPE(args[0]) != T_STR) {
            vm_raise(vm, EXC_TypeError, "must be str, not %s", type_name(vm, args[0]));
            break;
        }
        int64_t start, end;
        if (slice_bounds(vm, args, nargs, 1, s.n, &start, &end) < 0) {
            break;
        }
        cps_of(m_obj(M, args[0]), &a);
        int64_t found = -1, count = 0;
        if (start <= (int64_t)s.n && end - start >= (int64_t)a.n) {
            Cps sl = {s.v, (size_t)end};
            for (int64_t i = start; i + (int64_t)a.n <= end;) {
                if (cps_match(&sl, (size_t)i, &a)) {
                    if (found < 0) {
                        found = i;
                    }
                    count++;
                    i += a.n ? (int64_t)a.n : 1;
                } else {
                    i++;
                }
            }
        }
        r = m_int(M, id == BI_STR_FIND ? found : count);
        break;
    }
    default:
        vm_raise(vm, EXC_NotImplementedError, "str.%s", name);
        break;
    }
    free(s.v);
    free(a.v);
    free(b.v);
    sb_done(&sb);
    return r;
}

static int64_t
list_find(Vm *vm, Handle list, Handle v)
{
    for (uint32_t i = 0; i < m_obj(M, list)->u.l.len; i++) {
        int r = op_equal(vm, m_obj(M, list)->u.l.items[i], v);
        if (r < 0) {
            return -2;
        }
        if (r) {
            return i;
        }
    }
    return -1;
}

/* Remove item i of a list (list_ass_slice): later items move down, the
 * list shrinks, then the item is released. Returns the item (owned). */
static Handle
list_take(Vm *vm, Handle list, uint32_t i)
{
    uint32_t n = m_obj(M, list)->u.l.len;
    Handle gone = m_store(M, list, i, NULL_HANDLE);

    for (uint32_t k = i; k + 1 < n; k++) {
        Handle x = m_store(M, list, k + 1, NULL_HANDLE);
        m_store(M, list, k, x);
    }
    m_list_resize(M, list, n - 1);
    return gone;
}

static Handle
list_method(Vm *vm, int id, Handle self, const Handle *args, uint32_t nargs)
{
    switch (id) {
    case BI_LIST_APPEND:
        if (nargs_check(vm, "append", nargs, 1, 1) < 0) {
            return NULL_HANDLE;
        }
        m_incref(M, args[0]);
        m_list_append(M, self, args[0]);
        return m_none(M);
    case BI_LIST_POP: {
        if (nargs_check(vm, "pop", nargs, 0, 1) < 0) {
            return NULL_HANDLE;
        }
        int64_t n = m_obj(M, self)->u.l.len, i = n - 1;
        if (n == 0) {
            vm_raise(vm, EXC_IndexError, "pop from empty list");
            return NULL_HANDLE;
        }
        if (nargs == 1) {
            int rc = index_of(vm, args[0], n, "list", &i);
            if (rc < 0) {
                return NULL_HANDLE;
            }
            if (rc > 0) {
                vm_raise(vm, EXC_IndexError, "pop index out of range");
                return NULL_HANDLE;
            }
        }
        if (i == n - 1) {
            Handle v = m_store(M, self, (uint32_t)i, NULL_HANDLE);
            m_list_resize(M, self, (uint32_t)(n - 1));
            return v;
        }
        return list_take(vm, self, (uint32_t)i);
    }
    case BI_LIST_INSERT: {
        if (nargs_check(vm, "insert", nargs, 2, 2) < 0) {
            return NULL_HANDLE;
        }
        int64_t n = m_obj(M, self)->u.l.len, where;
        if (!is_int(vm, args[0]) || !m_int_fits(M, args[0], &where)) {
            vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                     type_name(vm, args[0]));
            return NULL_HANDLE;
        }
        if (where < 0) {
            where += n;
            if (where < 0) {
                where = 0;
            }
        }
        if (where > n) {
            where = n;
        }
        m_list_resize(M, self, (uint32_t)n + 1);
        for (int64_t k = n; k > where; k--) {
            Handle x = m_store(M, self, (uint32_t)k - 1, NULL_HANDLE);
            m_store(M, self, (uint32_t)k, x);
        }
        m_incref(M, args[1]);
        m_store(M, self, (uint32_t)where, args[1]);
        return m_none(M);
    }
    case BI_LIST_REMOVE: {
        if (nargs_check(vm, "remove", nargs, 1, 1) < 0) {
            return NULL_HANDLE;
        }
        int64_t i = list_find(vm, self, args[0]);
        if (i == -2) {
            return NULL_HANDLE;
        }
        if (i < 0) {
            vm_raise(vm, EXC_ValueError, "list.remove(x): x not in list");
            return NULL_HANDLE;
        }
        m_decref(M, list_take(vm, self, (uint32_t)i));
        return m_none(M);
    }
    case BI_LIST_EXTEND:
        if (nargs_check(vm, "extend", nargs, 1, 1) < 0 || list_extend(vm, self, args[0]) < 0) {
            return NULL_HANDLE;
        }
        return m_none(M);
    case BI_LIST_INDEX:
    case BI_LIST_COUNT: {
        if (nargs_check(vm, id == BI_LIST_INDEX ? "index" : "count", nargs, 1,
                        id == BI_LIST_INDEX ? 3 : 1) < 0) {
            return NULL_HANDLE;
        }
        int64_t count = 0, first = -1, lo = 0, hi = m_obj(M, self)->u.l.len;
        if (nargs > 1 && slice_bounds(vm, args, nargs, 1, (size_t)hi, &lo, &hi) < 0) {
            return NULL_HANDLE;
        }
        for (uint32_t i = (uint32_t)lo; i < m_obj(M, self)->u.l.len && (int64_t)i < hi; i++) {
            int r = op_equal(vm, m_obj(M, self)->u.l.items[i], args[0]);
            if (r < 0) {
                return NULL_HANDLE;
            }
            if (r) {
                if (first < 0) {
                    first = i;
                }
                count++;
            }
        }
        if (id == BI_LIST_COUNT) {
            return m_int(M, count);
        }
        if (first < 0) {
            StrBuf sb;
            sb_init(&sb);
            op_repr(vm, args[0], &sb);
            vm_raise(vm, EXC_ValueError, "%s is not in list", sb.s);
            sb_done(&sb);
            return NULL_HANDLE;
        }
        return m_int(M, first);
    }
    case BI_LIST_CLEAR: {
        if (nargs_check(vm, "clear", nargs, 0, 0) < 0) {
            return NULL_HANDLE;
        }
        /* _list_clear: the list is emptied first, then the items are
         * released from the last to the first. */
        Object *o = m_obj(M, self);
        uint32_t n = o->u.l.len;
        Handle *items = xmalloc((n + 1) * sizeof *items);
        for (uint32_t i = 0; i < n; i++) {
            items[i] = m_store(M, self, i, NULL_HANDLE);
        }
        o = m_obj(M, self);
        if (o->u.l.items_addr != 0) {
            m_storage_free(M, self, HEAP_ROLE_LIST_ITEMS, o->u.l.items_addr);
        }
        o = m_obj(M, self);
        o->u.l.items_addr = 0;
        o->u.l.len = 0;
        o->u.l.cap = 0;
        for (uint32_t i = n; i-- > 0;) {
            if (items[i] != NULL_HANDLE) {
                m_decref(M, items[i]);
            }
        }
        free(items);
        return m_none(M);
    }
    case BI_LIST_COPY: {
        if (nargs_check(vm, "copy", nargs, 0, 0) < 0) {
            return NULL_HANDLE;
        }
        uint32_t n = m_obj(M, self)->u.l.len;
        Handle l = m_list_new(M, n);
        for (uint32_t i = 0; i < n; i++) {
            Handle x = m_obj(M, self)->u.l.items[i];
            m_incref(M, x);
            m_store(M, l, i, x);
        }
        return l;
    }
    case BI_LIST_REVERSE: {
        uint32_t n = m_obj(M, self)->u.l.len;
        for (uint32_t i = 0; i < n / 2; i++) {
            Handle a = m_store(M, self, i, NULL_HANDLE);
            Handle b = m_store(M, self, n - 1 - i, a);
            m_store(M, self, i, b);
        }
        return m_none(M);
    }
    default:
        vm_raise(vm, EXC_NotImplementedError, "list method");
        return NULL_HANDLE;
    }
}

static Handle
dict_view(Vm *vm, ObjType t, Handle d)
{
    Handle v = m_alloc(M, t, 16 + 24);

    m_incref(M, d);
    m_store(M, v, 0, d);
    m_track(M, v);
    return v;
}

static Handle
dict_method(Vm *vm, int id, Handle self, const Handle *args, uint32_t nargs)
{
    Handle v;

    switch (id) {
    case BI_DICT_GET:
        if (nargs_check(vm, "get", nargs, 1, 2) < 0 || op_hashable(vm, args[0]) < 0) {
            return NULL_HANDLE;
        }
        v = m_dict_getitem(M, self, args[0]);
        if (v == NULL_HANDLE) {
            v = nargs == 2 ? args[1] : M->none;
        }
        m_incref(M, v);
        return v;
    case BI_DICT_KEYS:
        return dict_view(vm, T_DICTKEYS, self);
    case BI_DICT_VALUES:
        return dict_view(vm, T_DICTVALUES, self);
    case BI_DICT_ITEMS:
        return dict_view(vm, T_DICTITEMS, self);
    case BI_DICT_POP:
        if (nargs_check(vm, "pop", nargs, 1, 2) < 0 || op_hashable(vm, args[0]) < 0) {
            return NULL_HANDLE;
        }
        v = m_dict_getitem(M, self, args[0]);
        if (v == NULL_HANDLE) {
            if (nargs == 2) {
                m_incref(M, args[1]);
                return args[1];
            }
            StrBuf sb;
            sb_init(&sb);
            op_repr(vm, args[0], &sb);
            vm_raise(vm, EXC_KeyError, "%s", sb.s);
            sb_done(&sb);
            return NULL_HANDLE;
        }
        m_incref(M, v);
        m_dict_delitem(M, self, args[0]);
        return v;
    case BI_DICT_SETDEFAULT:
        if (nargs_check(vm, "setdefault", nargs, 1, 2) < 0 || op_hashable(vm, args[0]) < 0) {
            return NULL_HANDLE;
        }
        v = m_dict_getitem(M, self, args[0]);
        if (v == NULL_HANDLE) {
            v = nargs == 2 ? args[1] : M->none;
            m_dict_setitem(M, self, args[0], v);
        }
        m_incref(M, v);
        return v;
    case BI_DICT_UPDATE:
        if (nargs_check(vm, "update", nargs, 0, 1) < 0) {
            return NULL_HANDLE;
        }
        if (nargs == 1 && dict_update(vm, self, args[0]) < 0) {
            return NULL_HANDLE;
        }
        return m_none(M);
    case BI_DICT_CLEAR:
        m_dict_clear(M, self);
        return m_none(M);
    case BI_DICT_COPY:
        return m_dict_copy(M, self);
    default:
        vm_raise(vm, EXC_NotImplementedError, "dict method");
        return NULL_HANDLE;
    }
}

static Handle builtin_call_inner(Vm *vm, Handle fn, Handle self, const Handle *args,
                                 uint32_t nargs);

Handle
builtin_call(Vm *vm, Handle fn, Handle self, const Handle *args, uint32_t nargs)
{
    /* A call of a built-in counts towards the recursion limit while it
     * runs, as cfunction_enter_call makes it; not len() and
     * isinstance(), which 3.11's specialized calls run inline. */
    int id = (int)m_obj(M, fn)->u.builtin.id;
    int counted = id != BI_LEN && id != BI_ISINSTANCE;
    if (counted && enter_recursive(vm, " while calling a Python object") < 0) {
        return NULL_HANDLE;
    }
    Handle r;
    int outer = vm->builtin_id;
    vm->builtin_id = id;
    if (!takes_args_tuple(id)) {
        r = builtin_call_inner(vm, fn, self, args, nargs);
    } else {
        Handle t = pack_args(vm, args, nargs);
        Handle saved = vm->args_tuple;
        vm->args_tuple = t;
        r = builtin_call_inner(vm, fn, self, args, nargs);
        vm->args_tuple = saved;
        m_decref(M, t);
    }
    vm->builtin_id = outer;
    if (counted) {
        leave_recursive(vm);
    }
    return r;
}

static Handle
builtin_call_inner(Vm *vm, Handle fn, Handle self, const Handle *args, uint32_t nargs)
{
    const Object *f = m_obj(M, fn);
    int id = (int)f->u.builtin.id;

    if (self == NULL_HANDLE && f->u.builtin.self != NULL_HANDLE) {
        self = f->u.builtin.self;          /* a bound built-in method */
    }
    int where = builtin_info[id].where;
    if (where < T_COUNT && self == NULL_HANDLE) {
        /* list.append(l, x) style: the first argument is self. */
        if (nargs == 0) {
            vm_raise(vm, EXC_TypeError, "descriptor '%s' needs an argument",
                     builtin_info[id].name);
            return NULL_HANDLE;
        }
        self = args[0];
        args++;
        nargs--;
    }
    if (where < T_COUNT) {
        ObjType t = TYPE(self) == T_BOOL ? T_INT : TYPE(self);
        if ((int)t != where) {
            vm_raise(vm, EXC_TypeError, "descriptor '%s' requires a '%s' object but received "
                     "a '%s'", builtin_info[id].name, type_info[where].pyname,
                     type_name(vm, self));
            return NULL_HANDLE;
        }
        if (takes_no_args(id) && nargs_check(vm, builtin_info[id].name, nargs, 0, 0) < 0) {
            return NULL_HANDLE;
        }
        switch (where) {
        case T_LIST:
            return list_method(vm, id, self, args, nargs);
        case T_DICT:
            return dict_method(vm, id, self, args, nargs);
        case T_STR:
            return str_method(vm, id, self, args, nargs);
        case T_SET:
            if (nargs_check(vm, builtin_info[id].name, nargs, 1, 1) < 0
                || op_hashable(vm, args[0]) < 0) {
                return NULL_HANDLE;
            }
            if (id == BI_SET_ADD) {
                m_set_add(M, self, args[0]);
                return m_none(M);
            }
            vm_raise(vm, EXC_NotImplementedError, "set.%s is not supported",
                     builtin_info[id].name);
            return NULL_HANDLE;
        case T_TUPLE: {
            if (nargs_check(vm, builtin_info[id].name, nargs, 1, 1) < 0) {
                return NULL_HANDLE;
            }
            int64_t count = 0, first = -1;
            for (uint32_t i = 0; i < m_obj(M, self)->u.t.len; i++) {
                int r = op_equal(vm, m_obj(M, self)->u.t.items[i], args[0]);
                if (r < 0) {
                    return NULL_HANDLE;
                }
                if (r) {
                    first = first < 0 ? i : first;
                    count++;
                }
            }
            if (id == BI_TUPLE_COUNT) {
                return m_int(M, count);
            }
            if (first < 0) {
                vm_raise(vm, EXC_ValueError, "tuple.index(x): x not in tuple");
                return NULL_HANDLE;
            }
            return m_int(M, first);
        }
        case T_INT: {
            BigInt b;
            int_view(M, self, &b);
            return m_int(M, (int64_t)bi_bit_length(&b));
        }
        default:
            break;
        }
    }
    switch (id) {
    case BI_PRINT:
        return do_print(vm, args, nargs);
    case BI_LEN: {
        if (nargs_check(vm, "len", nargs, 1, 1) < 0) {
            return NULL_HANDLE;
        }
        int64_t n = op_len(vm, args[0]);
        return n < 0 ? NULL_HANDLE : int_of_size(vm, n);
    }
    case BI_REPR:
        if (nargs_check(vm, "repr", nargs, 1, 1) < 0) {
            return NULL_HANDLE;
        }
        {
            StrBuf sb;
            sb_init(&sb);
            Handle r = op_repr(vm, args[0], &sb) < 0 ? NULL_HANDLE : new_str(vm, sb.s, sb.len);
            sb_done(&sb);
            return r;
        }
    case BI_ID: {
        if (nargs_check(vm, "id", nargs, 1, 1) < 0) {
            return NULL_HANDLE;
        }
        BigInt b;
        bi_init(&b);
        bi_from_u64(&b, m_obj(M, args[0])->addr);
        return int_from_bigint(vm, &b);
    }
    case BI_ISINSTANCE: {
        if (nargs_check(vm, "isinstance", nargs, 2, 2) < 0) {
            return NULL_HANDLE;
        }
        Handle x = args[0], t = args[1];
        const Object *to = m_obj(M, t);
        uint32_t nt = to->type == T_TUPLE ? to->u.t.len : 1;
        for (uint32_t i = 0; i < nt; i++) {
            Handle ty = to->type == T_TUPLE ? m_obj(M, t)->u.t.items[i] : t;
            ObjType k = TYPE(ty);
            if (k == T_CLASS) {
                if (TYPE(x) == T_INSTANCE && m_obj(M, x)->u.inst.cls == ty) {
                    return m_bool(M, 1);
                }
            } else if (k == T_TYPE) {
                ObjType want = (ObjType)m_obj(M, ty)->u.builtin.id;
                ObjType have = TYPE(x);
                if (have == want || (want == T_INT && have == T_BOOL)
                    || (want == T_TYPE && (have == T_TYPE || have == T_CLASS))) {
                    return m_bool(M, 1);
                }
            } else {
                vm_raise(vm, EXC_TypeError, "isinstance() arg 2 must be a type, a tuple of types,"
                         " or a union");
                return NULL_HANDLE;
            }
        }
        return m_bool(M, 0);
    }
    case BI_ABS: {
        if (nargs_check(vm, "abs", nargs, 1, 1) < 0) {
            return NULL_HANDLE;
        }
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
    case BI_MIN:
    case BI_MAX:
        return minmax(vm, args, nargs, id == BI_MAX);
    case BI_SUM: {
        if (nargs_check(vm, "sum", nargs, 1, 2) < 0) {
            return NULL_HANDLE;
        }
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
    case BI_BUILD_CLASS:
        return build_class(vm, args, nargs);
    case BI_GETREFCOUNT:
        if (nargs_check(vm, "getrefcount", nargs, 1, 1) < 0) {
            return NULL_HANDLE;
        }
        return m_int(M, m_obj(M, args[0])->refcnt);
    case BI_GETSIZEOF:
        if (nargs_check(vm, "getsizeof", nargs, 1, 2) < 0) {
            return NULL_HANDLE;
        }
        return m_int(M, (int64_t)m_sizeof(M, args[0]));
    case BI_INTERN:
        if (nargs_check(vm, "intern", nargs, 1, 1) < 0) {
            return NULL_HANDLE;
        }
        m_incref(M, args[0]);
        return args[0];
    default:
        if (builtin_info[id].where == B_GC) {
            return gc_function(vm, id, args, nargs);
        }
        break;
    }
    switch (id) {
    default:
        vm_raise(vm, EXC_NotImplementedError, "built-in %s", builtin_info[id].name);
        return NULL_HANDLE;
    }
}

void builtins_hooks(Vm *vm);

static void
gc_weakref_callback(void *ctx, Machine *m, Handle wr, Handle cb)
{
    (void)m;
    call_weakref_callback(ctx, wr, cb);
}

void
builtins_hooks(Vm *vm)
{
    M->hooks.clear_weakrefs = clear_weakrefs_hook;
    M->hooks.weakref_callback = gc_weakref_callback;
}
