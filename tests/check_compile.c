/*
 * check_compile.c: the compiler on its own: the instructions it emits
 * where CPython 3.11's choice is observable, constant folding within
 * CPython's limits, the module-wide constant cache, and scopes.
 */
#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "py/compile.h"
#include "testutil.h"

static Machine m;
static Program *prog;

static void
setup(void)
{
    machine_init(&m);
    prog = NULL;
}

static void
teardown(void)
{
    program_free(prog);
    machine_done(&m);
}

static Code *
compile_src(const char *src)
{
    CompileError err;

    prog = program_compile(&m, "t.py", src, strlen(src), &err);
    ck_assert_msg(prog != NULL, "compile failed: %d:%d: %s", err.line, err.col, err.msg);
    return code_of(&m, prog->module_code);
}

/* The constant of code c at index i. */
static Handle
const_at(Code *c, Handle code_obj, uint32_t i)
{
    (void)c;
    Handle consts = m_obj(&m, code_obj)->u.code.consts;
    return m_obj(&m, consts)->u.t.items[i];
}

/* The code object of the first function defined in the module. */
static Handle
first_function(void)
{
    Handle consts = m_obj(&m, prog->module_code)->u.code.consts;
    const Object *t = m_obj(&m, consts);
    for (uint32_t i = 0; i < t->u.t.len; i++) {
        if (m_obj(&m, t->u.t.items[i])->type == T_CODE) {
            return t->u.t.items[i];
        }
    }
    ck_abort_msg("no function");
    return 0;
}

/* Assert that the code's instructions begin with ops[] (args where
 * args[k] >= 0). */
static void
expect_ops(const Code *c, const Opcode *ops, const int *args, size_t n)
{
    ck_assert_uint_ge(c->nins, n);
    for (size_t k = 0; k < n; k++) {
        ck_assert_msg(c->ins[k].op == ops[k], "instruction %zu: %s, expected %s", k,
                      opcode_names[c->ins[k].op], opcode_names[ops[k]]);
        if (args != NULL && args[k] >= 0) {
            ck_assert_int_eq((int)c->ins[k].arg, args[k]);
        }
    }
}

START_TEST(test_swap_instead_of_tuple)
{
    Code *c = compile_src("a, b = b, a\n");
    static const Opcode ops[] = {OP_LOAD_NAME, OP_LOAD_NAME, OP_SWAP, OP_STORE_NAME,
                                 OP_STORE_NAME};
    static const int args[] = {-1, -1, 2, -1, -1};
    expect_ops(c, ops, args, 5);
}
END_TEST

START_TEST(test_list_of_constants)
{
    Code *c = compile_src("x = [1, 2, 3]\ny = [x, x]\n");
    static const Opcode ops[] = {OP_BUILD_LIST, OP_LOAD_CONST, OP_LIST_EXTEND, OP_STORE_NAME,
                                 OP_LOAD_NAME, OP_LOAD_NAME, OP_BUILD_LIST, OP_STORE_NAME};
    static const int args[] = {0, -1, 1, -1, -1, -1, 2, -1};
    expect_ops(c, ops, args, 8);
    Handle t = const_at(c, prog->module_code, c->ins[1].arg);
    ck_assert_int_eq(m_obj(&m, t)->type, T_TUPLE);
    ck_assert_uint_eq(m_obj(&m, t)->u.t.len, 3);
}
END_TEST

START_TEST(test_folding_limits)
{
    Code *c = compile_src("a = -7\nb = 10 ** 20\nc = 2 ** 200\nd = 'ab' * 3\n");
    int64_t v;
    /* -7 and 10**20 are folded; 2**200 (over 128 bits) is not. */
    ck_assert_int_eq(c->ins[0].op, OP_LOAD_CONST);
    ck_assert(m_int_fits(&m, const_at(c, prog->module_code, c->ins[0].arg), &v));
    ck_assert_int_eq(v, -7);
    ck_assert_int_eq(c->ins[2].op, OP_LOAD_CONST);
    ck_assert_int_eq(m_obj(&m, const_at(c, prog->module_code, c->ins[2].arg))->u.i.size, 3);
    static const Opcode ops[] = {OP_LOAD_CONST, OP_LOAD_CONST, OP_BINARY_OP, OP_STORE_NAME};
    expect_ops(&(Code){.ins = c->ins + 4, .nins = c->nins - 4}, ops, NULL, 4);
    ck_assert_int_eq(c->ins[8].op, OP_LOAD_CONST);
    ck_assert_str_eq(m_obj(&m, const_at(c, prog->module_code, c->ins[8].arg))->u.s.utf8,
                     "ababab");
}
END_TEST

