/*
 * suggest.c: the "Did you mean: 'x'?" CPython 3.11 adds to a NameError
 * or an AttributeError when it prints the traceback (Python/suggestions.c):
 * the candidate nearest by a Levenshtein distance in which a case flip
 * costs 1 and any other edit 2, if no more than a third of the characters
 * change.  The candidates are CPython's, not the subset's: a misspelt
 * `sorted' suggests 'sorted' even where the subset has no sorted, so the
 * name lists of builtins, of built-in types and of modules are python3's
 * (dir_names.h, written by gen-dir-names.py).
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "py/code.h"
#include "py/vmint.h"
#include "sim/dict.h"

#include "py/dir_names.h"

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1

static size_t
substitution_cost(char a, char b)
{
    if ((a & 31) != (b & 31)) {
        return MOVE_COST;
    }
    if (a == b) {
        return 0;
    }
    if (a >= 'A' && a <= 'Z') {
        a = (char)(a + ('a' - 'A'));
    }
    if (b >= 'A' && b <= 'Z') {
        b = (char)(b + ('a' - 'A'));
    }
    return a == b ? CASE_COST : MOVE_COST;
}

/* The distance of a and b (UTF-8 bytes), or max_cost + 1 once it is
 * certain to be over max_cost. */
static size_t
distance(const char *a, size_t na, const char *b, size_t nb, size_t max_cost)
{
    size_t row[MAX_STRING_SIZE];

    while (na && nb && a[0] == b[0]) {
        a++, b++, na--, nb--;
    }
    while (na && nb && a[na - 1] == b[nb - 1]) {
        na--, nb--;
    }
    if (na == 0 || nb == 0) {
        return (na + nb) * MOVE_COST;
    }
    if (na > MAX_STRING_SIZE || nb > MAX_STRING_SIZE) {
        return max_cost + 1;
    }
    if (nb < na) {                      /* the shorter one in the row */
        const char *t = a;
        size_t n = na;
        a = b, na = nb, b = t, nb = n;
    }
    if ((nb - na) * MOVE_COST > max_cost) {
        return max_cost + 1;
    }
    for (size_t i = 0; i < na; i++) {
        row[i] = (i + 1) * MOVE_COST;
    }
    size_t result = 0;
    for (size_t j = 0; j < nb; j++) {
        size_t dist = result = j * MOVE_COST, least = SIZE_MAX;
        for (size_t i = 0; i < na; i++) {
            size_t substitute = dist + substitution_cost(b[j], a[i]);
            dist = row[i];
            size_t insert_delete = (result < dist ? result : dist) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[i] = result;
            if (result < least) {
                least = result;
            }
        }
        if (least > max_cost) {
            return max_cost + 1;
        }
    }
    return result;
}

/* calculate_suggestions: the first nearest of cands, or NULL. */
static const char *
closest(const char *name, const char *const *cands, size_t n)
{
    const char *best = NULL;
    size_t best_dist = SIZE_MAX, nlen = strlen(name);

    if (n >= MAX_CANDIDATE_ITEMS) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        size_t clen = strlen(cands[i]);
        if (strcmp(cands[i], name) == 0) {
            continue;
        }
        size_t max = (nlen + clen + 3) * MOVE_COST / 6;
        if (best_dist - 1 < max) {
            max = best_dist - 1;
        }
        size_t d = distance(name, nlen, cands[i], clen, max);
        if (d > max) {
            continue;
        }
        if (best == NULL || d < best_dist) {
            best = cands[i];
            best_dist = d;
        }
    }
    return best;
}

static const struct DirNames *
dir_list(const char *what)
{
    for (size_t i = 0; i < sizeof dir_names / sizeof dir_names[0]; i++) {
        if (strcmp(dir_names[i].what, what) == 0) {
            return &dir_names[i];
        }
    }
    return NULL;
}

/* A growing list of borrowed names. */
typedef struct Names {
    const char **v;
    size_t n, cap;
} Names;

static void
names_add(Names *l, const char *s)
{
    l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
    l->v[l->n++] = s;
}

static void
names_add_list(Names *l, const struct DirNames *d)
{
    for (size_t i = 0; d != NULL && i < d->n; i++) {
        names_add(l, d->names[i]);
    }
}

