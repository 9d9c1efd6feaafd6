/*
 * unicode.h: UTF-8 helpers and the character properties Python's str
 * needs, as CPython 3.11 defines them (Objects/unicodeobject.c,
 * Objects/unicodectype.c, Unicode 14.0.0).
 *
 * Strings in pymemsim are UTF-8 on the host.  utf8_decode is strict:
 * overlong forms, encoded surrogates (U+D800..U+DFFF), code points past
 * U+10FFFF and truncated sequences are all invalid, as for
 * bytes.decode('utf-8').
 *
 *   size_t i = 0;
 *   uint32_t cp;
 *   int k;
 *   while ((k = utf8_decode(s, n, &i, &cp)) > 0) {
 *       use(cp);
 *   }
 *   if (k < 0) {
 *       bad_byte_at(i);
 *   }
 */
#ifndef PYMEMSIM_CORE_UNICODE_H
#define PYMEMSIM_CORE_UNICODE_H

#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"

#define UNI_MAX 0x10FFFFu

/*
 * Decode the code point starting at s[*i].  Returns the number of bytes
 * it took (1..4) and advances *i by that much; 0 when *i >= n; -1 when the
 * bytes at *i are not valid UTF-8 (then *i and *cp are left alone).
 */
int utf8_decode(const char *s, size_t n, size_t *i, uint32_t *cp);

/*
 * Encode cp (at most UNI_MAX) into out; returns the byte count (1..4), or
 * 0 for a value past UNI_MAX.  Surrogates are encoded like any other
 * value (as Python's "surrogatepass" would), which utf8_decode rejects.
 */
size_t utf8_encode(uint32_t cp, char out[4]);

int utf8_valid(const char *s, size_t n);          /* 1 if valid UTF-8 */

/*
 * Decode a str object's code point at s[*i] (*i < n): a str's UTF-8 may
 * hold lone surrogates, encoded as utf8_encode encodes them, and any
 * other byte that is not valid UTF-8 stands for U+DC00 + the byte (as
 * "surrogateescape" decodes it).  Returns the bytes taken (1..4).
 */
int str_decode(const char *s, size_t n, size_t *i, uint32_t *cp);

/*
 * The number of code points: len(str).  Each byte that is not part of a
 * valid sequence counts as one (as if decoded with "surrogateescape").
 */
size_t utf8_length(const char *s, size_t n);

/*
 * Character properties for one code point, from tables generated from
 * CPython 3.11's unicodedata (src/core/unicode_db.h).
 *   uni_isprintable: str.isprintable() (false for categories Cc, Cf, Cs,
 *                    Co, Cn, Zl, Zp and Zs except U+0020).
 *   uni_isspace:     str.isspace().
 *   uni_decimal:     unicodedata.decimal(c, -1): the value of a decimal
 *                    digit of any script (category Nd), else -1.
 */
int uni_isprintable(uint32_t cp);
int uni_isspace(uint32_t cp);
int uni_decimal(uint32_t cp);

/*
 * Append repr(s) to out, exactly as CPython 3.11's unicode_repr.  Bytes
 * that are not valid UTF-8 stand for the lone surrogates U+DC80..U+DCFF
 * ("surrogateescape") and come out as '\udcNN'.
 */
void uni_repr(const char *s, size_t n, StrBuf *out);

/* str.upper() / str.lower() of a string, appended to out (full Unicode
 * case mappings, one character may become up to three). */
void uni_upper(const char *s, size_t n, StrBuf *out);
/* The code point of a character name, as \N{name} uses it (case
 * insensitive); 1 if found. */
int uni_lookup_name(const char *name, size_t n, uint32_t *cp);
void uni_lower(const char *s, size_t n, StrBuf *out);

#endif
