/*
 * check_bigint.c: Python ints against CPython's own results
 * (tests/data/bigint.txt from tests/gen-bigint.py): every value and
 * every digit count, with results aliasing their operands too.
 */
#include <config.h>

#include <check.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bigint.h"
#include "core/strbuf.h"
#include "testutil.h"
#include "unescape.h"

/* Shorten a long decimal for failure messages. */
static const char *
brief(const char *s)
{
    static char buf[4][96];
    static int k;
    char *b = buf[k++ & 3];
    size_t n = strlen(s);

    if (n < 80) {
        return s;
    }
    snprintf(b, 96, "%.36s...%s (%zu chars)", s, s + n - 20, n);
    return b;
}

/* The representation invariant: normalized, digits in range. */
static void
check_norm(const BigInt *x)
{
    int32_t n = bi_ndigits(x);

    if (n == 0) {
        ck_assert_ptr_null(x->d);
        return;
    }
    ck_assert_ptr_nonnull(x->d);
    ck_assert_uint_ne(x->d[n - 1], 0);
    for (int32_t i = 0; i < n; i++) {
        ck_assert_uint_le(x->d[i], BI_MASK);
    }
}

static void
set_dec(BigInt *x, const char *s)
{
    ck_assert_msg(bi_from_decimal(x, s, strlen(s)) == 0, "bad decimal %s", brief(s));
    check_norm(x);
}

/* str(x) compared with an expected decimal. */
static void
expect_dec(const BigInt *x, const char *want, const char *what, int lineno)
{
    StrBuf sb;

    check_norm(x);
    sb_init(&sb);
    bi_to_decimal(x, &sb);
    ck_assert_msg(strcmp(sb.s, want) == 0, "line %d %s: got %s want %s", lineno, what,
                  brief(sb.s), brief(want));
    sb_done(&sb);
}

typedef void (*BinOp)(BigInt *, const BigInt *, const BigInt *);
typedef int (*BinOpErr)(BigInt *, const BigInt *, const BigInt *);

static void
op_add(BigInt *r, const BigInt *a, const BigInt *b)
{
    bi_add(r, a, b);
}

static void
op_sub(BigInt *r, const BigInt *a, const BigInt *b)
{
    bi_sub(r, a, b);
}

static void
op_mul(BigInt *r, const BigInt *a, const BigInt *b)
{
    bi_mul(r, a, b);
}

static void
op_and(BigInt *r, const BigInt *a, const BigInt *b)
{
    bi_and(r, a, b);
}

static void
op_or(BigInt *r, const BigInt *a, const BigInt *b)
{
    bi_or(r, a, b);
}

static void
op_xor(BigInt *r, const BigInt *a, const BigInt *b)
{
    bi_xor(r, a, b);
}

static const struct {
    const char *name;
    BinOp fn;
    BinOpErr fn_err;
} binops[] = {
    {"add", op_add, NULL},
    {"sub", op_sub, NULL},
    {"mul", op_mul, NULL},
    {"and", op_and, NULL},
    {"or", op_or, NULL},
    {"xor", op_xor, NULL},
    {"floordiv", NULL, bi_floordiv},
    {"mod", NULL, bi_mod},
    {"pow", NULL, bi_pow},
    {"lshift", NULL, bi_lshift},
    {"rshift", NULL, bi_rshift},
};

/*
 * Run a binary operation three ways: into a fresh result, into a result
 * that is the first operand, and into one that is the second.  Returns
 * the return code (0 for operations that cannot fail) and leaves the
 * fresh result in r.
 */
