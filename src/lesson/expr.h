/*
 * expr.h: the expression language of lessons (pymemsim-lesson(5)).
 */
#ifndef PYMEMSIM_LESSON_EXPR_H
#define PYMEMSIM_LESSON_EXPR_H

#include <stddef.h>
#include <stdint.h>

#include "lesson/lesson.h"
#include "py/vm.h"

/* Parse src; NULL with a message and the column (1-based, in src) of
 * the error.  names(ctx, name) says whether a variable or label exists. */
Expr *expr_parse(const char *src, int (*names)(void *ctx, const char *name), void *ctx,
                 char *err, size_t errsize, int *col);
void expr_free(Expr *e);

/* What an expression can read at a point. */
typedef struct EvalCtx {
    const Machine *m;
    const Vm *vm;
    /* Labels: name -> handle (0 when freed). */
    const char *const *label_names;
    const Handle *label_handles;
    size_t nlabels;
    uint64_t freed_since_line;
    uint64_t base_live;        /* live objects before the program */
} EvalCtx;

Value expr_eval(const Expr *e, const EvalCtx *c);
/* The value of every function call in e, as "refcount(a) = 2, ...";
 * caller owns. */
char *expr_explain(const Expr *e, const EvalCtx *c);
void value_done(Value *v);

/* The object a variable names at this point (innermost frame's locals,
 * then its globals), or 0. */
Handle lesson_variable(const Machine *m, const char *name);

#endif
