/*
 * long_methods.c: int's methods and the int() and bool() constructors
 * (Objects/longobject.c, Objects/boolobject.c).
 */
#include <config.h>

#include "core/unicode.h"
#include "py/vmint.h"

/* int(s, base) of a str (PyLong_FromUnicodeObject). */
static Handle
int_from_str(Vm *vm, Handle s, int base)
{
    const Object *o = m_obj(M, s);
    BigInt b;
    size_t ndigits = 0;
    bi_init(&b);
    int rc = bi_from_string_limited(&b, o->u.s.utf8, o->u.s.nbytes, base, BI_MAX_STR_DIGITS,
                                    &ndigits);
    if (rc != 0) {
        bi_done(&b);
        StrBuf sb;
        sb_init(&sb);
        uni_repr(o->u.s.utf8, o->u.s.nbytes, &sb);
        if (rc == BI_ELIMIT) {
            vm_raise(vm, EXC_ValueError, "Exceeds the limit (%d digits) for integer string "
                     "conversion: value has %zu digits; use sys.set_int_max_str_digits() to "
                     "increase the limit", BI_MAX_STR_DIGITS, ndigits);
        } else {
            vm_raise(vm, EXC_ValueError, "invalid literal for int() with base %d: %s", base,
                     sb.s);
        }
        sb_done(&sb);
        return NULL_HANDLE;
    }
    return int_from_bigint(vm, &b);
}

/* int(), int(x), int(s, base) (long_new_impl). */
Handle
long_new(Vm *vm, const Handle *args, uint32_t nargs)
{
    if (nargs == 0) {
        return m_int(M, 0);
    }
    if (nargs == 2) {
        int64_t base;
        if (TYPE(args[0]) != T_STR) {
            vm_raise(vm, EXC_TypeError, "int() can't convert non-string with explicit base");
            return NULL_HANDLE;
        }
        if (!m_int_fits(M, args[1], &base) || base == 1 || base < 0 || base > 36) {
            vm_raise(vm, EXC_ValueError, "int() base must be >= 2 and <= 36, or 0");
            return NULL_HANDLE;
        }
        return int_from_str(vm, args[0], (int)base);
    }
    if (TYPE(args[0]) == T_INT) {
        m_incref(M, args[0]);
        return args[0];
    }
    if (TYPE(args[0]) == T_BOOL) {
        return m_int(M, m_obj(M, args[0])->u.i.size != 0);
    }
    if (TYPE(args[0]) == T_STR) {
        return int_from_str(vm, args[0], 10);
    }
    vm_raise(vm, EXC_TypeError, "int() argument must be a string, a bytes-like object or "
             "a real number, not '%s'", type_name(vm, args[0]));
    return NULL_HANDLE;
}

/* bool(), bool(x) (bool_new). */
Handle
bool_new(Vm *vm, const Handle *args, uint32_t nargs)
{
    if (nargs == 0) {
        return m_bool(M, 0);
    }
    int r = op_truth(vm, args[0]);
    return r < 0 ? NULL_HANDLE : m_bool(M, r);
}

/* int.bit_length(); takes its arguments unchecked, as it always has here. */
static Handle
int_bit_length(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    BigInt b;

    int_view(M, self, &b);
    return m_int(M, (int64_t)bi_bit_length(&b));
}

/* Also bool's: a bool's methods are int's. */
const MethodReg long_methods[] = {
    {"bit_length", int_bit_length, 0, ARGS_ANY, 0},
    {NULL, NULL, 0, 0, 0},
};
