/*
 * unescape.h: read the escaped strings of the generated test data.
 *
 * The generators (tests/gen-bigint.py, tests/gen-repr.py) write a test
 * string with \\ for the backslash and \xNN, \uNNNN or \UNNNNNNNN for a
 * code point; everything else stands for itself.  test_unescape turns
 * that back into UTF-8.
 */
#ifndef PYMEMSIM_TESTS_UNESCAPE_H
#define PYMEMSIM_TESTS_UNESCAPE_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/unicode.h"

/* Append the UTF-8 for escaped text s to out; returns -1 on a bad escape. */
static inline int
test_unescape(const char *s, StrBuf *out)
{
    size_t n = strlen(s);

    for (size_t i = 0; i < n; i++) {
        int width;
        char hex[9], *end, buf[4];
        uint32_t cp;

        if (s[i] != '\\') {
            sb_putc(out, s[i]);
            continue;
        }
        if (i + 1 >= n) {
            return -1;
        }
        switch (s[i + 1]) {
        case '\\':
            sb_putc(out, '\\');
            i++;
            continue;
        case 'x':
            width = 2;
            break;
        case 'u':
            width = 4;
            break;
        case 'U':
            width = 8;
            break;
        default:
            return -1;
        }
        if (i + 2 + (size_t)width > n) {
            return -1;
        }
        memcpy(hex, s + i + 2, (size_t)width);
        hex[width] = '\0';
        cp = (uint32_t)strtoul(hex, &end, 16);
        if (*end != '\0') {
            return -1;
        }
        sb_put(out, buf, utf8_encode(cp, buf));
        i += 1 + (size_t)width;
    }
    return 0;
}

#endif
