/*
 * parser.c: recursive descent parser for the Python subset, producing
 * the AST of ast.h.
 *
 * The grammar is CPython 3.11's (Grammar/python.gram) cut down to the
 * subset.  Constructs outside the subset are recognised where that is
 * cheap and reported by name ("lambda is not supported"), so a student
 * learns what is missing instead of reading "invalid syntax".
 *
 * Precedence, loosest first:
 *   or, and, not, comparisons (in, not in, is, is not, <, ...), |, ^, &,
 *   << >>, + -, * / // % @, unary + - ~, **, primary (call, attribute,
 *   subscript), atom.
 */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "py/ast.h"
#include "py/lex.h"

const char *const binop_text[OP_NBINOPS] = {
#define X(id, text) text,
    BINOPS(X)
#undef X
};

/* A bump arena for nodes, lists and strings. */
typedef struct Chunk {
    struct Chunk *next;
    size_t used, size;
    char data[];
} Chunk;

struct Ast {
    Lexer *lx;
    Chunk *chunks;
    NodeList body;
    NodeList literals;
    size_t lit_cap;
};

typedef struct Parser {
    Ast *ast;
    const Lexer *lx;
    const Token *toks;         /* lex_token(lx, 0): the parser reads the array */
    size_t pos, ntok;
    AstError *err;
    jmp_buf fail;
    int level;                 /* CPython's parser stack depth, modelled */
    int block_level;           /* the part of it statement nesting takes */
    int brackets;              /* open brackets around the current token */
    int first_target;          /* check_target is looking at a statement's
                                * first assignment target */
    LexError lexerr;           /* what the TK_ERROR token stands for */
} Parser;

/*
 * CPython 3.11's parser is a recursive descent over about 30 rules per
 * expression and gives up with MemoryError when it is 6000 rules deep
 * (MAXSTACK in Parser/parser.c).  This parser descends fewer functions, so
 * it keeps CPython's count instead of its own, measured against python3:
 * the test of a compound statement starts 29 levels down, an expression
 * statement 30, a returned value 31, an assigned value 32 and the items
 * after a comma 2 more; each unary operator or `not' adds 1, each `**' 2,
 * each `elif' 1 (the first 8); each enclosing block 6 (7 for def and
 * class); a parenthesis, list, set or dict display 10 (28 inside another
 * bracket), a call or subscript 5 (25).  Mostly exact, at worst a few
 * levels off.  The same bound keeps this parser's own recursion shallow.
 */
#define PARSER_MAXSTACK 6000
#define LEVEL_STATEMENT 29
#define LEVEL_BLOCK 6

/* Under AddressSanitizer each allocation is a chunk of its own, so a
 * read past a node's own size (see node_size) is caught. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_CHUNK 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_CHUNK 0
#endif
#endif
#ifndef ARENA_CHUNK
#define ARENA_CHUNK 65536
#endif

static void *
arena_alloc(Ast *a, size_t n)
{
    n = ARENA_CHUNK ? (n + 15) & ~(size_t)15 : n;
    if (a->chunks == NULL || a->chunks->used + n > a->chunks->size) {
        size_t size = n > ARENA_CHUNK ? n : ARENA_CHUNK;
        Chunk *c = xmalloc(sizeof *c + size);
        c->next = a->chunks;
        c->used = 0;
        c->size = size;
        a->chunks = c;
    }
    void *p = a->chunks->data + a->chunks->used;
    a->chunks->used += n;
    memset(p, 0, n);
    return p;
}

/* ------------------------------------------------------------------ */
/* Tokens and errors.                                                 */

/* Reading the token where the tokenizer failed raises its error, as
 * CPython's tokenizer does when its parser asks for that token: an
 * error of the parser's before it wins. */
static void __attribute__((noreturn))
tokenizer_error(const Parser *p)
{
    Parser *w = (Parser *)p;    /* an error leaves by longjmp */

    w->err->line = p->lexerr.line;
    w->err->col = p->lexerr.col;
    snprintf(w->err->msg, sizeof w->err->msg, "%s", p->lexerr.msg);
    longjmp(w->fail, 1);
}

static inline const Token *
tok(const Parser *p, size_t i)
{
    return &p->toks[i];
}

static const Token *
peek(const Parser *p)
{
    const Token *t = tok(p, p->pos);

    if (t->kind == TK_ERROR) {
        tokenizer_error(p);
    }
    return t;
}

static const Token *
peek2(const Parser *p)
{
    size_t i = p->pos + 1 < p->ntok ? p->pos + 1 : p->ntok - 1;
    const Token *t = tok(p, i);

    if (t->kind == TK_ERROR) {
        tokenizer_error(p);
    }
    return t;
}

static int
at(const Parser *p, TokKind k)
{
    return peek(p)->kind == k;
}

static const Token *
next(Parser *p)
{
    const Token *t = peek(p);

    if (p->pos + 1 < p->ntok) {
        p->pos++;
    }
    return t;
}

static void __attribute__((noreturn, format(printf, 4, 0)))
verror(Parser *p, int line, int col, const char *fmt, va_list ap)
{
    p->err->line = line;
    p->err->col = col;
    vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
    longjmp(p->fail, 1);
}

static void __attribute__((noreturn, format(printf, 3, 4)))
error_at(Parser *p, const Token *t, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    verror(p, t->line, t->col, fmt, ap);
}

/* CPython points "unexpected indent" at the last character of the
 * indentation. */
static void __attribute__((noreturn))
unexpected_indent(Parser *p, const Token *t)
{
    Token at = *t;

    if (at.end_line == at.line && at.end_col > at.col) {
        at.col = at.end_col - 1;
    }
    error_at(p, &at, "unexpected indent");
}

static void __attribute__((noreturn))
invalid_syntax(Parser *p, const Token *t)
{
    if (t->kind == TK_INDENT) {
        unexpected_indent(p, t);
    }
    if (t->kind == TK_FLOAT) {
        error_at(p, t, "float literals are not supported");
    }
    error_at(p, t, "invalid syntax");
}

static void
descend(Parser *p, const Token *t, int cost)
{
    p->level += cost;
    if (p->level >= PARSER_MAXSTACK) {
        error_at(p, t, "MemoryError: nested too deeply for CPython's parser (%d levels)",
                 PARSER_MAXSTACK);
    }
}

/* What sub parses at t, cost levels deeper in CPython's parser. */
static Node *
deeper(Parser *p, const Token *t, int cost, Node *(*sub)(Parser *))
{
    descend(p, t, cost);
    Node *x = sub(p);
    p->level -= cost;
    return x;
}

