/*
 * check_parser.c: the parser on its own: AST shapes, precedence,
 * literals, and the errors for constructs outside the subset.
 */
#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "py/ast.h"

static Ast *
parse(const char *src)
{
    AstError err;
    Ast *a = ast_parse(src, strlen(src), &err);

    ck_assert_msg(a != NULL, "parse failed: %d:%d: %s", err.line, err.col, err.msg);
    return a;
}

static const Node *
first(const Ast *a)
{
    ck_assert_uint_ge(ast_body(a)->n, 1);
    return ast_body(a)->v[0];
}

START_TEST(test_precedence)
{
    Ast *a = parse("x = 1 + 2 * 3 ** 2 ** 2\n");
    const Node *s = first(a);
    ck_assert_int_eq(s->kind, N_ASSIGN);
    const Node *e = s->u.assign.value;
    ck_assert_int_eq(e->kind, N_BINOP);
    ck_assert_int_eq(e->u.binop.op, OP_ADD);
    const Node *r = e->u.binop.right;
    ck_assert_int_eq(r->u.binop.op, OP_MUL);
    const Node *p = r->u.binop.right;
    ck_assert_int_eq(p->u.binop.op, OP_POW);
    /* ** is right-associative. */
    ck_assert_int_eq(p->u.binop.right->kind, N_BINOP);
    ck_assert_int_eq(p->u.binop.right->u.binop.op, OP_POW);
    ast_free(a);
}
END_TEST

START_TEST(test_unary_and_boolean)
{
    Ast *a = parse("y = not a and -b < c or d\n");
    const Node *e = first(a)->u.assign.value;
    ck_assert_int_eq(e->kind, N_BOOLOP);
    ck_assert_int_eq(e->u.boolop.op, B_OR);
    const Node *and = e->u.boolop.values.v[0];
    ck_assert_int_eq(and->u.boolop.op, B_AND);
    ck_assert_int_eq(and->u.boolop.values.v[0]->kind, N_UNARY);
    ck_assert_int_eq(and->u.boolop.values.v[0]->u.unary.op, U_NOT);
    const Node *cmp = and->u.boolop.values.v[1];
    ck_assert_int_eq(cmp->kind, N_COMPARE);
    ck_assert_int_eq(cmp->u.compare.left->kind, N_UNARY);
    ast_free(a);
}
END_TEST

START_TEST(test_comparison_chain)
{
    Ast *a = parse("ok = a < b <= c is not d not in e\n");
    const Node *c = first(a)->u.assign.value;
    ck_assert_int_eq(c->kind, N_COMPARE);
    ck_assert_uint_eq(c->u.compare.comparators.n, 4);
    ck_assert_int_eq(c->u.compare.ops[0], CMP_LT);
    ck_assert_int_eq(c->u.compare.ops[1], CMP_LE);
    ck_assert_int_eq(c->u.compare.ops[2], CMP_ISNOT);
    ck_assert_int_eq(c->u.compare.ops[3], CMP_NOTIN);
    ast_free(a);
}
END_TEST

START_TEST(test_assignment_forms)
{
    Ast *a = parse("a = b = []\nx, y = y, x\nobj.attr = 1\nd['k'] += 2\ndel a, d['k'], obj.attr\n");
    const NodeList *b = ast_body(a);
    ck_assert_uint_eq(b->n, 5);
    ck_assert_uint_eq(b->v[0]->u.assign.targets.n, 2);
    ck_assert_int_eq(b->v[1]->u.assign.targets.v[0]->kind, N_TUPLE);
    ck_assert_int_eq(b->v[1]->u.assign.value->kind, N_TUPLE);
    ck_assert_int_eq(b->v[2]->u.assign.targets.v[0]->kind, N_ATTR);
    ck_assert_int_eq(b->v[3]->kind, N_AUGASSIGN);
    ck_assert_int_eq(b->v[3]->u.aug.target->kind, N_SUBSCR);
    ck_assert_int_eq(b->v[4]->kind, N_DEL);
    ck_assert_uint_eq(b->v[4]->u.del.targets.n, 3);
    ast_free(a);
}
END_TEST

