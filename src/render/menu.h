/*
 * menu.h: the lesson menu `pymemsim' shows without a FILE: every
 * installed lesson with its title, level, summary and whether the
 * student has done it.  Loading it and its keys: app/menu.h.
 */
#ifndef PYMEMSIM_RENDER_MENU_H
#define PYMEMSIM_RENDER_MENU_H

#include "lesson/lesson.h"
#include "render/scene.h"

typedef struct MenuItem {
    Lesson l;                  /* the header only */
    int done, right, total;
} MenuItem;

typedef struct Menu {
    MenuItem *items;
    size_t n;
    int selected;
    char msg[256];
} Menu;

/* The menu, its status line showing msg when there is one (filled by
 * app/menu.h's menu_load). */
void menu_draw(const Menu *m, Scene *sc);

#endif
