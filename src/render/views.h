/*
 * views.h: the panes, each a pure function of the state at the current
 * point (read through const pointers) and of the UI state, drawing into
 * its rectangle of the Scene.
 */
#ifndef PYMEMSIM_RENDER_VIEWS_H
#define PYMEMSIM_RENDER_VIEWS_H

#include <stddef.h>

#include "hist/history.h"
#include "render/scene.h"
#include "render/ui.h"

void view_source_build(const History *h, const UiState *ui, Rect r, Scene *sc);
void view_stack_build(const History *h, const UiState *ui, Rect r, Scene *sc);
void view_heap_build(const History *h, const UiState *ui, Rect r, Scene *sc);
void view_memory_build(const History *h, const UiState *ui, Rect r, Scene *sc);
void view_collector_build(const History *h, const UiState *ui, Rect r, Scene *sc);
void view_log_build(const History *h, const UiState *ui, Rect r, Scene *sc);
/* The lesson's narrative, checks and question (in the Log pane). */
void view_lesson_build(const History *h, const UiState *ui, Rect r, Scene *sc);

/* The objects the heap pane lists (handle order), from the skip-th;
 * up to max in rows, or with rows NULL the number there are. */
int view_heap_rows(const History *h, const UiState *ui, Handle *rows, int max, int skip);

/* describe.c: objects and events in words. */
/* A short value: "42", "'abc'", "len 3", "Node object", "f()". */
void describe_value(const Machine *m, Handle h, char *buf, size_t size);
/* "#12 list" */
void describe_object(const Machine *m, Handle h, char *buf, size_t size);
/* An event in words: "decref #12 list 2->1". */
void describe_event(const Sim *s, const Event *e, char *buf, size_t size);
/* An instruction with its argument resolved: "LOAD_NAME a". */
void describe_instruction(const Machine *m, Handle code, uint32_t index, char *buf, size_t size);

/* Is `to' among the references `from' holds? */
int refers_to(const Machine *m, Handle from, Handle to);

#endif
