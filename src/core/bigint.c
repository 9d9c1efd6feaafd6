/*
 * bigint.c: Python's int, modelled on Objects/longobject.c of CPython 3.11.
 *
 * Representation.
 *
 * A magnitude is an array of digits d[0..n-1], each 0 <= d[i] < 2**30,
 * worth sum(d[i] * 2**(30*i)).  A BigInt adds a sign by storing n or -n
 * in `size`, as CPython's ob_size does.  Invariant (every function keeps
 * it): d[n-1] != 0, and zero is size 0 with d NULL.  The digit count is
 * therefore a function of the value alone, the same one CPython's
 * long_normalize produces, whatever algorithm computed the value.
 *
 * How results are built.
 *
 * The internal routines work on magnitudes (const uint32_t *, size_t)
 * and return freshly allocated arrays.  Only then does `take` free the
 * result's old digits and install the new ones, normalizing on the way.
 * Because nothing is written to the result until the operands have been
 * read, a result may alias an operand.
 *
 * Algorithms, as in CPython where it matters for teaching:
 *   - addition and subtraction with carries (x_add, x_sub);
 *   - schoolbook multiplication (x_mul), and Karatsuba's method (k_mul)
 *     once both factors have 70 digits or more;
 *   - division by one digit (inplace_divrem1), else Knuth's algorithm D
 *     (x_divrem): normalize so the divisor's top digit has its high bit
 *     set, estimate each quotient digit from the top two digits, correct
 *     it at most twice, then at most once more after the subtraction;
 *   - floor division and modulo derived from truncating division
 *     (l_divmod): when the signs differ and the remainder is not zero,
 *     the quotient goes one further from zero and the remainder becomes
 *     divisor - remainder;
 *   - left-to-right binary exponentiation (long_pow);
 *   - bitwise operations on two's complement copies of the operands
 *     (long_bitwise);
 *   - to decimal by converting to base 10**9 one 30-bit digit at a time
 *     (long_to_decimal_string_internal), quadratic but with a small
 *     constant; from text by multiplying in groups of as many characters
 *     as fit in a digit (long_from_non_binary_base).
 */
#include <config.h>

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/bigint.h"
#include "core/strbuf.h"
#include "core/unicode.h"
#include "core/xalloc.h"

#define MAX_BITS ((uint64_t)BI_MAX_DIGITS * BI_SHIFT)

/* ------------------------------------------------------------------ */
/* Digit arrays.                                                      */

/* A new array of n digits (n may be 0); caller owns. */
static uint32_t *
digits_new(size_t n)
{
    return xmalloc((n > 0 ? n : 1) * sizeof(uint32_t));
}

/* A new zeroed array of n digits; caller owns. */
static uint32_t *
digits_zero(size_t n)
{
    return xcalloc(n > 0 ? n : 1, sizeof(uint32_t));
}

static uint32_t *
digits_dup(const uint32_t *a, size_t n)
{
    uint32_t *z = digits_new(n);

    if (n > 0) {
        memcpy(z, a, n * sizeof(uint32_t));
    }
    return z;
}

/* The length of a without its leading zero digits. */
static size_t
normalized(const uint32_t *a, size_t n)
{
    while (n > 0 && a[n - 1] == 0) {
        n--;
    }
    return n;
}

/*
 * Install digits d[0..n-1] (taken over, may be NULL when n is 0) as the
 * value of r, negative if `negative`, freeing r's old digits.
 */
static void
take(BigInt *r, uint32_t *d, size_t n, int negative)
{
    n = normalized(d, n);
    assert(n <= INT32_MAX);
    free(r->d);
    if (n == 0) {
        free(d);
        r->d = NULL;
        r->size = 0;
        return;
    }
    r->d = d;
    r->size = negative ? -(int32_t)n : (int32_t)n;
}

/* Move t's value into r; t is left zero. */
static void
move(BigInt *r, BigInt *t)
{
    if (r != t) {
        free(r->d);
        *r = *t;
        t->d = NULL;
        t->size = 0;
    }
}

static int
bits_in_digit(uint32_t d)
{
    int n = 0;

    while (d != 0) {
        n++;
        d >>= 1;
    }
    return n;
}

/*
 * Floor of z / 2**30 for a signed z; exact arithmetic, no reliance on
 * how the compiler shifts negative numbers.
 */
static int64_t
floor_shift(int64_t z)
{
    int64_t low = (int64_t)((uint64_t)z & BI_MASK);

    return (z - low) / (int64_t)BI_BASE;
}

/* ------------------------------------------------------------------ */
/* Magnitudes.                                                        */

static int
mag_cmp(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    if (na != nb) {
        return na < nb ? -1 : 1;
    }
    for (size_t i = na; i-- > 0;) {
        if (a[i] != b[i]) {
            return a[i] < b[i] ? -1 : 1;
        }
    }
    return 0;
}

/* Swap two magnitudes if need be so that a is the longer (na >= nb). */
static void
longer_first(const uint32_t **a, size_t *na, const uint32_t **b, size_t *nb)
{
    if (*na < *nb) {
        const uint32_t *t = *a;
        size_t tn = *na;
        *a = *b;
        *na = *nb;
        *b = t;
        *nb = tn;
    }
}

/* z[0..na-1] = a[0..na-1] + b[0..nb-1] (nb <= na); returns the carry
 * out.  z may be a: the digits past b's are then left as they are once
 * no carry is left. */
