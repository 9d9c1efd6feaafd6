/*
 * int.c: int and bool (Objects/longobject.c, boolobject.c).
 *
 * Sign and magnitude in 30-bit digits, least significant first: 24 +
 * 4 * max(ndigits, 1) bytes.  -5..256 are static (the small ints), as
 * are False and True.  The digits are a host allocation when there are
 * two or more.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bigint.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "sim/typeops.h"

size_t
int_nbytes(int32_t size)
{
    int32_t n = size < 0 ? -size : size;

    return type_basic_nbytes(T_INT) + 4 * (size_t)(n > 0 ? n : 1);
}

static void
int_set(Object *o, int sign, const uint32_t *digits, int32_t n)
{
    o->u.i.size = sign < 0 ? -n : n;
    if (n <= 1) {
        o->u.i.digit0 = n ? digits[0] : 0;
    } else {
        o->u.i.digits = xmalloc((size_t)n * sizeof *digits);
        memcpy(o->u.i.digits, digits, (size_t)n * sizeof *digits);
    }
}

Handle
m_int_from_digits(Machine *m, int sign, const uint32_t *digits, int32_t n)
{
    while (n > 0 && digits[n - 1] == 0) {
        n--;
    }
    if (n == 0) {
        return m_int(m, 0);
    }
    if (n == 1 && (sign >= 0 ? digits[0] < NSMALLPOS : digits[0] <= NSMALLNEG)) {
        return m_int(m, sign >= 0 ? (int64_t)digits[0] : -(int64_t)digits[0]);
    }
    Object body = {0};
    int_set(&body, sign, digits, n);
    return m_alloc_init(m, T_INT, int_nbytes(n), &body.u);
}

Handle
m_int(Machine *m, int64_t v)
{
    if (v >= -NSMALLNEG && v < NSMALLPOS) {
        Handle h = m->small_ints[v + NSMALLNEG];
        m_incref(m, h);
        return h;
    }
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    uint32_t d[3];
    int32_t n = 0;
    while (mag != 0) {
        d[n++] = (uint32_t)(mag & INT_MASK);
        mag >>= INT_SHIFT;
    }
    return m_int_from_digits(m, v < 0 ? -1 : 1, d, n);
}

Handle
m_int_from_decimal(Machine *m, const char *s)
{
    int sign = 1;
    uint32_t *d = NULL;
    int32_t n = 0;
    size_t cap = 0;

    if (*s == '-') {
        sign = -1;
        s++;
    }
    for (; *s; s++) {
        if (*s == '_') {
            continue;
        }
        uint64_t carry = (uint64_t)(*s - '0');
        for (int32_t i = 0; i < n; i++) {
            uint64_t x = (uint64_t)d[i] * 10 + carry;
            d[i] = (uint32_t)(x & INT_MASK);
            carry = x >> INT_SHIFT;
        }
        if (carry) {
            d = xgrow(d, &cap, (size_t)n + 1, sizeof *d);
            d[n++] = (uint32_t)carry;
        }
    }
    Handle h = m_int_from_digits(m, sign, d, n);
    free(d);
    return h;
}

int
m_int_fits(const Machine *m, Handle h, int64_t *out)
{
    const Object *o = &m->objs[h];
    int32_t n = o->u.i.size < 0 ? -o->u.i.size : o->u.i.size;
    uint64_t mag = 0;

    if (o->type == T_BOOL) {
        *out = o->u.i.digit0;
        return 1;
    }
    if (n > 3) {
        return 0;
    }
    for (int32_t i = n - 1; i >= 0; i--) {
        uint32_t dg = n == 1 ? o->u.i.digit0 : o->u.i.digits[i];
        if (mag >> (63 - INT_SHIFT)) {
            return 0;
        }
        mag = (mag << INT_SHIFT) | dg;
    }
    if (mag > (uint64_t)INT64_MAX) {
        return 0;
    }
    *out = o->u.i.size < 0 ? -(int64_t)mag : (int64_t)mag;
    return 1;
}

uint32_t
int_digit(const Object *o, int32_t i)
{
    int32_t n = o->u.i.size < 0 ? -o->u.i.size : o->u.i.size;

    return n <= 1 ? o->u.i.digit0 : o->u.i.digits[i];
}

/* False, True and the small ints -5..256, in that order of handles. */
void
int_init_statics(Machine *m)
{
    m->false_ = machine_static(m, T_BOOL, 32);
    m->objs[m->false_].u.i.size = 0;
    m->true_ = machine_static(m, T_BOOL, 32);
    m->objs[m->true_].u.i.size = 1;
    m->objs[m->true_].u.i.digit0 = 1;
    for (int v = -NSMALLNEG; v < NSMALLPOS; v++) {
        Handle h = machine_static(m, T_INT, 32);
        uint32_t d = (uint32_t)(v < 0 ? -v : v);
        int_set(&m->objs[h], v < 0 ? -1 : 1, &d, v != 0);
        m->small_ints[v + NSMALLNEG] = h;
    }
}

/* ------------------------------------------------------------------ */
/* Operations.                                                        */

static uint32_t
int_ndigits(const Object *o)
{
    return o->u.i.size < 0 ? (uint32_t)-(int64_t)o->u.i.size : (uint32_t)o->u.i.size;
}

/* The digits array, when it exists, holds |ob_size| digits. */
static size_t
int_digits_count(const Object *o)
{
    return o->u.i.digits != NULL ? int_ndigits(o) : 0;
}

static size_t
int_size(const Machine *m, Handle h)
{
    return int_nbytes(m->objs[h].u.i.size);
}

static uint64_t
int_hash(uint64_t x, const Object *o)
{
    x = snap_hash_pair(x, (uint32_t)o->u.i.size, o->u.i.digit0);
    if (int_ndigits(o) > 1) {
        x = snap_hash_u32s(x, o->u.i.digits, int_digits_count(o));
    }
    return x;
}

/* In decimal (bools: True and False). */
static void
int_describe(const Machine *m, Handle h, char *buf, size_t size)
{
    const Object *o = &m->objs[h];

    if (o->type == T_BOOL) {
        snprintf(buf, size, "%s", h == m->true_ ? "True" : "False");
        return;
    }
    BigInt v;
    StrBuf sb;
    v.size = o->u.i.size;
    v.d = int_ndigits(o) <= 1 ? (uint32_t *)&o->u.i.digit0 : o->u.i.digits;
    sb_init(&sb);
    bi_to_decimal(&v, &sb);
    str_clip(buf, size, sb.s, sb.len);
    sb_done(&sb);
}

const TypeOps int_ops = {
    .describe = int_describe,
    .size = int_size,
    .host = {offsetof(Object, u.i.digits), sizeof(uint32_t), int_digits_count},
    .hash = int_hash,
};
