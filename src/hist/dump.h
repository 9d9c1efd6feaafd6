/*
 * dump.h: `pymemsim dump': the state at the history's current point as
 * JSON, in the stable schema "pymemsim-dump/1" (doc/dump.md).
 */
#ifndef PYMEMSIM_HIST_DUMP_H
#define PYMEMSIM_HIST_DUMP_H

#include <stdio.h>

#include "hist/history.h"

void dump_json(FILE *fp, const History *h);

#endif