/* A bracket costs `first' levels, or `inner' inside another bracket. */
static int
enter_bracket(Parser *p, const Token *t, int first, int inner)
{
    int cost = p->brackets ? inner : first;

    descend(p, t, cost);
    p->brackets++;
    return cost;
}

static void
leave_bracket(Parser *p, int cost)
{
    p->brackets--;
    p->level -= cost;
}

static int
accept(Parser *p, TokKind k)
{
    if (at(p, k)) {
        next(p);
        return 1;
    }
    return 0;
}

/* What the subset refuses: the error msg at the next token if it is k. */
static void
refuse(Parser *p, TokKind k, const char *msg)
{
    if (at(p, k)) {
        error_at(p, peek(p), "%s", msg);
    }
}

static const Token *
expect(Parser *p, TokKind k)
{
    if (!at(p, k)) {
        const Token *t = peek(p);
        if (k == TK_COLON && t->kind == TK_NEWLINE) {
            error_at(p, t, "expected ':'");
        }
        if (k == TK_INDENT) {
            error_at(p, t, "expected an indented block");
        }
        if (k == TK_NEWLINE || k == TK_RPAR || k == TK_RSQB || k == TK_RBRACE
            || k == TK_COLON || k == TK_EQUAL) {
            invalid_syntax(p, t);
        }
        error_at(p, t, "expected '%s'", tok_text[k]);
    }
    return next(p);
}

/* ------------------------------------------------------------------ */
/* Node construction.                                                 */

/* A node takes only the room its kind's variant of the union needs; an
 * expression the compiler may fold into a constant in place (unary and
 * binary operations, tuple and list displays) has room for cnst. */
#define NODE_SIZE(v) (offsetof(Node, u) + sizeof(((Node *)0)->u.v))
#define NODE_FOLDABLE(v) \
    (NODE_SIZE(v) > NODE_SIZE(cnst) ? NODE_SIZE(v) : NODE_SIZE(cnst))

static const size_t node_size[] = {
    [N_NAME] = NODE_SIZE(name),       [N_CONST] = NODE_SIZE(cnst),
    [N_BINOP] = NODE_FOLDABLE(binop), [N_UNARY] = NODE_FOLDABLE(unary),
    [N_BOOLOP] = NODE_SIZE(boolop),   [N_COMPARE] = NODE_SIZE(compare),
    [N_CALL] = NODE_SIZE(call),       [N_ATTR] = NODE_SIZE(attr),
    [N_SUBSCR] = NODE_SIZE(subscr),   [N_LIST] = NODE_FOLDABLE(seq),
    [N_TUPLE] = NODE_FOLDABLE(seq),   [N_DICT] = NODE_SIZE(dict),
    [N_SET] = NODE_SIZE(seq),         [N_EXPR] = NODE_SIZE(expr),
    [N_ASSIGN] = NODE_SIZE(assign),   [N_AUGASSIGN] = NODE_SIZE(aug),
    [N_DEL] = NODE_SIZE(del),         [N_IF] = NODE_SIZE(ifs),
    [N_WHILE] = NODE_SIZE(ifs),       [N_FOR] = NODE_SIZE(fors),
    [N_BREAK] = offsetof(Node, u),    [N_CONTINUE] = offsetof(Node, u),
    [N_PASS] = offsetof(Node, u),     [N_RETURN] = NODE_SIZE(expr),
    [N_DEF] = NODE_SIZE(def),         [N_CLASS] = NODE_SIZE(cls),
    [N_GLOBAL] = NODE_SIZE(global),   [N_ASSERT] = NODE_SIZE(assrt),
    [N_IMPORT] = NODE_SIZE(import),
};
_Static_assert(sizeof node_size / sizeof node_size[0] == N_IMPORT + 1,
               "node_size covers every NodeKind");

static Node *
node(Parser *p, NodeKind kind, const Token *start)
{
    Node *n = arena_alloc(p->ast, node_size[kind]);

    n->kind = kind;
    n->line = start->line;
    n->col = start->col;
    n->end_line = start->end_line;
    n->end_col = start->end_col;
    return n;
}

static void
finish(Parser *p, Node *n)
{
    const Token *last = tok(p, p->pos ? p->pos - 1 : 0);

    n->end_line = last->end_line;
    n->end_col = last->end_col;
}

/* Lists grow in the arena (so an error's longjmp leaks nothing), then
 * become NodeLists. */
typedef struct Vec {
    Node **v;
    size_t n, cap;
} Vec;

/* Append x to v, which grows in the parser's arena. */
static void
vpush(Parser *p, Vec *v, Node *x)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 2;
        Node **nv = arena_alloc(p->ast, cap * sizeof *nv);
        if (v->n) {
            memcpy(nv, v->v, v->n * sizeof *nv);
        }
        v->v = nv;
        v->cap = cap;
    }
    v->v[v->n++] = x;
}

static NodeList
vfinish(Parser *p, Vec *v)
{
    NodeList l;

    (void)p;
    l.n = v->n;
    l.v = v->v;
    return l;
}

static void
add_literal(Parser *p, Node *n)
{
    Ast *a = p->ast;

    a->literals.v = xgrow(a->literals.v, &a->lit_cap, a->literals.n + 1, sizeof *a->literals.v);
    a->literals.v[a->literals.n++] = n;
}

/* ------------------------------------------------------------------ */
/* Expressions.                                                       */

static Node *expression(Parser *p);
static Node *disjunction(Parser *p);
static Node *bitor(Parser *p);

static int
starts_expression(TokKind k)
{
    switch (k) {
    case TK_NAME: case TK_INT: case TK_FLOAT: case TK_STRING: case TK_LPAR:
    case TK_LSQB: case TK_LBRACE: case TK_MINUS: case TK_PLUS: case TK_TILDE:
    case TK_NOT: case TK_NONE: case TK_TRUE: case TK_FALSE: case TK_LAMBDA:
    case TK_ELLIPSIS: case TK_AWAIT: case TK_YIELD:
        return 1;
    default:
        return 0;
    }
}

static void __attribute__((noreturn, format(printf, 3, 4)))
error_at_node(Parser *p, const Node *n, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    verror(p, n->line, n->col, fmt, ap);
}

/* Python 2's `print x': CPython's invalid_legacy_expression. */
static void
legacy_statement(Parser *p, const Node *a)
{
    if (a->kind == N_NAME && starts_expression(peek(p)->kind)
        && (strcmp(a->u.name.id, "print") == 0 || strcmp(a->u.name.id, "exec") == 0)) {
        error_at_node(p, a, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                      a->u.name.id, a->u.name.id);
    }
}

static const char *target_error(const Node *n);

