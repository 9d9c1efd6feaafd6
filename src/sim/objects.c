/*
 * objects.c: object constructors and container operations, built from
 * the machine's primitives, with CPython 3.11's sizes and growth rules.
 *
 *   int    Objects/longobject.c   24 + 4 * max(ndigits, 1), 30-bit digits
 *   str    Objects/unicodeobject.c compact ASCII 48 + len + 1, otherwise
 *                                 72 + (len + 1) * kind
 *   tuple  Objects/tupleobject.c  16 + 24 + 8n, free lists for n = 1..20
 *   list   Objects/listobject.c   16 + 40, items apart: list_resize()
 *   dict   Objects/dictobject.c   16 + 48, keys object apart (dict.h)
 *   set    Objects/setobject.c    16 + 200 with an 8-slot small table
 *   instance  Objects/typeobject.c, dictobject.c: 32 + 24, and a values
 *          array sized from the class's shared keys (init_inline_values)
 *
 * References: constructors return new references; "steals" in machine.h
 * says which arguments they take over.
 */
#include <config.h>

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "sim/machine.h"

_Static_assert(sizeof(Object) == 72, "an Object is 72 bytes on the host");

const TypeInfo type_info[T_COUNT] = {
#define X(id, pyname, gc, presize, basicsize) {pyname, gc, presize, basicsize},
#include "sim/types.def"
#undef X
};

void machine_init_objects(Machine *m);

/* ------------------------------------------------------------------ */
/* int                                                                */

static size_t
int_nbytes(int32_t size)
{
    int32_t n = size < 0 ? -size : size;

    return 24 + 4 * (size_t)(n > 0 ? n : 1);
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
    Handle h = m_alloc(m, T_INT, int_nbytes(n));
    int_set(&m->objs[h], sign, digits, n);
    return h;
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

static uint32_t
int_digit(const Object *o, int32_t i)
{
    int32_t n = o->u.i.size < 0 ? -o->u.i.size : o->u.i.size;

    return n <= 1 ? o->u.i.digit0 : o->u.i.digits[i];
}

/* ------------------------------------------------------------------ */
/* str                                                                */

/* Decode UTF-8 (assumed valid); returns the number of code points and
 * the largest one. */
static uint32_t
utf8_scan(const char *s, size_t n, uint32_t *maxcp)
{
    uint32_t len = 0, mx = 0;

    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        if (c < 0x80) {
            cp = c;
            i += 1;
        } else if (c < 0xe0) {
            cp = ((uint32_t)(c & 0x1f) << 6) | (s[i + 1] & 0x3f);
            i += 2;
        } else if (c < 0xf0) {
            cp = ((uint32_t)(c & 0x0f) << 12) | ((uint32_t)(s[i + 1] & 0x3f) << 6)
                 | (s[i + 2] & 0x3f);
            i += 3;
        } else {
            cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[i + 1] & 0x3f) << 12)
                 | ((uint32_t)(s[i + 2] & 0x3f) << 6) | (s[i + 3] & 0x3f);
            i += 4;
        }
        if (cp > mx) {
            mx = cp;
        }
        len++;
    }
    *maxcp = mx;
    return len;
}

static uint8_t
str_kind(uint32_t maxcp)
{
    return maxcp < 0x80 ? 0 : maxcp < 0x100 ? 1 : maxcp < 0x10000 ? 2 : 4;
}

static size_t
str_nbytes(uint32_t len, uint8_t kind)
{
    return kind == 0 ? 48 + (size_t)len + 1 : 72 + ((size_t)len + 1) * kind;
}

/* CPython randomises str hashes per process; any fixed hash is as
 * faithful.  FNV-1a, never -1. */
static uint64_t
str_hash(const char *s, size_t n)
{
    uint64_t x = UINT64_C(0xcbf29ce484222325);

    for (size_t i = 0; i < n; i++) {
        x ^= (unsigned char)s[i];
        x *= UINT64_C(0x100000001b3);
    }
    return x == (uint64_t)-1 ? (uint64_t)-2 : x;
}

static void
str_fill(Object *o, const char *utf8, size_t nbytes, uint32_t len, uint8_t kind)
{
    o->u.s.utf8 = xstrndup(utf8, nbytes);
    o->u.s.nbytes = (uint32_t)nbytes;
    o->u.s.len = len;
    o->u.s.kind = kind;
    o->u.s.hash = str_hash(utf8, nbytes);
}

Handle
m_str(Machine *m, const char *utf8, size_t nbytes)
{
    uint32_t maxcp;
    uint32_t len = utf8_scan(utf8, nbytes, &maxcp);
    Handle h;

    if (len == 0) {
        h = m->empty_str;
        m_incref(m, h);
        return h;
    }
    if (len == 1 && maxcp < 256) {
        h = m->latin1[maxcp];
        m_incref(m, h);
        return h;
    }
    uint8_t kind = str_kind(maxcp);
    h = m_alloc(m, T_STR, str_nbytes(len, kind));
    str_fill(&m->objs[h], utf8, nbytes, len, kind);
    return h;
}

Handle
m_str_cstr(Machine *m, const char *s)
{
    return m_str(m, s, strlen(s));
}

/* ------------------------------------------------------------------ */
/* Singletons.                                                        */

Handle
m_none(Machine *m)
{
    m_incref(m, m->none);
    return m->none;
}

Handle
m_bool(Machine *m, int v)
{
    Handle h = v ? m->true_ : m->false_;

    m_incref(m, h);
    return h;
}

void
machine_init_objects(Machine *m)
{
    m->none = machine_static(m, T_NONE, 16);
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
    m->empty_tuple = machine_static(m, T_TUPLE, 40);
    m->empty_str = machine_static(m, T_STR, 49);
    str_fill(&m->objs[m->empty_str], "", 0, 0, 0);
    for (unsigned c = 0; c < 256; c++) {
        char buf[3];
        size_t n;
        if (c < 0x80) {
            buf[0] = (char)c;
            n = 1;
        } else {
            buf[0] = (char)(0xc0 | (c >> 6));
            buf[1] = (char)(0x80 | (c & 0x3f));
            n = 2;
        }
        uint8_t kind = str_kind(c);
        Handle h = machine_static(m, T_STR, str_nbytes(1, kind));
        str_fill(&m->objs[h], buf, n, 1, kind);
        m->latin1[c] = h;
    }
}

/* ------------------------------------------------------------------ */
/* tuple                                                              */

