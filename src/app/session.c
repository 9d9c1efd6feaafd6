/*
 * session.c: opening a program or a lesson for a session, and the
 * lesson's progress as the history moves.
 *
 * A lesson runs once headless when it is opened (lesson_run): its
 * directives become firings, each at the point of the run where it
 * takes effect.  As the student moves, the firings between the furthest
 * point seen and the point reached take effect in order, so a lesson's
 * "show" and "step" apply once, on the way forward, whatever the moves.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/session.h"
#include "core/xalloc.h"

void
ui_lesson(History *h, UiState *ui, const Lesson *l, const LessonRun *r)
{
    ui->lesson = l;
    ui->run = r;
    free(ui->answers);
    ui->answers = xcalloc(r->n + 1, 1);
    for (size_t i = 0; i < l->ndirs; i++) {
        if (l->dirs[i].kind == DIR_BREAK && !history_is_break(h, (uint32_t)l->dirs[i].target)) {
            history_toggle_break(h, (uint32_t)l->dirs[i].target);
        }
    }
}

int
session_open(Session *s, const char *path, size_t cap, const VmLimits *lim)
{
    memset(s, 0, sizeof *s);
    if (lesson_is_lesson(path)) {
        char err[512];
        s->lesson = lesson_load(path, err, sizeof err);
        if (s->lesson == NULL) {
            if (err[0] != '\0') {
                fprintf(stderr, "pymemsim: %s\n", err);
            }
            return -1;
        }
        if (lesson_run(s->lesson, &s->run, lim) < 0) {
            lesson_free(s->lesson);
            return -1;
        }
    }
    s->h = xmalloc(sizeof *s->h);
    if (history_open(s->h, path, cap) < 0) {
        free(s->h);
        s->h = NULL;
        session_close(s);
        return -1;
    }
    if (lim != NULL) {
        history_set_limits(s->h, lim);
    }
    return 0;
}

int
session_open_quiet(Session *s, const char *path, size_t cap, const VmLimits *lim, char *msg,
                   size_t size)
{
    /* Errors go to stderr: catch them in a temporary file. */
    FILE *tmp = tmpfile();
    int saved = -1;

    if (tmp != NULL) {
        fflush(stderr);
        saved = dup(2);
        dup2(fileno(tmp), 2);
    }
    int r = session_open(s, path, cap, lim);
    if (tmp != NULL) {
        fflush(stderr);
        dup2(saved, 2);
        close(saved);
        rewind(tmp);
        if (fgets(msg, (int)size, tmp) == NULL) {
            msg[0] = '\0';
        }
        msg[strcspn(msg, "\n")] = '\0';
        fclose(tmp);
    }
    return r;
}

void
session_attach(Session *s, UiState *ui)
{
    if (s->lesson != NULL) {
        ui_lesson(s->h, ui, s->lesson, &s->run);
    }
}

void
session_close(Session *s)
{
    if (s->h != NULL) {
        history_close(s->h);
        free(s->h);
    }
    if (s->lesson != NULL) {
        lesson_run_done(&s->run);
        lesson_free(s->lesson);
    }
    memset(s, 0, sizeof *s);
}

void
ui_score(const UiState *ui, int *asked, int *right, int *total)
{
    *asked = *right = *total = 0;
    for (size_t i = 0; ui->run != NULL && i < ui->run->n; i++) {
        if (ui->lesson->dirs[ui->run->f[i].dir].kind != DIR_ASK) {
            continue;
        }
        (*total)++;
        *asked += ui->answers[i] != 0;
        *right += ui->answers[i] == 1;
    }
}

/* After a move: the lesson's directives between the furthest point seen
 * and here take effect (show, step), and a question at this very point
 * is asked if it has not been. */
static void
lesson_arrive(const History *h, UiState *ui)
{
    const Sim *s = history_current(h);
    uint64_t seq = s->pos.seq;

    ui->feedback = -1;
    if (ui->lesson == NULL) {
        return;
    }
    for (size_t i = 0; i < ui->run->n; i++) {
        const Firing *f = &ui->run->f[i];
        const Directive *d = &ui->lesson->dirs[f->dir];
        if (f->seq > ui->seen && f->seq <= seq) {
            if (d->kind == DIR_SHOW) {
                if (d->arg < 0) {
                    ui->maximised = -1;
                } else {
                    ui->focus = (PaneId)d->arg;
                    ui->maximised = d->arg;
                }
            }
        }
        if (f->seq == seq && d->kind == DIR_ASK && ui->answers[i] == 0 && ui->asking < 0) {
            ui->asking = (long)i;
            ui->answer[0] = '\0';
        }
    }
    if (seq > ui->seen) {
        ui->seen = seq;
    }
    if (sim_last(s)->kind == EV_END && !ui->completed) {
        ui->completed = 1;
    }
}

/* The step size a lesson set last before the current point. */
static void
lesson_step_size(History *h, const UiState *ui, uint64_t from, uint64_t to)
{
    for (size_t i = 0; ui->lesson != NULL && i < ui->run->n; i++) {
        const Firing *f = &ui->run->f[i];
        const Directive *d = &ui->lesson->dirs[f->dir];
        if (d->kind == DIR_STEP && f->seq > from && f->seq <= to) {
            h->size = (StepSize)d->arg;
        }
    }
}

void
ui_moved(History *h, UiState *ui, uint64_t from)
{
    lesson_step_size(h, ui, from, history_current(h)->pos.seq);
    lesson_arrive(h, ui);
}
