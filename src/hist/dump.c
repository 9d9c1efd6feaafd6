/*
 * dump.c: the machine state at the current point as JSON (schema in
 * doc/dump.md).  Everything is read through const pointers.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bigint.h"
#include "core/strbuf.h"
#include "hist/dump.h"
#include "py/code.h"
#include "py/vm.h"
#include "sim/gc.h"

/*
 * A JSON string, always valid UTF-8: str objects hold their text as
 * UTF-8 in which a lone surrogate is the three bytes of its code point
 * (ED A0..BF xx), which no strict decoder accepts, so surrogates are
 * written as \udXXX escapes; any other ill-formed byte as \ufffd.
 */
void
dump_json_string(FILE *fp, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;

    fputc('"', fp);
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            switch (c) {
            case '"': fputs("\\\"", fp); break;
            case '\\': fputs("\\\\", fp); break;
            case '\n': fputs("\\n", fp); break;
            case '\t': fputs("\\t", fp); break;
            case '\r': fputs("\\r", fp); break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    fprintf(fp, "\\u%04x", c);
                } else {
                    fputc((int)c, fp);
                }
            }
            p++;
            continue;
        }
        /* A sequence of 2 to 4 bytes: its code point, or 0 if ill-formed. */
        size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
        uint32_t cp = 0;
        if (len > 0 && c < 0xf5 && (size_t)(end - p) >= len) {
            cp = c & (0x7fu >> len);
            for (size_t i = 1; i < len; i++) {
                if ((p[i] & 0xc0) != 0x80) {
                    cp = 0;
                    break;
                }
                cp = cp << 6 | (p[i] & 0x3fu);
            }
            static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
            if (cp < least[len] || cp > 0x10ffff) {
                cp = 0;
            }
        }
        if (cp == 0) {
            fputs("\\ufffd", fp);
            p++;
        } else if (cp >= 0xd800 && cp <= 0xdfff) {
            fprintf(fp, "\\u%04x", (unsigned)cp);
            p += len;
        } else {
            fwrite(p, 1, len, fp);
            p += len;
        }
    }
    fputc('"', fp);
}

static void
json_str(FILE *fp, const char *s, size_t n)
{
    dump_json_string(fp, s, n);
}

static void
json_cstr(FILE *fp, const char *s)
{
    json_str(fp, s, strlen(s));
}

static void
json_addr(FILE *fp, uint64_t a)
{
    fprintf(fp, "\"%#" PRIx64 "\"", a);
}

static void
json_handle(FILE *fp, Handle h)
{
    if (h == NULL_HANDLE) {
        fputs("null", fp);
    } else {
        fprintf(fp, "%u", h);
    }
}

/* ---- objects ---- */

static void
put_value(FILE *fp, const Machine *m, Handle h)
{
    const Object *o = m_obj(m, h);
    uint32_t len;

    if (o->type == T_INT) {
        BigInt v;
        StrBuf sb;
        int_view(m, h, &v);
        sb_init(&sb);
        bi_to_decimal(&v, &sb);
        fputs(", \"value\": ", fp);
        json_str(fp, sb.s, sb.len);
        sb_done(&sb);
    } else if (o->type == T_STR) {
        fputs(", \"value\": ", fp);
        json_str(fp, o->u.s.utf8, o->u.s.nbytes);
    } else if (o->type == T_BOOL) {
        fprintf(fp, ", \"value\": %s", h == m->true_ ? "true" : "false");
    } else if (m_len(m, h, &len)) {
        /* The other sized containers: list, tuple, dict, set. */
        fprintf(fp, ", \"length\": %u", len);
    }
}