START_TEST(test_constants_shared_across_code)
{
    compile_src("x = 1000\ndef f():\n    return 1000\n");
    Handle f = first_function();
    Code *fc = code_of(&m, f);
    Code *mc = code_of(&m, prog->module_code);
    Handle in_module = const_at(mc, prog->module_code, mc->ins[0].arg);
    Handle in_f = const_at(fc, f, fc->ins[0].arg);
    ck_assert_uint_eq(in_module, in_f);
    /* Module consts, f's consts and the parser's arena for each of the
     * two literals (the second literal's own object is only in the
     * arena). */
    ck_assert_int_eq(m_obj(&m, in_module)->refcnt, 3);
}
END_TEST

START_TEST(test_scopes)
{
    compile_src("g = 1\ndef f(a):\n    b = a\n    return g\n");
    Code *fc = code_of(&m, first_function());
    static const Opcode ops[] = {OP_LOAD_FAST, OP_STORE_FAST, OP_LOAD_GLOBAL, OP_RETURN_VALUE};
    static const int args[] = {0, 1, -1, -1};
    expect_ops(fc, ops, args, 4);
    ck_assert_uint_eq(fc->nlocals, 2);
    ck_assert_uint_eq(fc->nparams, 1);
    ck_assert_str_eq(fc->varnames[1], "b");
}
END_TEST

START_TEST(test_global_declaration)
{
    compile_src("n = 0\ndef f():\n    global n\n    n = n + 1\n");
    Code *fc = code_of(&m, first_function());
    ck_assert_uint_eq(fc->nlocals, 0);
    ck_assert_int_eq(fc->ins[0].op, OP_LOAD_GLOBAL);
    ck_assert_int_eq(fc->ins[3].op, OP_STORE_GLOBAL);
}
END_TEST

START_TEST(test_for_loop_keeps_iterator)
{
    Code *c = compile_src("for i in x:\n    pass\n");
    static const Opcode ops[] = {OP_LOAD_NAME, OP_GET_ITER, OP_FOR_ITER, OP_STORE_NAME, OP_NOP,
                                 OP_JUMP};
    expect_ops(c, ops, NULL, 6);
    ck_assert_uint_eq(c->ins[5].arg, 2);          /* back to FOR_ITER */
    ck_assert_uint_eq(c->ins[2].arg, 6);          /* out of the loop */
}
END_TEST

START_TEST(test_method_call)
{
    Code *c = compile_src("o.m(1)\nf(2)\n");
    static const Opcode ops[] = {OP_LOAD_NAME, OP_LOAD_METHOD, OP_LOAD_CONST, OP_CALL, OP_POP_TOP,
                                 OP_PUSH_NULL, OP_LOAD_NAME, OP_LOAD_CONST, OP_CALL, OP_POP_TOP};
    expect_ops(c, ops, NULL, 10);
}
END_TEST

START_TEST(test_literals_rooted)
{
    uint32_t roots = m.nroots;
    compile_src("a = 'hello world!'\nb = 'hello world!'\nc = 500\n");
    /* Three literal objects and the module code object. */
    ck_assert_uint_eq(m.nroots, roots + 4);
    Code *c = code_of(&m, prog->module_code);
    Handle s = const_at(c, prog->module_code, c->ins[0].arg);
    /* The cached str: module consts + its own arena root. */
    ck_assert_int_eq(m_obj(&m, s)->refcnt, 2);
    ck_assert_uint_eq(c->ins[0].arg, c->ins[2].arg);
    CHECK_MACHINE(&m);
}
END_TEST

static const struct {
    const char *src;
    int line, col;
    const char *msg;
} bad[] = {
    {"x = 1 / 2\n", 1, 5,
     "true division '/' is not supported (the subset has no floats); use '//'"},
    {"def o():\n    v = 1\n    def i():\n        return v\n", 4, 16,
     "closures are not supported: 'v' is a variable of the enclosing function 'o'"},
    {"break\n", 1, 1, "'break' outside loop"},
    {"return 1\n", 1, 1, "'return' outside function"},
    {"def f(a):\n    global a\n", 2, 5, "name 'a' is parameter and global"},
};

START_TEST(test_errors)
{
    CompileError err;
    Program *p = program_compile(&m, "t.py", bad[_i].src, strlen(bad[_i].src), &err);

    ck_assert_msg(p == NULL, "%s compiled", bad[_i].src);
    ck_assert_str_eq(err.msg, bad[_i].msg);
    ck_assert_int_eq(err.line, bad[_i].line);
    ck_assert_int_eq(err.col, bad[_i].col);
}
END_TEST

static Suite *
compile_suite(void)
{
    Suite *s = suite_create("compile");
    TCase *tc = tcase_create("codegen");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_swap_instead_of_tuple);
    tcase_add_test(tc, test_list_of_constants);
    tcase_add_test(tc, test_folding_limits);
    tcase_add_test(tc, test_constants_shared_across_code);
    tcase_add_test(tc, test_scopes);
    tcase_add_test(tc, test_global_declaration);
    tcase_add_test(tc, test_for_loop_keeps_iterator);
    tcase_add_test(tc, test_method_call);
    tcase_add_test(tc, test_literals_rooted);
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof bad / sizeof *bad));
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(compile_suite());
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
