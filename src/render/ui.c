/*
 * ui.c: the layout of the panes, the status line, the help overlay and
 * the lesson's summary: one frame drawn from the current point of the
 * history (read only) and the UiState.  What keys and clicks do is in
 * app/control.c.
 *
 * Layout, for a terminal of at least 80x20 with every pane shown:
 *
 *   +- Source ------------+- Stack ---------+- Collector -----+
 *   +- Heap ----------------------------+- Memory -------------+
 *   +- Log ----------------------------------------------------+
 *   status line
 *
 * Hidden panes give their room to the others in their row; a row with
 * none gives its height to the other rows.  Smaller terminals, down to
 * UI_MIN_W x UI_MIN_H, show the focused pane alone; below that a line
 * says the terminal is too small.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/ui.h"
#include "render/views.h"

const char *const pane_names[PANE_COUNT] = {"Source", "Stack", "Heap", "Memory", "Collector", "Log"};

typedef void (*ViewFn)(const History *, const UiState *, Rect, Scene *);

static const ViewFn views[PANE_COUNT] = {
    view_source_build, view_stack_build, view_heap_build,
    view_memory_build, view_collector_build, view_log_build,
};

/* The rows of the layout and their share of the height. */
static const PaneId row_panes[3][3] = {
    {PANE_SOURCE, PANE_STACK, PANE_COLLECTOR},
    {PANE_HEAP, PANE_MEMORY, PANE_COUNT},
    {PANE_LOG, PANE_COUNT, PANE_COUNT},
};
static const int row_share[3] = {40, 38, 22};
static const int lesson_share[3] = {36, 30, 34};   /* more room for narrative */

static int
share(const UiState *ui, int row)
{
    return ui->lesson != NULL ? lesson_share[row] : row_share[row];
}
static const int col_share[3][3] = {{45, 30, 25}, {60, 40, 0}, {100, 0, 0}};

void
ui_init(UiState *ui)
{
    memset(ui, 0, sizeof *ui);
    ui->focus = PANE_SOURCE;
    ui->maximised = -1;
    ui->asking = -1;
    ui->feedback = -1;
    keys_init(&ui->keys);
}

void
ui_done(UiState *ui)
{
    free(ui->answers);
    ui->answers = NULL;
}

static void
status_line(const History *h, const UiState *ui, Scene *sc, int y)
{
    const Sim *s = history_current(h);
    Rect r = {0, y, sc->w, 1};
    char left[256];

    scene_fill(sc, r, ' ', STYLE_STATUS);
    if (ui->asking >= 0) {
        snprintf(left, sizeof left, " answer: %s_   (Enter to answer, Esc to skip)", ui->answer);
        scene_put(sc, r, 0, 0, left, STYLE_STATUS, NULL_HANDLE);
        return;
    }
    const char *prompt = keys_prompt(&ui->keys);
    if (prompt[0] != '\0') {
        snprintf(left, sizeof left, " %s%" PRIu64 "_", prompt, ui->keys.count);
        if (!ui->keys.has_count) {
            snprintf(left, sizeof left, " %s_", prompt);
        }
        scene_put(sc, r, 0, 0, left, STYLE_STATUS, NULL_HANDLE);
        return;
    }
    int end = sim_last(s)->kind == EV_END;
    char where[32];
    if (end) {
        snprintf(where, sizeof where, "the end");
    } else if (s->pos.seq == 0) {
        snprintf(where, sizeof where, "the start");
    } else {
        snprintf(where, sizeof where, "line %u", history_line(h));
    }
    snprintf(left, sizeof left, " at %s | by %s | step: line %" PRIu64 ", instruction %" PRIu64
             ", event %" PRIu64, where, step_size_names[h->size], s->pos.n[STEP_LINE],
             s->pos.n[STEP_INSTR], s->pos.n[STEP_EVENT]);
    if (h->msg[0] != '\0' && text_width(left) + 4 + text_width(h->msg) > sc->w) {
        /* What the move has to say matters more than the counts. */
        snprintf(left, sizeof left, " at %s | by %s", where, step_size_names[h->size]);
    }
    int x = scene_put(sc, r, 0, 0, left, STYLE_STATUS, NULL_HANDLE);
    if (ui->keys.has_count) {
        x += scene_printf(sc, r, x, 0, STYLE_STATUS, NULL_HANDLE, "  count %" PRIu64, ui->keys.count);
    }
    if (h->msg[0] != '\0') {
        x += scene_printf(sc, r, x, 0, STYLE_STATUS, NULL_HANDLE, "  | %s", h->msg);
    }
    const char *hint = "? help  q quit ";
    int hw = text_width(hint);
    if (x + hw + 2 <= sc->w) {
        scene_put(sc, r, sc->w - hw, 0, hint, STYLE_STATUS, NULL_HANDLE);
    }
}