static void
put_object(FILE *fp, const Machine *m, Handle h)
{
    const Object *o = m_obj(m, h);

    fprintf(fp, "    {\"handle\": %u, \"type\": ", h);
    json_cstr(fp, m_type_name(m, h));
    fputs(", \"address\": ", fp);
    json_addr(fp, o->addr);
    fprintf(fp, ", \"size\": %zu, \"bytes\": %u, \"refcount\": %" PRId64 ", \"static\": %s",
            m_sizeof(m, h), o->nbytes, o->refcnt, (o->flags & OF_STATIC) ? "true" : "false");
    if (m_is_gc(m, h)) {
        fprintf(fp, ", \"tracked\": %s, \"generation\": ", (o->flags & OF_TRACKED) ? "true" : "false");
        if (o->gen == GEN_NONE) {
            fputs("null", fp);
        } else {
            fprintf(fp, "%d", o->gen);
        }
        fprintf(fp, ", \"gc_refs\": %" PRId32, o->gc_refs);
    } else {
        fputs(", \"tracked\": false, \"generation\": null", fp);
    }
    put_value(fp, m, h);
    fputs(", \"referents\": [", fp);
    Referents r = {NULL, 0, 0};
    m_referents(m, h, m_traverse, &r);
    for (uint32_t i = 0; i < r.n; i++) {
        fprintf(fp, "%s%u", i ? ", " : "", r.v[i]);
    }
    free(r.v);
    fputs("]}", fp);
}

/* ---- frames ---- */

static void
put_local(FILE *fp, int *n, const char *name, size_t len, Handle v)
{
    fputs((*n)++ ? ", {\"name\": " : "{\"name\": ", fp);
    json_str(fp, name, len);
    fputs(", \"value\": ", fp);
    json_handle(fp, v);
    fputc('}', fp);
}

static void
put_frame(FILE *fp, const Machine *m, uint32_t i)
{
    const Frame *f = &m->frames[i];
    const Code *c = f->code != NULL_HANDLE ? code_of(m, f->code) : NULL;

    fprintf(fp, "    {\"depth\": %u, \"function\": ", i);
    json_cstr(fp, c != NULL ? c->qualname : "?");
    fputs(", \"func\": ", fp);
    json_handle(fp, f->func);
    fputs(", \"code\": ", fp);
    json_handle(fp, f->code);
    fputs(", \"address\": ", fp);
    json_addr(fp, f->addr);
    fprintf(fp, ", \"line\": %u, \"ip\": %u, \"lasti\": %u", f->line, f->ip, f->lasti);
    fputs(", \"locals\": [", fp);
    int n = 0;
    for (uint32_t k = 0; k < f->nlocals; k++) {
        const char *name = c != NULL && k < c->nlocals ? c->varnames[k] : "?";
        put_local(fp, &n, name, strlen(name), m->slots[f->base + k]);
    }
    if (f->locals != NULL_HANDLE && m_obj(m, f->locals)->type == T_DICT) {
        /* Module and class frames: the names of their namespace. */
        const Dict *d = m_obj(m, f->locals)->u.d;
        for (uint32_t e = 0; !d->split && e < d->nentries; e++) {
            Handle k = d->entries[2 * e];
            if (k != NULL_HANDLE && m_obj(m, k)->type == T_STR) {
                const StrVal *s = &m_obj(m, k)->u.s;
                put_local(fp, &n, s->utf8, s->nbytes, d->entries[2 * e + 1]);
            }
        }
    }
    fputs("], \"stack\": [", fp);
    for (uint32_t k = 0; k < f->sp; k++) {
        if (k) {
            fputs(", ", fp);
        }
        json_handle(fp, m->slots[f->base + f->nlocals + k]);
    }
    fputs("]}", fp);
}

/* ---- heap ---- */

static const char *const pool_states[] = {"uncarved", "empty", "used", "full"};

