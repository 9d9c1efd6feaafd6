/*
 * expr.c: parsing and evaluating the expressions of expect and ask.
 *
 * Recursive descent over this grammar:
 *
 *   expr  := and ('or' and)*
 *   and   := not ('and' not)*
 *   not   := 'not' not | cmp
 *   cmp   := sum (('=='|'!='|'<'|'<='|'>'|'>=') sum)?
 *   sum   := term (('+'|'-') term)*
 *   term  := unary ('*' unary)*
 *   unary := '-' unary | atom
 *   atom  := INT | "STRING" | True | False | NAME '(' [arg (',' arg)*] ')'
 *          | '(' expr ')'
 *
 * where an arg of a function of objects is a variable or label name, and
 * of gc_count an integer.  Evaluation reads the machine through const
 * pointers only.
 *
 * Nesting is bounded (EXPR_MAXDEPTH), both the parser's recursion and the
 * depth of the tree, so that parsing, evaluating, explaining and freeing
 * an expression recurse at most that deep whatever a lesson says.
 */
#include <config.h>

#include <ctype.h>
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"
#include "lesson/expr.h"
#include "py/code.h"

#define EXPR_MAXDEPTH 100

typedef enum {
    E_INT, E_STR, E_BOOL, E_CALL, E_NOT, E_NEG, E_AND, E_OR, E_ADD, E_SUB, E_MUL,
    E_EQ, E_NE, E_LT, E_LE, E_GT, E_GE
} ExprKind;

/* The functions: name, arguments (o object, i int), meaning. */
#define FUNCS(X) \
    X(REFCOUNT, "refcount", "o") X(SIZE, "size", "o") X(LEN, "len", "o") \
    X(ALIVE, "alive", "o") X(TRACKED, "tracked", "o") X(GEN, "gen", "o") \
    X(SAME, "same", "oo") X(TYPE, "type", "o") X(GC_COUNT, "gc_count", "i") \
    X(OBJECTS, "objects", "") X(FREED, "freed_since_last_step", "") \
    X(OUTPUT, "output", "")

typedef enum {
#define X(id, name, args) F_##id,
    FUNCS(X)
#undef X
    F_COUNT
} Func;

static const struct {
    const char *name, *args;
} funcs[F_COUNT] = {
#define X(id, name, args) {name, args},
    FUNCS(X)
#undef X
};

struct Expr {
    ExprKind kind;
    int64_t i;
    char *s;
    Func f;
    char *argname[2];
    Expr *a, *b;
    int depth;                 /* 1 + the deeper of a and b */
};

typedef struct Parser {
    const char *src, *p;
    int (*names)(void *, const char *);
    void *ctx;
    char *err;
    size_t errsize;
    int col;
    int nest;                  /* open parentheses, `not's and `-'s */
    Expr **all;                /* every node made, to free on an error */
    size_t nall, allcap;
    jmp_buf jb;
} Parser;

static void __attribute__((noreturn, format(printf, 3, 4)))
fail(Parser *ps, const char *at, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(ps->err, ps->errsize, fmt, ap);
    va_end(ap);
    ps->col = (int)(at - ps->src) + 1;
    longjmp(ps->jb, 1);
}

static void
skip(Parser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\t') {
        ps->p++;
    }
}

static int
take(Parser *ps, const char *tok)
{
    size_t n = strlen(tok);

    skip(ps);
    if (strncmp(ps->p, tok, n) != 0) {
        return 0;
    }
    if (isalpha((unsigned char)tok[0]) && (isalnum((unsigned char)ps->p[n]) || ps->p[n] == '_')) {
        return 0;               /* a longer name */
    }
    ps->p += n;
    return 1;
}

static Expr *
mk(Parser *ps, ExprKind k, Expr *a, Expr *b)
{
    Expr *e = xcalloc(1, sizeof *e);
    ps->all = xgrow(ps->all, &ps->allcap, ps->nall + 1, sizeof *ps->all);
    ps->all[ps->nall++] = e;
    e->kind = k;
    e->a = a;
    e->b = b;
    e->depth = 1 + (a && b ? (a->depth > b->depth ? a->depth : b->depth)
                    : a ? a->depth : b ? b->depth : 0);
    if (e->depth > EXPR_MAXDEPTH) {
        fail(ps, ps->p, "expression nested too deeply (more than %d levels)", EXPR_MAXDEPTH);
    }
    return e;
}

