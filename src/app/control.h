/*
 * control.h: what keys and clicks do in a session.  The view keys
 * (Tab, arrows, Enter, zoom, ...) change the UiState, the stepping keys
 * (hist/keys.h) move the history, Space in a lesson goes on to the next
 * pause or question, and while a question is asked the keys type the
 * answer.  The TUI, `pymemsim snapshot --keys' and `pymemsim dump
 * --keys' all go through here, so they agree key for key.
 */
#ifndef PYMEMSIM_APP_CONTROL_H
#define PYMEMSIM_APP_CONTROL_H

#include "hist/history.h"
#include "render/scene.h"
#include "render/ui.h"

typedef enum { UI_REDRAW, UI_NOTHING, UI_QUIT, UI_UNKNOWN } UiResult;

/* A key: the view keys (Tab, arrows, Enter, ...), then the stepping
 * keys (hist/keys.h).  Unknown keys change nothing (UI_UNKNOWN). */
UiResult ui_key(History *h, UiState *ui, int key);
/* A mouse click at (x, y) of the last scene: select the object there, or
 * toggle a breakpoint on a source line, or focus the pane. */
UiResult ui_click(History *h, UiState *ui, const Scene *sc, int x, int y);

#endif
