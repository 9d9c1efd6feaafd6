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
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"
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

void
ui_lesson(History *h, UiState *ui, const Lesson *l, const LessonRun *r)
{
    ui->lesson = l;
    ui->run = r;
    free(ui->answers);
    ui->answers = xcalloc(r->n + 1, 1);
    for (size_t i = 0; i < l->ndirs; i++) {
        if (l->dirs[i].kind == DIR_BREAK && !history_is_break(h, (uint32_t)l->dirs[i].target)) {
            history_toggle_break(h, (uint32_t)l->dirs[i].target);
        }
    }
}

int
session_open(Session *s, const char *path, size_t cap, const VmLimits *lim)
{
    memset(s, 0, sizeof *s);
    if (lesson_is_lesson(path)) {
        char err[512];
        s->lesson = lesson_load(path, err, sizeof err);
        if (s->lesson == NULL) {
            if (err[0] != '\0') {
                fprintf(stderr, "pymemsim: %s\n", err);
            }
            return -1;
        }
        if (lesson_run(s->lesson, &s->run, lim) < 0) {
            lesson_free(s->lesson);
            return -1;
        }
    }
    s->h = xmalloc(sizeof *s->h);
    if (history_open(s->h, path, cap) < 0) {
        free(s->h);
        s->h = NULL;
        session_close(s);
        return -1;
    }
    if (lim != NULL) {
        history_set_limits(s->h, lim);
    }
    return 0;
}

int
session_open_quiet(Session *s, const char *path, size_t cap, const VmLimits *lim, char *msg,
                   size_t size)
{
    /* Errors go to stderr: catch them in a temporary file. */
    FILE *tmp = tmpfile();
    int saved = -1;

    if (tmp != NULL) {
        fflush(stderr);
        saved = dup(2);
        dup2(fileno(tmp), 2);
    }
    int r = session_open(s, path, cap, lim);
    if (tmp != NULL) {
        fflush(stderr);
        dup2(saved, 2);
        close(saved);
        rewind(tmp);
        if (fgets(msg, (int)size, tmp) == NULL) {
            msg[0] = '\0';
        }
        msg[strcspn(msg, "\n")] = '\0';
        fclose(tmp);
    }
    return r;
}

void
session_attach(Session *s, UiState *ui)
{
    if (s->lesson != NULL) {
        ui_lesson(s->h, ui, s->lesson, &s->run);
    }
}

void
session_close(Session *s)
{
    if (s->h != NULL) {
        history_close(s->h);
        free(s->h);
    }
    if (s->lesson != NULL) {
        lesson_run_done(&s->run);
        lesson_free(s->lesson);
    }
    memset(s, 0, sizeof *s);
}

void
ui_score(const UiState *ui, int *asked, int *right, int *total)
{
    *asked = *right = *total = 0;
    for (size_t i = 0; ui->run != NULL && i < ui->run->n; i++) {
        if (ui->lesson->dirs[ui->run->f[i].dir].kind != DIR_ASK) {
            continue;
        }
        (*total)++;
        *asked += ui->answers[i] != 0;
        *right += ui->answers[i] == 1;
    }
}

/* After a move: the lesson's directives between the furthest point seen
 * and here take effect (show, step), and a question at this very point
 * is asked if it has not been. */
static void
lesson_arrive(const History *h, UiState *ui)
{
    const Sim *s = history_current(h);
    uint64_t seq = s->pos.seq;

    ui->feedback = -1;
    if (ui->lesson == NULL) {
        return;
    }
    for (size_t i = 0; i < ui->run->n; i++) {
        const Firing *f = &ui->run->f[i];
        const Directive *d = &ui->lesson->dirs[f->dir];
        if (f->seq > ui->seen && f->seq <= seq) {
            if (d->kind == DIR_SHOW) {
                if (d->arg < 0) {
                    ui->maximised = -1;
                } else {
                    ui->focus = (PaneId)d->arg;
                    ui->maximised = d->arg;
                }
            }
        }
        if (f->seq == seq && d->kind == DIR_ASK && ui->answers[i] == 0 && ui->asking < 0) {
            ui->asking = (long)i;
            ui->answer[0] = '\0';
        }
    }
    if (seq > ui->seen) {
        ui->seen = seq;
    }
    if (sim_last(s)->kind == EV_END && !ui->completed) {
        ui->completed = 1;
    }
}

/* The step size a lesson set last before the current point. */
static void
lesson_step_size(History *h, const UiState *ui, uint64_t from, uint64_t to)
{
    for (size_t i = 0; ui->lesson != NULL && i < ui->run->n; i++) {
        const Firing *f = &ui->run->f[i];
        const Directive *d = &ui->lesson->dirs[f->dir];
        if (d->kind == DIR_STEP && f->seq > from && f->seq <= to) {
            h->size = (StepSize)d->arg;
        }
    }
}

void
ui_moved(History *h, UiState *ui, uint64_t from)
{
    lesson_step_size(h, ui, from, history_current(h)->pos.seq);
    lesson_arrive(h, ui);
}

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
    int asked, right, total;
    char line[160];

    ui_score(ui, &asked, &right, &total);
    int w = 60 < sc->w - 2 ? 60 : sc->w - 2, h = 8 < sc->h - 1 ? 8 : sc->h - 1;
    Rect r = {(sc->w - w) / 2, (sc->h - 1 - h) / 2, w, h};
    scene_fill(sc, r, ' ', STYLE_HELP);
    Rect in = scene_frame(sc, r, "Lesson complete", 1);
    int y = scene_wrap(sc, in, 1, 1, ui->lesson->title, STYLE_TITLE) + 1;
    snprintf(line, sizeof line, "Questions: %d right of %d (%d skipped or not reached).", right,
             total, total - asked + (asked - right - (asked - right)));
    int wrong = 0, skipped = 0;
    for (size_t i = 0; i < ui->run->n; i++) {
        wrong += ui->answers[i] == 2;
        skipped += ui->answers[i] == 3;
    }
    snprintf(line, sizeof line, "Questions: %d right, %d wrong, %d skipped, of %d.", right, wrong,
             skipped + (total - asked), total);
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
    if (ui->asking >= 0) {
        return answer_key(ui, key);
    }
    if (ui->completed && !ui->summary_closed && key != 'q') {
        ui->summary_closed = 1;     /* any key closes the summary */
        return UI_REDRAW;
    }
    if (ui->lesson != NULL && (key == ' ' || key == PK_SPACE) && ui->keys.prompt == 0) {
        uint64_t from = history_current(h)->pos.seq;
        lesson_continue(h, ui);
        lesson_step_size(h, ui, from, history_current(h)->pos.seq);
        lesson_arrive(h, ui);
        return UI_REDRAW;
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
    uint64_t from = history_current(h)->pos.seq;
    switch (keys_feed(h, &ui->keys, key)) {
    case KEYS_QUIT:
        return UI_QUIT;
    case KEYS_UNKNOWN:
        return UI_UNKNOWN;
    case KEYS_PENDING:
        return UI_REDRAW;
    default:
        lesson_step_size(h, ui, from, history_current(h)->pos.seq);
        lesson_arrive(h, ui);
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