static uint32_t
add_digits(uint32_t *z, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    uint32_t carry = 0;
    size_t i;

    for (i = 0; i < nb; i++) {
        carry += a[i] + b[i];
        z[i] = carry & BI_MASK;
        carry >>= BI_SHIFT;
    }
    for (; i < na && (z != a || carry != 0); i++) {
        carry += a[i];
        z[i] = carry & BI_MASK;
        carry >>= BI_SHIFT;
    }
    return carry;
}

/* z[0..na-1] = a[0..na-1] - b[0..nb-1] (nb <= na, a >= b); returns the
 * borrow out.  z may be a, as for add_digits. */
static uint32_t
sub_digits(uint32_t *z, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    uint32_t borrow = 0;
    size_t i;

    for (i = 0; i < nb; i++) {
        borrow = a[i] - b[i] - borrow;
        z[i] = borrow & BI_MASK;
        borrow = (borrow >> BI_SHIFT) & 1;
    }
    for (; i < na && (z != a || borrow != 0); i++) {
        borrow = a[i] - borrow;
        z[i] = borrow & BI_MASK;
        borrow = (borrow >> BI_SHIFT) & 1;
    }
    return borrow;
}

/* x[0..nx-1] += y[0..ny-1] (ny <= nx); returns the carry out of x. */
static uint32_t
add_into(uint32_t *x, size_t nx, const uint32_t *y, size_t ny)
{
    return add_digits(x, x, nx, y, ny);
}

/* x[0..nx-1] -= y[0..ny-1] (ny <= nx, x >= y); returns the borrow. */
static uint32_t
sub_from(uint32_t *x, size_t nx, const uint32_t *y, size_t ny)
{
    return sub_digits(x, x, nx, y, ny);
}

/* |a| + |b|: max(na, nb) + 1 digits; caller owns. */
static uint32_t *
mag_add(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    longer_first(&a, &na, &b, &nb);
    uint32_t *z = digits_new(na + 1);

    z[na] = add_digits(z, a, na, b, nb);
    return z;
}

/* |a| - |b| where |a| >= |b|: na digits; caller owns. */
static uint32_t *
mag_sub(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    uint32_t *z = digits_new(na);

    assert(mag_cmp(a, na, b, nb) >= 0);
    uint32_t borrow = sub_digits(z, a, na, b, nb);
    assert(borrow == 0);
    (void)borrow;
    return z;
}

/*
 * Below this many digits in the shorter factor, schoolbook multiplication
 * wins (CPython's KARATSUBA_CUTOFF).
 */
#define KARATSUBA_CUTOFF 70

/* The split must shrink the factors, which needs at least four digits. */
_Static_assert(KARATSUBA_CUTOFF >= 4, "Karatsuba on tiny factors would not terminate");

/*
 * Schoolbook: z[0..na+nb-1] = |a| * |b|.  Each row adds a[i] * b into the
 * partial product; the running carry stays below 2**30, so the sum
 * z + a[i] * b[j] + carry stays below 2**60 + 2**31.
 */
static void
mul_school(uint32_t *z, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    memset(z, 0, (na + nb) * sizeof(uint32_t));
    for (size_t i = 0; i < na; i++) {
        uint64_t f = a[i];
        uint64_t carry = 0;

        if (f == 0) {
            continue;
        }
        for (size_t j = 0; j < nb; j++) {
            carry += z[i + j] + f * b[j];
            z[i + j] = (uint32_t)(carry & BI_MASK);
            carry >>= BI_SHIFT;
        }
        z[i + nb] = (uint32_t)carry;
    }
}

/*
 * z[0..na+nb-1] = |a| * |b|, as CPython's k_mul and k_lopsided_mul.
 *
 * Karatsuba: split both at `shift` digits, a = ah*B + al, b = bh*B + bl
 * with B = 2**(30*shift).  Then
 *     a*b = ah*bh*B**2 + ((ah+al)*(bh+bl) - ah*bh - al*bl)*B + al*bl,
 * three half-size products instead of four.  ah*bh and al*bl are
 * computed straight into the high and low parts of z; the middle term
 * is added in at digit `shift`.  When one factor is less than half as
 * long as the other, the long one is cut into slices as long as the
 * short one instead (lopsided), which keeps the halves balanced.
 */
static void
mul_into(uint32_t *z, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    size_t nz = na + nb;

    longer_first(&a, &na, &b, &nb);
    if (nb < KARATSUBA_CUTOFF) {
        mul_school(z, a, na, b, nb);
        return;
    }
    if (2 * nb <= na) {
        uint32_t *t = digits_new(2 * nb);
        memset(z, 0, nz * sizeof(uint32_t));
        for (size_t off = 0; off < na; off += nb) {
            size_t slice = na - off < nb ? na - off : nb;
            mul_into(t, a + off, slice, b, nb);
            add_into(z + off, nz - off, t, slice + nb);
        }
        free(t);
        return;
    }

    size_t shift = na / 2;                  /* nb > shift, as 2*nb > na */
    size_t nah = na - shift, nbh = nb - shift;
    size_t nsa = nah + 1;                   /* ah + al fits: nah >= shift */
    size_t nsb = (nbh > shift ? nbh : shift) + 1;
    uint32_t *sa = digits_zero(nsa);
    uint32_t *sb = digits_zero(nsb);
    uint32_t *mid = digits_new(nsa + nsb);
    size_t nmid;

    mul_into(z, a, shift, b, shift);                        /* al*bl */
    mul_into(z + 2 * shift, a + shift, nah, b + shift, nbh); /* ah*bh */
    memcpy(sa, a + shift, nah * sizeof(uint32_t));
    add_into(sa, nsa, a, shift);
    memcpy(sb, b, shift * sizeof(uint32_t));
    add_into(sb, nsb, b + shift, nbh);
    mul_into(mid, sa, nsa, sb, nsb);
    sub_from(mid, nsa + nsb, z + 2 * shift, nah + nbh);
    sub_from(mid, nsa + nsb, z, 2 * shift);
    /* The middle term is ah*bl + al*bh: it fits above digit `shift`. */
    nmid = normalized(mid, nsa + nsb);
    assert(nmid <= nz - shift);
    add_into(z + shift, nz - shift, mid, nmid);
    free(sa);
    free(sb);
    free(mid);
}

