/*
 * tui.c: the TUI's loop: draw a frame, read a key, hand it to the UI.
 *
 * Each frame is built from nothing: a Scene the size of the terminal is
 * cleared, ui_draw() fills it and term_show() copies it out.  A frame
 * is drawn only when something changed (a key the UI handled, a resize,
 * Ctrl-L).  Keys are read with a timeout so that a stop signal's flag
 * is seen within a tenth of a second even when no key comes.
 *
 * Curses keys become the key codes of hist/keys.h, the ones `--keys'
 * names, so a session can be replayed by `pymemsim snapshot --keys':
 *
 *   arrows, Home, End    <Right> <Left> <Up> <Down> <Home> <End>
 *   Page Up/Down         <PageUp> <PageDown>
 *   Enter, Return        <Enter>
 *   Esc                  <Escape>
 *   Tab                  <Tab>
 *   Backspace, DEL       <BSpace>
 *   printable characters themselves (space too)
 *   mouse button 1       ui_click at the cell
 *   mouse wheel          <Up> and <Down>
 */
#include <config.h>

#include <curses.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/xalloc.h"
#include "hist/history.h"
#include "app/control.h"
#include "app/menu.h"
#include "app/session.h"
#include "render/scene.h"
#include "render/ui.h"
#include "tui/term.h"
#include "tui/tui.h"

/* Milliseconds to wait for a key before looking at the signal flag. */
#define KEY_TIMEOUT_MS 100
/* Reads that fail at once this many times in a row: input is gone. */
#define MAX_FAST_ERRORS 100

#define CTRL_L 12

void
tui_options_init(TuiOptions *opt)
{
    opt->theme = -1;
    opt->ascii = -1;
    opt->history_cap = HISTORY_DEFAULT_CAP;
    opt->lim.max_steps = VM_DEFAULT_MAX_STEPS;
    opt->lim.max_heap = VM_DEFAULT_MAX_HEAP;
    opt->lim.poll = NULL;
    opt->lim.poll_ctx = NULL;
}

/* A function key's code in hist/keys.h, or -1 for one we do not use. */
static int
function_key(wint_t k)
{
    switch (k) {
    case KEY_RIGHT:
        return PK_RIGHT;
    case KEY_LEFT:
        return PK_LEFT;
    case KEY_UP:
        return PK_UP;
    case KEY_DOWN:
        return PK_DOWN;
    case KEY_HOME:
        return PK_HOME;
    case KEY_END:
        return PK_END;
    case KEY_PPAGE:
        return PK_PAGEUP;
    case KEY_NPAGE:
        return PK_PAGEDOWN;
    case KEY_ENTER:
        return PK_ENTER;
    case KEY_BACKSPACE:
        return PK_BSPACE;
    default:
        return -1;
    }
}

/* A character's key code, or -1 for a control character we do not use. */
static int
char_key(wint_t c)
{
    switch (c) {
    case '\n':
    case '\r':
        return PK_ENTER;
    case 27:
        return PK_ESCAPE;
    case '\t':
        return PK_TAB;
    case 8:
    case 127:
        return PK_BSPACE;
    default:
        return c < 0x20 || c > 0x10ffff ? -1 : (int)c;
    }
}

/* A mouse event: a click goes to ui_click, the wheel to ui_key. */
static UiResult
mouse(History *h, UiState *ui, const Scene *sc)
{
    MEVENT ev;

    if (getmouse(&ev) != OK) {
        return UI_NOTHING;
    }
    if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
        if (ev.x < 0 || ev.y < 0 || ev.x >= sc->w || ev.y >= sc->h) {
            return UI_NOTHING;
        }
        return ui_click(h, ui, sc, ev.x, ev.y);
    }
    if (ev.bstate & BUTTON4_PRESSED) {
        return ui_key(h, ui, PK_UP);
    }
#if NCURSES_MOUSE_VERSION > 1
    if (ev.bstate & BUTTON5_PRESSED) {
        return ui_key(h, ui, PK_DOWN);
    }
#endif
    return UI_NOTHING;
}

static long
now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * A move under way (the history's poll, every VM_POLL_EVERY
 * instructions): after RUNNING_SHOW_MS the status line says it is
 * running, with the instruction count, refreshed every
 * RUNNING_REDRAW_MS; any key, Ctrl-C included, stops it where it is; a
 * SIGTERM or SIGHUP stops it and then the session.
 */
#define RUNNING_SHOW_MS 150
#define RUNNING_REDRAW_MS 100

