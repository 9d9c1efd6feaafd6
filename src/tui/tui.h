/*
 * tui.h: the interactive front end, `pymemsim FILE'.
 *
 * tui_run() opens a program's history and shows it full screen with
 * curses: every frame is a Scene drawn by ui_draw() and copied cell by
 * cell to the terminal, so the screen is exactly what `pymemsim
 * snapshot' prints for the same keys and size.  Keys and clicks go to
 * ui_key() and ui_click() (app/control.h).  This folder is the only one that includes
 * curses.
 */
#ifndef PYMEMSIM_TUI_TUI_H
#define PYMEMSIM_TUI_TUI_H

#include <stddef.h>
#include <stdint.h>

#include "py/vm.h"
#include "render/ui.h"

typedef struct TuiOptions {
    int theme;                 /* a Theme, or -1: mono when NO_COLOR is
                                * set or the terminal has no colours,
                                * default otherwise */
    int ascii;                 /* 1 ASCII lines, 0 Unicode, -1: Unicode
                                * when the locale's codeset is UTF-8 */
    size_t history_cap;        /* bytes of checkpoints for stepping back */
    VmLimits lim;              /* the budget and the heap limit (the
                                * poll is the session's own) */
} TuiOptions;

/* The defaults: choose theme and lines, HISTORY_DEFAULT_CAP, the
 * default limits of py/vm.h. */
void tui_options_init(TuiOptions *opt);

/*
 * Run the TUI on the program at path until the student quits.  Returns
 * the exit status: 0 after q, 128 + the signal's number after SIGINT,
 * SIGTERM or SIGHUP, 2 if the program cannot be loaded (the message
 * printed by history_open, the terminal untouched) or the terminal
 * cannot be used (a message after the terminal is restored).
 */
int tui_run(const char *path, const TuiOptions *opt);

/* The lesson menu (`pymemsim' on a terminal without FILE); the same
 * exit statuses. */
int tui_menu(const TuiOptions *opt);

#endif