Handle
m_tuple_new(Machine *m, uint32_t n)
{
    if (n == 0) {
        m_incref(m, m->empty_tuple);
        return m->empty_tuple;
    }
    Handle h = m_alloc(m, T_TUPLE, 16 + 24 + 8 * (size_t)n);
    Object *o = &m->objs[h];
    o->u.t.items = xcalloc(n, sizeof *o->u.t.items);
    o->u.t.len = n;
    m_track(m, h);
    return h;
}

/* ------------------------------------------------------------------ */
/* list                                                               */

Handle
m_list_new(Machine *m, uint32_t n)
{
    Handle h = m_alloc(m, T_LIST, 16 + 40);
    Object *o = &m->objs[h];

    if (n > 0) {
        o->u.l.items = xcalloc(n, sizeof *o->u.l.items);
        o->u.l.cap = n;
        o->u.l.len = n;
        uint64_t a = m_storage(m, h, HEAP_ROLE_LIST_ITEMS, 0, 8 * (size_t)n);
        m->objs[h].u.l.items_addr = a;
    }
    m_track(m, h);
    return h;
}

/* list_resize(), listobject.c: over-allocate by about 1/8. */
void
m_list_resize(Machine *m, Handle list, uint32_t newsize)
{
    Object *o = &m->objs[list];
    uint32_t allocated = o->u.l.cap;

    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        o->u.l.len = newsize;
        return;
    }
    size_t na = ((size_t)newsize + (newsize >> 3) + 6) & ~(size_t)3;
    /* Signed, as Py_ssize_t: shrinking never takes this branch. */
    if ((int64_t)newsize - (int64_t)o->u.l.len > (int64_t)na - (int64_t)newsize) {
        na = ((size_t)newsize + 3) & ~(size_t)3;
    }
    if (newsize == 0) {
        na = 0;
    }
    uint64_t a = m_storage(m, list, HEAP_ROLE_LIST_ITEMS, o->u.l.items_addr, na * 8);
    o = &m->objs[list];
    o->u.l.items_addr = a;
    o->u.l.items = xrealloc(o->u.l.items, (na ? na : 1) * sizeof *o->u.l.items);
    for (size_t i = allocated; i < na; i++) {
        o->u.l.items[i] = NULL_HANDLE;
    }
    o->u.l.cap = (uint32_t)na;
    o->u.l.len = newsize;
}

void
m_list_append(Machine *m, Handle list, Handle v)
{
    uint32_t n = m->objs[list].u.l.len;

    m_list_resize(m, list, n + 1);
    m_store(m, list, n, v);
}

void
m_list_set(Machine *m, Handle list, uint32_t i, Handle v)
{
    Handle old = m_store(m, list, i, v);

    if (old != NULL_HANDLE) {
        m_decref(m, old);
    }
}

/* ------------------------------------------------------------------ */
/* Hashing and key equality.                                          */

#define HASH_BITS 61
#define HASH_MODULUS ((UINT64_C(1) << HASH_BITS) - 1)

uint64_t
m_hash(const Machine *m, Handle h)
{
    const Object *o = &m->objs[h];

    if (o->type == T_INT || o->type == T_BOOL) {
        /* long_hash: the value modulo 2**61 - 1, -1 becomes -2. */
        int32_t n = o->u.i.size < 0 ? -o->u.i.size : o->u.i.size;
        uint64_t x = 0;
        for (int32_t i = n - 1; i >= 0; i--) {
            x = ((x << INT_SHIFT) & HASH_MODULUS) | (x >> (HASH_BITS - INT_SHIFT));
            x += int_digit(o, i);
            if (x >= HASH_MODULUS) {
                x -= HASH_MODULUS;
            }
        }
        if (o->u.i.size < 0) {
            x = (uint64_t)0 - x;
        }
        if (x == (uint64_t)-1) {
            x = (uint64_t)-2;
        }
        return x;
    }
    if (o->type == T_STR) {
        return o->u.s.hash;
    }
    /* object.__hash__: the address rotated by 4 bits. */
    uint64_t a = o->addr;
    uint64_t x = (a >> 4) | (a << 60);
    return x == (uint64_t)-1 ? (uint64_t)-2 : x;
}

/* Equality of two keys that are not tuples; -1 for two tuples. */
static int
key_eq_flat(const Machine *m, Handle a, Handle b)
{
    if (a == b) {
        return 1;
    }
    const Object *x = &m->objs[a], *y = &m->objs[b];
    int xi = x->type == T_INT || x->type == T_BOOL;
    int yi = y->type == T_INT || y->type == T_BOOL;
    if (xi && yi) {
        if (x->u.i.size != y->u.i.size) {
            return 0;
        }
        int32_t n = x->u.i.size < 0 ? -x->u.i.size : x->u.i.size;
        for (int32_t i = 0; i < n; i++) {
            if (int_digit(x, i) != int_digit(y, i)) {
                return 0;
            }
        }
        return 1;
    }
    if (x->type == T_STR && y->type == T_STR) {
        return x->u.s.hash == y->u.s.hash && x->u.s.nbytes == y->u.s.nbytes
               && memcmp(x->u.s.utf8, y->u.s.utf8, x->u.s.nbytes) == 0;
    }
    if (x->type == T_TUPLE && y->type == T_TUPLE) {
        return x->u.t.len == y->u.t.len ? -1 : 0;
    }
    return 0;
}

/* Tuples compare item by item, nested ones on an explicit stack: the
 * depth of a key is the program's to choose. */
int
m_key_eq(const Machine *m, Handle a, Handle b)
{
    int r = key_eq_flat(m, a, b);

    if (r >= 0) {
        return r;
    }
    struct { Handle x, y; uint32_t i; } *st = NULL;
    size_t n = 0, cap = 0;
    st = xgrow(st, &cap, 1, sizeof *st);
    st[n].x = a;
    st[n].y = b;
    st[n++].i = 0;
    r = 1;
    while (n > 0) {
        const Object *x = &m->objs[st[n - 1].x], *y = &m->objs[st[n - 1].y];
        uint32_t i = st[n - 1].i++;
        if (i == x->u.t.len) {
            n--;
            continue;
        }
        int e = key_eq_flat(m, x->u.t.items[i], y->u.t.items[i]);
        if (e == 0) {
            r = 0;
            break;
        }
        if (e < 0) {
            st = xgrow(st, &cap, n + 1, sizeof *st);
            st[n].x = x->u.t.items[i];
            st[n].y = y->u.t.items[i];
            st[n++].i = 0;
        }
    }
    free(st);
    return r;
}

