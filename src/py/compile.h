/*
 * compile.h: from source text to code objects on the simulated machine.
 *
 * The compiler follows CPython 3.11 where it changes what a program can
 * observe: constants are folded as the AST optimizer folds them and
 * shared through one constant cache per module (co_consts), literal
 * objects are kept alive by the parser's arena while __main__ runs,
 * displays of constants compile as BUILD_LIST 0 / LOAD_CONST tuple /
 * LIST_EXTEND (which sizes the list differently), `a, b = b, a' becomes a
 * SWAP, and loops keep their iterator on the value stack.
 */
#ifndef PYMEMSIM_PY_COMPILE_H
#define PYMEMSIM_PY_COMPILE_H

#include "py/ast.h"
#include "py/code.h"
#include "sim/machine.h"

typedef struct Program {
    char *filename;            /* as given on the command line */
    char *src;                 /* the source text */
    size_t srclen;
    Ast *ast;
    Handle module_code;        /* the code object of the module */
    Code **codes;              /* every Code, for freeing */
    size_t ncodes, codecap;
} Program;

typedef struct CompileError {
    int line, col;
    char msg[400];
} CompileError;

/* Parse and compile src into code objects on m.  The literal objects of
 * the parse become roots of m (the parser's arena).  NULL and *err on a
 * syntax error or a construct outside the subset.  Caller owns. */
Program *program_compile(Machine *m, const char *filename, const char *src, size_t n,
                         CompileError *err);
void program_free(Program *p);
/* The text of a source line, leading and trailing blanks removed (for
 * tracebacks), or NULL. */
const char *program_line(const Program *p, int line, size_t *len);

#endif