static void
enter(Parser *ps)
{
    if (++ps->nest > EXPR_MAXDEPTH) {
        fail(ps, ps->p, "expression nested too deeply (more than %d levels)", EXPR_MAXDEPTH);
    }
}

static Expr *parse_level(Parser *ps, size_t i);

/* A name: [A-Za-z_][A-Za-z0-9_]*; returns its length (0 if none). */
static size_t
name_len(const char *p)
{
    size_t n = 0;

    if (!isalpha((unsigned char)p[0]) && p[0] != '_') {
        return 0;
    }
    while (isalnum((unsigned char)p[n]) || p[n] == '_') {
        n++;
    }
    return n;
}

static Expr *
parse_atom(Parser *ps)
{
    skip(ps);
    const char *start = ps->p;
    if (isdigit((unsigned char)*ps->p)) {
        char *end;
        Expr *e = mk(ps, E_INT, NULL, NULL);
        e->i = strtoll(ps->p, &end, 10);
        ps->p = end;
        return e;
    }
    if (*ps->p == '"') {
        const char *q = strchr(ps->p + 1, '"');
        if (q == NULL) {
            fail(ps, start, "unterminated string");
        }
        Expr *e = mk(ps, E_STR, NULL, NULL);
        e->s = xstrndup(ps->p + 1, (size_t)(q - ps->p - 1));
        ps->p = q + 1;
        return e;
    }
    if (take(ps, "(")) {
        enter(ps);
        Expr *e = parse_level(ps, 0);
        if (!take(ps, ")")) {
            fail(ps, ps->p, "expected ')'");
        }
        ps->nest--;
        return e;
    }
    if (take(ps, "True") || take(ps, "False")) {
        Expr *e = mk(ps, E_BOOL, NULL, NULL);
        e->i = start[0] == 'T';
        return e;
    }
    size_t n = name_len(ps->p);
    if (n == 0) {
        if (*ps->p == '\0') {
            fail(ps, start, "expected a value");
        }
        fail(ps, start, "unexpected '%c'", *ps->p);
    }
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)(n < 63 ? n : 63), ps->p);
    ps->p += n;
    int f;
    for (f = 0; f < F_COUNT && strcmp(funcs[f].name, name) != 0; f++) {
    }
    if (f == F_COUNT) {
        skip(ps);
        if (*ps->p == '(') {
            fail(ps, start, "unknown function '%s'", name);
        }
        fail(ps, start, "'%s' alone is not a value: ask about it with a function such as "
             "refcount(%s)", name, name);
    }
    if (!take(ps, "(")) {
        fail(ps, ps->p, "expected '(' after %s", name);
    }
    Expr *e = mk(ps, E_CALL, NULL, NULL);
    e->f = (Func)f;
    const char *args = funcs[f].args;
    size_t want = strlen(args);
    for (size_t k = 0; k < want; k++) {
        skip(ps);
        if (k > 0 && !take(ps, ",")) {
            fail(ps, ps->p, "%s() takes %zu arguments", name, want);
        }
        skip(ps);
        const char *at = ps->p;
        if (args[k] == 'i') {
            if (!isdigit((unsigned char)*ps->p)) {
                fail(ps, at, "%s() wants a number", name);
            }
            e->i = strtoll(ps->p, (char **)&ps->p, 10);
            if (e->f == F_GC_COUNT && (e->i < 0 || e->i > 2)) {
                fail(ps, at, "there are generations 0, 1 and 2");
            }
            continue;
        }
        size_t an = name_len(ps->p);
        if (an == 0) {
            fail(ps, at, "%s() wants the name of a variable or label", name);
        }
        e->argname[k] = xstrndup(ps->p, an);
        ps->p += an;
        if (ps->names != NULL && !ps->names(ps->ctx, e->argname[k])) {
            fail(ps, at, "'%s' is neither a variable of the program nor a label", e->argname[k]);
        }
    }
    if (!take(ps, ")")) {
        if (want == 0) {
            fail(ps, ps->p, "%s() takes no arguments", name);
        }
        fail(ps, ps->p, "%s() takes %zu argument%s", name, want, want == 1 ? "" : "s");
    }
    return e;
}