static int
run_binop(int k, BigInt *r, const BigInt *a, const BigInt *b, const char *want, int lineno)
{
    BigInt t;
    int rc, rc2;

    bi_init(&t);
    if (binops[k].fn != NULL) {
        binops[k].fn(r, a, b);
        rc = 0;
    } else {
        rc = binops[k].fn_err(r, a, b);
    }
    /* r = a op r where r starts as b, and r = r op b where r starts as a. */
    for (int which = 0; which < 2; which++) {
        bi_copy(&t, which == 0 ? a : b);
        if (binops[k].fn != NULL) {
            if (which == 0) {
                binops[k].fn(&t, &t, b);
            } else {
                binops[k].fn(&t, a, &t);
            }
            rc2 = 0;
        } else if (which == 0) {
            rc2 = binops[k].fn_err(&t, &t, b);
        } else {
            rc2 = binops[k].fn_err(&t, a, &t);
        }
        ck_assert_int_eq(rc2, rc);
        if (rc == 0) {
            expect_dec(&t, want, which == 0 ? "aliased a" : "aliased b", lineno);
        } else {
            /* On error the result is unchanged. */
            ck_assert_int_eq(bi_cmp(&t, which == 0 ? a : b), 0);
        }
    }
    bi_done(&t);
    return rc;
}

