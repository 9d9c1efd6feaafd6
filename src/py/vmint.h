/*
 * vmint.h: what vm.c, ops.c and builtins.c share (not a public API).
 *
 * Return conventions follow CPython's C API: functions returning a
 * Handle return a new reference, or 0 with an exception pending;
 * functions returning int return -1 with an exception pending.
 */
#ifndef PYMEMSIM_PY_VMINT_H
#define PYMEMSIM_PY_VMINT_H

#include "core/bigint.h"
#include "core/strbuf.h"
#include "py/builtins.h"
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
/* list.extend (list_extend in listobject.c). */
int list_extend(Vm *vm, Handle list, Handle iterable);
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

/* vm.c: calling. */
Handle vm_call(Vm *vm, Handle callable, Handle self, const Handle *args, uint32_t nargs);
/* Call a Python function from C with new references to the arguments
 * (as _PyEval_Vector does); returns the result. */
Handle vm_call_function(Vm *vm, Handle func, Handle self, const Handle *args, uint32_t nargs);

/* builtins.c */
Handle builtin_call(Vm *vm, Handle fn, Handle self, const Handle *args, uint32_t nargs);
Handle type_call(Vm *vm, Handle type, const Handle *args, uint32_t nargs);
Handle builtin_method(Vm *vm, Handle obj, Handle name);   /* borrowed or 0 */
void builtins_init(Vm *vm);
Handle module_getattr(Vm *vm, Handle mod, Handle name);
void weakref_clear(Vm *vm, Handle obj);

#endif
