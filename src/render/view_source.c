/*
 * view_source.c: the program, the current line marked, breakpoints, and
 * the instruction about to run beside the current line.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "render/views.h"

/* The current instruction of the innermost frame, if any. */
static int
current_instruction(const Sim *s, Handle *code, uint32_t *index)
{
    const Frame *f = s->started ? m_frame(&s->m) : NULL;

    if (f == NULL || f->code == NULL_HANDLE) {
        return 0;
    }
    *code = f->code;
    *index = f->ip == 0 ? 0 : f->lasti;
    return 1;
}

void
view_source_build(const History *h, const UiState *ui, Rect r, Scene *sc)
{
    const Sim *s = history_current(h);
    const Program *p = h->prog;
    uint32_t cur = history_line(h);
    /* Which file lines are shown: the scroll position, or around the
     * current line when the student has not scrolled. */
    int top = ui->scroll[PANE_SOURCE];
    if (top <= 0 && cur > 0 && (int)cur > r.h / 2) {
        top = (int)cur - r.h / 2;
    }
    if (top < 0) {
        top = 0;
    }
    const char *line = p->src, *end = p->src + p->srclen;
    int no = 1;
    while (no <= top && line < end) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        line = nl != NULL ? nl + 1 : end;
        no++;
    }
    const char *mark = sc->ascii ? ">" : "\u25b6";
    const char *bp = sc->ascii ? "*" : "\u25cf";
    for (int y = 0; y < r.h && line < end; y++, no++) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t n = nl != NULL ? (size_t)(nl - line) : (size_t)(end - line);
        char text[512];
        if (n >= sizeof text) {
            n = sizeof text - 1;
        }
        memcpy(text, line, n);
        text[n] = '\0';
        for (char *t = text; *t != '\0'; t++) {
            if (*t == '\t' || *t == '\r') {
                *t = ' ';
            }
        }
        int is_cur = (uint32_t)no == cur;
        Style st = is_cur ? STYLE_CURRENT : STYLE_NORMAL;
        if (ui->lesson != NULL) {
            /* A lesson's comments: narrative dimmed (the lesson pane shows
             * it), and an ask without its answer. */
            const char *t = text;
            while (*t == ' ') {
                t++;
            }
            if (t[0] == '#' && (t[1] == ':' || t[1] == '@')) {
                st = STYLE_DIM;
            }
            if (strncmp(t, "#@ ask \"", 8) == 0) {
                char *q = strchr(t + 8, '"');
                if (q != NULL) {
                    q[1] = '\0';
                }
            } else if (strncmp(t, "#@ expect ", 10) == 0) {
                strcpy((char *)t + 10, "...");  /* the checks show in the lesson pane */
            }
        }
        if (history_is_break(h, (uint32_t)no)) {
            scene_put(sc, r, 0, y, bp, STYLE_BREAK, NULL_HANDLE);
        }
        if (is_cur) {
            scene_put(sc, r, 1, y, mark, STYLE_CURRENT, NULL_HANDLE);
        }
        scene_printf(sc, r, 2, y, is_cur ? STYLE_CURRENT : STYLE_LINENO, NULL_HANDLE, "%3d ", no);
        int w = scene_put(sc, r, 6, y, text, st, NULL_HANDLE);
        Handle code;
        uint32_t index;
        if (is_cur && current_instruction(s, &code, &index)) {
            char ins[96];
            describe_instruction(&s->m, code, index, ins, sizeof ins);
            char buf[128];
            snprintf(buf, sizeof buf, "%s %u %s", sc->ascii ? "<-" : "\u25c0", index, ins);
            int x = 6 + w + 3;
            if (x + text_width(buf) > r.w) {
                x = r.w - text_width(buf);
            }
            if (x > 6 + w) {
                scene_put(sc, r, x, y, buf, STYLE_OPCODE, NULL_HANDLE);
            }
        }
        line = nl != NULL ? nl + 1 : end;
    }
}
