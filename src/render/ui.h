/*
 * ui.h: what the student has chosen to see, as opposed to the state of
 * the machine: which panes, which one has focus, scroll positions, the
 * selected object, the memory map's zoom, the theme.  The views read it;
 * keys (ui_key) and the mouse (ui_click) change it.
 */
#ifndef PYMEMSIM_RENDER_UI_H
#define PYMEMSIM_RENDER_UI_H

#include "hist/history.h"
#include "hist/keys.h"
#include "render/scene.h"

typedef enum {
    PANE_SOURCE, PANE_STACK, PANE_HEAP, PANE_MEMORY, PANE_COLLECTOR, PANE_LOG,
    PANE_COUNT
} PaneId;

extern const char *const pane_names[PANE_COUNT];

typedef enum { THEME_DEFAULT, THEME_CONTRAST, THEME_MONO, THEME_COUNT } Theme;
extern const char *const theme_names[THEME_COUNT];

typedef enum { ZOOM_ARENAS, ZOOM_ARENA, ZOOM_POOL } Zoom;

/* Smallest terminal the layout draws in; below it a message says so. */
#define UI_MIN_W 40
#define UI_MIN_H 10

typedef struct UiState {
    PaneId focus;
    int hidden[PANE_COUNT];
    int maximised;             /* a pane shown alone, or -1 */
    int scroll[PANE_COUNT];    /* first row shown */
    int cursor[PANE_COUNT];    /* the row under the cursor (heap, memory) */
    Handle selected;           /* 0 for none */
    Zoom zoom;
    int arena, pool;           /* what the memory map zooms into */
    int statics;               /* the heap pane lists the interpreter's own
                                * objects too (history_is_startup) */
    int help;                  /* the help overlay is open */
    Theme theme;
    int ascii;
    KeyState keys;             /* the stepping keys' count or prompt */
    Rect panes[PANE_COUNT];    /* where each pane was last drawn (for clicks) */
} UiState;

void ui_init(UiState *ui);

/* Draw everything into sc (already sized to the terminal). */
void ui_draw(const History *h, UiState *ui, Scene *sc);

typedef enum { UI_REDRAW, UI_NOTHING, UI_QUIT, UI_UNKNOWN } UiResult;

/* A key: the view keys (Tab, arrows, Enter, ...), then the stepping
 * keys (hist/keys.h).  Unknown keys change nothing (UI_UNKNOWN). */
UiResult ui_key(History *h, UiState *ui, int key);
/* A mouse click at (x, y) of the last scene: select the object there, or
 * toggle a breakpoint on a source line, or focus the pane. */
UiResult ui_click(History *h, UiState *ui, const Scene *sc, int x, int y);

#endif