/* ------------------------------------------------------------------ */
/* dict                                                               */

uint64_t
dict_keys_bytes(unsigned log2size, int unicode)
{
    uint64_t size = UINT64_C(1) << log2size;
    unsigned ix = log2size < 8 ? 1 : log2size < 16 ? 2 : log2size < 32 ? 4 : 8;

    return 32 + size * ix + (uint64_t)dict_usable_fraction((uint32_t)size) * (unicode ? 16 : 24);
}

/* calculate_log2_keysize, bit for bit: the bit length of
 * ((minsize | 8) - 1) | 7.  For minsize 1..7 this gives 16, not 8, which
 * is what CPython 3.11 does when a str-keyed dict of 1..5 keys meets its
 * first non-str key. */
static unsigned
log2_keysize(uint64_t minsize)
{
    uint64_t x = ((minsize | DICT_MINSIZE) - 1) | (DICT_MINSIZE - 1);
    unsigned k = 0;

    while (x != 0) {
        k++;
        x >>= 1;
    }
    return k;
}

static Dict *
dict_of(const Machine *m, Handle d)
{
    return m->objs[d].u.d;
}

static void
index_rebuild(const Machine *m, Dict *d)
{
    uint32_t size = d->log2size ? 1u << d->log2size : 0;
    uint32_t mask = size - 1;

    free(d->index);
    d->index = NULL;
    if (size == 0) {
        return;
    }
    d->index = xmalloc(size * sizeof *d->index);
    for (uint32_t i = 0; i < size; i++) {
        d->index[i] = DICT_FREE_INDEX;
    }
    for (uint32_t e = 0; e < d->nentries; e++) {
        Handle k = d->entries[2 * e];
        if (k == NULL_HANDLE) {
            continue;
        }
        uint32_t i = (uint32_t)m_hash(m, k) & mask;
        while (d->index[i] != DICT_FREE_INDEX) {
            i = (i + 1) & mask;
        }
        d->index[i] = (int32_t)e;
    }
}

/* Position of k in the host index, or -1. */
static int64_t
dict_find(const Machine *m, const Dict *d, Handle k)
{
    if (d->log2size == 0) {
        return -1;
    }
    uint32_t mask = (1u << d->log2size) - 1;
    uint32_t i = (uint32_t)m_hash(m, k) & mask;
    while (d->index[i] != DICT_FREE_INDEX) {
        int32_t e = d->index[i];
        if (e >= 0 && m_key_eq(m, d->entries[2 * e], k)) {
            return i;
        }
        i = (i + 1) & mask;
    }
    return -1;
}

static uint64_t
keys_alloc(Machine *m, Handle owner, unsigned log2size, int unicode)
{
    if (log2size == DICT_LOG_MINSIZE && unicode && m->dict_keys_free.n > 0) {
        uint64_t a = m->dict_keys_free.blocks[--m->dict_keys_free.n];
        heap_retag(&m->heap, a, HEAP_TAG(owner, HEAP_ROLE_DICT_KEYS));
        return a;
    }
    return m_storage(m, owner, HEAP_ROLE_DICT_KEYS, 0, dict_keys_bytes(log2size, unicode));
}

static void
keys_free(Machine *m, Handle owner, Dict *d)
{
    if (d->keys_addr == 0) {
        return;
    }
    if (d->log2size == DICT_LOG_MINSIZE && d->unicode
        && m->dict_keys_free.n < m->dict_keys_free.max) {
        FreeList *fl = &m->dict_keys_free;
        if (fl->n == fl->cap) {
            fl->cap = fl->cap ? fl->cap * 2 : 16;
            fl->blocks = xrealloc(fl->blocks, fl->cap * sizeof *fl->blocks);
        }
        fl->blocks[fl->n++] = d->keys_addr;
        heap_retag(&m->heap, d->keys_addr, HEAP_TAG(0, HEAP_ROLE_FREELIST));
    } else {
        m_storage_free(m, owner, HEAP_ROLE_DICT_KEYS, d->keys_addr);
    }
    d->keys_addr = 0;
}

/* dictresize(): a new keys object of 2**log2 slots, live entries copied
 * in order, the old keys freed. */
static void
dict_resize(Machine *m, Handle dh, unsigned log2, int unicode)
{
    Dict *d = dict_of(m, dh);
    uint32_t usable = dict_usable_fraction(1u << log2);
    Handle *ne = xcalloc(2 * (size_t)usable, sizeof *ne);
    uint32_t j = 0;

    assert(!d->split);
    for (uint32_t e = 0; e < d->nentries; e++) {
        if (d->entries[2 * e] != NULL_HANDLE) {
            ne[2 * j] = d->entries[2 * e];
            ne[2 * j + 1] = d->entries[2 * e + 1];
            j++;
        }
    }
    uint64_t naddr = keys_alloc(m, dh, log2, unicode);
    d = dict_of(m, dh);
    keys_free(m, dh, d);
    free(d->entries);
    d->entries = ne;
    d->entries_cap = usable;
    d->keys_addr = naddr;
    d->log2size = (uint8_t)log2;
    d->unicode = (uint8_t)unicode;
    d->nentries = j;
    d->usable = usable - j;
    index_rebuild(m, d);
}

static Handle
dict_alloc(Machine *m)
{
    Handle h = m_alloc(m, T_DICT, 16 + 48);
    Dict *d = xcalloc(1, sizeof *d);

    m->objs[h].u.d = d;
    return h;
}

/* A new dict is not tracked: MAINTAIN_TRACKING tracks it when a value
 * or key that may refer to other objects is first stored. */
Handle
m_dict_new(Machine *m)
{
    return dict_alloc(m);
}

int
m_may_be_tracked(const Machine *m, Handle h)
{
    const Object *o = &m->objs[h];

    if (!type_info[o->type].gc || (o->flags & OF_STATIC)) {
        return 0;           /* statics are not GC objects (type_is_gc) */
    }
    if (o->type == T_TUPLE) {
        return (o->flags & OF_TRACKED) != 0;
    }
    return 1;
}

static void
maintain_tracking(Machine *m, Handle d, Handle k, Handle v)
{
    if (!(m->objs[d].flags & OF_TRACKED) && (m_may_be_tracked(m, k) || m_may_be_tracked(m, v))) {
        m_track(m, d);
    }
}