START_TEST(test_compound_statements)
{
    Ast *a = parse("def f(a, b=2):\n"
                   "    if a:\n"
                   "        return a\n"
                   "    elif b:\n"
                   "        pass\n"
                   "    else:\n"
                   "        return\n"
                   "class C:\n"
                   "    x = 1\n"
                   "    def m(self): return self\n"
                   "for i in range(3):\n"
                   "    while i:\n"
                   "        break\n"
                   "    continue\n");
    const NodeList *b = ast_body(a);
    ck_assert_uint_eq(b->n, 3);
    const Node *f = b->v[0];
    ck_assert_int_eq(f->kind, N_DEF);
    ck_assert_str_eq(f->u.def.name, "f");
    ck_assert_uint_eq(f->u.def.nparams, 2);
    ck_assert_uint_eq(f->u.def.defaults.n, 1);
    const Node *i = f->u.def.body.v[0];
    ck_assert_int_eq(i->kind, N_IF);
    ck_assert_int_eq(i->u.ifs.orelse.v[0]->kind, N_IF);   /* elif */
    ck_assert_int_eq(b->v[1]->kind, N_CLASS);
    ck_assert_uint_eq(b->v[1]->u.cls.body.n, 2);
    ck_assert_int_eq(b->v[2]->kind, N_FOR);
    ck_assert_int_eq(b->v[2]->u.fors.body.v[0]->kind, N_WHILE);
    ast_free(a);
}
END_TEST

START_TEST(test_literals)
{
    Ast *a = parse("s = 'ab' \"cd\"\nn = 0x_ff\nt = (1,)\ne = ()\nd = {1: 'a', 'b': 2}\n"
                   "st = {1, 2}\n");
    const NodeList *b = ast_body(a);
    const Node *s = b->v[0]->u.assign.value;
    ck_assert_int_eq(s->kind, N_CONST);
    ck_assert_str_eq(s->u.cnst.text, "abcd");             /* joined */
    ck_assert_str_eq(b->v[1]->u.assign.value->u.cnst.text, "0xff");   /* compile.c converts */
    ck_assert_int_eq(b->v[2]->u.assign.value->kind, N_TUPLE);
    ck_assert_uint_eq(b->v[2]->u.assign.value->u.seq.elts.n, 1);
    ck_assert_uint_eq(b->v[3]->u.assign.value->u.seq.elts.n, 0);
    ck_assert_uint_eq(b->v[4]->u.assign.value->u.dict.keys.n, 2);
    ck_assert_int_eq(b->v[5]->u.assign.value->kind, N_SET);
    /* Every int and str literal, in source order, for the arena. */
    const NodeList *lits = ast_literals(a);
    ck_assert_uint_eq(lits->n, 9);
    ast_free(a);
}
END_TEST

static const struct {
    const char *src;
    int line, col;
    const char *msg;
} bad[] = {
    {"x = lambda: 1\n", 1, 5, "lambda is not supported"},
    {"x = [i for i in y]\n", 1, 8, "list comprehensions are not supported"},
    {"x = {i for i in y}\n", 1, 8, "set comprehensions are not supported"},
    {"x = a[1:2]\n", 1, 8, "slices are not supported"},
    {"f(x=1)\n", 1, 3, "keyword arguments are not supported"},
    {"f(*a)\n", 1, 3, "argument unpacking (* and **) is not supported"},
    {"x = 1.0\n", 1, 5, "float literals are not supported"},
    {"x = 1 if y else 2\n", 1, 7, "conditional expressions (x if c else y) are not supported"},
    {"class A(B):\n    pass\n", 1, 9, "base classes are not supported"},
    {"def f(*a):\n    pass\n", 1, 7, "only positional parameters (with defaults) are supported"},
    {"import os\n", 1, 8,
     "only 'import sys', 'import gc' and 'import weakref' are supported, not module 'os'"},
    {"1 = x\n", 1, 1, "cannot assign to literal here. Maybe you meant '==' instead of '='?"},
    {"del 1\n", 1, 5, "cannot delete literal"},
    {"if x\n    pass\n", 1, 5, "expected ':'"},
    {"for x in y:\npass\n", 2, 1, "expected an indented block after 'for' statement on line 1"},
    {"x = (1, 2\n", 1, 5, "'(' was never closed"},
    {"def f(a, a):\n    pass\n", 1, 10, "duplicate argument 'a' in function definition"},
    {"x +\n", 1, 4, "invalid syntax"},
};

START_TEST(test_errors)
{
    AstError err;
    Ast *a = ast_parse(bad[_i].src, strlen(bad[_i].src), &err);

    ck_assert_msg(a == NULL, "%s parsed", bad[_i].src);
    ck_assert_str_eq(err.msg, bad[_i].msg);
    ck_assert_int_eq(err.line, bad[_i].line);
    ck_assert_int_eq(err.col, bad[_i].col);
}
END_TEST

static Suite *
parser_suite(void)
{
    Suite *s = suite_create("parser");
    TCase *tc = tcase_create("parse");

    tcase_add_test(tc, test_precedence);
    tcase_add_test(tc, test_unary_and_boolean);
    tcase_add_test(tc, test_comparison_chain);
    tcase_add_test(tc, test_assignment_forms);
    tcase_add_test(tc, test_compound_statements);
    tcase_add_test(tc, test_literals);
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof bad / sizeof *bad));
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(parser_suite());
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
