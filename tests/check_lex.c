/*
 * check_lex.c: the tokenizer against CPython 3.11.
 *
 * Token kinds, texts and positions were taken from Python 3.11.7's
 * tokenize module (columns here are its start column + 1), error messages
 * and positions from its compile() (SyntaxError msg, lineno, offset),
 * except where a case says the message is pymemsim's own.
 */
#include <config.h>

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "py/lex.h"

#define END TK_COUNT

/* Lex src, which must be free of errors.  Caller frees. */
static Lexer *
lex_ok(const char *src)
{
    LexError e;
    Lexer *lx = lex_new(src, strlen(src), &e);

    ck_assert_msg(lx != NULL, "lexing %s failed at %d:%d: %s", src, e.line, e.col, e.msg);
    return lx;
}

/* The kinds of lx's tokens as text, for failure messages. */
static void
describe(const Lexer *lx, StrBuf *sb)
{
    for (size_t i = 0; i < lex_count(lx); i++) {
        const Token *t = lex_token(lx, i);
        sb_printf(sb, "%s%s@%d:%d", i ? " " : "", tok_text[t->kind], t->line, t->col);
    }
}

/* The tokens of src have exactly the kinds of want, which ends with END. */
static void
check_kinds(const char *src, const TokKind *want)
{
    Lexer *lx = lex_ok(src);
    StrBuf got;
    size_t n = 0;

    while (want[n] != END) {
        n++;
    }
    sb_init(&got);
    describe(lx, &got);
    ck_assert_msg(lex_count(lx) == n, "%s: %zu tokens, want %zu: %s", src, lex_count(lx), n,
                  got.s);
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(lex_token(lx, i)->kind == want[i], "%s: token %zu is '%s', want '%s': %s",
                      src, i, tok_text[lex_token(lx, i)->kind], tok_text[want[i]], got.s);
    }
    sb_done(&got);
    lex_free(lx);
}

#define KINDS(src, ...) check_kinds((src), (const TokKind[]){__VA_ARGS__, END})

/* Token i of lx has this kind, position and text. */
static void
check_tok(const Lexer *lx, size_t i, TokKind kind, int line, int col, int end_line, int end_col,
          const char *text)
{
    const Token *t = lex_token(lx, i);

    ck_assert_ptr_nonnull(t);
    ck_assert_msg(t->kind == kind, "token %zu is '%s', want '%s'", i, tok_text[t->kind],
                  tok_text[kind]);
    ck_assert_msg(t->line == line && t->col == col && t->end_line == end_line
                  && t->end_col == end_col, "token %zu ('%s') at %d:%d-%d:%d, want %d:%d-%d:%d",
                  i, t->text, t->line, t->col, t->end_line, t->end_col,
                  line, col, end_line, end_col);
    ck_assert_uint_eq(t->len, strlen(text));
    ck_assert_str_eq(t->text, text);
}

/* The value of the only STRING (or INT, FLOAT) token of a one-line src. */
static void
check_value(const char *src, TokKind kind, const char *value, size_t len)
{
    Lexer *lx = lex_ok(src);
    const Token *t = NULL;

    for (size_t i = 0; i < lex_count(lx); i++) {
        if (lex_token(lx, i)->kind == kind) {
            ck_assert_msg(t == NULL, "%s: more than one '%s'", src, tok_text[kind]);
            t = lex_token(lx, i);
        }
    }
    ck_assert_msg(t != NULL, "%s: no '%s'", src, tok_text[kind]);
    ck_assert_msg(t->len == len, "%s: value of %zu bytes, want %zu", src, (size_t)t->len, len);
    ck_assert_mem_eq(t->text, value, len);
    ck_assert_int_eq(t->text[len], '\0');
    lex_free(lx);
}

#define VALUE(src, kind, value) check_value((src), (kind), (value), sizeof(value) - 1)

/* ---- every token kind ------------------------------------------------- */

/* Each operator and keyword of token.def, alone on a line, is its kind
 * with its spelling as text. */
START_TEST(test_operators_and_keywords)
{
    for (int k = 0; k < TK_COUNT; k++) {
        const char *text = tok_text[k];
        char src[64];
        if (k < TK_LPAR || strchr("()[]{}", text[0]) != NULL) {
            continue;       /* structural tokens; brackets are tested below */
        }
        snprintf(src, sizeof src, "%s\n", text);
        Lexer *lx = lex_ok(src);
        ck_assert_uint_eq(lex_count(lx), 3);
        check_tok(lx, 0, (TokKind)k, 1, 1, 1, 1 + (int)strlen(text), text);
        check_tok(lx, 1, TK_NEWLINE, 1, 1 + (int)strlen(text), 1, 2 + (int)strlen(text), "");
        check_tok(lx, 2, TK_EOF, 2, 1, 2, 1, "");
        lex_free(lx);
    }
    KINDS("x = (a[1], {2})\n", TK_NAME, TK_EQUAL, TK_LPAR, TK_NAME, TK_LSQB, TK_INT, TK_RSQB,
          TK_COMMA, TK_LBRACE, TK_INT, TK_RBRACE, TK_RPAR, TK_NEWLINE, TK_EOF);
}
END_TEST

/* One program that produces every kind there is. */
START_TEST(test_all_kinds_seen)
{
    static const char src[] =
        "if x:\n"
        "    y = [1, 2.5, 's']; z = {a: b for a in c}\n"
        "    y += 1; y -= 1; y *= 1; y /= 1; y //= 1; y %= 1; y **= 1; y @= 1\n"
        "    y &= 1; y |= 1; y ^= 1; y <<= 1; y >>= 1\n"
        "    w = -a + b * c / d // e % f ** g @ h & i | j ^ ~k << l >> m\n"
        "    v = a < b > c == d != e <= f >= g\n"
        "    def f(p) -> int: return (q := p.r)\n"
        "    u = ...\n"
        "False None True and as assert async await break class continue def del\n"
        "elif else except finally for from global if import in is lambda nonlocal\n"
        "not or pass raise return try while with yield\n";
    bool seen[TK_COUNT] = {false};
    Lexer *lx = lex_ok(src);

    for (size_t i = 0; i < lex_count(lx); i++) {
        seen[lex_token(lx, i)->kind] = true;
    }
    for (int k = 0; k < TK_COUNT; k++) {
        ck_assert_msg(seen[k] || k == TK_ERROR, "no '%s' token", tok_text[k]);
    }
    lex_free(lx);
}
END_TEST