Handle
m_dict_new_presized(Machine *m, uint32_t n, int unicode)
{
    if (n <= dict_usable_fraction(DICT_MINSIZE)) {
        return m_dict_new(m);
    }
    Handle h = dict_alloc(m);
    unsigned log2 = log2_keysize(((uint64_t)n * 3 + 1) / 2);
    if (log2 > 17) {
        log2 = 17;
    }
    Dict *d = dict_of(m, h);
    uint32_t usable = dict_usable_fraction(1u << log2);
    d->entries = xcalloc(2 * (size_t)usable, sizeof *d->entries);
    d->entries_cap = usable;
    uint64_t a = keys_alloc(m, h, log2, unicode);
    d = dict_of(m, h);
    d->keys_addr = a;
    d->log2size = (uint8_t)log2;
    d->unicode = (uint8_t)unicode;
    d->usable = usable;
    index_rebuild(m, d);
    return h;
}

/* A split dict turns into a combined one (for a new key or a non-str
 * key): its entries are built from the class's shared keys in this
 * dict's insertion order. */
static void
dict_unsplit(Machine *m, Handle dh)
{
    Dict *d = dict_of(m, dh);
    const ClassVal *c = m->objs[d->cls].u.c;
    Values *v = d->values;
    uint32_t used = 0;

    for (uint32_t k = 0; k < v->norder; k++) {
        used += v->slot[v->order[k]] != NULL_HANDLE;
    }
    unsigned log2 = log2_keysize((uint64_t)used * 3);
    uint32_t usable = dict_usable_fraction(1u << log2);
    Handle *ne = xcalloc(2 * (size_t)usable, sizeof *ne);
    uint32_t j = 0;
    for (uint32_t k = 0; k < v->norder; k++) {
        uint32_t ix = v->order[k];
        if (v->slot[ix] != NULL_HANDLE) {
            ne[2 * j] = c->keys[ix];
            ne[2 * j + 1] = v->slot[ix];
            m_incref(m, c->keys[ix]);
            j++;
        }
    }
    uint64_t naddr = keys_alloc(m, dh, log2, 1);
    d = dict_of(m, dh);
    if (d->values->addr != 0) {
        m_storage_free(m, dh, HEAP_ROLE_VALUES, d->values->addr);
    }
    d = dict_of(m, dh);
    free(d->values);
    d->values = NULL;
    d->split = 0;
    d->cls = NULL_HANDLE;
    d->entries = ne;
    d->entries_cap = usable;
    d->keys_addr = naddr;
    d->log2size = (uint8_t)log2;
    d->unicode = 1;
    d->nentries = j;
    d->used = j;
    d->usable = usable - j;
    index_rebuild(m, d);
}

static int64_t
split_find(const Machine *m, const Dict *d, Handle k)
{
    const ClassVal *c = m->objs[d->cls].u.c;

    for (uint32_t i = 0; i < c->nkeys && i < d->values->n; i++) {
        if (m_key_eq(m, c->keys[i], k)) {
            return i;
        }
    }
    return -1;
}

void
m_dict_setitem(Machine *m, Handle dh, Handle k, Handle v)
{
    Dict *d = dict_of(m, dh);
    int is_str = m->objs[k].type == T_STR;

    maintain_tracking(m, dh, k, v);
    if (d->split) {
        int64_t ix = split_find(m, d, k);
        ClassVal *c = m->objs[d->cls].u.c;
        if (ix < 0 && is_str && c->usable > 0 && c->nkeys < d->values->n) {
            /* insertdict on a split table: the new key goes into the
             * class's shared keys; the dict stays split. */
            size_t cap = c->keys_cap;
            c->keys = xgrow(c->keys, &cap, c->nkeys + 1, sizeof *c->keys);
            c->keys_cap = (uint32_t)cap;
            c->keys[c->nkeys] = NULL_HANDLE;
            c->nkeys++;
            c->usable--;
            m_incref(m, k);
            m_store(m, d->cls, 3 + c->nkeys - 1, k);
            ix = c->nkeys - 1;
            d = dict_of(m, dh);
        }
        if (ix >= 0) {
            Values *vals = d->values;
            m_incref(m, v);
            Handle old = m_store(m, dh, (uint32_t)ix, v);
            if (old != NULL_HANDLE) {
                m_decref(m, old);
            } else {
                vals->order[vals->norder++] = (uint8_t)ix;
                dict_of(m, dh)->used++;
            }
            return;
        }
        dict_unsplit(m, dh);
        d = dict_of(m, dh);
    }
    int64_t pos = dict_find(m, d, k);
    if (pos >= 0) {
        uint32_t e = (uint32_t)d->index[pos];
        m_incref(m, v);
        Handle old = m_store(m, dh, 2 * e + 1, v);
        m_decref(m, old);
        return;
    }
    if (d->log2size == 0) {
        /* insert_to_emptydict */
        uint32_t usable = dict_usable_fraction(DICT_MINSIZE);
        uint64_t a = keys_alloc(m, dh, DICT_LOG_MINSIZE, is_str);
        d = dict_of(m, dh);
        d->entries = xcalloc(2 * (size_t)usable, sizeof *d->entries);
        d->entries_cap = usable;
        d->keys_addr = a;
        d->log2size = DICT_LOG_MINSIZE;
        d->unicode = (uint8_t)is_str;
        d->usable = usable;
        index_rebuild(m, d);
    } else {
        if (d->unicode && !is_str) {
            dict_resize(m, dh, log2_keysize((uint64_t)d->used * 3), 0);
            d = dict_of(m, dh);
        }
        if (d->usable == 0) {
            dict_resize(m, dh, log2_keysize((uint64_t)d->used * 3), d->unicode);
            d = dict_of(m, dh);
        }
    }
    uint32_t e = d->nentries;
    uint32_t mask = (1u << d->log2size) - 1;
    uint32_t i = (uint32_t)m_hash(m, k) & mask;
    while (d->index[i] >= 0) {
        i = (i + 1) & mask;
    }
    d->index[i] = (int32_t)e;
    d->nentries++;
    d->usable--;
    d->used++;
    m_incref(m, k);
    m_store(m, dh, 2 * e, k);
    m_incref(m, v);
    m_store(m, dh, 2 * e + 1, v);
}

