/*
 * history.c: checkpoints and deterministic re-execution.
 *
 * The invariant between moves: `work' is stopped at an instruction
 * boundary (or on an instruction marker it has just emitted), and the
 * current point is work's own when !view_valid, else the copy in
 * `view'.  Checkpoints are whole copies of work taken at boundaries past
 * the newest one, spaced so that replaying from one costs about as much
 * as copying it (see HIST_BYTES_PER_EVENT).
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/xalloc.h"
#include "hist/history.h"
#include "py/run.h"
#include "sim/gc.h"
#include "sim/snapshot.h"

const char *const step_size_names[STEP_NSIZES] = {"event", "instruction", "line"};

/* Checkpoint spacing.  A step back costs a copy of the checkpoint and a
 * replay of up to the spacing: at 50-60 million events a second,
 * 500,000 events are under 10 ms.  Beyond 16 MB of state, checkpoints
 * are spaced one event per 32 bytes, so that history never costs more
 * than 32 bytes an event (a few a event for small heaps). */
#define HIST_MIN_SPACING     500000u
#define HIST_BYTES_PER_EVENT 32u

/* ------------------------------------------------------------------ */
/* Sims.                                                              */

static int
is_marker(unsigned kind)
{
    return kind == EV_LINE || kind == EV_INSTR;
}

int
step_counts_as(unsigned kind, StepSize size)
{
    switch (size) {
    case STEP_EVENT:
        return !is_marker(kind);
    case STEP_INSTR:
        return is_marker(kind) || kind == EV_END;
    case STEP_LINE:
        return kind == EV_LINE || kind == EV_END;
    default:
        return 0;
    }
}

static size_t
sim_bytes(const Sim *s)
{
    return machine_host_bytes(&s->m) + sizeof *s - sizeof s->m + s->vm.excmsg.len
           + s->vm.exchint.len + s->vm.ntb * sizeof *s->vm.tb;
}

static void
sim_copy(Sim *dst, const Sim *src)
{
    machine_copy(&dst->m, &src->m);
    vm_copy(&dst->vm, &src->vm, &dst->m);
    dst->pos = src->pos;
    dst->started = src->started;
    memcpy(dst->recent, src->recent, sizeof dst->recent);
}

static void
sim_done(Sim *s)
{
    vm_done(&s->vm);
    machine_done(&s->m);
}

uint64_t
sim_hash(const Sim *s)
{
    uint64_t h = hash_u64(machine_hash(&s->m), vm_hash(&s->vm));

    h = hash_u64(h, s->pos.seq);
    for (int i = 0; i < STEP_NSIZES; i++) {
        h = hash_u64(h, s->pos.n[i]);
    }
    h = hash_u64(h, (uint64_t)s->started);
    const Event *last = sim_last(s);
    h = hash_u64(h, last->kind);
    if (last->kind != EV_COUNT) {
        h = hash_u64(h, last->obj);
        h = hash_u64(h, last->slot);
        h = hash_u64(h, (uint64_t)last->a);
        h = hash_u64(h, (uint64_t)last->b);
        h = hash_u64(h, last->c);
    }
    return h;
}

/* ------------------------------------------------------------------ */
/* The event sink: counting, and stopping.                            */

static int
bp_has(const History *h, uint64_t line)
{
    size_t lo = 0, hi = h->nbreaks;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (h->breaks[mid] < line) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < h->nbreaks && h->breaks[lo] == line;
}

/* Does event e at position p satisfy a stop condition of kind k? */
static int
satisfies(const History *h, StopKind k, uint64_t line, const Event *e, const Pos *p)
{
    switch (k) {
    case STOP_COUNT:
        return step_counts_as(e->kind, h->stop_size) && p->n[h->stop_size] == h->stop_n;
    case STOP_SEQ:
        return p->seq == h->stop_n;
    case STOP_LINE:
        return e->kind == EV_LINE && (uint64_t)e->a == line;
    case STOP_BREAK:
        return e->kind == EV_LINE && bp_has(h, (uint64_t)e->a);
    case STOP_COLLECTION:
        return e->kind == EV_GC_PHASE && e->slot == GC_PHASE_START;
    case STOP_PHASE:
        return e->kind == EV_GC_PHASE;
    case STOP_NEVER:
        return 0;
    }
    return 0;
}