/* lex_new_partial: the tokens before an error, then TK_ERROR at the
 * error's position; lex_new gives NULL for the same text. */
START_TEST(test_partial)
{
    static const char src[] = "x = 1\n\tif x:\n        pass\n";
    LexError e;
    int failed;
    Lexer *lx = lex_new_partial(src, sizeof src - 1, &e, &failed);

    ck_assert_int_eq(failed, 1);
    ck_assert_str_eq(e.msg, "inconsistent use of tabs and spaces in indentation");
    const Token *last = lex_token(lx, lex_count(lx) - 1);
    ck_assert_int_eq(last->kind, TK_ERROR);
    ck_assert_int_eq(last->line, e.line);
    ck_assert_int_eq(lex_token(lx, 4)->kind, TK_INDENT);     /* x = 1 NEWLINE INDENT */
    lex_free(lx);
    ck_assert_ptr_null(lex_new(src, sizeof src - 1, &e));
    lx = lex_new_partial("x = 1\n", 6, &e, &failed);
    ck_assert_int_eq(failed, 0);
    ck_assert_int_eq(lex_token(lx, lex_count(lx) - 1)->kind, TK_EOF);
    lex_free(lx);
}
END_TEST

START_TEST(test_longest_match)
{
    KINDS("a**=b//=c>>=d<<=e\n", TK_NAME, TK_DOUBLESTAREQUAL, TK_NAME, TK_DOUBLESLASHEQUAL,
          TK_NAME, TK_RSHIFTEQUAL, TK_NAME, TK_LSHIFTEQUAL, TK_NAME, TK_NEWLINE, TK_EOF);
    KINDS("a**b//c>>d<<e\n", TK_NAME, TK_DOUBLESTAR, TK_NAME, TK_DOUBLESLASH, TK_NAME,
          TK_RSHIFT, TK_NAME, TK_LSHIFT, TK_NAME, TK_NEWLINE, TK_EOF);
    KINDS("a->b:=c!=d<=e>=f==g\n", TK_NAME, TK_ARROW, TK_NAME, TK_COLONEQUAL, TK_NAME,
          TK_NOTEQUAL, TK_NAME, TK_LESSEQUAL, TK_NAME, TK_GREATEREQUAL, TK_NAME, TK_EQEQUAL,
          TK_NAME, TK_NEWLINE, TK_EOF);
    /* Two dots are two DOTs; three are an ELLIPSIS. */
    KINDS("a..b...c....\n", TK_NAME, TK_DOT, TK_DOT, TK_NAME, TK_ELLIPSIS, TK_NAME,
          TK_ELLIPSIS, TK_DOT, TK_NEWLINE, TK_EOF);
    KINDS("x[1:-1]\n", TK_NAME, TK_LSQB, TK_INT, TK_COLON, TK_MINUS, TK_INT, TK_RSQB,
          TK_NEWLINE, TK_EOF);
    KINDS("a=-b\n", TK_NAME, TK_EQUAL, TK_MINUS, TK_NAME, TK_NEWLINE, TK_EOF);
}
END_TEST

START_TEST(test_names_and_keywords)
{
    Lexer *lx = lex_ok("if iff None none _x x1 match async True\n");

    check_tok(lx, 0, TK_IF, 1, 1, 1, 3, "if");
    check_tok(lx, 1, TK_NAME, 1, 4, 1, 7, "iff");
    check_tok(lx, 2, TK_NONE, 1, 8, 1, 12, "None");
    check_tok(lx, 3, TK_NAME, 1, 13, 1, 17, "none");
    check_tok(lx, 4, TK_NAME, 1, 18, 1, 20, "_x");
    check_tok(lx, 5, TK_NAME, 1, 21, 1, 23, "x1");
    check_tok(lx, 6, TK_NAME, 1, 24, 1, 29, "match");      /* a soft keyword */
    check_tok(lx, 7, TK_ASYNC, 1, 30, 1, 35, "async");
    check_tok(lx, 8, TK_TRUE, 1, 36, 1, 40, "True");
    lex_free(lx);

    /* Non-ASCII letters, and '·' inside a name (not at its start). */
    lx = lex_ok("\xc3\xa9t\xc3\xa9 = \xcf\x80 + x\xc2\xb7y\n");
    check_tok(lx, 0, TK_NAME, 1, 1, 1, 4, "\xc3\xa9t\xc3\xa9");
    check_tok(lx, 2, TK_NAME, 1, 7, 1, 8, "\xcf\x80");
    check_tok(lx, 4, TK_NAME, 1, 11, 1, 14, "x\xc2\xb7y");
    lex_free(lx);

    /* A string prefix not followed by a quote is a name. */
    KINDS("rb br u f fr = 1\n", TK_NAME, TK_NAME, TK_NAME, TK_NAME, TK_NAME, TK_EQUAL, TK_INT,
          TK_NEWLINE, TK_EOF);
    /* "ur" is no prefix: a name, then a string. */
    KINDS("ur'x'\n", TK_NAME, TK_STRING, TK_NEWLINE, TK_EOF);
}
END_TEST

/* ---- numbers ---------------------------------------------------------- */

START_TEST(test_int_values)
{
    /* The text without underscores and the prefix in lower case; the
     * compiler converts it (tests/diff/351_int_literals.py). */
    VALUE("x = 0\n", TK_INT, "0");
    VALUE("x = 00\n", TK_INT, "00");
    VALUE("x = 0_0\n", TK_INT, "00");
    VALUE("x = 1_000_000\n", TK_INT, "1000000");
    VALUE("x = 0x_fF\n", TK_INT, "0xfF");
    VALUE("x = 0XdeadBEEF\n", TK_INT, "0xdeadBEEF");
    VALUE("x = 0o7_7\n", TK_INT, "0o77");
    VALUE("x = 0O777\n", TK_INT, "0o777");
    VALUE("x = 0b1_0\n", TK_INT, "0b10");
    VALUE("x = 0B11111111\n", TK_INT, "0b11111111");
    VALUE("x = 123456789012345678901234567890\n", TK_INT, "123456789012345678901234567890");
    VALUE("x = 1_000000000_000000000\n", TK_INT, "1000000000000000000");
}
END_TEST

