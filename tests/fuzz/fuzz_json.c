/*
 * fuzz_json.c: the JSON writer.  The input's bytes, as they are, through
 * dump_json_string; then the input as a program, run under small limits
 * to its end and dumped whole.  Both outputs must be well-formed JSON in
 * valid UTF-8 (checked here, strictly: RFC 8259 and RFC 3629), or the
 * target aborts.
 */
#include <config.h>

#include <string.h>

#include "fuzz.h"
#include "hist/dump.h"
#include "hist/history.h"
#include "py/vm.h"

typedef struct { const unsigned char *p, *end; } J;

static void
bad(const char *what, const J *j, const unsigned char *start)
{
    fprintf(stderr, "fuzz_json: %s at byte %ld\n", what, (long)(j->p - start));
    abort();
}

static void
ws(J *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' || *j->p == '\r')) {
        j->p++;
    }
}

/* One UTF-8 character, strictly (no surrogates, no overlong forms). */
static int
utf8_char(J *j)
{
    unsigned c = *j->p;
    size_t len = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3
                 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (len == 0 || (size_t)(j->end - j->p) < len) {
        return 0;
    }
    uint32_t cp = len == 1 ? c : c & (0x7fu >> len);
    for (size_t i = 1; i < len; i++) {
        if ((j->p[i] & 0xc0) != 0x80) {
            return 0;
        }
        cp = cp << 6 | (j->p[i] & 0x3fu);
    }
    static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return 0;
    }
    j->p += len;
    return 1;
}

static int
string(J *j)
{
    if (j->p >= j->end || *j->p != '"') {
        return 0;
    }
    j->p++;
    while (j->p < j->end && *j->p != '"') {
        if (*j->p < 0x20) {
            return 0;
        }
        if (*j->p == '\\') {
            j->p++;
            if (j->p >= j->end) {
                return 0;
            }
            if (*j->p == 'u') {
                for (int i = 1; i <= 4; i++) {
                    if (j->p + i >= j->end || strchr("0123456789abcdefABCDEF", j->p[i]) == NULL
                        || j->p[i] == '\0') {
                        return 0;
                    }
                }
                j->p += 5;
            } else if (strchr("\"\\/bfnrt", *j->p) != NULL && *j->p != '\0') {
                j->p++;
            } else {
                return 0;
            }
        } else if (!utf8_char(j)) {
            return 0;
        }
    }
    if (j->p >= j->end) {
        return 0;
    }
    j->p++;
    return 1;
}

static int
value(J *j, int depth)
{
    ws(j);
    if (j->p >= j->end || depth > 64) {
        return 0;
    }
    unsigned char c = *j->p;
    if (c == '"') {
        return string(j);
    }
    if (c == '{' || c == '[') {
        unsigned char close = c == '{' ? '}' : ']';
        j->p++;
        ws(j);
        if (j->p < j->end && *j->p == close) {
            j->p++;
            return 1;
        }
        for (;;) {
            if (c == '{') {
                ws(j);
                if (!string(j)) {
                    return 0;
                }
                ws(j);
                if (j->p >= j->end || *j->p++ != ':') {
                    return 0;
                }
            }
            if (!value(j, depth + 1)) {
                return 0;
            }
            ws(j);
            if (j->p >= j->end) {
                return 0;
            }
            if (*j->p == close) {
                j->p++;
                return 1;
            }
            if (*j->p++ != ',') {
                return 0;
            }
        }
    }
    static const char *const words[] = {"true", "false", "null"};
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(j->end - j->p) >= n && memcmp(j->p, words[i], n) == 0) {
            j->p += n;
            return 1;
        }
    }
    /* A number. */
    const unsigned char *start = j->p;
    if (*j->p == '-') {
        j->p++;
    }
    if (j->p >= j->end || *j->p < '0' || *j->p > '9') {
        return 0;
    }
    if (*j->p == '0') {
        j->p++;
    } else {
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9') {
            j->p++;
        }
    }
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (j->p >= j->end || *j->p < '0' || *j->p > '9') {
            return 0;
        }
        while (j->p < j->end && *j->p >= '0' && *j->p <= '9') {
            j->p++;
        }
    }
    return j->p > start;
}

static void
check_json(const char *text, size_t n, int whole)
{
    J j = { (const unsigned char *)text, (const unsigned char *)text + n };
    const unsigned char *start = j.p;
    if (whole ? !value(&j, 0) : !string(&j)) {
        bad("ill-formed JSON", &j, start);
    }
    ws(&j);
    if (j.p != j.end) {
        bad("text after the JSON value", &j, start);
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *out = NULL;
    size_t outlen = 0;
    FILE *fp = open_memstream(&out, &outlen);
    dump_json_string(fp, (const char *)data, size);
    fclose(fp);
    check_json(out, outlen, 0);
    free(out);

    History h;
    if (history_open(&h, fuzz_path(data, size), HISTORY_DEFAULT_CAP) != 0) {
        return 0;
    }
    VmLimits lim = { FUZZ_MAX_STEPS, FUZZ_MAX_HEAP, NULL, NULL, 0 };
    history_set_limits(&h, &lim);
    history_to_end(&h);
    out = NULL;
    fp = open_memstream(&out, &outlen);
    dump_json(fp, &h);
    fclose(fp);
    check_json(out, outlen, 1);
    free(out);
    history_close(&h);
    return 0;
}
