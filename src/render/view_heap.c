/*
 * view_heap.c: the live objects, one a row: handle, type, address, size,
 * reference count, generation, then what it refers to and its value.
 * The object the last event changed is marked with the change; the
 * selected object, what it refers to and what refers to it are marked
 * (with a symbol as well as a style).  During a collection a gc_refs
 * column appears, and the objects on the unreachable list are marked.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/views.h"
#include "sim/gc.h"

/* Is h on the collector's unreachable list? */
static int
unreachable(const Machine *m, Handle h)
{
    const Object *o = m_obj(m, h);
    return (o->flags & OF_TRACKED) && o->gen == GC_UNREACHABLE;
}

/* The change the last event made to h, in a few words, or "". */
static void
change_of(const Event *e, Handle h, char *buf, size_t size)
{
    buf[0] = '\0';
    if (e->kind == EV_COUNT || e->obj != h || e->kind == EV_LINE || e->kind == EV_INSTR) {
        return;             /* markers name the running function, not a change */
    }
    switch ((EventKind)e->kind) {
    case EV_INCREF:
    case EV_DECREF:
        snprintf(buf, size, "rc %" PRId64 "->%" PRId64, e->a, e->b);
        break;
    case EV_ALLOC:
        snprintf(buf, size, "new");
        break;
    case EV_GC_REFS:
        snprintf(buf, size, "gc_refs %" PRId64 "->%" PRId64, e->a, e->b);
        break;
    case EV_STORE:
        snprintf(buf, size, "slot %u set", e->slot);
        break;
    default:
        snprintf(buf, size, "%s", event_names[e->kind]);
        break;
    }
}

/* The objects the pane lists: the program's own first, then the
 * compiler's (constants, code objects, names), each in handle order;
 * the interpreter's own only when asked for (s), last.  From the
 * skip-th on, up to max of them in rows (rows may be NULL to count).
 * Returns how many were stored, or with rows NULL, how many there are. */
/* 0 the program's, 1 the compiler's, 2 the interpreter's own. */
static int
tier(const History *h, const Machine *m, Handle x)
{
    return history_is_startup(h, m, x) ? 2 : history_is_constant(h, m, x) ? 1 : 0;
}

int
view_heap_rows(const History *h, const UiState *ui, Handle *rows, int max, int skip)
{
    const Machine *m = &history_current(h)->m;
    int n = 0, seen = 0;

    for (int pass = 0; pass < 3; pass++) {
        if (pass == 2 && !ui->statics) {
            break;
        }
        for (Handle x = 1; x < m->nobjs; x++) {
            const Object *o = m_obj(m, x);
            if (!(o->flags & OF_LIVE)) {
                continue;
            }
            if (tier(h, m, x) != pass) {
                continue;
            }
            if (rows == NULL) {
                n++;
                continue;
            }
            if (seen++ < skip) {
                continue;
            }
            if (n == max) {
                return n;
            }
            rows[n++] = x;
        }
    }
    return n;
}

/* The row of x in the pane's list, or -1. */
static int
heap_row_of(const History *h, const UiState *ui, Handle x)
{
    const Machine *m = &history_current(h)->m;
    int tx = tier(h, m, x);
    int index = 0;

    if (tx == 2 && !ui->statics) {
        return -1;
    }
    for (int pass = 0; pass <= tx; pass++) {
        for (Handle y = 1; y < m->nobjs && !(pass == tx && y == x); y++) {
            index += (m_obj(m, y)->flags & OF_LIVE) && tier(h, m, y) == pass;
        }
    }
    return index;
}

