/*
 * scene.c: the grid the views draw into.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "render/scene.h"

const char *const style_names[STYLE_COUNT] = {
#define X(id, name, colour, hc, attrs, mono) name,
#include "render/style.def"
#undef X
};

void
scene_init(Scene *sc, int w, int h, int ascii)
{
    sc->w = w > 0 ? w : 1;
    sc->h = h > 0 ? h : 1;
    sc->ascii = ascii;
    sc->cells = xmalloc((size_t)sc->w * (size_t)sc->h * sizeof *sc->cells);
    scene_clear(sc);
}

void
scene_done(Scene *sc)
{
    free(sc->cells);
    sc->cells = NULL;
}

void
scene_clear(Scene *sc)
{
    for (int i = 0; i < sc->w * sc->h; i++) {
        sc->cells[i].ch = ' ';
        sc->cells[i].style = STYLE_NORMAL;
        sc->cells[i].obj = NULL_HANDLE;
    }
}

/* Decode one UTF-8 sequence at *s; invalid bytes come out as U+FFFD. */
static uint32_t
utf8_next(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    uint32_t c = p[0];
    int n = c < 0x80 ? 0 : c < 0xc0 ? -1 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : c < 0xf8 ? 3 : -1;

    if (n < 0) {
        *s += 1;
        return 0xfffd;
    }
    if (n > 0) {
        c &= 0x3fu >> n;
        for (int i = 1; i <= n; i++) {
            if ((p[i] & 0xc0) != 0x80) {
                *s += i;
                return 0xfffd;
            }
            c = (c << 6) | (p[i] & 0x3fu);
        }
    }
    *s += n + 1;
    return c;
}

int
text_width(const char *s)
{
    int n = 0;

    while (*s != '\0') {
        utf8_next(&s);
        n++;
    }
    return n;
}

/* Does ch take other than one column on a terminal (East Asian wide
 * characters, combining marks)?  Such characters show as '?', so that
 * every cell is one column in the text and on the terminal alike. */
static int
not_one_column(uint32_t c)
{
    static const uint32_t ranges[][2] = {
        {0x0300, 0x036f}, {0x0483, 0x0489}, {0x0591, 0x05bd}, {0x0610, 0x061a},
        {0x064b, 0x065f}, {0x1100, 0x115f}, {0x1ab0, 0x1aff}, {0x1dc0, 0x1dff},
        {0x200b, 0x200f}, {0x20d0, 0x20ff}, {0x2e80, 0x303e}, {0x3041, 0x33ff},
        {0x3400, 0x4dbf}, {0x4e00, 0x9fff}, {0xa000, 0xa4cf}, {0xac00, 0xd7a3},
        {0xf900, 0xfaff}, {0xfe00, 0xfe0f}, {0xfe20, 0xfe2f}, {0xfe30, 0xfe4f},
        {0xff00, 0xff60}, {0xffe0, 0xffe6}, {0x1f300, 0x1f64f}, {0x1f900, 0x1f9ff},
        {0x20000, 0x3fffd},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof *ranges; i++) {
        if (c >= ranges[i][0] && c <= ranges[i][1]) {
            return 1;
        }
    }
    return 0;
}

void
scene_char(Scene *sc, Rect r, int x, int y, uint32_t ch, Style st, Handle obj)
{
    if (x < 0 || y < 0 || x >= r.w || y >= r.h) {
        return;
    }
    int ax = r.x + x, ay = r.y + y;
    if (ax < 0 || ay < 0 || ax >= sc->w || ay >= sc->h) {
        return;
    }
    Cell *c = scene_cell(sc, ax, ay);
    c->ch = ch < 0x20 || (ch >= 0x7f && ch < 0xa0) || not_one_column(ch) ? '?' : ch;
    c->style = (uint8_t)st;
    c->obj = obj;
}