START_TEST(test_cpython_data)
{
    FILE *fp = open_srcfile("tests/data/bigint.txt");
    char *line = NULL;
    size_t cap = 0;
    int lineno = 0, checked = 0;
    BigInt a, b, r;
    StrBuf sb;

    bi_init(&a);
    bi_init(&b);
    bi_init(&r);
    sb_init(&sb);
    while (getline(&line, &cap, fp) != -1) {
        char *op, *sa, *sb_, *res, *nd, *save = NULL;

        lineno++;
        if (line[0] == '#') {
            continue;
        }
        op = strtok_r(line, " \n", &save);
        sa = strtok_r(NULL, " \n", &save);
        sb_ = strtok_r(NULL, " \n", &save);
        res = strtok_r(NULL, " \n", &save);
        nd = strtok_r(NULL, " \n", &save);
        ck_assert_msg(op && sa && sb_ && res && nd, "line %d: malformed", lineno);
        checked++;

        if (strcmp(op, "int") == 0) {
            int base = atoi(sa);
            size_t ndig = 0;
            int rc;

            ck_assert(sb_[0] == '=');
            sb_clear(&sb);
            ck_assert_int_eq(test_unescape(sb_ + 1, &sb), 0);
            bi_from_i64(&r, 12345);
            rc = bi_from_string_limited(&r, sb.s, sb.len, base, BI_MAX_STR_DIGITS, &ndig);
            if (strcmp(res, "invalid") == 0) {
                ck_assert_msg(rc == BI_EVALUE, "line %d: int(%s, %d) gave %d", lineno,
                              brief(sb_), base, rc);
                expect_dec(&r, "12345", "unchanged", lineno);
            } else if (strcmp(res, "limit") == 0) {
                ck_assert_msg(rc == BI_ELIMIT, "line %d: int(%s, %d) gave %d", lineno,
                              brief(sb_), base, rc);
                ck_assert_uint_gt(ndig, BI_MAX_STR_DIGITS);
                /* Without the limit the same string converts. */
                rc = bi_from_string(&r, sb.s, sb.len, base);
                ck_assert(rc == 0 || rc == BI_EVALUE);
            } else {
                ck_assert_msg(rc == 0, "line %d: int(%s, %d) gave %d", lineno, brief(sb_),
                              base, rc);
                expect_dec(&r, res, "int()", lineno);
                ck_assert_int_eq(bi_ndigits(&r), atoi(nd));
            }
            continue;
        }

        set_dec(&a, sa);
        set_dec(&b, sb_);
        /* Every operand round-trips through str() and int(). */
        expect_dec(&a, sa, "str(a)", lineno);
        bi_from_i64(&r, 7);
        ck_assert_int_eq(bi_from_string(&r, sa, strlen(sa), 10), 0);
        ck_assert_int_eq(bi_cmp(&r, &a), 0);

        int k;
        for (k = 0; k < (int)(sizeof binops / sizeof binops[0]); k++) {
            if (strcmp(op, binops[k].name) == 0) {
                break;
            }
        }
        if (k < (int)(sizeof binops / sizeof binops[0])) {
            int rc = run_binop(k, &r, &a, &b, res, lineno);
            if (strcmp(res, "error") == 0) {
                ck_assert_msg(rc == BI_EVALUE, "line %d: %s %s %s gave %d", lineno, op,
                              brief(sa), brief(sb_), rc);
            } else {
                ck_assert_msg(rc == 0, "line %d: %s gave %d", lineno, op, rc);
                expect_dec(&r, res, op, lineno);
                ck_assert_msg(bi_ndigits(&r) == atoi(nd), "line %d: %s: %d digits, want %s",
                              lineno, op, bi_ndigits(&r), nd);
            }
        } else if (strcmp(op, "cmp") == 0) {
            ck_assert_int_eq(bi_cmp(&a, &b), atoi(res));
            ck_assert_int_eq(bi_cmp(&b, &a), -atoi(res));
        } else if (strcmp(op, "neg") == 0 || strcmp(op, "abs") == 0
                   || strcmp(op, "invert") == 0) {
            void (*fn)(BigInt *, const BigInt *) =
                op[0] == 'n' ? bi_neg : op[0] == 'a' ? bi_abs : bi_invert;
            fn(&r, &a);
            expect_dec(&r, res, op, lineno);
            ck_assert_int_eq(bi_ndigits(&r), atoi(nd));
            fn(&a, &a);
            expect_dec(&a, res, op, lineno);
        } else if (strcmp(op, "hash") == 0) {
            ck_assert_msg(bi_hash(&a) == strtoll(res, NULL, 10), "line %d: hash %" PRId64,
                          lineno, bi_hash(&a));
        } else if (strcmp(op, "bitlen") == 0) {
            ck_assert_uint_eq(bi_bit_length(&a), strtoull(res, NULL, 10));
        } else if (strcmp(op, "hex") == 0 || strcmp(op, "oct") == 0
                   || strcmp(op, "bin") == 0) {
            int base = op[0] == 'h' ? 16 : op[0] == 'o' ? 8 : 2;
            sb_clear(&sb);
            bi_to_base(&a, base, &sb);
            ck_assert_msg(strcmp(sb.s, res) == 0, "line %d: %s gave %s", lineno, op,
                          brief(sb.s));
            /* And back through int(s, 0). */
            ck_assert_int_eq(bi_from_string(&r, sb.s, sb.len, 0), 0);
            ck_assert_int_eq(bi_cmp(&r, &a), 0);
        } else if (strcmp(op, "strlim") == 0) {
            sb_clear(&sb);
            sb_puts(&sb, "x");
            int rc = bi_to_decimal_limited(&a, &sb, BI_MAX_STR_DIGITS);
            if (strcmp(res, "limit") == 0) {
                ck_assert_int_eq(rc, BI_ELIMIT);
                ck_assert_str_eq(sb.s, "x");
            } else {
                ck_assert_int_eq(rc, 0);
                ck_assert_str_eq(sb.s + 1, res);
            }
            /* No limit: always converts. */
            sb_clear(&sb);
            ck_assert_int_eq(bi_to_decimal_limited(&a, &sb, 0), 0);
            ck_assert_str_eq(sb.s, sa);
        } else if (strcmp(op, "factorial") == 0) {
            int64_t n;
            BigInt f;
            ck_assert(bi_to_i64(&a, &n));
            bi_init(&f);
            bi_from_i64(&r, 1);
            for (int64_t i = 2; i <= n; i++) {
                bi_from_i64(&f, i);
                bi_mul(&r, &r, &f);
            }
            bi_done(&f);
            expect_dec(&r, res, "factorial", lineno);
            ck_assert_int_eq(bi_ndigits(&r), atoi(nd));
        } else {
            ck_abort_msg("line %d: unknown op %s", lineno, op);
        }
    }
    free(line);
    fclose(fp);
    bi_done(&a);
    bi_done(&b);
    bi_done(&r);
    sb_done(&sb);
    ck_assert_int_gt(checked, 5000);
}
END_TEST