/* The str keys of a combined dict, in order. */
static void
names_add_dict(const Vm *vm, Names *l, Handle dict)
{
    const Dict *d = m_obj(M, dict)->u.d;

    for (uint32_t e = 0; !d->split && e < d->nentries; e++) {
        Handle k = d->entries[2 * e];
        if (k != NULL_HANDLE && TYPE(k) == T_STR) {
            names_add(l, m_obj(M, k)->u.s.utf8);
        }
    }
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* dir()'s order: sorted, each name once. */
static void
names_sort(Names *l)
{
    if (l->n == 0) {
        return;
    }
    qsort(l->v, l->n, sizeof *l->v, by_name);
    size_t k = 1;
    for (size_t i = 1; i < l->n; i++) {
        if (strcmp(l->v[i], l->v[k - 1]) != 0) {
            l->v[k++] = l->v[i];
        }
    }
    l->n = k;
}

static void
hint(Vm *vm, const char *best)
{
    sb_clear(&vm->exchint);
    if (best != NULL) {
        sb_puts(&vm->exchint, best);
    }
}

void
suggest_name(Vm *vm, Handle name)
{
    const char *s = m_obj(M, name)->u.s.utf8;
    const Frame *f = m_frame(M);
    const char *best = NULL;
    Names l = {0};

    /* The frame's co_varnames (none for module and class code). */
    if (f != NULL && f->code != NULL_HANDLE) {
        const Code *code = m_obj(M, f->code)->u.code.code;
        if (code->kind == CODE_FUNCTION) {
            for (uint32_t i = 0; i < code->nlocals; i++) {
                names_add(&l, code->varnames[i]);
            }
        }
    }
    best = closest(s, l.v, l.n);
    /* Its globals: __main__ has __file__ and __cached__ after
     * __builtins__ in CPython, which the machine's __main__ leaves out. */
    if (best == NULL && f != NULL) {
        l.n = 0;
        names_add_dict(vm, &l, f->globals);
        if (f->globals == vm->main_dict) {
            for (size_t i = 0; i < l.n; i++) {
                if (strcmp(l.v[i], "__builtins__") == 0) {
                    names_add(&l, NULL);
                    names_add(&l, NULL);
                    memmove(l.v + i + 3, l.v + i + 1, (l.n - i - 3) * sizeof *l.v);
                    l.v[i + 1] = "__file__";
                    l.v[i + 2] = "__cached__";
                    break;
                }
            }
        }
        best = closest(s, l.v, l.n);
    }
    if (best == NULL) {
        const struct DirNames *b = dir_list("builtins");
        best = closest(s, b->names, b->n);
    }
    hint(vm, best);
    free(l.v);
}

void
suggest_attr(Vm *vm, Handle obj, Handle name)
{
    const char *s = m_obj(M, name)->u.s.utf8;
    Names l = {0};
    ObjType t = TYPE(obj);

    if (t == T_MODULE) {
        char what[80];
        snprintf(what, sizeof what, "module %s", m_obj(M, m_obj(M, obj)->u.mod.name)->u.s.utf8);
        names_add_list(&l, dir_list(what));
    } else if (t == T_CLASS || t == T_INSTANCE) {
        Handle cls = t == T_CLASS ? obj : m_obj(M, obj)->u.inst.cls;
        /* type.__dir__: the namespaces along the mro, object's too; a
         * class's own also has __dict__, __weakref__ and __module__
         * (CPython's class dict; the machine's keeps them elsewhere). */
        const Object *mro = m_obj(M, m_obj(M, cls)->u.c->mro);
        for (uint32_t i = 0; i < mro->u.t.len; i++) {
            Handle c = mro->u.t.items[i];
            if (TYPE(c) == T_CLASS) {
                names_add_dict(vm, &l, m_obj(M, c)->u.c->dict);
            }
        }
        names_add(&l, "__dict__");
        names_add(&l, "__weakref__");
        names_add(&l, "__module__");
        names_add_list(&l, dir_list("object"));
        if (t == T_INSTANCE && m_obj(M, obj)->u.inst.dict != NULL_HANDLE) {
            names_add_dict(vm, &l, m_obj(M, obj)->u.inst.dict);
        }
        if (t == T_INSTANCE) {
            const ClassVal *c = m_obj(M, cls)->u.c;
            for (uint32_t k = 0; k < c->nkeys; k++) {
                if (m_inst_getattr(M, obj, c->keys[k]) != NULL_HANDLE) {
                    names_add(&l, m_obj(M, c->keys[k])->u.s.utf8);
                }
            }
        }
        names_sort(&l);
    } else {
        names_add_list(&l, dir_list(type_name(vm, obj)));
    }
    hint(vm, closest(s, l.v, l.n));
    free(l.v);
}