int
scene_put(Scene *sc, Rect r, int x, int y, const char *text, Style st, Handle obj)
{
    int n = 0;

    while (*text != '\0' && x + n < r.w) {
        uint32_t ch = utf8_next(&text);
        scene_char(sc, r, x + n, y, ch, st, obj);
        n++;
    }
    return n;
}

int
scene_printf(Scene *sc, Rect r, int x, int y, Style st, Handle obj, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return scene_put(sc, r, x, y, buf, st, obj);
}

void
scene_fill(Scene *sc, Rect r, uint32_t ch, Style st)
{
    for (int y = 0; y < r.h; y++) {
        for (int x = 0; x < r.w; x++) {
            scene_char(sc, r, x, y, ch, st, NULL_HANDLE);
        }
    }
}

Rect
scene_frame(Scene *sc, Rect r, const char *title, int focused)
{
    uint32_t h = sc->ascii ? '-' : 0x2500, v = sc->ascii ? '|' : 0x2502;
    uint32_t tl = sc->ascii ? '+' : 0x250c, tr = sc->ascii ? '+' : 0x2510;
    uint32_t bl = sc->ascii ? '+' : 0x2514, br = sc->ascii ? '+' : 0x2518;
    Style bs = focused ? STYLE_FOCUS : STYLE_BORDER;

    if (r.w < 2 || r.h < 2) {
        return (Rect){r.x, r.y, 0, 0};
    }
    for (int x = 1; x < r.w - 1; x++) {
        scene_char(sc, r, x, 0, h, STYLE_BORDER, NULL_HANDLE);
        scene_char(sc, r, x, r.h - 1, h, STYLE_BORDER, NULL_HANDLE);
    }
    for (int y = 1; y < r.h - 1; y++) {
        scene_char(sc, r, 0, y, v, STYLE_BORDER, NULL_HANDLE);
        scene_char(sc, r, r.w - 1, y, v, STYLE_BORDER, NULL_HANDLE);
    }
    scene_char(sc, r, 0, 0, tl, STYLE_BORDER, NULL_HANDLE);
    scene_char(sc, r, r.w - 1, 0, tr, STYLE_BORDER, NULL_HANDLE);
    scene_char(sc, r, 0, r.h - 1, bl, STYLE_BORDER, NULL_HANDLE);
    scene_char(sc, r, r.w - 1, r.h - 1, br, STYLE_BORDER, NULL_HANDLE);
    if (title != NULL) {
        /* The focused pane's title is marked with brackets as well as
         * its style, so focus shows without colour. */
        char buf[128];
        snprintf(buf, sizeof buf, focused ? "[ %s ]" : " %s ", title);
        Rect top = {r.x + 2, r.y, r.w - 4, 1};
        scene_put(sc, top, 0, 0, buf, focused ? bs : STYLE_TITLE, NULL_HANDLE);
    }
    return (Rect){r.x + 1, r.y + 1, r.w - 2, r.h - 2};
}

int
scene_wrap(Scene *sc, Rect r, int x, int y, const char *text, Style st)
{
    int width = r.w - x, rows = 0;
    char line[512];

    if (width <= 0) {
        return 0;
    }
    while (*text != '\0') {
        /* Take words while they fit (counting code points). */
        size_t n = 0, cut = 0;
        int cols = 0;
        const char *p = text;
        while (*p != '\0' && n + 4 < sizeof line) {
            const char *q = p;
            utf8_next(&q);
            if (cols == width) {
                break;
            }
            memcpy(line + n, p, (size_t)(q - p));
            n += (size_t)(q - p);
            cols++;
            if (*p == ' ') {
                cut = n;
            }
            p = q;
        }
        if (*p != '\0' && cut > 0) {
            n = cut;            /* break after the last blank */
        }
        line[n] = '\0';
        scene_put(sc, r, x, y + rows, line, st, NULL_HANDLE);
        rows++;
        text += n;
        while (*text == ' ') {
            text++;
        }
    }
    return rows;
}
