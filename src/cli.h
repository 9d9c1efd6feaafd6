/*
 * cli.h: the commands behind main().
 */
#ifndef PYMEMSIM_CLI_H
#define PYMEMSIM_CLI_H

#include <stddef.h>
#include <stdint.h>

#include "hist/history.h"
#include "render/ui.h"

/* Option values: sizes with K, M or G; counts; step sizes.  0 or -1. */
int cli_parse_size(const char *s, size_t *out);
int cli_parse_count(const char *s, uint64_t *out);
int cli_parse_step_size(const char *s, StepSize *out);
/* "pymemsim: CMD: message" and the --help hint on stderr; returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The options of dump and snapshot that say where to go. */
typedef struct StepOptions {
    const char *at;            /* --at: a number, "end", or NULL */
    uint64_t n;
    StepSize by;               /* --by */
    const char *keys;          /* --keys, or NULL */
    size_t cap;                /* --history-cap */
    VmLimits lim;              /* --max-steps, --max-heap */
} StepOptions;
#define LIMIT_LONGOPTS \
    {"max-steps", required_argument, NULL, 'm'}, {"max-heap", required_argument, NULL, 'H'}
#define STEP_LONGOPTS \
    {"at", required_argument, NULL, 'a'}, {"by", required_argument, NULL, 'b'}, \
    {"keys", required_argument, NULL, 'k'}, {"history-cap", required_argument, NULL, 'c'}, \
    LIMIT_LONGOPTS
void step_options_init(StepOptions *o);
/* Option c of STEP_LONGOPTS: 1 taken, 0 not one of them, -2 after a
 * message for a bad value. */
int step_option(StepOptions *o, int c, const char *arg, const char *cmd);
/* Options m and H of LIMIT_LONGOPTS into lim: 1 taken, 0 not one of
 * them, -2 after a message for a bad value. */
int limit_option(VmLimits *lim, int c, const char *arg, const char *cmd);
/* The step size, the limits, then --at. */
void step_options_apply(History *h, const StepOptions *o);

/* Replay a --keys string on h and ui (a fresh one if NULL), drawing sc
 * after each key if not NULL: 0, or 2 after a message. */
int cli_apply_keys(History *h, UiState *ui, Scene *sc, const char *s);

/* `pymemsim machine': describe the machine at start-up. */
int cli_machine(int argc, char **argv);

/* `pymemsim run FILE': run FILE as CPython would (no budget unless
 * --max-steps; Ctrl-C raises KeyboardInterrupt). */
int cli_run(int argc, char **argv);

/* `pymemsim trace FILE': run FILE and print every event, one a line. */
int cli_trace(int argc, char **argv);

/* `pymemsim dump FILE [--at N] [--by SIZE] [--keys KEYS]': the state
 * reached, as JSON. */
int cli_dump(int argc, char **argv);

/* `pymemsim snapshot FILE [...]': the TUI's screen as text. */
int cli_snapshot(int argc, char **argv);
int cli_parse_theme(const char *s, Theme *out);

/* `pymemsim check LESSON...' and `pymemsim lessons'. */
int cli_check(int argc, char **argv);
int cli_lessons(int argc, char **argv);

#endif