/* The sizes each kind of event counts for, a bit per StepSize. */
static uint8_t size_mask[EV_COUNT + 1];

static void
init_size_mask(void)
{
    for (unsigned k = 0; k <= EV_COUNT; k++) {
        uint8_t mask = 0;
        for (int s = 0; s < STEP_NSIZES; s++) {
            if (k < EV_COUNT && step_counts_as(k, (StepSize)s)) {
                mask |= (uint8_t)(1u << s);
            }
        }
        size_mask[k] = mask;
    }
}

/* The run arrived at its stop: keep the point. */
static void
arrive(History *h, const Event *e)
{
    h->arrived = 1;
    if (!h->in_begin && e->kind != EV_END) {
        /* The middle of an instruction: keep a copy of this point. */
        if (h->view_valid) {
            sim_done(&h->view);
        }
        sim_copy(&h->view, &h->work);
        machine_set_sink(&h->view.m, NULL, NULL);
        h->view_valid = 1;
    }
}

/* Every stop condition but the two fast ones below. */
static void
sink_slow(History *h, const Event *e)
{
    const Pos *p = &h->work.pos;

    if (e->kind == EV_END) {
        h->end_known = 1;
        h->end = *p;
    }
    if (h->arrived) {
        return;
    }
    if (h->scanning) {
        if (p->seq <= h->stop_n && satisfies(h, h->scan_kind, h->scan_line, e, p)) {
            h->scan_found = p->seq;
        }
        h->arrived = p->seq == h->stop_n;
        return;
    }
    int hit = satisfies(h, h->stop, h->stop_n, e, p);
    if (h->stop != STOP_COUNT && h->stop != STOP_SEQ) {
        /* Searches look only past stop_after, and stop at the end. */
        hit = (hit || e->kind == EV_END) && p->seq > h->stop_after;
    }
    if (hit) {
        arrive(h, e);
    }
}

static void
hist_sink(void *ctx, const Machine *m, const Event *e)
{
    History *h = ctx;
    Sim *w = &h->work;
    unsigned mask = size_mask[e->kind];

    (void)m;
    w->pos.seq++;
    w->pos.n[STEP_EVENT] += mask & 1u;
    w->pos.n[STEP_INSTR] += (mask >> 1) & 1u;
    w->pos.n[STEP_LINE] += (mask >> 2) & 1u;
    /* Field by field: a whole-struct copy of an event the emitter has
     * just written field by field stalls on store forwarding. */
    Event *r = &w->recent[(w->pos.seq - 1) % SIM_RECENT];
    r->kind = e->kind;
    r->role = e->role;
    r->obj = e->obj;
    r->frame = e->frame;
    r->slot = e->slot;
    r->a = e->a;
    r->b = e->b;
    r->c = e->c;
    /* The common cases first: stepping by count or by point. */
    if (e->kind != EV_END && !h->scanning) {
        if (h->arrived) {
            return;
        }
        if (h->stop == STOP_COUNT) {
            if (((mask >> h->stop_size) & 1u) && w->pos.n[h->stop_size] == h->stop_n) {
                arrive(h, e);
            }
            return;
        }
        if (h->stop == STOP_SEQ) {
            if (w->pos.seq == h->stop_n) {
                arrive(h, e);
            }
            return;
        }
    }
    sink_slow(h, e);
}

/* ------------------------------------------------------------------ */
/* Checkpoints.                                                       */

static void
drop_oldest(History *h)
{
    sim_done(&h->cp[0].sim);
    h->bytes -= h->cp[0].bytes;
    memmove(h->cp, h->cp + 1, (h->ncp - 1) * sizeof *h->cp);
    h->ncp--;
    h->dropped_seq = h->cp[0].sim.pos.seq + 1;
}

