/*
 * unicode_methods.c: str's methods and the str() constructor
 * (Objects/unicodeobject.c).  The methods that index by character work
 * on the text as code points (Cps).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/unicode.h"
#include "core/xalloc.h"
#include "py/vmint.h"

/* str(), str(x) (unicode_new_impl). */
Handle
unicode_new(Vm *vm, const Handle *args, uint32_t nargs)
{
    if (nargs == 0) {
        return m_str(M, "", 0);
    }
    return op_str_object(vm, args[0]);
}

/* A str as code points, for the methods that index by character. */
typedef struct Cps {
    uint32_t *v;
    size_t n;
} Cps;

static void
cps_of(const Object *o, Cps *c)
{
    size_t i = 0;
    uint32_t cp;

    c->v = xmalloc((o->u.s.len + 1) * sizeof *c->v);
    c->n = 0;
    while (i < o->u.s.nbytes && str_decode(o->u.s.utf8, o->u.s.nbytes, &i, &cp) > 0) {
        c->v[c->n++] = cp;
    }
}

static Handle
str_of_cps(Vm *vm, const uint32_t *v, size_t n)
{
    StrBuf sb;
    char buf[4];

    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        sb_put(&sb, buf, utf8_encode(v[i], buf));
    }
    Handle r = new_str(vm, sb.s, sb.len);
    sb_done(&sb);
    return r;
}

/* The str argument i, or an error naming the method. */
static int
str_arg(Vm *vm, const char *meth, const Handle *args, uint32_t i, Cps *out)
{
    if (TYPE(args[i]) != T_STR) {
        vm_raise(vm, EXC_TypeError, "%s arg must be None or str", meth);
        return -1;
    }
    cps_of(m_obj(M, args[i]), out);
    return 0;
}

static int
cps_match(const Cps *s, size_t at, const Cps *sub)
{
    if (at + sub->n > s->n) {
        return 0;
    }
    for (size_t k = 0; k < sub->n; k++) {
        if (s->v[at + k] != sub->v[k]) {
            return 0;
        }
    }
    return 1;
}

static int
in_chars(uint32_t cp, const Cps *chars)
{
    if (chars == NULL) {
        return uni_isspace(cp);
    }
    for (size_t k = 0; k < chars->n; k++) {
        if (chars->v[k] == cp) {
            return 1;
        }
    }
    return 0;
}

/* A list as split() makes it: room for min(maxsplit + 1, 12) items. */
static Handle
split_list(Vm *vm, int64_t maxsplit)
{
    uint32_t pre = maxsplit >= 12 || maxsplit < 0 ? 12 : (uint32_t)maxsplit + 1;

    return m_list_new_prealloc(M, pre);
}

/* str.upper() and str.lower() (upper). */
static Handle
str_case(Vm *vm, Handle self, int upper)
{
    const Object *so = m_obj(M, self);
    StrBuf sb;

    sb_init(&sb);
    (upper ? uni_upper : uni_lower)(so->u.s.utf8, so->u.s.nbytes, &sb);
    Handle r = new_str(vm, sb.s, sb.len);
    sb_done(&sb);
    return r;
}

static Handle
str_upper(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return str_case(vm, self, 1);
}

static Handle
str_lower(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return str_case(vm, self, 0);
}

/* str.strip([chars]): the str itself when nothing goes. */
static Handle
str_strip(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    Cps s, a = {NULL, 0};
    Handle r = NULL_HANDLE;

    int have = nargs == 1 && TYPE(args[0]) != T_NONE;
    if (have && str_arg(vm, "strip", args, 0, &a) < 0) {
        return NULL_HANDLE;
    }
    cps_of(m_obj(M, self), &s);
    size_t i = 0, j = s.n;
    while (i < j && in_chars(s.v[i], have ? &a : NULL)) {
        i++;
    }
    while (j > i && in_chars(s.v[j - 1], have ? &a : NULL)) {
        j--;
    }
    if (i == 0 && j == s.n) {
        m_incref(M, self);
        r = self;
    } else {
        r = str_of_cps(vm, s.v + i, j - i);
    }
    free(s.v);
    free(a.v);
    return r;
}

