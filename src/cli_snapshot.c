/*
 * cli_snapshot.c: `pymemsim snapshot FILE': the screen the TUI would
 * show after the same steps and keys, as plain or ANSI text.
 */
#include <config.h>

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "render/scene.h"
#include "render/text.h"
#include "render/ui.h"

static int __attribute__((format(printf, 1, 2)))
usage_error(const char *fmt, ...)
{
    va_list ap;

    fputs("pymemsim: snapshot: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'pymemsim --help' for more information.\n", stderr);
    return 2;
}

int
cli_parse_theme(const char *s, Theme *out)
{
    for (int i = 0; i < THEME_COUNT; i++) {
        if (strcmp(s, theme_names[i]) == 0) {
            *out = (Theme)i;
            return 0;
        }
    }
    return -1;
}

int
cli_snapshot(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"at", required_argument, NULL, 'a'},
        {"by", required_argument, NULL, 'b'},
        {"keys", required_argument, NULL, 'k'},
        {"size", required_argument, NULL, 's'},
        {"ansi", no_argument, NULL, 'A'},
        {"theme", required_argument, NULL, 't'},
        {"ascii", no_argument, NULL, 'x'},
        {"history-cap", required_argument, NULL, 'c'},
        {"max-steps", required_argument, NULL, 'm'},
        {NULL, 0, NULL, 0},
    };
    const char *at = NULL, *keys = NULL;
    StepSize by = STEP_LINE;
    size_t cap = HISTORY_DEFAULT_CAP;
    uint64_t max_steps = 0, n = 0;
    int w = 120, hgt = 40, ansi = 0, ascii = 0, c;
    Theme theme = THEME_DEFAULT;

    optind = 0;             /* rescan from the start (GNU getopt) */
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case 'a':
            at = optarg;
            if (strcmp(at, "end") != 0 && cli_parse_count(at, &n) < 0) {
                return usage_error("--at wants a step number or 'end', not '%s'", optarg);
            }
            break;
        case 'b':
            if (cli_parse_step_size(optarg, &by) < 0) {
                return usage_error("--by wants event, instruction or line, not '%s'", optarg);
            }
            break;
        case 'k':
            keys = optarg;
            break;
        case 's': {
            char x;
            if (sscanf(optarg, "%d%c%d", &w, &x, &hgt) != 3 || (x != 'x' && x != 'X') || w < 1
                || hgt < 1 || w > 1000 || hgt > 1000) {
                return usage_error("--size wants WIDTHxHEIGHT such as 120x40, not '%s'", optarg);
            }
            break;
        }
        case 'A':
            ansi = 1;
            break;
        case 't':
            if (cli_parse_theme(optarg, &theme) < 0) {
                return usage_error("--theme wants default, contrast or mono, not '%s'", optarg);
            }
            break;
        case 'x':
            ascii = 1;
            break;
        case 'c':
            if (cli_parse_size(optarg, &cap) < 0 || cap == 0) {
                return usage_error("--history-cap wants a size such as 512M, not '%s'", optarg);
            }
            break;
        case 'm':
            if (cli_parse_count(optarg, &max_steps) < 0) {
                return usage_error("--max-steps wants a number, not '%s'", optarg);
            }
            break;
        default:
            return usage_error("%s", "bad option");
        }
    }
    if (argc - optind != 1) {
        return usage_error("%s", "needs exactly one FILE");
    }
    Session ses;
    if (session_open(&ses, argv[optind], cap) < 0) {
        return 2;
    }
    History *h = ses.h;
    h->max_instr = max_steps;
    h->size = by;
    UiState ui;
    ui_init(&ui);
    ui.theme = theme;
    ui.ascii = ascii;
    session_attach(&ses, &ui);
    Scene sc;
    scene_init(&sc, w, hgt, ascii);
    ui_draw(h, &ui, &sc);
    if (at != NULL) {
        if (strcmp(at, "end") == 0) {
            history_to_end(h);
        } else {
            history_goto(h, by, n);
        }
        ui_draw(h, &ui, &sc);
    }
    int status = keys != NULL ? cli_apply_keys(h, &ui, &sc, keys) : 0;
    if (status == 0) {
        ui_draw(h, &ui, &sc);
        if (ansi) {
            text_render_ansi(stdout, &sc, ui.theme);
        } else {
            text_render(stdout, &sc);
        }
    }
    scene_done(&sc);
    ui_done(&ui);
    session_close(&ses);
    return status;
}
