/*
 * menu.h: the lesson menu's contents and keys; render/menu.h draws it.
 */
#ifndef PYMEMSIM_APP_MENU_H
#define PYMEMSIM_APP_MENU_H

#include "render/menu.h"

void menu_load(Menu *m);       /* lessons_find, headers and progress */
void menu_done(Menu *m);

typedef enum { MENU_REDRAW, MENU_NOTHING, MENU_OPEN, MENU_QUIT } MenuResult;
MenuResult menu_key(Menu *m, int key);

#endif
