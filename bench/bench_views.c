/*
 * bench_views.c: one step plus a redraw of every pane, headless, at
 * 200x60, on a program whose heap holds 100,000 objects and more.
 *
 *   bench_views FILE
 *
 * Runs FILE to its last lines, then times 50 steps back and 50 forward
 * by line and by event, each followed by ui_draw into a 200x60 Scene
 * (what the TUI does for a key press, without the terminal).  Also the
 * redraw alone with the heap pane focused and an object selected.
 * Medians and worsts in milliseconds.  A report, not a test.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "benchutil.h"
#include "hist/history.h"
#include "render/ui.h"

int
main(int argc, char **argv)
{
    History h;
    UiState ui;
    Scene sc;
    double t[50];

    if (argc != 2) {
        fprintf(stderr, "usage: bench_views FILE\n");
        return 2;
    }
    if (history_open(&h, argv[1], 0) < 0) {
        return 1;
    }
    ui_init(&ui);
    scene_init(&sc, 200, 60, 0);
    history_to_end(&h);
    history_back(&h, STEP_LINE, 30);
    printf("%s: %" PRIu64 " live objects at line %u, 200x60\n", argv[1],
           history_current(&h)->m.live, history_line(&h));
    for (int s = STEP_LINE; s >= STEP_EVENT; s -= 2) {
        for (int dir = 0; dir < 2; dir++) {
            for (int i = 0; i < 50; i++) {
                double a = bench_now();
                if (dir == 0) {
                    history_back(&h, (StepSize)s, 1);
                } else {
                    history_forward(&h, (StepSize)s, 1);
                }
                ui_draw(&h, &ui, &sc);
                t[i] = bench_now() - a;
            }
            char what[64];
            snprintf(what, sizeof what, "one %s %s + redraw", step_size_names[s],
                     dir ? "forward" : "back");
            bench_report(what, t, 50);
        }
    }
    ui.focus = PANE_HEAP;
    ui.selected = history_current(&h)->m.nobjs - 1;
    for (int i = 0; i < 50; i++) {
        double a = bench_now();
        ui_draw(&h, &ui, &sc);
        t[i] = bench_now() - a;
    }
    bench_report("redraw, heap focused, a selection", t, 50);
    scene_done(&sc);
    history_close(&h);
    return 0;
}
