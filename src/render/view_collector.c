/*
 * view_collector.c: the three generations with counts and thresholds,
 * the phase of a collection under way, the last collection's result.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>

#include "render/views.h"
#include "sim/gc.h"

static const char *const phase_words[GC_NPHASES] = {
    "a collection starts",
    "gc_refs = refcount for each object examined",
    "subtract the references between them",
    "objects with gc_refs > 0, and what they reach, are reachable",
    "atomic tuples leave the collector",
    "survivors move to the next generation",
    "weak references to garbage are cleared",
    "__del__ of garbage runs (once)",
    "objects a finalizer revived survive",
    "the garbage is cleared and freed",
    "the free lists are emptied",
    "the collection is over",
};

void
view_collector_build(const History *h, const UiState *ui, Rect r, Scene *sc)
{
    const Machine *m = &history_current(h)->m;
    int y = -ui->scroll[PANE_COLLECTOR];

    (void)ui;
    for (int g = 0; g < NGENERATIONS; g++, y++) {
        const GcGen *gg = &m->gen[g];
        int x = scene_printf(sc, r, 0, y, STYLE_NAME, NULL_HANDLE, "gen%d", g);
        Style st = gg->count >= gg->threshold ? STYLE_CHANGED : STYLE_NUMBER;
        x += scene_printf(sc, r, x + 1, y, st, NULL_HANDLE, "count %" PRId64 "/%" PRId64, gg->count,
                          gg->threshold) + 1;
        scene_printf(sc, r, x + 1, y, STYLE_DIM, NULL_HANDLE, "%" PRIu64 " objects", gg->len);
        /* A bar of count against threshold. */
        int bw = r.w - 2;
        if (bw > 0 && gg->threshold > 0 && y + 1 < r.h) {
            y++;
            int filled = (int)((gg->count > gg->threshold ? gg->threshold : gg->count) * bw
                               / gg->threshold);
            for (int i = 0; i < bw; i++) {
                scene_char(sc, r, 1 + i, y, i < filled ? (sc->ascii ? '#' : 0x2588)
                                                       : (sc->ascii ? '.' : 0x00b7),
                           i < filled ? STYLE_POOL_USED : STYLE_DIM, NULL_HANDLE);
            }
        }
    }
    if (m->gen[GEN_PERMANENT].len > 0) {
        scene_printf(sc, r, 0, y++, STYLE_DIM, NULL_HANDLE, "permanent: %" PRIu64 " objects (frozen)",
                     m->gen[GEN_PERMANENT].len);
    }
    scene_printf(sc, r, 0, y++, m->gc_enabled ? STYLE_NORMAL : STYLE_CHANGED, NULL_HANDLE,
                 "automatic: %s", m->gc_enabled ? "on" : "OFF (gc.disable)");
    if (m->gc_collecting) {
        int p = m->gc_phase >= 0 && m->gc_phase < GC_NPHASES ? m->gc_phase : 0;
        scene_printf(sc, r, 0, y++, STYLE_CURRENT, NULL_HANDLE, "> collecting gen%d",
                     m->gc_generation);
        scene_printf(sc, r, 2, y++, STYLE_CURRENT, NULL_HANDLE, "phase: %s", gc_phase_names[p]);
        y += scene_wrap(sc, r, 2, y, phase_words[p], STYLE_NORMAL);
        if (m->gen[GC_UNREACHABLE].len > 0) {
            scene_printf(sc, r, 2, y++, STYLE_UNREACH, NULL_HANDLE, "unreachable: %" PRIu64 " objects",
                         m->gen[GC_UNREACHABLE].len);
        }
    } else {
        scene_put(sc, r, 0, y++, "not collecting", STYLE_DIM, NULL_HANDLE);
    }
    if (m->gc_last_generation >= 0) {
        scene_printf(sc, r, 0, y++, STYLE_NORMAL, NULL_HANDLE,
                     "last: gen%d, %" PRId64 " collected", m->gc_last_generation,
                     m->gc_last_collected);
    }
    scene_printf(sc, r, 0, y, STYLE_DIM, NULL_HANDLE, "collections %" PRIu64 "/%" PRIu64 "/%" PRIu64,
                 m->gc_collections[0], m->gc_collections[1], m->gc_collections[2]);
}