START_TEST(test_float_forms)
{
    static const char *const floats[] = {
        "1.5", "1.", ".5", "1e10", "1E-5", "1e+5", "1_0.0_1e+1_0", "0e0", "0.", "00.5",
        "09.5", "09e1", "1j", "1.5J", "0j", "00j", "09j", "1e5j", "3.e5",
    };

    for (size_t i = 0; i < sizeof floats / sizeof floats[0]; i++) {
        char src[64];
        snprintf(src, sizeof src, "x = %s\n", floats[i]);
        check_value(src, TK_FLOAT, floats[i], strlen(floats[i]));
    }
    /* A number then an attribute. */
    KINDS("1..real\n", TK_FLOAT, TK_DOT, TK_NAME, TK_NEWLINE, TK_EOF);
    KINDS("1 .real\n", TK_INT, TK_DOT, TK_NAME, TK_NEWLINE, TK_EOF);
    KINDS("1.5.3\n", TK_FLOAT, TK_FLOAT, TK_NEWLINE, TK_EOF);
}
END_TEST

/* A keyword may touch a number (CPython only warns): "1if" is 1, if. */
START_TEST(test_number_then_keyword)
{
    KINDS("x = 1if y else 2\n", TK_NAME, TK_EQUAL, TK_INT, TK_IF, TK_NAME, TK_ELSE, TK_INT,
          TK_NEWLINE, TK_EOF);
    KINDS("x = 1 if y else(2)\n", TK_NAME, TK_EQUAL, TK_INT, TK_IF, TK_NAME, TK_ELSE, TK_LPAR,
          TK_INT, TK_RPAR, TK_NEWLINE, TK_EOF);
    KINDS("1else\n", TK_INT, TK_ELSE, TK_NEWLINE, TK_EOF);
    KINDS("1.else\n", TK_FLOAT, TK_ELSE, TK_NEWLINE, TK_EOF);
    KINDS("1jor 2\n", TK_FLOAT, TK_OR, TK_INT, TK_NEWLINE, TK_EOF);
    KINDS("0b1or 2\n", TK_INT, TK_OR, TK_INT, TK_NEWLINE, TK_EOF);
    KINDS("1not in x\n", TK_INT, TK_NOT, TK_IN, TK_NAME, TK_NEWLINE, TK_EOF);
    KINDS("1and 2\n", TK_INT, TK_AND, TK_INT, TK_NEWLINE, TK_EOF);
    KINDS("1is 2\n", TK_INT, TK_IS, TK_INT, TK_NEWLINE, TK_EOF);
    KINDS("1for x in y\n", TK_INT, TK_FOR, TK_NAME, TK_IN, TK_NAME, TK_NEWLINE, TK_EOF);
    /* 'f' is a hex digit: 0x1f, then "or". */
    KINDS("0x1for 2\n", TK_INT, TK_OR, TK_INT, TK_NEWLINE, TK_EOF);
    Lexer *lx = lex_ok("0x1for 2\n");
    check_tok(lx, 0, TK_INT, 1, 1, 1, 5, "0x1f");
    check_tok(lx, 1, TK_OR, 1, 5, 1, 7, "or");
    lex_free(lx);
    /* A non-ASCII character ends the number and starts a name. */
    KINDS("1\xc3\xa9\n", TK_INT, TK_NAME, TK_NEWLINE, TK_EOF);
}
END_TEST

/* ---- strings ---------------------------------------------------------- */

START_TEST(test_string_forms)
{
    Lexer *lx = lex_ok("a = 'x' \"y\" '''z\nw''' \"\"\"v\"\"\" '' \"\" '''''' \"\"\"\"\"\"\n");

    check_tok(lx, 2, TK_STRING, 1, 5, 1, 8, "x");
    check_tok(lx, 3, TK_STRING, 1, 9, 1, 12, "y");
    check_tok(lx, 4, TK_STRING, 1, 13, 2, 5, "z\nw");
    check_tok(lx, 5, TK_STRING, 2, 6, 2, 13, "v");
    check_tok(lx, 6, TK_STRING, 2, 14, 2, 16, "");
    check_tok(lx, 7, TK_STRING, 2, 17, 2, 19, "");
    check_tok(lx, 8, TK_STRING, 2, 20, 2, 26, "");
    check_tok(lx, 9, TK_STRING, 2, 27, 2, 33, "");
    check_tok(lx, 10, TK_NEWLINE, 2, 33, 2, 34, "");
    lex_free(lx);

    /* Quotes of the other kind, and escaped ones, inside. */
    VALUE("s = \"it's\"\n", TK_STRING, "it's");
    VALUE("s = 'say \"hi\"'\n", TK_STRING, "say \"hi\"");
    VALUE("s = 'it\\'s'\n", TK_STRING, "it's");
    VALUE("s = '''a'b''c'''\n", TK_STRING, "a'b''c");
    VALUE("s = \"\"\"a\"\"b\\\"\"\"\"\n", TK_STRING, "a\"\"b\"");

    /* Prefixes; u is the default, r keeps backslashes. */
    VALUE("s = u'\\t'\n", TK_STRING, "\t");
    VALUE("s = U'\\t'\n", TK_STRING, "\t");
    VALUE("s = r'\\t'\n", TK_STRING, "\\t");
    VALUE("s = R\"\\t\"\n", TK_STRING, "\\t");
    VALUE("s = r'''a\\''''\n", TK_STRING, "a\\'");
    VALUE("s = r'\\\\'\n", TK_STRING, "\\\\");

    /* The prefix belongs to the token. */
    lx = lex_ok("s = r'a'\n");
    check_tok(lx, 2, TK_STRING, 1, 5, 1, 9, "a");
    lex_free(lx);

    /* Adjacent literals stay separate tokens; the parser joins them. */
    KINDS("s = 'a' 'b'\n", TK_NAME, TK_EQUAL, TK_STRING, TK_STRING, TK_NEWLINE, TK_EOF);
}
END_TEST

