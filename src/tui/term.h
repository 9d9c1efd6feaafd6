/*
 * term.h: the terminal under the TUI: set-up and restore, colours,
 * signals and drawing a Scene.  Everything that changes the terminal's
 * modes is in term.c; tui.c only reads keys and runs the loop.
 */
#ifndef PYMEMSIM_TUI_TERM_H
#define PYMEMSIM_TUI_TERM_H

#include "render/scene.h"
#include "render/ui.h"

/*
 * Take over the terminal on standard input and output.  want_theme and
 * want_ascii are the options (-1: choose); the theme and lines chosen
 * are stored in *theme and *ascii.  Returns 0, or -1 after a message on
 * stderr with the terminal as it was.
 */
int term_open(int want_theme, int want_ascii, Theme *theme, int *ascii);

/* Give the terminal back as it was (endwin); safe to call twice. */
void term_close(void);

/* Restore the terminal, then print "pymemsim: MESSAGE" and exit 2. */
_Noreturn void term_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The signal (SIGINT, SIGTERM, SIGHUP) that asked us to stop, or 0;
 * term_signal_clear forgets it (a Ctrl-C that stopped a run). */
int term_signal(void);
void term_signal_clear(void);

/* Show sc in theme, one cell per column, in one update of the terminal. */
void term_show(const Scene *sc, Theme theme);

/* Repaint the whole screen at the next term_show (after Ctrl-L). */
void term_repaint(void);

#endif
