/*
 * menu.h: the lesson menu `pymemsim' shows without a FILE: every
 * installed lesson with its title, level, summary and whether the
 * student has done it.
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

void menu_load(Menu *m);       /* lessons_find, headers and progress */
void menu_done(Menu *m);
void menu_draw(const Menu *m, Scene *sc);

typedef enum { MENU_REDRAW, MENU_NOTHING, MENU_OPEN, MENU_QUIT } MenuResult;
MenuResult menu_key(Menu *m, int key);

#endif