START_TEST(test_string_escapes)
{
    VALUE("s = '\\\\ \\' \\\"'\n", TK_STRING, "\\ ' \"");
    VALUE("s = '\\n\\r\\t\\a\\b\\f\\v'\n", TK_STRING, "\n\r\t\a\b\f\v");
    VALUE("s = '\\101\\60\\7'\n", TK_STRING, "A0\a");
    VALUE("s = '\\1018'\n", TK_STRING, "A8");                 /* three digits at most */
    VALUE("s = '\\777'\n", TK_STRING, "\xc7\xbf");            /* U+01FF */
    VALUE("s = '\\x41\\x7e\\xe9'\n", TK_STRING, "A~\xc3\xa9");
    VALUE("s = '\\u00e9\\u20AC'\n", TK_STRING, "\xc3\xa9\xe2\x82\xac");
    VALUE("s = '\\U0001F600'\n", TK_STRING, "\xf0\x9f\x98\x80");
    VALUE("s = '\\U0010ffff'\n", TK_STRING, "\xf4\x8f\xbf\xbf");
    /* Unknown escapes are kept as written (CPython warns). */
    VALUE("s = '\\q\\d\\8'\n", TK_STRING, "\\q\\d\\8");
    VALUE("s = '\\\xc3\xa9'\n", TK_STRING, "\\\xc3\xa9");
    /* Non-ASCII text is kept as UTF-8. */
    VALUE("s = '\xc3\xa9\xf0\x9f\x98\x80'\n", TK_STRING, "\xc3\xa9\xf0\x9f\x98\x80");
    /* A str may hold NUL. */
    VALUE("s = 'a\\0b\\x00'\n", TK_STRING, "a\0b\0");
    /* A lone surrogate gets the generic three-byte form. */
    VALUE("s = '\\ud800'\n", TK_STRING, "\xed\xa0\x80");
    /* Unicode names, in any case. */
    VALUE("s = '\\N{BULLET}\\N{greek small letter alpha}\\N{EM DASH}'\n", TK_STRING,
          "\xe2\x80\xa2\xce\xb1\xe2\x80\x94");
}
END_TEST

/* A backslash before a newline continues a string; raw strings keep both. */
START_TEST(test_string_continuation)
{
    Lexer *lx = lex_ok("s = 'ab\\\ncd' + 1\n");

    check_tok(lx, 2, TK_STRING, 1, 5, 2, 4, "abcd");
    check_tok(lx, 3, TK_PLUS, 2, 5, 2, 6, "+");
    lex_free(lx);
    VALUE("s = '''ab\\\ncd\nef'''\n", TK_STRING, "abcd\nef");
    VALUE("s = r'ab\\\ncd'\n", TK_STRING, "ab\\\ncd");
    /* Newlines in a triple-quoted string are kept; "\r\n" is read as "\n". */
    VALUE("s = '''a\r\nb'''\r\n", TK_STRING, "a\nb");
}
END_TEST

/* ---- lines and indentation -------------------------------------------- */

START_TEST(test_indent_nested)
{
    static const char src[] =
        "if a:\n"
        "    b\n"
        "    if c:\n"
        "        d\n"
        "    e\n"
        "f\n";
    Lexer *lx;

    KINDS(src, TK_IF, TK_NAME, TK_COLON, TK_NEWLINE,
          TK_INDENT, TK_NAME, TK_NEWLINE,
          TK_IF, TK_NAME, TK_COLON, TK_NEWLINE,
          TK_INDENT, TK_NAME, TK_NEWLINE,
          TK_DEDENT, TK_NAME, TK_NEWLINE,
          TK_DEDENT, TK_NAME, TK_NEWLINE, TK_EOF);
    lx = lex_ok(src);
    check_tok(lx, 4, TK_INDENT, 2, 1, 2, 5, "");
    check_tok(lx, 11, TK_INDENT, 4, 1, 4, 9, "");
    check_tok(lx, 14, TK_DEDENT, 5, 5, 5, 5, "");
    check_tok(lx, 17, TK_DEDENT, 6, 1, 6, 1, "");
    lex_free(lx);
}
END_TEST

START_TEST(test_dedent_several_levels)
{
    static const char src[] =
        "while a:\n"
        "  if b:\n"
        "      if c:\n"
        "         d\n"
        "  e\n"
        "f\n";

    KINDS(src, TK_WHILE, TK_NAME, TK_COLON, TK_NEWLINE,
          TK_INDENT, TK_IF, TK_NAME, TK_COLON, TK_NEWLINE,
          TK_INDENT, TK_IF, TK_NAME, TK_COLON, TK_NEWLINE,
          TK_INDENT, TK_NAME, TK_NEWLINE,
          TK_DEDENT, TK_DEDENT, TK_NAME, TK_NEWLINE,
          TK_DEDENT, TK_NAME, TK_NEWLINE, TK_EOF);
    /* To column 0 from three levels at once. */
    KINDS("if a:\n if b:\n  if c:\n   d\ne\n", TK_IF, TK_NAME, TK_COLON, TK_NEWLINE,
          TK_INDENT, TK_IF, TK_NAME, TK_COLON, TK_NEWLINE,
          TK_INDENT, TK_IF, TK_NAME, TK_COLON, TK_NEWLINE,
          TK_INDENT, TK_NAME, TK_NEWLINE,
          TK_DEDENT, TK_DEDENT, TK_DEDENT, TK_NAME, TK_NEWLINE, TK_EOF);
}
END_TEST

/* Whether an INDENT may stand where it does is the parser's question:
 * "unexpected indent" here, "expected ':'" for the second. */
