/*
 * history.h: stepping forward and backward through a program's run.
 *
 * A run is a sequence of points, one per machine event: every primitive
 * (alloc, incref, store, gc.refs, ...), the marker the VM emits as each
 * instruction starts (a line event when the instruction starts a line,
 * an instr event otherwise) and the end of the program.  Point 0 is the
 * state before the first event.  Each point counts as a step of the
 * sizes it belongs to:
 *
 *   event        every event but the instruction markers (and the end)
 *   instruction  every instruction marker (and the end)
 *   line         every line marker (and the end)
 *
 * so "line step 7" is the state as the seventh line starts, and the end
 * of the program is the last step of every size.
 *
 * The history keeps checkpoints (whole copies of the machine and VM) at
 * instruction boundaries and reaches any point by restoring the nearest
 * checkpoint before it and running forward again: the run is
 * deterministic, so the state reached is exactly the state a direct run
 * has at that point.  A point in the middle of an instruction is shown
 * through a copy made as its event is emitted; the run itself always
 * stops at an instruction boundary.  Checkpoint memory is capped: the
 * oldest checkpoints are dropped and the history says how far back one
 * can still go.  See doc/history.md.
 */
#ifndef PYMEMSIM_HIST_HISTORY_H
#define PYMEMSIM_HIST_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#include "py/compile.h"
#include "py/program.h"
#include "py/vm.h"
#include "sim/machine.h"

extern const char *const step_size_names[STEP_NSIZES];  /* event, instruction, line */

typedef struct Checkpoint {
    Sim sim;
    size_t bytes;              /* host memory it holds */
} Checkpoint;

/* What the run stops at (internal; set by the moves below). */
typedef enum {
    STOP_COUNT,                /* pos.n[size] == n at a point of that size */
    STOP_SEQ,                  /* pos.seq == n */
    STOP_LINE,                 /* a line marker for line n, after `after' */
    STOP_BREAK,                /* a line marker for a breakpoint */
    STOP_COLLECTION,           /* the start of a collection */
    STOP_PHASE,                /* any phase of a collection */
    STOP_NEVER                 /* run to the end */
} StopKind;

typedef struct History {
    Program *prog;
    char *path;
    Sim work;                  /* the running copy: at an instruction
                                * boundary between moves */
    Sim view;                  /* the current point, when work is past it */
    int view_valid;
    Checkpoint *cp;            /* oldest first */
    size_t ncp, cpcap;
    size_t cap;                /* bytes of checkpoints allowed */
    size_t bytes;              /* bytes of checkpoints held */
    uint64_t dropped_seq;      /* points before this are gone (0: none) */
    Pos frontier;              /* the furthest point run so far */
    int end_known;
    Pos end;
    VmLimits limits;           /* the budget, the heap limit and the poll
                                * (history_set_limits), applied to work
                                * and to every checkpoint restored */
    int interrupted;           /* the last move was stopped by the poll */
    int budget_from_poll;      /* limits.max_steps is where the poll
                                * stopped the program inside an
                                * instruction */
    int nopoll;                /* the poll is not asked (going back to
                                * where an interrupted search began) */
    uint64_t min_spacing;      /* events between checkpoints, at least */
    uint64_t no_cp_before;     /* a machine too big to copy was seen:
                                * no checkpoint before this point */

    /* Stepping state the keys change. */
    StepSize size;
    uint32_t *breaks;          /* breakpoint lines, sorted */
    size_t nbreaks, breakcap;

    /* The stop condition of the run under way. */
    StopKind stop;
    StepSize stop_size;
    uint64_t stop_n, stop_after;
    int scanning;              /* record matches before stop_n, never copy */
    StopKind scan_kind;
    uint64_t scan_line, scan_found;
    int in_begin;
    int arrived;

    /* The interpreter's own objects (builtins, modules, interned names)
     * made before the program was compiled: their addresses by handle,
     * so that views can leave them out (history_is_startup). */
    uint64_t *startup_addr;
    uint32_t nstartup;
    /* The same for the objects the compiler made (constants, code
     * objects, names): history_is_constant. */
    uint64_t *const_addr;
    uint32_t nconst;

    char msg[256];             /* what the last move has to say, or "" */
    /* Statistics, for benchmarks and the status line. */
    uint64_t restores, replayed;
} History;

#define HISTORY_DEFAULT_CAP ((size_t)512 << 20)

/* Load and compile path; 0, or -1 with the message printed (as `run').
 * The limits are the defaults (VM_DEFAULT_MAX_STEPS and _MAX_HEAP, no
 * poll) until history_set_limits. */
int history_open(History *h, const char *path, size_t cap);
/*
 * The limits of the run.  The poll, asked every VM_POLL_EVERY
 * instructions while a move runs, may answer VM_STOP: between top-level
 * instructions the move stops there (h->interrupted, and the current
 * point is the one reached, from which the run can go on); inside one
 * the program is stopped for good at that instruction (its end, status
 * 2, and the budget becomes the instructions run, so that every replay
 * ends there too).  When the budget is spent the move stops with
 * "stopped after N instructions" in h->msg.
 */
void history_set_limits(History *h, const VmLimits *lim);
/* Is the current point where the budget stopped the program? */
int history_at_limit(const History *h);
void history_close(History *h);

/* The state at the current point (read-only). */
const Sim *history_current(const History *h);
/* The earliest point one can still go back to. */
Pos history_earliest(const History *h);
/* Host bytes held by checkpoints. */
size_t history_bytes(const History *h);

/*
 * Moves.  Each returns 0 if it moved, -1 if it could not (already at the
 * start or the end, or the point was dropped); h->msg says why.
 */
/* count steps of size forward or back (stopping at the ends), as count
 * single steps would. */
int history_forward(History *h, StepSize size, uint64_t count);
int history_back(History *h, StepSize size, uint64_t count);
int history_goto(History *h, StepSize size, uint64_t n);
int history_goto_seq(History *h, uint64_t seq);
int history_to_end(History *h);
int history_to_line(History *h, uint32_t line, int backward);
int history_to_break(History *h, int backward);
int history_to_collection(History *h, int backward);
int history_to_phase(History *h, int backward);
/* Toggle a breakpoint on line; returns 1 if now set. */
int history_toggle_break(History *h, uint32_t line);
int history_is_break(const History *h, uint32_t line);

/* Is h, live in m, one of the interpreter's own objects (a static or
 * one made at start-up, before the program)? */
int history_is_startup(const History *h, const Machine *m, Handle x);
/* Is x one of the objects the compiler made before the program ran? */
int history_is_constant(const History *h, const Machine *m, Handle x);

/* The source line the current point is at (0 before the first). */
uint32_t history_line(const History *h);

/* Does an event of this kind count as a step of size? */
int step_counts_as(unsigned kind, StepSize size);

/* A hash of a whole Sim: machine, VM and position.  Declared here, not
 * in py/program.h, because it is defined with the history's other
 * operations on Sims (copy, size) in history.c. */
uint64_t sim_hash(const Sim *s);

#endif