/* `if x = 1:', `[a = 1]': CPython's invalid_named_expression, at a. */
static void
equals_for_test(Parser *p, const Node *a)
{
    if (!at(p, TK_EQUAL) || peek2(p)->kind == TK_EQUAL) {
        return;
    }
    if (a->kind == N_NAME) {
        error_at_node(p, a, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    const char *what = a->kind == N_ATTR ? "attribute" : a->kind == N_SUBSCR ? "subscript"
                       : target_error(a);
    if (what != NULL && a->kind != N_LIST && a->kind != N_TUPLE) {
        error_at_node(p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                      what);
    }
}

/* Inside brackets, an expression a followed by the start of another:
 * CPython's invalid_expression points at a, unless a is a name before a
 * string or a soft keyword. */
static void
missing_comma(Parser *p, const Node *a)
{
    if (!starts_expression(peek(p)->kind)) {
        return;
    }
    legacy_statement(p, a);
    if (a->kind == N_NAME && (peek(p)->kind == TK_STRING || strcmp(a->u.name.id, "match") == 0
                              || strcmp(a->u.name.id, "case") == 0
                              || strcmp(a->u.name.id, "_") == 0)) {
        return;
    }
    /* Inside a bracket never closed CPython's rules read on to the end,
     * where the tokenizer's error comes first (measured). */
    const LexError *le = &p->lexerr;
    if (le->kind == 'E' && (le->line < a->line || (le->line == a->line && le->col < a->col))) {
        tokenizer_error(p);
    }
    /* CPython's rules read the rest of the bracket before this one
     * wins: a tokenizer error there (a bad string, say) comes first. */
    int depth = 0;
    for (size_t i = p->pos; i < p->ntok && depth >= 0; i++) {
        TokKind k = tok(p, i)->kind;
        if (k == TK_ERROR) {
            tokenizer_error(p);
        }
        depth += k == TK_LPAR || k == TK_LSQB || k == TK_LBRACE;
        depth -= k == TK_RPAR || k == TK_RSQB || k == TK_RBRACE;
    }
    error_at_node(p, a, "invalid syntax. Perhaps you forgot a comma?");
}

static void __attribute__((noreturn))
comprehension_error(Parser *p, const Token *t, const char *what)
{
    error_at(p, t, "%s comprehensions are not supported", what);
}

/* Elements of a display until the closing token; stops with a
 * comprehension error at 'for'.  *trailing is set when the last element
 * was followed by a comma. */
static NodeList
elements(Parser *p, TokKind close, const char *what, int *trailing)
{
    Vec v = {0};

    *trailing = 0;
    while (!at(p, close)) {
        refuse(p, TK_STAR, "starred expressions are not supported");
        Node *x = expression(p);
        vpush(p, &v, x);
        if (at(p, TK_FOR) || at(p, TK_ASYNC)) {
            comprehension_error(p, peek(p), what);
        }
        if (!accept(p, TK_COMMA)) {
            equals_for_test(p, x);
            missing_comma(p, x);
            *trailing = 0;
            break;
        }
        *trailing = 1;
    }
    return vfinish(p, &v);
}

/* Adjacent string literals are one constant, joined in the arena (a
 * tokenizer error after them leaves by longjmp). */
static Node *
string_atom(Parser *p, const Token *t)
{
    size_t len = 0, end = p->pos;

    while (end < p->ntok && tok(p, end)->kind == TK_STRING) {
        len += tok(p, end++)->len;
    }
    char *buf = arena_alloc(p->ast, len + 1);
    len = 0;
    Node *n = node(p, N_CONST, t);
    while (p->pos < end) {
        const Token *s = next(p);
        memcpy(buf + len, s->text, s->len);
        len += s->len;
    }
    buf[len] = '\0';
    n->u.cnst.kind = C_STR;
    n->u.cnst.text = buf;
    n->u.cnst.len = len;
    finish(p, n);
    add_literal(p, n);
    return n;
}

/* An empty display, () or {}, when the closing bracket follows: its
 * node (of kind, at t), or NULL. */
static Node *
empty_display(Parser *p, const Token *t, TokKind close, NodeKind kind)
{
    if (!accept(p, close)) {
        return NULL;
    }
    Node *n = node(p, kind, t);
    finish(p, n);
    return n;
}

/* The rest of a tuple or set display after its first item: the items
 * after commas up to the closing bracket, then the node of kind at t. */
static Node *
display_rest(Parser *p, const Token *t, Node *first, TokKind close, NodeKind kind)
{
    Vec v = {0};

    vpush(p, &v, first);
    while (accept(p, TK_COMMA) && !at(p, close)) {
        Node *x = expression(p);
        vpush(p, &v, x);
        if (!at(p, TK_COMMA)) {
            missing_comma(p, x);
        }
    }
    expect(p, close);
    Node *n = node(p, kind, t);
    n->u.seq.elts = vfinish(p, &v);
    finish(p, n);
    return n;
}

/* After '(': (), a parenthesised expression, or a tuple display. */
static Node *
paren_atom(Parser *p, const Token *t)
{
    Node *n = empty_display(p, t, TK_RPAR, N_TUPLE);

    if (n != NULL) {
        return n;
    }
    refuse(p, TK_YIELD, "yield is not supported");
    Node *first = expression(p);
    refuse(p, TK_FOR, "generator expressions are not supported");
    if (accept(p, TK_RPAR)) {
        return first;            /* parenthesised expression */
    }
    if (!at(p, TK_COMMA)) {
        missing_comma(p, first);
        invalid_syntax(p, peek(p));
    }
    return display_rest(p, t, first, TK_RPAR, N_TUPLE);
}

/* A dict display after its first key and the ':'. */
static Node *
dict_display(Parser *p, const Token *t, Node *first)
{
    Vec keys = {0}, vals = {0};

    vpush(p, &keys, first);
    Node *x = expression(p);
    vpush(p, &vals, x);
    if (at(p, TK_FOR)) {
        comprehension_error(p, peek(p), "dict");
    }
    if (!at(p, TK_COMMA)) {
        missing_comma(p, x);
    }
    while (accept(p, TK_COMMA) && !at(p, TK_RBRACE)) {
        Node *key = expression(p);
        vpush(p, &keys, key);
        if (!at(p, TK_COLON)) {
            /* At the key's last character (on its first line). */
            Token last = *peek(p);
            last.line = key->line;
            last.col = key->end_col - 1;
            error_at(p, &last, "':' expected after dictionary key");
        }
        const Token *colon = next(p);
        if (!starts_expression(peek(p)->kind)) {
            error_at(p, colon, "expression expected after dictionary key and ':'");
        }
        x = expression(p);
        vpush(p, &vals, x);
        if (!at(p, TK_COMMA)) {
            missing_comma(p, x);
        }
    }
    expect(p, TK_RBRACE);
    Node *n = node(p, N_DICT, t);
    n->u.dict.keys = vfinish(p, &keys);
    n->u.dict.values = vfinish(p, &vals);
    finish(p, n);
    return n;
}

/* After '{': {}, a dict display or a set display. */
static Node *
brace_atom(Parser *p, const Token *t)
{
    Node *n = empty_display(p, t, TK_RBRACE, N_DICT);

    if (n != NULL) {
        return n;
    }
    refuse(p, TK_DOUBLESTAR, "dict unpacking (**) is not supported");
    Node *first = expression(p);
    if (accept(p, TK_COLON)) {
        return dict_display(p, t, first);
    }
    if (at(p, TK_FOR)) {
        comprehension_error(p, peek(p), "set");
    }
    if (!at(p, TK_COMMA)) {
        missing_comma(p, first);
    }
    return display_rest(p, t, first, TK_RBRACE, N_SET);
}

static Node *
bracketed_atom(Parser *p)
{
    const Token *t = peek(p);
    Node *n;
    int trailing;

    switch (t->kind) {
    case TK_NAME:
        next(p);
        n = node(p, N_NAME, t);
        n->u.name.id = t->text;
        return n;
    case TK_INT:
        next(p);
        n = node(p, N_CONST, t);
        n->u.cnst.kind = C_INT;
        n->u.cnst.text = t->text;
        n->u.cnst.len = t->len;
        add_literal(p, n);
        return n;
    case TK_STRING:
        return string_atom(p, t);
    case TK_NONE:
    case TK_TRUE:
    case TK_FALSE:
        next(p);
        n = node(p, N_CONST, t);
        n->u.cnst.kind = t->kind == TK_NONE ? C_NONE : t->kind == TK_TRUE ? C_TRUE : C_FALSE;
        return n;
    case TK_LPAR:
        next(p);
        return paren_atom(p, t);
    case TK_LSQB:
        next(p);
        n = node(p, N_LIST, t);
        n->u.seq.elts = elements(p, TK_RSQB, "list", &trailing);
        expect(p, TK_RSQB);
        finish(p, n);
        return n;
    case TK_LBRACE:
        next(p);
        return brace_atom(p, t);
    case TK_FLOAT:
        error_at(p, t, "float literals are not supported");
    case TK_ELLIPSIS:
        error_at(p, t, "Ellipsis (...) is not supported");
    case TK_LAMBDA:
        error_at(p, t, "lambda is not supported");
    case TK_YIELD:
        error_at(p, t, "yield is not supported");
    case TK_AWAIT:
        error_at(p, t, "await is not supported");
    default:
        invalid_syntax(p, t);
    }
}

static Node *
atom(Parser *p)
{
    const Token *t = peek(p);

    if (t->kind != TK_LPAR && t->kind != TK_LSQB && t->kind != TK_LBRACE) {
        return bracketed_atom(p);
    }
    int cost = enter_bracket(p, t, 10, 28);
    Node *n = bracketed_atom(p);
    leave_bracket(p, cost);
    return n;
}

/* A tuple without brackets of its own (a subscript's index, a for
 * loop's target) at start: first, then the items sub parses after each
 * comma, up to the token stop. */
static Node *
bare_tuple(Parser *p, const Token *start, Node *first, TokKind stop, Node *(*sub)(Parser *))
{
    Vec v = {0};

    vpush(p, &v, first);
    while (accept(p, TK_COMMA) && !at(p, stop)) {
        vpush(p, &v, sub(p));
    }
    Node *tup = node(p, N_TUPLE, start);
    tup->u.seq.elts = vfinish(p, &v);
    return tup;
}

static Node *
primary(Parser *p)
{
    const Token *start = peek(p);
    Node *n = atom(p);

    for (;;) {
        const Token *t = peek(p);
        if (t->kind == TK_DOT) {
            next(p);
            const Token *name = peek(p);
            if (name->kind != TK_NAME) {
                invalid_syntax(p, name);
            }
            next(p);
            Node *a = node(p, N_ATTR, start);
            a->u.attr.value = n;
            a->u.attr.attr = name->text;
            finish(p, a);
            n = a;
        } else if (t->kind == TK_LPAR) {
            int cost = enter_bracket(p, t, 5, 25);
            next(p);
            Vec args = {0};
            while (!at(p, TK_RPAR)) {
                if (at(p, TK_STAR) || at(p, TK_DOUBLESTAR)) {
                    error_at(p, peek(p), "argument unpacking (* and **) is not supported");
                }
                if (at(p, TK_NAME) && peek2(p)->kind == TK_EQUAL) {
                    error_at(p, peek(p), "keyword arguments are not supported");
                }
                Node *x = expression(p);
                vpush(p, &args, x);
                refuse(p, TK_FOR, "generator expressions are not supported");
                if (at(p, TK_EQUAL)) {          /* invalid_kwarg */
                    error_at_node(p, x, "expression cannot contain assignment, perhaps you "
                                  "meant \"==\"?");
                }
                if (!accept(p, TK_COMMA)) {
                    missing_comma(p, x);
                    break;
                }
            }
            expect(p, TK_RPAR);
            leave_bracket(p, cost);
            Node *c = node(p, N_CALL, start);
            c->u.call.func = n;
            c->u.call.args = vfinish(p, &args);
            finish(p, c);
            n = c;
        } else if (t->kind == TK_LSQB) {
            int cost = enter_bracket(p, t, 5, 25);
            next(p);
            refuse(p, TK_COLON, "slices are not supported");
            Node *idx = expression(p);
            refuse(p, TK_COLON, "slices are not supported");
            if (!at(p, TK_COMMA)) {
                missing_comma(p, idx);
            }
            if (at(p, TK_COMMA)) {
                idx = bare_tuple(p, t, idx, TK_RSQB, expression);
            }
            expect(p, TK_RSQB);
            leave_bracket(p, cost);
            Node *s = node(p, N_SUBSCR, start);
            s->u.subscr.value = n;
            s->u.subscr.index = idx;
            finish(p, s);
            n = s;
        } else {
            return n;
        }
    }
}

static Node *factor(Parser *p);

static Node *
power(Parser *p)
{
    const Token *start = peek(p);

    refuse(p, TK_AWAIT, "await is not supported");
    Node *n = primary(p);
    const Token *op = peek(p);
    if (accept(p, TK_DOUBLESTAR)) {
        Node *b = node(p, N_BINOP, start);
        b->u.binop.op = OP_POW;
        b->u.binop.left = n;
        b->u.binop.right = deeper(p, op, 2, factor);
        finish(p, b);
        return b;
    }
    return n;
}

/* After the unary operator t: its node, the operand parsed by sub one
 * level deeper. */
static Node *
unary(Parser *p, const Token *t, UnaryOp op, Node *(*sub)(Parser *))
{
    Node *n = node(p, N_UNARY, t);

    n->u.unary.op = op;
    n->u.unary.operand = deeper(p, t, 1, sub);
    finish(p, n);
    return n;
}

static Node *
factor(Parser *p)
{
    const Token *t = peek(p);
    UnaryOp op;

    switch (t->kind) {
    case TK_MINUS: op = U_NEG; break;
    case TK_PLUS: op = U_POS; break;
    case TK_TILDE: op = U_INVERT; break;
    default: return power(p);
    }
    next(p);
    return unary(p, t, op, factor);
}

/* The levels of left-associative binary operators, loosest first (bitor
 * to term); the operands of the last are factors. */
static const struct {
    TokKind toks[5];
    BinOp ops[5];
    int n;
} binary_levels[] = {
    {{TK_VBAR}, {OP_OR}, 1},
    {{TK_CIRCUMFLEX}, {OP_XOR}, 1},
    {{TK_AMPER}, {OP_AND}, 1},
    {{TK_LSHIFT, TK_RSHIFT}, {OP_LSHIFT, OP_RSHIFT}, 2},
    {{TK_PLUS, TK_MINUS}, {OP_ADD, OP_SUB}, 2},
    {{TK_STAR, TK_SLASH, TK_DOUBLESLASH, TK_PERCENT, TK_AT},
     {OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_MATMUL}, 5},
};
#define BINARY_LEVELS (sizeof binary_levels / sizeof binary_levels[0])

static Node *binary(Parser *p, size_t level);

/* An operand of the binary operators of level. */
static Node *
binary_operand(Parser *p, size_t level)
{
    return level + 1 < BINARY_LEVELS ? binary(p, level + 1) : factor(p);
}

/* One level of left-associative binary operators. */
static Node *
binary(Parser *p, size_t level)
{
    const Token *start = peek(p);
    Node *left = binary_operand(p, level);
    int n = binary_levels[level].n;

    for (;;) {
        int i;
        for (i = 0; i < n && !at(p, binary_levels[level].toks[i]); i++) {
        }
        if (i == n) {
            return left;
        }
        next(p);
        Node *b = node(p, N_BINOP, start);
        b->u.binop.op = binary_levels[level].ops[i];
        b->u.binop.left = left;
        b->u.binop.right = binary_operand(p, level);
        finish(p, b);
        left = b;
    }
}

static Node *
bitor(Parser *p)
{
    return binary(p, 0);
}

static int
compare_op(Parser *p, CmpOp *op)
{
    switch (peek(p)->kind) {
    case TK_LESS: *op = CMP_LT; break;
    case TK_LESSEQUAL: *op = CMP_LE; break;
    case TK_EQEQUAL: *op = CMP_EQ; break;
    case TK_NOTEQUAL: *op = CMP_NE; break;
    case TK_GREATER: *op = CMP_GT; break;
    case TK_GREATEREQUAL: *op = CMP_GE; break;
    case TK_IN: *op = CMP_IN; break;
    case TK_IS:
        next(p);
        *op = accept(p, TK_NOT) ? CMP_ISNOT : CMP_IS;
        return 1;
    case TK_NOT:
        if (peek2(p)->kind != TK_IN) {
            return 0;
        }
        next(p);
        *op = CMP_NOTIN;
        break;
    default:
        return 0;
    }
    next(p);
    return 1;
}

static Node *
comparison(Parser *p)
{
    const Token *start = peek(p);
    Node *left = bitor(p);
    CmpOp op;

    if (!compare_op(p, &op)) {
        return left;
    }
    Vec comps = {0};
    CmpOp *ops = NULL;
    size_t n = 0, cap = 0;
    do {
        if (n == cap) {         /* grows in the arena, as a Vec does */
            CmpOp *more = arena_alloc(p->ast, (cap ? cap * 2 : 8) * sizeof *ops);
            if (n) {
                memcpy(more, ops, n * sizeof *ops);
            }
            ops = more;
            cap = cap ? cap * 2 : 8;
        }
        ops[n++] = op;
        vpush(p, &comps, bitor(p));
    } while (compare_op(p, &op));
    Node *c = node(p, N_COMPARE, start);
    c->u.compare.left = left;
    c->u.compare.ops = ops;
    c->u.compare.comparators = vfinish(p, &comps);
    finish(p, c);
    return c;
}

static Node *
inversion(Parser *p)
{
    const Token *t = peek(p);

    return accept(p, TK_NOT) ? unary(p, t, U_NOT, inversion) : comparison(p);
}

static Node *
boolop(Parser *p, TokKind tk, BoolOpKind kind, Node *(*sub)(Parser *))
{
    const Token *start = peek(p);
    Node *first = sub(p);

    if (!at(p, tk)) {
        return first;
    }
    Vec v = {0};
    vpush(p, &v, first);
    while (accept(p, tk)) {
        vpush(p, &v, sub(p));
    }
    Node *n = node(p, N_BOOLOP, start);
    n->u.boolop.op = kind;
    n->u.boolop.values = vfinish(p, &v);
    finish(p, n);
    return n;
}

static Node *
conjunction(Parser *p)
{
    return boolop(p, TK_AND, B_AND, inversion);
}

static Node *
disjunction(Parser *p)
{
    return boolop(p, TK_OR, B_OR, conjunction);
}

static Node *
expression(Parser *p)
{
    refuse(p, TK_LAMBDA, "lambda is not supported");
    Node *n = disjunction(p);
    refuse(p, TK_IF, "conditional expressions (x if c else y) are not supported");
    refuse(p, TK_COLONEQUAL, "assignment expressions (:=) are not supported");
    return n;
}

/* expression (',' expression)* [','] as a tuple when there is a comma. */
static Node *
testlist(Parser *p)
{
    const Token *start = peek(p);

    refuse(p, TK_STAR, "starred expressions are not supported");
    Node *first = expression(p);
    if (!at(p, TK_COMMA)) {
        return first;
    }
    Vec v = {0};
    vpush(p, &v, first);
    while (accept(p, TK_COMMA)) {
        if (!starts_expression(peek(p)->kind)) {
            refuse(p, TK_STAR, "starred expressions are not supported");
            break;
        }
        vpush(p, &v, deeper(p, peek(p), 2, expression));
    }
    Node *t = node(p, N_TUPLE, start);
    t->u.seq.elts = vfinish(p, &v);
    finish(p, t);
    return t;
}

/* ------------------------------------------------------------------ */
/* Statements.                                                        */

static NodeList block(Parser *p, const char *what, int line);
static void statement(Parser *p, Vec *out);

static const char *
target_error(const Node *n)
{
    switch (n->kind) {
    case N_CALL: return "function call";
    case N_CONST: return "literal";
    case N_BINOP: return "expression";
    case N_UNARY: return "expression";
    case N_BOOLOP: return "expression";
    case N_COMPARE: return "comparison";
    case N_DICT: return "dict literal";
    case N_SET: return "set display";
    default: return NULL;
    }
}

/* Check an assignment (or del, or for) target. */
static void
check_target(Parser *p, Node *n, const char *verb)
{
    const char *what = target_error(n);
    /* The first target of an assignment is also CPython's
     * invalid_named_expression: an operator's result gets "here" too. */
    int first = p->first_target && strcmp(verb, "assign to") == 0;
    int operator = n->kind == N_BINOP || (n->kind == N_UNARY && n->u.unary.op != U_NOT);

    if (what != NULL) {
        p->err->line = n->line;
        p->err->col = n->col;
        if (strcmp(verb, "delete") == 0) {
            snprintf(p->err->msg, sizeof p->err->msg, "cannot delete %s", what);
        } else if (strcmp(what, "literal") == 0 || strcmp(what, "function call") == 0
                   || strcmp(what, "comparison") == 0 || strcmp(what, "dict literal") == 0
                   || strcmp(what, "set display") == 0 || (first && operator)) {
            snprintf(p->err->msg, sizeof p->err->msg,
                     "cannot %s %s here. Maybe you meant '==' instead of '='?", verb, what);
        } else {
            snprintf(p->err->msg, sizeof p->err->msg, "cannot %s %s", verb, what);
        }
        longjmp(p->fail, 1);
    }
    if (n->kind == N_TUPLE || n->kind == N_LIST) {
        for (size_t i = 0; i < n->u.seq.elts.n; i++) {
            check_target(p, n->u.seq.elts.v[i], verb);
        }
    }
}

static BinOp
aug_op(TokKind k, int *ok)
{
    *ok = 1;
    switch (k) {
    case TK_PLUSEQUAL: return OP_ADD;
    case TK_MINEQUAL: return OP_SUB;
    case TK_STAREQUAL: return OP_MUL;
    case TK_SLASHEQUAL: return OP_DIV;
    case TK_DOUBLESLASHEQUAL: return OP_FLOORDIV;
    case TK_PERCENTEQUAL: return OP_MOD;
    case TK_DOUBLESTAREQUAL: return OP_POW;
    case TK_AMPEREQUAL: return OP_AND;
    case TK_VBAREQUAL: return OP_OR;
    case TK_CIRCUMFLEXEQUAL: return OP_XOR;
    case TK_LSHIFTEQUAL: return OP_LSHIFT;
    case TK_RSHIFTEQUAL: return OP_RSHIFT;
    case TK_ATEQUAL: return OP_MATMUL;
    default: *ok = 0; return OP_ADD;
    }
}

static const char **
name_list(Parser *p, size_t *n)
{
    const char *names[256];
    size_t k = 0;

    do {
        const Token *t = peek(p);
        if (t->kind != TK_NAME) {
            invalid_syntax(p, t);
        }
        if (k == 256) {
            error_at(p, t, "too many names");
        }
        next(p);
        names[k++] = t->text;
    } while (accept(p, TK_COMMA));
    const char **v = arena_alloc(p->ast, k * sizeof *v);
    memcpy(v, names, k * sizeof *v);
    *n = k;
    return v;
}

static Node *
small_statement(Parser *p)
{
    const Token *t = peek(p);
    Node *n;

    switch (t->kind) {
    case TK_PASS:
        next(p);
        return node(p, N_PASS, t);
    case TK_BREAK:
        next(p);
        return node(p, N_BREAK, t);
    case TK_CONTINUE:
        next(p);
        return node(p, N_CONTINUE, t);
    case TK_RETURN:
        next(p);
        n = node(p, N_RETURN, t);
        if (!at(p, TK_NEWLINE) && !at(p, TK_SEMI)) {
            n->u.expr.value = deeper(p, t, 2, testlist);
        }
        finish(p, n);
        return n;
    case TK_GLOBAL:
        next(p);
        n = node(p, N_GLOBAL, t);
        n->u.global.names = name_list(p, &n->u.global.n);
        finish(p, n);
        return n;
    case TK_NONLOCAL:
        error_at(p, t, "nonlocal is not supported");
    case TK_DEL: {
        next(p);
        n = node(p, N_DEL, t);
        Vec v = {0};
        do {
            if (at(p, TK_NEWLINE) || at(p, TK_SEMI)) {
                break;
            }
            Node *x = bitor(p);
            vpush(p, &v, x);
        } while (accept(p, TK_COMMA));
        if (v.n == 0) {
            invalid_syntax(p, peek(p));
        }
        n->u.del.targets = vfinish(p, &v);
        for (size_t i = 0; i < n->u.del.targets.n; i++) {
            check_target(p, n->u.del.targets.v[i], "delete");
        }
        finish(p, n);
        return n;
    }
    case TK_ASSERT:
        next(p);
        n = node(p, N_ASSERT, t);
        n->u.assrt.test = expression(p);
        if (accept(p, TK_COMMA)) {
            n->u.assrt.msg = expression(p);
        }
        finish(p, n);
        return n;
    case TK_IMPORT: {
        next(p);
        n = node(p, N_IMPORT, t);
        const Token *first = peek(p);
        n->u.import.names = name_list(p, &n->u.import.n);
        for (size_t i = 0; i < n->u.import.n; i++) {
            const char *m = n->u.import.names[i];
            if (strcmp(m, "sys") != 0 && strcmp(m, "gc") != 0 && strcmp(m, "weakref") != 0) {
                error_at(p, first, "only 'import sys', 'import gc' and 'import weakref' are "
                         "supported, not module '%s'", m);
            }
        }
        refuse(p, TK_DOT, "only 'import sys', 'import gc' and 'import weakref' are "
               "supported");
        refuse(p, TK_AS, "'import ... as' is not supported");
        finish(p, n);
        return n;
    }
    case TK_FROM:
        error_at(p, t, "'from ... import' is not supported; use 'import sys'");
    case TK_RAISE:
        error_at(p, t, "raise is not supported");
    case TK_YIELD:
        error_at(p, t, "yield is not supported");
    default:
        break;
    }
    /* Expression statement, assignment or augmented assignment. */
    descend(p, t, 1);
    Node *first = testlist(p);
    legacy_statement(p, first);
    int ok;
    BinOp op = aug_op(peek(p)->kind, &ok);
    if (ok) {
        if (first->kind != N_NAME && first->kind != N_ATTR && first->kind != N_SUBSCR) {
            p->err->line = first->line;
            p->err->col = first->col;
            snprintf(p->err->msg, sizeof p->err->msg,
                     "'%s' is an illegal expression for augmented assignment",
                     first->kind == N_TUPLE ? "tuple" : first->kind == N_LIST ? "list"
                     : first->kind == N_CALL ? "function call" : "expression");
            longjmp(p->fail, 1);
        }
        next(p);
        n = node(p, N_AUGASSIGN, t);
        n->u.aug.target = first;
        n->u.aug.op = op;
        descend(p, t, 2);
        n->u.aug.value = testlist(p);
        finish(p, n);
        return n;
    }
    refuse(p, TK_COLON, "annotations are not supported");
    if (!at(p, TK_EQUAL)) {
        n = node(p, N_EXPR, t);
        n->u.expr.value = first;
        finish(p, n);
        return n;
    }
    Vec targets = {0};
    Node *value = first;
    while (accept(p, TK_EQUAL)) {
        p->first_target = value == first;
        check_target(p, value, "assign to");
        p->first_target = 0;
        vpush(p, &targets, value);
        refuse(p, TK_YIELD, "yield is not supported");
        value = deeper(p, t, 2, testlist);
    }
    n = node(p, N_ASSIGN, t);
    n->u.assign.targets = vfinish(p, &targets);
    n->u.assign.value = value;
    finish(p, n);
    return n;
}

static void
simple_statements(Parser *p, Vec *out)
{
    do {
        if (at(p, TK_NEWLINE)) {
            break;
        }
        int level = p->level;
        vpush(p, out, small_statement(p));
        p->level = level;
    } while (accept(p, TK_SEMI));
    expect(p, TK_NEWLINE);
}

/* The body of a compound statement: `what' names it for CPython's
 * "expected an indented block after 'if' statement on line 2". */
static NodeList
block(Parser *p, const char *what, int line)
{
    Vec v = {0};

    expect(p, TK_COLON);
    if (!accept(p, TK_NEWLINE)) {
        simple_statements(p, &v);
        return vfinish(p, &v);
    }
    if (!at(p, TK_INDENT)) {
        /* At the end of the file CPython points just past the last
         * line's last character, a blank or comment line included. */
        Token end = *peek(p);
        size_t i = p->pos;
        while (tok(p, i)->kind == TK_DEDENT) {
            i++;
        }
        if (tok(p, i)->kind == TK_EOF && lex_nlines(p->lx) > 0) {
            size_t len;
            const char *last = lex_line(p->lx, lex_nlines(p->lx), &len);
            end.line = lex_nlines(p->lx);
            end.col = 1;
            for (size_t k = 0; k < len; k++) {
                end.col += ((unsigned char)last[k] & 0xc0) != 0x80;
            }
        }
        error_at(p, &end, "expected an indented block after %s on line %d", what, line);
    }
    next(p);
    p->block_level += LEVEL_BLOCK;
    while (!at(p, TK_DEDENT) && !at(p, TK_EOF)) {
        statement(p, &v);
    }
    p->block_level -= LEVEL_BLOCK;
    accept(p, TK_DEDENT);
    return vfinish(p, &v);
}

static Node *
if_statement(Parser *p, const Token *t)
{
    Node *n = node(p, N_IF, t);
    int is_elif = t->kind == TK_ELIF;

    next(p);
    n->u.ifs.test = expression(p);
    equals_for_test(p, n->u.ifs.test);
    n->u.ifs.body = block(p, is_elif ? "'elif' statement" : "'if' statement", t->line);
    if (at(p, TK_ELIF)) {
        const Token *e = peek(p);
        int cost = is_elif ? 1 : 8;
        descend(p, e, cost);
        Node *sub = if_statement(p, e);
        p->level -= cost;
        Vec v = {0};
        vpush(p, &v, sub);
        n->u.ifs.orelse = vfinish(p, &v);
    } else if (at(p, TK_ELSE)) {
        const Token *e = next(p);
        n->u.ifs.orelse = block(p, "'else' statement", e->line);
    }
    return n;
}

/* for TARGET in ITER: BODY; the target a name, attribute, subscript or
 * tuple of them. */
static Node *
for_statement(Parser *p, const Token *t)
{
    next(p);
    Node *n = node(p, N_FOR, t);
    /* The target: a name, attribute, subscript or tuple of them. */
    const Token *ts = peek(p);
    Node *first = bitor(p);
    if (at(p, TK_COMMA)) {
        first = bare_tuple(p, ts, first, TK_IN, bitor);
    }
    check_target(p, first, "assign to");
    n->u.fors.target = first;
    expect(p, TK_IN);
    n->u.fors.iter = deeper(p, t, 1, testlist);
    n->u.fors.body = block(p, "'for' statement", t->line);
    refuse(p, TK_ELSE, "'else' after a loop is not supported");
    return n;
}

/* A def's parameters, after its name: (PARAMS), positional ones with
 * defaults only. */
static void
parameters(Parser *p, Node *n)
{
    const char *params[256];
    size_t np = 0;
    Vec defaults = {0};

    expect(p, TK_LPAR);
    while (!at(p, TK_RPAR)) {
        const Token *pt = peek(p);
        if (pt->kind == TK_STAR || pt->kind == TK_DOUBLESTAR || pt->kind == TK_SLASH) {
            error_at(p, pt, "only positional parameters (with defaults) are supported");
        }
        if (pt->kind != TK_NAME) {
            invalid_syntax(p, pt);
        }
        next(p);
        for (size_t i = 0; i < np; i++) {
            if (strlen(params[i]) == pt->len && memcmp(params[i], pt->text, pt->len) == 0) {
                error_at(p, pt, "duplicate argument '%s' in function definition",
                         params[i]);
            }
        }
        if (np == 255) {
            error_at(p, pt, "too many parameters");
        }
        params[np++] = pt->text;
        refuse(p, TK_COLON, "annotations are not supported");
        if (accept(p, TK_EQUAL)) {
            vpush(p, &defaults, expression(p));
        } else if (defaults.n > 0) {
            error_at(p, pt, "non-default argument follows default argument");
        }
        if (!accept(p, TK_COMMA)) {
            break;
        }
    }
    expect(p, TK_RPAR);
    refuse(p, TK_ARROW, "annotations are not supported");
    n->u.def.params = arena_alloc(p->ast, (np ? np : 1) * sizeof(char *));
    memcpy(n->u.def.params, params, np * sizeof(char *));
    n->u.def.nparams = np;
    n->u.def.defaults = vfinish(p, &defaults);
}

/* def NAME(PARAMS): BODY; class NAME: BODY or class NAME(): BODY (no
 * bases).  The body is one block level deeper. */
static Node *
definition(Parser *p, const Token *t)
{
    int def = t->kind == TK_DEF;
    Node *n = node(p, def ? N_DEF : N_CLASS, t);

    next(p);
    const Token *name = peek(p);
    if (name->kind != TK_NAME) {
        invalid_syntax(p, name);
    }
    next(p);
    if (def) {
        n->u.def.name = name->text;
        parameters(p, n);
    } else {
        n->u.cls.name = name->text;
        if (accept(p, TK_LPAR)) {
            if (!at(p, TK_RPAR)) {
                error_at(p, peek(p), "base classes are not supported");
            }
            next(p);
        }
    }
    p->block_level += 1;
    NodeList body = block(p, def ? "function definition" : "class definition", t->line);
    p->block_level -= 1;
    if (def) {
        n->u.def.body = body;
    } else {
        n->u.cls.body = body;
    }
    return n;
}

static void
statement_here(Parser *p, Vec *out)
{
    const Token *t = peek(p);
    Node *n;

    switch (t->kind) {
    case TK_IF:
        vpush(p, out, if_statement(p, t));
        return;
    case TK_WHILE:
        next(p);
        n = node(p, N_WHILE, t);
        n->u.ifs.test = expression(p);
        equals_for_test(p, n->u.ifs.test);
        n->u.ifs.body = block(p, "'while' statement", t->line);
        refuse(p, TK_ELSE, "'else' after a loop is not supported");
        vpush(p, out, n);
        return;
    case TK_FOR:
        vpush(p, out, for_statement(p, t));
        return;
    case TK_DEF:
    case TK_CLASS:
        vpush(p, out, definition(p, t));
        return;
    case TK_TRY:
        error_at(p, t, "try statements are not supported");
    case TK_WITH:
        error_at(p, t, "with statements are not supported");
    case TK_ASYNC:
        error_at(p, t, "async is not supported");
    case TK_AT:
        error_at(p, t, "decorators are not supported");
    case TK_ELSE:
    case TK_ELIF:
    case TK_EXCEPT:
    case TK_FINALLY:
        invalid_syntax(p, t);
    case TK_INDENT:
        unexpected_indent(p, t);
    default:
        if (t->kind == TK_NAME && t->len == 5 && memcmp(t->text, "match", 5) == 0
            && peek2(p)->kind != TK_EQUAL && peek2(p)->kind != TK_LPAR
            && peek2(p)->kind != TK_DOT && peek2(p)->kind != TK_LSQB
            && peek2(p)->kind != TK_NEWLINE) {
            error_at(p, t, "match statements are not supported");
        }
        simple_statements(p, out);
        return;
    }
}

/* ------------------------------------------------------------------ */
/* Entry points.                                                      */

static void
statement(Parser *p, Vec *out)
{
    int saved = p->level;

    p->level = p->block_level;
    descend(p, peek(p), LEVEL_STATEMENT);
    statement_here(p, out);
    p->level = saved;
}

Ast *
ast_parse(const char *src, size_t n, AstError *err)
{
    LexError le;
    int lexfailed;

    if (n > LEX_MAX_SOURCE) {
        err->line = 1;
        err->col = 1;
        snprintf(err->msg, sizeof err->msg,
                 "the source is %zu bytes; the largest pymemsim reads is %zu", n,
                 (size_t)LEX_MAX_SOURCE);
        return NULL;
    }
    Lexer *lx = lex_new_partial(src, n, &le, &lexfailed);

    Ast *a = xcalloc(1, sizeof *a);
    a->lx = lx;
    Parser *p = xcalloc(1, sizeof *p);
    if (lexfailed) {
        p->lexerr = le;
    }
    p->ast = a;
    p->lx = lx;
    p->ntok = lex_count(lx);
    p->toks = lex_token(lx, 0);
    p->err = err;
    Vec body = {0};
    if (setjmp(p->fail)) {
        /* _PyPegen_set_syntax_error: after a plain "invalid syntax" CPython
         * tokenizes the rest of the text; a SyntaxError its tokenizer
         * raises there (kind A) is reported instead, and so is a bracket
         * never closed that was opened on an earlier line. */
        if (lexfailed && strcmp(err->msg, "invalid syntax") == 0
            && (le.kind == 'A' || (le.kind == 'E' && le.line < err->line))) {
            err->line = le.line;
            err->col = le.col;
            snprintf(err->msg, sizeof err->msg, "%s", le.msg);
        }
        free(p);
        ast_free(a);
        return NULL;
    }
    while (!at(p, TK_EOF)) {
        statement(p, &body);
    }
    a->body = vfinish(p, &body);
    free(p);
    return a;
}

void
ast_children(const Node *n, void (*visit)(void *ctx, const Node *child), void *ctx)
{
    const NodeList *l = NULL;

    switch (n->kind) {
    case N_BINOP:
        visit(ctx, n->u.binop.left);
        visit(ctx, n->u.binop.right);
        return;
    case N_UNARY:
        visit(ctx, n->u.unary.operand);
        return;
    case N_BOOLOP:
        l = &n->u.boolop.values;
        break;
    case N_COMPARE:
        visit(ctx, n->u.compare.left);
        l = &n->u.compare.comparators;
        break;
    case N_CALL:
        visit(ctx, n->u.call.func);
        l = &n->u.call.args;
        break;
    case N_ATTR:
        visit(ctx, n->u.attr.value);
        return;
    case N_SUBSCR:
        visit(ctx, n->u.subscr.value);
        visit(ctx, n->u.subscr.index);
        return;
    case N_LIST:
    case N_TUPLE:
    case N_SET:
        l = &n->u.seq.elts;
        break;
    case N_DICT:
        for (size_t i = 0; i < n->u.dict.keys.n; i++) {
            visit(ctx, n->u.dict.keys.v[i]);
            visit(ctx, n->u.dict.values.v[i]);
        }
        return;
    default:
        return;                         /* names, constants */
    }
    for (size_t i = 0; i < l->n; i++) {
        visit(ctx, l->v[i]);
    }
}

void
ast_free(Ast *a)
{
    if (a == NULL) {
        return;
    }
    while (a->chunks != NULL) {
        Chunk *c = a->chunks;
        a->chunks = c->next;
        free(c);
    }
    free(a->literals.v);
    lex_free(a->lx);
    free(a);
}

const NodeList *
ast_body(const Ast *a)
{
    return &a->body;
}

const NodeList *
ast_literals(const Ast *a)
{
    return &a->literals;
}

const char *
ast_line(const Ast *a, int line, size_t *len)
{
    return lex_line(a->lx, line, len);
}