START_TEST(test_i64)
{
    static const int64_t vals[] = {
        0, 1, -1, 1073741823, 1073741824, -1073741824, INT64_MAX, INT64_MIN,
        INT64_MIN + 1, 1152921504606846976LL, -1152921504606846976LL,
    };
    static const char *dec[] = {
        "0", "1", "-1", "1073741823", "1073741824", "-1073741824",
        "9223372036854775807", "-9223372036854775808", "-9223372036854775807",
        "1152921504606846976", "-1152921504606846976",
    };
    static const int nd[] = {0, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3};
    BigInt x;
    int64_t v;

    bi_init(&x);
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        bi_from_i64(&x, vals[i]);
        expect_dec(&x, dec[i], "from_i64", (int)i);
        ck_assert_int_eq(bi_ndigits(&x), nd[i]);
        ck_assert(bi_to_i64(&x, &v));
        ck_assert(v == vals[i]);
    }
    /* Just out of range: 2**63 and -2**63 - 1, and 2**64. */
    v = 42;
    set_dec(&x, "9223372036854775808");
    ck_assert(!bi_to_i64(&x, &v));
    set_dec(&x, "-9223372036854775809");
    ck_assert(!bi_to_i64(&x, &v));
    set_dec(&x, "18446744073709551616");
    ck_assert(!bi_to_i64(&x, &v));
    ck_assert(v == 42);
    bi_from_u64(&x, UINT64_MAX);
    expect_dec(&x, "18446744073709551615", "from_u64", 0);
    ck_assert_int_eq(bi_ndigits(&x), 3);
    bi_done(&x);
    bi_done(&x);   /* done twice is harmless */
}
END_TEST

START_TEST(test_decimal_syntax)
{
    static const char *bad[] = {"", "-", "+1", " 1", "1 ", "_1", "1_", "1__0", "-_1",
                                "1a", "0x1", "--1", "1-"};
    static const char *good[][2] = {
        {"0", "0"}, {"-0", "0"}, {"000", "0"}, {"007", "7"}, {"1_000", "1000"},
        {"-1_2_3", "-123"}, {"1073741824", "1073741824"},
    };
    BigInt x;

    bi_init(&x);
    bi_from_i64(&x, 99);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_msg(bi_from_decimal(&x, bad[i], strlen(bad[i])) == BI_EVALUE, "%s",
                      bad[i]);
        expect_dec(&x, "99", bad[i], (int)i);
    }
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        ck_assert_int_eq(bi_from_decimal(&x, good[i][0], strlen(good[i][0])), 0);
        expect_dec(&x, good[i][1], good[i][0], (int)i);
    }
    /* Length, not NUL, ends the input. */
    ck_assert_int_eq(bi_from_decimal(&x, "12345", 3), 0);
    expect_dec(&x, "123", "prefix", 0);
    /* Bases out of range. */
    ck_assert_int_eq(bi_from_string(&x, "1", 1, 1), BI_EVALUE);
    ck_assert_int_eq(bi_from_string(&x, "1", 1, 37), BI_EVALUE);
    ck_assert_int_eq(bi_from_string(&x, "1", 1, -1), BI_EVALUE);
    /* Invalid UTF-8 is not a number. */
    ck_assert_int_eq(bi_from_string(&x, "1\xff", 2, 10), BI_EVALUE);
    expect_dec(&x, "123", "unchanged", 0);
    bi_done(&x);
}
END_TEST

