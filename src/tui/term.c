/*
 * term.c: set-up, colours, signals and output of the curses terminal.
 *
 * The life of the terminal, and who may print when:
 *
 *   closed   stdio is ours: history_open and usage errors print here.
 *   open     term_open has called newterm; curses owns the screen and
 *            nothing may be written to stdout or stderr.  Frames go out
 *            through term_show.
 *   closed   term_close (or term_die) has called endwin: the alternate
 *            screen is gone, the modes are back, and messages may be
 *            printed again.
 *
 * Signals: SIGINT, SIGTERM and SIGHUP only record their number in a
 * flag; the loop in tui.c sees it within one key timeout, closes the
 * terminal and returns 128 + the number.  Our handlers are installed
 * after newterm, so they replace the ones ncurses installs for SIGINT
 * and SIGTERM (which would end the program without freeing anything).
 * A signal ignored when we start stays ignored.  SIGWINCH is left to
 * ncurses, which resizes the screen and reports KEY_RESIZE, and so is
 * SIGTSTP (suspend and resume).
 *
 * Colours: each style's look in the theme (theme_look) becomes curses
 * attributes and a colour pair, one pair for each (foreground,
 * background) that some style uses; -1 is the terminal's own colour
 * where use_default_colors() allows it, white on black otherwise.  The
 * pairs are made again when the theme changes (the V key).  A
 * monochrome theme, or a terminal without colours, uses no pairs at
 * all, only the attributes; colour is started only when first needed,
 * so a monochrome session sends no colour to the terminal.
 */
#include <config.h>

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <term.h>
#include <unistd.h>
#include <wchar.h>

#include "core/xalloc.h"
#include "render/text.h"
#include "tui/term.h"

static SCREEN *screen;                 /* the open terminal, or NULL */
static volatile sig_atomic_t stop_signal;

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define NSTOP ((int)(sizeof stop_signals / sizeof stop_signals[0]))
static struct sigaction old_actions[NSTOP];
static int installed[NSTOP];

static int can_colour;                 /* the terminal has 8 colours or more */
static int colour_started, default_colours;
static Theme theme_shown;              /* the theme of style_attrs and style_pairs */
static attr_t style_attrs[STYLE_COUNT];
static short style_pairs[STYLE_COUNT];

static cchar_t *row;                   /* one row of a frame */
static int row_cap;

static void
on_stop_signal(int signo)
{
    stop_signal = signo;
}

int
term_signal(void)
{
    return stop_signal;
}

void
term_signal_clear(void)
{
    stop_signal = 0;
}

static void
install_signals(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;            /* no SA_RESTART: a read returns at once */
    for (int i = 0; i < NSTOP; i++) {
        struct sigaction old;
        installed[i] = 0;
        if (sigaction(stop_signals[i], NULL, &old) < 0 || old.sa_handler == SIG_IGN) {
            continue;
        }
        if (sigaction(stop_signals[i], &sa, &old_actions[i]) == 0) {
            installed[i] = 1;
        }
    }
}

static void
restore_signals(void)
{
    for (int i = 0; i < NSTOP; i++) {
        if (installed[i]) {
            sigaction(stop_signals[i], &old_actions[i], NULL);
            installed[i] = 0;
        }
    }
}

/* Is the locale's character set UTF-8? */
static int
locale_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);

    return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

static int
no_color_requested(void)
{
    const char *s = getenv("NO_COLOR");

    return s != NULL && s[0] != '\0';
}

/* A colour pair for (fg, bg), made on first use; 0 if out of pairs. */
static short
pair_for(int fg, int bg, int *npairs)
{
    if (!default_colours) {
        fg = fg < 0 ? COLOR_WHITE : fg;
        bg = bg < 0 ? COLOR_BLACK : bg;
        if (fg == COLOR_WHITE && bg == COLOR_BLACK) {
            return 0;
        }
    } else if (fg < 0 && bg < 0) {
        return 0;
    }
    for (short p = 1; p <= *npairs; p++) {
        short pf, pb;
        if (pair_content(p, &pf, &pb) == OK && pf == fg && pb == bg) {
            return p;
        }
    }
    if (*npairs + 1 >= COLOR_PAIRS) {
        return 0;
    }
    (*npairs)++;
    init_pair((short)*npairs, (short)fg, (short)bg);
    return (short)*npairs;
}

/* The attributes and pair of every style in theme. */
static void
set_up_styles(Theme theme)
{
    int colour = can_colour && theme != THEME_MONO, npairs = 0;

    if (colour && !colour_started) {
        start_color();
#ifdef HAVE_USE_DEFAULT_COLORS
        default_colours = use_default_colors() == OK;
#endif
        colour_started = 1;
    }
    for (int st = 0; st < STYLE_COUNT; st++) {
        Look l = theme_look(theme, (Style)st);
        attr_t a = A_NORMAL;
        if (l.bold) {
            a |= A_BOLD;
        }
        if (l.underline) {
            a |= A_UNDERLINE;
        }
        if (l.reverse) {
            a |= A_REVERSE;
        }
        if (l.dim) {
            a |= A_DIM;
        }
        style_attrs[st] = a;
        style_pairs[st] = colour ? pair_for(l.fg, l.bg, &npairs) : 0;
    }
    theme_shown = theme;
}