/* The operators, loosest first.  A level joins operands of the next one
 * (the last one's are atoms): from the left (LEVEL_LEFT), or once, as
 * comparisons do not chain (LEVEL_COMPARE); or it is an operator before
 * an operand of its own level (LEVEL_PREFIX).  Operators are tried in
 * their order ("<=" before "<"). */
typedef enum { LEVEL_LEFT, LEVEL_COMPARE, LEVEL_PREFIX } LevelKind;

static const struct {
    LevelKind kind;
    int n;
    const char *tok[6];
    ExprKind k[6];
} levels[] = {
    {LEVEL_LEFT, 1, {"or"}, {E_OR}},
    {LEVEL_LEFT, 1, {"and"}, {E_AND}},
    {LEVEL_PREFIX, 1, {"not"}, {E_NOT}},
    {LEVEL_COMPARE, 6, {"==", "!=", "<=", ">=", "<", ">"}, {E_EQ, E_NE, E_LE, E_GE, E_LT, E_GT}},
    {LEVEL_LEFT, 2, {"+", "-"}, {E_ADD, E_SUB}},
    {LEVEL_LEFT, 1, {"*"}, {E_MUL}},
    {LEVEL_PREFIX, 1, {"-"}, {E_NEG}},
};
#define NLEVELS (sizeof levels / sizeof levels[0])

/* Take the operator of level i the input starts with: its index in the
 * level, or -1 when there is none. */
static int
take_op(Parser *ps, size_t i)
{
    for (int j = 0; j < levels[i].n; j++) {
        if (take(ps, levels[i].tok[j])) {
            return j;
        }
    }
    return -1;
}

/* An expression of level i (NLEVELS: an atom). */
static Expr *
parse_level(Parser *ps, size_t i)
{
    if (i == NLEVELS) {
        return parse_atom(ps);
    }
    if (levels[i].kind == LEVEL_PREFIX) {
        if (take_op(ps, i) < 0) {
            return parse_level(ps, i + 1);
        }
        enter(ps);
        Expr *a = parse_level(ps, i);
        ps->nest--;
        return mk(ps, levels[i].k[0], a, NULL);
    }
    Expr *e = parse_level(ps, i + 1);
    int j;
    while ((j = take_op(ps, i)) >= 0) {
        e = mk(ps, levels[i].k[j], e, parse_level(ps, i + 1));
        if (levels[i].kind == LEVEL_COMPARE) {
            return e;
        }
    }
    if (levels[i].kind == LEVEL_COMPARE) {
        skip(ps);
        if (*ps->p == '=') {
            fail(ps, ps->p, "'=' is not a comparison: write '=='");
        }
    }
    return e;
}

/* Free a node alone (its children are freed through ps->all). */
static void
node_free(Expr *e)
{
    free(e->s);
    free(e->argname[0]);
    free(e->argname[1]);
    free(e);
}

Expr *
expr_parse(const char *src, int (*names)(void *ctx, const char *name), void *ctx, char *err,
           size_t errsize, int *col)
{
    Parser ps;
    Expr *e;

    memset(&ps, 0, sizeof ps);
    ps.src = ps.p = src;
    ps.names = names;
    ps.ctx = ctx;
    ps.err = err;
    ps.errsize = errsize;
    if (setjmp(ps.jb) != 0) {
        for (size_t i = 0; i < ps.nall; i++) {
            node_free(ps.all[i]);
        }
        free(ps.all);
        *col = ps.col;
        return NULL;
    }
    skip(&ps);
    if (*ps.p == '\0') {
        fail(&ps, ps.p, "expected an expression");
    }
    e = parse_level(&ps, 0);
    skip(&ps);
    if (*ps.p != '\0') {
        fail(&ps, ps.p, "unexpected '%c' after the expression", *ps.p);
    }
    free(ps.all);
    return e;
}

void
expr_free(Expr *e)
{
    if (e == NULL) {
        return;
    }
    expr_free(e->a);
    expr_free(e->b);
    node_free(e);
}

/* ------------------------------------------------------------------ */
/* Evaluation.                                                        */

static Value
v_int(ValKind k, int64_t i)
{
    Value v = {k, i, NULL};
    return v;
}

static Value __attribute__((format(printf, 1, 2)))
v_error(const char *fmt, ...)
{
    char buf[200];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Value v = {VAL_ERROR, 0, xstrdup(buf)};
    return v;
}

void
value_done(Value *v)
{
    free(v->s);
    v->s = NULL;
}

