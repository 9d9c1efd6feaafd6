/*
 * session.h: a program or lesson opened for stepping through, and the
 * lesson's progress as the student moves: directives that take effect,
 * questions asked, the score.
 *
 * The history (hist/history.h) is where the program is; the UiState
 * (render/ui.h) is what the student sees of it and, for a lesson, how
 * far the lesson has got.  The functions here change them both; the
 * views only read them.
 */
#ifndef PYMEMSIM_APP_SESSION_H
#define PYMEMSIM_APP_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "hist/history.h"
#include "lesson/lesson.h"
#include "render/ui.h"

/* A program or lesson opened for a session: the history, and the lesson
 * with its run when the file is one. */
typedef struct Session {
    History *h;
    Lesson *lesson;
    LessonRun run;
} Session;

/* Open path; the limits (NULL: the defaults) apply to the lesson's
 * headless run and to the history.  0, or -1 after a message
 * (`pymemsim: FILE:LINE:COL: ...') on stderr. */
int session_open(Session *s, const char *path, size_t cap, const VmLimits *lim);
/* The same with the first line of the message in msg instead (for the
 * menu, while the terminal is in curses mode). */
int session_open_quiet(Session *s, const char *path, size_t cap, const VmLimits *lim,
                       char *msg, size_t size);
/* Show s in ui: its lesson, if it has one (ui_lesson). */
void session_attach(Session *s, UiState *ui);
void session_close(Session *s);

/* Open a lesson in the session: its narrative replaces the log's left
 * part, its questions are asked as the student steps onto them, its
 * breakpoints are set.  l and r must outlive ui. */
void ui_lesson(History *h, UiState *ui, const Lesson *l, const LessonRun *r);

/* After a move (from the point numbered from): the lesson's directives
 * passed take effect (show, step) and a question at the point reached
 * is asked.  The keys (app/control.h) call it after their moves; call
 * it after a move made otherwise. */
void ui_moved(History *h, UiState *ui, uint64_t from);

/* Questions of the lesson: asked, right, and how many there are. */
void ui_score(const UiState *ui, int *asked, int *right, int *total);

#endif
