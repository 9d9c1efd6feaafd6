/*
 * cli_snapshot.c: `pymemsim snapshot FILE': the screen the TUI would
 * show after the same steps and keys, as plain or ANSI text.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "cli.h"
#include "render/scene.h"
#include "render/text.h"
#include "render/ui.h"

int
cli_parse_theme(const char *s, Theme *out)
{
    int i = cli_name_index(s, theme_names, THEME_COUNT);

    if (i < 0) {
        return -1;
    }
    *out = (Theme)i;
    return 0;
}

int
cli_snapshot(int argc, char **argv)
{
    static const struct option longopts[] = {
        STEP_LONGOPTS,
        {"size", required_argument, NULL, 's'},
        {"ansi", no_argument, NULL, 'A'},
        {"theme", required_argument, NULL, 't'},
        {"ascii", no_argument, NULL, 'x'},
        HELP_LONGOPT,
        {NULL, 0, NULL, 0},
    };
    StepOptions o;
    int w = 120, hgt = 40, ansi = 0, ascii = 0, c;
    Theme theme = THEME_DEFAULT;

    step_options_init(&o);
    optind = 0;             /* rescan from the start (GNU getopt) */
    while ((c = cli_getopt(argc, argv, ":h", longopts, "snapshot")) != -1) {
        int r = step_option(&o, c, optarg, "snapshot");
        if (r < 0) {
            return 2;
        }
        if (r > 0) {
            continue;
        }
        switch (c) {
        case 's':
            if (cli_parse_dims(optarg, &w, &hgt) < 0) {
                return cli_usage_error("snapshot", "--size wants WIDTHxHEIGHT such as 120x40, "
                                       "each 1 to 1000, not '%s'", optarg);
            }
            break;
        case 'A':
            ansi = 1;
            break;
        case 't':
            if (cli_parse_theme(optarg, &theme) < 0) {
                return cli_usage_error("snapshot", "--theme wants default, contrast or mono, "
                                       "not '%s'", optarg);
            }
            break;
        case 'x':
            ascii = 1;
            break;
        case 'h':
            return CLI_HELP;
        default:
            return 2;       /* after the message */
        }
    }
    if (cli_operands(argc, argv, 1, 1, "FILE", "snapshot") != 0) {
        return 2;
    }
    Session ses;
    if (session_open(&ses, argv[optind], o.cap, &o.lim) < 0) {
        return 2;
    }
    History *h = ses.h;
    UiState ui;
    ui_init(&ui);
    ui.theme = theme;
    ui.ascii = ascii;
    session_attach(&ses, &ui);
    Scene sc;
    scene_init(&sc, w, hgt, ascii);
    ui_draw(h, &ui, &sc);
    step_options_apply(h, &o);
    ui_moved(h, &ui, 0);
    ui_draw(h, &ui, &sc);
    int status = o.keys != NULL ? cli_apply_keys(h, &ui, &sc, o.keys) : 0;
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