/* |a| * |b|: na + nb digits; caller owns. */
static uint32_t *
mag_mul(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    uint32_t *z = digits_new(na + nb);

    mul_into(z, a, na, b, nb);
    return z;
}

/*
 * Shift a[0..n-1] left by s bits (0 <= s < 30) into z[0..n-1]; returns
 * the bits shifted out of the top.  z may be a.
 */
static uint32_t
digits_lshift(uint32_t *z, const uint32_t *a, size_t n, int s)
{
    uint32_t carry = 0;

    for (size_t i = 0; i < n; i++) {
        uint64_t acc = ((uint64_t)a[i] << s) | carry;
        z[i] = (uint32_t)(acc & BI_MASK);
        carry = (uint32_t)(acc >> BI_SHIFT);
    }
    return carry;
}

/*
 * Shift a[0..n-1] right by s bits (0 <= s < 30) into z[0..n-1]; returns
 * the bits shifted out of the bottom.  z may be a.
 */
static uint32_t
digits_rshift(uint32_t *z, const uint32_t *a, size_t n, int s)
{
    uint32_t carry = 0;
    uint32_t mask = ((uint32_t)1 << s) - 1;

    for (size_t i = n; i-- > 0;) {
        uint64_t acc = ((uint64_t)carry << BI_SHIFT) | a[i];
        carry = a[i] & mask;
        z[i] = (uint32_t)(acc >> s);
    }
    return carry;
}

/* Divide a[0..n-1] by one digit k into q[0..n-1]; returns the remainder. */
static uint32_t
mag_divrem1(uint32_t *q, const uint32_t *a, size_t n, uint32_t k)
{
    uint64_t rem = 0;

    assert(k > 0 && k <= BI_MASK);
    for (size_t i = n; i-- > 0;) {
        rem = (rem << BI_SHIFT) | a[i];
        q[i] = (uint32_t)(rem / k);
        rem -= (uint64_t)q[i] * k;
    }
    return (uint32_t)rem;
}

/*
 * Knuth's algorithm D (TAOCP 4.3.1), as CPython's x_divrem: |v| / |w|
 * with nw >= 2 and |v| >= |w|.  Sets *q (nv - nw + 1 digits) and *r (nw
 * digits); caller owns both.
 *
 * D1: shift both so that the divisor's top digit has bit 29 set; the
 * dividend may grow by one digit.  D3: each quotient digit is estimated
 * from the dividend's top two digits over the divisor's top digit, then
 * lowered while the third digits show it too large (at most twice).
 * D4-D6: subtract q times the divisor; if that went negative (rare), q
 * was one too large: add the divisor back.  D8: shift the remainder back.
 */
static void
mag_divrem_knuth(const uint32_t *v1, size_t nv, const uint32_t *w1, size_t nw,
                 uint32_t **qout, uint32_t **rout)
{
    int s = BI_SHIFT - bits_in_digit(w1[nw - 1]);
    uint32_t *w = digits_new(nw);
    uint32_t *v = digits_new(nv + 1);
    uint32_t carry;
    size_t k;

    assert(nw >= 2 && nv >= nw);
    carry = digits_lshift(w, w1, nw, s);
    assert(carry == 0);
    carry = digits_lshift(v, v1, nv, s);
    if (carry != 0 || v[nv - 1] >= w[nw - 1]) {
        v[nv] = carry;
        nv++;
    }
    /* Now v's top digit is below w's: the quotient has k digits. */
    k = nv - nw;
    uint32_t *q = digits_zero(k + 1);
    uint32_t wm1 = w[nw - 1];
    uint32_t wm2 = w[nw - 2];

    for (size_t j = k; j-- > 0;) {
        uint32_t *vk = v + j;
        uint32_t vtop = vk[nw];
        uint64_t vv = ((uint64_t)vtop << BI_SHIFT) | vk[nw - 1];
        uint64_t qd = vv / wm1;
        uint64_t rd = vv - qd * wm1;
        int64_t zhi = 0;

        assert(vtop <= wm1);
        while (wm2 * qd > ((rd << BI_SHIFT) | vk[nw - 2])) {
            qd--;
            rd += wm1;
            if (rd >= BI_BASE) {
                break;
            }
        }
        assert(qd <= BI_BASE);
        /* Subtract qd * w from vk[0..nw]. */
        for (size_t i = 0; i < nw; i++) {
            int64_t z = (int64_t)vk[i] + zhi - (int64_t)qd * (int64_t)w[i];
            vk[i] = (uint32_t)((uint64_t)z & BI_MASK);
            zhi = floor_shift(z);
        }
        assert((int64_t)vtop + zhi == 0 || (int64_t)vtop + zhi == -1);
        if ((int64_t)vtop + zhi < 0) {
            uint32_t c = 0;
            for (size_t i = 0; i < nw; i++) {
                c += vk[i] + w[i];
                vk[i] = c & BI_MASK;
                c >>= BI_SHIFT;
            }
            qd--;
        }
        assert(qd < BI_BASE);
        q[j] = (uint32_t)qd;
    }
    carry = digits_rshift(w, v, nw, s);
    assert(carry == 0);
    free(v);
    *qout = q;
    *rout = w;
}

