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
    X(NotImplementedError) X(KeyboardInterrupt) X(UnicodeEncodeError)

typedef enum {
    EXC_NONE,
#define X(name) EXC_##name,
    EXCEPTIONS(X)
#undef X
    EXC_STOP,                  /* not Python's: the run is being stopped
                                * (vm_poll); nothing catches or reports it */
    EXC_COUNT
} ExcKind;

extern const char *const exc_names[EXC_COUNT];

#define VM_REPR_MAX 1024          /* above the recursion limit */

/*
 * Limits on a run.  The budget counts instructions; an item that a
 * built-in function (list(), sum(), sorted(), ...) takes from an
 * iterator counts as one too, so that no single instruction runs
 * without bound.  The poll function is asked every VM_POLL_EVERY of
 * them whether to go on: VM_STOP stops the program (see vm_poll),
 * VM_INTERRUPT raises KeyboardInterrupt in it, as Ctrl-C does in
 * CPython.
 */
typedef enum { VM_GO_ON, VM_STOP, VM_INTERRUPT } VmPollResult;
typedef VmPollResult (*VmPollFn)(void *ctx);

typedef struct VmLimits {
    uint64_t max_steps;        /* instructions; 0 for no limit */
    uint64_t max_heap;         /* bytes of simulated memory; 0 for none */
    VmPollFn poll;             /* or NULL */
    void *poll_ctx;
    uint32_t verify;           /* run and trace: machine_set_verify's
                                * period, 0 for none (--verify) */
} VmLimits;

#define VM_DEFAULT_MAX_STEPS UINT64_C(50000000)
#define VM_DEFAULT_MAX_HEAP  (UINT64_C(1) << 30)
#define VM_POLL_EVERY        16384u

/* Room for the built-in functions and methods (builtins.c's tables). */
#define VM_BUILTINS_MAX      80

/* Why a program stopped before its end (Vm.stopped). */
enum { VM_RUNNING, VM_STOPPED_BUDGET, VM_STOPPED_POLL };

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
    Handle builtin_objs[VM_BUILTINS_MAX];   /* the static built-in function
                                * and method objects, by id (builtins.c) */
    Handle str_init, str_del, str_name, str_main, str_module, str_buildclass;
    /* The pending exception. */
    ExcKind exc;
    StrBuf excmsg;
    StrBuf exchint;            /* the traceback's "Did you mean" name, or "" */
    TbEntry *tb;
    size_t ntb, tbcap;
    uint64_t ninstr;           /* instructions executed (and items
                                * built-ins took: see VmLimits) */
    uint64_t max_steps;        /* the budget (0: none) */
    uint64_t check_at;         /* ninstr at which vm_poll has work */
    uint64_t poll_at;
    VmPollFn poll;
    void *poll_ctx;
    int stopped;               /* VM_STOPPED_*, or 0 */
    int interrupt_pending;     /* raise KeyboardInterrupt at the next
                                * instruction */
    /* sys.stdout's TextIOWrapper, as far as print's allocations go: the
     * pending chunks (0, one chunk, or a list of them) and their size. */
    Handle stdout_obj;
    size_t pending_bytes;       /* the chunks are M->io_pending */
    int printed;                /* print has written before */
    int builtin_id;             /* the built-in being called (its id), or -1 */
    /* How CPython would have set up sys.stdout: line buffered on a
     * terminal, write-through under PYTHONUNBUFFERED. */
    int stdout_line_buffering, stdout_write_through;
    int repr_state_made;        /* Py_ReprEnter's dict and list exist */
    Handle repr_stack[VM_REPR_MAX];     /* objects being repr'd (cycles) */
    int repr_depth;
    int c_nest, c_base;         /* nested reprs and comparisons under
                                * way, and the Python frames below */
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
    int status;                /* then: 0, 1 for an uncaught exception,
                                * 2 if it was stopped inside an
                                * instruction (vm_poll) */
} Vm;

/* Set up the VM and the built-in objects on m. */
void vm_init(Vm *vm, Machine *m, FILE *out);
void vm_done(Vm *vm);

/* Apply limits to vm and its machine (the heap limit). */
void vm_set_limits(Vm *vm, const VmLimits *lim);

/*
 * Before an instruction: is a limit reached?  VM_GO_ON, or VM_STOP when
 * the budget is spent (vm->stopped is VM_STOPPED_BUDGET) or the poll
 * function asked to stop (VM_STOPPED_POLL), or VM_INTERRUPT when it
 * asked for KeyboardInterrupt.  Between top-level instructions a stop
 * leaves the program where it is; inside one (Python code called from
 * C, a built-in's loop) the VM turns a poll's stop into a budget of the
 * instructions run so far, so that a replay stops at the same point,
 * and unwinds the program to its end (status 2).
 */
VmPollResult vm_poll(Vm *vm);

/* Run a compiled program's module code to the end.  Returns 0, -1 with
 * vm->exc set (the traceback is in vm->tb), or -2 if it was stopped
 * (vm->stopped says why). */
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