typedef struct Running {
    const History *h;
    long start, drawn;
} Running;

static Running running;

static void
show_running(const Running *r)
{
    const Sim *w = &r->h->work;
    char line[160];
    int n = snprintf(line, sizeof line, " running: %" PRIu64 " instructions, %.1f s"
                     "   any key stops", w->vm.ninstr, (double)(now_ms() - r->start) / 1000.0);

    if (n < 0 || LINES < 1) {
        return;
    }
    attrset(A_REVERSE);
    mvaddnstr(LINES - 1, 0, line, COLS);
    for (int x = n; x < COLS; x++) {
        addch(' ');
    }
    attrset(A_NORMAL);
    refresh();
}

static VmPollResult
tui_poll(void *ctx)
{
    Running *r = ctx;
    int sig = term_signal();

    if (sig != 0) {
        if (sig == SIGINT) {
            term_signal_clear();        /* Ctrl-C stops the run, not us */
        }
        return VM_STOP;
    }
    long t = now_ms();
    if (t - r->start < RUNNING_SHOW_MS) {
        return VM_GO_ON;
    }
    if (t - r->drawn >= RUNNING_REDRAW_MS) {
        show_running(r);
        r->drawn = t;
    }
    wint_t k;
    timeout(0);
    int got = get_wch(&k);
    timeout(KEY_TIMEOUT_MS);
    if (got == ERR || (got == KEY_CODE_YES && (k == KEY_RESIZE || k == KEY_MOUSE))) {
        return VM_GO_ON;
    }
    return VM_STOP;
}

/* Before a key or a click goes to the UI: the poll is ready for a long
 * move. */
static void
running_begin(const History *h)
{
    running.h = h;
    running.start = running.drawn = now_ms();
}

/* After it: a Ctrl-C that came while the move ran stopped it (or came
 * too late to): it does not end the session. */
static void
running_end(void)
{
    if (term_signal() == SIGINT) {
        term_signal_clear();
    }
}

/* The loop; returns the exit status. */
static int
run(History *h, UiState *ui)
{
    Scene sc;
    int redraw = 1, fast_errors = 0, saved = 0;

    scene_init(&sc, COLS, LINES, ui->ascii);
    timeout(KEY_TIMEOUT_MS);
    for (;;) {
        int sig = term_signal();
        if (sig != 0) {
            scene_done(&sc);
            return 128 + sig;
        }
        if (redraw) {
            if (sc.w != COLS || sc.h != LINES) {
                scene_done(&sc);
                scene_init(&sc, COLS, LINES, ui->ascii);
            }
            scene_clear(&sc);
            ui_draw(h, ui, &sc);
            term_show(&sc, ui->theme);
            redraw = 0;
        }

        wint_t k;
        long t0 = now_ms();
        int r = get_wch(&k);
        UiResult res = UI_NOTHING;
        if (r == ERR) {
            /* A timeout takes KEY_TIMEOUT_MS; failing at once, again and
             * again, means the terminal is gone. */
            if (now_ms() - t0 >= KEY_TIMEOUT_MS / 2) {
                fast_errors = 0;
            } else if (++fast_errors >= MAX_FAST_ERRORS && term_signal() == 0) {
                scene_done(&sc);
                term_die("cannot read from the terminal any more");
            }
            continue;
        }
        fast_errors = 0;
        running_begin(h);
        if (r == KEY_CODE_YES) {
            if (k == KEY_RESIZE) {
                redraw = 1;
                continue;
            }
            if (k == KEY_MOUSE) {
                res = mouse(h, ui, &sc);
            } else {
                int key = function_key(k);
                res = key < 0 ? UI_NOTHING : ui_key(h, ui, key);
            }
        } else if (k == CTRL_L) {
            term_repaint();
            redraw = 1;
            continue;
        } else {
            int key = char_key(k);
            res = key < 0 ? UI_NOTHING : ui_key(h, ui, key);
        }
        running_end();
        if (res == UI_QUIT) {
            scene_done(&sc);
            return 0;
        }
        if (res == UI_REDRAW) {
            redraw = 1;
        }
        if (ui->completed && !saved && ui->lesson != NULL) {
            int asked, right, total;
            ui_score(ui, &asked, &right, &total);
            char err[200];
            if (progress_set(ui->lesson->id, right, total, err, sizeof err) < 0) {
                /* Once, on the status line, until the next key. */
                snprintf(h->msg, sizeof h->msg, "progress not saved: %s", err);
                redraw = 1;
            }
            saved = 1;
        }
    }
}