START_TEST(test_indent_left_to_parser)
{
    KINDS("x = 1\n    y = 2\n", TK_NAME, TK_EQUAL, TK_INT, TK_NEWLINE, TK_INDENT, TK_NAME,
          TK_EQUAL, TK_INT, TK_NEWLINE, TK_DEDENT, TK_EOF);
    KINDS("if x\n    pass\n", TK_IF, TK_NAME, TK_NEWLINE, TK_INDENT, TK_PASS, TK_NEWLINE,
          TK_DEDENT, TK_EOF);
    KINDS("  x\n", TK_INDENT, TK_NAME, TK_NEWLINE, TK_DEDENT, TK_EOF);
}
END_TEST

/* At the end, a NEWLINE if missing, then a DEDENT per open block, then EOF,
 * all on the line after the last. */
START_TEST(test_dedent_at_eof)
{
    Lexer *lx = lex_ok("def f():\n    if x:\n        return 1");

    ck_assert_uint_eq(lex_count(lx), 18);
    check_tok(lx, 13, TK_INT, 3, 16, 3, 17, "1");
    check_tok(lx, 14, TK_NEWLINE, 3, 17, 3, 18, "");
    check_tok(lx, 15, TK_DEDENT, 4, 1, 4, 1, "");
    check_tok(lx, 16, TK_DEDENT, 4, 1, 4, 1, "");
    check_tok(lx, 17, TK_EOF, 4, 1, 4, 1, "");
    lex_free(lx);
}
END_TEST

/* A tab advances to the next multiple of 8 (mixing them with spaces
 * ambiguously is an error, see test_errors); a form feed resets the count. */
START_TEST(test_tabs)
{
    static const char src[] = "if a:\n\tif b:\n\t    c\n\td\n";
    Lexer *lx;

    KINDS(src, TK_IF, TK_NAME, TK_COLON, TK_NEWLINE, TK_INDENT, TK_IF, TK_NAME, TK_COLON,
          TK_NEWLINE, TK_INDENT, TK_NAME, TK_NEWLINE, TK_DEDENT, TK_NAME, TK_NEWLINE, TK_DEDENT,
          TK_EOF);
    /* Columns count characters: a tab is one. */
    lx = lex_ok(src);
    check_tok(lx, 4, TK_INDENT, 2, 1, 2, 2, "");
    check_tok(lx, 9, TK_INDENT, 3, 1, 3, 6, "");
    check_tok(lx, 10, TK_NAME, 3, 6, 3, 7, "c");
    check_tok(lx, 12, TK_DEDENT, 4, 2, 4, 2, "");
    lex_free(lx);
    KINDS("if a:\n  \tb\n  \tc\n", TK_IF, TK_NAME, TK_COLON, TK_NEWLINE, TK_INDENT, TK_NAME,
          TK_NEWLINE, TK_NAME, TK_NEWLINE, TK_DEDENT, TK_EOF);
    KINDS("\fif a:\n  \f  b\n", TK_IF, TK_NAME, TK_COLON, TK_NEWLINE, TK_INDENT, TK_NAME,
          TK_NEWLINE, TK_DEDENT, TK_EOF);
}
END_TEST

/* Blank lines and comment-only lines give nothing, whatever their
 * indentation. */
START_TEST(test_blank_and_comment_lines)
{
    static const char src[] =
        "# header\n"
        "\n"
        "if a:  # why\n"
        "        # deeper comment\n"
        "\n"
        "    b\n"
        "  \n"
        "# back at 0\n"
        "    c\n"
        "d\n";

    KINDS(src, TK_IF, TK_NAME, TK_COLON, TK_NEWLINE, TK_INDENT, TK_NAME, TK_NEWLINE,
          TK_NAME, TK_NEWLINE, TK_DEDENT, TK_NAME, TK_NEWLINE, TK_EOF);
    Lexer *lx = lex_ok(src);
    /* The NEWLINE after a comment is at the newline character. */
    check_tok(lx, 3, TK_NEWLINE, 3, 13, 3, 14, "");
    lex_free(lx);
}
END_TEST

START_TEST(test_empty_sources)
{
    static const char *const empty[] = {
        "", "\n", "\n\n\n", "   ", "# only a comment", "# c\n", "  # indented\n\n  \n",
        "\\\n\n", "\r\n",
    };

    for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
        KINDS(empty[i], TK_EOF);
    }
    Lexer *lx = lex_ok("");
    check_tok(lx, 0, TK_EOF, 1, 1, 1, 1, "");
    lex_free(lx);
    lx = lex_ok("# a\n# b");
    check_tok(lx, 0, TK_EOF, 3, 1, 3, 1, "");
    lex_free(lx);
}
END_TEST

START_TEST(test_missing_final_newline)
{
    Lexer *lx = lex_ok("x = 1");

    ck_assert_uint_eq(lex_count(lx), 5);
    check_tok(lx, 3, TK_NEWLINE, 1, 6, 1, 7, "");
    check_tok(lx, 4, TK_EOF, 2, 1, 2, 1, "");
    lex_free(lx);
    /* A comment after the last token does not change that. */
    lx = lex_ok("x = 1  # done");
    check_tok(lx, 3, TK_NEWLINE, 1, 14, 1, 15, "");
    lex_free(lx);
}
END_TEST

START_TEST(test_brackets_across_lines)
{
    static const char src[] =
        "x = [1,\n"
        "       2,   # two\n"
        "\n"
        "  {3:\n"
        "(4)}]\n"
        "y\n";
    Lexer *lx;

    KINDS(src, TK_NAME, TK_EQUAL, TK_LSQB, TK_INT, TK_COMMA, TK_INT, TK_COMMA,
          TK_LBRACE, TK_INT, TK_COLON, TK_LPAR, TK_INT, TK_RPAR, TK_RBRACE, TK_RSQB,
          TK_NEWLINE, TK_NAME, TK_NEWLINE, TK_EOF);
    lx = lex_ok(src);
    check_tok(lx, 5, TK_INT, 2, 8, 2, 9, "2");
    check_tok(lx, 10, TK_LPAR, 5, 1, 5, 2, "(");
    check_tok(lx, 15, TK_NEWLINE, 5, 6, 5, 7, "");
    lex_free(lx);
    /* Indentation inside brackets means nothing, even in a block. */
    KINDS("if a:\n    f(1,\n2)\n    g\n", TK_IF, TK_NAME, TK_COLON, TK_NEWLINE, TK_INDENT,
          TK_NAME, TK_LPAR, TK_INT, TK_COMMA, TK_INT, TK_RPAR, TK_NEWLINE, TK_NAME, TK_NEWLINE,
          TK_DEDENT, TK_EOF);
}
END_TEST

