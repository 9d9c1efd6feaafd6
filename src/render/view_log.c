/*
 * view_log.c: the output so far, and the recent events in words, the
 * newest last.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "render/views.h"

void
view_log_build(const History *h, const UiState *ui, Rect r, Scene *sc)
{
    const Sim *s = history_current(h);
    const Machine *m = &s->m;

    (void)ui;
    if (r.h <= 0 || r.w <= 0) {
        return;
    }
    /* The left part: the last lines of output; the right: events. */
    int ow = r.w / 3;
    Rect out = {r.x, r.y, ow, r.h};
    Rect ev = {r.x + ow + 1, r.y, r.w - ow - 1, r.h};
    for (int y = 0; y < r.h; y++) {
        scene_char(sc, r, ow, y, sc->ascii ? '|' : 0x2502, STYLE_BORDER, NULL_HANDLE);
    }
    /* Output: count lines back from the end. */
    size_t len = m->outlen;
    const char *text = m->out != NULL ? m->out : "";
    int nlines = 0;
    size_t start = len;
    if (len > 0 && text[len - 1] == '\n') {
        start = len - 1;
    }
    while (start > 0 && nlines < r.h - 1) {
        start--;
        if (text[start] == '\n') {
            nlines++;
        }
    }
    if (start > 0 || (start == 0 && len > 0 && text[0] == '\n')) {
        start++;
    }
    scene_put(sc, out, 0, 0, "output", STYLE_TITLE, NULL_HANDLE);
    int y = 1;
    for (size_t i = start; i < len && y < r.h; y++) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl != NULL ? (size_t)(nl - (text + i)) : len - i;
        char buf[256];
        if (n >= sizeof buf) {
            n = sizeof buf - 1;
        }
        memcpy(buf, text + i, n);
        buf[n] = '\0';
        scene_put(sc, out, 0, y, buf, STYLE_OUTPUT, NULL_HANDLE);
        i += n + 1;
    }
    if (s->vm.errtext.len > 0 && y < r.h) {
        scene_put(sc, out, 0, y, "(stderr in the log)", STYLE_ERROR, NULL_HANDLE);
    }
    /* Events: the newest at the bottom. */
    uint64_t seq = s->pos.seq;
    int rows = r.h;
    uint64_t n = seq < (uint64_t)rows ? seq : (uint64_t)rows;
    if (n > SIM_RECENT) {
        n = SIM_RECENT;
    }
    for (uint64_t k = 0; k < n; k++) {
        uint64_t q = seq - n + 1 + k;
        const Event *e = &s->recent[(q - 1) % SIM_RECENT];
        char buf[200];
        describe_event(s, e, buf, sizeof buf);
        Style st = q == seq ? STYLE_CHANGED : e->kind == EV_LINE ? STYLE_TITLE : STYLE_NORMAL;
        int x = scene_printf(sc, ev, 0, (int)k + rows - (int)n, STYLE_DIM, NULL_HANDLE, "%7" PRIu64 " ", q);
        scene_put(sc, ev, x, (int)k + rows - (int)n, buf, st, e->obj);
    }
    if (seq == 0) {
        scene_put(sc, ev, 0, 0, "(nothing has happened yet: press n to step)", STYLE_DIM, NULL_HANDLE);
    }
}
