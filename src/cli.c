/*
 * cli.c: headless commands.
 */
#include <config.h>

#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "py/run.h"
#include "py/vm.h"
#include "sim/gc.h"
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

/* ------------------------------------------------------------------ */
/* pymemsim trace FILE                                                */

static const char *const list_names[GC_NLISTS] = {
    "gen0", "gen1", "gen2", "permanent", "unreachable", "wrcb_to_call", "seen",
    "still_unreachable",
};

static const char *
list_name(int64_t l)
{
    return l >= 0 && l < GC_NLISTS ? list_names[l] : "none";
}

static void
trace_event(void *ctx, const Machine *m, const Event *e)
{
    FILE *fp = ctx;
    const char *tn = e->obj != NULL_HANDLE && e->obj < m->nobjs
                     ? type_info[m->objs[e->obj].type].pyname : "-";

    if (e->kind == EV_INSTR) {
        return;                 /* lines only, to keep traces readable */
    }
    fprintf(fp, "%s", event_names[e->kind]);
    switch ((EventKind)e->kind) {
    case EV_ALLOC:
        fprintf(fp, " obj=#%u %s addr=%#" PRIx64 " size=%" PRId64 "%s", e->obj, tn,
                (uint64_t)e->a, e->b, e->slot ? " from=freelist" : "");
        break;
    case EV_FREE:
    case EV_FREELIST:
        if (e->obj != NULL_HANDLE) {
            fprintf(fp, " obj=#%u %s", e->obj, tn);
        }
        fprintf(fp, " addr=%#" PRIx64, (uint64_t)e->a);
        break;
    case EV_INCREF:
    case EV_DECREF:
    case EV_GC_REFS:
        fprintf(fp, " obj=#%u %s %" PRId64 "->%" PRId64, e->obj, tn, e->a, e->b);
        break;
    case EV_DEALLOC:
    case EV_FINALIZE:
    case EV_TRASH:
        fprintf(fp, " obj=#%u %s", e->obj, tn);
        break;
    case EV_STORE:
        fprintf(fp, " obj=#%u %s slot=%u #%" PRId64 "->#%" PRId64, e->obj, tn, e->slot, e->a,
                e->b);
        break;
    case EV_STORAGE:
        fprintf(fp, " obj=#%u %s role=\"%s\" %#" PRIx64 "->%#" PRIx64 " size=%" PRIu64, e->obj,
                tn, heap_role_name(e->role), (uint64_t)e->a, (uint64_t)e->b, e->c);
        break;
    case EV_BIND:
        fprintf(fp, " frame=%u slot=%u #%" PRId64 "->#%" PRId64, e->frame, e->slot, e->a, e->b);
        break;
    case EV_PUSH:
    case EV_POP:
        fprintf(fp, " frame=%u #%" PRId64 " depth=%" PRId64, e->frame, e->a, e->b);
        break;
    case EV_FRAME_PUSH:
    case EV_FRAME_POP:
        fprintf(fp, " frame=%u addr=%#" PRIx64 " size=%" PRId64, e->frame, (uint64_t)e->a, e->b);
        break;
    case EV_TRACK:
        fprintf(fp, " obj=#%u %s", e->obj, tn);
        break;
    case EV_UNTRACK:
        fprintf(fp, " obj=#%u %s gen=%s", e->obj, tn, list_name(e->a));
        break;
    case EV_GC_COUNT:
        fprintf(fp, " gen=%u %" PRId64 "->%" PRId64, e->slot, e->a, e->b);
        break;
    case EV_GC_PHASE:
        fprintf(fp, " %s gen=%" PRId64, gc_phase_names[e->slot], e->a);
        break;
    case EV_GC_MOVE:
        fprintf(fp, " obj=#%u %s %s->%s", e->obj, tn, list_name(e->a), list_name(e->b));
        break;
    case EV_GC_MERGE:
        fprintf(fp, " %s->%s objects=%" PRIu64, list_name(e->a), list_name(e->b), e->c);
        break;
    case EV_GC_DONE:
        fprintf(fp, " gen=%" PRId64 " collected=%" PRId64, e->a, e->b);
        break;
    case EV_LINE:
        fprintf(fp, " %" PRId64, e->a);
        break;
    case EV_RAISE:
        fprintf(fp, " %s", exc_names[e->a]);
        break;
    case EV_END:
        fprintf(fp, " status=%" PRId64, e->a);
        break;
    case EV_WRITE: {
        fputs(" \"", fp);
        for (int64_t i = 0; i < e->b; i++) {
            unsigned char c = (unsigned char)m->out[e->a + i];
            if (c == '\n') {
                fputs("\\n", fp);
            } else if (c == '"' || c == '\\') {
                fprintf(fp, "\\%c", c);
            } else if (c < 0x20 || c == 0x7f) {
                fprintf(fp, "\\x%02x", c);
            } else {
                fputc(c, fp);
            }
        }
        fputc('"', fp);
        break;
    }
    default:
        break;
    }
    fputc('\n', fp);
}

int
cli_trace(int argc, char **argv)
{
    static const struct option longopts[] = {LIMIT_LONGOPTS, {NULL, 0, NULL, 0}};
    VmLimits lim = {VM_DEFAULT_MAX_STEPS, VM_DEFAULT_MAX_HEAP, NULL, NULL};
    int c;

    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        int r = limit_option(&lim, c, optarg, "trace");
        if (r < 0) {
            return -r;
        }
        if (r == 0) {
            return cli_usage_error("trace", "%s", "bad option");
        }
    }
    if (argc - optind != 1) {
        return cli_usage_error("trace", "%s", "needs exactly one FILE");
    }
    return run_file_events(argv[optind], NULL, trace_event, stdout, &lim);
}

/* ------------------------------------------------------------------ */
/* pymemsim run FILE                                                  */

static volatile sig_atomic_t interrupted;

static void
on_sigint(int signo)
{
    (void)signo;
    interrupted = 1;
}

/* Ctrl-C raises KeyboardInterrupt in the program, as in CPython. */
static VmPollResult
run_poll(void *ctx)
{
    (void)ctx;
    if (interrupted) {
        interrupted = 0;
        return VM_INTERRUPT;
    }
    return VM_GO_ON;
}

int
cli_run(int argc, char **argv)
{
    static const struct option longopts[] = {LIMIT_LONGOPTS, {NULL, 0, NULL, 0}};
    VmLimits lim = {0, VM_DEFAULT_MAX_HEAP, run_poll, NULL};
    struct sigaction sa, old;
    int c;

    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        int r = limit_option(&lim, c, optarg, "run");
        if (r < 0) {
            return -r;
        }
        if (r == 0) {
            return cli_usage_error("run", "%s", "bad option");
        }
    }
    if (argc - optind != 1) {
        return cli_usage_error("run", "%s", "needs exactly one FILE");
    }
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    int installed = sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler != SIG_IGN
                    && sigaction(SIGINT, &sa, NULL) == 0;
    int status = run_file(argv[optind], stdout, &lim);
    if (installed) {
        sigaction(SIGINT, &old, NULL);
    }
    if (status == 130 && installed) {
        /* End as CPython does after KeyboardInterrupt: by the signal. */
        fflush(stdout);
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
    return status;
}
