/*
 * prim.h: for the files of src/sim only: what a primitive does before it
 * changes the machine and after.
 *
 * A primitive begins with PRIM_BEGIN(m), changes the machine, and ends
 * by emitting its one event (machine_emit).  Under the state check
 * (machine_set_verify), PRIM_BEGIN compares the state with the hash taken
 * when the previous event was emitted: any difference is a change that
 * no event announced.
 */
#ifndef PYMEMSIM_SIM_PRIM_H
#define PYMEMSIM_SIM_PRIM_H

#include "sim/machine.h"

void machine_verify_begin(Machine *m, const char *where) __attribute__((cold));

#define PRIM_BEGIN(m)                                   \
    do {                                                \
        if ((m)->verify_armed) {                        \
            machine_verify_begin((m), __func__);        \
        }                                               \
    } while (0)

/* Emit one event (the end of a primitive). */
void machine_emit(Machine *m, EventKind kind, Handle obj, uint32_t slot, int64_t a, int64_t b,
                  uint64_t c);

#endif