/* str.join(iterable): PySequence_Fast takes a list or tuple as it is
 * and copies anything else into a new list first; one item is
 * returned itself. */
static Handle
str_join(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    Handle seq = args[0], r = NULL_HANDLE;
    int made = 0;
    if (TYPE(seq) != T_LIST && TYPE(seq) != T_TUPLE) {
        seq = type_call(vm, vm->types[T_LIST], &args[0], 1);
        if (seq == NULL_HANDLE) {
            return NULL_HANDLE;
        }
        made = 1;
    }
    StrBuf sb;
    sb_init(&sb);
    const Object *q = m_obj(M, seq);
    uint32_t n = q->type == T_LIST ? q->u.l.len : q->u.t.len;
    int ok = 1;
    for (uint32_t i = 0; i < n; i++) {
        q = m_obj(M, seq);
        Handle v = q->type == T_LIST ? q->u.l.items[i] : q->u.t.items[i];
        if (TYPE(v) != T_STR) {
            vm_raise(vm, EXC_TypeError, "sequence item %u: expected str instance, %s found",
                     i, type_name(vm, v));
            ok = 0;
            break;
        }
        if (n == 1) {
            m_incref(M, v);
            r = v;
            break;
        }
        if (i > 0) {
            sb_put(&sb, m_obj(M, self)->u.s.utf8, m_obj(M, self)->u.s.nbytes);
        }
        sb_put(&sb, m_obj(M, v)->u.s.utf8, m_obj(M, v)->u.s.nbytes);
    }
    if (ok && r == NULL_HANDLE) {
        r = new_str(vm, sb.s, sb.len);
    }
    if (made) {
        m_decref(M, seq);
    }
    sb_done(&sb);
    return r;
}

/* split() on runs of whitespace into l, at most maxsplit times; the
 * rest after the last split keeps its trailing blanks. */
static void
split_whitespace(Vm *vm, Handle self, const Cps *s, int64_t maxsplit, Handle l)
{
    int64_t count = 0;
    size_t i = 0;

    while (i < s->n) {
        while (i < s->n && uni_isspace(s->v[i])) {
            i++;
        }
        if (i == s->n) {
            break;
        }
        size_t j = i;
        if (count == maxsplit) {
            j = s->n;
        } else {
            while (j < s->n && !uni_isspace(s->v[j])) {
                j++;
            }
        }
        if (i == 0 && j == s->n) {
            m_incref(M, self);
            m_list_push(M, l, self);
        } else {
            m_list_push(M, l, str_of_cps(vm, s->v + i, j - i));
        }
        count++;
        i = j;
    }
}

/* split(sep) into l, at most maxsplit times. */
static void
split_sep(Vm *vm, Handle self, const Cps *s, const Cps *a, int64_t maxsplit, Handle l)
{
    int64_t count = 0;
    size_t start = 0;

    for (size_t i = 0; i + a->n <= s->n && count < maxsplit;) {
        if (cps_match(s, i, a)) {
            m_list_push(M, l, str_of_cps(vm, s->v + start, i - start));
            count++;
            i += a->n;
            start = i;
        } else {
            i++;
        }
    }
    if (count == 0) {
        m_incref(M, self);
        m_list_push(M, l, self);
    } else {
        m_list_push(M, l, str_of_cps(vm, s->v + start, s->n - start));
    }
}

