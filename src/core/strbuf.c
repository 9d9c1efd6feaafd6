/*
 * strbuf.c: growable strings.
 */
#include <config.h>

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

char *
sb_read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    StrBuf sb;
    char buf[65536];
    size_t n;

    if (fp == NULL) {
        return NULL;
    }
    sb_init(&sb);
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        sb_put(&sb, buf, n);
    }
    int err = ferror(fp);
    fclose(fp);
    if (err) {
        sb_done(&sb);
        return NULL;
    }
    *len = sb.len;
    return sb_take(&sb);
}
