/*
 * str.c: str (Objects/unicodeobject.c).
 *
 * Compact ASCII strings take 48 + len + 1 bytes, the others 72 + (len +
 * 1) * kind (1, 2 or 4 bytes a code point).  The host keeps the text in
 * UTF-8.  The empty string and the 256 one-character latin-1 strings
 * are static.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/hash.h"
#include "core/xalloc.h"
#include "sim/typeops.h"

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
    /* PyASCIIObject, or PyCompactUnicodeObject's 24 bytes more. */
    size_t base = type_basic_nbytes(T_STR);

    return kind == 0 ? base + (size_t)len + 1 : base + 24 + ((size_t)len + 1) * kind;
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
    Object body = {0};
    str_fill(&body, utf8, nbytes, len, kind);
    return m_alloc_init(m, T_STR, str_nbytes(len, kind), &body.u);
}

Handle
m_str_cstr(Machine *m, const char *s)
{
    return m_str(m, s, strlen(s));
}

const char *
str_utf8(const Machine *m, Handle h)
{
    const Object *o = &m->objs[h];

    return o->type == T_STR && o->u.s.utf8 != NULL ? o->u.s.utf8 : "?";
}

void
str_clip(char *buf, size_t size, const char *s, size_t n)
{
    if (size == 0) {
        return;
    }
    if (n < size) {
        memcpy(buf, s, n);
        buf[n] = '\0';
        return;
    }
    size_t keep = size > 4 ? size - 4 : 0;
    while (keep > 0 && ((unsigned char)s[keep] & 0xc0) == 0x80) {
        keep--;                 /* not inside a UTF-8 sequence */
    }
    memcpy(buf, s, keep);
    strcpy(buf + keep, size > 4 ? "..." : "");
}

/* The empty string and the one-character latin-1 strings. */
void
str_init_statics(Machine *m)
{
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
/* Operations.                                                        */

static uint32_t
str_len(const Machine *m, Handle h)
{
    return m->objs[h].u.s.len;
}

static size_t
str_size(const Machine *m, Handle h)
{
    return str_nbytes(m->objs[h].u.s.len, m->objs[h].u.s.kind);
}

/* The text with its terminating NUL. */
static size_t
str_text_count(const Object *o)
{
    return (size_t)o->u.s.nbytes + 1;
}

static uint64_t
str_hash_state(uint64_t x, const Object *o)
{
    x = snap_hash_pair(x, o->u.s.len, o->u.s.nbytes);
    x = snap_hash_pair(x, o->u.s.kind, o->u.s.utf8 != NULL);
    x = hash_u64(x, o->u.s.hash);
    if (o->u.s.utf8 != NULL) {
        x = hash_bytes(x, o->u.s.utf8, o->u.s.nbytes);
    }
    return x;
}

/* Quoted, at most 80 bytes, control characters as '?'. */
static void
str_describe(const Machine *m, Handle h, char *buf, size_t size)
{
    const Object *o = &m->objs[h];
    size_t n = o->u.s.utf8 != NULL ? o->u.s.nbytes : 0;
    char tmp[96];

    snprintf(tmp, sizeof tmp, "'%.*s'", (int)(n > 80 ? 80 : n), n ? o->u.s.utf8 : "");
    for (char *p = tmp; *p != '\0'; p++) {
        if ((unsigned char)*p < 0x20) {
            *p = '?';
        }
    }
    str_clip(buf, size, tmp, strlen(tmp));
}

const TypeOps str_ops = {
    .describe = str_describe,
    .len = str_len,
    .size = str_size,
    .host = {offsetof(Object, u.s.utf8), 1, str_text_count},
    .hash = str_hash_state,
};
