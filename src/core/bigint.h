/*
 * bigint.h: arbitrary-precision integers stored as CPython 3.11 stores
 * them (Objects/longobject.c, Include/cpython/longintrepr.h).
 *
 * A value is a sign and a magnitude.  The magnitude is an array of 30-bit
 * digits in uint32_t, least significant first.  `size` is CPython's
 * ob_size: the number of digits, negative for a negative value.  Every
 * BigInt is normalized (the most significant digit is not zero; zero has
 * size 0 and no array), so abs(size) is exactly the digit count CPython
 * would give the same value, and sys.getsizeof(v) == 24 + 4 * max(n, 1)
 * with n = bi_ndigits(v).
 *
 *   BigInt a, b;
 *   bi_init(&a);
 *   bi_init(&b);
 *   bi_from_i64(&a, 2);
 *   bi_from_i64(&b, 100);
 *   bi_pow(&a, &a, &b);         // the result may alias an operand
 *   bi_to_decimal(&a, &sb);
 *   bi_done(&a);
 *   bi_done(&b);
 *
 * Ownership.  A result (r, q, m) owns its digits: the function frees the
 * old array and installs a new one.  Operands are only read, so a view
 * whose d borrows digits kept elsewhere (an int object's storage) may be
 * passed as an operand, never as a result; the digits of a view must be
 * normalized, and d is not read when size is 0.
 *
 * Errors.  The student's mistakes (division by zero, a negative shift
 * count, a malformed literal) come back as BI_EVALUE; the simulator turns
 * them into the exception CPython would raise.  On any error the result
 * operand is left unchanged.
 */
#ifndef PYMEMSIM_CORE_BIGINT_H
#define PYMEMSIM_CORE_BIGINT_H

#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"

#define BI_SHIFT          30
#define BI_BASE           ((uint32_t)1 << BI_SHIFT)
#define BI_MASK           (BI_BASE - 1)

/* sys.int_info.default_max_str_digits and str_digits_check_threshold. */
#define BI_MAX_STR_DIGITS        4300
#define BI_STR_DIGITS_THRESHOLD  640

/*
 * The largest result, in digits, the simulator agrees to build (about 9.7
 * million decimal digits).  CPython would raise MemoryError or
 * OverflowError somewhere beyond it, or simply run for a very long time.
 */
#define BI_MAX_DIGITS     (1 << 20)

/* Return values besides 0 (success). */
#define BI_EVALUE    (-1)   /* bad literal, division by zero, negative count */
#define BI_ELIMIT    (-2)   /* exceeds max_str_digits (ValueError in 3.11) */
#define BI_EOVERFLOW (-3)   /* result over BI_MAX_DIGITS (MemoryError) */

typedef struct BigInt {
    int32_t size;           /* ob_size: signed digit count */
    uint32_t *d;            /* abs(size) digits; owned; NULL when size 0 */
} BigInt;

/* Life cycle.  An initialised BigInt is zero. */
void bi_init(BigInt *x);
void bi_done(BigInt *x);
void bi_copy(BigInt *r, const BigInt *a);

/* Conversions from and to C integers. */
void bi_from_i64(BigInt *r, int64_t v);
void bi_from_u64(BigInt *r, uint64_t v);
int bi_to_i64(const BigInt *x, int64_t *out);     /* 1 if it fits, else 0 */

/* Inspection. */
static inline int32_t
bi_ndigits(const BigInt *x)
{
    return x->size < 0 ? -x->size : x->size;
}

static inline int
bi_sign(const BigInt *x)
{
    return (x->size > 0) - (x->size < 0);
}

uint64_t bi_bit_length(const BigInt *x);          /* int.bit_length() */
int64_t bi_hash(const BigInt *x);                 /* hash(x), 64-bit build */

/*
 * Text.  bi_from_decimal reads a decimal literal as the lexer sees it: an
 * optional '-', ASCII digits, single '_' between digits.
 *
 * bi_from_string is int(s, base) on a UTF-8 string: base 2..36, or 0 to
 * take the base from a 0x/0o/0b prefix (then a nonzero decimal may not
 * start with 0).  Surrounding whitespace, a sign, single underscores
 * between digits and after the prefix, and Unicode decimal digits are
 * accepted as in CPython.  bi_from_string_limited also applies
 * sys.get_int_max_str_digits() (0: no limit) to non-power-of-two bases,
 * returning BI_ELIMIT and the digit count in *ndigits (may be NULL).
 *
 * bi_to_decimal is str(x) without the limit; bi_to_decimal_limited
 * returns BI_ELIMIT and appends nothing when x has more than
 * max_str_digits decimal digits.  bi_to_base is bin(), oct() or hex()
 * for base 2, 8 or 16.  All of them append to `out`.
 */
int bi_from_decimal(BigInt *r, const char *s, size_t n);
int bi_from_string(BigInt *r, const char *s, size_t n, int base);
int bi_from_string_limited(BigInt *r, const char *s, size_t n, int base,
                           int max_str_digits, size_t *ndigits);
void bi_to_decimal(const BigInt *x, StrBuf *out);
int bi_to_decimal_limited(const BigInt *x, StrBuf *out, int max_str_digits);
void bi_to_base(const BigInt *x, int base, StrBuf *out);

/* Comparison: -1, 0 or 1 as a < b, a == b, a > b. */
int bi_cmp(const BigInt *a, const BigInt *b);

/*
 * Arithmetic with Python semantics.  r may alias a or b.  Division
 * floors (the remainder has the sign of the divisor); bi_divmod sets
 * both (q and m must differ; either may be NULL).  bi_pow refuses a
 * negative exponent with BI_EVALUE (CPython returns a float there) and a
 * result sure to pass BI_MAX_DIGITS with BI_EOVERFLOW.  Sums and
 * products always succeed; a caller that wants to refuse a product past
 * BI_MAX_DIGITS compares bi_ndigits(a) + bi_ndigits(b) first.
 */
void bi_neg(BigInt *r, const BigInt *a);
void bi_abs(BigInt *r, const BigInt *a);
void bi_add(BigInt *r, const BigInt *a, const BigInt *b);
void bi_sub(BigInt *r, const BigInt *a, const BigInt *b);
void bi_mul(BigInt *r, const BigInt *a, const BigInt *b);
int bi_floordiv(BigInt *r, const BigInt *a, const BigInt *b);
int bi_mod(BigInt *r, const BigInt *a, const BigInt *b);
int bi_divmod(BigInt *q, BigInt *m, const BigInt *a, const BigInt *b);
int bi_pow(BigInt *r, const BigInt *a, const BigInt *b);

/*
 * Bitwise operations act as on infinite two's complement, as in Python.
 * A negative shift count is BI_EVALUE; a left shift whose result would
 * pass BI_MAX_DIGITS is BI_EOVERFLOW.
 */
void bi_invert(BigInt *r, const BigInt *a);
void bi_and(BigInt *r, const BigInt *a, const BigInt *b);
void bi_or(BigInt *r, const BigInt *a, const BigInt *b);
void bi_xor(BigInt *r, const BigInt *a, const BigInt *b);
int bi_lshift(BigInt *r, const BigInt *a, const BigInt *b);
int bi_rshift(BigInt *r, const BigInt *a, const BigInt *b);

#endif
