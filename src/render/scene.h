/*
 * scene.h: what the views draw, for every front end.
 *
 * A Scene is a grid of cells, each a character with a semantic style
 * (style.def) and the object it shows (0 for none), so that the text
 * renderer, the ANSI renderer and the TUI show the same thing and a
 * mouse click finds its object.  Runs of equal style are the spans.
 * Views write into rectangles of it with the functions below, which
 * clip at the rectangle: nothing a view writes can land outside it.
 * Nothing here knows about curses.
 */
#ifndef PYMEMSIM_RENDER_SCENE_H
#define PYMEMSIM_RENDER_SCENE_H

#include <stdint.h>

#include "sim/object.h"

typedef enum {
#define X(id, name, colour, hc, attrs, mono) STYLE_##id,
#include "render/style.def"
#undef X
    STYLE_COUNT
} Style;

extern const char *const style_names[STYLE_COUNT];

typedef struct Cell {
    uint32_t ch;               /* a Unicode code point, ' ' when empty */
    uint8_t style;             /* Style */
    Handle obj;                /* the object shown here, or 0 */
} Cell;

typedef struct Rect {
    int x, y, w, h;
} Rect;

typedef struct Scene {
    int w, h;
    int ascii;                 /* line drawing in ASCII (+-|) */
    Cell *cells;               /* h rows of w, owned */
} Scene;

void scene_init(Scene *sc, int w, int h, int ascii);
void scene_done(Scene *sc);
void scene_clear(Scene *sc);
static inline Cell *
scene_cell(Scene *sc, int x, int y)
{
    return &sc->cells[y * sc->w + x];
}

/* Write UTF-8 text at (x, y) of r (relative), clipped to r; returns the
 * columns written.  Control characters show as '?'. */
int scene_put(Scene *sc, Rect r, int x, int y, const char *text, Style st, Handle obj);
int scene_printf(Scene *sc, Rect r, int x, int y, Style st, Handle obj, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* One character. */
void scene_char(Scene *sc, Rect r, int x, int y, uint32_t ch, Style st, Handle obj);
/* Write text from (x, y) of r, wrapped at blanks to r's width; returns
 * the rows used. */
int scene_wrap(Scene *sc, Rect r, int x, int y, const char *text, Style st);
/* Fill r with ch. */
void scene_fill(Scene *sc, Rect r, uint32_t ch, Style st);
/* A frame around r with a title; returns the inside. */
Rect scene_frame(Scene *sc, Rect r, const char *title, int focused);

/* Columns a UTF-8 string takes (one per code point). */
int text_width(const char *s);

#endif
