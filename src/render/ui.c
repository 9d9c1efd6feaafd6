/*
 * ui.c: the layout of the panes, the status line, the help overlay, and
 * the keys and clicks that change what is shown (as opposed to where
 * the program is, which hist/keys.c handles).
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
static const int col_share[3][3] = {{45, 30, 25}, {60, 40, 0}, {100, 0, 0}};

void
ui_init(UiState *ui)
{
    memset(ui, 0, sizeof *ui);
    ui->focus = PANE_SOURCE;
    ui->maximised = -1;
    keys_init(&ui->keys);
}

static void
status_line(const History *h, const UiState *ui, Scene *sc, int y)
{
    const Sim *s = history_current(h);
    Rect r = {0, y, sc->w, 1};
    char left[256];

    scene_fill(sc, r, ' ', STYLE_STATUS);
    const char *prompt = keys_prompt(&ui->keys);
    if (prompt[0] != '\0') {
        snprintf(left, sizeof left, " %s%" PRIu64 "_", prompt, ui->keys.count);
        if (!ui->keys.has_count) {
            snprintf(left, sizeof left, " %s_", prompt);
        }
        scene_put(sc, r, 0, 0, left, STYLE_STATUS, NULL_HANDLE);
        return;
    }
    int end = s->last.kind == EV_END;
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
    Rect in = scene_frame(sc, r, title, ui->focus == p);
    if (in.w > 0 && in.h > 0) {
        views[p](h, ui, in, sc);
    }
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
        draw_pane(h, ui, sc, p, (Rect){0, 0, sc->w, H});
    } else {
        /* Rows with visible panes share the height by their shares. */
        int total = 0, rows[3] = {0, 0, 0};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3 && row_panes[i][j] != PANE_COUNT; j++) {
                rows[i] |= visible(ui, row_panes[i][j]);
            }
            total += rows[i] ? row_share[i] : 0;
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
            int rh = i == last ? H - y : H * row_share[i] / total;
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
    if (ui->help) {
        help_overlay(sc);
    }
}

/* ------------------------------------------------------------------ */
/* Keys.                                                              */

static int
live_arenas(const Machine *m)
{
    int n = 0;
    for (uint32_t s = 0; s < m->heap.maxarenas; s++) {
        n += m->heap.arenas[s]->address != 0;
    }
    return n;
}

/* The slot of the k-th live arena, or -1. */
static int
arena_slot(const Machine *m, int k)
{
    for (uint32_t s = 0; s < m->heap.maxarenas; s++) {
        if (m->heap.arenas[s]->address != 0 && k-- == 0) {
            return (int)s;
        }
    }
    return -1;
}

static void
zoom_in(const History *h, UiState *ui)
{
    const Machine *m = &history_current(h)->m;

    if (ui->zoom == ZOOM_ARENAS) {
        int s = arena_slot(m, ui->cursor[PANE_MEMORY]);
        if (s >= 0) {
            ui->arena = s;
            ui->zoom = ZOOM_ARENA;
            ui->cursor[PANE_MEMORY] = 0;
            ui->scroll[PANE_MEMORY] = 0;
        }
    } else if (ui->zoom == ZOOM_ARENA) {
        ui->pool = ui->cursor[PANE_MEMORY];
        ui->zoom = ZOOM_POOL;
        ui->scroll[PANE_MEMORY] = 0;
    }
}

static void
zoom_out(UiState *ui)
{
    if (ui->zoom == ZOOM_POOL) {
        ui->zoom = ZOOM_ARENA;
        ui->cursor[PANE_MEMORY] = ui->pool;
    } else if (ui->zoom == ZOOM_ARENA) {
        ui->zoom = ZOOM_ARENAS;
        ui->cursor[PANE_MEMORY] = 0;
    }
    ui->scroll[PANE_MEMORY] = 0;
}

/* Rows a pane can scroll or move its cursor over. */
static int
pane_rows(const History *h, const UiState *ui, PaneId p)
{
    const Machine *m = &history_current(h)->m;

    switch (p) {
    case PANE_HEAP:
        return view_heap_rows(h, ui, NULL, 0, 0);
    case PANE_MEMORY:
        return ui->zoom == ZOOM_ARENAS ? live_arenas(m) : ui->zoom == ZOOM_ARENA
               ? HEAP_POOLS_PER_ARENA : 0;
    default:
        return 0;
    }
}

/* Up, Down, PgUp, PgDn: move the cursor (Heap, Memory) or scroll. */
static void
move(const History *h, UiState *ui, int delta)
{
    PaneId p = ui->focus;
    int rows = pane_rows(h, ui, p);
    int page = ui->panes[p].h > 3 ? ui->panes[p].h - 3 : 1;

    if (rows > 0) {
        int c = ui->cursor[p] + delta;
        c = c < 0 ? 0 : c >= rows ? rows - 1 : c;
        ui->cursor[p] = c;
        if (p == PANE_HEAP) {
            /* Keep the cursor in view: the pane shows page rows. */
            if (c < ui->scroll[p]) {
                ui->scroll[p] = c;
            } else if (c >= ui->scroll[p] + page) {
                ui->scroll[p] = c - page + 1;
            }
        }
        return;
    }
    ui->scroll[p] += delta;
    if (ui->scroll[p] < 0) {
        ui->scroll[p] = 0;
    }
}

