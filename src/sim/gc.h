/*
 * gc.h: the generational cycle collector of CPython 3.11
 * (Modules/gcmodule.c), on the simulated machine.
 */
#ifndef PYMEMSIM_SIM_GC_H
#define PYMEMSIM_SIM_GC_H

#include "sim/machine.h"

/* The phases of one collection, in order, defined once. */
#define GC_PHASES(X) \
    X(START,            "start") \
    X(UPDATE_REFS,      "update_refs") \
    X(SUBTRACT_REFS,    "subtract_refs") \
    X(MOVE_UNREACHABLE, "move_unreachable") \
    X(UNTRACK_TUPLES,   "untrack_tuples") \
    X(MERGE,            "merge") \
    X(HANDLE_WEAKREFS,  "handle_weakrefs") \
    X(FINALIZE,         "finalize_garbage") \
    X(RESURRECTED,      "handle_resurrected") \
    X(DELETE,           "delete_garbage") \
    X(CLEAR_FREELISTS,  "clear_freelists") \
    X(DONE,             "done")

typedef enum {
#define X(id, name) GC_PHASE_##id,
    GC_PHASES(X)
#undef X
    GC_NPHASES
} GcPhase;

extern const char *const gc_phase_names[GC_NPHASES];

#define GC_DEBUG_SAVEALL (1 << 5)

/* The collector's settings, which the gc module changes, defined once:
 * gc.enable()/gc.disable(), gc.set_threshold(), gc.set_debug(). */
#define GC_SETTINGS(X) \
    X(ENABLED,    "enabled") \
    X(THRESHOLD0, "threshold0") \
    X(THRESHOLD1, "threshold1") \
    X(THRESHOLD2, "threshold2") \
    X(DEBUG,      "debug")

typedef enum {
#define X(id, name) GC_SETTING_##id,
    GC_SETTINGS(X)
#undef X
    GC_NSETTINGS
} GcSetting;

extern const char *const gc_setting_names[GC_NSETTINGS];

/* Primitive: set one of the collector's settings (EV_GC_CONFIG). */
void m_gc_config(Machine *m, GcSetting s, int64_t value);
/* Read one. */
int64_t m_gc_setting(const Machine *m, GcSetting s);

/* Collect `generation' and the younger ones (gc_collect_main).  Returns
 * what gc.collect() returns: unreachable objects not resurrected, plus
 * weakrefs freed by their callbacks, plus uncollectable objects.
 * Returns 0 without collecting when a collection is already running. */
int64_t gc_collect(Machine *m, int generation);

/* The automatic collection _PyObject_GC_Link starts: the oldest
 * generation over its threshold, with the 25% rule for generation 2. */
int64_t gc_collect_generations(Machine *m);

/* Traverse obj's references as its tp_traverse does (only what the
 * collector sees, in its order). */
void gc_traverse(const Machine *m, Handle obj, VisitFn fn, void *arg);

/* _PyTuple_MaybeUntrack and _PyDict_MaybeUntrack. */
void gc_maybe_untrack(Machine *m, Handle obj);

/* gc.freeze() and gc.unfreeze(). */
void gc_freeze(Machine *m);
void gc_unfreeze(Machine *m);

#endif
