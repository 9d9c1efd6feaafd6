/*
 * bench_history.c: what stepping back costs on long runs.
 *
 *   bench_history [--cap SIZE] FILE...
 *
 * For each program: run it to the end under the history (the time, the
 * instructions and events, the checkpoints and the bytes they hold, per
 * instruction), then time single steps back from the end at each size,
 * steps back by one event from 200 points spread over the whole run
 * (the worst place is where a replay is longest), and going to
 * instruction 1.  Medians and worsts in milliseconds.  A report, not a
 * test: nothing passes or fails.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchutil.h"
#include "hist/history.h"

static void
bench(const char *path, size_t cap)
{
    History h;
    double t[200];

    if (history_open(&h, path, cap) < 0) {
        return;
    }
    printf("%s\n", path);
    double t0 = bench_now();
    history_to_end(&h);
    double run = bench_now() - t0;
    uint64_t instr = h.end.n[STEP_INSTR], events = h.end.n[STEP_EVENT];
    Pos early = history_earliest(&h);
    printf("  run to the end: %.2f s, %" PRIu64 " instructions, %" PRIu64 " events\n", run, instr,
           events);
    printf("  history: %zu checkpoints, %.1f MB, %.1f bytes/instruction, %.2f bytes/event%s\n",
           h.ncp, (double)history_bytes(&h) / 1e6, (double)history_bytes(&h) / (double)instr,
           (double)history_bytes(&h) / (double)events,
           early.seq ? " (cap reached: oldest dropped)" : ", every step reachable");

    for (int s = STEP_LINE; s >= STEP_EVENT; s--) {
        char what[64];
        history_to_end(&h);
        for (int i = 0; i < 50; i++) {
            double a = bench_now();
            history_back(&h, (StepSize)s, 1);
            t[i] = bench_now() - a;
        }
        snprintf(what, sizeof what, "one %s back, at the end", step_size_names[s]);
        bench_report(what, t, 50);
    }

    /* Anywhere: go to a point, then time one event back from it. */
    uint64_t lo = early.seq + 1, span = h.end.seq - lo;
    for (int i = 0; i < 200; i++) {
        history_goto_seq(&h, lo + span * (uint64_t)(i + 1) / 201);
        double a = bench_now();
        history_back(&h, STEP_EVENT, 1);
        t[i] = bench_now() - a;
    }
    bench_report("one event back, anywhere", t, 200);

    history_to_end(&h);
    for (int i = 0; i < 20; i++) {
        double a = bench_now();
        history_goto(&h, STEP_INSTR, 1);
        t[i] = bench_now() - a;
        history_to_end(&h);
    }
    bench_report("go to instruction 1 from the end", t, 20);
    history_close(&h);
}

int
main(int argc, char **argv)
{
    size_t cap = 0;
    int i = 1;

    if (argc > 2 && strcmp(argv[1], "--cap") == 0) {
        cap = (size_t)strtoull(argv[2], NULL, 10) << 20;
        i = 3;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: bench_history [--cap MB] FILE...\n");
        return 2;
    }
    for (; i < argc; i++) {
        bench(argv[i], cap);
    }
    return 0;
}