static void
checkpoint(History *h)
{
    /* Room first, so that the checkpoints never hold more than the cap
     * (the first one, point 0, is always taken).  A machine bigger than
     * the cap is not copied: moves replay from the last one that fits. */
    size_t need = sim_bytes(&h->work);
    if (h->ncp > 0 && need > h->cap) {
        uint64_t spacing = need / HIST_BYTES_PER_EVENT;
        h->no_cp_before = h->work.pos.seq + (spacing > h->min_spacing ? spacing : h->min_spacing);
        return;
    }
    while (h->ncp > 1 && h->bytes + need > h->cap) {
        drop_oldest(h);
    }
    if (h->ncp == 1 && h->bytes + need > h->cap) {
        /* The new one replaces the last. */
        sim_done(&h->cp[0].sim);
        h->bytes = 0;
        h->ncp = 0;
        h->dropped_seq = h->work.pos.seq + 1;
    }
    if (h->ncp == h->cpcap) {
        h->cp = xgrow(h->cp, &h->cpcap, h->ncp + 1, sizeof *h->cp);
    }
    Checkpoint *c = &h->cp[h->ncp++];
    sim_copy(&c->sim, &h->work);
    c->bytes = sim_bytes(&c->sim);
    h->bytes += c->bytes;
    while (h->bytes > h->cap && h->ncp > 1) {
        drop_oldest(h);
    }
}

/* At a boundary past the newest checkpoint: take one if it is due. */
static void
checkpoint_maybe(History *h)
{
    const Checkpoint *last = h->ncp ? &h->cp[h->ncp - 1] : NULL;
    uint64_t seq = h->work.pos.seq;

    if (seq < h->no_cp_before) {
        return;
    }
    if (last != NULL) {
        uint64_t spacing = last->bytes / HIST_BYTES_PER_EVENT;
        if (spacing < h->min_spacing) {
            spacing = h->min_spacing;
        }
        if (seq < last->sim.pos.seq + spacing) {
            return;
        }
    }
    checkpoint(h);
}

/* Make work a copy of checkpoint i. */
static void
restore(History *h, size_t i)
{
    sim_done(&h->work);
    sim_copy(&h->work, &h->cp[i].sim);
    machine_set_sink(&h->work.m, hist_sink, h);
    vm_set_limits(&h->work.vm, &h->limits);
    h->restores++;
}

/* The newest checkpoint before the first point satisfying `pred' can
 * be, given the checkpoint's position; -1 if none. */
static long
newest_cp_before_seq(const History *h, uint64_t seq)
{
    for (size_t i = h->ncp; i-- > 0;) {
        if (h->cp[i].sim.pos.seq < seq || (seq == 0 && i == 0 && !h->cp[0].sim.started)) {
            return (long)i;
        }
    }
    return -1;
}