int
term_open(int want_theme, int want_ascii, Theme *theme, int *ascii)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, "pymemsim: standard input and output must be a terminal "
                "(use 'pymemsim snapshot' for text)\n");
        return -1;
    }
    /* The terminal's character set comes from the locale; numbers are
     * formatted as in every other command. */
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    *ascii = want_ascii >= 0 ? want_ascii : !locale_is_utf8();

    /* Ask terminfo about TERM first: a newterm() that fails keeps what
     * it allocated, setupterm() with an error return does not. */
    int err = 0;
    if (setupterm(NULL, STDOUT_FILENO, &err) == OK) {
        /* A terminal that cannot address the cursor (TERM=dumb, a
         * printing terminal) would get the session as a stream of
         * lines: refuse it before curses starts. */
        const char *cup = tigetstr("cup");
        int can_move = cup != NULL && cup != (const char *)-1;
        const char *t = getenv("TERM");
        del_curterm(cur_term);
        if (!can_move) {
            fprintf(stderr, "pymemsim: the terminal '%s' cannot move the cursor; the "
                    "full-screen session needs one (try TERM=xterm-256color, or use "
                    "'pymemsim snapshot' for text)\n", t != NULL ? t : "unknown");
            return -1;
        }
        screen = newterm(NULL, stdout, stdin);
    }
    if (screen == NULL) {
        const char *t = getenv("TERM");
        if (t == NULL || t[0] == '\0') {
            fprintf(stderr, "pymemsim: TERM is not set; cannot use the terminal\n");
        } else {
            fprintf(stderr, "pymemsim: cannot use the terminal type '%s'%s\n", t,
                    err < 0 ? " (no terminfo database found)" : "");
        }
        return -1;
    }
    set_term(screen);
    install_signals();
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    curs_set(0);
#ifdef HAVE_SET_ESCDELAY
    set_escdelay(25);
#endif
    mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED
#if NCURSES_MOUSE_VERSION > 1
              | BUTTON5_PRESSED
#endif
              , NULL);
    mouseinterval(0);

    /* COLORS is set only by start_color(), which a monochrome session
     * never calls; terminfo has the number already. */
    can_colour = has_colors() && tigetnum("colors") >= 8;
    colour_started = default_colours = 0;
    if (want_theme >= 0) {
        *theme = (Theme)want_theme;
    } else {
        *theme = no_color_requested() || !can_colour ? THEME_MONO : THEME_DEFAULT;
    }
    set_up_styles(*theme);
    return 0;
}

void
term_close(void)
{
    if (screen == NULL) {
        return;
    }
    if (!isendwin()) {
        endwin();
    }
    delscreen(screen);
    screen = NULL;
    restore_signals();
    free(row);
    row = NULL;
    row_cap = 0;
}

void
term_die(const char *fmt, ...)
{
    va_list ap;

    term_close();
    fputs("pymemsim: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(2);
}

void
term_repaint(void)
{
    clearok(curscr, TRUE);
}

/* The character a cell shows: the Scene gives each code point one
 * column, so one that the terminal would draw wider or narrower (or not
 * at all in this locale) is shown as '?' to keep the columns in place. */
static wchar_t
cell_char(uint32_t ch)
{
    if (ch >= 0x20 && ch < 0x7f) {
        return (wchar_t)ch;
    }
    if (ch > 0x10ffff || wcwidth((wchar_t)ch) != 1) {
        return L'?';
    }
    return (wchar_t)ch;
}

void
term_show(const Scene *sc, Theme theme)
{
    int w = sc->w < COLS ? sc->w : COLS;
    int h = sc->h < LINES ? sc->h : LINES;

    if (theme != theme_shown) {
        set_up_styles(theme);
    }
    if (w > row_cap) {
        row = xrealloc(row, (size_t)w * sizeof *row);
        row_cap = w;
    }
    for (int y = 0; y < h; y++) {
        const Cell *c = &sc->cells[y * sc->w];
        for (int x = 0; x < w; x++) {
            wchar_t wc[2] = {cell_char(c[x].ch), L'\0'};
            setcchar(&row[x], wc, style_attrs[c[x].style], style_pairs[c[x].style], NULL);
        }
        /* Writes the row without moving the cursor, so the last cell of
         * the screen is drawn like any other. */
        mvadd_wchnstr(y, 0, row, w);
    }
    wnoutrefresh(stdscr);
    doupdate();
}
