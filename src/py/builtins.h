/*
 * builtins.h: identifiers of the built-in functions and methods.
 */
#ifndef PYMEMSIM_PY_BUILTINS_H
#define PYMEMSIM_PY_BUILTINS_H

#include "sim/object.h"

#define B_MOD  (T_COUNT + 1)
#define B_SYS  (T_COUNT + 2)
#define B_GC   (T_COUNT + 3)

typedef enum {
#define BI(id, name, where) BI_##id,
#include "py/builtins.def"
#undef BI
    BI_COUNT
} BuiltinId;

typedef struct BuiltinInfo {
    const char *name;
    int where;
} BuiltinInfo;

extern const BuiltinInfo builtin_info[BI_COUNT];

#endif