START_TEST(test_continuation_lines)
{
    Lexer *lx = lex_ok("x = 1 + \\\n    2\ny\n");

    check_tok(lx, 3, TK_PLUS, 1, 7, 1, 8, "+");
    check_tok(lx, 4, TK_INT, 2, 5, 2, 6, "2");
    check_tok(lx, 5, TK_NEWLINE, 2, 6, 2, 7, "");
    check_tok(lx, 6, TK_NAME, 3, 1, 3, 2, "y");
    lex_free(lx);
    /* The continued line's indentation does not count. */
    KINDS("if a:\n    b = \\\n1\n    c\n", TK_IF, TK_NAME, TK_COLON, TK_NEWLINE, TK_INDENT,
          TK_NAME, TK_EQUAL, TK_INT, TK_NEWLINE, TK_NAME, TK_NEWLINE, TK_DEDENT, TK_EOF);
    /* A backslash line may join a blank line. */
    KINDS("x = 1 \\\n\ny\n", TK_NAME, TK_EQUAL, TK_INT, TK_NEWLINE, TK_NAME, TK_NEWLINE, TK_EOF);
    /* A backslash at the start of a line before an indented one. */
    KINDS("if a:\n\\\n    b\n", TK_IF, TK_NAME, TK_COLON, TK_NEWLINE, TK_INDENT, TK_NAME,
          TK_NEWLINE, TK_DEDENT, TK_EOF);
}
END_TEST

/* "\r\n" and "\r" end lines too; a UTF-8 byte order mark is skipped. */
START_TEST(test_newline_forms_and_bom)
{
    static const TokKind want[] = {
        TK_IF, TK_NAME, TK_COLON, TK_NEWLINE, TK_INDENT, TK_NAME, TK_NEWLINE, TK_DEDENT,
        TK_NAME, TK_NEWLINE, TK_EOF, END,
    };
    Lexer *lx;

    check_kinds("if a:\r\n  b\r\nc\r\n", want);
    check_kinds("if a:\r  b\rc\r", want);
    check_kinds("\xef\xbb\xbfif a:\n  b\nc\n", want);
    lx = lex_ok("\xef\xbb\xbfx = 1\r\ny\r\n");
    check_tok(lx, 0, TK_NAME, 1, 1, 1, 2, "x");
    check_tok(lx, 3, TK_NEWLINE, 1, 6, 1, 7, "");
    check_tok(lx, 4, TK_NAME, 2, 1, 2, 2, "y");
    lex_free(lx);
}
END_TEST

/* ---- positions -------------------------------------------------------- */

START_TEST(test_positions)
{
    static const char src[] =
        "def f(a, b=2):\n"
        "    return a**b  # power\n"
        "s = '''one\n"
        "two''' + \"\xc3\xa9\xc3\xa9\" + x\n";
    Lexer *lx = lex_ok(src);

    check_tok(lx, 0, TK_DEF, 1, 1, 1, 4, "def");
    check_tok(lx, 1, TK_NAME, 1, 5, 1, 6, "f");
    check_tok(lx, 2, TK_LPAR, 1, 6, 1, 7, "(");
    check_tok(lx, 5, TK_NAME, 1, 10, 1, 11, "b");
    check_tok(lx, 7, TK_INT, 1, 12, 1, 13, "2");
    check_tok(lx, 9, TK_COLON, 1, 14, 1, 15, ":");
    check_tok(lx, 10, TK_NEWLINE, 1, 15, 1, 16, "");
    check_tok(lx, 11, TK_INDENT, 2, 1, 2, 5, "");
    check_tok(lx, 12, TK_RETURN, 2, 5, 2, 11, "return");
    check_tok(lx, 14, TK_DOUBLESTAR, 2, 13, 2, 15, "**");
    check_tok(lx, 16, TK_NEWLINE, 2, 25, 2, 26, "");
    check_tok(lx, 17, TK_DEDENT, 3, 1, 3, 1, "");
    check_tok(lx, 20, TK_STRING, 3, 5, 4, 7, "one\ntwo");
    check_tok(lx, 21, TK_PLUS, 4, 8, 4, 9, "+");
    /* Columns count code points, not bytes. */
    check_tok(lx, 22, TK_STRING, 4, 10, 4, 14, "\xc3\xa9\xc3\xa9");
    check_tok(lx, 23, TK_PLUS, 4, 15, 4, 16, "+");
    check_tok(lx, 24, TK_NAME, 4, 17, 4, 18, "x");
    check_tok(lx, 25, TK_NEWLINE, 4, 18, 4, 19, "");
    check_tok(lx, 26, TK_EOF, 5, 1, 5, 1, "");
    ck_assert_uint_eq(lex_count(lx), 27);
    lex_free(lx);

    lx = lex_ok("\xcf\x80 = '\xe2\x82\xac'; \xcf\x80\xcf\x80 = 0x10\n");
    check_tok(lx, 0, TK_NAME, 1, 1, 1, 2, "\xcf\x80");
    check_tok(lx, 2, TK_STRING, 1, 5, 1, 8, "\xe2\x82\xac");
    check_tok(lx, 3, TK_SEMI, 1, 8, 1, 9, ";");
    check_tok(lx, 4, TK_NAME, 1, 10, 1, 12, "\xcf\x80\xcf\x80");
    check_tok(lx, 6, TK_INT, 1, 15, 1, 19, "0x10");
    lex_free(lx);
}
END_TEST