/* clone_combined_dict_keys: the same keys object, holes and all. */
static void
dict_clone_keys(Machine *m, Handle dst, Handle src)
{
    Dict *s = dict_of(m, src);
    uint32_t cap = dict_usable_fraction(1u << s->log2size);
    Handle *ne = xcalloc(2 * (size_t)cap, sizeof *ne);

    for (uint32_t i = 0; i < 2 * s->nentries; i++) {
        ne[i] = s->entries[i];
        if (ne[i] != NULL_HANDLE) {
            m_incref(m, ne[i]);
        }
    }
    uint64_t a = m_storage(m, dst, HEAP_ROLE_DICT_KEYS, 0,
                           dict_keys_bytes(s->log2size, s->unicode));
    s = dict_of(m, src);
    Dict *d = dict_of(m, dst);
    keys_free(m, dst, d);
    free(d->entries);
    d->entries = ne;
    d->entries_cap = cap;
    d->keys_addr = a;
    d->log2size = s->log2size;
    d->unicode = s->unicode;
    d->nentries = s->nentries;
    d->usable = s->usable;
    d->used = s->used;
    index_rebuild(m, d);
}

static int
dict_is_clean(const Dict *d)
{
    return !d->split && d->used == d->nentries
           && (d->log2size == DICT_LOG_MINSIZE
               || dict_usable_fraction((1u << d->log2size) / 2) < d->used);
}

/* dict_merge(a, b, override=1) for a dict b (dict(d), a.update(b)). */
void
m_dict_merge(Machine *m, Handle a, Handle b)
{
    Dict *da = dict_of(m, a), *db = dict_of(m, b);

    if (a == b || db->used == 0) {
        return;
    }
    if (da->used == 0 && !da->split && dict_is_clean(db)) {
        dict_clone_keys(m, a, b);
        if ((m->objs[b].flags & OF_TRACKED) && !(m->objs[a].flags & OF_TRACKED)) {
            m_track(m, a);
        }
        return;
    }
    da = dict_of(m, a);
    db = dict_of(m, b);
    uint32_t size = da->log2size ? 1u << da->log2size : 1;
    if (!da->split && dict_usable_fraction(size) < db->used) {
        dict_resize(m, a, log2_keysize(((uint64_t)(da->used + db->used) * 3 + 1) / 2),
                    db->split ? 1 : db->unicode);
    }
    db = dict_of(m, b);
    if (db->split) {
        const Values *v = db->values;
        const ClassVal *c = m->objs[db->cls].u.c;
        for (uint32_t k = 0; k < dict_of(m, b)->values->norder; k++) {
            v = dict_of(m, b)->values;
            uint32_t ix = v->order[k];
            if (v->slot[ix] != NULL_HANDLE) {
                m_dict_setitem(m, a, c->keys[ix], v->slot[ix]);
            }
        }
        return;
    }
    for (uint32_t e = 0; e < dict_of(m, b)->nentries; e++) {
        db = dict_of(m, b);
        if (db->entries[2 * e] != NULL_HANDLE) {
            m_dict_setitem(m, a, db->entries[2 * e], db->entries[2 * e + 1]);
        }
    }
}

/* PyDict_Copy */
Handle
m_dict_copy(Machine *m, Handle src)
{
    Dict *s = dict_of(m, src);

    if (s->used == 0) {
        return m_dict_new(m);
    }
    if (s->split) {
        /* A split copy sharing the class's keys, with its own values. */
        const ClassVal *c = m->objs[s->cls].u.c;
        uint32_t size = c->nkeys + c->usable;
        Handle h = m_alloc(m, T_DICT, 16 + 48);
        Dict *d = xcalloc(1, sizeof *d);
        m->objs[h].u.d = d;
        s = dict_of(m, src);
        Values *v = xcalloc(1, sizeof *v + (size_t)size * (sizeof(Handle) + 1));
        v->n = size;
        v->slot = (Handle *)(v + 1);
        v->order = (uint8_t *)(v->slot + size);
        d->split = 1;
        d->cls = s->cls;
        d->values = v;
        d->used = s->used;
        for (uint32_t i = 0; i < s->values->n && i < size; i++) {
            Handle x = s->values->slot[i];
            if (x != NULL_HANDLE) {
                m_incref(m, x);
                m_store(m, h, i, x);
            }
        }
        s = dict_of(m, src);
        d = dict_of(m, h);
        memcpy(d->values->order, s->values->order, s->values->norder);
        d->values->norder = s->values->norder;
        size_t prefix = ((size_t)size + 2 + 7) & ~(size_t)7;
        uint64_t a = m_storage(m, h, HEAP_ROLE_VALUES, 0, prefix + 8 * (size_t)size);
        dict_of(m, h)->values->addr = a;
        if (m->objs[src].flags & OF_TRACKED) {
            m_track(m, h);
        }
        return h;
    }
    if (s->used >= (s->nentries * 2) / 3) {
        Handle h = dict_alloc(m);
        dict_clone_keys(m, h, src);
        if (m->objs[src].flags & OF_TRACKED) {
            m_track(m, h);
        }
        return h;
    }
    Handle h = m_dict_new(m);
    m_dict_merge(m, h, src);
    return h;
}

Handle
m_dict_getitem(const Machine *m, Handle dh, Handle k)
{
    const Dict *d = dict_of(m, dh);

    if (d->split) {
        int64_t ix = split_find(m, d, k);
        return ix >= 0 ? d->values->slot[ix] : NULL_HANDLE;
    }
    int64_t pos = dict_find(m, d, k);
    return pos >= 0 ? d->entries[2 * d->index[pos] + 1] : NULL_HANDLE;
}

int
m_dict_delitem(Machine *m, Handle dh, Handle k)
{
    Dict *d = dict_of(m, dh);

    if (d->split) {
        int64_t ix = split_find(m, d, k);
        if (ix < 0 || d->values->slot[ix] == NULL_HANDLE) {
            return -1;
        }
        Values *v = d->values;
        for (uint32_t j = 0; j < v->norder; j++) {
            if (v->order[j] == ix) {
                memmove(v->order + j, v->order + j + 1, v->norder - j - 1);
                v->norder--;
                break;
            }
        }
        d->used--;
        Handle old = m_store(m, dh, (uint32_t)ix, NULL_HANDLE);
        m_decref(m, old);
        return 0;
    }
    int64_t pos = dict_find(m, d, k);
    if (pos < 0) {
        return -1;
    }
    uint32_t e = (uint32_t)d->index[pos];
    d->index[pos] = DICT_DUMMY_INDEX;
    d->used--;
    Handle oldk = m_store(m, dh, 2 * e, NULL_HANDLE);
    Handle oldv = m_store(m, dh, 2 * e + 1, NULL_HANDLE);
    m_decref(m, oldk);
    m_decref(m, oldv);
    return 0;
}