UiResult
ui_key(History *h, UiState *ui, int key)
{
    int page = ui->panes[ui->focus].h > 3 ? ui->panes[ui->focus].h - 3 : 1;

    if (ui->help) {
        if (key == '?' || key == PK_ESCAPE || key == 'q') {
            ui->help = 0;
            return UI_REDRAW;
        }
        return UI_NOTHING;
    }
    if (ui->keys.prompt == 0 && !ui->keys.has_count) {
        switch (key) {
        case '?':
            ui->help = 1;
            return UI_REDRAW;
        case PK_TAB:
            do {
                ui->focus = (PaneId)((ui->focus + 1) % PANE_COUNT);
            } while (ui->hidden[ui->focus]);
            if (ui->maximised >= 0) {
                ui->maximised = (int)ui->focus;
            }
            return UI_REDRAW;
        case PK_UP:
            move(h, ui, -1);
            return UI_REDRAW;
        case PK_DOWN:
            move(h, ui, 1);
            return UI_REDRAW;
        case PK_PAGEUP:
            move(h, ui, -page);
            return UI_REDRAW;
        case PK_PAGEDOWN:
            move(h, ui, page);
            return UI_REDRAW;
        case PK_ENTER:
            if (ui->focus == PANE_HEAP) {
                Handle x;
                if (view_heap_rows(h, ui, &x, 1, ui->cursor[PANE_HEAP]) == 1) {
                    ui->selected = ui->selected == x ? NULL_HANDLE : x;
                }
            } else if (ui->focus == PANE_MEMORY) {
                zoom_in(h, ui);
            }
            return UI_REDRAW;
        case '+':
            zoom_in(h, ui);
            return UI_REDRAW;
        case '-':
            zoom_out(ui);
            return UI_REDRAW;
        case PK_ESCAPE:
            ui->selected = NULL_HANDLE;
            return UI_REDRAW;
        case 'm':
            ui->maximised = ui->maximised >= 0 ? -1 : (int)ui->focus;
            return UI_REDRAW;
        case 'x': {
            int shown = 0;
            for (int p = 0; p < PANE_COUNT; p++) {
                shown += !ui->hidden[p];
            }
            if (shown > 1) {
                ui->hidden[ui->focus] = 1;
                do {
                    ui->focus = (PaneId)((ui->focus + 1) % PANE_COUNT);
                } while (ui->hidden[ui->focus]);
            }
            return UI_REDRAW;
        }
        case 'a':
            memset(ui->hidden, 0, sizeof ui->hidden);
            return UI_REDRAW;
        case 's':
            ui->statics = !ui->statics;
            ui->scroll[PANE_HEAP] = ui->cursor[PANE_HEAP] = 0;
            return UI_REDRAW;
        case 'V':
            ui->theme = (Theme)((ui->theme + 1) % THEME_COUNT);
            return UI_REDRAW;
        default:
            break;
        }
    }
    switch (keys_feed(h, &ui->keys, key)) {
    case KEYS_QUIT:
        return UI_QUIT;
    case KEYS_UNKNOWN:
        return UI_UNKNOWN;
    default:
        return UI_REDRAW;
    }
}

UiResult
ui_click(History *h, UiState *ui, const Scene *sc, int x, int y)
{
    if (x < 0 || y < 0 || x >= sc->w || y >= sc->h || ui->help) {
        return UI_NOTHING;
    }
    for (int p = 0; p < PANE_COUNT; p++) {
        Rect r = ui->panes[p];
        if (x < r.x || x >= r.x + r.w || y < r.y || y >= r.y + r.h) {
            continue;
        }
        ui->focus = (PaneId)p;
        Handle obj = sc->cells[y * sc->w + x].obj;
        if (obj != NULL_HANDLE) {
            ui->selected = obj;
        } else if (p == PANE_SOURCE && y > r.y && y < r.y + r.h - 1) {
            /* The line number of that row: read it off the scene. */
            int line = 0;
            for (int cx = r.x + 1; cx < r.x + r.w && cx < r.x + 8; cx++) {
                uint32_t c = sc->cells[y * sc->w + cx].ch;
                if (c >= '0' && c <= '9') {
                    line = line * 10 + (int)(c - '0');
                } else if (line > 0) {
                    break;
                }
            }
            if (line > 0) {
                snprintf(h->msg, sizeof h->msg, "breakpoint %s line %d",
                         history_toggle_break(h, (uint32_t)line) ? "set at" : "removed from", line);
            }
        }
        return UI_REDRAW;
    }
    return UI_NOTHING;
}
