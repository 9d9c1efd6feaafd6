/*
 * dump.h: `pymemsim dump': the state at the history's current point as
 * JSON, in the stable schema "pymemsim-dump/1" (doc/dump.md).
 */
#ifndef PYMEMSIM_HIST_DUMP_H
#define PYMEMSIM_HIST_DUMP_H

#include <stdio.h>

#include "hist/history.h"

void dump_json(FILE *fp, const History *h);

/* s[0..n) as a JSON string literal, quotes included: valid UTF-8 whatever
 * s holds (a lone surrogate as \udXXX, an ill-formed byte as \ufffd). */
void dump_json_string(FILE *fp, const char *s, size_t n);

#endif
