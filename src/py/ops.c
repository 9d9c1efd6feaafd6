/*
 * ops.c: the object protocol of the subset: str() and repr(), truth,
 * arithmetic, comparison, attributes, items, iteration (Objects/
 * abstract.c, object.c and the types' slots in CPython 3.11).
 *
 * Every object these functions create or free goes through the
 * machine's constructors and primitives, so a student sees, for
 * example, the new int that `a + b' allocates and the list iterator a
 * for loop holds.
 */
#include <config.h>

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/unicode.h"
#include "core/xalloc.h"
#include "py/vmint.h"

/* ------------------------------------------------------------------ */
/* ints                                                               */

void
int_view(const Machine *m, Handle h, BigInt *v)
{
    const Object *o = m_obj(m, h);
    int32_t n = o->u.i.size < 0 ? -o->u.i.size : o->u.i.size;

    v->size = o->u.i.size;
    v->d = n <= 1 ? (uint32_t *)&o->u.i.digit0 : o->u.i.digits;
}

Handle
int_from_bigint(Vm *vm, BigInt *b)
{
    Handle h = m_int_from_digits(M, b->size < 0 ? -1 : 1, b->d, bi_ndigits(b));

    bi_done(b);
    return h;
}

int
is_int(const Vm *vm, Handle h)
{
    ObjType t = TYPE(h);

    return t == T_INT || t == T_BOOL;
}

Handle
new_str(Vm *vm, const char *s, size_t n)
{
    return m_str(M, s, n);
}

const char *
type_name(const Vm *vm, Handle h)
{
    return m_type_name(M, h);
}

/* ------------------------------------------------------------------ */
/* repr and str                                                       */


/* Py_ReprEnter keeps its list in the thread state's dict, both made on
 * first use and kept for good: two GC objects, counted once. */
static void
repr_state(Vm *vm)
{
    if (vm->repr_state_made) {
        return;
    }
    vm->repr_state_made = 1;
    Handle d = m_dict_new(M);
    Handle l = m_list_new(M, 0);
    Handle k = m_str_cstr(M, "Py_Repr");
    m_dict_setitem(M, d, k, l);
    m_decref(M, k);
    m_decref(M, l);
    m_root_add(M, d);
}

static int
repr_enter(Vm *vm, Handle h)
{
    for (int i = 0; i < vm->repr_depth; i++) {
        if (vm->repr_stack[i] == h) {
            return 1;
        }
    }
    if (vm->repr_depth < VM_REPR_MAX) {
        vm->repr_stack[vm->repr_depth++] = h;
    }
    return 0;
}

static void
repr_leave(Vm *vm)
{
    if (vm->repr_depth > 0) {
        vm->repr_depth--;
    }
}

static int
int_text(Vm *vm, Handle h, StrBuf *out)
{
    BigInt v;

    int_view(M, h, &v);
    if (bi_to_decimal_limited(&v, out, BI_MAX_STR_DIGITS) == BI_ELIMIT) {
        vm_raise(vm, EXC_ValueError, "Exceeds the limit (%d digits) for integer string "
                 "conversion; use sys.set_int_max_str_digits() to increase the limit",
                 BI_MAX_STR_DIGITS);
        return -1;
    }
    return 0;
}

static void
qualified_name(Vm *vm, Handle cls, StrBuf *out)
{
    const ClassVal *c = m_obj(M, cls)->u.c;
    Handle mod = m_dict_getitem(M, c->dict, vm->str_module);

    if (mod != NULL_HANDLE && TYPE(mod) == T_STR) {
        sb_puts(out, m_obj(M, mod)->u.s.utf8);
        sb_putc(out, '.');
    }
    sb_puts(out, m_obj(M, c->name)->u.s.utf8);
}

/* One "key: value" of a dict's repr, ", " before all but the first. */
static int
repr_dict_item(Vm *vm, Handle k, Handle v, int *first, StrBuf *out)
{
    int rc;

    if (!*first) {
        sb_puts(out, ", ");
    }
    *first = 0;
    rc = op_repr(vm, k, out);
    sb_puts(out, ": ");
    return rc == 0 ? op_repr(vm, v, out) : rc;
}

static int repr_object(Vm *vm, Handle h, StrBuf *out);

/* Py_EnterRecursiveCall: nested reprs and comparisons count towards the
 * recursion limit with the Python frames below them, so a deep
 * structure raises RecursionError where CPython does and never runs the
 * host out of stack.  0, or -1 with the error raised. */
