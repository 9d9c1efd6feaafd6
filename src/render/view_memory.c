/*
 * view_memory.c: the pymalloc heap as a map.
 *
 * Three zoom levels: all arenas (a row per arena, a character per pool:
 * blank uncarved, '.' empty, 'o' in use, '#' full), one arena (a row per
 * pool: size class and blocks in use), one pool (a character per block,
 * by what it holds: a letter for the type of the object, lower case for
 * the separate parts of one - list items, dict keys, values, set table -
 * '~' for a block kept on a free list, '.' for a free block).  The block
 * of the selected object is '@'; the pool and arena holding it are
 * marked at the outer levels.  Raw allocations (over 512 bytes) are
 * listed apart.  Thousands of pools stay readable: 64 characters per
 * arena, scrolled a row at a time.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>

#include "render/views.h"

/* Where the selected object's body is: arena slot, pool, block. */
static int
selected_block(const Machine *m, Handle sel, int *arena, int *pool, int *block)
{
    if (sel == NULL_HANDLE || !m_is_live(m, sel) || (m_obj(m, sel)->flags & OF_STATIC)) {
        return 0;
    }
    const Object *o = m_obj(m, sel);
    uint64_t addr = o->addr - type_info[o->type].presize;
    return heap_locate(&m->heap, addr, arena, pool, block) == 0;
}

static uint32_t
pool_char(const Pool *p)
{
    switch ((PoolState)p->state) {
    case POOL_UNCARVED:
        return ' ';
    case POOL_EMPTY:
        return '.';
    case POOL_FULL:
        return '#';
    default:
        return 'o';
    }
}

static Style
pool_style(const Pool *p)
{
    return p->state == POOL_FULL ? STYLE_POOL_FULL : p->state == POOL_USED ? STYLE_POOL_USED
         : STYLE_POOL_EMPTY;
}

/* The character and style of a block from its owner tag. */
static uint32_t
block_char(const Machine *m, uint32_t slot, Style *st, Handle *obj)
{
    if (!(slot & HEAP_SLOT_USED)) {
        *st = STYLE_BLOCK_FREE;
        *obj = NULL_HANDLE;
        return '.';
    }
    uint32_t tag = slot & ~HEAP_SLOT_USED;
    Handle h = HEAP_TAG_HANDLE(tag);
    unsigned role = HEAP_TAG_ROLE(tag);
    *obj = h;
    if (role == HEAP_ROLE_FREELIST) {
        *st = STYLE_BLOCK_KEPT;
        *obj = NULL_HANDLE;
        return '~';
    }
    if (h == NULL_HANDLE || h >= m->nobjs) {
        *st = STYLE_BLOCK_PART;
        return '?';
    }
    const char *name = m_type_name(m, h);
    uint32_t c = (uint32_t)(name[0] >= 'a' && name[0] <= 'z' ? name[0] - 'a' + 'A' : name[0]);
    if (m_obj(m, h)->type == T_INSTANCE) {
        c = 'O';
    }
    if (role != HEAP_ROLE_OBJECT) {
        *st = STYLE_BLOCK_PART;
        return role == HEAP_ROLE_LIST_ITEMS ? 'i' : role == HEAP_ROLE_DICT_KEYS ? 'k'
             : role == HEAP_ROLE_VALUES ? 'v' : role == HEAP_ROLE_SET_TABLE ? 's' : 'x';
    }
    *st = m_is_gc(m, h) ? STYLE_BLOCK_GC : STYLE_BLOCK_OBJ;
    return c;
}

static void
draw_arenas(const Machine *m, const UiState *ui, Rect r, Scene *sc, int sa, int sp)
{
    const Heap *hp = &m->heap;
    int y = 1 - ui->scroll[PANE_MEMORY];
    int k = 0;

    for (uint32_t s = 0; s < hp->maxarenas; s++) {
        const Arena *a = hp->arenas[s];
        if (a->address == 0) {
            continue;
        }
        int cur = ui->cursor[PANE_MEMORY] == k++;
        int x = scene_printf(sc, r, 0, y, cur && ui->focus == PANE_MEMORY ? STYLE_FOCUS : STYLE_DIM,
                             NULL_HANDLE, "%s%2u", cur ? ">" : " ", s) + 1;
        int per = r.w - x >= 64 ? 64 : r.w - x >= 32 ? 32 : 16;
        for (int p = 0; p < HEAP_POOLS_PER_ARENA; p++) {
            int row = p / per, col = p % per;
            const Pool *pl = &a->pools[p];
            int here = (int)s == sa && p == sp;
            scene_char(sc, r, x + col, y + row, here ? '@' : pool_char(pl),
                       here ? STYLE_SELECTED : pool_style(pl), NULL_HANDLE);
        }
        y += (HEAP_POOLS_PER_ARENA + per - 1) / per;
    }
    /* Raw allocations. */
    int n = 0;
    uint64_t bytes = 0;
    for (uint32_t i = 0; i < hp->nraw; i++) {
        if (hp->raw[i].live) {
            n++;
            bytes += hp->raw[i].size;
        }
    }
    if (n > 0) {
        scene_printf(sc, r, 0, y++, STYLE_TITLE, NULL_HANDLE, "raw (malloc): %d blocks, %" PRIu64
                     " bytes", n, bytes);
        for (uint32_t i = 0; i < hp->nraw && y < r.h; i++) {
            const RawBlock *b = &hp->raw[i];
            if (!b->live) {
                continue;
            }
            Handle o = HEAP_TAG_HANDLE(b->tag);
            char d[64];
            describe_object(m, o, d, sizeof d);
            scene_printf(sc, r, 1, y++, o == ui->selected ? STYLE_SELECTED : STYLE_NORMAL, o,
                         "%#" PRIx64 " %7" PRIu64 " B  %s %s", b->addr, b->size,
                         heap_role_name(HEAP_TAG_ROLE(b->tag)), d);
        }
    }
}

