/*
 * control.c: keys and clicks.  A key goes, in order, to the help
 * overlay, to the question being asked, to the lesson's summary, to
 * Space in a lesson, to the view keys and last to the stepping keys of
 * hist/keys.c; after any move the lesson's progress follows
 * (ui_moved).
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "app/control.h"
#include "app/session.h"
#include "hist/keys.h"
#include "render/views.h"

/* A key while a question is asked. */
static UiResult
answer_key(UiState *ui, int key)
{
    size_t n = strlen(ui->answer);

    if (key == PK_ENTER || key == '\r' || key == '\n') {
        if (n == 0) {
            return UI_NOTHING;
        }
        const Firing *f = &ui->run->f[ui->asking];
        ui->answers[ui->asking] = value_matches(&f->value, ui->answer) ? 1 : 2;
        ui->feedback = ui->asking;
        ui->asking = -1;
        return UI_REDRAW;
    }
    if (key == PK_ESCAPE) {
        ui->answers[ui->asking] = 3;
        ui->feedback = ui->asking;
        ui->asking = -1;
        return UI_REDRAW;
    }
    if (key == PK_BSPACE) {
        if (n > 0) {
            ui->answer[n - 1] = '\0';
        }
        return UI_REDRAW;
    }
    if (key == PK_SPACE) {
        key = ' ';
    }
    if (key >= 0x20 && key < 0x7f && n + 1 < sizeof ui->answer) {
        ui->answer[n] = (char)key;
        ui->answer[n + 1] = '\0';
        return UI_REDRAW;
    }
    return UI_NOTHING;
}

/* Space in a lesson: on to the next pause or question (or the end). */
static void
lesson_continue(History *h, const UiState *ui)
{
    uint64_t seq = history_current(h)->pos.seq;

    for (size_t i = 0; i < ui->run->n; i++) {
        const Firing *f = &ui->run->f[i];
        DirKind k = ui->lesson->dirs[f->dir].kind;
        if (f->seq > seq && (k == DIR_PAUSE || (k == DIR_ASK && ui->answers[i] == 0))) {
            history_goto_seq(h, f->seq);
            return;
        }
    }
    history_to_end(h);
}

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

/* The view keys: they change what is shown, never where the program
 * is.  UI_UNKNOWN for a key that is not one of them. */
static UiResult
view_key(const History *h, UiState *ui, int key)
{
    int page = ui->panes[ui->focus].h > 3 ? ui->panes[ui->focus].h - 3 : 1;

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
        return UI_UNKNOWN;
    }
}

UiResult
ui_key(History *h, UiState *ui, int key)
{
    if (ui->help) {
        if (key == '?' || key == PK_ESCAPE || key == 'q') {
            ui->help = 0;
            return UI_REDRAW;
        }
        return UI_NOTHING;
    }
    if (ui->asking >= 0) {
        return answer_key(ui, key);
    }
    if (ui->completed && !ui->summary_closed && key != 'q') {
        ui->summary_closed = 1;     /* any key closes the summary */
        return UI_REDRAW;
    }
    uint64_t from = history_current(h)->pos.seq;
    if (ui->lesson != NULL && (key == ' ' || key == PK_SPACE) && ui->keys.prompt == 0) {
        lesson_continue(h, ui);
        ui_moved(h, ui, from);
        return UI_REDRAW;
    }
    if (ui->keys.prompt == 0 && !ui->keys.has_count) {
        UiResult r = view_key(h, ui, key);
        if (r != UI_UNKNOWN) {
            return r;
        }
    }
    switch (keys_feed(h, &ui->keys, key)) {
    case KEYS_QUIT:
        return UI_QUIT;
    case KEYS_UNKNOWN:
        return UI_UNKNOWN;
    case KEYS_PENDING:
        return UI_REDRAW;
    default:
        ui_moved(h, ui, from);
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
