/*
 * code.h: code objects, the compiler's output.
 *
 * A Code is the host side of a simulated code object (T_CODE): its
 * instructions with their source lines, its local variable names and
 * its counts.  The constants (co_consts) and the names (co_names) are
 * simulated tuples the code object holds references to, so their
 * reference counts are CPython's.
 */
#ifndef PYMEMSIM_PY_CODE_H
#define PYMEMSIM_PY_CODE_H

#include <stdint.h>

#include "sim/machine.h"

/* The bytes an object of type t takes without its variable part: the
 * pre-header (GC header, managed dict) and tp_basicsize, from types.def.
 * For the language's allocations (the machine sizes its own). */
#define TYPE_NBYTES(t) ((size_t)type_info[t].presize + type_info[t].basicsize)

/* The bytes of one instruction in co_code (a _Py_CODEUNIT). */
#define CODE_UNIT_SIZE 2

/* The bytes of a pointer on the simulated machine: an item of a list's
 * or tuple's item array. */
#define PTR_SIZE 8

typedef enum {
#define OP(name, arg) OP_##name,
#include "py/opcode.def"
#undef OP
    OP_COUNT
} Opcode;

extern const char *const opcode_names[OP_COUNT];

typedef struct Instr {
    uint8_t op;
    uint32_t arg;
    int32_t line;
} Instr;

typedef enum { CODE_MODULE, CODE_FUNCTION, CODE_CLASS } CodeKind;

typedef struct Code {
    CodeKind kind;
    char *name;                /* co_name */
    char *qualname;
    char *filename;            /* borrowed from the program */
    int firstline;
    Instr *ins;
    uint32_t nins;
    char **varnames;           /* locals, parameters first */
    uint32_t nlocals;
    uint32_t nparams;
    uint32_t stacksize;
    Handle consts;             /* tuple (the code object's reference) */
    Handle names;              /* tuple of str */
} Code;

/* The Code behind a code object handle. */
static inline Code *
code_of(const Machine *m, Handle h)
{
    return (Code *)m_obj(m, h)->u.code.code;
}

void code_free(Code *c);

#endif