/*
 * |a| divmod |b| (b not zero), truncating.  *q gets max(na - nb + 1, 1)
 * digits and *r nb digits, neither normalized; caller owns both.
 */
static void
mag_divrem(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
           uint32_t **q, size_t *nq, uint32_t **r, size_t *nr)
{
    assert(nb > 0 && b[nb - 1] != 0);
    if (mag_cmp(a, na, b, nb) < 0) {
        *q = digits_zero(1);
        *nq = 1;
        *r = digits_dup(a, na);
        *nr = na;
    } else if (nb == 1) {
        *q = digits_new(na);
        *nq = na;
        *r = digits_new(1);
        (*r)[0] = mag_divrem1(*q, a, na, b[0]);
        *nr = 1;
    } else {
        mag_divrem_knuth(a, na, b, nb, q, r);
        *nq = na - nb + 1;
        *nr = nb;
    }
}

/* ------------------------------------------------------------------ */
/* Life cycle and C integers.                                         */

void
bi_init(BigInt *x)
{
    x->size = 0;
    x->d = NULL;
}

void
bi_done(BigInt *x)
{
    free(x->d);
    x->d = NULL;
    x->size = 0;
}

void
bi_copy(BigInt *r, const BigInt *a)
{
    if (r != a) {
        size_t n = (size_t)bi_ndigits(a);
        take(r, n > 0 ? digits_dup(a->d, n) : NULL, n, a->size < 0);
    }
}

void
bi_from_u64(BigInt *r, uint64_t v)
{
    uint32_t *d = digits_new(3);
    size_t n = 0;

    while (v != 0) {
        d[n++] = (uint32_t)(v & BI_MASK);
        v >>= BI_SHIFT;
    }
    take(r, d, n, 0);
}

void
bi_from_i64(BigInt *r, int64_t v)
{
    /* 0 - (uint64_t)v is |v| even for INT64_MIN. */
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

    bi_from_u64(r, u);
    if (v < 0) {
        r->size = -r->size;
    }
}

int
bi_to_i64(const BigInt *x, int64_t *out)
{
    size_t n = (size_t)bi_ndigits(x);
    uint64_t u = 0;

    /* 2**63 needs 64 bits: three digits with a top digit below 16. */
    if (n > 3 || (n == 3 && x->d[2] >= 16)) {
        return 0;
    }
    for (size_t i = n; i-- > 0;) {
        u = (u << BI_SHIFT) | x->d[i];
    }
    if (x->size >= 0) {
        if (u > (uint64_t)INT64_MAX) {
            return 0;
        }
        *out = (int64_t)u;
    } else {
        if (u > (uint64_t)INT64_MAX + 1) {
            return 0;
        }
        /* -(u - 1) - 1 avoids overflowing for INT64_MIN. */
        *out = -(int64_t)(u - 1) - 1;
    }
    return 1;
}

uint64_t
bi_bit_length(const BigInt *x)
{
    size_t n = (size_t)bi_ndigits(x);

    if (n == 0) {
        return 0;
    }
    return (uint64_t)(n - 1) * BI_SHIFT + (uint64_t)bits_in_digit(x->d[n - 1]);
}

/*
 * long_hash: |x| mod 2**61 - 1, with the sign of x, computed digit by
 * digit from the top (multiplying by 2**30 modulo 2**61 - 1 is a
 * rotation of 61 bits).  -1 is reserved for errors in CPython and becomes
 * -2.
 */
int64_t
bi_hash(const BigInt *x)
{
    const uint64_t modulus = ((uint64_t)1 << 61) - 1;
    size_t n = (size_t)bi_ndigits(x);
    uint64_t h = 0;
    int64_t result;

    for (size_t i = n; i-- > 0;) {
        h = ((h << BI_SHIFT) & modulus) | (h >> (61 - BI_SHIFT));
        h += x->d[i];
        if (h >= modulus) {
            h -= modulus;
        }
    }
    result = x->size < 0 ? -(int64_t)h : (int64_t)h;
    return result == -1 ? -2 : result;
}

/* ------------------------------------------------------------------ */
/* Comparison and the additive operations.                            */

int
bi_cmp(const BigInt *a, const BigInt *b)
{
    int c;

    if (a->size != b->size) {
        return a->size < b->size ? -1 : 1;
    }
    c = mag_cmp(a->d, (size_t)bi_ndigits(a), b->d, (size_t)bi_ndigits(b));
    return a->size < 0 ? -c : c;
}

void
bi_neg(BigInt *r, const BigInt *a)
{
    bi_copy(r, a);
    r->size = -r->size;
}

void
bi_abs(BigInt *r, const BigInt *a)
{
    bi_copy(r, a);
    if (r->size < 0) {
        r->size = -r->size;
    }
}

/* r = a + b, or a - b when negate_b. */
static void
add_signed(BigInt *r, const BigInt *a, const BigInt *b, int negate_b)
{
    size_t na = (size_t)bi_ndigits(a), nb = (size_t)bi_ndigits(b);
    int nega = a->size < 0;
    int negb = (b->size < 0) != (negate_b != 0);

    if (nega == negb) {
        take(r, mag_add(a->d, na, b->d, nb), (na > nb ? na : nb) + 1, nega);
        return;
    }
    /* Opposite signs: subtract the smaller magnitude from the larger,
     * whose sign the result takes. */
    int c = mag_cmp(a->d, na, b->d, nb);
    if (c == 0) {
        take(r, NULL, 0, 0);
    } else if (c > 0) {
        take(r, mag_sub(a->d, na, b->d, nb), na, nega);
    } else {
        take(r, mag_sub(b->d, nb, a->d, na), nb, negb);
    }
}

