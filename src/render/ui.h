/*
 * ui.h: what the student has chosen to see, as opposed to the state of
 * the machine: which panes, which one has focus, scroll positions, the
 * selected object, the memory map's zoom, the theme, and how far an
 * open lesson has got.  The views read it; keys and clicks
 * (app/control.h) and the lesson's progress (app/session.h) change it.
 */
#ifndef PYMEMSIM_RENDER_UI_H
#define PYMEMSIM_RENDER_UI_H

#include "hist/history.h"
#include "hist/keys.h"
#include "lesson/lesson.h"
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

    /* A lesson, when one is open (ui_lesson). */
    const Lesson *lesson;
    const LessonRun *run;
    uint8_t *answers;          /* by firing: 0 not asked, 1 right, 2 wrong, 3 skipped */
    long asking;               /* the ask firing being asked, or -1 */
    char answer[64];           /* what the student has typed */
    long feedback;             /* the ask firing last answered, or -1 */
    uint64_t seen;             /* the furthest point reached */
    int completed;             /* the end was reached: the summary shows */
    int summary_closed;
} UiState;

void ui_init(UiState *ui);
void ui_done(UiState *ui);

/* Draw everything into sc (already sized to the terminal). */
void ui_draw(const History *h, UiState *ui, Scene *sc);

#endif
