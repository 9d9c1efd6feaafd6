/*
 * unicode.c: UTF-8 decoding and encoding, str.isprintable and friends,
 * and repr(str), modelled on CPython 3.11's unicode_repr
 * (Objects/unicodeobject.c) and _PyUnicode_IsPrintable
 * (Objects/unicodectype.c).
 *
 * How repr works.
 *
 * The quote is a single quote unless the string contains a single quote
 * and no double quote.  Then each character is written as:
 *   - the quote in use and the backslash: preceded by a backslash;
 *   - tab, newline, carriage return: \t \n \r;
 *   - any other character below U+0020, and U+007F: \xNN;
 *   - the rest of ASCII: itself;
 *   - a non-ASCII character that is printable: itself (in UTF-8);
 *   - a non-printable one: \xNN up to U+00FF, \uNNNN up to U+FFFF,
 *     \UNNNNNNNN above; lowercase hex digits throughout.
 *
 * "Printable" is str.isprintable: every character except those of the
 * categories Cc (controls), Cf (format: soft hyphen U+00AD, zero-width
 * space U+200B, U+2060..U+2064, BOM U+FEFF, ...), Cs (surrogates), Co
 * (private use), Cn (unassigned, including whole unused planes), Zl
 * (U+2028), Zp (U+2029) and Zs (spaces such as U+00A0, U+2000..U+200A,
 * U+3000) other than the ASCII space.  The exact sets come from tables
 * generated from CPython 3.11 itself (unicode_db.h), looked up by
 * binary search.
 */
#include <config.h>

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/unicode.h"
#include "core/unicode_db.h"

/* ------------------------------------------------------------------ */
/* UTF-8.                                                             */

/*
 * A sequence is valid when its lead byte announces 1 to 4 bytes, every
 * following byte is a continuation (10xxxxxx) and the value is the
 * shortest form of a scalar value: these second-byte ranges (from the
 * Unicode standard's table 3-7) rule out overlong forms, surrogates and
 * values past U+10FFFF.
 *
 *   lead      second     length
 *   00..7F    -          1
 *   C2..DF    80..BF     2
 *   E0        A0..BF     3
 *   E1..EC    80..BF     3
 *   ED        80..9F     3      (not D800..DFFF)
 *   EE..EF    80..BF     3
 *   F0        90..BF     4
 *   F1..F3    80..BF     4
 *   F4        80..8F     4      (not past 10FFFF)
 */
int
utf8_decode(const char *s, size_t n, size_t *i, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    size_t left;
    unsigned lo = 0x80, hi = 0xBF;
    int len;
    uint32_t v;

    if (*i >= n) {
        return 0;
    }
    left = n - *i;
    if (p[0] < 0x80) {
        *cp = p[0];
        *i += 1;
        return 1;
    }
    if (p[0] >= 0xC2 && p[0] <= 0xDF) {
        len = 2;
        v = p[0] & 0x1F;
    } else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        len = 3;
        v = p[0] & 0x0F;
        if (p[0] == 0xE0) {
            lo = 0xA0;
        } else if (p[0] == 0xED) {
            hi = 0x9F;
        }
    } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        len = 4;
        v = p[0] & 0x07;
        if (p[0] == 0xF0) {
            lo = 0x90;
        } else if (p[0] == 0xF4) {
            hi = 0x8F;
        }
    } else {
        return -1;
    }
    if (left < (size_t)len) {
        return -1;
    }
    if (p[1] < lo || p[1] > hi) {
        return -1;
    }
    for (int k = 1; k < len; k++) {
        if ((p[k] & 0xC0) != 0x80) {
            return -1;
        }
        v = (v << 6) | (p[k] & 0x3F);
    }
    *cp = v;
    *i += (size_t)len;
    return len;
}

size_t
utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp <= UNI_MAX) {
        out[0] = (char)(0xF0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        return 4;
    }
    return 0;
}

int
utf8_valid(const char *s, size_t n)
{
    size_t i = 0;
    uint32_t cp;
    int k;

    while ((k = utf8_decode(s, n, &i, &cp)) > 0) {
        continue;
    }
    return k == 0;
}

int
str_decode(const char *s, size_t n, size_t *i, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    int k = utf8_decode(s, n, i, cp);

    if (k > 0) {
        return k;
    }
    if (n - *i >= 3 && p[0] == 0xED && p[1] >= 0xA0 && p[1] <= 0xBF
        && (p[2] & 0xC0) == 0x80) {
        *cp = 0xD000u | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3Fu);
        *i += 3;
        return 3;
    }
    *cp = 0xDC00u + p[0];
    *i += 1;
    return 1;
}

size_t
utf8_length(const char *s, size_t n)
{
    size_t i = 0, count = 0;
    uint32_t cp;

    while (i < n) {
        str_decode(s, n, &i, &cp);
        count++;
    }
    return count;
}

/* ------------------------------------------------------------------ */
/* Character properties.                                              */