static long
newest_cp_before_count(const History *h, StepSize size, uint64_t n)
{
    for (size_t i = h->ncp; i-- > 0;) {
        if (h->cp[i].sim.pos.n[size] < n) {
            return (long)i;
        }
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* Running.                                                           */

static void stopped_msg(History *h);
static VmPollResult top_poll(History *h);

/* Run work until the stop condition holds (h->arrived) or the program
 * ends.  Work stops at an instruction boundary or on a marker. */
static void
run(History *h)
{
    Sim *w = &h->work;
    uint64_t seq0 = w->pos.seq;

    h->arrived = 0;
    h->interrupted = 0;
    while (!h->arrived && !w->vm.ended) {
        if (!w->started) {
            w->started = 1;
            vm_start(&w->vm, h->prog);
        } else if (w->vm.next_in == NULL) {
            if (w->vm.ninstr >= w->vm.check_at && top_poll(h) != VM_GO_ON) {
                break;
            }
            if (!h->scanning && w->pos.seq >= (h->ncp ? h->cp[h->ncp - 1].sim.pos.seq : 0)) {
                checkpoint_maybe(h);
            }
            h->in_begin = 1;
            vm_begin(&w->vm);
            h->in_begin = 0;
        } else {
            vm_execute(&w->vm);
        }
    }
    h->replayed += w->pos.seq - seq0;
    if (w->pos.seq > h->frontier.seq) {
        h->frontier = w->pos;
    }
    if (w->vm.ended && w->vm.status == 2) {
        /* Stopped inside an instruction: for good, and replays too. */
        if (w->vm.stopped == VM_STOPPED_POLL) {
            h->limits.max_steps = w->vm.max_steps;
            h->interrupted = 1;
            h->budget_from_poll = 1;
        }
        stopped_msg(h);
    }
}

static void
stopped_msg(History *h)
{
    snprintf(h->msg, sizeof h->msg, "stopped after %" PRIu64 " instructions%s",
             h->work.vm.ninstr,
             h->budget_from_poll ? ", interrupted inside a call from C" : " (--max-steps)");
}

/* The limits are due before a top-level instruction: VM_STOP to stop
 * the run here. */
static VmPollResult
top_poll(History *h)
{
    Vm *vm = &h->work.vm;
    VmPollFn poll = vm->poll;

    if (h->nopoll) {
        vm->poll = NULL;
    }
    VmPollResult r = vm_poll(vm);
    vm->poll = poll;
    if (r == VM_STOP) {
        if (vm->stopped == VM_STOPPED_BUDGET) {
            stopped_msg(h);
        } else {
            h->interrupted = 1;
            vm->stopped = VM_RUNNING;
            snprintf(h->msg, sizeof h->msg, "interrupted at instruction %" PRIu64,
                     h->work.pos.n[STEP_INSTR]);
        }
        return VM_STOP;
    }
    return VM_GO_ON;            /* the history's poll never interrupts */
}

void
history_set_limits(History *h, const VmLimits *lim)
{
    h->limits = *lim;
    vm_set_limits(&h->work.vm, &h->limits);
}

int
history_at_limit(const History *h)
{
    const Vm *vm = &history_current(h)->vm;

    return !h->view_valid && vm->max_steps != 0 && vm->ninstr >= vm->max_steps
           && vm->next_in == NULL && !vm->ended;
}

/* Make the current point work's own. */
static void
drop_view(History *h)
{
    if (h->view_valid) {
        sim_done(&h->view);
        h->view_valid = 0;
    }
}

/* Run from checkpoint cpi, or from work if work_ok (work is before the
 * target) and work is at least as late as that checkpoint, with the
 * stop condition already set.  0 if it arrived. */
static int
seek(History *h, long cpi, int work_ok)
{
    if (cpi < 0 && !work_ok) {
        uint64_t e = history_earliest(h).seq;
        snprintf(h->msg, sizeof h->msg,
                 "history before event %" PRIu64 " was dropped to stay within the memory cap", e);
        return -1;
    }
    drop_view(h);
    if (!(work_ok && (cpi < 0 || h->work.pos.seq >= h->cp[cpi].sim.pos.seq))) {
        restore(h, (size_t)cpi);
    }
    run(h);
    return h->arrived ? 0 : -1;
}

/* ------------------------------------------------------------------ */
/* Opening and closing.                                               */

int
history_open(History *h, const char *path, size_t cap)
{
    memset(h, 0, sizeof *h);
    if (size_mask[EV_LINE] == 0) {
        init_size_mask();
    }
    h->cap = cap ? cap : HISTORY_DEFAULT_CAP;
    h->min_spacing = HIST_MIN_SPACING;
    h->size = STEP_LINE;
    h->limits.max_steps = VM_DEFAULT_MAX_STEPS;
    h->limits.max_heap = VM_DEFAULT_MAX_HEAP;
    machine_init(&h->work.m);
    vm_init(&h->work.vm, &h->work.m, NULL);
    vm_set_limits(&h->work.vm, &h->limits);
    h->work.vm.err = NULL;      /* stderr is part of the state: errtext */
    h->nstartup = h->work.m.nobjs;
    h->startup_addr = xcalloc(h->nstartup, sizeof *h->startup_addr);
    for (Handle x = 1; x < h->nstartup; x++) {
        if (h->work.m.objs[x].flags & OF_LIVE) {
            h->startup_addr[x] = h->work.m.objs[x].addr;
        }
    }
    h->prog = run_load(path, &h->work.m);
    if (h->prog == NULL) {
        sim_done(&h->work);
        free(h->startup_addr);
        return -1;
    }
    h->path = xstrdup(path);
    h->nconst = h->work.m.nobjs;
    h->const_addr = xcalloc(h->nconst, sizeof *h->const_addr);
    for (Handle x = 1; x < h->nconst; x++) {
        const Object *o = &h->work.m.objs[x];
        if ((o->flags & OF_LIVE) && !history_is_startup(h, &h->work.m, x)) {
            h->const_addr[x] = o->addr;
        }
    }
    machine_set_sink(&h->work.m, hist_sink, h);
    checkpoint(h);              /* point 0 */
    return 0;
}

void
history_close(History *h)
{
    drop_view(h);
    sim_done(&h->work);
    for (size_t i = 0; i < h->ncp; i++) {
        sim_done(&h->cp[i].sim);
    }
    free(h->cp);
    free(h->breaks);
    free(h->startup_addr);
    free(h->const_addr);
    free(h->path);
    program_free(h->prog);
    memset(h, 0, sizeof *h);
}

const Sim *
history_current(const History *h)
{
    return h->view_valid ? &h->view : &h->work;
}

Pos
history_earliest(const History *h)
{
    Pos p;

    memset(&p, 0, sizeof p);
    if (h->dropped_seq != 0 && h->ncp > 0) {
        p = h->cp[0].sim.pos;
        p.seq++;                /* the first point after the checkpoint */
    }
    return p;
}

size_t
history_bytes(const History *h)
{
    return h->bytes;
}

int
history_is_startup(const History *h, const Machine *m, Handle x)
{
    const Object *o = &m->objs[x];

    return (o->flags & OF_STATIC)
           || (x < h->nstartup && h->startup_addr[x] != 0 && h->startup_addr[x] == o->addr);
}

int
history_is_constant(const History *h, const Machine *m, Handle x)
{
    return x < h->nconst && h->const_addr[x] != 0 && h->const_addr[x] == m->objs[x].addr;
}

uint32_t
history_line(const History *h)
{
    const Sim *s = history_current(h);
    const Frame *f = m_frame(&s->m);

    return s->started && f != NULL ? f->line : 0;
}

/* ------------------------------------------------------------------ */
/* Moves.                                                             */

int
history_goto_seq(History *h, uint64_t seq)
{
    const Sim *cur = history_current(h);

    h->msg[0] = '\0';
    if (h->end_known && seq > h->end.seq) {
        seq = h->end.seq;
    }
    if (seq == cur->pos.seq) {
        return 0;
    }
    if (seq == 0) {
        if (h->ncp == 0 || h->cp[0].sim.started) {
            snprintf(h->msg, sizeof h->msg, "the start of the run was dropped");
            return -1;
        }
        drop_view(h);
        restore(h, 0);
        return 0;
    }
    h->stop = STOP_SEQ;
    h->stop_n = seq;
    return seek(h, newest_cp_before_seq(h, seq), h->work.pos.seq < seq);
}

int
history_goto(History *h, StepSize size, uint64_t n)
{
    const Sim *cur = history_current(h);

    h->msg[0] = '\0';
    if (n == 0) {
        return history_goto_seq(h, 0);
    }
    if (h->end_known && n >= h->end.n[size]) {
        return history_to_end(h);
    }
    if (cur->pos.n[size] == n && sim_last(cur)->kind != EV_COUNT && step_counts_as(sim_last(cur)->kind, size)) {
        return 0;
    }
    h->stop = STOP_COUNT;
    h->stop_size = size;
    h->stop_n = n;
    return seek(h, newest_cp_before_count(h, size, n), h->work.pos.n[size] < n);
}

int
history_forward(History *h, StepSize size, uint64_t count)
{
    const Sim *cur = history_current(h);

    if (sim_last(cur)->kind == EV_END || history_at_limit(h)) {
        snprintf(h->msg, sizeof h->msg, "at the end of the program");
        return -1;
    }
    uint64_t n = cur->pos.n[size];
    return history_goto(h, size, count > UINT64_MAX - n ? UINT64_MAX : n + count);
}

int
history_back(History *h, StepSize size, uint64_t count)
{
    const Sim *cur = history_current(h);
    uint64_t n = cur->pos.n[size];

    if (cur->pos.seq == 0) {
        snprintf(h->msg, sizeof h->msg, "at the start of the program");
        return -1;
    }
    /* The first step back leaves the current point if it is a step of
     * this size, else goes to the last one before it. */
    if (count > 0 && sim_last(cur)->kind != EV_COUNT && step_counts_as(sim_last(cur)->kind, size)) {
        n--;
        count--;
    }
    return history_goto(h, size, count > n ? 0 : n - count);
}

int
history_to_end(History *h)
{
    h->msg[0] = '\0';
    if (h->end_known) {
        const Sim *cur = history_current(h);
        if (cur->pos.seq == h->end.seq) {
            return 0;
        }
        h->stop = STOP_SEQ;
        h->stop_n = h->end.seq;
        return seek(h, newest_cp_before_seq(h, h->end.seq), h->work.pos.seq < h->end.seq);
    }
    h->stop = STOP_NEVER;
    h->stop_after = history_current(h)->pos.seq;
    return seek(h, -1, 1);
}

/* Forward to the first point after the current one satisfying kind. */
static int
search_forward(History *h, StopKind kind, uint64_t line)
{
    const Sim *cur = history_current(h);

    h->msg[0] = '\0';
    if (sim_last(cur)->kind == EV_END) {
        snprintf(h->msg, sizeof h->msg, "at the end of the program");
        return -1;
    }
    h->stop = kind;
    h->stop_n = line;
    h->stop_after = cur->pos.seq;
    /* Work is at the current point unless that is a copy; then replay
     * from the checkpoint before it. */
    long cpi = h->view_valid ? newest_cp_before_seq(h, cur->pos.seq) : -1;
    return seek(h, cpi, !h->view_valid);
}

/* Back to the last point before the current one satisfying kind: scan
 * the stretches between checkpoints from the newest back. */
static int
search_back(History *h, StopKind kind, uint64_t line)
{
    uint64_t cur = history_current(h)->pos.seq;

    h->msg[0] = '\0';
    for (long i = newest_cp_before_seq(h, cur); i >= 0; i--) {
        uint64_t limit = cur - 1;
        if ((size_t)i + 1 < h->ncp && h->cp[i + 1].sim.pos.seq < limit) {
            limit = h->cp[i + 1].sim.pos.seq;
        }
        if (limit <= h->cp[i].sim.pos.seq) {
            continue;
        }
        restore(h, (size_t)i);
        h->scanning = 1;
        h->scan_kind = kind;
        h->scan_line = line;
        h->scan_found = 0;
        h->stop_n = limit;
        run(h);
        h->scanning = 0;
        if (h->interrupted) {
            /* Back where the search began, without asking again. */
            h->nopoll = 1;
            history_goto_seq(h, cur);
            h->nopoll = 0;
            h->interrupted = 1;
            snprintf(h->msg, sizeof h->msg, "interrupted: the search went back no further");
            return -1;
        }
        if (h->scan_found != 0) {
            return history_goto_seq(h, h->scan_found);
        }
    }
    /* Nothing earlier: stay (work may have moved; the point has not). */
    history_goto_seq(h, cur);
    snprintf(h->msg, sizeof h->msg, "no earlier point found");
    return -1;
}

int
history_to_line(History *h, uint32_t line, int backward)
{
    return backward ? search_back(h, STOP_LINE, line) : search_forward(h, STOP_LINE, line);
}

int
history_to_break(History *h, int backward)
{
    if (h->nbreaks == 0) {
        snprintf(h->msg, sizeof h->msg, "no breakpoints are set");
        return -1;
    }
    return backward ? search_back(h, STOP_BREAK, 0) : search_forward(h, STOP_BREAK, 0);
}

int
history_to_collection(History *h, int backward)
{
    return backward ? search_back(h, STOP_COLLECTION, 0) : search_forward(h, STOP_COLLECTION, 0);
}

int
history_to_phase(History *h, int backward)
{
    return backward ? search_back(h, STOP_PHASE, 0) : search_forward(h, STOP_PHASE, 0);
}

int
history_toggle_break(History *h, uint32_t line)
{
    size_t i = 0;

    while (i < h->nbreaks && h->breaks[i] < line) {
        i++;
    }
    if (i < h->nbreaks && h->breaks[i] == line) {
        memmove(h->breaks + i, h->breaks + i + 1, (h->nbreaks - i - 1) * sizeof *h->breaks);
        h->nbreaks--;
        return 0;
    }
    h->breaks = xgrow(h->breaks, &h->breakcap, h->nbreaks + 1, sizeof *h->breaks);
    memmove(h->breaks + i + 1, h->breaks + i, (h->nbreaks - i) * sizeof *h->breaks);
    h->breaks[i] = line;
    h->nbreaks++;
    return 1;
}

int
history_is_break(const History *h, uint32_t line)
{
    return bp_has(h, line);
}
