/*
 * vmint.h: what the files of the VM share (not a public API): vm.c,
 * ops.c, and the built-ins (builtins.c and the files named after the
 * CPython file whose work they do, listed below).
 *
 * Return conventions follow CPython's C API: functions returning a
 * Handle return a new reference, or 0 with an exception pending;
 * functions returning int return -1 with an exception pending.
 */
#ifndef PYMEMSIM_PY_VMINT_H
#define PYMEMSIM_PY_VMINT_H

#include "core/bigint.h"
#include "core/strbuf.h"
#include "py/vm.h"

#define M (vm->m)
#define TYPE(h) ((ObjType)m_obj(M, (h))->type)

/* ops.c: the object protocol. */
Handle int_from_bigint(Vm *vm, BigInt *b);       /* consumes b */
int is_int(const Vm *vm, Handle h);
const char *type_name(const Vm *vm, Handle h);   /* type(x).__name__ */

/* suggest.c: set vm->exchint for the NameError or AttributeError just
 * raised, as CPython's traceback would suggest. */
void suggest_name(Vm *vm, Handle name);
void suggest_attr(Vm *vm, Handle obj, Handle name);
int op_repr(Vm *vm, Handle h, StrBuf *out);
int op_str(Vm *vm, Handle h, StrBuf *out);
Handle op_str_object(Vm *vm, Handle h);          /* str(h) */
Handle op_binary(Vm *vm, unsigned op, Handle a, Handle b);
Handle op_unary(Vm *vm, int op, Handle a);       /* 0 -, 1 +, 3 ~ */
int op_compare(Vm *vm, int op, Handle a, Handle b);   /* 0/1, -1 */
int op_equal(Vm *vm, Handle a, Handle b);        /* 0/1, -1 */
int op_truth(Vm *vm, Handle h);
int op_contains(Vm *vm, Handle container, Handle item);
int op_hashable(Vm *vm, Handle h);
Handle op_getattr(Vm *vm, Handle obj, Handle name);
int op_setattr(Vm *vm, Handle obj, Handle name, Handle v);   /* v 0: delete */
Handle op_getitem(Vm *vm, Handle obj, Handle key);
int op_setitem(Vm *vm, Handle obj, Handle key, Handle v);     /* v 0: delete */
Handle op_iter(Vm *vm, Handle obj);
int op_next(Vm *vm, Handle it, Handle *out);     /* 1 item, 0 done, -1 */
int op_next_item(Vm *vm, Handle it, Handle *out); /* the same, in a built-in */
int64_t op_len(Vm *vm, Handle h);                /* -1 with exception */
int index_of(Vm *vm, Handle key, int64_t len, const char *what, int64_t *out);
/* list_methods.c: list.extend (list_extend in listobject.c); seq_find:
 * where x is in a list or tuple, and how often (index and count). */
int list_extend(Vm *vm, Handle list, Handle iterable);
int seq_find(Vm *vm, Handle seq, Handle x, int64_t lo, int64_t hi, int64_t *first,
             int64_t *count);
/* Look a name up in a class's namespace (borrowed or 0). */
Handle class_lookup(Vm *vm, Handle cls, Handle name);
Handle new_str(Vm *vm, const char *s, size_t n);

/* vm.c: report an exception nobody can catch ("Exception ignored in:
 * WHERE" and the traceback, to vm->err or vm->errtext) and clear it. */
void unraisable(Vm *vm, const char *where);

/* ops.c: Py_EnterRecursiveCall and Py_LeaveRecursiveCall, for nested
 * reprs, comparisons and calls of built-ins (where: " in comparison"
 * and so on): 0, or -1 with RecursionError raised. */
int enter_recursive(Vm *vm, const char *where);
void leave_recursive(Vm *vm);

/* vm.c: limits.  vm_check: a limit is due (ninstr >= check_at): 0 to
 * go on, or -1 with KeyboardInterrupt or the stop raised.  vm_tick:
 * count one item a built-in takes from an iterator as an instruction;
 * 0, or -1 with the stop, KeyboardInterrupt or MemoryError raised.
 * heap_exceeded: the machine's heap went past its limit: clear the flag
 * and raise MemoryError (unless an exception is already raised); -1. */
int vm_check(Vm *vm);
int vm_tick(Vm *vm);
int heap_exceeded(Vm *vm);

/* vm.c: calling.  vm_run_class_body runs a class body with ns as its
 * f_locals (for __build_class__). */
Handle vm_run_class_body(Vm *vm, Handle func, Handle ns);
Handle vm_call(Vm *vm, Handle callable, Handle self, const Handle *args, uint32_t nargs);
/* Call a Python function from C with new references to the arguments
 * (as _PyEval_Vector does); returns the result. */
Handle vm_call_function(Vm *vm, Handle func, Handle self, const Handle *args, uint32_t nargs);

/* ------------------------------------------------------------------ */
/* Built-in functions and methods.                                     */

/* A built-in's C function.  self is the object a method is bound to
 * (already checked to be of the method's type), or 0 for a module's
 * function; the arguments are borrowed.  Returns a new reference, or 0
 * with an exception raised. */
typedef Handle (*BuiltinFn)(Vm *vm, Handle self, const Handle *args, uint32_t nargs);

/* The calling conventions that show in what CPython allocates or
 * reports (MethodReg.flags). */
#define METH_VARARGS  1u    /* the arguments come packed in a tuple
                             * (METH_VARARGS, an Argument Clinic *args,
                             * a type without vectorcall): a real
                             * allocation the collector counts */
#define METH_INLINE   2u    /* 3.11's specialized CALL runs it inline, so
                             * it does not count towards the recursion
                             * limit (len, isinstance) */
