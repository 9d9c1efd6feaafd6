/*
 * cli_dump.c: `pymemsim dump FILE': step through FILE headless, as the
 * TUI would, and print the state reached as JSON.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/control.h"
#include "cli.h"
#include "hist/dump.h"
#include "hist/history.h"
#include "hist/keys.h"
#include "render/ui.h"

void
step_options_init(StepOptions *o)
{
    memset(o, 0, sizeof *o);
    o->by = STEP_LINE;
    o->cap = HISTORY_DEFAULT_CAP;
    o->lim.max_steps = VM_DEFAULT_MAX_STEPS;
    o->lim.max_heap = VM_DEFAULT_MAX_HEAP;
}

int
step_option(StepOptions *o, int c, const char *arg, const char *cmd)
{
    switch (c) {
    case 'a':
        o->at = arg;
        if (strcmp(arg, "end") != 0 && cli_parse_count(arg, &o->n) < 0) {
            return -cli_usage_error(cmd, "--at wants a step number or 'end', not '%s'", arg);
        }
        return 1;
    case 'b':
        if (cli_parse_step_size(arg, &o->by) < 0) {
            return -cli_usage_error(cmd, "--by wants event, instruction or line, not '%s'", arg);
        }
        return 1;
    case 'k':
        o->keys = arg;
        return 1;
    case 'c':
        if (cli_parse_size(arg, &o->cap) < 0 || o->cap == 0) {
            return -cli_usage_error(cmd, "--history-cap wants a size such as 512M, not '%s'", arg);
        }
        return 1;
    default:
        return limit_option(&o->lim, c, arg, cmd);
    }
}

void
step_options_apply(History *h, const StepOptions *o)
{
    history_set_limits(h, &o->lim);
    h->size = o->by;
    if (o->at == NULL) {
        return;
    }
    if (strcmp(o->at, "end") == 0) {
        history_to_end(h);
    } else {
        history_goto(h, o->by, o->n);
    }
    if (h->msg[0] != '\0') {
        fprintf(stderr, "pymemsim: %s\n", h->msg);
    }
}

/* Apply a --keys string; 0, or 2 after a message. */
int
cli_apply_keys(History *h, UiState *ui, Scene *sc, const char *s)
{
    size_t max = strlen(s) + 1;
    int *keys = malloc(max * sizeof *keys);
    char err[160];

    if (keys == NULL) {
        return 2;
    }
    long n = keys_parse(s, keys, max, err, sizeof err);
    if (n < 0) {
        fprintf(stderr, "pymemsim: --keys: %s\n", err);
        free(keys);
        return 2;
    }
    /* The keys go through the view keys first, as in the TUI, so that
     * one key string serves dump, snapshot and the TUI alike; a Scene is
     * drawn after each key when one is given (page sizes depend on it). */
    UiState local;
    if (ui == NULL) {
        ui = &local;
        ui_init(ui);
    }
    for (long i = 0; i < n; i++) {
        UiResult r = ui_key(h, ui, keys[i]);
        if (r == UI_QUIT) {
            break;
        }
        if (sc != NULL) {
            ui_draw(h, ui, sc);
        }
        if (r == UI_UNKNOWN) {
            char name[32];
            fprintf(stderr, "pymemsim: --keys: '%s' at position %ld is not a key of pymemsim\n",
                    keys_name(keys[i], name, sizeof name), i + 1);
            free(keys);
            return 2;
        }
    }
    free(keys);
    return 0;
}

int
cli_dump(int argc, char **argv)
{
    static const struct option longopts[] = {STEP_LONGOPTS, HELP_LONGOPT, {NULL, 0, NULL, 0}};
    StepOptions o;
    int c;

    step_options_init(&o);
    optind = 0;             /* rescan from the start (GNU getopt) */
    while ((c = cli_getopt(argc, argv, ":h", longopts, "dump")) != -1) {
        if (c == 'h') {
            return CLI_HELP;
        }
        if (step_option(&o, c, optarg, "dump") <= 0) {
            return 2;       /* after the message */
        }
    }
    if (cli_operands(argc, argv, 1, 1, "FILE", "dump") != 0) {
        return 2;
    }
    History *h = malloc(sizeof *h);
    if (h == NULL || history_open(h, argv[optind], o.cap) < 0) {
        free(h);
        return 2;
    }
    step_options_apply(h, &o);
    int status = o.keys != NULL ? cli_apply_keys(h, NULL, NULL, o.keys) : 0;
    if (status == 0) {
        dump_json(stdout, h);
    }
    history_close(h);
    free(h);
    return status;
}
