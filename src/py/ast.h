/*
 * ast.h: the abstract syntax tree of the Python subset.
 *
 * Nodes mirror CPython's ast module (Parser/Python.asdl) for the
 * constructs the subset has.  All nodes of one parse live in an arena
 * owned by the Ast and are freed together.
 */
#ifndef PYMEMSIM_PY_AST_H
#define PYMEMSIM_PY_AST_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    /* expressions */
    N_NAME, N_CONST, N_BINOP, N_UNARY, N_BOOLOP, N_COMPARE, N_CALL,
    N_ATTR, N_SUBSCR, N_LIST, N_TUPLE, N_DICT, N_SET,
    /* statements */
    N_EXPR, N_ASSIGN, N_AUGASSIGN, N_DEL, N_IF, N_WHILE, N_FOR, N_BREAK,
    N_CONTINUE, N_PASS, N_RETURN, N_DEF, N_CLASS, N_GLOBAL, N_ASSERT,
    N_IMPORT                   /* last: parser.c sizes nodes by kind */
} NodeKind;

typedef enum { C_INT, C_STR, C_NONE, C_TRUE, C_FALSE, C_TUPLE } ConstKind;

/* Binary operators in the order of CPython 3.11's NB_* oparg table
 * (Include/opcode.h): BINARY_OP's argument is the index. */
#define BINOPS(X) \
    X(ADD, "+") X(AND, "&") X(FLOORDIV, "//") X(LSHIFT, "<<") X(MATMUL, "@") \
    X(MUL, "*") X(MOD, "%") X(OR, "|") X(POW, "**") X(RSHIFT, ">>") \
    X(SUB, "-") X(DIV, "/") X(XOR, "^")

typedef enum {
#define X(id, text) OP_##id,
    BINOPS(X)
#undef X
    OP_NBINOPS
} BinOp;

extern const char *const binop_text[OP_NBINOPS];

typedef enum { U_NEG, U_POS, U_NOT, U_INVERT } UnaryOp;
typedef enum { B_AND, B_OR } BoolOpKind;
typedef enum {
    CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE,  /* COMPARE_OP order */
    CMP_IS, CMP_ISNOT, CMP_IN, CMP_NOTIN
} CmpOp;

typedef struct Node Node;

typedef struct NodeList {
    Node **v;
    size_t n;
} NodeList;

struct Node {
    NodeKind kind;
    int line, col, end_line, end_col;
    uint32_t folded;           /* the compiler's: 1 + its constant's index, or 0 */
    union {
        struct { const char *id; } name;
        struct { ConstKind kind; const char *text; size_t len; NodeList elts; } cnst;
        struct { BinOp op; Node *left, *right; } binop;
        struct { UnaryOp op; Node *operand; } unary;
        struct { BoolOpKind op; NodeList values; } boolop;
        struct { Node *left; CmpOp *ops; NodeList comparators; } compare;
        struct { Node *func; NodeList args; } call;
        struct { Node *value; const char *attr; } attr;
        struct { Node *value, *index; } subscr;
        struct { NodeList elts; } seq;                 /* list, tuple, set */
        struct { NodeList keys, values; } dict;
        struct { Node *value; } expr;                  /* N_EXPR, N_RETURN */
        struct { NodeList targets; Node *value; } assign;
        struct { Node *target; BinOp op; Node *value; } aug;
        struct { NodeList targets; } del;
        struct { Node *test; NodeList body, orelse; } ifs;   /* if, while */
        struct { Node *target, *iter; NodeList body, orelse; } fors;
        struct {
            const char *name;
            const char **params; size_t nparams;
            NodeList defaults;
            NodeList body;
        } def;
        struct { const char *name; NodeList body; } cls;
        struct { const char **names; size_t n; } global;
        struct { Node *test, *msg; } assrt;
        struct { const char **names; size_t n; } import;
    } u;
};

typedef struct Ast Ast;

typedef struct AstError {
    int line, col;
    char msg[400];
} AstError;

/* Parse src; NULL and *err on error.  file names the source in
 * messages only.  Caller owns the result. */
Ast *ast_parse(const char *src, size_t n, AstError *err);
void ast_free(Ast *a);
/* Call visit on each direct subexpression of the expression n, in
 * evaluation order (none for names and constants). */
void ast_children(const Node *n, void (*visit)(void *ctx, const Node *child), void *ctx);
const NodeList *ast_body(const Ast *a);
/* The source line for tracebacks (from the lexer). */
const char *ast_line(const Ast *a, int line, size_t *len);
/* Every constant literal occurrence in source order (the objects the
 * parser creates and its arena keeps alive while __main__ runs). */
const NodeList *ast_literals(const Ast *a);

#endif