/* PyDict_Clear: back to the empty keys, then the old entries released. */
void
m_dict_clear(Machine *m, Handle dh)
{
    Dict *d = dict_of(m, dh);
    uint32_t n = d->split ? d->values->n : 2 * d->nentries;
    Handle *old = xmalloc((n + 1) * sizeof *old);

    for (uint32_t i = 0; i < n; i++) {
        old[i] = m_store(m, dh, i, NULL_HANDLE);
    }
    d = dict_of(m, dh);
    if (d->split) {
        if (d->values->addr != 0) {
            m_storage_free(m, dh, HEAP_ROLE_VALUES, d->values->addr);
        }
        d = dict_of(m, dh);
        free(d->values);
        d->values = NULL;
        d->split = 0;
        d->cls = NULL_HANDLE;
    } else {
        keys_free(m, dh, d);
    }
    free(d->entries);
    free(d->index);
    d->entries = NULL;
    d->index = NULL;
    d->entries_cap = 0;
    d->log2size = 0;
    d->unicode = 0;
    d->usable = d->nentries = d->used = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (old[i] != NULL_HANDLE) {
            m_decref(m, old[i]);
        }
    }
    free(old);
}

/* ------------------------------------------------------------------ */
/* set                                                                */

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

static void
set_insert_clean(const Machine *m, Handle *table, uint32_t mask, Handle k)
{
    uint64_t hash = m_hash(m, k);
    uint64_t perturb = hash;
    size_t i = (size_t)hash & mask;

    for (;;) {
        if (table[i] == NULL_HANDLE) {
            table[i] = k;
            return;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 1; j <= LINEAR_PROBES; j++) {
                if (table[i + j] == NULL_HANDLE) {
                    table[i + j] = k;
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void
set_resize(Machine *m, Handle sh, uint64_t minused)
{
    SetVal *s = m->objs[sh].u.set;
    uint32_t newsize = SET_MINSIZE;

    while (newsize <= minused) {
        newsize <<= 1;
    }
    Handle *nt = xcalloc(newsize, sizeof *nt);
    for (uint32_t i = 0; i <= s->mask; i++) {
        if (s->table[i] != NULL_HANDLE && s->table[i] != SET_DUMMY) {
            set_insert_clean(m, nt, newsize - 1, s->table[i]);
        }
    }
    uint64_t old = s->table_addr, addr = 0;
    if (newsize > SET_MINSIZE) {
        addr = m_storage(m, sh, HEAP_ROLE_SET_TABLE, 0, (size_t)newsize * 16);
    }
    if (old != 0) {
        m_storage_free(m, sh, HEAP_ROLE_SET_TABLE, old);
    }
    s = m->objs[sh].u.set;
    free(s->table);
    s->table = nt;
    s->table_addr = addr;
    s->mask = newsize - 1;
    s->fill = s->used;
}

Handle
m_set_new(Machine *m)
{
    Handle h = m_alloc(m, T_SET, 16 + 200);
    SetVal *s = xcalloc(1, sizeof *s);

    s->table = xcalloc(SET_MINSIZE, sizeof *s->table);
    s->mask = SET_MINSIZE - 1;
    m->objs[h].u.set = s;
    m_track(m, h);
    return h;
}

/* set_merge's one big resize before adding other_used keys. */
void
m_set_presize(Machine *m, Handle sh, uint32_t other_used)
{
    SetVal *s = m->objs[sh].u.set;

    if ((uint64_t)(s->fill + other_used) * 5 >= (uint64_t)s->mask * 3) {
        set_resize(m, sh, (uint64_t)(s->used + other_used) * 2);
    }
}

/* set_merge: one resize, then the other's keys in its table order. */
void
m_set_merge(Machine *m, Handle sh, Handle other)
{
    if (other == sh || m->objs[other].u.set->used == 0) {
        return;
    }
    m_set_presize(m, sh, m->objs[other].u.set->used);
    for (uint32_t i = 0; i <= m->objs[other].u.set->mask; i++) {
        Handle k = m->objs[other].u.set->table[i];
        if (k != NULL_HANDLE && k != SET_DUMMY) {
            m_set_add(m, sh, k);
        }
    }
}

/* set_add_entry() */
void
m_set_add(Machine *m, Handle sh, Handle k)
{
    SetVal *s = m->objs[sh].u.set;
    uint64_t hash = m_hash(m, k);
    uint64_t perturb = hash;
    size_t mask = s->mask;
    size_t i = (size_t)hash & mask;

    for (;;) {
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        size_t j = i;
        do {
            Handle e = s->table[j];
            if (e == NULL_HANDLE) {
                s->fill++;
                s->used++;
                m_incref(m, k);
                m_store(m, sh, (uint32_t)j, k);
                s = m->objs[sh].u.set;
                if ((uint64_t)s->fill * 5 >= (uint64_t)mask * 3) {
                    set_resize(m, sh, s->used > 50000 ? (uint64_t)s->used * 2
                                                      : (uint64_t)s->used * 4);
                }
                return;
            }
            if (e != SET_DUMMY && m_key_eq(m, e, k)) {
                return;
            }
            j++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* ------------------------------------------------------------------ */
/* Classes and instances.                                             */

Handle
m_class_new(Machine *m, const char *name, Handle dict)
{
    /* A heap type: PyHeapTypeObject plus one member slot; over 512
     * bytes, so a raw allocation. */
    Handle h = m_alloc(m, T_CLASS, 16 + 904 + 40);
    ClassVal *c = xcalloc(1, sizeof *c);

    m->objs[h].u.c = c;
    c->usable = CLASS_SHARED_KEYS;
    Handle nm = m_str_cstr(m, name);
    m_store(m, h, 0, nm);
    m_store(m, h, 1, dict);
    m_track(m, h);
    return h;
}

static Values *
values_new(uint32_t n)
{
    Values *v = xcalloc(1, sizeof *v + (size_t)n * (sizeof(Handle) + 1));

    v->n = n;
    v->slot = (Handle *)(v + 1);
    v->order = (uint8_t *)(v->slot + n);
    return v;
}

Handle
m_instance_new(Machine *m, Handle cls)
{
    Handle h = m_alloc(m, T_INSTANCE, 32 + 24);
    ClassVal *c = m->objs[cls].u.c;

    m_incref(m, cls);
    m_store(m, h, INST_CLASS_SLOT, cls);
    m_track(m, h);
    /* init_inline_values: the shared keys' usable count shrinks by one
     * per instance (to a floor of 1); the values array holds the keys
     * already there plus the usable ones, after a byte prefix. */
    if (c->usable > 1) {
        c->usable--;
    }
    uint32_t size = c->nkeys + c->usable;
    size_t prefix = ((size_t)size + 2 + 7) & ~(size_t)7;
    Values *v = values_new(size);
    m->objs[h].u.inst.values = v;
    v->addr = m_storage(m, h, HEAP_ROLE_VALUES, 0, prefix + 8 * (size_t)size);
    return h;
}

static int64_t
class_key_index(const Machine *m, const ClassVal *c, Handle name)
{
    for (uint32_t i = 0; i < c->nkeys; i++) {
        if (m_key_eq(m, c->keys[i], name)) {
            return i;
        }
    }
    return -1;
}

/* Materialise the instance's __dict__: a split dict that takes over its
 * values (make_dict_from_instance_attributes). */
Handle
m_inst_dict(Machine *m, Handle inst)
{
    Object *o = &m->objs[inst];

    if (o->u.inst.dict != NULL_HANDLE) {
        return o->u.inst.dict;
    }
    Handle dh = dict_alloc(m);
    o = &m->objs[inst];
    Dict *d = dict_of(m, dh);
    Values *v = o->u.inst.values;
    d->split = 1;
    d->cls = o->u.inst.cls;
    d->values = v;
    for (uint32_t k = 0; k < v->norder; k++) {
        d->used += v->slot[v->order[k]] != NULL_HANDLE;
    }
    o->u.inst.values = NULL;
    if (v->addr != 0) {
        heap_retag(&m->heap, v->addr, HEAP_TAG(dh, HEAP_ROLE_VALUES));
    }
    m_store(m, inst, INST_DICT_SLOT, dh);
    for (uint32_t k = 0; k < v->n; k++) {
        if (v->slot[k] != NULL_HANDLE && m_may_be_tracked(m, v->slot[k])) {
            m_track(m, dh);
            break;
        }
    }
    return dh;
}

int
m_inst_setattr(Machine *m, Handle inst, Handle name, Handle v)
{
    Object *o = &m->objs[inst];

    if (o->u.inst.dict != NULL_HANDLE) {
        if (v == NULL_HANDLE) {
            return m_dict_delitem(m, o->u.inst.dict, name);
        }
        m_dict_setitem(m, o->u.inst.dict, name, v);
        return 0;
    }
    Handle cls = o->u.inst.cls;
    ClassVal *c = m->objs[cls].u.c;
    int64_t ix = class_key_index(m, c, name);
    if (ix < 0 && v != NULL_HANDLE && c->usable > 0 && m->objs[name].type == T_STR) {
        /* insert_into_dictkeys: the class learns a new attribute name. */
        size_t cap = c->keys_cap;
        c->keys = xgrow(c->keys, &cap, c->nkeys + 1, sizeof *c->keys);
        c->keys_cap = (uint32_t)cap;
        c->keys[c->nkeys] = NULL_HANDLE;
        c->nkeys++;
        c->usable--;
        m_incref(m, name);
        m_store(m, cls, 3 + c->nkeys - 1, name);
        ix = c->nkeys - 1;
    }
    Values *vals = m->objs[inst].u.inst.values;
    if (ix < 0 || (uint32_t)ix >= vals->n) {
        if (v == NULL_HANDLE) {
            return -1;
        }
        Handle dh = m_inst_dict(m, inst);
        m_dict_setitem(m, dh, name, v);
        return 0;
    }
    if (v == NULL_HANDLE) {
        if (vals->slot[ix] == NULL_HANDLE) {
            return -1;
        }
        for (uint32_t j = 0; j < vals->norder; j++) {
            if (vals->order[j] == ix) {
                memmove(vals->order + j, vals->order + j + 1, vals->norder - j - 1);
                vals->norder--;
                break;
            }
        }
        Handle old = m_store(m, inst, (uint32_t)ix, NULL_HANDLE);
        m_decref(m, old);
        return 0;
    }
    m_incref(m, v);
    Handle old = m_store(m, inst, (uint32_t)ix, v);
    if (old == NULL_HANDLE) {
        vals->order[vals->norder++] = (uint8_t)ix;
    } else {
        m_decref(m, old);
    }
    return 0;
}

Handle
m_inst_getattr(const Machine *m, Handle inst, Handle name)
{
    const Object *o = &m->objs[inst];

    if (o->u.inst.dict != NULL_HANDLE) {
        return m_dict_getitem(m, o->u.inst.dict, name);
    }
    const ClassVal *c = m->objs[o->u.inst.cls].u.c;
    int64_t ix = class_key_index(m, c, name);
    if (ix < 0 || (uint32_t)ix >= o->u.inst.values->n) {
        return NULL_HANDLE;
    }
    return o->u.inst.values->slot[ix];
}

/* ------------------------------------------------------------------ */
/* cells, modules, functions                                          */

Handle
m_cell_new(Machine *m, Handle v)
{
    Handle h = m_alloc(m, T_CELL, 16 + 24);

    if (v != NULL_HANDLE) {
        m_store(m, h, 0, v);
    }
    m_track(m, h);
    return h;
}

Handle
m_module_new(Machine *m, const char *name)
{
    Handle h = m_alloc(m, T_MODULE, 16 + 56);
    Handle d = m_dict_new(m);
    Handle nm = m_str_cstr(m, name);

    m_store(m, h, 0, d);
    m_store(m, h, 1, nm);
    m_track(m, h);
    return h;
}

Handle
m_function_new(Machine *m, Handle code, Handle globals, Handle name,
               Handle defaults, Handle closure)
{
    Handle h = m_alloc(m, T_FUNCTION, 16 + 136);

    m->objs[h].u.f = xcalloc(1, sizeof(FuncVal));
    m_store(m, h, 0, code);
    m_store(m, h, 1, globals);
    m_store(m, h, 2, name);
    m_incref(m, name);
    m_store(m, h, 3, name);
    m_store(m, h, 4, defaults);
    m_store(m, h, 5, closure);
    m_track(m, h);
    return h;
}

/* ------------------------------------------------------------------ */
/* Traversal and sizes.                                               */

int
m_made(const Machine *m, Handle h)
{
    const Object *o = &m->objs[h];

    switch ((ObjType)o->type) {
    case T_DICT: return o->u.d != NULL;
    case T_SET: return o->u.set != NULL;
    case T_CLASS: return o->u.c != NULL;
    case T_FUNCTION: return o->u.f != NULL;
    case T_INSTANCE: return o->u.inst.cls != NULL_HANDLE;
    default: return 1;
    }
}

void
m_traverse(const Machine *m, Handle h, VisitFn fn, void *arg)
{
    const Object *o = &m->objs[h];

    if (!m_made(m, h)) {
        return;                 /* no references yet */
    }
    switch ((ObjType)o->type) {
    case T_LIST:
        for (uint32_t i = 0; i < o->u.l.len; i++) {
            if (o->u.l.items[i]) {
                fn(arg, h, i, o->u.l.items[i]);
            }
        }
        break;
    case T_TUPLE:
        for (uint32_t i = 0; i < o->u.t.len; i++) {
            if (o->u.t.items[i]) {
                fn(arg, h, i, o->u.t.items[i]);
            }
        }
        break;
    case T_DICT: {
        const Dict *d = o->u.d;
        if (d->split) {
            for (uint32_t i = 0; i < d->values->n; i++) {
                if (d->values->slot[i]) {
                    fn(arg, h, i, d->values->slot[i]);
                }
            }
            break;
        }
        for (uint32_t i = 0; i < 2 * d->nentries; i++) {
            if (d->entries[i]) {
                fn(arg, h, i, d->entries[i]);
            }
        }
        break;
    }
    case T_SET:
        for (uint32_t i = 0; i <= o->u.set->mask; i++) {
            Handle k = o->u.set->table[i];
            if (k != NULL_HANDLE && k != SET_DUMMY) {
                fn(arg, h, i, k);
            }
        }
        break;
    case T_INSTANCE:
        if (o->u.inst.values != NULL) {
            for (uint32_t i = 0; i < o->u.inst.values->n; i++) {
                if (o->u.inst.values->slot[i]) {
                    fn(arg, h, i, o->u.inst.values->slot[i]);
                }
            }
        }
        if (o->u.inst.dict) {
            fn(arg, h, INST_DICT_SLOT, o->u.inst.dict);
        }
        if (o->u.inst.cls) {
            fn(arg, h, INST_CLASS_SLOT, o->u.inst.cls);
        }
        break;
    case T_CLASS:
        if (o->u.c->name) {
            fn(arg, h, 0, o->u.c->name);
        }
        if (o->u.c->dict) {
            fn(arg, h, 1, o->u.c->dict);
        }
        if (o->u.c->mro) {
            fn(arg, h, 2, o->u.c->mro);
        }
        for (uint32_t i = 0; i < o->u.c->nkeys; i++) {
            if (o->u.c->keys[i]) {
                fn(arg, h, 3 + i, o->u.c->keys[i]);
            }
        }
        if (o->u.c->bases) {
            fn(arg, h, CLASS_BASES_SLOT, o->u.c->bases);
        }
        break;
    case T_FUNCTION: {
        const Handle *p = &o->u.f->code;
        for (uint32_t i = 0; i < 8; i++) {
            if (p[i]) {
                fn(arg, h, i, p[i]);
            }
        }
        break;
    }
    case T_CELL:
        if (o->u.cell.ref) {
            fn(arg, h, 0, o->u.cell.ref);
        }
        break;
    case T_MODULE:
    case T_METHOD:
    case T_CODE: {
        Handle a = o->type == T_MODULE ? o->u.mod.dict
                   : o->type == T_METHOD ? o->u.meth.func : o->u.code.consts;
        Handle b = o->type == T_MODULE ? o->u.mod.name
                   : o->type == T_METHOD ? o->u.meth.self : o->u.code.name;
        if (a) {
            fn(arg, h, 0, a);
        }
        if (b) {
            fn(arg, h, 1, b);
        }
        break;
    }
    case T_BUILTIN:
        if (o->u.builtin.self) {
            fn(arg, h, 0, o->u.builtin.self);
        }
        break;
    case T_LISTITER:
    case T_TUPLEITER:
    case T_STRITER:
    case T_DICTITER:
    case T_DICTVALITER:
    case T_DICTITEMITER:
    case T_SETITER:
    case T_RANGEITER:
    case T_DICTKEYS:
    case T_DICTVALUES:
    case T_DICTITEMS:
        if (o->u.it.seq) {
            fn(arg, h, 0, o->u.it.seq);
        }
        if (o->u.it.extra) {
            fn(arg, h, 1, o->u.it.extra);
        }
        break;
    case T_RANGE:
        if (o->u.range.start) {
            fn(arg, h, 0, o->u.range.start);
        }
        if (o->u.range.stop) {
            fn(arg, h, 1, o->u.range.stop);
        }
        if (o->u.range.step) {
            fn(arg, h, 2, o->u.range.step);
        }
        if (o->u.range.length) {
            fn(arg, h, 3, o->u.range.length);
        }
        break;
    case T_GETSET:
        if (o->u.cell.ref) {
            fn(arg, h, 0, o->u.cell.ref);
        }
        break;
    case T_WEAKREF:
        if (o->u.wr.callback) {
            fn(arg, h, 0, o->u.wr.callback);
        }
        break;
    default:
        break;
    }
}

size_t
m_sizeof(const Machine *m, Handle h)
{
    const Object *o = &m->objs[h];

    if (!m_made(m, h)) {
        return o->nbytes;
    }
    switch ((ObjType)o->type) {
    case T_INT:
    case T_BOOL:
        return int_nbytes(o->u.i.size);
    case T_STR:
        return str_nbytes(o->u.s.len, o->u.s.kind);
    case T_TUPLE:
        return 16 + 24 + 8 * (size_t)o->u.t.len;
    case T_LIST:
        return 16 + 40 + 8 * (size_t)o->u.l.cap;
    case T_DICT: {
        /* _PyDict_SizeOf */
        const Dict *d = o->u.d;
        size_t n = 16 + 48;
        if (d->split) {
            const ClassVal *c = m->objs[d->cls].u.c;
            n += 8 * ((size_t)c->nkeys + c->usable);
        } else if (d->log2size != 0) {
            n += dict_keys_bytes(d->log2size, d->unicode);
        }
        return n;
    }
    case T_SET:
        return 16 + 200 + (o->u.set->mask + 1 > SET_MINSIZE ? 16 * ((size_t)o->u.set->mask + 1) : 0);
    case T_CLASS:
        /* PyHeapTypeObject plus the 64-slot shared keys. */
        return 16 + 904 + dict_keys_bytes(6, 1);
    case T_INSTANCE:
        return 32 + 24;
    default:
        return (size_t)type_info[o->type].presize + type_info[o->type].basicsize;
    }
}
