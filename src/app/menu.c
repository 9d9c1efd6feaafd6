/*
 * menu.c: the lesson menu's contents (the installed lessons and the
 * student's progress, read from their files) and its keys.
 */
#include <config.h>

#include <stdlib.h>

#include "app/menu.h"
#include "core/xalloc.h"
#include "hist/keys.h"

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
