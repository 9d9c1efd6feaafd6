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

#include "core/bigint.h"
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

#define VM_REPR_MAX 256

typedef struct TbEntry {
    const Code *code;
    int line;
} TbEntry;

typedef struct Vm {
    Machine *m;
    Program *prog;
    FILE *out;                 /* where print writes as it runs, or NULL */
    FILE *err;                 /* where unraisable exceptions are reported,
                                * or NULL to keep them in errtext */
    StrBuf errtext;            /* what went to stderr, when err is NULL */
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
    Handle repr_stack[VM_REPR_MAX];     /* objects being repr'd (cycles) */
    int repr_depth;
    Handle args_tuple;          /* the METH_VARARGS call's tuple, which
                                 * gc.get_referrers skips */
    int recursion_limit;
    int nested;                /* C-level calls into Python code */
    uint32_t catch_depth;      /* frames below this are not in tracebacks
                                * (a finalizer or callback catches) */
    /* Stepping at the top level. */
    uint32_t module_frame;     /* index of the module's frame */
    const Instr *next_in;      /* begun and not yet executed, or NULL */
    int ended;                 /* the module returned or raised */
    int status;                /* then: 0, or 1 for an uncaught exception */
} Vm;

/* Set up the VM and the built-in objects on m. */
void vm_init(Vm *vm, Machine *m, FILE *out);
void vm_done(Vm *vm);

/* Run a compiled program's module code to the end.  Returns 0, or -1
 * with vm->exc set (the traceback is in vm->tb). */
int vm_run_program(Vm *vm, Program *prog);

/*
 * The same one top-level instruction at a time, for the history:
 * vm_start pushes the module frame; vm_begin starts the next instruction
 * (it emits the instruction's line or instr event); vm_execute runs it,
 * with whatever Python code it calls from C, and returns 0 while the
 * module runs, 1 when it has returned and -1 on an uncaught exception.
 * Then vm->ended is set and an end event has been emitted.
 */
void vm_start(Vm *vm, Program *prog);
void vm_begin(Vm *vm);
int vm_execute(Vm *vm);

/* Deep copy of a VM onto the copy m of its machine (which must be a
 * machine_copy of vm->m), and a hash of the VM's own state. */
void vm_copy(Vm *dst, const Vm *src, Machine *m);
uint64_t vm_hash(const Vm *vm);

/* A read-only BigInt view of an int object's digits (no copy). */
void int_view(const Machine *m, Handle h, BigInt *v);

/* Print the pending exception as CPython does (to fp). */
void vm_print_exception(const Vm *vm, FILE *fp);

/* Raise: set the pending exception (printf-style message). */
void vm_raise(Vm *vm, ExcKind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
