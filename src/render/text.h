/*
 * text.h: a Scene as text: plain (trailing blanks dropped) or with ANSI
 * colours and attributes of a theme.  `pymemsim snapshot' prints this.
 */
#ifndef PYMEMSIM_RENDER_TEXT_H
#define PYMEMSIM_RENDER_TEXT_H

#include <stdio.h>

#include "render/scene.h"
#include "render/ui.h"

void text_render(FILE *fp, const Scene *sc);
void text_render_ansi(FILE *fp, const Scene *sc, Theme theme);

/* A style's look in a theme: colours (-1 the terminal's) and attributes. */
typedef struct Look {
    int fg, bg;
    int bold, underline, reverse, dim;
} Look;
Look theme_look(Theme theme, Style st);

#endif