START_TEST(test_lex_line)
{
    Lexer *lx = lex_ok("x = 1\r\nif \xc3\xa9:\n\n\ty = (1,\r2)\nlast");
    size_t len = 99;
    const char *s;

    s = lex_line(lx, 1, &len);
    ck_assert_uint_eq(len, 5);
    ck_assert_mem_eq(s, "x = 1", 5);
    s = lex_line(lx, 2, &len);
    ck_assert_uint_eq(len, 6);
    ck_assert_mem_eq(s, "if \xc3\xa9:", 6);
    s = lex_line(lx, 3, &len);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(len, 0);
    s = lex_line(lx, 4, &len);
    ck_assert_uint_eq(len, 8);
    ck_assert_mem_eq(s, "\ty = (1,", 8);
    s = lex_line(lx, 5, &len);
    ck_assert_uint_eq(len, 2);
    ck_assert_mem_eq(s, "2)", 2);
    s = lex_line(lx, 6, &len);
    ck_assert_uint_eq(len, 4);
    ck_assert_mem_eq(s, "last", 4);
    ck_assert_ptr_null(lex_line(lx, 7, &len));
    ck_assert_ptr_null(lex_line(lx, 0, &len));
    ck_assert_ptr_null(lex_line(lx, -1, &len));
    ck_assert_ptr_null(lex_token(lx, lex_count(lx)));
    lex_free(lx);
}
END_TEST

/* ---- errors ----------------------------------------------------------- */

/*
 * Each source fails with CPython's message at CPython's line and offset
 * (compile(src, 'x.py', 'exec') in Python 3.11.7), except the last four,
 * which are pymemsim's own refusals and the errors CPython reports when
 * it reads a file (compile() of a str cannot hold bad UTF-8 and words the
 * NUL error differently).
 */
static const struct {
    const char *src;
    size_t len;
    int line, col;
    const char *msg;
} errors[] = {
#define SRC(s) s, sizeof(s) - 1
    /* Strings. */
    {SRC("x = 'abc\n"), 1, 5, "unterminated string literal (detected at line 1)"},
    {SRC("x = '''abc\n\ndef\n"), 1, 5,
     "unterminated triple-quoted string literal (detected at line 3)"},
    {SRC("s = '\xc3\xa9\\\nabc\n"), 1, 5, "unterminated string literal (detected at line 2)"},
    {SRC("x = '\\x'\n"), 1, 9, "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-1: truncated \\xXX escape"},
    /* A bad escape is reported at the token after the strings. */
    {SRC("print('a\\x4g')\n"), 1, 14, "(unicode error) 'unicodeescape' codec can't decode "
     "bytes in position 1-3: truncated \\xXX escape"},
    /* Positions count each non-ASCII character as the 10 bytes of \UXXXXXXXX;
     * the NEWLINE after a comment begins at the '#'. */
    {SRC("s = '\xc3\xa9\\u12'  # c\n"), 1, 14, "(unicode error) 'unicodeescape' codec can't "
     "decode bytes in position 10-13: truncated \\uXXXX escape"},
    {SRC("s = '\\U00110000'\n"), 1, 17, "(unicode error) 'unicodeescape' codec can't decode "
     "bytes in position 0-9: illegal Unicode character"},
    {SRC("s = '\\N{foo'\n"), 1, 13, "(unicode error) 'unicodeescape' codec can't decode bytes "
     "in position 0-5: malformed \\N character escape"},
    {SRC("s = '\\N{DASH}'\n"), 1, 15, "(unicode error) 'unicodeescape' codec can't decode "
     "bytes in position 0-7: unknown Unicode character name"},
    /* Numbers. */
    {SRC("x = 012\n"), 1, 5, "leading zeros in decimal integer literals are not permitted; "
     "use an 0o prefix for octal integers"},
    {SRC("x = 0x\n"), 1, 6, "invalid hexadecimal literal"},
    {SRC("x = 0o8\n"), 1, 7, "invalid digit '8' in octal literal"},
    {SRC("x = 0b12\n"), 1, 8, "invalid digit '2' in binary literal"},
    {SRC("x = 1__0\n"), 1, 6, "invalid decimal literal"},
    {SRC("x = 12abc\n"), 1, 6, "invalid decimal literal"},
    {SRC("x = 1e\n"), 1, 5, "invalid decimal literal"},
    {SRC("x = 1jx\n"), 1, 6, "invalid imaginary literal"},
    {SRC("x = 0o17x\n"), 1, 8, "invalid octal literal"},
    {SRC("x = 0b1_\n"), 1, 8, "invalid binary literal"},
    {SRC("x = 1.__class__\n"), 1, 6, "invalid decimal literal"},
    /* Characters. */
    {SRC("x = a\xe2\x82\xac" "b\n"), 1, 6, "invalid character '\xe2\x82\xac' (U+20AC)"},
    {SRC("x = 1\xc2\xa0\n"), 1, 6, "invalid non-printable character U+00A0"},
    {SRC("x = \xe2\x80\x9chi\xe2\x80\x9d\n"), 1, 5,
     "invalid character '\xe2\x80\x9c' (U+201C)"},
    {SRC("x = \x01\n"), 1, 5, "invalid non-printable character U+0001"},
    {SRC("x = \xc2\xb7\n"), 1, 5, "invalid character '\xc2\xb7' (U+00B7)"},
    {SRC("x = 1\xe2\x80\xa6\n"), 1, 6, "invalid character '\xe2\x80\xa6' (U+2026)"},
    {SRC("x = $\n"), 1, 5, "invalid syntax"},
    {SRC("x = a ? b : c\n"), 1, 7, "invalid syntax"},
    {SRC("if a <> b:\n    pass\n"), 1, 6, "invalid syntax"},
    /* Brackets. */
    {SRC("x = (1, 2]\n"), 1, 10,
     "closing parenthesis ']' does not match opening parenthesis '('"},
    {SRC("x = (1,\n 2]\n"), 2, 3,
     "closing parenthesis ']' does not match opening parenthesis '(' on line 1"},
    {SRC("x = )\n"), 1, 5, "unmatched ')'"},
    {SRC("x = [1,\n(2,\n3\n"), 2, 1, "'(' was never closed"},
    {SRC("\xc3\xa9 = (\n"), 1, 5, "'(' was never closed"},
    /* Indentation and continuation lines. */
    {SRC("if x:\n        a = 1\n    b = 2\n"), 3, 10,
     "unindent does not match any outer indentation level"},
    {SRC("if x:\n\ta = 1\n        b = 2\n"), 3, 1,
     "inconsistent use of tabs and spaces in indentation"},
    {SRC("x = 1 \\ y\n"), 1, 8, "unexpected character after line continuation character"},
    {SRC("x = 1 \\\n"), 1, 8, "unexpected EOF while parsing"},
    /* Which error wins: a later tokenizer error over "invalid syntax"... */
    {SRC("x = $\ny = 'abc\n"), 2, 5, "unterminated string literal (detected at line 2)"},
    {SRC("x = '\\x' + 'y\n"), 1, 12, "unterminated string literal (detected at line 1)"},
    /* ... but not an indentation error ... */
    {SRC("x = $\nif x:\n\ta\n        b\n"), 1, 5, "invalid syntax"},
    /* ... and a bracket left open on an earlier line over both. */
    {SRC("(\nx $ 1\n"), 1, 1, "'(' was never closed"},
    /* pymemsim's own. */
    {SRC("s = b'abc'\n"), 1, 5, "bytes literals are not supported"},
    {SRC("s = f'{x}'\n"), 1, 5, "f-strings are not supported"},
    {SRC("x = 1\ny = '\xff'\n"), 2, 6, "Non-UTF-8 code starting with '\\xff' on line 2, but "
     "no encoding declared; see https://peps.python.org/pep-0263/ for details"},
    {SRC("x = 1\ny = 'a\0b'\n"), 2, 7, "source code cannot contain null bytes"},
#undef SRC
};