void
bi_add(BigInt *r, const BigInt *a, const BigInt *b)
{
    add_signed(r, a, b, 0);
}

void
bi_sub(BigInt *r, const BigInt *a, const BigInt *b)
{
    add_signed(r, a, b, 1);
}

void
bi_mul(BigInt *r, const BigInt *a, const BigInt *b)
{
    size_t na = (size_t)bi_ndigits(a), nb = (size_t)bi_ndigits(b);

    if (na == 0 || nb == 0) {
        take(r, NULL, 0, 0);
        return;
    }
    take(r, mag_mul(a->d, na, b->d, nb), na + nb, (a->size < 0) != (b->size < 0));
}

/* ------------------------------------------------------------------ */
/* Division and powers.                                               */

int
bi_divmod(BigInt *q, BigInt *m, const BigInt *a, const BigInt *b)
{
    size_t na = (size_t)bi_ndigits(a), nb = (size_t)bi_ndigits(b);
    uint32_t *qd, *rd;
    size_t nq, nr;
    int negq = (a->size < 0) != (b->size < 0);
    int negr = b->size < 0;

    assert(q == NULL || m == NULL || q != m);
    if (nb == 0) {
        return BI_EVALUE;
    }
    mag_divrem(a->d, na, b->d, nb, &qd, &nq, &rd, &nr);
    nr = normalized(rd, nr);
    if (negq && nr > 0) {
        /* Floor rather than truncate: |q| + 1 and |b| - |r|. */
        static const uint32_t one = 1;
        uint32_t *t = mag_add(qd, nq, &one, 1);
        free(qd);
        qd = t;
        nq++;
        t = mag_sub(b->d, nb, rd, nr);
        free(rd);
        rd = t;
        nr = nb;
    }
    /* Operands are no longer needed: q or m may alias them. */
    if (q != NULL) {
        take(q, qd, nq, negq);
    } else {
        free(qd);
    }
    if (m != NULL) {
        take(m, rd, nr, negr);
    } else {
        free(rd);
    }
    return 0;
}

int
bi_floordiv(BigInt *r, const BigInt *a, const BigInt *b)
{
    return bi_divmod(r, NULL, a, b);
}

int
bi_mod(BigInt *r, const BigInt *a, const BigInt *b)
{
    return bi_divmod(NULL, r, a, b);
}

/*
 * Left-to-right binary exponentiation: for each bit of the exponent from
 * the top, square the accumulator and multiply by the base if the bit is
 * set.  A result sure to be larger than BI_MAX_DIGITS (|a| >= 2 has at
 * least (bit_length(a) - 1) * b + 1 bits) is refused up front.
 */