void
view_heap_build(const History *h, const UiState *ui, Rect r, Scene *sc)
{
    const Sim *s = history_current(h);
    const Machine *m = &s->m;
    int gc = m->gc_collecting;
    Handle rows[512];
    Referents refs = {NULL, 0, 0};

    if (r.h < 2) {
        return;
    }
    int total = view_heap_rows(h, ui, NULL, 0, 0);
    scene_printf(sc, r, 0, 0, STYLE_TITLE, NULL_HANDLE, "  %-7s %-10s %-14s %5s %5s %-4s %s%s", "handle",
                 "type", "address", "size", "refs", "gen", gc ? "gc_refs " : "",
                 "referents / value");
    /* Not scrolled by hand: keep the object the last event changed in
     * view (the window ends at it when it is further down). */
    int page = r.h - 1 < 512 ? r.h - 1 : 512;
    int skip = ui->scroll[PANE_HEAP];
    Handle changed = sim_last(s)->kind != EV_COUNT ? sim_last(s)->obj : NULL_HANDLE;
    if (skip == 0 && changed != NULL_HANDLE && changed < m->nobjs && m_is_live(m, changed)
        && ui->focus != PANE_HEAP) {
        int index = heap_row_of(h, ui, changed);
        if (index >= page) {
            skip = index - page + 1;
        }
    }
    int n = view_heap_rows(h, ui, rows, page, skip);
    for (int i = 0; i < n; i++) {
        Handle x = rows[i];
        const Object *o = m_obj(m, x);
        int y = i + 1;
        char gen[8], change[48];
        if (!(o->flags & OF_TRACKED)) {
            snprintf(gen, sizeof gen, "-");
        } else if (o->gen < NGENERATIONS) {
            snprintf(gen, sizeof gen, "g%d", o->gen);
        } else if (o->gen == GEN_PERMANENT) {
            snprintf(gen, sizeof gen, "perm");
        } else if (o->gen == GC_UNREACHABLE) {
            snprintf(gen, sizeof gen, "unr");
        } else {
            snprintf(gen, sizeof gen, "gc");
        }
        change_of(sim_last(s), x, change, sizeof change);
        int selected = x == ui->selected;
        int related = !selected && ui->selected != NULL_HANDLE && m_is_live(m, ui->selected)
                      && (refers_to(m, ui->selected, x) || refers_to(m, x, ui->selected));
        int cursor = ui->focus == PANE_HEAP && skip + i == ui->cursor[PANE_HEAP];
        Style st = selected ? STYLE_SELECTED : change[0] ? STYLE_CHANGED : related ? STYLE_RELATED
                 : STYLE_NORMAL;
        /* The marker column: > selected, + related, * changed, ! unreachable. */
        const char *mark = selected ? ">" : related ? "+" : change[0] ? "*" : gc && unreachable(m, x)
                         ? "!" : " ";
        scene_put(sc, r, 0, y, cursor ? "\u2023" : " ", STYLE_FOCUS, x);
        if (sc->ascii && cursor) {
            scene_put(sc, r, 0, y, ":", STYLE_FOCUS, x);
        }
        scene_put(sc, r, 1, y, mark, st, x);
        int xx = 2;
        xx += scene_printf(sc, r, xx, y, st == STYLE_NORMAL ? STYLE_HANDLE : st, x, "#%-6u", x) + 1;
        xx += scene_printf(sc, r, xx, y, st == STYLE_NORMAL ? STYLE_TYPE : st, x, "%-10.10s",
                           m_type_name(m, x)) + 1;
        xx += scene_printf(sc, r, xx, y, st, x, "%#-14" PRIx64, o->addr) + 1;
        xx += scene_printf(sc, r, xx, y, st, x, "%5zu", m_sizeof(m, x)) + 1;
        if (o->flags & OF_STATIC) {
            xx += scene_put(sc, r, xx, y, "  big", st, x) + 1;
        } else {
            xx += scene_printf(sc, r, xx, y, st, x, "%5" PRId64, o->refcnt) + 1;
        }
        xx += scene_printf(sc, r, xx, y, st, x, "%-4s", gen) + 1;
        if (gc) {
            Style gs = unreachable(m, x) ? STYLE_UNREACH : (o->flags & OF_COLLECTING) ? STYLE_REACH
                     : STYLE_DIM;
            xx += scene_printf(sc, r, xx, y, gs, x, "%-7" PRId32, o->gc_refs) + 1;
        }
        if (change[0]) {
            xx += scene_printf(sc, r, xx, y, STYLE_CHANGED, x, "[%s]", change) + 1;
        }
        /* Referents, as many as fit, then the value. */
        char val[64];
        describe_value(m, x, val, sizeof val);
        if (val[0]) {
            xx += scene_printf(sc, r, xx, y, STYLE_DIM, x, "%s", val) + 1;
        }
        m_referents(m, x, m_traverse, &refs);
        for (uint32_t k = 0; k < refs.n && k < 16 && xx < r.w; k++) {
            Style vs = refs.v[k] == ui->selected ? STYLE_SELECTED : STYLE_HANDLE;
            xx += scene_printf(sc, r, xx, y, vs, refs.v[k], "#%u", refs.v[k]) + 1;
        }
        if (refs.n > 16 && xx < r.w) {
            scene_put(sc, r, xx, y, "...", STYLE_DIM, x);
        }
    }
    free(refs.v);
    if (total > n) {
        char more[48];
        snprintf(more, sizeof more, " %d-%d of %d ", skip + 1, skip + n, total);
        Rect top = {r.x, r.y - 1, r.w, 1};
        scene_put(sc, top, r.w - text_width(more) - 1, 0, more, STYLE_TITLE, NULL_HANDLE);
    }
    if (total == 0) {
        scene_put(sc, r, 2, 1, ui->statics ? "(no objects)" : "(no objects of the program yet; "
                  "s shows the interpreter's own)", STYLE_DIM, NULL_HANDLE);
    }
}