START_TEST(test_errors)
{
    LexError e;
    Lexer *lx = lex_new(errors[_i].src, errors[_i].len, &e);

    ck_assert_msg(lx == NULL, "no error for %s", errors[_i].src);
    ck_assert_str_eq(e.msg, errors[_i].msg);
    ck_assert_msg(e.line == errors[_i].line && e.col == errors[_i].col,
                  "%s: error at %d:%d, want %d:%d", errors[_i].src, e.line, e.col,
                  errors[_i].line, errors[_i].col);
}
END_TEST

/* 100 levels is CPython's limit (MAXINDENT), reached at line 101. */
START_TEST(test_error_too_deep)
{
    StrBuf src;
    LexError e;

    sb_init(&src);
    for (int i = 0; i <= 100; i++) {
        sb_printf(&src, "%*sif x:\n", i, "");
    }
    sb_printf(&src, "%*spass\n", 101, "");
    ck_assert_ptr_null(lex_new(src.s, src.len, &e));
    ck_assert_str_eq(e.msg, "too many levels of indentation");
    ck_assert_int_eq(e.line, 101);
    ck_assert_int_eq(e.col, 1);
    sb_done(&src);
}
END_TEST

/* 200 open brackets is CPython's limit (MAXLEVEL). */
START_TEST(test_error_too_many_brackets)
{
    StrBuf src;
    LexError e;
    Lexer *lx;

    sb_init(&src);
    sb_puts(&src, "x = ");
    for (int i = 0; i < 200; i++) {
        sb_putc(&src, '(');
    }
    for (int i = 0; i < 200; i++) {
        sb_putc(&src, ')');
    }
    lx = lex_new(src.s, src.len, &e);
    ck_assert_ptr_nonnull(lx);
    lex_free(lx);

    sb_clear(&src);
    sb_puts(&src, "x = ");
    for (int i = 0; i < 201; i++) {
        sb_putc(&src, '(');
    }
    ck_assert_ptr_null(lex_new(src.s, src.len, &e));
    ck_assert_str_eq(e.msg, "too many nested parentheses");
    ck_assert_int_eq(e.line, 1);
    ck_assert_int_eq(e.col, 205);
    sb_done(&src);
}
END_TEST

/* The error may be ignored. */
START_TEST(test_error_without_report)
{
    ck_assert_ptr_null(lex_new("x = 'abc\n", 9, NULL));
}
END_TEST

static Suite *
lex_suite(void)
{
    Suite *s = suite_create("lex");
    TCase *tc = tcase_create("tokens");

    tcase_add_test(tc, test_operators_and_keywords);
    tcase_add_test(tc, test_all_kinds_seen);
    tcase_add_test(tc, test_partial);
    tcase_add_test(tc, test_longest_match);
    tcase_add_test(tc, test_names_and_keywords);
    tcase_add_test(tc, test_int_values);
    tcase_add_test(tc, test_float_forms);
    tcase_add_test(tc, test_number_then_keyword);
    tcase_add_test(tc, test_string_forms);
    tcase_add_test(tc, test_string_escapes);
    tcase_add_test(tc, test_string_continuation);
    suite_add_tcase(s, tc);

    tc = tcase_create("lines");
    tcase_add_test(tc, test_indent_nested);
    tcase_add_test(tc, test_dedent_several_levels);
    tcase_add_test(tc, test_indent_left_to_parser);
    tcase_add_test(tc, test_dedent_at_eof);
    tcase_add_test(tc, test_tabs);
    tcase_add_test(tc, test_blank_and_comment_lines);
    tcase_add_test(tc, test_empty_sources);
    tcase_add_test(tc, test_missing_final_newline);
    tcase_add_test(tc, test_brackets_across_lines);
    tcase_add_test(tc, test_continuation_lines);
    tcase_add_test(tc, test_newline_forms_and_bom);
    tcase_add_test(tc, test_positions);
    tcase_add_test(tc, test_lex_line);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_errors, 0, sizeof errors / sizeof errors[0]);
    tcase_add_test(tc, test_error_too_deep);
    tcase_add_test(tc, test_error_too_many_brackets);
    tcase_add_test(tc, test_error_without_report);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(lex_suite());
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
