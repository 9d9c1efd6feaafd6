/*
 * cli.h: the commands behind main(), and what they share: option
 * parsing with one message per mistake, strict numbers, and standard
 * output checked at exit.
 *
 * Each command is a function (argc, argv) with argv[0] its name; it
 * parses its own options with cli_getopt (optind = 0 first, to rescan)
 * and returns the exit status, or CLI_HELP for -h/--help, on which main
 * prints the command's help.
 */
#ifndef PYMEMSIM_CLI_H
#define PYMEMSIM_CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdint.h>

#include "hist/history.h"
#include "render/ui.h"

/* A command's return value: print my --help and exit 0. */
#define CLI_HELP (-1)

#define HELP_LONGOPT {"help", no_argument, NULL, 'h'}

/*
 * getopt_long for command cmd ("" for pymemsim's own options), with
 * getopt's messages replaced by one of ours.  optstring starts with ':'
 * (after a '+' if any).  Returns the option, -1 after the last one, or
 * '?' after printing "pymemsim: CMD: unrecognized option '--frob'" (or
 * an option's missing or unwanted argument, or an ambiguous prefix) and
 * the hint; the caller then returns 2.
 */
int cli_getopt(int argc, char **argv, const char *optstring, const struct option *longopts,
               const char *cmd);
/* The operands after the options, argv[optind..argc-1]: between min and
 * max (-1: any number) of them, called what ("FILE").  0, or 2 after a
 * message. */
int cli_operands(int argc, char **argv, int min, int max, const char *what, const char *cmd);
/* "pymemsim: CMD: message" and "Try 'pymemsim CMD --help'..." on stderr
 * (without "CMD: " for cmd ""); returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Option values, strictly: digits only (no sign, no blanks), no
 * overflow, nothing after.  Sizes may end in K, M or G (1024-based);
 * dimensions are WIDTHxHEIGHT, each 1 to 1000.  0 or -1. */
int cli_parse_size(const char *s, size_t *out);
int cli_parse_count(const char *s, uint64_t *out);
int cli_parse_dims(const char *s, int *w, int *h);
int cli_parse_step_size(const char *s, StepSize *out);
/* The index of s in names[0..n), or -1. */
int cli_name_index(const char *s, const char *const *names, int n);
int cli_parse_theme(const char *s, Theme *out);

/*
 * Close standard output at the end of main, as gnulib's close_stdout
 * does: a write that failed, or a failed flush or close, prints
 * "pymemsim: write error: REASON" (nothing for a broken pipe) and makes
 * a status of 0 into 1.  An error on stderr does the same, silently.
 * Returns the status to exit with.
 */
int cli_close_stdout(int status);

/* --max-steps and --max-heap: options 'm' and 'H'. */
#define LIMIT_LONGOPTS \
    {"max-steps", required_argument, NULL, 'm'}, {"max-heap", required_argument, NULL, 'H'}
/* Options m and H of LIMIT_LONGOPTS into lim: 1 taken, 0 not one of
 * them, -2 after a message for a bad value. */
int limit_option(VmLimits *lim, int c, const char *arg, const char *cmd);

/* The options of run, trace and check (LIMIT_LONGOPTS and --help) into
 * lim: 0, CLI_HELP, or 2 after a message. */
int cli_limit_options(int argc, char **argv, VmLimits *lim, const char *cmd);

/* The options of a command that takes only --help, and no operands: 0,
 * CLI_HELP, or 2 after a message. */
int cli_help_only(int argc, char **argv, const char *cmd);

/* The options of dump and snapshot that say where to go. */
typedef struct StepOptions {
    const char *at;            /* --at: a number, "end", or NULL */
    uint64_t n;
    StepSize by;               /* --by */
    const char *keys;          /* --keys, or NULL */
    size_t cap;                /* --history-cap */
    VmLimits lim;              /* --max-steps, --max-heap */
} StepOptions;
#define STEP_LONGOPTS \
    {"at", required_argument, NULL, 'a'}, {"by", required_argument, NULL, 'b'}, \
    {"keys", required_argument, NULL, 'k'}, {"history-cap", required_argument, NULL, 'c'}, \
    LIMIT_LONGOPTS
void step_options_init(StepOptions *o);
/* Option c of STEP_LONGOPTS: 1 taken, 0 not one of them, -2 after a
 * message for a bad value. */
int step_option(StepOptions *o, int c, const char *arg, const char *cmd);
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

/* `pymemsim check LESSON...' and `pymemsim lessons'. */
int cli_check(int argc, char **argv);
int cli_lessons(int argc, char **argv);

#endif