#define METH_KEYWORDS 4u    /* the count is checked as a function that
                             * also takes keywords checks it
                             * (nargs_check_kw: at most max_args) */

/* MethodReg.max_args of a function that checks its count itself, if at
 * all. */
#define ARGS_ANY UINT32_MAX

/* One entry of a table of built-ins, like Lua's luaL_Reg, with the
 * arguments it takes: the count is checked before the call, with
 * CPython's message (nargs_check), so the function itself starts with
 * a count in min_args..max_args.  A table ends with a NULL name. */
typedef struct MethodReg {
    const char *name;
    BuiltinFn fn;
    uint32_t min_args, max_args;
    unsigned flags;
} MethodReg;

/* The owners of built-ins that are modules (the others are types). */
#define B_MOD  (T_COUNT + 1)
#define B_SYS  (T_COUNT + 2)
#define B_GC   (T_COUNT + 3)

/* The id of a built-in method object not in the tables (the bound
 * object.__init_subclass__ a class statement makes and drops). */
#define BUILTIN_UNLISTED UINT32_MAX

/* The tables, each in the file of its owner. */
extern const MethodReg builtin_functions[];     /* bltinmodule.c */
extern const MethodReg sys_functions[];         /* sysmodule.c */
extern const MethodReg gc_functions[];          /* gcmodule.c */
extern const MethodReg list_methods[];          /* list_methods.c */
extern const MethodReg tuple_methods[];         /* tuple_methods.c */
extern const MethodReg dict_methods[];          /* dict_methods.c */
extern const MethodReg set_methods[];           /* dict_methods.c */
extern const MethodReg unicode_methods[];       /* unicode_methods.c */
extern const MethodReg long_methods[];          /* long_methods.c */

/* builtins.c: registration, lookup and calling. */
void builtins_init(Vm *vm);
Handle builtin_call(Vm *vm, Handle fn, Handle self, const Handle *args, uint32_t nargs);
Handle builtin_method(Vm *vm, Handle obj, Handle name);   /* borrowed or 0 */
const char *builtin_name(uint32_t id);                    /* "append" */
Handle module_getattr(Vm *vm, Handle mod, Handle name);
void dict_set_cstr(Vm *vm, Handle d, const char *key, Handle v);

/* builtins.c: what the built-ins share.  pack_args: a new tuple of the
 * arguments (_PyObject_MakeTpCall's, a METH_VARARGS function's).
 * nargs_check: CPython's message for a count outside min..max;
 * nargs_check_kw: the message of a function that also takes keywords;
 * int_arg: an int that fits in 64 bits; slice_bounds: args[first] and
 * args[first + 1] as the start and end of a slice of len items
 * (ADJUST_INDICES).  The checks return 0, or -1 with TypeError raised. */
Handle pack_args(Vm *vm, const Handle *args, uint32_t nargs);
/* Store new references to items[0..n-1] in the slots 0..n-1 of dst, a
 * new tuple or list (items must stay put: not a list being changed). */
void store_items(Vm *vm, Handle dst, const Handle *items, uint32_t n);
int nargs_check(Vm *vm, const char *name, uint32_t nargs, uint32_t min, uint32_t max);
int nargs_check_kw(Vm *vm, const char *name, uint32_t nargs, uint32_t max);
int int_arg(Vm *vm, Handle h, int64_t *out);
int slice_bounds(Vm *vm, const Handle *args, uint32_t nargs, uint32_t first, size_t len,
                 int64_t *start, int64_t *end);
/* Raise exc with the message repr(h) + suffix; returns 0 (NULL_HANDLE). */
Handle raise_repr(Vm *vm, ExcKind exc, Handle h, const char *suffix);

/* typeobject.c: calling a type (type_call) or a class, and the class
 * statement (__build_class__ and type_new). */
Handle type_call(Vm *vm, Handle type, const Handle *args, uint32_t nargs);
Handle class_build(Vm *vm, Handle body, Handle name);

/* A constructor's tp_init with its optional argument, on the new obj
 * (list(x): list_extend, dict(x): dict_update): obj, or NULL_HANDLE
 * with obj released when init fails. */
typedef int (*InitFn)(Vm *vm, Handle obj, Handle arg);
Handle type_init_arg(Vm *vm, Handle obj, const Handle *args, uint32_t nargs, InitFn init);

/* The constructors type_call dispatches to, type(*args), with the count
 * of arguments already checked.  Each in the file of its type. */
Handle long_new(Vm *vm, const Handle *args, uint32_t nargs);      /* long_methods.c */
Handle bool_new(Vm *vm, const Handle *args, uint32_t nargs);      /* long_methods.c */
Handle unicode_new(Vm *vm, const Handle *args, uint32_t nargs);   /* unicode_methods.c */
Handle list_new(Vm *vm, const Handle *args, uint32_t nargs);      /* list_methods.c */
Handle tuple_new(Vm *vm, const Handle *args, uint32_t nargs);     /* tuple_methods.c */
Handle dict_new(Vm *vm, const Handle *args, uint32_t nargs);      /* dict_methods.c */
Handle set_new(Vm *vm, const Handle *args, uint32_t nargs);       /* dict_methods.c */
Handle weakref_new(Vm *vm, const Handle *args, uint32_t nargs);   /* weakrefobject.c */

/* weakrefobject.c: fill in the machine's hooks that clear weak
 * references (PyObject_ClearWeakRefs) and call their callbacks. */
void weakref_hooks(MachineHooks *hooks);

/* gcmodule.c: the gc module's constants and gc.garbage, into its dict. */
void gc_module_init(Vm *vm, Handle dict);

/* textio.c: sys.stdout.  textio_init makes its object; textio_print is
 * print(*args). */
void textio_init(Vm *vm);
Handle textio_print(Vm *vm, const Handle *args, uint32_t nargs);

#endif
