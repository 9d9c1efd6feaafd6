/*
 * fuzz_program.c: a program through the lexer, parser and compiler, and
 * when it compiles, run under small limits with its output discarded.
 */
#include <config.h>

#include "fuzz.h"
#include "py/compile.h"
#include "py/vm.h"
#include "sim/machine.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    if (devnull == NULL) {
        devnull = fopen("/dev/null", "w");
    }
    Machine m;
    machine_init(&m);
    Vm vm;
    vm_init(&vm, &m, devnull);
    VmLimits lim = { FUZZ_MAX_STEPS, FUZZ_MAX_HEAP, NULL, NULL, 0 };
    vm_set_limits(&vm, &lim);
    CompileError ce;
    Program *prog = program_compile(&m, "fuzz.py", (const char *)data, size, &ce);
    if (prog != NULL) {
        if (vm_run_program(&vm, prog) == -1) {
            vm_print_exception(&vm, devnull);
        }
        program_free(prog);
    }
    vm_done(&vm);
    machine_done(&m);
    return 0;
}