/* Binary search for cp in sorted, disjoint ranges. */
static int
in_ranges(const UniRange *r, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid].lo) {
            hi = mid;
        } else if (cp > r[mid].hi) {
            lo = mid + 1;
        } else {
            return 1;
        }
    }
    return 0;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int
uni_isprintable(uint32_t cp)
{
    /* The ASCII fast path: space to tilde. */
    if (cp < 0x80) {
        return cp >= 0x20 && cp < 0x7F;
    }
    return in_ranges(uni_printable_ranges, COUNT(uni_printable_ranges), cp);
}

int
uni_isspace(uint32_t cp)
{
    return in_ranges(uni_space_ranges, COUNT(uni_space_ranges), cp);
}

int
uni_decimal(uint32_t cp)
{
    /* Find the last zero <= cp; cp is a digit if it lies within ten. */
    size_t lo = 0, hi = COUNT(uni_decimal_zeros);

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (uni_decimal_zeros[mid] <= cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo > 0 && cp - uni_decimal_zeros[lo - 1] < 10) {
        return (int)(cp - uni_decimal_zeros[lo - 1]);
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* repr(str).                                                         */

static const char hexdigits[] = "0123456789abcdef";

/* Append a backslash, the letter, and `width` lowercase hex digits. */
static void
put_hex_escape(StrBuf *out, char letter, uint32_t v, int width)
{
    char buf[10];

    buf[0] = '\\';
    buf[1] = letter;
    for (int k = 0; k < width; k++) {
        buf[2 + k] = hexdigits[(v >> (4 * (width - 1 - k))) & 0xF];
    }
    sb_put(out, buf, (size_t)(2 + width));
}

void
uni_repr(const char *s, size_t n, StrBuf *out)
{
    size_t i;
    int squote = 0, dquote = 0;
    char quote = '\'';

    /* Quote choice looks at bytes: quotes are ASCII and never occur
     * inside a multi-byte sequence. */
    for (i = 0; i < n; i++) {
        if (s[i] == '\'') {
            squote = 1;
        } else if (s[i] == '"') {
            dquote = 1;
        }
    }
    if (squote && !dquote) {
        quote = '"';
    }

    sb_putc(out, quote);
    i = 0;
    while (i < n) {
        size_t start = i;
        uint32_t ch;

        str_decode(s, n, &i, &ch);
        if (ch == (uint32_t)quote || ch == '\\') {
            sb_putc(out, '\\');
            sb_putc(out, (char)ch);
        } else if (ch == '\t') {
            sb_put(out, "\\t", 2);
        } else if (ch == '\n') {
            sb_put(out, "\\n", 2);
        } else if (ch == '\r') {
            sb_put(out, "\\r", 2);
        } else if (ch < ' ' || ch == 0x7F) {
            put_hex_escape(out, 'x', ch, 2);
        } else if (ch < 0x7F) {
            sb_putc(out, (char)ch);
        } else if (uni_isprintable(ch)) {
            /* Printable non-ASCII: copy the UTF-8 bytes as they are. */
            sb_put(out, s + start, i - start);
        } else if (ch <= 0xFF) {
            put_hex_escape(out, 'x', ch, 2);
        } else if (ch <= 0xFFFF) {
            put_hex_escape(out, 'u', ch, 4);
        } else {
            put_hex_escape(out, 'U', ch, 8);
        }
    }
    sb_putc(out, quote);
}

/* ------------------------------------------------------------------ */
/* Case mapping.                                                      */

#include "core/unicode_case.h"

static const uint32_t *
case_lookup(const uint32_t (*table)[4], size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (table[mid][0] < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < n && table[lo][0] == cp ? table[lo] : NULL;
}

static int
is_cased(uint32_t cp)
{
    return case_lookup(case_upper, sizeof case_upper / sizeof *case_upper, cp) != NULL
           || case_lookup(case_lower, sizeof case_lower / sizeof *case_lower, cp) != NULL;
}

/* Capital sigma lowers to final sigma at the end of a word: after a
 * cased letter and not before one (handle_capital_sigma). */
static int
final_sigma(const char *s, size_t n, size_t at, size_t after)
{
    size_t i = 0, prev_ok = 0;
    uint32_t cp;

    while (i < at) {
        size_t k = i;
        if (utf8_decode(s, n, &i, &cp) <= 0) {
            i = k + 1;
            continue;
        }
        prev_ok = is_cased(cp);
    }
    if (!prev_ok) {
        return 0;
    }
    i = after;
    if (i < n && utf8_decode(s, n, &i, &cp) > 0 && is_cased(cp)) {
        return 0;
    }
    return 1;
}

static void
case_map(const uint32_t (*table)[4], size_t nt, const char *s, size_t n, StrBuf *out)
{
    size_t i = 0;
    uint32_t cp;
    char buf[4];

    while (i < n) {
        size_t at = i;
        if (utf8_decode(s, n, &i, &cp) <= 0) {
            sb_putc(out, s[i++]);
            continue;
        }
        if (cp == 0x3a3 && table == case_lower && final_sigma(s, n, at, i)) {
            sb_put(out, buf, utf8_encode(0x3c2, buf));
            continue;
        }
        const uint32_t *row = case_lookup(table, nt, cp);
        if (row == NULL) {
            sb_put(out, buf, utf8_encode(cp, buf));
            continue;
        }
        for (int k = 1; k < 4 && row[k] != 0; k++) {
            sb_put(out, buf, utf8_encode(row[k], buf));
        }
    }
}

void
uni_upper(const char *s, size_t n, StrBuf *out)
{
    case_map(case_upper, sizeof case_upper / sizeof *case_upper, s, n, out);
}

void
uni_lower(const char *s, size_t n, StrBuf *out)
{
    case_map(case_lower, sizeof case_lower / sizeof *case_lower, s, n, out);
}

/* ------------------------------------------------------------------ */
/* Character names, for \N{...}.                                      */

#include "core/unicode_names.h"

static const char *const jamo_l[] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                                     "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
static const char *const jamo_v[] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O",
                                     "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU",
                                     "EU", "YI", "I"};
static const char *const jamo_t[] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG",
                                     "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
                                     "SS", "NG", "J", "C", "K", "T", "P", "H"};

static int
hex_suffix(const char *s, size_t n, uint32_t *cp)
{
    uint32_t v = 0;

    if (n < 4 || n > 6) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) {
            return 0;
        }
        v = v * 16 + (uint32_t)d;
    }
    *cp = v;
    return 1;
}

