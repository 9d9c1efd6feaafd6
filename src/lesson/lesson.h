/*
 * lesson.h: lessons (pymemsim-lesson(5)): a Python program whose
 * comments carry a header, narrative and directives.
 *
 * lesson_load reads and checks a lesson completely before anything runs:
 * every mistake is one message `FILE:LINE:COL: what is wrong'.
 * lesson_run then runs the program headless once and records where each
 * narrative and directive takes effect (its point, numbered as the
 * history numbers points) and what each expression was there, so that
 * `pymemsim check' can report the expects that fail and the session can
 * show narrative and ask questions as the student steps to those points.
 */
#ifndef PYMEMSIM_LESSON_LESSON_H
#define PYMEMSIM_LESSON_LESSON_H

#include <stddef.h>
#include <stdint.h>

#include "hist/history.h"

typedef struct Expr Expr;

typedef enum {
    DIR_NARRATIVE,             /* text: the paragraph(s) */
    DIR_PAUSE, DIR_EXPECT, DIR_ASK, DIR_SHOW, DIR_STEP, DIR_BREAK, DIR_LABEL
} DirKind;

typedef struct Directive {
    DirKind kind;
    int line, col;             /* where it is written */
    int target;                /* the statement's line */
    int after;                 /* written after the statement: takes effect
                                * when it has run */
    Expr *expr;                /* expect, ask */
    char *text;                /* narrative, question, pane, label name, the
                                * expression's source */
    char *because;             /* ask: the explanation, or NULL */
    int arg;                   /* show: pane (-1 all); step: StepSize */
    char *var;                 /* label: the variable */
} Directive;

typedef struct Lesson {
    char *path;
    char *id;                  /* the file name without .py */
    char *title, *summary, *prereq, *intro;
    int level;
    Directive *dirs;
    size_t ndirs;
} Lesson;

/* A value of an expression. */
typedef enum { VAL_INT, VAL_BOOL, VAL_STR, VAL_ERROR } ValKind;
typedef struct Value {
    ValKind kind;
    int64_t i;                 /* int, bool */
    char *s;                   /* str, or the error's message (owned) */
} Value;

/* Where a directive took effect, and what its expression was there. */
typedef struct Firing {
    uint64_t seq;              /* the point (hist/history.h) */
    uint32_t dir;              /* index in Lesson.dirs */
    Value value;
    char *why;                 /* the values of its calls, or NULL (owned) */
} Firing;

typedef struct LessonRun {
    Firing *f;                 /* in point order */
    size_t n, cap;
    uint64_t end;              /* the last point */
    int status;                /* the program's: 0, 1 if it failed, 2
                                * if it was stopped */
    uint64_t ninstr;           /* instructions it ran */
    uint64_t verify_failures;  /* under VmLimits.verify: changes made
                                * outside a primitive (machine.h) */
} LessonRun;

/* Load and check a lesson: NULL with `FILE:LINE:COL: message' in err. */
Lesson *lesson_load(const char *path, char *err, size_t errsize);
void lesson_free(Lesson *l);
/* Load only the header (for the menu): 0, or -1 with err; then
 * lesson_header_done(l). */
int lesson_header(const char *path, Lesson *l, char *err, size_t errsize);
void lesson_header_done(Lesson *l);

/* Is the file at path a lesson (its first line that is not blank starts
 * with "#:")?  Plain programs open as they are. */
int lesson_is_lesson(const char *path);

/* Run the lesson's program headless under lim (NULL: the defaults of
 * py/vm.h) and record the firings.  r->status is 2 when the budget or
 * the poll stopped it (r->msg says so). */
int lesson_run(const Lesson *l, LessonRun *r, const VmLimits *lim);
void lesson_run_done(LessonRun *r);

/* Print every failing expect as `FILE:LINE:COL: ...' to fp; the number. */
int lesson_report(const Lesson *l, const LessonRun *r, FILE *fp);

/* A value as text ("3", "True", "'abc'"). */
void value_text(const Value *v, char *buf, size_t size);
/* Does the student's answer equal v? */
int value_matches(const Value *v, const char *answer);

/* Lessons installed: PYMEMSIM_LESSONS, XDG data dirs, the package's. */
typedef struct LessonList {
    char **paths;
    size_t n, cap;
} LessonList;
void lessons_find(LessonList *ll);
void lessons_list_done(LessonList *ll);

/* Progress, kept in $XDG_DATA_HOME/pymemsim/progress.  progress_get:
 * 1 if the lesson id is done, with the questions answered right of
 * those asked; 0 if not.  progress_set records it done (the file is
 * replaced atomically): 0, or -1 with a one-line message in err. */
int progress_get(const char *id, int *right, int *total);
int progress_set(const char *id, int right, int total, char *err, size_t errsize);

#endif