static const char *const help_lines[] = {
    "Stepping",
    "  n  Right     one step forward       p  Left   one step back",
    "  e  i  l      step by event, instruction or line",
    "  5n  5p       five steps             g N Enter  go to step N",
    "  <  Home      the start              >  End    the end",
    "  t N Enter    forward to line N      T N Enter back to line N",
    "  b            breakpoint here        B N Enter breakpoint at line N",
    "  r  R         next / previous breakpoint",
    "  c  C         next / previous collection",
    "  ]  [         next / previous collector phase",
    "Looking",
    "  Tab          next pane              m      maximise or restore it",
    "  x            hide the pane          a      show all panes",
    "  Up Down PgUp PgDn   scroll or move the cursor",
    "  Enter        select the object under the cursor (Heap),",
    "               zoom into the arena or pool (Memory)",
    "  + -          zoom the memory map in and out",
    "  s            show the interpreter's own objects in Heap",
    "  Esc          clear the selection    V      next colour theme",
    "  click        select an object, set a breakpoint on a line",
    "  ?            this help              q      quit",
};

static void
help_overlay(Scene *sc)
{
    int n = (int)(sizeof help_lines / sizeof *help_lines);
    int w = 72 < sc->w - 2 ? 72 : sc->w - 2, h = n + 4 < sc->h - 1 ? n + 4 : sc->h - 1;
    Rect r = {(sc->w - w) / 2, (sc->h - 1 - h) / 2, w, h};

    scene_fill(sc, r, ' ', STYLE_HELP);
    Rect in = scene_frame(sc, r, "Keys (Esc or ? to close)", 1);
    for (int i = 0; i < n && i + 1 < in.h; i++) {
        scene_put(sc, in, 1, i + 1, help_lines[i], help_lines[i][0] == ' ' ? STYLE_HELP : STYLE_TITLE,
                  NULL_HANDLE);
    }
}

static void
summary_overlay(const UiState *ui, Scene *sc)
{
    int right = 0, wrong = 0, skipped = 0, total = 0;
    char line[160];

    /* A question not reached counts as skipped. */
    for (size_t i = 0; i < ui->run->n; i++) {
        if (ui->lesson->dirs[ui->run->f[i].dir].kind != DIR_ASK) {
            continue;
        }
        total++;
        right += ui->answers[i] == 1;
        wrong += ui->answers[i] == 2;
        skipped += ui->answers[i] == 0 || ui->answers[i] == 3;
    }
    int w = 60 < sc->w - 2 ? 60 : sc->w - 2, h = 8 < sc->h - 1 ? 8 : sc->h - 1;
    Rect r = {(sc->w - w) / 2, (sc->h - 1 - h) / 2, w, h};
    scene_fill(sc, r, ' ', STYLE_HELP);
    Rect in = scene_frame(sc, r, "Lesson complete", 1);
    int y = scene_wrap(sc, in, 1, 1, ui->lesson->title, STYLE_TITLE) + 1;
    snprintf(line, sizeof line, "Questions: %d right, %d wrong, %d skipped, of %d.", right, wrong,
             skipped, total);
    y += scene_wrap(sc, in, 1, y, line, STYLE_NORMAL);
    scene_wrap(sc, in, 1, y + 1, "Any key closes this; q quits.", STYLE_DIM);
}

static int
visible(const UiState *ui, PaneId p)
{
    return !ui->hidden[p];
}