/* Random decimal strings survive int() and str(), in every base too. */
START_TEST(test_round_trip)
{
    StrBuf in, out;
    BigInt x, y;

    srand(4711);
    sb_init(&in);
    sb_init(&out);
    bi_init(&x);
    bi_init(&y);
    for (int iter = 0; iter < 400; iter++) {
        int len = 1 + rand() % (iter < 300 ? 40 : 3000);
        sb_clear(&in);
        if (rand() % 2) {
            sb_putc(&in, '-');
        }
        sb_putc(&in, (char)('1' + rand() % 9));
        for (int i = 1; i < len; i++) {
            sb_putc(&in, (char)('0' + rand() % 10));
        }
        ck_assert_int_eq(bi_from_string(&x, in.s, in.len, 10), 0);
        check_norm(&x);
        sb_clear(&out);
        bi_to_decimal(&x, &out);
        ck_assert_str_eq(out.s, in.s);
        /* hex(), oct() and bin() read back with base 0. */
        for (int base = 2; base <= 16; base *= 2) {
            if (base == 4) {
                continue;
            }
            sb_clear(&out);
            bi_to_base(&x, base, &out);
            ck_assert_int_eq(bi_from_string(&y, out.s, out.len, 0), 0);
            ck_assert_int_eq(bi_cmp(&x, &y), 0);
        }
        /* divmod identity: a == q * b + m, 0 <= |m| < |b|, m has b's sign. */
        BigInt b, q, m, t;
        bi_init(&b);
        bi_init(&q);
        bi_init(&m);
        bi_init(&t);
        bi_from_i64(&b, (int64_t)(rand() % 2000001) - 1000000);
        if (b.size != 0) {
            bi_mul(&b, &b, &x);
            bi_from_i64(&t, rand());
            bi_add(&b, &b, &t);
            ck_assert_int_eq(bi_divmod(&q, &m, &x, &b), 0);
            check_norm(&q);
            check_norm(&m);
            bi_mul(&t, &q, &b);
            bi_add(&t, &t, &m);
            ck_assert_int_eq(bi_cmp(&t, &x), 0);
            ck_assert(m.size == 0 || (m.size < 0) == (b.size < 0));
            bi_abs(&t, &m);
            bi_abs(&q, &b);
            ck_assert_int_lt(bi_cmp(&t, &q), 0);
        }
        bi_done(&b);
        bi_done(&q);
        bi_done(&m);
        bi_done(&t);
    }
    bi_done(&x);
    bi_done(&y);
    sb_done(&in);
    sb_done(&out);
}
END_TEST

