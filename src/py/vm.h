/*
 * vm.h: the virtual machine that runs compiled programs on the
 * simulated machine, one instruction at a time.
 *
 * The VM changes machine state only through the machine's primitives
 * (sim/machine.h).  Its own state (the pending exception, the
 * traceback) is kept here.
 */
#ifndef PYMEMSIM_PY_VM_H
#define PYMEMSIM_PY_VM_H

#include <stdio.h>

#include "core/strbuf.h"
#include "py/compile.h"
#include "sim/machine.h"

/* Exceptions the subset raises, defined once. */
#define EXCEPTIONS(X) \
    X(NameError) X(UnboundLocalError) X(TypeError) X(AttributeError) \
    X(IndexError) X(KeyError) X(ZeroDivisionError) X(ValueError) \
    X(AssertionError) X(RecursionError) X(MemoryError) X(OverflowError) \
    X(RuntimeError) \
    X(NotImplementedError)

typedef enum {
    EXC_NONE,
#define X(name) EXC_##name,
    EXCEPTIONS(X)
#undef X
    EXC_COUNT
} ExcKind;

extern const char *const exc_names[EXC_COUNT];

typedef struct TbEntry {
    const Code *code;
    int line;
} TbEntry;

typedef struct Vm {
    Machine *m;
    Program *prog;
    FILE *out;                 /* where print writes as it runs, or NULL */
    Handle builtins;           /* the builtins namespace (a dict) */
    Handle main_module, main_dict;
    Handle mod_sys, mod_weakref, mod_gc;
    Handle types[T_COUNT];     /* the static type objects */
    Handle str_init, str_del, str_name, str_main, str_module, str_buildclass;
    /* The pending exception. */
    ExcKind exc;
    StrBuf excmsg;
    TbEntry *tb;
    size_t ntb, tbcap;
    uint64_t ninstr;           /* instructions executed */
    /* sys.stdout's TextIOWrapper, as far as print's allocations go: the
     * pending chunks (0, one chunk, or a list of them) and their size. */
    Handle stdout_obj;
    size_t pending_bytes;       /* the chunks are M->io_pending */
    int printed;                /* print has written before */
    /* How CPython would have set up sys.stdout: line buffered on a
     * terminal, write-through under PYTHONUNBUFFERED. */
    int stdout_line_buffering, stdout_write_through;
    int repr_state_made;        /* Py_ReprEnter's dict and list exist */
    int recursion_limit;
    int nested;                /* C-level calls into Python code */
    uint32_t catch_depth;      /* frames below this are not in tracebacks
                                * (a finalizer or callback catches) */
} Vm;

/* Set up the VM and the built-in objects on m. */
void vm_init(Vm *vm, Machine *m, FILE *out);
void vm_done(Vm *vm);

/* Run a compiled program's module code to the end.  Returns 0, or -1
 * with vm->exc set (the traceback is in vm->tb). */
int vm_run_program(Vm *vm, Program *prog);

/* Print the pending exception as CPython does (to fp). */
void vm_print_exception(const Vm *vm, FILE *fp);

/* Raise: set the pending exception (printf-style message). */
void vm_raise(Vm *vm, ExcKind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
