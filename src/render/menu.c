/*
 * menu.c: the lesson menu.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "hist/keys.h"
#include "render/menu.h"

void
menu_load(Menu *m)
{
    LessonList ll;
    int keep = m->selected;

    menu_done(m);
    m->selected = keep;
    lessons_find(&ll);
    m->items = xcalloc(ll.n + 1, sizeof *m->items);
    for (size_t i = 0; i < ll.n; i++) {
        char err[512];
        MenuItem *it = &m->items[m->n];
        if (lesson_header(ll.paths[i], &it->l, err, sizeof err) < 0) {
            continue;
        }
        it->done = progress_get(it->l.id, &it->right, &it->total);
        m->n++;
    }
    lessons_list_done(&ll);
    if (m->selected >= (int)m->n) {
        m->selected = m->n > 0 ? (int)m->n - 1 : 0;
    }
}

void
menu_done(Menu *m)
{
    for (size_t i = 0; i < m->n; i++) {
        lesson_header_done(&m->items[i].l);
    }
    free(m->items);
    m->items = NULL;
    m->n = 0;
}

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

MenuResult
menu_key(Menu *m, int key)
{
    m->msg[0] = '\0';
    switch (key) {
    case PK_UP:
    case 'k':
        if (m->selected > 0) {
            m->selected--;
        }
        return MENU_REDRAW;
    case PK_DOWN:
    case 'j':
        if (m->selected + 1 < (int)m->n) {
            m->selected++;
        }
        return MENU_REDRAW;
    case PK_HOME:
        m->selected = 0;
        return MENU_REDRAW;
    case PK_END:
        m->selected = m->n > 0 ? (int)m->n - 1 : 0;
        return MENU_REDRAW;
    case PK_ENTER:
    case '\r':
    case '\n':
    case 'n':
        return m->n > 0 ? MENU_OPEN : MENU_NOTHING;
    case 'q':
    case PK_ESCAPE:
        return MENU_QUIT;
    default:
        return MENU_NOTHING;
    }
}