int
bi_pow(BigInt *r, const BigInt *a, const BigInt *b)
{
    int64_t e;
    BigInt base, acc;

    if (b->size < 0) {
        return BI_EVALUE;
    }
    if (b->size == 0) {
        bi_from_i64(r, 1);
        return 0;
    }
    if (a->size == 0) {
        take(r, NULL, 0, 0);
        return 0;
    }
    if (bi_ndigits(a) == 1 && a->d[0] == 1) {
        /* (-1) ** b is -1 for odd b. */
        bi_from_i64(r, a->size < 0 && (b->d[0] & 1) ? -1 : 1);
        return 0;
    }
    uint64_t lbits = bi_bit_length(a) - 1;
    if (!bi_to_i64(b, &e) || (uint64_t)e > (MAX_BITS - 1) / lbits) {
        return BI_EOVERFLOW;
    }

    bi_init(&base);
    bi_init(&acc);
    bi_copy(&base, a);
    bi_from_i64(&acc, 1);
    for (int bit = 62; bit >= 0; bit--) {
        if (acc.size != 1 || acc.d[0] != 1) {
            bi_mul(&acc, &acc, &acc);
        }
        if (((uint64_t)e >> bit) & 1) {
            bi_mul(&acc, &acc, &base);
        }
    }
    bi_done(&base);
    if (bi_ndigits(&acc) > BI_MAX_DIGITS) {
        bi_done(&acc);
        return BI_EOVERFLOW;
    }
    move(r, &acc);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Bitwise operations.                                                */

/*
 * x as w digits of two's complement (w > ndigits(x), so the top digit
 * holds the sign in its bit 29); caller owns.
 */
static uint32_t *
twos_complement(const BigInt *x, size_t w)
{
    size_t n = (size_t)bi_ndigits(x);
    uint32_t *t = digits_zero(w);

    assert(w > n);
    if (n > 0) {
        memcpy(t, x->d, n * sizeof(uint32_t));
    }
    if (x->size < 0) {
        uint32_t carry = 1;
        for (size_t i = 0; i < w; i++) {
            carry += ~t[i] & BI_MASK;
            t[i] = carry & BI_MASK;
            carry >>= BI_SHIFT;
        }
    }
    return t;
}

static void
bitwise(BigInt *r, const BigInt *a, const BigInt *b, char op)
{
    size_t na = (size_t)bi_ndigits(a), nb = (size_t)bi_ndigits(b);
    size_t w = (na > nb ? na : nb) + 1;
    uint32_t *x = twos_complement(a, w);
    uint32_t *y = twos_complement(b, w);
    int negative;

    for (size_t i = 0; i < w; i++) {
        switch (op) {
        case '&':
            x[i] &= y[i];
            break;
        case '|':
            x[i] |= y[i];
            break;
        default:
            x[i] ^= y[i];
            break;
        }
    }
    free(y);
    /* Back to sign and magnitude: a negative result is complemented. */
    negative = (x[w - 1] >> (BI_SHIFT - 1)) & 1;
    if (negative) {
        uint32_t carry = 1;
        for (size_t i = 0; i < w; i++) {
            carry += ~x[i] & BI_MASK;
            x[i] = carry & BI_MASK;
            carry >>= BI_SHIFT;
        }
    }
    take(r, x, w, negative);
}

void
bi_and(BigInt *r, const BigInt *a, const BigInt *b)
{
    bitwise(r, a, b, '&');
}

void
bi_or(BigInt *r, const BigInt *a, const BigInt *b)
{
    bitwise(r, a, b, '|');
}

void
bi_xor(BigInt *r, const BigInt *a, const BigInt *b)
{
    bitwise(r, a, b, '^');
}

/* ~a == -(a + 1), as long_invert computes it. */
void
bi_invert(BigInt *r, const BigInt *a)
{
    BigInt one;

    bi_init(&one);
    bi_from_i64(&one, 1);
    bi_add(r, a, &one);
    r->size = -r->size;
    bi_done(&one);
}

int
bi_lshift(BigInt *r, const BigInt *a, const BigInt *b)
{
    int64_t count;
    size_t na = (size_t)bi_ndigits(a);

    if (b->size < 0) {
        return BI_EVALUE;
    }
    if (na == 0) {
        take(r, NULL, 0, 0);
        return 0;
    }
    if (!bi_to_i64(b, &count) || (uint64_t)count > MAX_BITS
        || bi_bit_length(a) + (uint64_t)count > MAX_BITS) {
        return BI_EOVERFLOW;
    }
    size_t wordshift = (size_t)count / BI_SHIFT;
    int remshift = (int)((size_t)count % BI_SHIFT);
    size_t nz = na + wordshift + 1;
    uint32_t *z = digits_zero(nz);

    z[nz - 1] = digits_lshift(z + wordshift, a->d, na, remshift);
    take(r, z, nz, a->size < 0);
    return 0;
}

/* Magnitude a >> count (count >= 0); caller owns *z, *nz digits. */
static void
mag_rshift(const uint32_t *a, size_t na, uint64_t count, uint32_t **z, size_t *nz)
{
    uint64_t wordshift = count / BI_SHIFT;

    if (wordshift >= na) {
        *z = NULL;
        *nz = 0;
        return;
    }
    *nz = na - (size_t)wordshift;
    *z = digits_new(*nz);
    digits_rshift(*z, a + wordshift, *nz, (int)(count % BI_SHIFT));
}

/*
 * a >> b floors, so for negative a it is ~(~a >> b): with m = |a| - 1,
 * the result is -((m >> b) + 1).
 */
int
bi_rshift(BigInt *r, const BigInt *a, const BigInt *b)
{
    int64_t count;
    size_t na = (size_t)bi_ndigits(a);
    uint32_t *z;
    size_t nz;

    if (b->size < 0) {
        return BI_EVALUE;
    }
    if (!bi_to_i64(b, &count)) {
        count = INT64_MAX;
    }
    if (a->size >= 0) {
        mag_rshift(a->d, na, (uint64_t)count, &z, &nz);
        take(r, z, nz, 0);
        return 0;
    }
    static const uint32_t one = 1;
    uint32_t *m = mag_sub(a->d, na, &one, 1);
    mag_rshift(m, normalized(m, na), (uint64_t)count, &z, &nz);
    free(m);
    uint32_t *t = mag_add(z, nz, &one, 1);
    free(z);
    take(r, t, nz + 1, 1);
    return 0;
}

/* ------------------------------------------------------------------ */
/* From text.                                                         */

/* The value of an ASCII digit or letter in bases up to 36, else 37. */
static int
digit_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 37;
}

/* Python's Py_ISSPACE: the ASCII whitespace int() skips. */
static int
ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/*
 * The magnitude of the digits in s[0..n-1] (already checked: digits of
 * `base` and underscores) into r, negative if `negative`.  Characters
 * are taken in groups whose combined weight base**k stays within one
 * 30-bit digit; each group costs one pass of "z = z * base**k + group".
 */
/* A power-of-two base: each character is `bits' bits, read from the
 * least significant end, so the work is linear (CPython's long_from_binary_base). */
static void
convert_binary(BigInt *r, const char *s, size_t n, int base, int negative)
{
    int bits = bits_in_digit((uint32_t)base) - 1;
    size_t cap = n * (size_t)bits / BI_SHIFT + 2;
    uint32_t *z = digits_new(cap);
    size_t nz = 0;
    uint64_t acc = 0;
    int nacc = 0;

    for (size_t i = n; i-- > 0;) {
        if (s[i] == '_') {
            continue;
        }
        acc |= (uint64_t)digit_value(s[i]) << nacc;
        nacc += bits;
        if (nacc >= BI_SHIFT) {
            z[nz++] = (uint32_t)(acc & BI_MASK);
            acc >>= BI_SHIFT;
            nacc -= BI_SHIFT;
        }
    }
    if (acc != 0) {
        z[nz++] = (uint32_t)acc;
    }
    take(r, z, nz, negative);
}

