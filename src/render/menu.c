/*
 * menu.c: drawing the lesson menu.  Loading it and its keys are in
 * app/menu.c.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "render/menu.h"

void
menu_draw(const Menu *m, Scene *sc)
{
    Rect all = {0, 0, sc->w, sc->h};

    scene_clear(sc);
    if (sc->w < 40 || sc->h < 10) {
        scene_printf(sc, all, 0, 0, STYLE_ERROR, NULL_HANDLE, "Terminal too small: %dx%d.", sc->w,
                     sc->h);
        scene_put(sc, all, 0, 1, "Enlarge it, or q to quit.", STYLE_NORMAL, NULL_HANDLE);
        return;
    }
    Rect in = scene_frame(sc, (Rect){0, 0, sc->w, sc->h - 1}, "pymemsim: lessons", 1);
    if (m->n == 0) {
        scene_wrap(sc, in, 1, 1, "No lessons are installed.  Set PYMEMSIM_LESSONS to a directory "
                   "of lessons, or give a program: pymemsim FILE.", STYLE_NORMAL);
    }
    /* Three rows a lesson: title line, summary, blank; keep the selected
     * one in view. */
    int per = 3, fit = in.h / per > 0 ? in.h / per : 1;
    int top = m->selected >= fit ? m->selected - fit + 1 : 0;
    for (int i = top; i < (int)m->n && (i - top) * per < in.h; i++) {
        const MenuItem *it = &m->items[i];
        int y = (i - top) * per, sel = i == m->selected;
        char line[256];
        snprintf(line, sizeof line, "%s %-4s %s  (level %d)", sel ? ">" : " ",
                 it->done ? (sc->ascii ? "[x]" : "\u2714") : (sc->ascii ? "[ ]" : " "), it->l.title,
                 it->l.level);
        scene_put(sc, in, 0, y, line, sel ? STYLE_SELECTED : STYLE_TITLE, NULL_HANDLE);
        if (it->done) {
            char score[48];
            snprintf(score, sizeof score, "done, %d/%d right", it->right, it->total);
            scene_put(sc, in, in.w - (int)strlen(score) - 1, y, score, STYLE_DIM, NULL_HANDLE);
        }
        scene_put(sc, in, 7, y + 1, it->l.summary, STYLE_NORMAL, NULL_HANDLE);
    }
    Rect st = {0, sc->h - 1, sc->w, 1};
    scene_fill(sc, st, ' ', STYLE_STATUS);
    scene_put(sc, st, 1, 0, m->msg[0] ? m->msg : "Up/Down choose  Enter open  q quit",
              STYLE_STATUS, NULL_HANDLE);
}