static void
draw_pane(const History *h, UiState *ui, Scene *sc, PaneId p, Rect r)
{
    char title[64];

    ui->panes[p] = r;
    if (p == PANE_MEMORY) {
        static const char *const zoom[] = {"all arenas", "one arena", "one pool"};
        snprintf(title, sizeof title, "%s: %s", pane_names[p], zoom[ui->zoom]);
    } else {
        snprintf(title, sizeof title, "%s", pane_names[p]);
    }
    if (p == PANE_LOG && ui->lesson != NULL) {
        snprintf(title, sizeof title, "Lesson %s", ui->lesson->id);
    }
    Rect in = scene_frame(sc, r, title, ui->focus == p);
    if (in.w <= 0 || in.h <= 0) {
        return;
    }
    if (p == PANE_LOG && ui->lesson != NULL) {
        /* The narrative on the left, the log on the right. */
        int lw = in.w * 11 / 20;
        view_lesson_build(h, ui, (Rect){in.x, in.y, lw, in.h}, sc);
        for (int y = 0; y < in.h; y++) {
            scene_char(sc, in, lw, y, sc->ascii ? '|' : 0x2502, STYLE_BORDER, NULL_HANDLE);
        }
        views[p](h, ui, (Rect){in.x + lw + 1, in.y, in.w - lw - 1, in.h}, sc);
        return;
    }
    views[p](h, ui, in, sc);
}

void
ui_draw(const History *h, UiState *ui, Scene *sc)
{
    scene_clear(sc);
    for (int p = 0; p < PANE_COUNT; p++) {
        ui->panes[p] = (Rect){0, 0, 0, 0};
    }
    if (sc->w < UI_MIN_W || sc->h < UI_MIN_H) {
        Rect all = {0, 0, sc->w, sc->h};
        scene_printf(sc, all, 0, 0, STYLE_ERROR, NULL_HANDLE, "Terminal too small: %dx%d.", sc->w,
                     sc->h);
        scene_printf(sc, all, 0, 1, STYLE_NORMAL, NULL_HANDLE, "pymemsim needs %dx%d.", UI_MIN_W,
                     UI_MIN_H);
        scene_put(sc, all, 0, 2, "Enlarge it, or q to quit.", STYLE_NORMAL, NULL_HANDLE);
        return;
    }
    int H = sc->h - 1;
    if (ui->hidden[ui->focus]) {
        ui->hidden[ui->focus] = 0;
    }
    if (ui->maximised >= 0 || sc->w < 80 || H < 20) {
        PaneId p = ui->maximised >= 0 ? (PaneId)ui->maximised : ui->focus;
        if (ui->lesson != NULL && p != PANE_LOG && H >= 16) {
            /* A lesson keeps its narrative below the pane shown. */
            int lh = H * 2 / 5;
            draw_pane(h, ui, sc, p, (Rect){0, 0, sc->w, H - lh});
            draw_pane(h, ui, sc, PANE_LOG, (Rect){0, H - lh, sc->w, lh});
        } else {
            draw_pane(h, ui, sc, p, (Rect){0, 0, sc->w, H});
        }
    } else {
        /* Rows with visible panes share the height by their shares. */
        int total = 0, rows[3] = {0, 0, 0};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3 && row_panes[i][j] != PANE_COUNT; j++) {
                rows[i] |= visible(ui, row_panes[i][j]);
            }
            total += rows[i] ? share(ui, i) : 0;
        }
        int y = 0, last = -1;
        for (int i = 0; i < 3; i++) {
            if (rows[i]) {
                last = i;
            }
        }
        for (int i = 0; i < 3; i++) {
            if (!rows[i]) {
                continue;
            }
            int rh = i == last ? H - y : H * share(ui, i) / total;
            int cw = 0, x = 0, lastc = -1;
            for (int j = 0; j < 3 && row_panes[i][j] != PANE_COUNT; j++) {
                if (visible(ui, row_panes[i][j])) {
                    cw += col_share[i][j];
                    lastc = j;
                }
            }
            for (int j = 0; j < 3 && row_panes[i][j] != PANE_COUNT; j++) {
                PaneId p = row_panes[i][j];
                if (!visible(ui, p)) {
                    continue;
                }
                int w = j == lastc ? sc->w - x : sc->w * col_share[i][j] / cw;
                draw_pane(h, ui, sc, p, (Rect){x, y, w, rh});
                x += w;
            }
            y += rh;
        }
    }
    status_line(h, ui, sc, sc->h - 1);
    if (ui->completed && !ui->summary_closed && ui->lesson != NULL) {
        summary_overlay(ui, sc);
    }
    if (ui->help) {
        help_overlay(sc);
    }
}