/* A str object's text, or NULL. */
static const char *
text_of(const Machine *m, Handle h)
{
    const Object *o = m_obj(m, h);
    return o->type == T_STR ? o->u.s.utf8 : NULL;
}

static Handle
dict_lookup(const Machine *m, Handle dict, const char *name)
{
    const Dict *d = m_obj(m, dict)->u.d;

    for (uint32_t k = 0; d != NULL && !d->split && k < d->nentries; k++) {
        Handle key = d->entries[2 * k];
        const char *t = key != NULL_HANDLE ? text_of(m, key) : NULL;
        if (t != NULL && strcmp(t, name) == 0) {
            return d->entries[2 * k + 1];
        }
    }
    return NULL_HANDLE;
}

Handle
lesson_variable(const Machine *m, const char *name)
{
    const Frame *f = m_frame(m);

    if (f == NULL) {
        return NULL_HANDLE;
    }
    if (f->code != NULL_HANDLE) {
        const Code *c = code_of(m, f->code);
        for (uint32_t i = 0; i < c->nlocals && i < f->nlocals; i++) {
            if (strcmp(c->varnames[i], name) == 0) {
                return m->slots[f->base + i];
            }
        }
    }
    if (f->locals != NULL_HANDLE && m_obj(m, f->locals)->type == T_DICT) {
        Handle v = dict_lookup(m, f->locals, name);
        if (v != NULL_HANDLE) {
            return v;
        }
    }
    if (f->globals != NULL_HANDLE) {
        return dict_lookup(m, f->globals, name);
    }
    return NULL_HANDLE;
}

static Handle
resolve(const EvalCtx *c, const char *name, int *label)
{
    for (size_t i = 0; i < c->nlabels; i++) {
        if (strcmp(c->label_names[i], name) == 0) {
            *label = 1;
            return c->label_handles[i];
        }
    }
    *label = 0;
    return lesson_variable(c->m, name);
}

static Value
call(const Expr *e, const EvalCtx *c)
{
    const Machine *m = c->m;
    Handle h[2] = {0, 0};
    int label[2] = {0, 0};

    for (int k = 0; k < 2 && e->argname[k] != NULL; k++) {
        h[k] = resolve(c, e->argname[k], &label[k]);
        if (h[k] == NULL_HANDLE && !(e->f == F_ALIVE && label[k])) {
            return v_error(label[k] ? "the object labelled %s was freed" : "%s is not bound here",
                           e->argname[k]);
        }
    }
    const Object *o = h[0] != NULL_HANDLE ? m_obj(m, h[0]) : NULL;
    switch (e->f) {
    case F_REFCOUNT:
        return v_int(VAL_INT, o->refcnt);
    case F_SIZE:
        return v_int(VAL_INT, (int64_t)m_sizeof(m, h[0]));
    case F_LEN: {
        uint32_t len;
        if (m_len(m, h[0], &len)) {
            return v_int(VAL_INT, len);
        }
        return v_error("%s has no length", e->argname[0]);
    }
    case F_ALIVE:
        return v_int(VAL_BOOL, h[0] != NULL_HANDLE && m_is_live(m, h[0]));
    case F_TRACKED:
        return v_int(VAL_BOOL, (o->flags & OF_TRACKED) != 0);
    case F_GEN:
        return v_int(VAL_INT, (o->flags & OF_TRACKED) && o->gen < NGENERATIONS ? o->gen : -1);
    case F_SAME:
        return v_int(VAL_BOOL, h[0] == h[1]);
    case F_TYPE: {
        Value v = {VAL_STR, 0, xstrdup(m_type_name(m, h[0]))};
        if (o->type == T_INSTANCE) {
            free(v.s);
            const ClassVal *cv = m_obj(m, o->u.inst.cls)->u.c;
            v.s = xstrdup(text_of(m, cv->name) ? text_of(m, cv->name) : "?");
        }
        return v;
    }
    case F_GC_COUNT:
        return v_int(VAL_INT, m->gen[e->i].count);
    case F_OBJECTS:
        return v_int(VAL_INT, (int64_t)m->live - (int64_t)c->base_live);
    case F_FREED:
        return v_int(VAL_INT, (int64_t)c->freed_since_line);
    case F_OUTPUT: {
        Value v = {VAL_STR, 0, xstrndup(m->out != NULL ? m->out : "", m->outlen)};
        return v;
    }
    default:
        return v_error("?");
    }
}

