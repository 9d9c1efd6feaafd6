/*
 * text.c: a Scene as plain text or ANSI text, and the themes.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "render/text.h"

const char *const theme_names[THEME_COUNT] = {"default", "contrast", "mono"};

typedef struct StyleDef {
    int colour, hc;
    const char *attrs, *mono;
} StyleDef;

static const StyleDef style_defs[STYLE_COUNT] = {
#define X(id, name, colour, hc, attrs, mono) {colour, hc, attrs, mono},
#include "render/style.def"
#undef X
};

Look
theme_look(Theme theme, Style st)
{
    const StyleDef *d = &style_defs[st];
    const char *a = theme == THEME_MONO ? d->mono : d->attrs;
    Look l;

    l.fg = theme == THEME_MONO ? -1 : theme == THEME_CONTRAST ? d->hc : d->colour;
    l.bg = -1;
    l.bold = strchr(a, 'B') != NULL || theme == THEME_CONTRAST;
    l.underline = strchr(a, 'U') != NULL;
    l.reverse = strchr(a, 'R') != NULL;
    l.dim = strchr(a, 'D') != NULL && theme != THEME_CONTRAST;
    if (theme == THEME_CONTRAST && st == STYLE_NORMAL) {
        l.bold = 0;
    }
    return l;
}

static void
put_utf8(FILE *fp, uint32_t c)
{
    if (c < 0x80) {
        fputc((int)c, fp);
    } else if (c < 0x800) {
        fputc((int)(0xc0 | (c >> 6)), fp);
        fputc((int)(0x80 | (c & 0x3f)), fp);
    } else if (c < 0x10000) {
        fputc((int)(0xe0 | (c >> 12)), fp);
        fputc((int)(0x80 | ((c >> 6) & 0x3f)), fp);
        fputc((int)(0x80 | (c & 0x3f)), fp);
    } else {
        fputc((int)(0xf0 | (c >> 18)), fp);
        fputc((int)(0x80 | ((c >> 12) & 0x3f)), fp);
        fputc((int)(0x80 | ((c >> 6) & 0x3f)), fp);
        fputc((int)(0x80 | (c & 0x3f)), fp);
    }
}

/* The row's length without trailing blanks. */
static int
row_end(const Scene *sc, int y)
{
    int n = sc->w;

    while (n > 0 && sc->cells[y * sc->w + n - 1].ch == ' ') {
        n--;
    }
    return n;
}

void
text_render(FILE *fp, const Scene *sc)
{
    for (int y = 0; y < sc->h; y++) {
        int n = row_end(sc, y);
        for (int x = 0; x < n; x++) {
            put_utf8(fp, sc->cells[y * sc->w + x].ch);
        }
        fputc('\n', fp);
    }
}

static void
sgr(FILE *fp, Look l)
{
    fputs("\033[0", fp);
    if (l.bold) {
        fputs(";1", fp);
    }
    if (l.dim) {
        fputs(";2", fp);
    }
    if (l.underline) {
        fputs(";4", fp);
    }
    if (l.reverse) {
        fputs(";7", fp);
    }
    if (l.fg >= 0) {
        fprintf(fp, ";%d", 30 + l.fg);
    }
    if (l.bg >= 0) {
        fprintf(fp, ";%d", 40 + l.bg);
    }
    fputc('m', fp);
}

void
text_render_ansi(FILE *fp, const Scene *sc, Theme theme)
{
    for (int y = 0; y < sc->h; y++) {
        int n = row_end(sc, y), cur = -1;
        for (int x = 0; x < n; x++) {
            const Cell *c = &sc->cells[y * sc->w + x];
            if (c->style != cur) {
                cur = c->style;
                sgr(fp, theme_look(theme, (Style)cur));
            }
            put_utf8(fp, c->ch);
        }
        fputs(cur >= 0 ? "\033[0m\n" : "\n", fp);
    }
}