/* str.split(sep=None, maxsplit=-1) */
static Handle
str_split(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    Cps s, a = {NULL, 0};

    int64_t maxsplit = -1;
    if (nargs == 2 && int_arg(vm, args[1], &maxsplit) < 0) {
        return NULL_HANDLE;
    }
    int ws = nargs == 0 || TYPE(args[0]) == T_NONE;
    if (!ws) {
        if (TYPE(args[0]) != T_STR) {
            vm_raise(vm, EXC_TypeError, "must be str or None, not %s", type_name(vm, args[0]));
            return NULL_HANDLE;
        }
        cps_of(m_obj(M, args[0]), &a);
        if (a.n == 0) {
            free(a.v);
            vm_raise(vm, EXC_ValueError, "empty separator");
            return NULL_HANDLE;
        }
    }
    if (maxsplit < 0) {
        maxsplit = INT64_MAX;
    }
    Handle l = split_list(vm, maxsplit == INT64_MAX ? -1 : maxsplit);
    cps_of(m_obj(M, self), &s);
    if (ws) {
        split_whitespace(vm, self, &s, maxsplit, l);
    } else {
        split_sep(vm, self, &s, &a, maxsplit, l);
    }
    free(s.v);
    free(a.v);
    return l;
}

/* s with up to maxcount occurrences of a replaced by b, into out (room
 * for the worst case); the number replaced. */
static int64_t
replace_cps(const Cps *s, const Cps *a, const Cps *b, int64_t maxcount, uint32_t *out,
            size_t *nout)
{
    size_t n = 0;
    int64_t done = 0;

    if (a->n == 0) {
        for (size_t i = 0; i <= s->n; i++) {
            if (done < maxcount) {
                memcpy(out + n, b->v, b->n * sizeof *out);
                n += b->n;
                done++;
            }
            if (i < s->n) {
                out[n++] = s->v[i];
            }
        }
    } else {
        for (size_t i = 0; i < s->n;) {
            if (done < maxcount && cps_match(s, i, a)) {
                memcpy(out + n, b->v, b->n * sizeof *out);
                n += b->n;
                i += a->n;
                done++;
            } else {
                out[n++] = s->v[i++];
            }
        }
    }
    *nout = n;
    return done;
}

/* str.replace(old, new[, count]): the str itself when nothing changes. */
static Handle
str_replace(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    if (TYPE(args[0]) != T_STR || TYPE(args[1]) != T_STR) {
        vm_raise(vm, EXC_TypeError, "replace() argument %d must be str, not %s",
                 TYPE(args[0]) != T_STR ? 1 : 2,
                 type_name(vm, TYPE(args[0]) != T_STR ? args[0] : args[1]));
        return NULL_HANDLE;
    }
    int64_t maxcount = -1;
    if (nargs == 3 && int_arg(vm, args[2], &maxcount) < 0) {
        return NULL_HANDLE;
    }
    if (maxcount < 0) {
        maxcount = INT64_MAX;
    }
    Cps s, a, b;
    cps_of(m_obj(M, self), &s);
    cps_of(m_obj(M, args[0]), &a);
    cps_of(m_obj(M, args[1]), &b);
    uint32_t *out = xmalloc((s.n * (b.n + 1) + b.n + 1) * sizeof *out);
    size_t n;
    Handle r;
    if (replace_cps(&s, &a, &b, maxcount, out, &n) == 0) {
        m_incref(M, self);
        r = self;
    } else {
        r = str_of_cps(vm, out, n);
    }
    free(out);
    free(s.v);
    free(a.v);
    free(b.v);
    return r;
}

/* Whether s[start:end] starts (at_end 0) or ends with x, a str. */
static int
affix_match(Vm *vm, const Cps *s, int64_t start, int64_t end, Handle x, int at_end)
{
    Cps c;
    int ok = 0;

    cps_of(m_obj(M, x), &c);
    if (start <= (int64_t)s->n && end - start >= (int64_t)c.n) {
        size_t at = at_end ? (size_t)(end - (int64_t)c.n) : (size_t)start;
        Cps sl = {s->v, (size_t)end};
        ok = cps_match(&sl, at, &c);
    } else if (c.n == 0 && start <= (int64_t)s->n && end >= start) {
        ok = 1;
    }
    free(c.v);
    return ok;
}

