/*
 * run.h: loading and running a program file (for `pymemsim run').
 */
#ifndef PYMEMSIM_PY_RUN_H
#define PYMEMSIM_PY_RUN_H

#include <stdio.h>

#include "py/compile.h"
#include "py/vm.h"
#include "sim/machine.h"

/* Read and compile FILE onto m (after vm_init).  NULL when it cannot be
 * read or compiled, with `pymemsim: FILE[:LINE:COL]: message' on stderr. */
Program *run_load(const char *path, Machine *m);

/* Read FILE, compile it and run it under lim (NULL: no limits),
 * printing what it prints to out.  Returns the exit status: 0, 1 for an
 * uncaught exception (the traceback on stderr) or a program stopped by
 * the budget (`pymemsim: FILE: stopped after N instructions'), 130 for
 * KeyboardInterrupt (the poll answered VM_INTERRUPT; the traceback
 * printed), 2 for unreadable or malformed input (the message
 * `pymemsim: FILE:LINE:COL: ...' on stderr). */
int run_file(const char *path, FILE *out, const VmLimits *lim);

/* The same, with every machine event passed to sink (for `trace'). */
int run_file_events(const char *path, FILE *out, EventSink sink, void *ctx,
                    const VmLimits *lim);

#endif
