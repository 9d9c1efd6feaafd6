/*
 * strbuf.c: growable strings.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"

void
sb_init(StrBuf *sb)
{
    sb->cap = 64;
    sb->s = xmalloc(sb->cap);
    sb->s[0] = '\0';
    sb->len = 0;
}

void
sb_done(StrBuf *sb)
{
    free(sb->s);
    sb->s = NULL;
    sb->len = sb->cap = 0;
}

void
sb_clear(StrBuf *sb)
{
    sb->len = 0;
    if (sb->s != NULL) {
        sb->s[0] = '\0';
    }
}

static void
reserve(StrBuf *sb, size_t extra)
{
    if (sb->len + extra + 1 > sb->cap) {
        sb->s = xgrow(sb->s, &sb->cap, sb->len + extra + 1, 1);
    }
}

void
sb_putc(StrBuf *sb, char c)
{
    reserve(sb, 1);
    sb->s[sb->len++] = c;
    sb->s[sb->len] = '\0';
}

void
sb_put(StrBuf *sb, const char *s, size_t n)
{
    reserve(sb, n);
    memcpy(sb->s + sb->len, s, n);
    sb->len += n;
    sb->s[sb->len] = '\0';
}

void
sb_puts(StrBuf *sb, const char *s)
{
    sb_put(sb, s, strlen(s));
}

void
sb_vprintf(StrBuf *sb, const char *fmt, va_list ap)
{
    va_list ap2;

    va_copy(ap2, ap);
    if (sb->s == NULL) {
        reserve(sb, 64);
    }
    int n = vsnprintf(sb->s + sb->len, sb->cap - sb->len, fmt, ap);
    if (n >= 0 && (size_t)n >= sb->cap - sb->len) {
        reserve(sb, (size_t)n);
        vsnprintf(sb->s + sb->len, sb->cap - sb->len, fmt, ap2);
    }
    va_end(ap2);
    if (n > 0) {
        sb->len += (size_t)n;
    }
}

void
sb_printf(StrBuf *sb, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    sb_vprintf(sb, fmt, ap);
    va_end(ap);
}

char *
sb_take(StrBuf *sb)
{
    char *s = sb->s;

    /* Empty and unallocated; usable again (reserve allocates). */
    sb->s = NULL;
    sb->len = sb->cap = 0;
    return s;
}

/* Read all of fp into sb: 0, or -1 with errno. */
static int
read_all(FILE *fp, StrBuf *sb)
{
    char buf[65536];
    size_t n;

    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        sb_put(sb, buf, n);
    }
    return ferror(fp) ? -1 : 0;
}

/*
 * Standard input can be read only once, and a program or lesson is read
 * more than once (lesson_load, then history_open): the first call for
 * "-" reads all of it and keeps it, with its errno if that failed, and
 * every call returns a copy.  The copy kept lives as long as the
 * process.
 */
static char *
read_stdin(size_t *len)
{
    static StrBuf in;
    static int read_done, read_errno;

    if (!read_done) {
        sb_init(&in);
        if (read_all(stdin, &in) < 0) {
            read_errno = errno != 0 ? errno : EIO;
        }
        read_done = 1;
    }
    if (read_errno != 0) {
        errno = read_errno;
        return NULL;
    }
    char *s = xmalloc(in.len + 1);
    memcpy(s, in.s, in.len + 1);
    *len = in.len;
    return s;
}

char *
sb_read_file(const char *path, size_t *len)
{
    if (strcmp(path, "-") == 0) {
        return read_stdin(len);
    }
    FILE *fp = fopen(path, "rb");
    StrBuf sb;

    if (fp == NULL) {
        return NULL;
    }
    sb_init(&sb);
    int failed = read_all(fp, &sb) < 0;
    int e = errno;
    fclose(fp);
    if (failed) {
        sb_done(&sb);
        errno = e;
        return NULL;
    }
    *len = sb.len;
    return sb_take(&sb);
}
