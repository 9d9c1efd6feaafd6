/*
 * view_stack.c: the frames from the module's up, each with its locals
 * (name -> object) and its value stack.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "py/code.h"
#include "render/views.h"

/* One "name -> #12 list len 3" row. */
static void
binding(Scene *sc, Rect r, int y, const Machine *m, const UiState *ui, const char *name,
        Handle v, int changed)
{
    char obj[64], val[64];

    if (y < 0 || y >= r.h) {
        return;
    }
    int x = 2 + scene_printf(sc, r, 2, y, STYLE_NAME, NULL_HANDLE, "%s", name) + 1;
    x += scene_put(sc, r, x, y, sc->ascii ? "->" : "\u2192", STYLE_DIM, NULL_HANDLE);
    if (v == NULL_HANDLE) {
        scene_put(sc, r, x + 1, y, "(unbound)", STYLE_DIM, NULL_HANDLE);
        return;
    }
    describe_object(m, v, obj, sizeof obj);
    describe_value(m, v, val, sizeof val);
    int related = ui->selected != NULL_HANDLE && v != ui->selected && m_is_live(m, ui->selected)
                  && (refers_to(m, ui->selected, v) || refers_to(m, v, ui->selected));
    Style st = v == ui->selected ? STYLE_SELECTED : changed ? STYLE_CHANGED
             : related ? STYLE_RELATED : STYLE_HANDLE;
    if (v == ui->selected || related) {
        /* Marked with a symbol too, not by style alone. */
        scene_put(sc, r, 0, y, v == ui->selected ? ">" : "+", st, v);
    }
    int w = scene_printf(sc, r, x + 1, y, st, v, "%s", obj);
    scene_printf(sc, r, x + 2 + w, y, STYLE_DIM, v, "%s", val);
}

void
view_stack_build(const History *h, const UiState *ui, Rect r, Scene *sc)
{
    const Sim *s = history_current(h);
    const Machine *m = &s->m;
    int y = -ui->scroll[PANE_STACK];

    if (!s->started || m->nframes == 0) {
        scene_put(sc, r, 0, 0, s->started ? "(no frames: the program has ended)"
                                          : "(no frames yet: the program starts)",
                  STYLE_DIM, NULL_HANDLE);
        return;
    }
    const Event *e = sim_last(s);
    for (uint32_t i = 0; i < m->nframes; i++) {
        const Frame *f = &m->frames[i];
        const Code *c = f->code != NULL_HANDLE ? code_of(m, f->code) : NULL;
        if (y >= 0 && y < r.h) {
            scene_printf(sc, r, 0, y, i + 1 == m->nframes ? STYLE_CURRENT : STYLE_TITLE,
                         NULL_HANDLE, "%s frame %u: %s  line %u", i + 1 == m->nframes ? ">" : " ",
                         i, c != NULL ? c->qualname : "?", f->line);
        }
        y++;
        for (uint32_t k = 0; k < f->nlocals; k++) {
            int changed = e->kind == EV_BIND && e->frame == i && e->slot == k;
            binding(sc, r, y++, m, ui, c != NULL && k < c->nlocals ? c->varnames[k] : "?",
                    m->slots[f->base + k], changed);
        }
        if (f->locals != NULL_HANDLE && m_obj(m, f->locals)->type == T_DICT) {
            const Dict *d = m_obj(m, f->locals)->u.d;
            for (uint32_t k = 0; d != NULL && !d->split && k < d->nentries; k++) {
                Handle key = d->entries[2 * k];
                if (key == NULL_HANDLE || m_obj(m, key)->type != T_STR) {
                    continue;
                }
                const char *name = m_obj(m, key)->u.s.utf8;
                if (name == NULL || strncmp(name, "__", 2) == 0) {
                    continue;       /* the module's own dunder names */
                }
                int changed = e->kind == EV_STORE && e->obj == f->locals;
                binding(sc, r, y++, m, ui, name, d->entries[2 * k + 1],
                        changed && (Handle)e->b == d->entries[2 * k + 1]);
            }
        }
        if (f->sp > 0) {
            if (y >= 0 && y < r.h) {
                int x = scene_put(sc, r, 2, y, "stack:", STYLE_DIM, NULL_HANDLE) + 3;
                for (uint32_t k = 0; k < f->sp; k++) {
                    Handle v = m->slots[f->base + f->nlocals + k];
                    char obj[48];
                    describe_object(m, v, obj, sizeof obj);
                    Style st = v != NULL_HANDLE && v == ui->selected ? STYLE_SELECTED : STYLE_HANDLE;
                    x += scene_printf(sc, r, x, y, st, v, "[%s]", obj) + 1;
                }
            }
            y++;
        }
    }
    if (s->vm.exc == EXC_STOP && y >= 0 && y < r.h) {
        scene_printf(sc, r, 0, y, STYLE_ERROR, NULL_HANDLE, "! %s", s->vm.excmsg.s);
    } else if (s->vm.exc != EXC_NONE && y >= 0 && y < r.h) {
        scene_printf(sc, r, 0, y, STYLE_ERROR, NULL_HANDLE, "! %s: %s%s%s%s",
                     exc_names[s->vm.exc], s->vm.excmsg.s != NULL ? s->vm.excmsg.s : "",
                     s->vm.exchint.len ? ". Did you mean: '" : "",
                     s->vm.exchint.len ? s->vm.exchint.s : "", s->vm.exchint.len ? "'?" : "");
    }
}