/* str.startswith and str.endswith (name; at_end): a str or a tuple of
 * them, then optional start and end. */
static Handle
affix(Vm *vm, const char *name, int at_end, Handle self, const Handle *args, uint32_t nargs)
{
    Cps s;
    cps_of(m_obj(M, self), &s);
    int64_t start, end;
    if (slice_bounds(vm, args, nargs, 1, s.n, &start, &end) < 0) {
        free(s.v);
        return NULL_HANDLE;
    }
    const Object *p = m_obj(M, args[0]);
    uint32_t np = p->type == T_TUPLE ? p->u.t.len : 1;
    int ok = 0, bad = 0;
    for (uint32_t k = 0; k < np && !ok; k++) {
        Handle x = p->type == T_TUPLE ? m_obj(M, args[0])->u.t.items[k] : args[0];
        if (TYPE(x) != T_STR) {
            if (p->type == T_TUPLE) {
                vm_raise(vm, EXC_TypeError, "tuple for %s must only contain str, not %s",
                         name, type_name(vm, x));
            } else {
                vm_raise(vm, EXC_TypeError, "%s first arg must be str or a tuple of str, "
                         "not %s", name, type_name(vm, x));
            }
            bad = 1;
            break;
        }
        ok = affix_match(vm, &s, start, end, x, at_end);
    }
    free(s.v);
    return bad ? NULL_HANDLE : m_bool(M, ok);
}

static Handle
str_startswith(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return affix(vm, "startswith", 0, self, args, nargs);
}

static Handle
str_endswith(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return affix(vm, "endswith", 1, self, args, nargs);
}

/* str.find(sub[, start[, end]]) and str.count(...) (want_count): where
 * sub first occurs in s[start:end] (-1 if nowhere), or how many times,
 * without overlaps. */
static Handle
str_search(Vm *vm, Handle self, const Handle *args, uint32_t nargs, int want_count)
{
    if (TYPE(args[0]) != T_STR) {
        vm_raise(vm, EXC_TypeError, "must be str, not %s", type_name(vm, args[0]));
        return NULL_HANDLE;
    }
    Cps s, a;
    cps_of(m_obj(M, self), &s);
    int64_t start, end;
    if (slice_bounds(vm, args, nargs, 1, s.n, &start, &end) < 0) {
        free(s.v);
        return NULL_HANDLE;
    }
    cps_of(m_obj(M, args[0]), &a);
    int64_t found = -1, count = 0;
    if (start <= (int64_t)s.n && end - start >= (int64_t)a.n) {
        Cps sl = {s.v, (size_t)end};
        for (int64_t i = start; i + (int64_t)a.n <= end;) {
            if (cps_match(&sl, (size_t)i, &a)) {
                found = found < 0 ? i : found;
                count++;
                i += a.n ? (int64_t)a.n : 1;
            } else {
                i++;
            }
        }
    }
    free(s.v);
    free(a.v);
    return m_int(M, want_count ? count : found);
}

static Handle
str_find(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return str_search(vm, self, args, nargs, 0);
}

static Handle
str_count(Vm *vm, Handle self, const Handle *args, uint32_t nargs)
{
    return str_search(vm, self, args, nargs, 1);
}

/* startswith, endswith, find and count take their arguments as a tuple
 * (METH_VARARGS). */
const MethodReg unicode_methods[] = {
    {"join", str_join, 1, 1, 0},
    {"upper", str_upper, 0, 0, 0},
    {"lower", str_lower, 0, 0, 0},
    {"split", str_split, 0, 2, METH_KEYWORDS},
    {"replace", str_replace, 2, 3, 0},
    {"startswith", str_startswith, 1, 3, METH_VARARGS},
    {"endswith", str_endswith, 1, 3, METH_VARARGS},
    {"strip", str_strip, 0, 1, 0},
    {"find", str_find, 1, 3, METH_VARARGS},
    {"count", str_count, 1, 3, METH_VARARGS},
    {NULL, NULL, 0, 0, 0},
};
