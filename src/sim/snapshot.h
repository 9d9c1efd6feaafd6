/*
 * snapshot.h: deep copies, hashes and host sizes of whole machines, for
 * the history, which checkpoints a machine and executes again from a
 * checkpoint.
 *
 * A copy is a machine in its own right: everything simulated (handles,
 * addresses, the heap, the event count) is identical, every host
 * allocation is its own, and machine_done frees it.  Host capacities may
 * be smaller than the original's (a copy holds what is used).
 *
 * The hash covers everything a student could tell apart, and nothing of
 * the host: no pointer, no capacity, no padding, not the event sink or
 * the hooks.  Two machines that ran the same primitives from the same
 * state hash the same, on every run; machines that differ in any
 * simulated detail hash differently (barring a 64-bit collision).
 */
#ifndef PYMEMSIM_SIM_SNAPSHOT_H
#define PYMEMSIM_SIM_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "sim/machine.h"

/*
 * Make dst (uninitialised memory) an independent deep copy of src.  The
 * sink, its context and the hooks are copied as they are: a caller that
 * gives the copy its own context re-points them.  Code objects share the
 * compiler's Code (the program owns it, not the machine).  src may be in
 * the middle of a primitive (the copy is taken from an event sink): the
 * copy then holds the machine as that event shows it, an object being
 * made or freed with the payload it has at that moment, but not the
 * primitive's own pending work (a deallocation's stack of deallocators).
 */
void machine_copy(Machine *dst, const Machine *src);

/* A 64-bit hash of the whole simulated state of m. */
uint64_t machine_hash(const Machine *m);
/* The state the primitives own, for machine_set_verify: the same as
 * machine_hash without the bookkeeping of algorithms under way, which
 * changes without events as CPython's does without being seen: the
 * VM's next instruction in each frame (`ip'), the trashcan's nesting,
 * the collector's and the VM's flags (gc_collecting, exception_pending,
 * and OF_COLLECTING, which CPython keeps beside gc_refs in the same
 * word: every change of gc_refs and of the lists is an event), and the
 * collector's long-lived counts for its 25% rule. */
uint64_t machine_state_hash(const Machine *m);

/* The bytes of host memory a machine_copy of m holds: the sizes of the
 * allocations it makes plus sizeof(Machine).  The C library's own
 * overhead per allocation is not included. */
size_t machine_host_bytes(const Machine *m);

#endif