static void
put_heap(FILE *fp, const Heap *hp)
{
    fputs("  \"heap\": {\n    \"arenas\": [", fp);
    int na = 0;
    for (uint32_t s = 0; s < hp->maxarenas; s++) {
        const Arena *a = hp->arenas[s];
        if (a->address == 0) {
            continue;
        }
        fprintf(fp, "%s\n      {\"slot\": %u, \"address\": ", na++ ? "," : "", s);
        json_addr(fp, a->address);
        fprintf(fp, ", \"free_pools\": %u, \"pools\": [", a->nfreepools);
        int np = 0;
        for (unsigned p = 0; p < HEAP_POOLS_PER_ARENA; p++) {
            const Pool *pl = &a->pools[p];
            if (pl->state == POOL_UNCARVED) {
                continue;
            }
            fprintf(fp, "%s{\"index\": %u, \"address\": ", np++ ? ", " : "", p);
            json_addr(fp, heap_pool_address(s, p));
            fprintf(fp, ", \"state\": \"%s\"", pool_states[pl->state]);
            if (pl->szidx >= 0) {
                fprintf(fp, ", \"block_size\": %zu, \"used\": %u, \"blocks\": %u",
                        heap_class_size((unsigned)pl->szidx), pl->count,
                        heap_class_blocks((unsigned)pl->szidx));
            }
            fputc('}', fp);
        }
        fputs("]}", fp);
    }
    fputs("\n    ],\n    \"raw\": [", fp);
    int nr = 0;
    for (uint32_t i = 0; i < hp->nraw; i++) {
        const RawBlock *r = &hp->raw[i];
        if (!r->live) {
            continue;
        }
        fputs(nr++ ? ", {\"address\": " : "{\"address\": ", fp);
        json_addr(fp, r->addr);
        fprintf(fp, ", \"size\": %" PRIu64 ", \"owner\": %u, \"role\": \"%s\"}", r->size,
                HEAP_TAG_HANDLE(r->tag), heap_role_name(HEAP_TAG_ROLE(r->tag)));
    }
    const HeapStats *st = &hp->stats;
    fprintf(fp, "],\n    \"stats\": {\"arenas\": %" PRIu64 ", \"arenas_allocated_total\": %" PRIu64
            ", \"arenas_reclaimed\": %" PRIu64 ", \"arenas_highwater\": %" PRIu64
            ", \"blocks_in_use\": %" PRIu64 ", \"bytes_in_blocks\": %" PRIu64
            ", \"raw_blocks\": %" PRIu64 ", \"raw_bytes\": %" PRIu64 "}\n  },\n",
            st->arenas_current, st->arenas_allocated_total, st->arenas_reclaimed,
            st->arenas_highwater, st->blocks_in_use, st->bytes_in_blocks, st->raw_blocks,
            st->raw_bytes);
}

/* ---- collector ---- */

static void
put_list(FILE *fp, const Machine *m, int list)
{
    fputc('[', fp);
    int n = 0;
    for (Handle h = m->gen[list].head; h != NULL_HANDLE; h = m_obj(m, h)->gc_next) {
        fprintf(fp, "%s%u", n++ ? ", " : "", h);
    }
    fputc(']', fp);
}

static void
put_freelist(FILE *fp, const FreeList *fl)
{
    fputc('[', fp);
    for (uint32_t i = 0; i < fl->n; i++) {
        if (i) {
            fputs(", ", fp);
        }
        json_addr(fp, fl->blocks[i]);
    }
    fputc(']', fp);
}

static void
put_gc(FILE *fp, const Machine *m)
{
    fprintf(fp, "  \"gc\": {\"enabled\": %s, \"collecting\": %s, \"collections\": [%" PRIu64
            ", %" PRIu64 ", %" PRIu64 "], \"long_lived_total\": %" PRId64
            ", \"long_lived_pending\": %" PRId64 ",\n    \"generations\": [",
            m->gc_enabled ? "true" : "false", m->gc_collecting ? "true" : "false",
            m->gc_collections[0], m->gc_collections[1], m->gc_collections[2],
            m->long_lived_total, m->long_lived_pending);
    for (int g = 0; g < NGENERATIONS; g++) {
        fprintf(fp, "%s\n      {\"count\": %" PRId64 ", \"threshold\": %" PRId64 ", \"objects\": ",
                g ? "," : "", m->gen[g].count, m->gen[g].threshold);
        put_list(fp, m, g);
        fputc('}', fp);
    }
    fputs("\n    ],\n    \"permanent\": ", fp);
    put_list(fp, m, GEN_PERMANENT);
    fputs(",\n    \"unreachable\": ", fp);
    put_list(fp, m, GC_UNREACHABLE);
    fputs(",\n    \"garbage\": ", fp);
    json_handle(fp, m->gc_garbage);
    fputs("\n  },\n  \"free_lists\": {\"list\": ", fp);
    put_freelist(fp, &m->list_free);
    fputs(", \"dict\": ", fp);
    put_freelist(fp, &m->dict_free);
    fputs(", \"dict_keys\": ", fp);
    put_freelist(fp, &m->dict_keys_free);
    fputs(", \"tuple\": [", fp);
    for (int i = 0; i < TUPLE_FREELISTS; i++) {
        fputs(i ? ", " : "", fp);
        put_freelist(fp, &m->tuple_free[i]);
    }
    fputs("]},\n", fp);
}

