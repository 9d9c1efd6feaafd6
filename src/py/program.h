/*
 * program.h: a running program, as the history keeps it: the machine,
 * the VM that runs the program on it, how far the run has got (counted
 * in events, instructions and lines) and the last events, for the log.
 *
 * The history (hist/history.h) holds one Sim it runs and copies of it
 * as checkpoints; the views read the current one through
 * history_current().
 */
#ifndef PYMEMSIM_PY_PROGRAM_H
#define PYMEMSIM_PY_PROGRAM_H

#include <stdint.h>

#include "py/vm.h"
#include "sim/machine.h"

/* The sizes of a step.  Every point is an event; an instruction marker
 * (and the end) is also an instruction step, a line marker (and the
 * end) also a line step: see hist/history.h. */
typedef enum { STEP_EVENT, STEP_INSTR, STEP_LINE, STEP_NSIZES } StepSize;

/* Where a run is: the events so far and the steps of each size. */
typedef struct Pos {
    uint64_t seq;
    uint64_t n[STEP_NSIZES];
} Pos;

#define SIM_RECENT 64

/* A running program: its machine, its VM and its position. */
typedef struct Sim {
    Machine m;
    Vm vm;
    Pos pos;
    int started;               /* the module frame is pushed */
    Event recent[SIM_RECENT];  /* the last events, for the log: event
                                * seq is recent[(seq - 1) % SIM_RECENT] */
} Sim;

/* The event of s's current point; kind EV_COUNT at point 0. */
static inline const Event *
sim_last(const Sim *s)
{
    static const Event none = {EV_COUNT, 0, 0, 0, 0, 0, 0, 0};

    return s->pos.seq == 0 ? &none : &s->recent[(s->pos.seq - 1) % SIM_RECENT];
}

#endif
