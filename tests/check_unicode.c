/*
 * check_unicode.c: UTF-8, character properties and repr(str) against
 * CPython's own answers (tests/data/repr.txt from tests/gen-repr.py).
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/unicode.h"
#include "testutil.h"
#include "unescape.h"

#define NCODEPOINTS (UNI_MAX + 1)

/*
 * Split line (tabs, newline stripped) into at most max fields; empty
 * fields are kept.  Returns the field count.
 */
static int
split_tabs(char *line, char **fields, int max)
{
    int n = 0;
    char *p = line;

    line[strcspn(line, "\n")] = '\0';
    while (n < max) {
        fields[n++] = p;
        p = strchr(p, '\t');
        if (p == NULL) {
            break;
        }
        *p++ = '\0';
    }
    return n;
}

static void
repr_of(const char *s, size_t n, StrBuf *out)
{
    sb_clear(out);
    uni_repr(s, n, out);
}

/* A handful written out by hand, to read as documentation. */
START_TEST(test_repr_examples)
{
    StrBuf sb;

    sb_init(&sb);
    repr_of("abc", 3, &sb);
    ck_assert_str_eq(sb.s, "'abc'");
    repr_of("it's", 4, &sb);
    ck_assert_str_eq(sb.s, "\"it's\"");
    repr_of("'\"", 2, &sb);
    ck_assert_str_eq(sb.s, "'\\'\"'");
    repr_of("a\tb\\", 4, &sb);
    ck_assert_str_eq(sb.s, "'a\\tb\\\\'");
    repr_of("\0\x7f", 2, &sb);
    ck_assert_str_eq(sb.s, "'\\x00\\x7f'");
    repr_of("caf\xc3\xa9 \xc2\xa0\xc2\xad", 10, &sb);
    ck_assert_str_eq(sb.s, "'caf\xc3\xa9 \\xa0\\xad'");
    repr_of("\xe2\x80\xa8\xef\xbb\xbf", 6, &sb);
    ck_assert_str_eq(sb.s, "'\\u2028\\ufeff'");
    repr_of("\xf0\x9f\x98\x80\xf3\xa0\x80\x81", 8, &sb);
    ck_assert_str_eq(sb.s, "'\xf0\x9f\x98\x80\\U000e0001'");
    repr_of("\xff", 1, &sb);
    ck_assert_str_eq(sb.s, "'\\udcff'");
    /* repr appends. */
    uni_repr("x", 1, &sb);
    ck_assert_str_eq(sb.s, "'\\udcff''x'");
    sb_done(&sb);
}
END_TEST

START_TEST(test_repr_data)
{
    FILE *fp = open_srcfile("tests/data/repr.txt");
    char *line = NULL, *f[5];
    size_t cap = 0;
    int lineno = 0, nrepr = 0, nbytes = 0;
    StrBuf in, out;

    sb_init(&in);
    sb_init(&out);
    while (getline(&line, &cap, fp) != -1) {
        lineno++;
        if (line[0] == 'R') {
            ck_assert_int_eq(split_tabs(line, f, 3), 3);
            sb_clear(&in);
            ck_assert_int_eq(test_unescape(f[1], &in), 0);
            ck_assert(utf8_valid(in.s, in.len));
            repr_of(in.s, in.len, &out);
            ck_assert_msg(strcmp(out.s, f[2]) == 0, "line %d: repr(%s) gave %s, want %s",
                          lineno, f[1], out.s, f[2]);
            nrepr++;
        } else if (line[0] == 'B') {
            ck_assert_int_eq(split_tabs(line, f, 5), 5);
            sb_clear(&in);
            for (const char *h = f[1]; *h != '\0' && *h != '-'; h += 2) {
                char hex[3] = {h[0], h[1], '\0'};
                sb_putc(&in, (char)strtoul(hex, NULL, 16));
            }
            ck_assert_msg(utf8_valid(in.s, in.len) == atoi(f[2]), "line %d: valid(%s)",
                          lineno, f[1]);
            ck_assert_msg(utf8_length(in.s, in.len) == strtoul(f[3], NULL, 10),
                          "line %d: length(%s) = %zu", lineno, f[1],
                          utf8_length(in.s, in.len));
            repr_of(in.s, in.len, &out);
            ck_assert_msg(strcmp(out.s, f[4]) == 0, "line %d: repr(%s) gave %s, want %s",
                          lineno, f[1], out.s, f[4]);
            nbytes++;
        }
    }
    free(line);
    fclose(fp);
    sb_done(&in);
    sb_done(&out);
    ck_assert_int_gt(nrepr, 400);
    ck_assert_int_gt(nbytes, 150);
}
END_TEST

/*
 * Every code point's isprintable, isspace and decimal value against the
 * ranges CPython reported.
 */