static void
draw_arena(const Machine *m, const UiState *ui, Rect r, Scene *sc, int slot, int sp)
{
    const Arena *a = m->heap.arenas[slot];
    int y = 1 - ui->scroll[PANE_MEMORY];

    for (int p = 0; p < HEAP_POOLS_PER_ARENA; p++, y++) {
        const Pool *pl = &a->pools[p];
        int cur = ui->cursor[PANE_MEMORY] == p;
        int x = scene_printf(sc, r, 0, y, cur && ui->focus == PANE_MEMORY ? STYLE_FOCUS : STYLE_DIM,
                             NULL_HANDLE, "%s%2d %#" PRIx64, cur ? ">" : " ", p,
                             heap_pool_address((uint32_t)slot, (unsigned)p)) + 1;
        if (pl->state == POOL_UNCARVED) {
            scene_put(sc, r, x, y, "not carved yet", STYLE_DIM, NULL_HANDLE);
            continue;
        }
        unsigned nb = pl->szidx >= 0 ? heap_class_blocks((unsigned)pl->szidx) : 0;
        x += scene_printf(sc, r, x, y, pool_style(pl), NULL_HANDLE, "%-5s",
                          pl->state == POOL_FULL ? "full" : pl->state == POOL_USED ? "used" : "empty") + 1;
        if (pl->szidx >= 0) {
            x += scene_printf(sc, r, x, y, STYLE_NUMBER, NULL_HANDLE, "%3zu B  %4u/%-4u",
                              heap_class_size((unsigned)pl->szidx), pl->count, nb) + 1;
            /* A bar of the blocks in use. */
            int bw = r.w - x - 2;
            for (int i = 0; i < bw && nb > 0; i++) {
                int on = (unsigned)i * nb / (unsigned)bw < pl->count;
                scene_char(sc, r, x + i, y, on ? (sc->ascii ? '#' : 0x2588) : '.',
                           on ? pool_style(pl) : STYLE_DIM, NULL_HANDLE);
            }
        }
        if (p == sp) {
            scene_char(sc, r, r.w - 1, y, '@', STYLE_SELECTED, ui->selected);
        }
    }
}

static void
draw_pool(const Machine *m, const UiState *ui, Rect r, Scene *sc, int slot, int p, int sb)
{
    const Pool *pl = &m->heap.arenas[slot]->pools[p];

    if (pl->state == POOL_UNCARVED || pl->szidx < 0) {
        scene_put(sc, r, 0, 1, "this pool is not carved yet", STYLE_DIM, NULL_HANDLE);
        return;
    }
    unsigned nb = heap_class_blocks((unsigned)pl->szidx);
    scene_printf(sc, r, 0, 1, STYLE_NUMBER, NULL_HANDLE, "%zu-byte blocks, %u of %u in use",
                 heap_class_size((unsigned)pl->szidx), pl->count, nb);
    int per = r.w >= 64 ? 64 : r.w >= 32 ? 32 : r.w > 0 ? r.w : 1;
    int y0 = 2 - ui->scroll[PANE_MEMORY];
    for (unsigned b = 0; b < nb; b++) {
        int row = (int)b / per, col = (int)b % per;
        Style st;
        Handle obj;
        uint32_t c = b < pl->nextblock ? block_char(m, pl->slots[b], &st, &obj) : ' ';
        if (b >= pl->nextblock) {
            st = STYLE_DIM;
            obj = NULL_HANDLE;
        }
        if ((int)b == sb) {
            c = '@';
            st = STYLE_SELECTED;
        }
        scene_char(sc, r, col, y0 + row, c, st, obj);
    }
    int y = y0 + ((int)nb + per - 1) / per + 1;
    scene_put(sc, r, 0, y, "A-Z object by type (O instance)  i k v s its parts  ~ free list  . free",
              STYLE_DIM, NULL_HANDLE);
}

void
view_memory_build(const History *h, const UiState *ui, Rect r, Scene *sc)
{
    const Machine *m = &history_current(h)->m;
    const Heap *hp = &m->heap;
    int sa = -1, sp = -1, sb = -1;

    selected_block(m, ui->selected, &sa, &sp, &sb);
    int slot = ui->arena, pool = ui->pool;
    int valid = slot >= 0 && (uint32_t)slot < hp->maxarenas && hp->arenas[slot]->address != 0;
    Zoom z = valid ? ui->zoom : ZOOM_ARENAS;
    if (z == ZOOM_ARENAS) {
        scene_printf(sc, r, 0, 0, STYLE_TITLE, NULL_HANDLE, "%" PRIu64 " arenas, %" PRIu64
                     " blocks  pools: . empty o used # full", hp->stats.arenas_current,
                     hp->stats.blocks_in_use);
        draw_arenas(m, ui, r, sc, sa, sp);
    } else if (z == ZOOM_ARENA) {
        scene_printf(sc, r, 0, 0, STYLE_TITLE, NULL_HANDLE, "arena %d at %#" PRIx64 ": %u free pools",
                     slot, hp->arenas[slot]->address, hp->arenas[slot]->nfreepools);
        draw_arena(m, ui, r, sc, slot, sa == slot ? sp : -1);
    } else {
        scene_printf(sc, r, 0, 0, STYLE_TITLE, NULL_HANDLE, "arena %d pool %d at %#" PRIx64, slot, pool,
                     heap_pool_address((uint32_t)slot, (unsigned)pool));
        draw_pool(m, ui, r, sc, slot, pool, sa == slot && sp == pool ? sb : -1);
    }
}