/* ---- the whole ---- */

static void
put_event(FILE *fp, const Event *e)
{
    if (e->kind == EV_COUNT) {
        fputs("null", fp);
        return;
    }
    fprintf(fp, "{\"kind\": \"%s\", \"obj\": ", event_names[e->kind]);
    json_handle(fp, e->obj);
    fprintf(fp, ", \"frame\": %u, \"slot\": %u, \"a\": %" PRId64 ", \"b\": %" PRId64
            ", \"c\": %" PRIu64 "}", e->frame, e->slot, e->a, e->b, e->c);
}

static void
put_instruction(FILE *fp, const Sim *s)
{
    const Frame *f = s->started ? m_frame(&s->m) : NULL;

    if (f == NULL || f->code == NULL_HANDLE || f->ip == 0) {
        fputs("null", fp);
        return;
    }
    const Code *c = code_of(&s->m, f->code);
    const Instr *in = &c->ins[f->lasti];
    fprintf(fp, "{\"frame\": %u, \"index\": %u, \"op\": \"%s\", \"arg\": %u, \"line\": %d}",
            s->m.nframes - 1, f->lasti, opcode_names[in->op], in->arg, in->line);
}

void
dump_json(FILE *fp, const History *h)
{
    const Sim *s = history_current(h);
    const Machine *m = &s->m;

    fputs("{\n  \"schema\": \"pymemsim-dump/1\",\n  \"file\": ", fp);
    json_cstr(fp, h->path);
    fprintf(fp, ",\n  \"position\": {\"seq\": %" PRIu64 ", \"event\": %" PRIu64
            ", \"instruction\": %" PRIu64 ", \"line\": %" PRIu64 ", \"size\": \"%s\", \"ended\": %s},\n",
            s->pos.seq, s->pos.n[STEP_EVENT], s->pos.n[STEP_INSTR], s->pos.n[STEP_LINE],
            step_size_names[h->size], sim_last(s)->kind == EV_END ? "true" : "false");
    fprintf(fp, "  \"source_line\": %u,\n  \"instruction\": ", history_line(h));
    put_instruction(fp, s);
    fputs(",\n  \"last_event\": ", fp);
    put_event(fp, sim_last(s));
    fputs(",\n  \"exception\": ", fp);
    if (s->vm.exc == EXC_NONE) {
        fputs("null", fp);
    } else {
        fputs("{\"type\": ", fp);
        json_cstr(fp, exc_names[s->vm.exc]);
        fputs(", \"message\": ", fp);
        json_str(fp, s->vm.excmsg.s, s->vm.excmsg.len);
        fputc('}', fp);
    }
    fputs(",\n  \"output\": ", fp);
    json_str(fp, m->out != NULL ? m->out : "", m->outlen);
    fputs(",\n  \"frames\": [", fp);
    for (uint32_t i = 0; i < m->nframes; i++) {
        fputs(i ? ",\n" : "\n", fp);
        put_frame(fp, m, i);
    }
    fprintf(fp, "\n  ],\n  \"live_objects\": %" PRIu64 ",\n  \"objects\": [", m->live);
    int n = 0;
    for (Handle x = 1; x < m->nobjs; x++) {
        if (m_obj(m, x)->flags & OF_LIVE) {
            fputs(n++ ? ",\n" : "\n", fp);
            put_object(fp, m, x);
        }
    }
    fputs("\n  ],\n", fp);
    put_heap(fp, &m->heap);
    put_gc(fp, m);
    fprintf(fp, "  \"roots\": [");
    for (uint32_t i = 0; i < m->nroots; i++) {
        fprintf(fp, "%s%u", i ? ", " : "", m->roots[i]);
    }
    fputs("]\n}\n", fp);
}