START_TEST(test_properties_data)
{
    FILE *fp = open_srcfile("tests/data/repr.txt");
    char *line = NULL, *f[3];
    size_t cap = 0;
    unsigned char *printable = calloc(NCODEPOINTS, 1);
    unsigned char *space = calloc(NCODEPOINTS, 1);
    int ndec = 0, nprint = 0;

    ck_assert_ptr_nonnull(printable);
    ck_assert_ptr_nonnull(space);
    while (getline(&line, &cap, fp) != -1) {
        if (line[0] == 'P' || line[0] == 'S') {
            ck_assert_int_eq(split_tabs(line, f, 3), 3);
            unsigned long lo = strtoul(f[1], NULL, 16), hi = strtoul(f[2], NULL, 16);
            ck_assert_uint_le(hi, UNI_MAX);
            memset((line[0] == 'P' ? printable : space) + lo, 1, hi - lo + 1);
            nprint += line[0] == 'P';
        } else if (line[0] == 'D') {
            ck_assert_int_eq(split_tabs(line, f, 3), 3);
            uint32_t cp = (uint32_t)strtoul(f[1], NULL, 16);
            ck_assert_msg(uni_decimal(cp) == atoi(f[2]), "decimal(U+%04X) = %d, want %s",
                          cp, uni_decimal(cp), f[2]);
            ndec++;
        }
    }
    free(line);
    fclose(fp);
    ck_assert_int_gt(nprint, 600);
    ck_assert_int_gt(ndec, 300);
    /* Plain comparisons in the loop: a Check assertion per code point
     * would cost more than the lookups. */
    uint32_t bad_print = UINT32_MAX, bad_space = UINT32_MAX, bad_dec = UINT32_MAX;
    for (uint32_t cp = NCODEPOINTS; cp-- > 0;) {
        int d = uni_decimal(cp);
        if (uni_isprintable(cp) != printable[cp]) {
            bad_print = cp;
        }
        if (uni_isspace(cp) != space[cp]) {
            bad_space = cp;
        }
        if (d < -1 || d > 9 || (d >= 0 && uni_decimal(cp - (uint32_t)d) != 0)) {
            bad_dec = cp;
        }
    }
    ck_assert_msg(bad_print == UINT32_MAX, "isprintable(U+%04X)", bad_print);
    ck_assert_msg(bad_space == UINT32_MAX, "isspace(U+%04X)", bad_space);
    ck_assert_msg(bad_dec == UINT32_MAX, "decimal(U+%04X)", bad_dec);
    /* The ranges the header promises, spelled out. */
    ck_assert(!uni_isprintable(0xA0) && !uni_isprintable(0xAD));
    ck_assert(uni_isprintable(0xA1) && uni_isprintable(0xFF));
    ck_assert(!uni_isprintable(0x2028) && !uni_isprintable(0xFEFF));
    ck_assert(!uni_isprintable(0xD800) && !uni_isprintable(0xE000));
    ck_assert(!uni_isprintable(0x40000) && !uni_isprintable(UNI_MAX));
    ck_assert(!uni_isprintable(UNI_MAX + 1));
    ck_assert_int_eq(uni_decimal('7'), 7);
    ck_assert_int_eq(uni_decimal(0x0663), 3);
    ck_assert_int_eq(uni_decimal(0xB2), -1);
    free(printable);
    free(space);
}
END_TEST

/* Every scalar value survives encoding and decoding. */
START_TEST(test_utf8_round_trip)
{
    char buf[8];
    uint32_t cp;
    size_t i;

    uint32_t bad = UINT32_MAX;

    /* Plain comparisons in the loop, one assertion after it. */
    for (uint32_t c = 0; c <= UNI_MAX; c++) {
        size_t n = utf8_encode(c, buf);
        size_t want = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        int surrogate = c >= 0xD800 && c <= 0xDFFF;
        int k;

        i = 0;
        cp = UINT32_MAX;
        k = utf8_decode(buf, n, &i, &cp);
        if (n != want) {
            bad = c;
        } else if (surrogate) {
            if (k != -1 || i != 0 || cp != UINT32_MAX || utf8_valid(buf, n)) {
                bad = c;
            }
        } else if (k != (int)n || cp != c || i != n || utf8_decode(buf, n, &i, &cp) != 0
                   || !utf8_valid(buf, n) || utf8_length(buf, n) != 1) {
            bad = c;
        }
    }
    ck_assert_msg(bad == UINT32_MAX, "round trip of U+%04X", bad);
    ck_assert_uint_eq(utf8_encode(UNI_MAX + 1, buf), 0);
    ck_assert_uint_eq(utf8_encode(0xFFFFFFFFu, buf), 0);
}
END_TEST

START_TEST(test_utf8_decode_api)
{
    const char *s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80!";
    size_t n = strlen(s), i = 0;
    uint32_t cp = 0;
    static const uint32_t want[] = {'a', 0xE9, 0x20AC, 0x1F600, '!'};
    static const int lens[] = {1, 2, 3, 4, 1};

    for (int k = 0; k < 5; k++) {
        ck_assert_int_eq(utf8_decode(s, n, &i, &cp), lens[k]);
        ck_assert_uint_eq(cp, want[k]);
    }
    ck_assert_uint_eq(i, n);
    ck_assert_int_eq(utf8_decode(s, n, &i, &cp), 0);
    ck_assert_uint_eq(utf8_length(s, n), 5);

    /* A sequence cut by the length is invalid; *i and *cp stay put. */
    i = 1;
    cp = 77;
    ck_assert_int_eq(utf8_decode(s, 2, &i, &cp), -1);
    ck_assert_uint_eq(i, 1);
    ck_assert_uint_eq(cp, 77);
    ck_assert(!utf8_valid(s, 5));
    ck_assert(utf8_valid(s, 6));
    /* Embedded NUL is an ordinary character. */
    ck_assert(utf8_valid("a\0b", 3));
    ck_assert_uint_eq(utf8_length("a\0b", 3), 3);
    ck_assert(utf8_valid("", 0));
    ck_assert_uint_eq(utf8_length("", 0), 0);
}
END_TEST

static Suite *
unicode_suite(void)
{
    Suite *s = suite_create("unicode");
    TCase *tc = tcase_create("str");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_repr_examples);
    tcase_add_test(tc, test_repr_data);
    tcase_add_test(tc, test_properties_data);
    tcase_add_test(tc, test_utf8_round_trip);
    tcase_add_test(tc, test_utf8_decode_api);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(unicode_suite());
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
