/*
 * describe.c: objects, events and instructions in words, for the views.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "py/code.h"
#include "py/vm.h"
#include "render/views.h"
#include "sim/gc.h"

static const char *
str_text(const Machine *m, Handle h)
{
    return m_obj(m, h)->type == T_STR && m_obj(m, h)->u.s.utf8 != NULL ? m_obj(m, h)->u.s.utf8 : "?";
}

void
describe_value(const Machine *m, Handle h, char *buf, size_t size)
{
    const Object *o = m_obj(m, h);

    if (o->type == T_CODE) {
        /* The program behind a code object is src/py's. */
        snprintf(buf, size, "code %s",
                 o->u.code.code != NULL ? ((const Code *)o->u.code.code)->qualname : "?");
        return;
    }
    m_describe(m, h, buf, size);
}

void
describe_object(const Machine *m, Handle h, char *buf, size_t size)
{
    if (h == NULL_HANDLE) {
        snprintf(buf, size, "NULL");
    } else if (h >= m->nobjs || !(m_obj(m, h)->flags & OF_LIVE)) {
        snprintf(buf, size, "#%u", h);
    } else {
        snprintf(buf, size, "#%u %s", h, m_type_name(m, h));
    }
}

static const char *
list_name(int64_t l)
{
    static const char *const names[GC_NLISTS] = {"gen0", "gen1", "gen2", "permanent",
                                                 "unreachable", "weakref callbacks",
                                                 "finalized", "still unreachable"};
    return l >= 0 && l < GC_NLISTS ? names[l] : "none";
}

void
describe_event(const Sim *s, const Event *e, char *buf, size_t size)
{
    const Machine *m = &s->m;
    char o[64];

    describe_object(m, e->obj, o, sizeof o);
    switch ((EventKind)e->kind) {
    case EV_ALLOC:
        snprintf(buf, size, "alloc %s at %#" PRIx64 ", %" PRId64 " bytes", o, (uint64_t)e->a, e->b);
        break;
    case EV_FREE:
        snprintf(buf, size, "free #%u: block %#" PRIx64 " back to its pool", e->obj,
                 (uint64_t)e->a);
        break;
    case EV_INCREF:
    case EV_DECREF:
        snprintf(buf, size, "%s %s: %" PRId64 " -> %" PRId64 "%s", event_names[e->kind], o, e->a,
                 e->b, e->kind == EV_DECREF && e->b == 0 ? ", no references left" : "");
        break;
    case EV_DEALLOC:
        snprintf(buf, size, "dealloc %s: releases what it refers to", o);
        break;
    case EV_STORE:
        snprintf(buf, size, "store into %s slot %u: #%" PRId64 " -> #%" PRId64, o, e->slot, e->a,
                 e->b);
        break;
    case EV_STORAGE:
        snprintf(buf, size, "%s of %s: %#" PRIx64 " -> %#" PRIx64 ", %" PRIu64 " bytes",
                 heap_role_name(e->role), o, (uint64_t)e->a, (uint64_t)e->b, e->c);
        break;
    case EV_BIND:
        snprintf(buf, size, "bind frame %u local %u: #%" PRId64 " -> #%" PRId64, e->frame, e->slot,
                 e->a, e->b);
        break;
    case EV_PUSH:
    case EV_POP:
        snprintf(buf, size, "%s #%" PRId64 " (stack depth %" PRId64 ")", event_names[e->kind],
                 e->a, e->b);
        break;
    case EV_SWAP:
        snprintf(buf, size, "swap: #%" PRId64 " on top, #%" PRId64 " item %u", e->a, e->b, e->slot);
        break;
    case EV_FRAME_PUSH:
        snprintf(buf, size, "push frame %u at %#" PRIx64, e->frame, (uint64_t)e->a);
        break;
    case EV_FRAME_POP:
        snprintf(buf, size, "pop frame %u", e->frame);
        break;
    case EV_TRACK:
        snprintf(buf, size, "track %s in gen0", o);
        break;
    case EV_UNTRACK:
        snprintf(buf, size, "untrack %s from %s", o, list_name(e->a));
        break;
    case EV_TRASH:
        snprintf(buf, size, "trashcan: %s deferred (too deep)", o);
        break;
    case EV_FINALIZE:
        snprintf(buf, size, "call __del__ of %s", o);
        break;
    case EV_FREELIST:
        /* The handle is free by now; its type is still recorded. */
        snprintf(buf, size, "#%u %s kept on its type's free list", e->obj,
                 e->obj < m->nobjs ? type_info[m->objs[e->obj].type].pyname : "?");
        break;
    case EV_GC_COUNT:
        snprintf(buf, size, "gen%u count %" PRId64 " -> %" PRId64, e->slot, e->a, e->b);
        break;
    case EV_GC_PHASE:
        snprintf(buf, size, "collector: %s (generation %" PRId64 ")",
                 e->slot < GC_NPHASES ? gc_phase_names[e->slot] : "?", e->a);
        break;
    case EV_GC_REFS:
        snprintf(buf, size, "gc_refs of %s: %" PRId64 " -> %" PRId64, o, e->a, e->b);
        break;
    case EV_GC_MOVE:
        snprintf(buf, size, "move %s: %s -> %s", o, list_name(e->a), list_name(e->b));
        break;
    case EV_GC_MERGE:
        snprintf(buf, size, "merge %s into %s (%" PRIu64 " objects)", list_name(e->a),
                 list_name(e->b), e->c);
        break;
    case EV_GC_DONE:
        snprintf(buf, size, "collection of generation %" PRId64 " done: %" PRId64 " collected",
                 e->a, e->b);
        break;
    case EV_LINE:
    case EV_INSTR:
        snprintf(buf, size, "%s%" PRId64 ": %u %s", e->kind == EV_LINE ? "line " : "  at line ", e->a,
                 e->slot, e->b >= 0 && e->b < OP_COUNT ? opcode_names[e->b] : "?");
        break;
    case EV_RAISE:
        snprintf(buf, size, "raise %s", e->a > 0 && e->a < EXC_COUNT ? exc_names[e->a] : "?");
        break;
    case EV_END:
        snprintf(buf, size, "the program ended%s", e->a ? " with an exception" : "");
        break;
    case EV_WRITE: {
        int64_t n = e->b;
        const char *p = m->out != NULL && e->a + n <= (int64_t)m->outlen ? m->out + e->a : "";
        char text[48];
        size_t k = 0;
        for (int64_t i = 0; i < n && k + 3 < sizeof text; i++) {
            if (p[i] == '\n') {
                text[k++] = '\\';
                text[k++] = 'n';
            } else {
                text[k++] = (unsigned char)p[i] < 0x20 ? '?' : p[i];
            }
        }
        text[k] = '\0';
        snprintf(buf, size, "print writes \"%s\"", text);
        break;
    }
    case EV_RESIZE:
        snprintf(buf, size, "%s length %" PRId64 " -> %" PRId64 " (room already there)", o, e->a,
                 e->b);
        break;
    case EV_ROOT:
        snprintf(buf, size, e->a ? "the interpreter holds %s (roots: %" PRId64 ")"
                                 : "the interpreter lets go of %s (roots: %" PRId64 ")",
                 o, e->b);
        break;
    case EV_GC_CONFIG:
        if (e->slot == GC_SETTING_ENABLED) {
            snprintf(buf, size, "automatic collection %s", e->b ? "enabled" : "disabled");
        } else {
            snprintf(buf, size, "collector %s %" PRId64 " -> %" PRId64,
                     e->slot < GC_NSETTINGS ? gc_setting_names[e->slot] : "?", e->a, e->b);
        }
        break;
    case EV_IO: {
        char was[64];
        describe_object(m, (Handle)e->a, was, sizeof was);
        if (e->obj != NULL_HANDLE) {
            snprintf(buf, size, "sys.stdout keeps %s pending (%" PRId64 " bytes)", o, e->b);
        } else {
            snprintf(buf, size, "sys.stdout flushes and lets go of %s", was);
        }
        break;
    }
    case EV_WEAKREF:
        snprintf(buf, size, "%s lets go of #%" PRId64 ": it no longer refers to it", o, e->a);
        break;
    case EV_ITER:
        snprintf(buf, size, "%s moves on: index %" PRId64 " -> %" PRId64, o, e->a, e->b);
        break;
    default:
        snprintf(buf, size, "%s", e->kind < EV_COUNT ? event_names[e->kind] : "?");
        break;
    }
}