static void
convert_digits(BigInt *r, const char *s, size_t n, int base, int negative)
{
    if ((base & (base - 1)) == 0) {
        convert_binary(r, s, n, base, negative);
        return;
    }
    size_t cap = n * (size_t)bits_in_digit((uint32_t)base) / BI_SHIFT + 2;
    uint32_t *z = digits_new(cap);
    size_t nz = 0;
    uint64_t group = 0, mult = 1;

    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] == '_') {
            continue;
        }
        if (i < n) {
            group = group * (uint64_t)base + (uint64_t)digit_value(s[i]);
            mult *= (uint64_t)base;
        }
        if ((i == n && mult > 1) || mult * (uint64_t)base > BI_BASE) {
            uint64_t carry = group;
            for (size_t j = 0; j < nz; j++) {
                carry += (uint64_t)z[j] * mult;
                z[j] = (uint32_t)(carry & BI_MASK);
                carry >>= BI_SHIFT;
            }
            while (carry != 0) {
                assert(nz < cap);
                z[nz++] = (uint32_t)(carry & BI_MASK);
                carry >>= BI_SHIFT;
            }
            group = 0;
            mult = 1;
        }
    }
    take(r, z, nz, negative);
}

int
bi_from_decimal(BigInt *r, const char *s, size_t n)
{
    size_t i = 0;
    int negative = 0;

    if (i < n && s[i] == '-') {
        negative = 1;
        i++;
    }
    if (i == n) {
        return BI_EVALUE;
    }
    /* Digits, with single underscores between digits. */
    for (size_t j = i; j < n; j++) {
        if (s[j] == '_') {
            if (j == i || j + 1 == n || s[j + 1] == '_') {
                return BI_EVALUE;
            }
        } else if (s[j] < '0' || s[j] > '9') {
            return BI_EVALUE;
        }
    }
    convert_digits(r, s + i, n - i, 10, negative);
    return 0;
}

/*
 * int(s, base) in the order of CPython 3.11's PyLong_FromUnicodeObject
 * and PyLong_FromString, which decides which error a bad string gets:
 *
 *   1. Non-ASCII characters are replaced: whitespace by ' ', a decimal
 *      digit of any script by its ASCII digit, anything else by '?'
 *      (_PyUnicode_TransformDecimalAndSpaceToASCII).
 *   2. Skip leading whitespace; take a sign.
 *   3. Base 0 reads the base from a prefix; a decimal starting with 0
 *      must turn out to be zero.  A prefix matching the base is skipped,
 *      and one underscore after it.
 *   4. Scan digits and underscores: no leading, doubled or trailing
 *      underscore, at least one digit.
 *   5. The digit-count limit, for bases that are not powers of two: so
 *      '1' * 5000 + 'x' is a limit error, not an invalid literal.
 *   6. Convert; then only whitespace may follow.
 */
int
bi_from_string_limited(BigInt *r, const char *s, size_t n, int base,
                       int max_str_digits, size_t *ndigits)
{
    char *buf;
    size_t m = 0, i = 0, p, start;
    uint32_t cp;
    int k, negative = 0, error_if_nonzero = 0;
    size_t digits = 0;
    char prev = 0;
    BigInt t;
    int rc = BI_EVALUE;

    if (base != 0 && (base < 2 || base > 36)) {
        return BI_EVALUE;
    }
    /* Step 1. */
    buf = xmalloc(n + 1);
    while ((k = utf8_decode(s, n, &i, &cp)) > 0) {
        if (cp < 127) {
            buf[m++] = (char)cp;
        } else if (uni_isspace(cp)) {
            buf[m++] = ' ';
        } else if (uni_decimal(cp) >= 0) {
            buf[m++] = (char)('0' + uni_decimal(cp));
        } else {
            buf[m++] = '?';
            break;
        }
    }
    if (k < 0) {
        goto done;
    }
    buf[m] = '\0';

    /* Step 2. */
    p = 0;
    while (p < m && ascii_space(buf[p])) {
        p++;
    }
    if (buf[p] == '+') {
        p++;
    } else if (buf[p] == '-') {
        negative = 1;
        p++;
    }
    /* Step 3.  buf is NUL-terminated, so buf[p + 1] can be read. */
    if (base == 0) {
        if (buf[p] != '0') {
            base = 10;
        } else if (buf[p + 1] == 'x' || buf[p + 1] == 'X') {
            base = 16;
        } else if (buf[p + 1] == 'o' || buf[p + 1] == 'O') {
            base = 8;
        } else if (buf[p + 1] == 'b' || buf[p + 1] == 'B') {
            base = 2;
        } else {
            error_if_nonzero = 1;
            base = 10;
        }
    }
    if (buf[p] == '0'
        && ((base == 16 && (buf[p + 1] == 'x' || buf[p + 1] == 'X'))
            || (base == 8 && (buf[p + 1] == 'o' || buf[p + 1] == 'O'))
            || (base == 2 && (buf[p + 1] == 'b' || buf[p + 1] == 'B')))) {
        p += 2;
        if (buf[p] == '_') {
            p++;
        }
    }
    /* Step 4. */
    if (buf[p] == '_') {
        goto done;
    }
    start = p;
    while (p < m && (digit_value(buf[p]) < base || buf[p] == '_')) {
        if (buf[p] == '_') {
            if (prev == '_') {
                goto done;
            }
        } else {
            digits++;
        }
        prev = buf[p];
        p++;
    }
    if (prev == '_' || digits == 0) {
        goto done;
    }
    /* Step 5. */
    if ((base & (base - 1)) != 0 && digits > BI_STR_DIGITS_THRESHOLD
        && max_str_digits > 0 && digits > (size_t)max_str_digits) {
        if (ndigits != NULL) {
            *ndigits = digits;
        }
        rc = BI_ELIMIT;
        goto done;
    }
    /* Step 6. */
    bi_init(&t);
    convert_digits(&t, buf + start, p - start, base, negative);
    while (p < m && ascii_space(buf[p])) {
        p++;
    }
    if ((error_if_nonzero && t.size != 0) || p != m) {
        bi_done(&t);
        goto done;
    }
    move(r, &t);
    rc = 0;
done:
    free(buf);
    return rc;
}