START_TEST(test_limits_and_overflow)
{
    BigInt a, b, r;
    StrBuf sb;
    size_t nd = 0;
    char *big;

    bi_init(&a);
    bi_init(&b);
    bi_init(&r);
    sb_init(&sb);

    /* The digit limit counts digits, not underscores or the sign. */
    big = malloc(6001);
    memset(big, '1', 6000);
    big[6000] = '\0';
    ck_assert_int_eq(bi_from_string_limited(&r, big, 4300, 10, 4300, &nd), 0);
    ck_assert_int_eq(bi_from_string_limited(&r, big, 4301, 10, 4300, &nd), BI_ELIMIT);
    ck_assert_uint_eq(nd, 4301);
    ck_assert_int_eq(bi_from_string_limited(&r, big, 4301, 10, 0, NULL), 0);
    ck_assert_int_eq(bi_from_string_limited(&r, big, 6000, 16, 4300, NULL), 0);
    ck_assert_int_eq(bi_from_string_limited(&r, big, 6000, 36, 4300, NULL), BI_ELIMIT);
    big[0] = '-';
    ck_assert_int_eq(bi_from_string_limited(&r, big, 4301, 10, 4300, NULL), 0);
    big[1] = '_';
    ck_assert_int_eq(bi_from_string_limited(&r, big, 4302, 10, 4300, NULL), BI_EVALUE);
    free(big);
    /* A value the early check refuses without converting. */
    bi_from_i64(&a, 1);
    bi_from_i64(&b, 100000);
    ck_assert_int_eq(bi_lshift(&r, &a, &b), 0);
    ck_assert_int_eq(bi_to_decimal_limited(&r, &sb, 4300), BI_ELIMIT);
    ck_assert_uint_eq(sb.len, 0);
    ck_assert_int_eq(bi_to_decimal_limited(&r, &sb, 100000), 0);
    ck_assert_uint_eq(sb.len, 30103);

    /* Negative exponents and shift counts; the result is left alone. */
    bi_from_i64(&r, 5);
    bi_from_i64(&a, 2);
    bi_from_i64(&b, -1);
    ck_assert_int_eq(bi_pow(&r, &a, &b), BI_EVALUE);
    ck_assert_int_eq(bi_lshift(&r, &a, &b), BI_EVALUE);
    ck_assert_int_eq(bi_rshift(&r, &a, &b), BI_EVALUE);
    bi_from_i64(&b, 0);
    ck_assert_int_eq(bi_floordiv(&r, &a, &b), BI_EVALUE);
    ck_assert_int_eq(bi_mod(&r, &a, &b), BI_EVALUE);
    expect_dec(&r, "5", "unchanged", 0);

    /* Results past BI_MAX_DIGITS are refused, not attempted. */
    set_dec(&b, "1099511627776");           /* 2**40 */
    ck_assert_int_eq(bi_pow(&r, &a, &b), BI_EOVERFLOW);
    ck_assert_int_eq(bi_lshift(&r, &a, &b), BI_EOVERFLOW);
    set_dec(&b, "100000000000000000000000000000");
    ck_assert_int_eq(bi_pow(&r, &a, &b), BI_EOVERFLOW);
    expect_dec(&r, "5", "unchanged", 0);
    /* ... but 0, 1 and -1 to any power, 0 << n and x >> n are fine. */
    bi_from_i64(&a, -1);
    ck_assert_int_eq(bi_pow(&r, &a, &b), 0);
    expect_dec(&r, "1", "(-1)**even", 0);
    bi_from_i64(&a, 0);
    ck_assert_int_eq(bi_lshift(&r, &a, &b), 0);
    expect_dec(&r, "0", "0 << huge", 0);
    bi_from_i64(&a, -7);
    ck_assert_int_eq(bi_rshift(&r, &a, &b), 0);
    expect_dec(&r, "-1", "-7 >> huge", 0);
    /* The largest allowed shift works. */
    bi_from_i64(&a, 1);
    bi_from_i64(&b, (int64_t)BI_MAX_DIGITS * BI_SHIFT - 1);
    ck_assert_int_eq(bi_lshift(&r, &a, &b), 0);
    ck_assert_int_eq(bi_ndigits(&r), BI_MAX_DIGITS);
    bi_from_i64(&b, (int64_t)BI_MAX_DIGITS * BI_SHIFT);
    ck_assert_int_eq(bi_lshift(&r, &a, &b), BI_EOVERFLOW);

    bi_done(&a);
    bi_done(&b);
    bi_done(&r);
    sb_done(&sb);
}
END_TEST

/* A random value of n digits (the top one nonzero), random sign. */
static void
random_bigint(BigInt *x, int n)
{
    StrBuf sb;

    /* Build it from hex text so that the test does not poke at digits. */
    sb_init(&sb);
    if (rand() % 2) {
        sb_putc(&sb, '-');
    }
    sb_puts(&sb, "0x1");
    for (int i = 0; i < n * 30 / 4; i++) {
        /* Runs of f and 0 exercise carries and borrows. */
        int r = rand() % 8;
        sb_putc(&sb, "0123456789abcdef"[r < 2 ? 15 : r < 4 ? 0 : rand() % 16]);
    }
    ck_assert_int_eq(bi_from_string(x, sb.s, sb.len, 16), 0);
    sb_done(&sb);
}

/*
 * Products around and far past the Karatsuba cutoff, balanced and
 * lopsided, checked by identities that only division and addition
 * (separate code) can satisfy.
 */