/* Home and End as terminals other than the one TERM names send them
 * (tmux and screen send ESC [ 1 ~ and ESC [ 4 ~, xterm ESC O H and
 * ESC O F or ESC [ H and ESC [ F, rxvt ESC [ 7 ~ and ESC [ 8 ~): known
 * to curses whatever terminfo says. */
static void
define_more_keys(void)
{
    static const struct { const char *seq; int key; } more[] = {
        {"\033[1~", KEY_HOME}, {"\033[4~", KEY_END}, {"\033[7~", KEY_HOME},
        {"\033[8~", KEY_END}, {"\033OH", KEY_HOME}, {"\033OF", KEY_END},
        {"\033[H", KEY_HOME}, {"\033[F", KEY_END},
    };

    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) {
        if (key_defined(more[i].seq) == 0) {
            define_key(more[i].seq, more[i].key);
        }
    }
}

/* While a lesson's headless run loads it from the menu: only a signal
 * stops it. */
static VmPollResult
signal_poll(void *ctx)
{
    (void)ctx;
    return term_signal() != 0 ? VM_STOP : VM_GO_ON;
}

static void
attach_poll(History *h, const VmLimits *lim)
{
    VmLimits l = *lim;

    l.poll = tui_poll;
    l.poll_ctx = &running;
    history_set_limits(h, &l);
}

int
tui_run(const char *path, const TuiOptions *opt)
{
    Session ses;
    UiState ui;
    Theme theme;
    int ascii;

    if (session_open(&ses, path, opt->history_cap, &opt->lim) < 0) {
        return 2;
    }
    attach_poll(ses.h, &opt->lim);
    if (term_open(opt->theme, opt->ascii, &theme, &ascii) < 0) {
        session_close(&ses);
        return 2;
    }
    define_more_keys();
    ui_init(&ui);
    ui.theme = theme;
    ui.ascii = ascii;
    session_attach(&ses, &ui);
    int status = run(ses.h, &ui);
    term_close();
    ui_done(&ui);
    session_close(&ses);
    return status;
}

/* The lesson menu: choose, step through, come back. */
int
tui_menu(const TuiOptions *opt)
{
    Menu menu;
    Theme theme;
    int ascii, status = 0;

    memset(&menu, 0, sizeof menu);
    menu_load(&menu);
    if (term_open(opt->theme, opt->ascii, &theme, &ascii) < 0) {
        menu_done(&menu);
        return 2;
    }
    define_more_keys();
    Scene sc;
    scene_init(&sc, COLS, LINES, ascii);
    timeout(KEY_TIMEOUT_MS);
    for (int redraw = 1;;) {
        int sig = term_signal();
        if (sig != 0) {
            status = 128 + sig;
            break;
        }
        if (redraw) {
            if (sc.w != COLS || sc.h != LINES) {
                scene_done(&sc);
                scene_init(&sc, COLS, LINES, ascii);
            }
            menu_draw(&menu, &sc);
            term_show(&sc, theme);
            redraw = 0;
        }
        wint_t k;
        int r = get_wch(&k);
        if (r == ERR) {
            continue;
        }
        if (r == KEY_CODE_YES && k == KEY_RESIZE) {
            redraw = 1;
            continue;
        }
        int key = r == KEY_CODE_YES ? function_key(k) : char_key(k);
        MenuResult res = key < 0 ? MENU_NOTHING : menu_key(&menu, key);
        if (res == MENU_QUIT) {
            break;
        }
        if (res == MENU_OPEN) {
            Session ses;
            const char *path = menu.items[menu.selected].l.path;
            /* The menu only lists lessons whose header reads; a lesson
             * that does not load says why on the status line. */
            VmLimits lim = opt->lim;
            lim.poll = signal_poll;
            if (session_open_quiet(&ses, path, opt->history_cap, &lim, menu.msg,
                                   sizeof menu.msg) == 0) {
                UiState ui;
                attach_poll(ses.h, &opt->lim);
                ui_init(&ui);
                ui.theme = theme;
                ui.ascii = ascii;
                session_attach(&ses, &ui);
                status = run(ses.h, &ui);
                ui_done(&ui);
                session_close(&ses);
                if (status != 0) {
                    break;
                }
                menu_load(&menu);
            }
        }
        redraw = 1;
    }
    scene_done(&sc);
    term_close();
    menu_done(&menu);
    return status;
}
