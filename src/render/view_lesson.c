/*
 * view_lesson.c: a lesson's narrative for the current statement, the
 * checks that hold there, and the question being asked or just answered.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "render/views.h"

/* The last firing at or before seq of a directive of kind k, or -1. */
static long
last_firing(const UiState *ui, uint64_t seq, DirKind k)
{
    long found = -1;

    for (size_t i = 0; i < ui->run->n && ui->run->f[i].seq <= seq; i++) {
        if (ui->lesson->dirs[ui->run->f[i].dir].kind == k) {
            found = (long)i;
        }
    }
    return found;
}

void
view_lesson_build(const History *h, const UiState *ui, Rect r, Scene *sc)
{
    const Lesson *l = ui->lesson;
    const Sim *s = history_current(h);
    uint64_t seq = s->pos.seq;
    int y = 0;

    y += scene_wrap(sc, r, 0, y, l->title, STYLE_TITLE);
    long nf = last_firing(ui, seq, DIR_NARRATIVE);
    const char *text = nf >= 0 ? l->dirs[ui->run->f[nf].dir].text : l->intro;
    if (seq == 0 || nf < 0) {
        text = l->intro[0] ? l->intro : l->summary;
    }
    /* Paragraphs are separated by blank lines in the text. */
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", text);
    for (char *p = buf; p != NULL && y < r.h;) {
        char *nl = strstr(p, "\n\n");
        if (nl != NULL) {
            *nl = '\0';
        }
        y += scene_wrap(sc, r, 0, y, p, STYLE_NORMAL);
        p = nl != NULL ? nl + 2 : NULL;
    }
    /* Checks at this very point (after the question, not to give the
     * answer away). */
    for (size_t i = 0; ui->asking < 0 && i < ui->run->n && y < r.h; i++) {
        const Firing *f = &ui->run->f[i];
        const Directive *d = &l->dirs[f->dir];
        if (f->seq != seq || d->kind != DIR_EXPECT) {
            continue;
        }
        int ok = f->value.kind == VAL_BOOL && f->value.i;
        char line[256];
        snprintf(line, sizeof line, "%s %s", ok ? (sc->ascii ? "[ok]" : "\u2714") : (sc->ascii ? "[no]" : "\u2718"),
                 d->text);
        y += scene_wrap(sc, r, 0, y, line, ok ? STYLE_REACH : STYLE_ERROR);
    }
    /* The question. */
    long q = ui->asking >= 0 ? ui->asking : ui->feedback;
    if (q >= 0 && y < r.h) {
        const Firing *f = &ui->run->f[q];
        const Directive *d = &l->dirs[f->dir];
        char line[512];
        snprintf(line, sizeof line, "? %s", d->text);
        y += scene_wrap(sc, r, 0, y, line, STYLE_KEY);
        if (ui->asking >= 0) {
            snprintf(line, sizeof line, "  your answer: %s_   (Enter to answer, Esc to skip)",
                     ui->answer);
            scene_wrap(sc, r, 0, y, line, STYLE_CURRENT);
        } else {
            char val[160];
            value_text(&f->value, val, sizeof val);
            int state = ui->answers[q];
            snprintf(line, sizeof line, "%s %s is %s.%s%s",
                     state == 1 ? "Right:" : state == 2 ? "Not quite:" : "Skipped:", d->var, val,
                     d->because ? " " : "", d->because ? d->because : "");
            scene_wrap(sc, r, 0, y, line, state == 1 ? STYLE_REACH : STYLE_ERROR);
        }
    }
}
