/*
 * run.c: `pymemsim run FILE'.
 */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"
#include "py/compile.h"
#include "py/run.h"
#include "py/vm.h"

int
run_file(const char *path, FILE *out, const VmLimits *lim)
{
    return run_file_events(path, out, NULL, NULL, lim);
}

Program *
run_load(const char *path, Machine *m)
{
    size_t len;
    char *src = sb_read_file(path, &len);

    if (src == NULL) {
        fprintf(stderr, "pymemsim: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    /* Like CPython, name the script by its absolute path in tracebacks
     * (the working directory and the path joined, not normalised), and
     * standard input "<stdin>", here and in the messages below. */
    StrBuf abspath;
    sb_init(&abspath);
    if (strcmp(path, "-") == 0) {
        path = "<stdin>";
    } else if (path[0] != '/') {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd) != NULL) {
            sb_puts(&abspath, cwd);
            sb_putc(&abspath, '/');
        }
    }
    sb_puts(&abspath, path);
    CompileError ce;
    Program *prog = program_compile(m, abspath.s, src, len, &ce);
    sb_done(&abspath);
    free(src);
    if (prog == NULL) {
        fprintf(stderr, "pymemsim: %s:%d:%d: %s\n", path, ce.line, ce.col, ce.msg);
    }
    return prog;
}

int
run_file_events(const char *path, FILE *out, EventSink sink, void *ctx,
                const VmLimits *lim)
{
    Machine m;
    machine_init(&m);
    Vm vm;
    vm_init(&vm, &m, out);
    if (lim != NULL) {
        vm_set_limits(&vm, lim);
    }
    Program *prog = run_load(path, &m);
    if (prog == NULL) {
        vm_done(&vm);
        machine_done(&m);
        return 2;
    }
    int status = 0;
    machine_set_sink(&m, sink, ctx);        /* events from the first instruction */
    machine_set_verify(&m, lim != NULL ? lim->verify : 0);
    int rc = vm_run_program(&vm, prog);
    if (rc == -1) {
        fflush(out);
        vm_print_exception(&vm, stderr);
        status = 1;
        if (vm.exc == EXC_KeyboardInterrupt) {
            status = 130;
        }
    } else if (rc == -2) {
        fflush(out);
        fprintf(stderr, "pymemsim: %s: stopped after %" PRIu64 " instructions (--max-steps)\n",
                path, vm.ninstr);
        status = 1;
    }
    fflush(out);
    if (m.verify_failures != 0) {
        fprintf(stderr, "pymemsim: %s: the machine changed outside a primitive %" PRIu64
                " times; first after event %" PRIu64 " (%s), found by %s\n", path,
                m.verify_failures, m.verify_event, event_names[m.verify_kind], m.verify_where);
        status = 3;
    }
    program_free(prog);
    vm_done(&vm);
    machine_done(&m);
    return status;
}
