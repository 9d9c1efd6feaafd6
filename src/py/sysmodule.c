/*
 * sysmodule.c: the functions of the sys module (Python/sysmodule.c)
 * and their table.
 */
#include <config.h>

#include "py/vmint.h"

static Handle
sys_getrefcount(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return m_int(M, m_obj(M, args[0])->refcnt);
}

static Handle
sys_getsizeof(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return m_int(M, (int64_t)m_sizeof(M, args[0]));
}

/* sys.intern(s): every str is already interned where it matters here. */
static Handle
sys_intern(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    m_incref(M, args[0]);
    return args[0];
}

const MethodReg sys_functions[] = {
    {"getrefcount", sys_getrefcount, 1, 1, 0},
    {"getsizeof", sys_getsizeof, 1, 2, METH_VARARGS},
    {"intern", sys_intern, 1, 1, 0},
    {NULL, NULL, 0, 0, 0},
};
