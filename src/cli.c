/*
 * cli.c: headless commands.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "sim/machine.h"

int
cli_machine(int argc, char **argv)
{
    Machine m;
    char err[256];

    (void)argv;
    if (argc > 0) {
        fprintf(stderr, "pymemsim: 'machine' takes no arguments\n");
        return 2;
    }
    machine_init(&m);
    printf("pymemsim %s: a simulated CPython 3.11 (64-bit Linux)\n\n", PACKAGE_VERSION);
    printf("Static objects (no heap block, refcount starts at %d):\n", STATIC_REFCNT);
    printf("  None at %#" PRIx64 ", True at %#" PRIx64 ", False at %#" PRIx64 "\n",
           m.objs[m.none].addr, m.objs[m.true_].addr, m.objs[m.false_].addr);
    printf("  small ints %d..%d, the empty tuple, the empty str and the 256\n"
           "  one-character latin-1 strings: %" PRIu64 " objects in all\n",
           -NSMALLNEG, NSMALLPOS - 1, m.live);
    printf("\npymalloc: %d size classes of %d bytes, %d-byte pools (%d-byte header),\n"
           "%u-byte arenas of %d pools; requests over %d bytes go to malloc.\n",
           HEAP_NCLASSES, HEAP_ALIGNMENT, HEAP_POOL_SIZE, HEAP_POOL_OVERHEAD,
           HEAP_ARENA_SIZE, HEAP_POOLS_PER_ARENA, HEAP_SMALL_REQUEST);
    printf("Arenas allocated: %" PRIu64 "\n", m.heap.stats.arenas_current);
    printf("\nGenerations: thresholds (%" PRId64 ", %" PRId64 ", %" PRId64
           "), counts (%" PRId64 ", %" PRId64 ", %" PRId64 ")\n",
           m.gen[0].threshold, m.gen[1].threshold, m.gen[2].threshold,
           m.gen[0].count, m.gen[1].count, m.gen[2].count);
    if (machine_check(&m, err, sizeof err) != 0) {
        fprintf(stderr, "pymemsim: internal error: %s\n", err);
        machine_done(&m);
        return 1;
    }
    machine_done(&m);
    return 0;
}