START_TEST(test_mul_identities)
{
    static const int sizes[] = {1, 2, 35, 69, 70, 71, 100, 139, 140, 141, 250, 600};
    int ns = (int)(sizeof sizes / sizeof sizes[0]);
    BigInt a, b, c, p, q, t, u;

    srand(99);
    bi_init(&a);
    bi_init(&b);
    bi_init(&c);
    bi_init(&p);
    bi_init(&q);
    bi_init(&t);
    bi_init(&u);
    for (int i = 0; i < ns; i++) {
        for (int j = 0; j < ns; j++) {
            random_bigint(&a, sizes[i]);
            random_bigint(&b, sizes[j]);
            random_bigint(&c, sizes[(i + j) % ns]);
            bi_mul(&p, &a, &b);
            check_norm(&p);
            /* (a * b) // b == a, (a * b) % b == 0. */
            ck_assert_int_eq(bi_divmod(&q, &t, &p, &b), 0);
            ck_assert_int_eq(bi_cmp(&q, &a), 0);
            ck_assert_int_eq(t.size, 0);
            /* b * a == a * b; squaring agrees with itself via division. */
            bi_mul(&t, &b, &a);
            ck_assert_int_eq(bi_cmp(&t, &p), 0);
            bi_mul(&t, &a, &a);
            ck_assert_int_eq(bi_floordiv(&q, &t, &a), 0);
            ck_assert_int_eq(bi_cmp(&q, &a), 0);
            /* a * (b + c) == a * b + a * c. */
            bi_add(&t, &b, &c);
            bi_mul(&t, &a, &t);
            bi_mul(&u, &a, &c);
            bi_add(&u, &u, &p);
            ck_assert_int_eq(bi_cmp(&t, &u), 0);
        }
    }
    /* All ones times all ones: the largest carries. */
    bi_from_i64(&a, 1);
    bi_from_i64(&b, 30 * 300);
    bi_lshift(&a, &a, &b);
    bi_from_i64(&b, 1);
    bi_sub(&a, &a, &b);                     /* 2**9000 - 1: 300 full digits */
    bi_mul(&p, &a, &a);
    ck_assert_int_eq(bi_ndigits(&p), 600);
    bi_add(&t, &a, &b);                     /* (2**9000 - 1)**2 + 2**9001 - 1 */
    bi_mul(&t, &t, &t);                     /* == 2**18000 */
    bi_add(&u, &a, &a);
    bi_add(&u, &u, &b);
    bi_add(&u, &u, &p);
    ck_assert_int_eq(bi_cmp(&t, &u), 0);
    ck_assert_uint_eq(bi_bit_length(&t), 18001);
    bi_done(&a);
    bi_done(&b);
    bi_done(&c);
    bi_done(&p);
    bi_done(&q);
    bi_done(&t);
    bi_done(&u);
}
END_TEST

/* What a student might type: 2**10000, big factorials, long division. */
START_TEST(test_speed)
{
    BigInt a, b, r;
    StrBuf sb;

    bi_init(&a);
    bi_init(&b);
    bi_init(&r);
    sb_init(&sb);
    bi_from_i64(&a, 3);
    bi_from_i64(&b, 200000);
    ck_assert_int_eq(bi_pow(&r, &a, &b), 0);       /* 95,425 decimal digits */
    bi_to_decimal(&r, &sb);
    ck_assert_uint_eq(sb.len, 95425);
    ck_assert_int_eq(memcmp(sb.s, "1782", 4), 0);
    ck_assert_int_eq(bi_from_string(&a, sb.s, sb.len, 10), 0);
    ck_assert_int_eq(bi_cmp(&a, &r), 0);
    bi_from_i64(&b, 7);
    bi_pow(&b, &b, &b);
    ck_assert_int_eq(bi_floordiv(&a, &r, &b), 0);
    bi_mul(&a, &a, &b);
    ck_assert_int_le(bi_cmp(&a, &r), 0);
    bi_done(&a);
    bi_done(&b);
    bi_done(&r);
    sb_done(&sb);
}
END_TEST

static Suite *
bigint_suite(void)
{
    Suite *s = suite_create("bigint");
    TCase *tc = tcase_create("int");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_cpython_data);
    tcase_add_test(tc, test_i64);
    tcase_add_test(tc, test_decimal_syntax);
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_limits_and_overflow);
    tcase_add_test(tc, test_mul_identities);
    tcase_add_test(tc, test_speed);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(bigint_suite());
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
