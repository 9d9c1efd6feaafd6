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
/* Replay a --keys string on h and ui (a fresh one if NULL), drawing sc
 * after each key if not NULL: 0, or 2 after a message. */
int cli_apply_keys(History *h, UiState *ui, Scene *sc, const char *s);

/* `pymemsim machine': describe the machine at start-up. */
int cli_machine(int argc, char **argv);

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