static int
truthy(const Value *v)
{
    return v->kind == VAL_STR ? v->s[0] != '\0' : v->i != 0;
}

Value
expr_eval(const Expr *e, const EvalCtx *c)
{
    Value a, b, r;

    switch (e->kind) {
    case E_INT:
        return v_int(VAL_INT, e->i);
    case E_BOOL:
        return v_int(VAL_BOOL, e->i);
    case E_STR:
        r.kind = VAL_STR;
        r.i = 0;
        r.s = xstrdup(e->s);
        return r;
    case E_CALL:
        return call(e, c);
    case E_NOT:
        a = expr_eval(e->a, c);
        if (a.kind == VAL_ERROR) {
            return a;
        }
        r = v_int(VAL_BOOL, !truthy(&a));
        value_done(&a);
        return r;
    case E_NEG:
        a = expr_eval(e->a, c);
        if (a.kind != VAL_ERROR) {
            a.i = -a.i;
            a.kind = a.kind == VAL_BOOL ? VAL_INT : a.kind;
        }
        return a;
    case E_AND:
    case E_OR:
        a = expr_eval(e->a, c);
        if (a.kind == VAL_ERROR || truthy(&a) == (e->kind == E_OR)) {
            return a;
        }
        value_done(&a);
        return expr_eval(e->b, c);
    default:
        break;
    }
    a = expr_eval(e->a, c);
    if (a.kind == VAL_ERROR) {
        return a;
    }
    b = expr_eval(e->b, c);
    if (b.kind == VAL_ERROR) {
        value_done(&a);
        return b;
    }
    int64_t cmp;
    if ((a.kind == VAL_STR) != (b.kind == VAL_STR)) {
        if (e->kind == E_EQ || e->kind == E_NE) {
            r = v_int(VAL_BOOL, e->kind == E_NE);
        } else {
            r = v_error("cannot compare a string with a number");
        }
        value_done(&a);
        value_done(&b);
        return r;
    }
    cmp = a.kind == VAL_STR ? strcmp(a.s, b.s) : (a.i > b.i) - (a.i < b.i);
    switch (e->kind) {
    case E_ADD:
        r = a.kind == VAL_STR ? v_error("+ on strings") : v_int(VAL_INT, a.i + b.i);
        break;
    case E_SUB:
        r = a.kind == VAL_STR ? v_error("- on strings") : v_int(VAL_INT, a.i - b.i);
        break;
    case E_MUL:
        r = a.kind == VAL_STR ? v_error("* on strings") : v_int(VAL_INT, a.i * b.i);
        break;
    case E_EQ:
        r = v_int(VAL_BOOL, cmp == 0);
        break;
    case E_NE:
        r = v_int(VAL_BOOL, cmp != 0);
        break;
    case E_LT:
        r = v_int(VAL_BOOL, cmp < 0);
        break;
    case E_LE:
        r = v_int(VAL_BOOL, cmp <= 0);
        break;
    case E_GT:
        r = v_int(VAL_BOOL, cmp > 0);
        break;
    default:
        r = v_int(VAL_BOOL, cmp >= 0);
        break;
    }
    value_done(&a);
    value_done(&b);
    return r;
}

/* "refcount(a) = 2, size(a) = 88": the value of every call in e. */
static void
explain(const Expr *e, const EvalCtx *c, StrBuf *sb)
{
    if (e == NULL) {
        return;
    }
    if (e->kind == E_CALL) {
        Value v = call(e, c);
        char text[160];
        value_text(&v, text, sizeof text);
        value_done(&v);
        if (sb->len > 0) {
            sb_puts(sb, ", ");
        }
        sb_printf(sb, "%s(", funcs[e->f].name);
        if (e->f == F_GC_COUNT) {
            sb_printf(sb, "%" PRId64, e->i);
        }
        for (int k = 0; k < 2 && e->argname[k] != NULL; k++) {
            sb_printf(sb, "%s%s", k ? ", " : "", e->argname[k]);
        }
        sb_printf(sb, ") = %s", text);
        return;
    }
    explain(e->a, c, sb);
    explain(e->b, c, sb);
}

char *
expr_explain(const Expr *e, const EvalCtx *c)
{
    StrBuf sb;

    sb_init(&sb);
    explain(e, c, &sb);
    return sb_take(&sb);
}