int
enter_recursive(Vm *vm, const char *where)
{
    if (vm->c_nest == 0) {
        vm->c_base = 0;
        for (uint32_t i = 0; i < M->nframes; i++) {
            vm->c_base += M->frames[i].code != NULL_HANDLE;
        }
    }
    if (vm->c_base + vm->c_nest + 1 > vm->recursion_limit) {
        vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    vm->c_nest++;
    return 0;
}

void
leave_recursive(Vm *vm)
{
    vm->c_nest--;
}

/* PyObject_Repr */
int
op_repr(Vm *vm, Handle h, StrBuf *out)
{
    if (enter_recursive(vm, " while getting the repr of an object") < 0) {
        return -1;
    }
    int rc = repr_object(vm, h, out);
    leave_recursive(vm);
    return rc;
}

/* The start of a container's repr: its text when it is empty, or its
 * "..." form when it is being repr'd already (Py_ReprEnter).  1 when
 * that is all, 0 to go on (then repr_leave when done). */
static int
repr_open(Vm *vm, Handle h, int empty, const char *empty_text, const char *again, StrBuf *out)
{
    if (empty) {
        sb_puts(out, empty_text);
        return 1;
    }
    repr_state(vm);
    if (repr_enter(vm, h)) {
        sb_puts(out, again);
        return 1;
    }
    return 0;
}

/* list_repr and tuplerepr: "[...]" or "(...)" for one being repr'd. */
static int
repr_sequence(Vm *vm, Handle h, StrBuf *out)
{
    const Object *o = m_obj(M, h);
    int is_list = o->type == T_LIST, rc = 0;
    uint32_t n = is_list ? o->u.l.len : o->u.t.len;

    if (repr_open(vm, h, n == 0, is_list ? "[]" : "()", is_list ? "[...]" : "(...)", out)) {
        return 0;
    }
    sb_putc(out, is_list ? '[' : '(');
    for (uint32_t i = 0; i < n && rc == 0; i++) {
        o = m_obj(M, h);
        uint32_t len = is_list ? o->u.l.len : o->u.t.len;
        if (i >= len) {
            break;
        }
        if (i > 0) {
            sb_puts(out, ", ");
        }
        rc = op_repr(vm, is_list ? o->u.l.items[i] : o->u.t.items[i], out);
    }
    if (!is_list && n == 1) {
        sb_putc(out, ',');
    }
    sb_putc(out, is_list ? ']' : ')');
    repr_leave(vm);
    return rc;
}

/* dict_repr: a split dict in its values' order, a combined one in its
 * entries' order. */
static int
repr_dict(Vm *vm, Handle h, StrBuf *out)
{
    int rc = 0;

    repr_state(vm);             /* made even for an empty dict */
    const Dict *d = m_obj(M, h)->u.d;
    if (repr_open(vm, h, d->used == 0, "{}", "{...}", out)) {
        return 0;
    }
    sb_putc(out, '{');
    int first = 1;
    if (d->split) {
        const ClassVal *c = m_obj(M, d->cls)->u.c;
        for (uint32_t k = 0; k < d->values->norder && rc == 0; k++) {
            uint32_t ix = d->values->order[k];
            rc = repr_dict_item(vm, c->keys[ix], d->values->slot[ix], &first, out);
        }
    } else {
        for (uint32_t e = 0; e < m_obj(M, h)->u.d->nentries && rc == 0; e++) {
            d = m_obj(M, h)->u.d;
            Handle k = d->entries[2 * e], v = d->entries[2 * e + 1];
            if (k == NULL_HANDLE) {
                continue;
            }
            rc = repr_dict_item(vm, k, v, &first, out);
        }
    }
    sb_putc(out, '}');
    repr_leave(vm);
    return rc;
}

/* set_repr: PySequence_List of the items, whose repr is trimmed. */
static int
repr_set(Vm *vm, Handle h, StrBuf *out)
{
    repr_state(vm);             /* made even for an empty set */
    if (repr_open(vm, h, m_obj(M, h)->u.set->used == 0, "set()", "set(...)", out)) {
        return 0;
    }
    int rc = 0;
    Handle keys = m_list_new(M, 0);
    if (list_extend(vm, keys, h) < 0) {
        m_decref(M, keys);
        repr_leave(vm);
        return -1;
    }
    sb_putc(out, '{');
    for (uint32_t i = 0; i < m_obj(M, keys)->u.l.len && rc == 0; i++) {
        if (i > 0) {
            sb_puts(out, ", ");
        }
        rc = op_repr(vm, m_obj(M, keys)->u.l.items[i], out);
    }
    sb_putc(out, '}');
    m_decref(M, keys);
    repr_leave(vm);
    return rc;
}

/* meth_repr: a method bound to an object, or a module's function. */
static void
repr_builtin(Vm *vm, const Object *o, StrBuf *out)
{
    if (o->u.builtin.self != NULL_HANDLE && TYPE(o->u.builtin.self) != T_MODULE) {
        sb_printf(out, "<built-in method %s of %s object at 0x%" PRIx64 ">",
                  builtin_name(o->u.builtin.id), type_name(vm, o->u.builtin.self),
                  m_obj(M, o->u.builtin.self)->addr);
    } else {
        sb_printf(out, "<built-in function %s>", builtin_name(o->u.builtin.id));
    }
}

/* range_repr: the step only when it is not 1. */
static int
repr_range(Vm *vm, Handle h, StrBuf *out)
{
    const Object *o = m_obj(M, h);

    sb_puts(out, "range(");
    int rc = op_repr(vm, o->u.range.start, out);
    sb_puts(out, ", ");
    if (rc == 0) {
        rc = op_repr(vm, m_obj(M, h)->u.range.stop, out);
    }
    o = m_obj(M, h);
    int64_t step;
    if (rc == 0 && !(m_int_fits(M, o->u.range.step, &step) && step == 1)) {
        sb_puts(out, ", ");
        rc = op_repr(vm, o->u.range.step, out);
    }
    sb_putc(out, ')');
    return rc;
}

static void
repr_weakref(Vm *vm, const Object *o, StrBuf *out)
{
    if (o->u.wr.referent == NULL_HANDLE) {
        sb_printf(out, "<weakref at 0x%" PRIx64 "; dead>", o->addr);
    } else {
        sb_printf(out, "<weakref at 0x%" PRIx64 "; to '%s' at 0x%" PRIx64 ">", o->addr,
                  type_name(vm, o->u.wr.referent), m_obj(M, o->u.wr.referent)->addr);
    }
}

/* dictview_repr: "dict_keys([...])" and the like, of a combined dict. */
static int
repr_dict_view(Vm *vm, Handle h, StrBuf *out)
{
    const Object *o = m_obj(M, h);
    Handle d = o->u.it.seq;
    ObjType vt = (ObjType)o->type;
    int first = 1, rc = 0;

    sb_printf(out, "%s([", type_info[o->type].pyname);
    for (uint32_t e = 0; e < m_obj(M, d)->u.d->nentries && rc == 0; e++) {
        const Dict *dd = m_obj(M, d)->u.d;
        if (dd->split) {
            break;
        }
        Handle k = dd->entries[2 * e], v = dd->entries[2 * e + 1];
        if (k == NULL_HANDLE) {
            continue;
        }
        if (!first) {
            sb_puts(out, ", ");
        }
        first = 0;
        if (vt == T_DICTITEMS) {
            sb_putc(out, '(');
            rc = op_repr(vm, k, out);
            sb_puts(out, ", ");
            if (rc == 0) {
                rc = op_repr(vm, v, out);
            }
            sb_putc(out, ')');
        } else {
            rc = op_repr(vm, vt == T_DICTKEYS ? k : v, out);
        }
    }
    sb_puts(out, "])");
    return rc;
}

/* Each type's tp_repr. */
static int
repr_object(Vm *vm, Handle h, StrBuf *out)
{
    const Object *o = m_obj(M, h);
    int rc;

    switch ((ObjType)o->type) {
    case T_NONE:
        sb_puts(out, "None");
        return 0;
    case T_BOOL:
        sb_puts(out, o->u.i.size ? "True" : "False");
        return 0;
    case T_INT:
        return int_text(vm, h, out);
    case T_STR:
        uni_repr(o->u.s.utf8, o->u.s.nbytes, out);
        return 0;
    case T_LIST:
    case T_TUPLE:
        return repr_sequence(vm, h, out);
    case T_DICT:
        return repr_dict(vm, h, out);
    case T_SET:
        return repr_set(vm, h, out);
    case T_INSTANCE:
        sb_putc(out, '<');
        qualified_name(vm, o->u.inst.cls, out);
        sb_printf(out, " object at 0x%" PRIx64 ">", o->addr);
        return 0;
    case T_CLASS:
        sb_puts(out, "<class '");
        qualified_name(vm, h, out);
        sb_puts(out, "'>");
        return 0;
    case T_TYPE:
        sb_printf(out, "<class '%s'>", type_info[o->u.builtin.id].pyname);
        return 0;
    case T_FUNCTION:
        sb_printf(out, "<function %s at 0x%" PRIx64 ">",
                  m_obj(M, o->u.f->qualname)->u.s.utf8, o->addr);
        return 0;
    case T_METHOD: {
        Handle f = o->u.meth.func;
        sb_printf(out, "<bound method %s of ", m_obj(M, m_obj(M, f)->u.f->qualname)->u.s.utf8);
        rc = op_repr(vm, o->u.meth.self, out);
        sb_putc(out, '>');
        return rc;
    }
    case T_BUILTIN:
        repr_builtin(vm, o, out);
        return 0;
    case T_MODULE:
        sb_printf(out, "<module '%s' (built-in)>", m_obj(M, o->u.mod.name)->u.s.utf8);
        return 0;
    case T_RANGE:
        return repr_range(vm, h, out);
    case T_WEAKREF:
        repr_weakref(vm, o, out);
        return 0;
    case T_DICTKEYS:
    case T_DICTVALUES:
    case T_DICTITEMS:
        return repr_dict_view(vm, h, out);
    case T_CELL: case T_CODE: case T_LISTITER: case T_TUPLEITER: case T_RANGEITER:
    case T_STRITER: case T_DICTITER: case T_DICTVALITER: case T_DICTITEMITER: case T_SETITER:
    case T_GETSET: case T_SUPER: case T_COUNT:
        break;
    }
    sb_printf(out, "<%s object at 0x%" PRIx64 ">", type_name(vm, h), o->addr);
    return 0;
}

int
op_str(Vm *vm, Handle h, StrBuf *out)
{
    const Object *o = m_obj(M, h);

    if (o->type == T_STR) {
        sb_put(out, o->u.s.utf8, o->u.s.nbytes);
        return 0;
    }
    return op_repr(vm, h, out);
}

Handle
op_str_object(Vm *vm, Handle h)
{
    if (TYPE(h) == T_STR) {
        m_incref(M, h);
        return h;
    }
    StrBuf sb;
    sb_init(&sb);
    if (op_repr(vm, h, &sb) < 0) {
        sb_done(&sb);
        return NULL_HANDLE;
    }
    Handle r = new_str(vm, sb.s, sb.len);
    sb_done(&sb);
    return r;
}

/* ------------------------------------------------------------------ */
/* truth, equality, comparison                                        */

/* PyObject_Size: a collection's length (TypeOps.len, a view's dict's,
 * a range's). */
int64_t
op_len(Vm *vm, Handle h)
{
    const Object *o = m_obj(M, h);
    uint32_t n = 0;

    switch ((CollKind)type_info[o->type].coll) {
    case COLL_STR:
    case COLL_SEQ:
    case COLL_DICT:
    case COLL_SET:
        m_len(M, h, &n);        /* each of these has TypeOps.len */
        return n;
    case COLL_VIEW:
        return m_obj(M, o->u.it.seq)->u.d->used;
    case COLL_RANGE:
        if (o->u.range.len < 0) {
            vm_raise(vm, EXC_OverflowError, "Python int too large to convert to C ssize_t");
        }
        return o->u.range.len;
    case COLL_NONE:
        break;
    }
    vm_raise(vm, EXC_TypeError, "object of type '%s' has no len()", type_name(vm, h));
    return -1;
}

/* PyObject_IsTrue: None is false, a number when zero, a collection when
 * empty; everything else is true. */
int
op_truth(Vm *vm, Handle h)
{
    const Object *o = m_obj(M, h);

    if (o->type == T_NONE) {
        return 0;
    }
    if (is_int(vm, h)) {
        return o->u.i.size != 0;
    }
    switch ((CollKind)type_info[o->type].coll) {
    case COLL_RANGE:
        return o->u.range.len != 0;
    case COLL_STR:
    case COLL_SEQ:
    case COLL_DICT:
    case COLL_VIEW:
    case COLL_SET:
        return op_len(vm, h) != 0;
    case COLL_NONE:
        break;
    }
    return 1;
}

/* Keys and items views compare as sets (all_contained_in both ways). */
static int
view_equal(Vm *vm, Handle view, Handle other)
{
    int64_t n = op_len(vm, view), k = op_len(vm, other);

    if (n < 0 || k < 0) {
        return -1;
    }
    if (n != k) {
        return 0;
    }
    Handle it = op_iter(vm, view);
    if (it == NULL_HANDLE) {
        return -1;
    }
    Handle v;
    int r, eq = 1;
    while ((r = op_next_item(vm, it, &v)) == 1) {
        int c = op_contains(vm, other, v);
        m_decref(M, v);
        if (c <= 0) {
            eq = c;
            break;
        }
    }
    m_decref(M, it);
    return r < 0 ? -1 : eq;
}

static int equal(Vm *vm, Handle a, Handle b);

/* PyObject_RichCompare(Py_EQ), as far as the recursion limit goes. */
int
op_equal(Vm *vm, Handle a, Handle b)
{
    if (a == b) {
        return 1;               /* identity implies equality: no call */
    }
    if (enter_recursive(vm, " in comparison") < 0) {
        return -1;
    }
    int r = equal(vm, a, b);
    leave_recursive(vm);
    return r;
}

static int
equal(Vm *vm, Handle a, Handle b)
{
    const Object *x = m_obj(M, a), *y = m_obj(M, b);
    if (is_int(vm, a) && is_int(vm, b)) {
        return m_key_eq(M, a, b);
    }
    if ((x->type == T_DICTKEYS || x->type == T_DICTITEMS)
        && (y->type == T_DICTKEYS || y->type == T_DICTITEMS || y->type == T_SET)) {
        return view_equal(vm, a, b);
    }
    if ((y->type == T_DICTKEYS || y->type == T_DICTITEMS) && x->type == T_SET) {
        return view_equal(vm, b, a);
    }
    if (x->type != y->type) {
        return 0;
    }
    switch ((CollKind)type_info[x->type].coll) {
    case COLL_STR:
        return m_key_eq(M, a, b);
    case COLL_SEQ: {
        int is_list = x->type == T_LIST;
        uint32_t n = is_list ? x->u.l.len : x->u.t.len;
        if (n != (is_list ? y->u.l.len : y->u.t.len)) {
            return 0;
        }
        for (uint32_t i = 0; i < n; i++) {
            x = m_obj(M, a);
            y = m_obj(M, b);
            if (i >= (is_list ? x->u.l.len : x->u.t.len)
                || i >= (is_list ? y->u.l.len : y->u.t.len)) {
                return 0;
            }
            int r = op_equal(vm, is_list ? x->u.l.items[i] : x->u.t.items[i],
                             is_list ? y->u.l.items[i] : y->u.t.items[i]);
            if (r <= 0) {
                return r;
            }
        }
        return 1;
    }
    case COLL_DICT: {
        if (x->u.d->used != y->u.d->used) {
            return 0;
        }
        const Dict *d = x->u.d;
        for (uint32_t e = 0; e < d->nentries && !d->split; e++) {
            Handle k = d->entries[2 * e];
            if (k == NULL_HANDLE) {
                continue;
            }
            Handle w = m_dict_getitem(M, b, k);
            if (w == NULL_HANDLE) {
                return 0;
            }
            int r = op_equal(vm, d->entries[2 * e + 1], w);
            if (r <= 0) {
                return r;
            }
        }
        return 1;
    }
    case COLL_SET: {
        const SetVal *s = x->u.set;
        if (s->used != y->u.set->used) {
            return 0;
        }
        for (uint32_t i = 0; i <= s->mask; i++) {
            Handle k = s->table[i];
            if (k != NULL_HANDLE && k != SET_DUMMY && op_contains(vm, b, k) != 1) {
                return 0;
            }
        }
        return 1;
    }
    case COLL_RANGE:
        return op_equal(vm, x->u.range.start, y->u.range.start) == 1
               && op_equal(vm, x->u.range.stop, y->u.range.stop) == 1
               && op_equal(vm, x->u.range.step, y->u.range.step) == 1;
    case COLL_VIEW:             /* values views: only by identity */
    case COLL_NONE:
        break;
    }
    if (x->type == T_METHOD) {
        /* meth_richcompare: the same function bound to the same self. */
        return x->u.meth.func == y->u.meth.func && x->u.meth.self == y->u.meth.self;
    }
    /* Live weak references compare their referents. */
    if (x->type == T_WEAKREF && x->u.wr.referent != NULL_HANDLE
        && y->u.wr.referent != NULL_HANDLE) {
        return op_equal(vm, x->u.wr.referent, y->u.wr.referent);
    }
    return 0;
}

static const char *const cmp_text[] = {"<", "<=", "==", "!=", ">", ">="};

static int
cmp_result(int c, int op)
{
    switch (op) {
    case 0: return c < 0;
    case 1: return c <= 0;
    case 2: return c == 0;
    case 3: return c != 0;
    case 4: return c > 0;
    default: return c >= 0;
    }
}

/* Three-way comparison for ordering; -2 with TypeError if unordered. */
static int order(Vm *vm, int op, Handle a, Handle b, int *out);

/* PyObject_RichCompare for an ordering, as far as the recursion limit
 * goes. */
static int
order_counted(Vm *vm, int op, Handle a, Handle b, int *out)
{
    if (enter_recursive(vm, " in comparison") < 0) {
        return -1;
    }
    int r = order(vm, op, a, b, out);
    leave_recursive(vm);
    return r;
}

static int
order(Vm *vm, int op, Handle a, Handle b, int *out)
{
    const Object *x = m_obj(M, a), *y = m_obj(M, b);

    if (is_int(vm, a) && is_int(vm, b)) {
        BigInt p, q;
        int_view(M, a, &p);
        int_view(M, b, &q);
        *out = bi_cmp(&p, &q);
        return 0;
    }
    if (x->type == T_STR && y->type == T_STR) {
        size_t n = x->u.s.nbytes < y->u.s.nbytes ? x->u.s.nbytes : y->u.s.nbytes;
        int c = memcmp(x->u.s.utf8, y->u.s.utf8, n);
        *out = c != 0 ? (c < 0 ? -1 : 1)
               : (x->u.s.nbytes < y->u.s.nbytes ? -1 : x->u.s.nbytes > y->u.s.nbytes);
        return 0;
    }
    if (x->type == y->type && (x->type == T_LIST || x->type == T_TUPLE)) {
        int is_list = x->type == T_LIST;
        for (uint32_t i = 0;; i++) {
            x = m_obj(M, a);
            y = m_obj(M, b);
            uint32_t nx = is_list ? x->u.l.len : x->u.t.len;
            uint32_t ny = is_list ? y->u.l.len : y->u.t.len;
            if (i >= nx || i >= ny) {
                *out = nx < ny ? -1 : nx > ny;
                return 0;
            }
            Handle p = is_list ? x->u.l.items[i] : x->u.t.items[i];
            Handle q = is_list ? y->u.l.items[i] : y->u.t.items[i];
            int e = op_equal(vm, p, q);
            if (e < 0) {
                return -1;
            }
            if (!e) {
                return order_counted(vm, op, p, q, out);
            }
        }
    }
    vm_raise(vm, EXC_TypeError, "'%s' not supported between instances of '%s' and '%s'",
             cmp_text[op], type_name(vm, a), type_name(vm, b));
    return -1;
}

int
op_compare(Vm *vm, int op, Handle a, Handle b)
{
    if (op == 2 || op == 3) {
        int e = op_equal(vm, a, b);
        if (e < 0) {
            return -1;
        }
        return op == 2 ? e : !e;
    }
    int c;
    if (order_counted(vm, op, a, b, &c) < 0) {
        return -1;
    }
    return cmp_result(c, op);
}

/* CPython 3.11 hashes a tuple by recursing into its items on the C stack,
 * without counting the depth, and crashes somewhere past 100,000 nested
 * tuples.  Here the walk keeps its own stack and raises RecursionError
 * past that depth instead. */
#define HASH_MAXDEPTH 100000

static int
unhashable(Vm *vm, Handle h)
{
    if (!type_info[TYPE(h)].hashable) {
        vm_raise(vm, EXC_TypeError, "unhashable type: '%s'", type_name(vm, h));
        return 1;
    }
    return 0;
}

int
op_hashable(Vm *vm, Handle h)
{
    if (unhashable(vm, h)) {
        return -1;
    }
    if (TYPE(h) != T_TUPLE) {
        return 0;
    }
    /* Depth-first over nested tuples: each entry a tuple and its next item. */
    struct { Handle t; uint32_t i; } *st = NULL;
    size_t n = 0, cap = 0;
    int r = 0;
    st = xgrow(st, &cap, 1, sizeof *st);
    st[n].t = h;
    st[n++].i = 0;
    while (n > 0) {
        const Object *o = m_obj(M, st[n - 1].t);
        if (st[n - 1].i == o->u.t.len) {
            n--;
            continue;
        }
        Handle x = o->u.t.items[st[n - 1].i++];
        if (unhashable(vm, x)) {
            r = -1;
            break;
        }
        if (TYPE(x) == T_TUPLE) {
            if (n > HASH_MAXDEPTH) {
                vm_raise(vm, EXC_RecursionError,
                         "maximum recursion depth exceeded while hashing a tuple");
                r = -1;
                break;
            }
            st = xgrow(st, &cap, n + 1, sizeof *st);
            st[n].t = x;
            st[n++].i = 0;
        }
    }
    free(st);
    return r;
}

/* `item in d' for a dict d (dict_contains). */
static int
dict_contains(Vm *vm, Handle d, Handle item)
{
    if (op_hashable(vm, item) < 0) {
        return -1;
    }
    return m_dict_getitem(M, d, item) != NULL_HANDLE;
}

/* dictkeys_contains, dictvalues' iteration, dictitems_contains. */
static int
view_contains(Vm *vm, Handle view, Handle item)
{
    const Object *o = m_obj(M, view);

    if (o->type == T_DICTKEYS) {
        return dict_contains(vm, o->u.it.seq, item);
    }
    if (o->type == T_DICTVALUES) {
        Handle d = o->u.it.seq;
        for (uint32_t e = 0; e < m_obj(M, d)->u.d->nentries; e++) {
            const Dict *dd = m_obj(M, d)->u.d;
            if (!dd->split && dd->entries[2 * e] != NULL_HANDLE) {
                int r = op_equal(vm, dd->entries[2 * e + 1], item);
                if (r != 0) {
                    return r;
                }
            }
        }
        return 0;
    }
    const Object *t = m_obj(M, item);
    if (t->type != T_TUPLE || t->u.t.len != 2) {
        return 0;
    }
    if (op_hashable(vm, t->u.t.items[0]) < 0) {
        return -1;
    }
    Handle v = m_dict_getitem(M, o->u.it.seq, t->u.t.items[0]);
    return v == NULL_HANDLE ? 0 : op_equal(vm, v, m_obj(M, item)->u.t.items[1]);
}

/* PySequence_Contains: each collection's sq_contains. */
int
op_contains(Vm *vm, Handle container, Handle item)
{
    const Object *o = m_obj(M, container);

    switch ((CollKind)type_info[o->type].coll) {
    case COLL_SEQ: {
        int is_list = o->type == T_LIST;
        for (uint32_t i = 0;; i++) {
            o = m_obj(M, container);
            if (i >= (is_list ? o->u.l.len : o->u.t.len)) {
                return 0;
            }
            int r = op_equal(vm, is_list ? o->u.l.items[i] : o->u.t.items[i], item);
            if (r != 0) {
                return r;
            }
        }
    }
    case COLL_DICT:
        return dict_contains(vm, container, item);
    case COLL_VIEW:
        return view_contains(vm, container, item);
    case COLL_SET: {
        if (op_hashable(vm, item) < 0) {
            return -1;
        }
        const SetVal *s = o->u.set;
        for (uint32_t i = 0; i <= s->mask; i++) {
            Handle k = s->table[i];
            if (k != NULL_HANDLE && k != SET_DUMMY && m_key_eq(M, k, item)) {
                return 1;
            }
        }
        return 0;
    }
    case COLL_STR: {
        const Object *x = m_obj(M, item);
        if (x->type != T_STR) {
            vm_raise(vm, EXC_TypeError, "'in <string>' requires string as left operand, not %s",
                     type_name(vm, item));
            return -1;
        }
        if (x->u.s.nbytes == 0) {
            return 1;
        }
        for (uint32_t i = 0; i + x->u.s.nbytes <= o->u.s.nbytes; i++) {
            if (memcmp(o->u.s.utf8 + i, x->u.s.utf8, x->u.s.nbytes) == 0) {
                return 1;
            }
        }
        return 0;
    }
    case COLL_RANGE: {
        if (!is_int(vm, item)) {
            return 0;
        }
        BigInt v, start, stop, step, d, q;
        int_view(M, item, &v);
        int_view(M, o->u.range.start, &start);
        int_view(M, o->u.range.stop, &stop);
        int_view(M, o->u.range.step, &step);
        if (step.size > 0 ? (bi_cmp(&v, &start) < 0 || bi_cmp(&v, &stop) >= 0)
                          : (bi_cmp(&v, &start) > 0 || bi_cmp(&v, &stop) <= 0)) {
            return 0;
        }
        bi_init(&d);
        bi_init(&q);
        bi_sub(&d, &v, &start);
        bi_mod(&q, &d, &step);
        int in = q.size == 0;
        bi_done(&d);
        bi_done(&q);
        return in;
    }
    case COLL_NONE:
        break;
    }
    vm_raise(vm, EXC_TypeError, "argument of type '%s' is not iterable",
             type_name(vm, container));
    return -1;
}

/* ------------------------------------------------------------------ */
/* arithmetic                                                         */

static int
is_sequence(const Vm *vm, Handle h)
{
    ObjType t = TYPE(h);

    return t == T_STR || t == T_LIST || t == T_TUPLE;
}

static Handle
binop_error(Vm *vm, unsigned op, Handle a, Handle b)
{
    /* A sequence's sq_repeat was tried with the other operand. */
    if (op % OP_NBINOPS == OP_MUL && (is_sequence(vm, a) || is_sequence(vm, b))) {
        vm_raise(vm, EXC_TypeError, "can't multiply sequence by non-int of type '%s'",
                 type_name(vm, is_sequence(vm, a) ? b : a));
        return NULL_HANDLE;
    }
    vm_raise(vm, EXC_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
             binop_text[op % OP_NBINOPS], op >= OP_NBINOPS ? "=" : "",
             type_name(vm, a), type_name(vm, b));
    return NULL_HANDLE;
}

static Handle
seq_repeat(Vm *vm, Handle seq, Handle count)
{
    int64_t n;
    const Object *o = m_obj(M, seq);

    if (!m_int_fits(M, count, &n)) {
        vm_raise(vm, EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
        return NULL_HANDLE;
    }
    if (n < 0) {
        n = 0;
    }
    if (o->type == T_STR) {
        if (n == 1) {
            m_incref(M, seq);               /* unicode_result_unchanged */
            return seq;
        }
        if (n > 0 && ((uint64_t)o->u.s.nbytes * (uint64_t)n > (UINT64_C(1) << 30)
                      || !m_heap_room(M, (uint64_t)o->u.s.nbytes * (uint64_t)n))) {
            vm_raise(vm, EXC_MemoryError, "%s", "");
            return NULL_HANDLE;
        }
        StrBuf sb;
        sb_init(&sb);
        for (int64_t i = 0; i < n; i++) {
            sb_put(&sb, o->u.s.utf8, o->u.s.nbytes);
        }
        Handle r = new_str(vm, sb.s, sb.len);
        sb_done(&sb);
        return r;
    }
    uint32_t len = o->type == T_LIST ? o->u.l.len : o->u.t.len;
    if ((uint64_t)len * (uint64_t)n > (UINT64_C(1) << 28)
        || !m_heap_room(M, (uint64_t)len * (uint64_t)n * PTR_SIZE)) {
        vm_raise(vm, EXC_MemoryError, "%s", "");
        return NULL_HANDLE;
    }
    uint32_t total = (uint32_t)(len * n);
    if (o->type == T_TUPLE) {
        if (n == 1) {
            m_incref(M, seq);
            return seq;
        }
        Handle t = m_tuple_new(M, total);
        for (uint32_t i = 0; i < total; i++) {
            Handle x = m_obj(M, seq)->u.t.items[i % len];
            m_incref(M, x);
            m_store(M, t, i, x);
        }
        return t;
    }
    Handle l = m_list_new_prealloc(M, total);
    for (uint32_t i = 0; i < total; i++) {
        Handle x = m_obj(M, seq)->u.l.items[i % len];
        m_incref(M, x);
        m_list_push(M, l, x);
    }
    return l;
}

static Handle
seq_concat(Vm *vm, Handle a, Handle b)
{
    const Object *x = m_obj(M, a), *y = m_obj(M, b);

    if (x->type == T_STR) {
        /* PyUnicode_Concat: with an empty operand, the other one. */
        if (x->u.s.nbytes == 0 || y->u.s.nbytes == 0) {
            Handle r = x->u.s.nbytes == 0 ? b : a;
            m_incref(M, r);
            return r;
        }
        if (!m_heap_room(M, (uint64_t)x->u.s.nbytes + y->u.s.nbytes)) {
            vm_raise(vm, EXC_MemoryError, "%s", "");
            return NULL_HANDLE;
        }
        StrBuf sb;
        sb_init(&sb);
        sb_put(&sb, x->u.s.utf8, x->u.s.nbytes);
        sb_put(&sb, y->u.s.utf8, y->u.s.nbytes);
        Handle r = new_str(vm, sb.s, sb.len);
        sb_done(&sb);
        return r;
    }
    int is_list = x->type == T_LIST;
    uint32_t na = is_list ? x->u.l.len : x->u.t.len, nb = is_list ? y->u.l.len : y->u.t.len;
    Handle r;
    if ((uint64_t)na + nb > (UINT64_C(1) << 28) || !m_heap_room(M, ((uint64_t)na + nb) * PTR_SIZE)) {
        vm_raise(vm, EXC_MemoryError, "%s", "");
        return NULL_HANDLE;
    }
    if (is_list) {
        r = m_list_new_prealloc(M, na + nb);
    } else {
        if (nb == 0) {
            m_incref(M, a);
            return a;
        }
        if (na == 0) {
            m_incref(M, b);
            return b;
        }
        r = m_tuple_new(M, na + nb);
    }
    for (uint32_t i = 0; i < na + nb; i++) {
        const Object *src = m_obj(M, i < na ? a : b);
        uint32_t k = i < na ? i : i - na;
        Handle v = is_list ? src->u.l.items[k] : src->u.t.items[k];
        m_incref(M, v);
        if (is_list) {
            m_list_push(M, r, v);
        } else {
            m_store(M, r, i, v);
        }
    }
    return r;
}


Handle
op_binary(Vm *vm, unsigned op, Handle a, Handle b)
{
    unsigned base = op % OP_NBINOPS;
    int inplace = op >= OP_NBINOPS;

    if (is_int(vm, a) && is_int(vm, b)) {
        BigInt x, y, r;
        int rc = 0;
        int_view(M, a, &x);
        int_view(M, b, &y);
        bi_init(&r);
        switch (base) {
        case OP_ADD: bi_add(&r, &x, &y); break;
        case OP_SUB: bi_sub(&r, &x, &y); break;
        case OP_MUL: bi_mul(&r, &x, &y); break;
        case OP_FLOORDIV:
        case OP_MOD:
            if (y.size == 0) {
                vm_raise(vm, EXC_ZeroDivisionError, base == OP_MOD ? "integer modulo by zero"
                                                    : "integer division or modulo by zero");
                return NULL_HANDLE;
            }
            rc = base == OP_MOD ? bi_mod(&r, &x, &y) : bi_floordiv(&r, &x, &y);
            break;
        case OP_POW:
            if (y.size < 0) {
                vm_raise(vm, EXC_NotImplementedError,
                         "negative exponents give floats, which the subset does not have");
                return NULL_HANDLE;
            }
            rc = bi_pow(&r, &x, &y);
            break;
        case OP_LSHIFT:
        case OP_RSHIFT:
            if (y.size < 0) {
                vm_raise(vm, EXC_ValueError, "negative shift count");
                return NULL_HANDLE;
            }
            rc = base == OP_LSHIFT ? bi_lshift(&r, &x, &y) : bi_rshift(&r, &x, &y);
            break;
        case OP_AND: bi_and(&r, &x, &y); break;
        case OP_OR: bi_or(&r, &x, &y); break;
        case OP_XOR: bi_xor(&r, &x, &y); break;
        case OP_DIV:
            vm_raise(vm, EXC_NotImplementedError, "true division gives floats, which the "
                     "subset does not have; use //");
            return NULL_HANDLE;
        default:
            return binop_error(vm, op, a, b);
        }
        if (rc == BI_EOVERFLOW) {
            bi_done(&r);
            vm_raise(vm, EXC_MemoryError, "%s", "");
            return NULL_HANDLE;
        }
        if (rc != 0) {
            bi_done(&r);
            vm_raise(vm, EXC_ValueError, "invalid operand");
            return NULL_HANDLE;
        }
        if (TYPE(a) == T_BOOL && TYPE(b) == T_BOOL
            && (base == OP_AND || base == OP_OR || base == OP_XOR)) {
            int v = r.size != 0;
            bi_done(&r);
            return m_bool(M, v);
        }
        return int_from_bigint(vm, &r);
    }
    ObjType ta = TYPE(a), tb = TYPE(b);
    if (base == OP_ADD) {
        if (ta == tb && (ta == T_STR || ta == T_TUPLE)) {
            return seq_concat(vm, a, b);
        }
        if (ta == T_LIST && inplace) {
            if (list_extend(vm, a, b) < 0) {
                return NULL_HANDLE;
            }
            m_incref(M, a);
            return a;
        }
        if (ta == T_LIST && tb == T_LIST) {
            return seq_concat(vm, a, b);
        }
        if (ta == T_STR || ta == T_LIST || ta == T_TUPLE) {
            vm_raise(vm, EXC_TypeError, "can only concatenate %s (not \"%s\") to %s",
                     type_info[ta].pyname, type_name(vm, b), type_info[ta].pyname);
            return NULL_HANDLE;
        }
    }
    if (base == OP_MUL) {
        if ((ta == T_STR || ta == T_LIST || ta == T_TUPLE) && is_int(vm, b)) {
            if (ta == T_LIST && inplace) {
                Handle r = seq_repeat(vm, a, b);
                if (r == NULL_HANDLE) {
                    return NULL_HANDLE;
                }
                /* list_inplace_repeat: a's items replaced in place. */
                uint32_t n = m_obj(M, r)->u.l.len;
                uint32_t old = m_obj(M, a)->u.l.len;
                Handle *keep = xmalloc((old + 1) * sizeof *keep);
                for (uint32_t i = 0; i < old; i++) {
                    keep[i] = m_store(M, a, i, NULL_HANDLE);
                }
                m_list_resize(M, a, n);
                for (uint32_t i = 0; i < n; i++) {
                    Handle x = m_store(M, r, i, NULL_HANDLE);
                    m_store(M, a, i, x);
                }
                m_decref(M, r);
                for (uint32_t i = 0; i < old; i++) {
                    m_decref(M, keep[i]);
                }
                free(keep);
                m_incref(M, a);
                return a;
            }
            return seq_repeat(vm, a, b);
        }
        if ((tb == T_STR || tb == T_LIST || tb == T_TUPLE) && is_int(vm, a)) {
            return seq_repeat(vm, b, a);
        }
    }
    if (base == OP_MOD && ta == T_STR) {
        vm_raise(vm, EXC_NotImplementedError, "%%-formatting of strings is not supported");
        return NULL_HANDLE;
    }
    return binop_error(vm, op, a, b);
}

Handle
op_unary(Vm *vm, int op, Handle a)
{
    static const char *const text[] = {"-", "+", "not", "~"};

    if (!is_int(vm, a)) {
        vm_raise(vm, EXC_TypeError, "bad operand type for unary %s: '%s'", text[op],
                 type_name(vm, a));
        return NULL_HANDLE;
    }
    BigInt x, r;
    int_view(M, a, &x);
    bi_init(&r);
    if (op == 0) {
        bi_neg(&r, &x);
    } else if (op == 1) {
        bi_copy(&r, &x);
    } else {
        bi_invert(&r, &x);
    }
    return int_from_bigint(vm, &r);
}

/* ------------------------------------------------------------------ */
/* items                                                              */

int
index_of(Vm *vm, Handle key, int64_t len, const char *what, int64_t *out)
{
    int64_t i;

    if (!is_int(vm, key)) {
        vm_raise(vm, EXC_TypeError, "%s indices must be integers or slices, not %s", what,
                 type_name(vm, key));
        return -1;
    }
    if (!m_int_fits(M, key, &i)) {
        vm_raise(vm, EXC_IndexError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    if (i < 0) {
        i += len;
    }
    if (i < 0 || i >= len) {
        return 1;
    }
    *out = i;
    return 0;
}

static void
key_error(Vm *vm, Handle key)
{
    StrBuf sb;

    sb_init(&sb);
    op_repr(vm, key, &sb);
    vm_raise(vm, EXC_KeyError, "%s", sb.s);
    sb_done(&sb);
}

/* start + i * step, with CPython's ints. */
static Handle
range_item(Vm *vm, Handle range, int64_t i)
{
    const Object *o = m_obj(M, range);
    BigInt start, step, bi, r;

    int_view(M, o->u.range.start, &start);
    int_view(M, o->u.range.step, &step);
    bi_init(&bi);
    bi_init(&r);
    bi_from_i64(&bi, i);
    bi_mul(&r, &bi, &step);
    bi_add(&r, &r, &start);
    bi_done(&bi);
    return int_from_bigint(vm, &r);
}

Handle
op_getitem(Vm *vm, Handle obj, Handle key)
{
    const Object *o = m_obj(M, obj);
    int64_t i;
    int rc;

    switch ((CollKind)type_info[o->type].coll) {
    case COLL_SEQ: {
        /* list_subscript, tuplesubscript: "list" or "tuple" in the
         * messages. */
        const char *tn = type_info[o->type].pyname;
        int is_list = o->type == T_LIST;
        rc = index_of(vm, key, is_list ? o->u.l.len : o->u.t.len, tn, &i);
        if (rc < 0) {
            return NULL_HANDLE;
        }
        if (rc > 0) {
            vm_raise(vm, EXC_IndexError, "%s index out of range", tn);
            return NULL_HANDLE;
        }
        Handle v = is_list ? o->u.l.items[i] : o->u.t.items[i];
        m_incref(M, v);
        return v;
    }
    case COLL_STR: {
        rc = index_of(vm, key, o->u.s.len, "string", &i);
        if (rc < 0) {
            return NULL_HANDLE;
        }
        if (rc > 0) {
            vm_raise(vm, EXC_IndexError, "string index out of range");
            return NULL_HANDLE;
        }
        size_t pos = 0;
        uint32_t cp = 0;
        for (int64_t k = 0; k <= i; k++) {
            str_decode(o->u.s.utf8, o->u.s.nbytes, &pos, &cp);
        }
        char buf[4];
        size_t n = utf8_encode(cp, buf);
        return new_str(vm, buf, n);
    }
    case COLL_DICT: {
        if (op_hashable(vm, key) < 0) {
            return NULL_HANDLE;
        }
        Handle v = m_dict_getitem(M, obj, key);
        if (v == NULL_HANDLE) {
            key_error(vm, key);
            return NULL_HANDLE;
        }
        m_incref(M, v);
        return v;
    }
    case COLL_RANGE: {
        rc = index_of(vm, key, o->u.range.len, "range", &i);
        if (rc < 0) {
            return NULL_HANDLE;
        }
        if (rc > 0) {
            vm_raise(vm, EXC_IndexError, "range object index out of range");
            return NULL_HANDLE;
        }
        return range_item(vm, obj, i);
    }
    case COLL_VIEW:
    case COLL_SET:
    case COLL_NONE:
        break;
    }
    if (o->type == T_CLASS || o->type == T_TYPE) {
        vm_raise(vm, EXC_TypeError, "type '%s' is not subscriptable", type_name(vm, obj));
    } else {
        vm_raise(vm, EXC_TypeError, "'%s' object is not subscriptable", type_name(vm, obj));
    }
    return NULL_HANDLE;
}

int
op_setitem(Vm *vm, Handle obj, Handle key, Handle v)
{
    const Object *o = m_obj(M, obj);
    int64_t i;
    int rc;

    switch ((CollKind)type_info[o->type].coll) {
    case COLL_SEQ:
        if (o->type != T_LIST) {
            break;              /* a tuple does not change */
        }
        rc = index_of(vm, key, o->u.l.len, "list", &i);
        if (rc < 0) {
            return -1;
        }
        if (rc > 0) {
            vm_raise(vm, EXC_IndexError, v ? "list assignment index out of range"
                     : "list assignment index out of range");
            return -1;
        }
        if (v != NULL_HANDLE) {
            m_incref(M, v);
            m_list_set(M, obj, (uint32_t)i, v);
            return 0;
        }
        {
            /* list_ass_slice: items after i move down, then the list
             * shrinks, then the removed item is released. */
            uint32_t n = o->u.l.len;
            Handle gone = m_store(M, obj, (uint32_t)i, NULL_HANDLE);
            for (uint32_t k = (uint32_t)i; k + 1 < n; k++) {
                Handle x = m_store(M, obj, k + 1, NULL_HANDLE);
                m_store(M, obj, k, x);
            }
            m_list_resize(M, obj, n - 1);
            m_decref(M, gone);
        }
        return 0;
    case COLL_DICT:
        if (op_hashable(vm, key) < 0) {
            return -1;
        }
        if (v == NULL_HANDLE) {
            if (m_dict_delitem(M, obj, key) < 0) {
                key_error(vm, key);
                return -1;
            }
            return 0;
        }
        m_dict_setitem(M, obj, key, v);
        return 0;
    case COLL_STR:
    case COLL_VIEW:
    case COLL_SET:
    case COLL_RANGE:
    case COLL_NONE:
        break;
    }
    if (v == NULL_HANDLE) {
        vm_raise(vm, EXC_TypeError, "'%s' object doesn't support item deletion",
                 type_name(vm, obj));
    } else {
        vm_raise(vm, EXC_TypeError, "'%s' object does not support item assignment",
                 type_name(vm, obj));
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* attributes                                                         */

Handle
class_lookup(Vm *vm, Handle cls, Handle name)
{
    return m_dict_getitem(M, m_obj(M, cls)->u.c->dict, name);
}

static Handle
bound_method(Vm *vm, Handle func, Handle self)
{
    Handle b = m_alloc(M, T_METHOD, TYPE_NBYTES(T_METHOD));

    m_incref(M, func);
    m_store(M, b, 0, func);
    m_incref(M, self);
    m_store(M, b, 1, self);
    m_track(M, b);
    return b;
}

static void
attr_error(Vm *vm, Handle obj, Handle name)
{
    const char *n = m_obj(M, name)->u.s.utf8;
    ObjType t = TYPE(obj);

    if (t == T_MODULE) {
        vm_raise(vm, EXC_AttributeError, "module '%s' has no attribute '%s'",
                 m_obj(M, m_obj(M, obj)->u.mod.name)->u.s.utf8, n);
    } else if (t == T_CLASS) {
        vm_raise(vm, EXC_AttributeError, "type object '%s' has no attribute '%s'",
                 m_obj(M, m_obj(M, obj)->u.c->name)->u.s.utf8, n);
    } else {
        vm_raise(vm, EXC_AttributeError, "'%s' object has no attribute '%s'",
                 type_name(vm, obj), n);
    }
}

Handle
op_getattr(Vm *vm, Handle obj, Handle name)
{
    const Object *o = m_obj(M, obj);
    Handle v;

    switch ((ObjType)o->type) {
    case T_INSTANCE:
        if (strcmp(m_obj(M, name)->u.s.utf8, "__dict__") == 0) {
            v = m_inst_dict(M, obj);
            m_incref(M, v);
            return v;
        }
        if (strcmp(m_obj(M, name)->u.s.utf8, "__class__") == 0) {
            v = o->u.inst.cls;
            m_incref(M, v);
            return v;
        }
        v = m_inst_getattr(M, obj, name);
        if (v != NULL_HANDLE) {
            m_incref(M, v);
            return v;
        }
        v = class_lookup(vm, o->u.inst.cls, name);
        if (v != NULL_HANDLE) {
            if (TYPE(v) == T_FUNCTION) {
                return bound_method(vm, v, obj);
            }
            m_incref(M, v);
            return v;
        }
        break;
    case T_CLASS:
        if (strcmp(m_obj(M, name)->u.s.utf8, "__name__") == 0) {
            v = o->u.c->name;
            m_incref(M, v);
            return v;
        }
        v = class_lookup(vm, obj, name);
        if (v != NULL_HANDLE) {
            m_incref(M, v);
            return v;
        }
        break;
    case T_MODULE:
        return module_getattr(vm, obj, name);
    case T_TYPE:
        if (strcmp(m_obj(M, name)->u.s.utf8, "__name__") == 0) {
            const char *n = type_info[o->u.builtin.id].pyname;
            const char *dot = strrchr(n, '.');
            return new_str(vm, dot ? dot + 1 : n, strlen(dot ? dot + 1 : n));
        }
        break;
    case T_FUNCTION:
        if (strcmp(m_obj(M, name)->u.s.utf8, "__name__") == 0) {
            v = o->u.f->name;
            m_incref(M, v);
            return v;
        }
        break;
    case T_NONE: case T_BOOL: case T_INT: case T_STR: case T_TUPLE: case T_LIST: case T_DICT:
    case T_SET: case T_METHOD: case T_CELL: case T_CODE: case T_BUILTIN: case T_RANGE:
    case T_LISTITER: case T_TUPLEITER: case T_RANGEITER: case T_STRITER: case T_DICTITER:
    case T_DICTVALITER: case T_DICTITEMITER: case T_SETITER: case T_DICTKEYS:
    case T_DICTVALUES: case T_DICTITEMS: case T_WEAKREF: case T_GETSET: case T_SUPER:
    case T_COUNT:
        v = builtin_method(vm, obj, name);
        if (v != NULL_HANDLE) {
            /* A bound built-in method object. */
            return m_builtin_new(M, m_obj(M, v)->u.builtin.id, obj);
        }
        break;
    }
    attr_error(vm, obj, name);
    suggest_attr(vm, obj, name);
    return NULL_HANDLE;
}

int
op_setattr(Vm *vm, Handle obj, Handle name, Handle v)
{
    ObjType t = TYPE(obj);

    if (t == T_INSTANCE) {
        if (m_inst_setattr(M, obj, name, v) < 0) {
            attr_error(vm, obj, name);
            return -1;
        }
        return 0;
    }
    if (t == T_CLASS) {
        Handle d = m_obj(M, obj)->u.c->dict;
        if (v == NULL_HANDLE) {
            if (m_dict_delitem(M, d, name) < 0) {
                attr_error(vm, obj, name);
                return -1;
            }
            return 0;
        }
        m_dict_setitem(M, d, name, v);
        return 0;
    }
    if (v == NULL_HANDLE || builtin_method(vm, obj, name) == NULL_HANDLE) {
        attr_error(vm, obj, name);
    } else {
        vm_raise(vm, EXC_AttributeError, "'%s' object attribute '%s' is read-only",
                 type_name(vm, obj), m_obj(M, name)->u.s.utf8);
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* iteration                                                          */

/* dict_iter and the views' iterators: keys, values or items of the
 * dict, with the size it starts from. */
static Handle
dict_iter(Vm *vm, Handle obj)
{
    const Object *o = m_obj(M, obj);
    Handle d = o->type == T_DICT ? obj : o->u.it.seq;
    ObjType t = o->type == T_DICTVALUES ? T_DICTVALITER
                : o->type == T_DICTITEMS ? T_DICTITEMITER : T_DICTITER;

    m_incref(M, d);
    Handle it = m_iter_new(M, t, d, m_obj(M, d)->u.d->used);
    if (t == T_DICTITEMITER) {
        /* dictiter_new: the result tuple, reused while only the
         * iterator holds it. */
        Handle r = m_tuple_new(M, 2);
        m_store(M, r, 0, m_none(M));
        m_store(M, r, 1, m_none(M));
        m_store(M, it, 1, r);
    }
    return it;
}

/* range_iter: a non-GC iterator; of C longs when the values fit
 * (rangeiterobject), else of ints (longrangeiterobject). */
static Handle
range_iter(Vm *vm, Handle obj)
{
    const Object *o = m_obj(M, obj);
    int64_t start, stop, step;

    if (o->u.range.len < 0) {
        vm_raise(vm, EXC_OverflowError, "range too long for the simulator to iterate");
        return NULL_HANDLE;
    }
    if (m_int_fits(M, o->u.range.start, &start) && m_int_fits(M, o->u.range.stop, &stop)
        && m_int_fits(M, o->u.range.step, &step)) {
        return m_rangeiter_new(M, NULL_HANDLE, start, step, o->u.range.len);
    }
    /* The long form keeps the range itself and counts. */
    return m_rangeiter_new(M, obj, 0, 0, o->u.range.len);
}

/* PyObject_GetIter: an iterator is its own; a collection makes one of
 * the kind that walks it. */
Handle
op_iter(Vm *vm, Handle obj)
{
    const Object *o = m_obj(M, obj);

    if (type_info[o->type].walks != COLL_NONE) {
        m_incref(M, obj);
        return obj;
    }
    switch ((CollKind)type_info[o->type].coll) {
    case COLL_SEQ:
        m_incref(M, obj);
        return m_iter_new(M, o->type == T_LIST ? T_LISTITER : T_TUPLEITER, obj, 0);
    case COLL_STR:
        m_incref(M, obj);
        return m_iter_new(M, T_STRITER, obj, 0);
    case COLL_DICT:
    case COLL_VIEW:
        return dict_iter(vm, obj);
    case COLL_SET:
        m_incref(M, obj);
        return m_iter_new(M, T_SETITER, obj, m_obj(M, obj)->u.set->used);
    case COLL_RANGE:
        return range_iter(vm, obj);
    case COLL_NONE:
        break;
    }
    vm_raise(vm, EXC_TypeError, "'%s' object is not iterable", type_name(vm, obj));
    return NULL_HANDLE;
}

/* Drop the iterator's reference to its sequence (at exhaustion). */
static void
iter_release(Vm *vm, Handle it)
{
    Handle seq = m_store(M, it, 0, NULL_HANDLE);

    if (seq != NULL_HANDLE) {
        m_decref(M, seq);
    }
}

/* The next item for a built-in's loop: counted against the limits
 * (vm_tick) first. */
int
op_next_item(Vm *vm, Handle it, Handle *out)
{
    if (vm_tick(vm) < 0) {
        return -1;
    }
    return op_next(vm, it, out);
}

/* Whether the dict or set an iterator o walks has changed size from
 * the size it started with (kept in stop): then RuntimeError is raised
 * and the iterator stays spent. */
static int
size_changed(Vm *vm, Handle it, uint32_t used, const char *what)
{
    const Object *o = m_obj(M, it);

    if ((int64_t)used == o->u.it.stop) {
        return 0;
    }
    m_iter_set(M, it, o->u.it.index, -1);
    vm_raise(vm, EXC_RuntimeError, "%s changed size during iteration", what);
    return 1;
}

/* The next items of the iterators that walk a collection until they
 * let go of it: 1 with a new reference in *out, 0 at the end, -1 on an
 * exception.  it walks seq (still held). */
typedef int (*WalkFn)(Vm *vm, Handle it, Handle seq, Handle *out);

/* listiter_next and tupleiter_next. */
static int
seq_walk(Vm *vm, Handle it, Handle seq, Handle *out)
{
    const IterVal *iv = &m_obj(M, it)->u.it;
    const Object *s = m_obj(M, seq);
    uint32_t len = s->type == T_LIST ? s->u.l.len : s->u.t.len;

    if ((uint64_t)iv->index >= len) {
        return 0;
    }
    Handle v = s->type == T_LIST ? s->u.l.items[iv->index] : s->u.t.items[iv->index];
    m_iter_set(M, it, iv->index + 1, iv->stop);
    m_incref(M, v);
    *out = v;
    return 1;
}

/* unicode_ascii_iter_next: the next code point; the index counts
 * bytes. */
static int
str_walk(Vm *vm, Handle it, Handle seq, Handle *out)
{
    const IterVal *iv = &m_obj(M, it)->u.it;
    const Object *s = m_obj(M, seq);
    size_t pos = (size_t)iv->index;
    uint32_t cp;
    char buf[4];

    if (pos >= s->u.s.nbytes) {
        return 0;
    }
    str_decode(s->u.s.utf8, s->u.s.nbytes, &pos, &cp);
    size_t n = utf8_encode(cp, buf);
    m_iter_set(M, it, (int64_t)pos, iv->stop);
    *out = new_str(vm, buf, n);
    return 1;
}

/* The result of a dict iterator, for key k and value v: the key, the
 * value, or the (k, v) pair in the result tuple, reused while only the
 * iterator holds it. */
static Handle
dict_item(Vm *vm, Handle it, Handle k, Handle v)
{
    const Object *o = m_obj(M, it);

    if (o->type == T_DICTITER) {
        m_incref(M, k);
        return k;
    }
    if (o->type == T_DICTVALITER) {
        m_incref(M, v);
        return v;
    }
    Handle r = o->u.it.extra;
    m_incref(M, k);
    m_incref(M, v);
    if (m_obj(M, r)->refcnt == 1) {
        m_incref(M, r);
        Handle ok = m_store(M, r, 0, k), ov = m_store(M, r, 1, v);
        m_decref(M, ok);
        m_decref(M, ov);
        return r;
    }
    Handle t = m_tuple_new(M, 2);
    m_store(M, t, 0, k);
    m_store(M, t, 1, v);
    return t;
}

/* dictiter_iternextkey, ...value and ...item: a split dict in its
 * values' order, a combined one in its entries' order. */
static int
dict_walk(Vm *vm, Handle it, Handle seq, Handle *out)
{
    const Dict *d = m_obj(M, seq)->u.d;

    if (size_changed(vm, it, d->used, "dictionary")) {
        return -1;
    }
    Handle k = NULL_HANDLE, v = NULL_HANDLE;
    int64_t i = m_obj(M, it)->u.it.index;
    if (d->split) {
        const Values *vals = d->values;
        const ClassVal *c = m_obj(M, d->cls)->u.c;
        if ((uint64_t)i < vals->norder) {
            uint32_t ix = vals->order[i++];
            k = c->keys[ix];
            v = vals->slot[ix];
        }
    } else {
        while ((uint64_t)i < d->nentries && k == NULL_HANDLE) {
            k = d->entries[2 * i];
            v = d->entries[2 * i + 1];
            i++;
        }
    }
    m_iter_set(M, it, i, d->used);
    if (k == NULL_HANDLE) {
        return 0;
    }
    *out = dict_item(vm, it, k, v);
    return 1;
}

/* setiter_iternext: the table in slot order. */
static int
set_walk(Vm *vm, Handle it, Handle seq, Handle *out)
{
    const SetVal *sv = m_obj(M, seq)->u.set;

    if (size_changed(vm, it, sv->used, "Set")) {
        return -1;
    }
    int64_t i = m_obj(M, it)->u.it.index;
    Handle k = NULL_HANDLE;
    while ((uint64_t)i <= sv->mask && (k == NULL_HANDLE || k == SET_DUMMY)) {
        k = sv->table[i++];
    }
    m_iter_set(M, it, i, sv->used);
    if (k == NULL_HANDLE || k == SET_DUMMY) {
        return 0;
    }
    m_incref(M, k);
    *out = k;
    return 1;
}

static const WalkFn walk_next[] = {
    [COLL_STR] = str_walk,
    [COLL_SEQ] = seq_walk,
    [COLL_DICT] = dict_walk,
    [COLL_SET] = set_walk,
};

/* rangeiter_next, or longrangeiter_next when it keeps its range (to
 * the end). */
static int
rangeiter_next(Vm *vm, Handle it, Handle *out)
{
    const Object *o = m_obj(M, it);
    Handle seq = o->u.it.seq;
    int64_t i = o->u.it.index;

    if (o->u.it.stop <= 0) {
        return 0;
    }
    m_iter_set(M, it, seq != NULL_HANDLE ? i + 1 : i + o->u.it.step, o->u.it.stop - 1);
    *out = seq != NULL_HANDLE ? range_item(vm, seq, i) : m_int(M, i);
    return 1;
}

/* PyIter_Next: a range iterator counts; the others walk their
 * collection and let go of it at its end. */
int
op_next(Vm *vm, Handle it, Handle *out)
{
    const Object *o = m_obj(M, it);
    Handle seq = o->u.it.seq;
    int r;

    switch ((CollKind)type_info[o->type].walks) {
    case COLL_RANGE:
        return rangeiter_next(vm, it, out);
    case COLL_STR:
    case COLL_SEQ:
    case COLL_DICT:
    case COLL_SET:
        if (seq == NULL_HANDLE) {
            return 0;
        }
        r = walk_next[type_info[o->type].walks](vm, it, seq, out);
        if (r == 0) {
            iter_release(vm, it);
        }
        return r;
    case COLL_VIEW:             /* a view's iterator walks its dict */
    case COLL_NONE:
        break;
    }
    vm_raise(vm, EXC_TypeError, "'%s' object is not an iterator", type_name(vm, it));
    return -1;
}