static int
name_of_index(size_t i, const uint32_t **row)
{
    /* name_data is a flat run of (cp, nwords, words...); walk to i. */
    static uint32_t *starts;
    if (starts == NULL) {
        starts = malloc(NAME_COUNT * sizeof *starts);
        if (starts == NULL) {
            return 0;
        }
        uint32_t pos = 0;
        for (size_t k = 0; k < NAME_COUNT; k++) {
            starts[k] = pos;
            pos += 2 + name_data[pos + 1];
        }
    }
    *row = &name_data[starts[i]];
    return 1;
}

/* Compare the stored name at row with s[0..n). */
static int
name_cmp(const uint32_t *row, const char *s, size_t n)
{
    size_t k = 0;

    for (uint32_t w = 0; w < row[1]; w++) {
        if (w > 0) {
            if (k >= n) {
                return 1;
            }
            if (s[k] != ' ') {
                return ' ' < (unsigned char)s[k] ? -1 : 1;
            }
            k++;
        }
        const char *word = name_words + name_word_off[row[2 + w]];
        for (; *word; word++, k++) {
            if (k >= n) {
                return 1;
            }
            if (*word != s[k]) {
                return (unsigned char)*word < (unsigned char)s[k] ? -1 : 1;
            }
        }
    }
    return k < n ? -1 : 0;
}

int
uni_lookup_name(const char *s, size_t n, uint32_t *cp)
{
    static const struct {
        const char *prefix;
        uint32_t lo, hi;
    } algo[] = {
        {"CJK UNIFIED IDEOGRAPH-", 0x3400, 0x323af},
        {"CJK COMPATIBILITY IDEOGRAPH-", 0xf900, 0x2fa1f},
        {"TANGUT IDEOGRAPH-", 0x17000, 0x18d08},
        {"KHITAN SMALL SCRIPT CHARACTER-", 0x18b00, 0x18cd5},
        {"NUSHU CHARACTER-", 0x1b170, 0x1b2fb},
    };
    char up[128];

    if (n >= sizeof up) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        up[i] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
    }
    for (size_t a = 0; a < sizeof algo / sizeof *algo; a++) {
        size_t pl = strlen(algo[a].prefix);
        if (n > pl && memcmp(up, algo[a].prefix, pl) == 0) {
            uint32_t v;
            if (hex_suffix(up + pl, n - pl, &v) && v >= algo[a].lo && v <= algo[a].hi
                && uni_isprintable(v)) {
                *cp = v;
                return 1;
            }
            return 0;
        }
    }
    if (n > 16 && memcmp(up, "HANGUL SYLLABLE ", 16) == 0) {
        for (int l = 0; l < 19; l++) {
            for (int v = 0; v < 21; v++) {
                for (int t = 0; t < 28; t++) {
                    char buf[32];
                    int k = snprintf(buf, sizeof buf, "%s%s%s", jamo_l[l], jamo_v[v], jamo_t[t]);
                    if ((size_t)k == n - 16 && memcmp(buf, up + 16, n - 16) == 0) {
                        *cp = 0xac00 + (uint32_t)((l * 21 + v) * 28 + t);
                        return 1;
                    }
                }
            }
        }
        return 0;
    }
    size_t lo = 0, hi = NAME_COUNT;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const uint32_t *row;
        if (!name_of_index(mid, &row)) {
            return 0;
        }
        int c = name_cmp(row, up, n);
        if (c == 0) {
            *cp = row[0];
            return 1;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return 0;
}
