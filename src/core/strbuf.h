/*
 * strbuf.h: a growable byte string on the host heap.
 *
 *   StrBuf sb;
 *   sb_init(&sb);
 *   sb_printf(&sb, "%d items", n);
 *   use(sb.s, sb.len);          // always NUL-terminated
 *   sb_done(&sb);
 */
#ifndef PYMEMSIM_CORE_STRBUF_H
#define PYMEMSIM_CORE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct StrBuf {
    char *s;                /* NUL-terminated; owned */
    size_t len;
    size_t cap;
} StrBuf;

void sb_init(StrBuf *sb);
void sb_done(StrBuf *sb);
void sb_clear(StrBuf *sb);                       /* length 0, keeps memory */
void sb_putc(StrBuf *sb, char c);
void sb_put(StrBuf *sb, const char *s, size_t n);
void sb_puts(StrBuf *sb, const char *s);
void sb_printf(StrBuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sb_vprintf(StrBuf *sb, const char *fmt, va_list ap);
char *sb_take(StrBuf *sb);                       /* caller owns; sb is reset */
/* The whole of a file, NUL-terminated (caller owns), or NULL with errno.
 * "-" is standard input, read once: later calls return the same bytes. */
char *sb_read_file(const char *path, size_t *len);

#endif