int
bi_from_string(BigInt *r, const char *s, size_t n, int base)
{
    return bi_from_string_limited(r, s, n, base, 0, NULL);
}

/* ------------------------------------------------------------------ */
/* To text.                                                           */

#define DECIMAL_BASE  1000000000u   /* 10**9, nine decimal digits */
#define DECIMAL_SHIFT 9

/*
 * As long_to_decimal_string_internal: convert the 30-bit digits to base
 * 10**9, starting from the most significant digit: out = out * 2**30 +
 * digit, done one base-10**9 digit at a time with 64-bit division.
 * Then apply the limit as CPython does, and append the characters.
 * Returns 0, or BI_ELIMIT with nothing appended.
 */
static int
to_decimal(const BigInt *x, StrBuf *out, int max_str_digits)
{
    size_t na = (size_t)bi_ndigits(x);
    int negative = x->size < 0;
    uint32_t *pout;
    size_t size = 0, strlen_nosign;
    char *buf, *q;

    /* The cheap early refusal of CPython: a value this long certainly
     * has more than max_str_digits decimal digits. */
    if (max_str_digits > 0
        && na >= (size_t)(10 * BI_STR_DIGITS_THRESHOLD / (3 * BI_SHIFT) + 2)
        && (size_t)(max_str_digits / (3 * BI_SHIFT)) <= (na - 11) / 10) {
        return BI_ELIMIT;
    }
    /* log10(2**30) < 9.04, so 1 + na + na / 30 base-10**9 digits do. */
    pout = digits_new(1 + na + na / 30);
    for (size_t i = na; i-- > 0;) {
        uint32_t hi = x->d[i];
        for (size_t j = 0; j < size; j++) {
            uint64_t z = ((uint64_t)pout[j] << BI_SHIFT) | hi;
            hi = (uint32_t)(z / DECIMAL_BASE);
            pout[j] = (uint32_t)(z - (uint64_t)hi * DECIMAL_BASE);
        }
        while (hi != 0) {
            pout[size++] = hi % DECIMAL_BASE;
            hi /= DECIMAL_BASE;
        }
    }
    if (size == 0) {
        pout[size++] = 0;
    }
    /* All base-10**9 digits but the top one print nine characters. */
    strlen_nosign = (size - 1) * DECIMAL_SHIFT;
    for (uint32_t top = pout[size - 1]; top >= 10; top /= 10) {
        strlen_nosign++;
    }
    strlen_nosign++;
    if (strlen_nosign + (size_t)negative > BI_STR_DIGITS_THRESHOLD
        && max_str_digits > 0 && strlen_nosign > (size_t)max_str_digits) {
        free(pout);
        return BI_ELIMIT;
    }
    buf = xmalloc(strlen_nosign + 2);
    q = buf + strlen_nosign + (size_t)negative;
    for (size_t j = 0; j < size; j++) {
        uint32_t rem = pout[j];
        if (j + 1 < size) {
            for (int k = 0; k < DECIMAL_SHIFT; k++) {
                *--q = (char)('0' + rem % 10);
                rem /= 10;
            }
        } else {
            do {
                *--q = (char)('0' + rem % 10);
                rem /= 10;
            } while (rem != 0);
        }
    }
    if (negative) {
        *--q = '-';
    }
    assert(q == buf);
    sb_put(out, buf, strlen_nosign + (size_t)negative);
    free(buf);
    free(pout);
    return 0;
}

void
bi_to_decimal(const BigInt *x, StrBuf *out)
{
    (void)to_decimal(x, out, 0);
}

int
bi_to_decimal_limited(const BigInt *x, StrBuf *out, int max_str_digits)
{
    return to_decimal(x, out, max_str_digits);
}

/* `k` bits of the magnitude of x starting at bit `pos`. */
static uint32_t
get_bits(const BigInt *x, uint64_t pos, int k)
{
    size_t n = (size_t)bi_ndigits(x);
    size_t i = (size_t)(pos / BI_SHIFT);
    int off = (int)(pos % BI_SHIFT);
    uint64_t v = 0;

    if (i < n) {
        v = x->d[i] >> off;
    }
    if (i + 1 < n && off + k > BI_SHIFT) {
        v |= (uint64_t)x->d[i + 1] << (BI_SHIFT - off);
    }
    return (uint32_t)(v & (((uint32_t)1 << k) - 1));
}

/* bin(), oct(), hex(): sign, prefix, digits; "0x0" for zero. */
void
bi_to_base(const BigInt *x, int base, StrBuf *out)
{
    static const char hexdigits[] = "0123456789abcdef";
    int k = base == 2 ? 1 : base == 8 ? 3 : 4;
    uint64_t bits = bi_bit_length(x);
    uint64_t nchars = bits == 0 ? 1 : (bits + (uint64_t)k - 1) / (uint64_t)k;

    assert(base == 2 || base == 8 || base == 16);
    if (x->size < 0) {
        sb_putc(out, '-');
    }
    sb_putc(out, '0');
    sb_putc(out, base == 2 ? 'b' : base == 8 ? 'o' : 'x');
    for (uint64_t c = nchars; c-- > 0;) {
        sb_putc(out, hexdigits[get_bits(x, c * (uint64_t)k, k)]);
    }
}