void
describe_instruction(const Machine *m, Handle code, uint32_t index, char *buf, size_t size)
{
    const Code *c = code != NULL_HANDLE ? code_of(m, code) : NULL;

    if (c == NULL || index >= c->nins) {
        snprintf(buf, size, "-");
        return;
    }
    const Instr *in = &c->ins[index];
    const char *op = opcode_names[in->op];
    const char *name = NULL;
    if (strstr(op, "NAME") != NULL || strstr(op, "GLOBAL") != NULL || strstr(op, "ATTR") != NULL
        || strcmp(op, "LOAD_METHOD") == 0) {
        const Object *t = m_obj(m, m_obj(m, code)->u.code.name);
        if (in->arg < t->u.t.len) {
            name = str_text(m, t->u.t.items[in->arg]);
        }
    } else if (strstr(op, "FAST") != NULL && in->arg < c->nlocals) {
        name = c->varnames[in->arg];
    }
    if (name != NULL) {
        snprintf(buf, size, "%s %s", op, name);
    } else if (strcmp(op, "LOAD_CONST") == 0) {
        const Object *t = m_obj(m, m_obj(m, code)->u.code.consts);
        char v[40];
        if (in->arg < t->u.t.len) {
            describe_value(m, t->u.t.items[in->arg], v, sizeof v);
        } else {
            snprintf(v, sizeof v, "%u", in->arg);
        }
        snprintf(buf, size, "%s %s", op, v);
    } else {
        snprintf(buf, size, "%s %u", op, in->arg);
    }
}

int
refers_to(const Machine *m, Handle from, Handle to)
{
    return m_refers_to(m, from, m_traverse, &to, 1);
}
