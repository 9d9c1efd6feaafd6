/*
 * compile.c: the compiler, AST to code objects (Python/compile.c,
 * Python/ast_opt.c of CPython 3.11, cut down to the subset).
 *
 * Three passes per module:
 *
 *   1. Literal objects.  Every int and str literal of the source becomes
 *      an object, in source order, kept alive by a root (the parser's
 *      arena, which CPython frees only after __main__ has run).
 *   2. Folding, as ast_opt.c: unary and binary operators on constants
 *      (within CPython's size limits), tuples of constants, and lists of
 *      constants iterated by `for' or tested by `in'.  Each folded value
 *      is a new object, also kept by the arena.
 *   3. Code generation, one Unit per code object.  Constants go through
 *      one cache per module, so equal constants are one object shared by
 *      every code object that uses it, as c_const_cache does.
 *
 * Scopes: module and class bodies use LOAD_NAME/STORE_NAME on a dict;
 * functions use fast locals for names they assign (and parameters) and
 * LOAD_GLOBAL for the rest.  Closures are outside the subset: a nested
 * function that reads a variable of an enclosing function is an error.
 */
#include <config.h>

#include <assert.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bigint.h"
#include "core/hash.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "py/compile.h"

const char *const opcode_names[OP_COUNT] = {
#define OP(name, arg) #name,
#include "py/opcode.def"
#undef OP
};

/* CPython's folding limits (Python/ast_opt.c). */
#define MAX_INT_SIZE        128     /* bits */
#define MAX_COLLECTION_SIZE 256
#define MAX_STR_SIZE        4096
#define STACK_USE_GUIDELINE 30

/* CPython 3.11 checks the depth of the tree as it folds constants, builds
 * the symbol table and compiles: at most the recursion limit times
 * COMPILER_STACK_FRAME_SCALE (1000 * 3) statements and expressions deep,
 * counted from the module's statements.  Folding comes first here too, so
 * the later passes recurse at most this deep. */
#define COMPILE_MAXDEPTH    3000

/* CPython's bound on blocks (loops, in the subset) nested in one code
 * object, a SyntaxError past it (Include/cpython/code.h). */
#define CO_MAXBLOCKS        20

/*
 * A hash index over the entries 0..n-1 of a vector, so that finding a
 * name or a constant takes the same time in a program of a million
 * statements as in one of ten.  The caller walks the probe sequence
 * (index_first, index_next) and decides which entry matches.
 */
typedef struct Index {
    uint32_t *slot;            /* open addressing: entry + 1, or 0 */
    size_t nslot;              /* a power of two, over twice n */
    uint64_t *hash;            /* each entry's hash, to grow the table */
    size_t n, cap;
} Index;

static void
index_place(Index *ix, uint32_t e)
{
    size_t mask = ix->nslot - 1, i = (size_t)ix->hash[e] & mask;

    while (ix->slot[i] != 0) {
        i = (i + 1) & mask;
    }
    ix->slot[i] = e + 1;
}

/* Entry n gets the hash h. */
static void
index_add(Index *ix, uint64_t h)
{
    ix->hash = xgrow(ix->hash, &ix->cap, ix->n + 1, sizeof *ix->hash);
    ix->hash[ix->n++] = h;
    if (ix->n * 2 > ix->nslot) {
        free(ix->slot);
        ix->nslot = ix->nslot ? ix->nslot * 2 : 16;
        ix->slot = xcalloc(ix->nslot, sizeof *ix->slot);
        for (size_t e = 0; e < ix->n; e++) {
            index_place(ix, (uint32_t)e);
        }
    } else {
        index_place(ix, (uint32_t)(ix->n - 1));
    }
}

/* The entries with hash h, one per call from *pos: -1 after the last. */
static long
index_next(const Index *ix, uint64_t h, size_t *pos)
{
    if (ix->nslot == 0) {
        return -1;
    }
    size_t mask = ix->nslot - 1;
    for (size_t i = *pos & mask; ix->slot[i] != 0; i = (i + 1) & mask) {
        uint32_t e = ix->slot[i] - 1;
        if (ix->hash[e] == h) {
            *pos = i + 1;
            return e;
        }
    }
    return -1;
}

static void
index_free(Index *ix)
{
    free(ix->slot);
    free(ix->hash);
    memset(ix, 0, sizeof *ix);
}

static uint64_t
str_hash(const char *s)
{
    return hash_bytes(HASH_SEED, s, strlen(s));
}

typedef struct HVec {
    Handle *v;
    size_t n, cap;
} HVec;

static void
hpush(HVec *v, Handle h)
{
    v->v = xgrow(v->v, &v->cap, v->n + 1, sizeof *v->v);
    v->v[v->n++] = h;
}

typedef struct SVec {
    char **v;
    size_t n, cap;
    Index ix;
} SVec;

static int
sfind(const SVec *v, const char *s)
{
    uint64_t h = str_hash(s);
    size_t pos = (size_t)h;
    long e;

    while ((e = index_next(&v->ix, h, &pos)) >= 0) {
        if (strcmp(v->v[e], s) == 0) {
            return (int)e;
        }
    }
    return -1;
}

static int
sadd(SVec *v, const char *s)
{
    int i = sfind(v, s);

    if (i >= 0) {
        return i;
    }
    v->v = xgrow(v->v, &v->cap, v->n + 1, sizeof *v->v);
    v->v[v->n] = xstrdup(s);
    index_add(&v->ix, str_hash(s));
    return (int)v->n++;
}

static void
sfree(SVec *v)
{
    index_free(&v->ix);
    for (size_t i = 0; i < v->n; i++) {
        free(v->v[i]);
    }
    free(v->v);
    memset(v, 0, sizeof *v);
}

typedef struct Loop {
    int is_for;
    uint32_t continue_to;
    uint32_t *breaks;
    size_t nbreaks, cap;
} Loop;

typedef struct Unit {
    Code *code;
    struct Unit *parent;
    HVec consts;               /* new references, moved into the tuple */
    Index consts_ix;           /* by handle */
    SVec names;                /* co_names */
    SVec locals;               /* fast locals (functions) */
    SVec globals;              /* names declared global */
    Instr *ins;
    size_t nins, inscap;
    int depth, maxdepth;
    int line;
    Loop loops[CO_MAXBLOCKS];
    int nloops;
} Unit;

/* The objects nodes stand for after folding: node->folded is 1 + the
 * index here, so a lookup costs no search. */
typedef struct ConstMap {
    Handle *objs;
    size_t n, cap;
} ConstMap;

typedef struct Compiler {
    Machine *m;
    Program *prog;
    CompileError *err;
    jmp_buf fail;
    Unit *u;
    ConstMap folded;           /* node -> object (literals and folds) */
    HVec cache;                /* the module's constant cache */
    Index cache_ix;            /* by const_hash */
    int fold_depth;            /* nodes open in fold() */
    struct ScopeNames *scope;  /* check_globals' sets, freed on an error */
} Compiler;

static void __attribute__((noreturn, format(printf, 3, 4)))
fail_at(Compiler *c, const Node *n, const char *fmt, ...)
{
    va_list ap;

    c->err->line = n ? n->line : 1;
    c->err->col = n ? n->col : 1;
    va_start(ap, fmt);
    vsnprintf(c->err->msg, sizeof c->err->msg, fmt, ap);
    va_end(ap);
    longjmp(c->fail, 1);
}

/* ------------------------------------------------------------------ */
/* Constants.                                                         */

static Handle
const_of(const Compiler *c, const Node *n)
{
    return n->folded != 0 ? c->folded.objs[n->folded - 1] : NULL_HANDLE;
}

static void
const_map_free(ConstMap *f)
{
    free(f->objs);
}

/* Record obj (a new reference, kept by the arena) as n's value.  The
 * node's `folded' field is the compiler's to write (ast.h). */
static void
set_const(Compiler *c, const Node *n, Handle obj)
{
    ConstMap *f = &c->folded;

    f->objs = xgrow(f->objs, &f->cap, f->n + 1, sizeof *f->objs);
    f->objs[f->n++] = obj;
    ((Node *)n)->folded = (uint32_t)f->n;
    m_root_add(c->m, obj);          /* the arena's reference */
}

static int
is_const(const Compiler *c, const Node *n)
{
    if (n->kind != N_CONST) {
        return 0;
    }
    return n->u.cnst.kind == C_NONE || n->u.cnst.kind == C_TRUE || n->u.cnst.kind == C_FALSE
           || const_of(c, n) != NULL_HANDLE;
}

static Handle
singleton(Compiler *c, ConstKind k)
{
    Machine *m = c->m;

    return k == C_NONE ? m->none : k == C_TRUE ? m->true_ : m->false_;
}

/* The object of a constant node (borrowed). */
static Handle
node_obj(Compiler *c, const Node *n)
{
    if (n->u.cnst.kind == C_NONE || n->u.cnst.kind == C_TRUE || n->u.cnst.kind == C_FALSE) {
        return singleton(c, n->u.cnst.kind);
    }
    Handle h = const_of(c, n);
    assert(h != NULL_HANDLE);
    return h;
}

static void
int_view(const Machine *m, Handle h, BigInt *v)
{
    const Object *o = m_obj(m, h);
    int32_t n = o->u.i.size < 0 ? -o->u.i.size : o->u.i.size;

    v->size = o->u.i.size;
    v->d = n <= 1 ? (uint32_t *)&o->u.i.digit0 : o->u.i.digits;
}

static Handle
int_from_bigint(Machine *m, const BigInt *b)
{
    int32_t n = bi_ndigits(b);

    return m_int_from_digits(m, b->size < 0 ? -1 : 1, b->d, n);
}

static int
is_int(const Machine *m, Handle h)
{
    ObjType t = (ObjType)m_obj(m, h)->type;

    return t == T_INT || t == T_BOOL;
}

/* Fold a binary operation on two constant objects, within CPython's
 * limits; NULL_HANDLE when CPython would not fold it. */
static Handle
fold_binop(Compiler *c, BinOp op, Handle l, Handle r)
{
    Machine *m = c->m;

    if (is_int(m, l) && is_int(m, r)) {
        BigInt a, b, res;
        int_view(m, l, &a);
        int_view(m, r, &b);
        bi_init(&res);
        int rc = 0;
        uint64_t abits = bi_bit_length(&a), bbits = bi_bit_length(&b);
        switch (op) {
        case OP_ADD: bi_add(&res, &a, &b); break;
        case OP_SUB: bi_sub(&res, &a, &b); break;
        case OP_MUL:
            if (abits && bbits && abits + bbits > MAX_INT_SIZE) {
                return NULL_HANDLE;
            }
            bi_mul(&res, &a, &b);
            break;
        case OP_FLOORDIV: rc = bi_floordiv(&res, &a, &b); break;
        case OP_MOD: rc = bi_mod(&res, &a, &b); break;
        case OP_POW: {
            int64_t e;
            if (bi_sign(&b) < 0 || !bi_to_i64(&b, &e)) {
                return NULL_HANDLE;
            }
            if (abits && e > 0 && (uint64_t)e > MAX_INT_SIZE / abits) {
                return NULL_HANDLE;
            }
            rc = bi_pow(&res, &a, &b);
            break;
        }
        case OP_LSHIFT: {
            int64_t s;
            if (!bi_to_i64(&b, &s) || s < 0 || s > MAX_INT_SIZE
                || (abits && (uint64_t)s > MAX_INT_SIZE - abits)) {
                return NULL_HANDLE;
            }
            rc = bi_lshift(&res, &a, &b);
            break;
        }
        case OP_RSHIFT: rc = bi_rshift(&res, &a, &b); break;
        case OP_AND: bi_and(&res, &a, &b); break;
        case OP_OR: bi_or(&res, &a, &b); break;
        case OP_XOR: bi_xor(&res, &a, &b); break;
        default:
            return NULL_HANDLE;
        }
        if (rc != 0) {
            bi_done(&res);
            return NULL_HANDLE;
        }
        Handle h = int_from_bigint(m, &res);
        bi_done(&res);
        return h;
    }
    const Object *lo = m_obj(m, l), *ro = m_obj(m, r);
    if (op == OP_ADD && lo->type == T_TUPLE && ro->type == T_TUPLE) {
        uint32_t na = lo->u.t.len, nb = ro->u.t.len;
        if ((size_t)na + nb > MAX_COLLECTION_SIZE) {
            return NULL_HANDLE;
        }
        Handle t = m_tuple_new(m, na + nb);
        for (uint32_t i = 0; i < na + nb; i++) {
            Handle x = i < na ? m_obj(m, l)->u.t.items[i] : m_obj(m, r)->u.t.items[i - na];
            m_incref(m, x);
            m_store(m, t, i, x);
        }
        return t;
    }
    if (op == OP_MUL && (lo->type == T_TUPLE || ro->type == T_TUPLE)
        && (is_int(m, l) || is_int(m, r))) {
        Handle tu = lo->type == T_TUPLE ? l : r, k = tu == l ? r : l;
        int64_t n;
        uint32_t len = m_obj(m, tu)->u.t.len;
        if (!m_int_fits(m, k, &n) || n < 0 || (n > 0 && len > MAX_COLLECTION_SIZE / n)) {
            return NULL_HANDLE;
        }
        uint32_t total = (uint32_t)(len * n);
        Handle t = m_tuple_new(m, total);
        for (uint32_t i = 0; i < total; i++) {
            Handle x = m_obj(m, tu)->u.t.items[i % len];
            m_incref(m, x);
            m_store(m, t, i, x);
        }
        return t;
    }
    if (op == OP_ADD && lo->type == T_STR && ro->type == T_STR) {
        if ((size_t)lo->u.s.len + ro->u.s.len > MAX_STR_SIZE) {
            return NULL_HANDLE;
        }
        StrBuf sb;
        sb_init(&sb);
        sb_put(&sb, lo->u.s.utf8, lo->u.s.nbytes);
        sb_put(&sb, ro->u.s.utf8, ro->u.s.nbytes);
        Handle h = m_str(m, sb.s, sb.len);
        sb_done(&sb);
        return h;
    }
    if (op == OP_MUL && (lo->type == T_STR || ro->type == T_STR)
        && (is_int(m, l) || is_int(m, r))) {
        Handle s = lo->type == T_STR ? l : r, k = s == l ? r : l;
        int64_t n;
        const Object *so = m_obj(m, s);
        if (!m_int_fits(m, k, &n) || n < 0 || (n > 0 && so->u.s.len > MAX_STR_SIZE / n)) {
            return NULL_HANDLE;
        }
        StrBuf sb;
        sb_init(&sb);
        for (int64_t i = 0; i < n; i++) {
            sb_put(&sb, so->u.s.utf8, so->u.s.nbytes);
        }
        Handle h = m_str(m, sb.s, sb.len);
        sb_done(&sb);
        return h;
    }
    return NULL_HANDLE;
}

static void fold(Compiler *c, Node *n);
static void fold_node(Compiler *c, Node *n);

static void
fold_list(Compiler *c, NodeList *l)
{
    for (size_t i = 0; i < l->n; i++) {
        fold(c, l->v[i]);
    }
}

/* A tuple display of constants becomes a constant tuple. */
static void
fold_tuple(Compiler *c, Node *n)
{
    NodeList *e = &n->u.seq.elts;

    for (size_t i = 0; i < e->n; i++) {
        if (!is_const(c, e->v[i])) {
            return;
        }
    }
    if (e->n == 0) {
        return;                         /* () is the static empty tuple */
    }
    Handle t = m_tuple_new(c->m, (uint32_t)e->n);
    for (size_t i = 0; i < e->n; i++) {
        Handle x = node_obj(c, e->v[i]);
        m_incref(c->m, x);
        m_store(c->m, t, (uint32_t)i, x);
    }
    NodeList elts = n->u.seq.elts;
    n->kind = N_CONST;
    n->u.cnst.kind = C_TUPLE;
    n->u.cnst.elts = elts;
    set_const(c, n, t);
}

/* `for x in [consts]' and `x in [consts]': the list becomes a tuple. */
static void
fold_iter(Compiler *c, Node *n)
{
    if (n->kind == N_LIST) {
        for (size_t i = 0; i < n->u.seq.elts.n; i++) {
            if (!is_const(c, n->u.seq.elts.v[i])) {
                return;
            }
        }
        n->kind = N_TUPLE;
        fold_tuple(c, n);
    }
}

static void
fold(Compiler *c, Node *n)
{
    if (n == NULL) {
        return;
    }
    if (++c->fold_depth > COMPILE_MAXDEPTH) {
        fail_at(c, n, "RecursionError: maximum recursion depth exceeded during compilation");
    }
    fold_node(c, n);
    c->fold_depth--;
}

static void
fold_node(Compiler *c, Node *n)
{
    switch (n->kind) {
    case N_UNARY: {
        fold(c, n->u.unary.operand);
        Node *x = n->u.unary.operand;
        if (!is_const(c, x)) {
            return;
        }
        Handle v = node_obj(c, x), r = NULL_HANDLE;
        if (n->u.unary.op == U_NOT) {
            return;                     /* compiled as UNARY_NOT */
        }
        if (!is_int(c->m, v)) {
            return;
        }
        BigInt a, res;
        int_view(c->m, v, &a);
        bi_init(&res);
        if (n->u.unary.op == U_NEG) {
            bi_neg(&res, &a);
        } else if (n->u.unary.op == U_POS) {
            bi_copy(&res, &a);
        } else {
            bi_invert(&res, &a);
        }
        r = int_from_bigint(c->m, &res);
        bi_done(&res);
        n->kind = N_CONST;
        n->u.cnst.kind = C_INT;
        set_const(c, n, r);
        return;
    }
    case N_BINOP: {
        fold(c, n->u.binop.left);
        fold(c, n->u.binop.right);
        if (!is_const(c, n->u.binop.left) || !is_const(c, n->u.binop.right)) {
            return;
        }
        Handle r = fold_binop(c, n->u.binop.op, node_obj(c, n->u.binop.left),
                              node_obj(c, n->u.binop.right));
        if (r != NULL_HANDLE) {
            n->kind = N_CONST;
            ObjType rt = (ObjType)m_obj(c->m, r)->type;
            n->u.cnst.kind = rt == T_STR ? C_STR : rt == T_TUPLE ? C_TUPLE : C_INT;
            set_const(c, n, r);
        }
        return;
    }
    case N_BOOLOP:
        fold_list(c, &n->u.boolop.values);
        return;
    case N_COMPARE:
        fold(c, n->u.compare.left);
        fold_list(c, &n->u.compare.comparators);
        for (size_t i = 0; i < n->u.compare.comparators.n; i++) {
            CmpOp op = n->u.compare.ops[i];
            if (op == CMP_IN || op == CMP_NOTIN) {
                fold_iter(c, n->u.compare.comparators.v[i]);
            }
        }
        return;
    case N_CALL:
        fold(c, n->u.call.func);
        fold_list(c, &n->u.call.args);
        return;
    case N_ATTR:
        fold(c, n->u.attr.value);
        return;
    case N_SUBSCR:
        fold(c, n->u.subscr.value);
        fold(c, n->u.subscr.index);
        return;
    case N_LIST:
    case N_SET:
        fold_list(c, &n->u.seq.elts);
        return;
    case N_TUPLE:
        fold_list(c, &n->u.seq.elts);
        fold_tuple(c, n);
        return;
    case N_DICT:
        fold_list(c, &n->u.dict.keys);
        fold_list(c, &n->u.dict.values);
        return;
    case N_EXPR:
    case N_RETURN:
        fold(c, n->u.expr.value);
        return;
    case N_ASSIGN:
        fold_list(c, &n->u.assign.targets);
        fold(c, n->u.assign.value);
        return;
    case N_AUGASSIGN:
        fold(c, n->u.aug.target);
        fold(c, n->u.aug.value);
        return;
    case N_DEL:
        fold_list(c, &n->u.del.targets);
        return;
    case N_IF:
    case N_WHILE:
        fold(c, n->u.ifs.test);
        fold_list(c, &n->u.ifs.body);
        fold_list(c, &n->u.ifs.orelse);
        return;
    case N_FOR:
        fold(c, n->u.fors.target);
        fold(c, n->u.fors.iter);
        fold_iter(c, n->u.fors.iter);
        fold_list(c, &n->u.fors.body);
        return;
    case N_DEF:
        fold_list(c, &n->u.def.defaults);
        fold_list(c, &n->u.def.body);
        return;
    case N_CLASS:
        fold_list(c, &n->u.cls.body);
        return;
    case N_ASSERT:
        fold(c, n->u.assrt.test);
        fold(c, n->u.assrt.msg);
        return;
    default:
        return;
    }
}

static int
set_has(const Machine *m, Handle s, Handle k)
{
    const SetVal *sv = m_obj(m, s)->u.set;

    for (uint32_t i = 0; i <= sv->mask; i++) {
        Handle x = sv->table[i];
        if (x != NULL_HANDLE && x != SET_DUMMY && m_obj(m, x)->type == m_obj(m, k)->type
            && m_key_eq(m, x, k)) {
            return 1;
        }
    }
    return 0;
}

static int
sets_equal(const Machine *m, Handle a, Handle b)
{
    const SetVal *sa = m_obj(m, a)->u.set;

    if (sa->used != m_obj(m, b)->u.set->used) {
        return 0;
    }
    for (uint32_t i = 0; i <= sa->mask; i++) {
        Handle x = sa->table[i];
        if (x != NULL_HANDLE && x != SET_DUMMY && !set_has(m, b, x)) {
            return 0;
        }
    }
    return 1;
}

/* A hash of a constant's value that agrees with the equality below:
 * equal constants hash alike.  Within a tuple, 1 and True are equal
 * items (m_key_eq); the constant itself has its type mixed in.  Constant
 * tuples nest at most COMPILE_MAXDEPTH deep, as displays do. */
static uint64_t
value_hash(const Machine *m, Handle h)
{
    const Object *o = m_obj(m, h);

    switch ((CollKind)type_info[o->type].coll) {
    case COLL_STR:
        return m_hash(m, h);
    case COLL_SEQ: {                    /* a tuple: constants are never lists */
        uint64_t x = hash_u64(HASH_SEED, o->u.t.len);
        for (uint32_t i = 0; i < o->u.t.len; i++) {
            x = hash_u64(x, value_hash(m, m_obj(m, h)->u.t.items[i]));
        }
        return x;
    }
    case COLL_SET: {
        const SetVal *sv = o->u.set;
        uint64_t x = sv->used;
        for (uint32_t i = 0; i <= sv->mask; i++) {
            Handle k = sv->table[i];
            if (k != NULL_HANDLE && k != SET_DUMMY) {
                x += m_hash(m, k);           /* in any order */
            }
        }
        return x;
    }
    case COLL_DICT:
    case COLL_VIEW:
    case COLL_RANGE:
    case COLL_NONE:
        break;
    }
    return is_int(m, h) ? m_hash(m, h) : h;
}

/* The cached object equal to obj (same type and value). */
static Handle
cache_merge(Compiler *c, Handle obj)
{
    Machine *m = c->m;
    const Object *o = m_obj(m, obj);
    uint64_t h = hash_u64(value_hash(m, obj), o->type);
    size_t pos = (size_t)h;
    long e;

    while ((e = index_next(&c->cache_ix, h, &pos)) >= 0) {
        Handle k = c->cache.v[e];
        if (k == obj) {
            return k;
        }
        o = m_obj(m, obj);
        if (m_obj(m, k)->type == o->type && m_key_eq(m, k, obj)) {
            return k;
        }
        if (o->type == T_SET && m_obj(m, k)->type == T_SET && sets_equal(m, k, obj)) {
            return k;                    /* an equal frozenset: the first */
        }
    }
    hpush(&c->cache, obj);
    index_add(&c->cache_ix, h);
    return obj;
}

/* ------------------------------------------------------------------ */
/* Emitting.                                                          */

static int
stack_effect(Opcode op, uint32_t arg)
{
    switch (op) {
    case OP_NOP: case OP_SWAP: case OP_UNARY_NEGATIVE: case OP_UNARY_POSITIVE:
    case OP_UNARY_NOT: case OP_UNARY_INVERT: case OP_GET_ITER: case OP_JUMP:
    case OP_LOAD_ATTR:
        return 0;
    case OP_POP_TOP: case OP_STORE_NAME: case OP_STORE_GLOBAL: case OP_STORE_FAST:
    case OP_BINARY_OP: case OP_COMPARE_OP: case OP_IS_OP: case OP_CONTAINS_OP:
    case OP_BINARY_SUBSCR: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: case OP_RETURN_VALUE:
    case OP_DELETE_ATTR: case OP_LIST_EXTEND: case OP_SET_UPDATE: case OP_LIST_APPEND:
    case OP_SET_ADD:
    case OP_DICT_UPDATE:
        return -1;
    case OP_PUSH_NULL: case OP_COPY: case OP_LOAD_CONST: case OP_LOAD_NAME:
    case OP_LOAD_GLOBAL: case OP_LOAD_FAST: case OP_LOAD_METHOD: case OP_FOR_ITER:
    case OP_LOAD_BUILD_CLASS: case OP_IMPORT_NAME: case OP_LOAD_ASSERTION_ERROR:
        return 1;
    case OP_DELETE_NAME: case OP_DELETE_GLOBAL: case OP_DELETE_FAST: case OP_RAISE_ASSERT:
        return 0;
    case OP_STORE_ATTR: case OP_DELETE_SUBSCR: case OP_MAP_ADD:
        return -2;
    case OP_STORE_SUBSCR:
        return -3;
    case OP_CALL:
        return -(int)arg - 1;
    case OP_BUILD_LIST: case OP_BUILD_TUPLE: case OP_BUILD_SET:
        return 1 - (int)arg;
    case OP_BUILD_MAP:
        return 1 - 2 * (int)arg;
    case OP_BUILD_CONST_KEY_MAP:
        return -(int)arg;
    case OP_UNPACK_SEQUENCE:
        return (int)arg - 1;
    case OP_MAKE_FUNCTION:
        return -(int)(arg & 1);
    default:
        return 0;
    }
}

static uint32_t
emit(Compiler *c, Opcode op, uint32_t arg)
{
    Unit *u = c->u;

    u->ins = xgrow(u->ins, &u->inscap, u->nins + 1, sizeof *u->ins);
    u->ins[u->nins].op = (uint8_t)op;
    u->ins[u->nins].arg = arg;
    u->ins[u->nins].line = u->line;
    u->depth += stack_effect(op, arg);
    if (u->depth > u->maxdepth) {
        u->maxdepth = u->depth;
    }
    return (uint32_t)u->nins++;
}

/* Forward jumps to one target, chained through their arguments until
 * patched: nothing is allocated, so a compile error leaks nothing. */
static void
chain_jump(Compiler *c, uint32_t *chain, Opcode op)
{
    *chain = emit(c, op, *chain) + 1;
}

static void
chain_patch(Compiler *c, uint32_t chain, uint32_t target)
{
    while (chain != 0) {
        uint32_t at = chain - 1;
        chain = c->u->ins[at].arg;
        c->u->ins[at].arg = target;
    }
}

static uint32_t
here(const Compiler *c)
{
    return (uint32_t)c->u->nins;
}

static void
patch(Compiler *c, uint32_t at, uint32_t target)
{
    c->u->ins[at].arg = target;
}

static uint32_t
add_const(Compiler *c, Handle obj)
{
    Unit *u = c->u;
    Handle k = cache_merge(c, obj);
    size_t pos = k;
    long e;

    while ((e = index_next(&u->consts_ix, k, &pos)) >= 0) {
        if (u->consts.v[e] == k) {
            return (uint32_t)e;
        }
    }
    m_incref(c->m, k);
    hpush(&u->consts, k);
    index_add(&u->consts_ix, k);
    return (uint32_t)(u->consts.n - 1);
}

static void
load_const(Compiler *c, Handle obj)
{
    emit(c, OP_LOAD_CONST, add_const(c, obj));
}

static uint32_t
name_index(Compiler *c, const char *name)
{
    return (uint32_t)sadd(&c->u->names, name);
}

/* ------------------------------------------------------------------ */
/* Scopes.                                                            */

static void collect_assigned(Compiler *c, const NodeList *body, SVec *out, SVec *globals);

static void
assigned_target(const Node *t, SVec *out)
{
    switch (t->kind) {
    case N_NAME:
        sadd(out, t->u.name.id);
        break;
    case N_TUPLE:
    case N_LIST:
        for (size_t i = 0; i < t->u.seq.elts.n; i++) {
            assigned_target(t->u.seq.elts.v[i], out);
        }
        break;
    default:
        break;
    }
}

/* Names a function body binds, and those it declares global. */
static void
collect_assigned(Compiler *c, const NodeList *body, SVec *out, SVec *globals)
{
    for (size_t i = 0; i < body->n; i++) {
        const Node *s = body->v[i];
        switch (s->kind) {
        case N_ASSIGN:
            for (size_t k = 0; k < s->u.assign.targets.n; k++) {
                assigned_target(s->u.assign.targets.v[k], out);
            }
            break;
        case N_AUGASSIGN:
            assigned_target(s->u.aug.target, out);
            break;
        case N_DEL:
            for (size_t k = 0; k < s->u.del.targets.n; k++) {
                assigned_target(s->u.del.targets.v[k], out);
            }
            break;
        case N_FOR:
            assigned_target(s->u.fors.target, out);
            collect_assigned(c, &s->u.fors.body, out, globals);
            break;
        case N_IF:
        case N_WHILE:
            collect_assigned(c, &s->u.ifs.body, out, globals);
            collect_assigned(c, &s->u.ifs.orelse, out, globals);
            break;
        case N_DEF:
            sadd(out, s->u.def.name);
            break;
        case N_CLASS:
            sadd(out, s->u.cls.name);
            break;
        case N_IMPORT:
            for (size_t k = 0; k < s->u.import.n; k++) {
                sadd(out, s->u.import.names[k]);
            }
            break;
        case N_GLOBAL:
            for (size_t k = 0; k < s->u.global.n; k++) {
                sadd(globals, s->u.global.names[k]);
            }
            break;
        default:
            break;
        }
    }
}

/* Is name a fast local of the current function? */
static int
local_index(const Compiler *c, const char *name)
{
    const Unit *u = c->u;

    if (u->code->kind != CODE_FUNCTION) {
        return -1;
    }
    return sfind(&u->locals, name);
}

/* Reject a read of an enclosing function's variable (a closure). */
static void
check_free(Compiler *c, const Node *n, const char *name)
{
    for (const Unit *p = c->u->parent; p != NULL; p = p->parent) {
        if (p->code->kind == CODE_FUNCTION && sfind(&p->locals, name) >= 0
            && sfind(&p->globals, name) < 0) {
            fail_at(c, n, "closures are not supported: '%s' is a variable of the "
                    "enclosing function '%s'", name, p->code->name);
        }
    }
}

typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } Ctx;

static void
name_op(Compiler *c, const Node *n, const char *name, Ctx ctx)
{
    Unit *u = c->u;
    int li = local_index(c, name);

    if (li >= 0 && sfind(&u->globals, name) < 0) {
        emit(c, ctx == CTX_LOAD ? OP_LOAD_FAST : ctx == CTX_STORE ? OP_STORE_FAST
             : OP_DELETE_FAST, (uint32_t)li);
        return;
    }
    uint32_t ni = name_index(c, name);
    if (u->code->kind == CODE_FUNCTION || sfind(&u->globals, name) >= 0) {
        if (ctx == CTX_LOAD) {
            check_free(c, n, name);
        }
        emit(c, ctx == CTX_LOAD ? OP_LOAD_GLOBAL : ctx == CTX_STORE ? OP_STORE_GLOBAL
             : OP_DELETE_GLOBAL, ni);
        return;
    }
    emit(c, ctx == CTX_LOAD ? OP_LOAD_NAME : ctx == CTX_STORE ? OP_STORE_NAME
         : OP_DELETE_NAME, ni);
}

/* ------------------------------------------------------------------ */
/* Expressions.                                                       */

static void expr(Compiler *c, Node *n);
static void body(Compiler *c, const NodeList *l);
static Handle compile_unit(Compiler *c, CodeKind kind, const char *name, const char *qualname,
                           const Node *def, const NodeList *stmts);

static void
set_line(Compiler *c, const Node *n)
{
    c->u->line = n->line;
}

static int
all_const(const Compiler *c, const NodeList *l)
{
    for (size_t i = 0; i < l->n; i++) {
        if (!is_const(c, l->v[i])) {
            return 0;
        }
    }
    return 1;
}

/* A tuple object of constant nodes (a new reference, kept by the arena). */
static Handle
const_tuple(Compiler *c, const NodeList *l, const Node *owner)
{
    Handle t = m_tuple_new(c->m, (uint32_t)l->n);

    for (size_t i = 0; i < l->n; i++) {
        Handle x = node_obj(c, l->v[i]);
        m_incref(c->m, x);
        m_store(c->m, t, (uint32_t)i, x);
    }
    set_const(c, owner, t);
    return t;
}

/* List and set displays (starunpack_helper). */
static void
display(Compiler *c, Node *n, Opcode build, Opcode extend, Opcode append)
{
    const NodeList *e = &n->u.seq.elts;

    if (e->n > 2 && all_const(c, e)) {
        emit(c, build, 0);
        if (build == OP_BUILD_SET) {
            /* The constant is a frozenset: SET_UPDATE merges its table.
             * The constant cache (merge_consts_recursive) rebuilds the
             * frozenset from the first one's table order. */
            Handle first = m_set_new(c->m);
            for (size_t i = 0; i < e->n; i++) {
                m_set_add(c->m, first, node_obj(c, e->v[i]));
            }
            Handle fs = m_set_new(c->m);
            for (uint32_t i = 0; i <= m_obj(c->m, first)->u.set->mask; i++) {
                Handle k = m_obj(c->m, first)->u.set->table[i];
                if (k != NULL_HANDLE && k != SET_DUMMY) {
                    m_set_add(c->m, fs, k);
                }
            }
            m_decref(c->m, first);
            set_const(c, n, fs);
            load_const(c, fs);
        } else {
            load_const(c, const_tuple(c, e, n));
        }
        emit(c, extend, 1);
        return;
    }
    if (e->n > STACK_USE_GUIDELINE) {
        emit(c, build, 0);
        for (size_t i = 0; i < e->n; i++) {
            expr(c, e->v[i]);
            emit(c, append, 1);
        }
        return;
    }
    for (size_t i = 0; i < e->n; i++) {
        expr(c, e->v[i]);
    }
    emit(c, build, (uint32_t)e->n);
}

static void
subdict(Compiler *c, Node *n, size_t begin, size_t end)
{
    size_t k = end - begin;
    int big = k * 2 > STACK_USE_GUIDELINE;
    NodeList keys = {n->u.dict.keys.v + begin, k};

    if (k > 1 && !big && all_const(c, &keys)) {
        for (size_t i = begin; i < end; i++) {
            expr(c, n->u.dict.values.v[i]);
        }
        /* The keys tuple is a new constant (not through the arena). */
        Handle t = m_tuple_new(c->m, (uint32_t)k);
        for (size_t i = 0; i < k; i++) {
            Handle x = node_obj(c, keys.v[i]);
            m_incref(c->m, x);
            m_store(c->m, t, (uint32_t)i, x);
        }
        set_const(c, n->u.dict.keys.v[begin], t);
        load_const(c, t);
        emit(c, OP_BUILD_CONST_KEY_MAP, (uint32_t)k);
        return;
    }
    if (big) {
        emit(c, OP_BUILD_MAP, 0);
    }
    for (size_t i = begin; i < end; i++) {
        expr(c, n->u.dict.keys.v[i]);
        expr(c, n->u.dict.values.v[i]);
        if (big) {
            emit(c, OP_MAP_ADD, 1);
        }
    }
    if (!big) {
        emit(c, OP_BUILD_MAP, (uint32_t)k);
    }
}

static void
dict_display(Compiler *c, Node *n)
{
    size_t total = n->u.dict.keys.n, elements = 0;
    int have = 0;

    for (size_t i = 0; i < total; i++) {
        if (elements * 2 > STACK_USE_GUIDELINE) {
            subdict(c, n, i - elements, i + 1);
            if (have) {
                emit(c, OP_DICT_UPDATE, 1);
            }
            have = 1;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        subdict(c, n, total - elements, total);
        if (have) {
            emit(c, OP_DICT_UPDATE, 1);
        }
        have = 1;
    }
    if (!have) {
        emit(c, OP_BUILD_MAP, 0);
    }
}

/* Jump to target if n's truth is `cond' (compiler_jump_if). */
static void jump_if(Compiler *c, Node *n, int cond, uint32_t *patches, size_t *np);

static void
compare(Compiler *c, Node *n)
{
    size_t k = n->u.compare.comparators.n;

    expr(c, n->u.compare.left);
    if (k == 1) {
        expr(c, n->u.compare.comparators.v[0]);
    }
    uint32_t cleanup = 0;
    for (size_t i = 0; i < k; i++) {
        CmpOp op = n->u.compare.ops[i];
        if (k > 1 && i < k - 1) {
            expr(c, n->u.compare.comparators.v[i]);
            emit(c, OP_SWAP, 2);
            emit(c, OP_COPY, 2);
        } else if (k > 1) {
            expr(c, n->u.compare.comparators.v[i]);
        }
        switch (op) {
        case CMP_IS: emit(c, OP_IS_OP, 0); break;
        case CMP_ISNOT: emit(c, OP_IS_OP, 1); break;
        case CMP_IN: emit(c, OP_CONTAINS_OP, 0); break;
        case CMP_NOTIN: emit(c, OP_CONTAINS_OP, 1); break;
        default: emit(c, OP_COMPARE_OP, op); break;
        }
        if (k > 1 && i < k - 1) {
            chain_jump(c, &cleanup, OP_JUMP_IF_FALSE_OR_POP);
        }
    }
    if (k > 1) {
        uint32_t j = emit(c, OP_JUMP, 0);
        c->u->depth++;
        chain_patch(c, cleanup, here(c));
        emit(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP, 0);
        patch(c, j, here(c));
    }
}

static void
call(Compiler *c, Node *n)
{
    Node *f = n->u.call.func;
    size_t nargs = n->u.call.args.n;

    if (f->kind == N_ATTR) {
        /* Method call: LOAD_METHOD pushes (method, self) or (NULL, attr). */
        expr(c, f->u.attr.value);
        set_line(c, f);
        emit(c, OP_LOAD_METHOD, name_index(c, f->u.attr.attr));
    } else {
        emit(c, OP_PUSH_NULL, 0);
        expr(c, f);
    }
    for (size_t i = 0; i < nargs; i++) {
        expr(c, n->u.call.args.v[i]);
    }
    set_line(c, n);
    emit(c, OP_CALL, (uint32_t)nargs);
}

static void
expr(Compiler *c, Node *n)
{
    int saved = c->u->line;

    if (n->line > 0) {
        set_line(c, n);
    }
    switch (n->kind) {
    case N_NAME:
        name_op(c, n, n->u.name.id, CTX_LOAD);
        break;
    case N_CONST:
        if (n->u.cnst.kind == C_TUPLE && const_of(c, n) == NULL_HANDLE) {
            fail_at(c, n, "internal error: unfolded constant tuple");
        }
        load_const(c, node_obj(c, n));
        break;
    case N_BINOP:
        if (n->u.binop.op == OP_DIV) {
            fail_at(c, n, "true division '/' is not supported (the subset has no floats); "
                    "use '//'");
        }
        if (n->u.binop.op == OP_MATMUL) {
            fail_at(c, n, "the '@' operator is not supported");
        }
        expr(c, n->u.binop.left);
        expr(c, n->u.binop.right);
        set_line(c, n);
        emit(c, OP_BINARY_OP, n->u.binop.op);
        break;
    case N_UNARY:
        expr(c, n->u.unary.operand);
        emit(c, n->u.unary.op == U_NEG ? OP_UNARY_NEGATIVE : n->u.unary.op == U_POS
             ? OP_UNARY_POSITIVE : n->u.unary.op == U_NOT ? OP_UNARY_NOT : OP_UNARY_INVERT, 0);
        break;
    case N_BOOLOP: {
        Opcode jop = n->u.boolop.op == B_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
        size_t k = n->u.boolop.values.n;
        uint32_t j = 0;
        for (size_t i = 0; i + 1 < k; i++) {
            expr(c, n->u.boolop.values.v[i]);
            chain_jump(c, &j, jop);
        }
        expr(c, n->u.boolop.values.v[k - 1]);
        chain_patch(c, j, here(c));
        break;
    }
    case N_COMPARE:
        compare(c, n);
        break;
    case N_CALL:
        call(c, n);
        break;
    case N_ATTR:
        expr(c, n->u.attr.value);
        set_line(c, n);
        emit(c, OP_LOAD_ATTR, name_index(c, n->u.attr.attr));
        break;
    case N_SUBSCR:
        expr(c, n->u.subscr.value);
        expr(c, n->u.subscr.index);
        set_line(c, n);
        emit(c, OP_BINARY_SUBSCR, 0);
        break;
    case N_LIST:
        display(c, n, OP_BUILD_LIST, OP_LIST_EXTEND, OP_LIST_APPEND);
        break;
    case N_SET:
        display(c, n, OP_BUILD_SET, OP_SET_UPDATE, OP_SET_ADD);
        break;
    case N_TUPLE:
        for (size_t i = 0; i < n->u.seq.elts.n; i++) {
            expr(c, n->u.seq.elts.v[i]);
        }
        emit(c, OP_BUILD_TUPLE, (uint32_t)n->u.seq.elts.n);
        break;
    case N_DICT:
        dict_display(c, n);
        break;
    default:
        fail_at(c, n, "internal error: not an expression");
    }
    c->u->line = saved;
}

static void
jump_if(Compiler *c, Node *n, int cond, uint32_t *patches, size_t *np)
{
    if (n->kind == N_UNARY && n->u.unary.op == U_NOT) {
        jump_if(c, n->u.unary.operand, !cond, patches, np);
        return;
    }
    expr(c, n);
    patches[(*np)++] = emit(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, 0);
}

/* ------------------------------------------------------------------ */
/* Statements.                                                        */

static void
store(Compiler *c, Node *t)
{
    switch (t->kind) {
    case N_NAME:
        name_op(c, t, t->u.name.id, CTX_STORE);
        break;
    case N_ATTR:
        expr(c, t->u.attr.value);
        set_line(c, t);
        emit(c, OP_STORE_ATTR, name_index(c, t->u.attr.attr));
        break;
    case N_SUBSCR:
        expr(c, t->u.subscr.value);
        expr(c, t->u.subscr.index);
        set_line(c, t);
        emit(c, OP_STORE_SUBSCR, 0);
        break;
    case N_TUPLE:
    case N_LIST:
        set_line(c, t);
        emit(c, OP_UNPACK_SEQUENCE, (uint32_t)t->u.seq.elts.n);
        for (size_t i = 0; i < t->u.seq.elts.n; i++) {
            store(c, t->u.seq.elts.v[i]);
        }
        break;
    default:
        fail_at(c, t, "cannot assign to expression");
    }
}

static void
del(Compiler *c, Node *t)
{
    set_line(c, t);
    switch (t->kind) {
    case N_NAME:
        name_op(c, t, t->u.name.id, CTX_DEL);
        break;
    case N_ATTR:
        expr(c, t->u.attr.value);
        set_line(c, t);
        emit(c, OP_DELETE_ATTR, name_index(c, t->u.attr.attr));
        break;
    case N_SUBSCR:
        expr(c, t->u.subscr.value);
        expr(c, t->u.subscr.index);
        set_line(c, t);
        emit(c, OP_DELETE_SUBSCR, 0);
        break;
    case N_TUPLE:
    case N_LIST:
        for (size_t i = 0; i < t->u.seq.elts.n; i++) {
            del(c, t->u.seq.elts.v[i]);
        }
        break;
    default:
        fail_at(c, t, "cannot delete expression");
    }
}

static void
assign(Compiler *c, Node *s)
{
    NodeList *tg = &s->u.assign.targets;
    Node *v = s->u.assign.value;

    /* a, b = b, a: the tuple is never built (BUILD_TUPLE n and
     * UNPACK_SEQUENCE n become SWAPs for n <= 3). */
    if (tg->n == 1 && v->kind == N_TUPLE && (tg->v[0]->kind == N_TUPLE || tg->v[0]->kind == N_LIST)
        && tg->v[0]->u.seq.elts.n == v->u.seq.elts.n && v->u.seq.elts.n >= 1
        && v->u.seq.elts.n <= 3) {
        size_t k = v->u.seq.elts.n;
        for (size_t i = 0; i < k; i++) {
            expr(c, v->u.seq.elts.v[i]);
        }
        if (k >= 2) {
            emit(c, OP_SWAP, (uint32_t)k);
        }
        for (size_t i = 0; i < k; i++) {
            store(c, tg->v[0]->u.seq.elts.v[i]);
        }
        return;
    }
    expr(c, v);
    for (size_t i = 0; i < tg->n; i++) {
        if (i + 1 < tg->n) {
            emit(c, OP_COPY, 1);
        }
        store(c, tg->v[i]);
    }
}

static void
augassign(Compiler *c, Node *s)
{
    Node *t = s->u.aug.target;
    uint32_t op = s->u.aug.op;

    if (op == OP_DIV) {
        fail_at(c, s, "true division '/=' is not supported (the subset has no floats); use '//='");
    }
    if (op == OP_MATMUL) {
        fail_at(c, s, "the '@=' operator is not supported");
    }
    op += OP_NBINOPS;                  /* the in-place form */
    switch (t->kind) {
    case N_NAME:
        name_op(c, t, t->u.name.id, CTX_LOAD);
        expr(c, s->u.aug.value);
        set_line(c, s);
        emit(c, OP_BINARY_OP, op);
        name_op(c, t, t->u.name.id, CTX_STORE);
        break;
    case N_ATTR:
        expr(c, t->u.attr.value);
        emit(c, OP_COPY, 1);
        emit(c, OP_LOAD_ATTR, name_index(c, t->u.attr.attr));
        expr(c, s->u.aug.value);
        set_line(c, s);
        emit(c, OP_BINARY_OP, op);
        emit(c, OP_SWAP, 2);
        emit(c, OP_STORE_ATTR, name_index(c, t->u.attr.attr));
        break;
    case N_SUBSCR:
        expr(c, t->u.subscr.value);
        expr(c, t->u.subscr.index);
        emit(c, OP_COPY, 2);
        emit(c, OP_COPY, 2);
        emit(c, OP_BINARY_SUBSCR, 0);
        expr(c, s->u.aug.value);
        set_line(c, s);
        emit(c, OP_BINARY_OP, op);
        emit(c, OP_SWAP, 3);
        emit(c, OP_SWAP, 2);
        emit(c, OP_STORE_SUBSCR, 0);
        break;
    default:
        fail_at(c, t, "illegal target for augmented assignment");
    }
}

static Loop *
push_loop(Compiler *c, const Node *n, int is_for, uint32_t continue_to)
{
    Unit *u = c->u;

    if (u->nloops == CO_MAXBLOCKS) {
        fail_at(c, n, "too many statically nested blocks");
    }
    Loop *l = &u->loops[u->nloops++];
    memset(l, 0, sizeof *l);
    l->is_for = is_for;
    l->continue_to = continue_to;
    return l;
}

static void
pop_loop(Compiler *c, uint32_t break_to)
{
    Loop *l = &c->u->loops[--c->u->nloops];

    for (size_t i = 0; i < l->nbreaks; i++) {
        patch(c, l->breaks[i], break_to);
    }
    free(l->breaks);
}

/* __qualname__ of a def or class in the current unit. */
static void
qualname(const Compiler *c, const char *name, char *out, size_t n)
{
    const Code *code = c->u->code;

    if (code->kind == CODE_CLASS) {
        snprintf(out, n, "%s.%s", code->qualname, name);
    } else if (code->kind == CODE_FUNCTION) {
        snprintf(out, n, "%s.<locals>.%s", code->qualname, name);
    } else {
        snprintf(out, n, "%s", name);
    }
}

/* if: the tests jump to the else branch, or past the body. */
static void
if_stmt(Compiler *c, Node *s)
{
    uint32_t jf[256];
    size_t nj = 0;
    jump_if(c, s->u.ifs.test, 0, jf, &nj);
    body(c, &s->u.ifs.body);
    if (s->u.ifs.orelse.n > 0) {
        uint32_t j = emit(c, OP_JUMP, 0);
        for (size_t i = 0; i < nj; i++) {
            patch(c, jf[i], here(c));
        }
        body(c, &s->u.ifs.orelse);
        patch(c, j, here(c));
    } else {
        for (size_t i = 0; i < nj; i++) {
            patch(c, jf[i], here(c));
        }
    }
}

/* while: the test at the top, a jump back at the end of the body. */
static void
while_stmt(Compiler *c, Node *s)
{
    uint32_t top = here(c);
    push_loop(c, s, 0, top);
    uint32_t jf[256];
    size_t nj = 0;
    jump_if(c, s->u.ifs.test, 0, jf, &nj);
    body(c, &s->u.ifs.body);
    set_line(c, s);
    emit(c, OP_JUMP, top);
    for (size_t i = 0; i < nj; i++) {
        patch(c, jf[i], here(c));
    }
    pop_loop(c, here(c));
}

/* for: GET_ITER, then FOR_ITER at the top of the loop. */
static void
for_stmt(Compiler *c, Node *s)
{
    expr(c, s->u.fors.iter);
    set_line(c, s);
    emit(c, OP_GET_ITER, 0);
    uint32_t top = emit(c, OP_FOR_ITER, 0);
    push_loop(c, s, 1, top);
    store(c, s->u.fors.target);
    body(c, &s->u.fors.body);
    set_line(c, s);
    emit(c, OP_JUMP, top);
    c->u->depth--;                  /* FOR_ITER's exit pops the iterator */
    patch(c, top, here(c));
    pop_loop(c, here(c));
}

/* return: a return inside for loops pops their iterators first. */
static void
return_stmt(Compiler *c, Node *s)
{
    Unit *u = c->u;

    if (u->code->kind != CODE_FUNCTION) {
        fail_at(c, s, "'return' outside function");
    }
    if (s->u.expr.value != NULL) {
        expr(c, s->u.expr.value);
    } else {
        load_const(c, c->m->none);
    }
    set_line(c, s);
    /* A return inside for loops pops their iterators first. */
    for (int i = u->nloops - 1; i >= 0; i--) {
        if (u->loops[i].is_for) {
            emit(c, OP_SWAP, 2);
            emit(c, OP_POP_TOP, 0);
        }
    }
    emit(c, OP_RETURN_VALUE, 0);
}

/* assert TEST[, MSG]: jumps past the raise when the test is true. */
static void
assert_stmt(Compiler *c, Node *s)
{
    uint32_t jt[256];
    size_t nj = 0;
    jump_if(c, s->u.assrt.test, 1, jt, &nj);
    emit(c, OP_LOAD_ASSERTION_ERROR, 0);
    if (s->u.assrt.msg != NULL) {
        expr(c, s->u.assrt.msg);
        emit(c, OP_RAISE_ASSERT, 1);
    } else {
        emit(c, OP_RAISE_ASSERT, 0);
    }
    c->u->depth -= 1 + (s->u.assrt.msg != NULL);
    for (size_t i = 0; i < nj; i++) {
        patch(c, jt[i], here(c));
    }
}

/* def: the defaults (one constant tuple when all are constants), the
 * function's code object, MAKE_FUNCTION, then the store of its name. */
static void
def_stmt(Compiler *c, Node *s)
{
    Unit *u = c->u;

    for (size_t i = 0; i < s->u.def.defaults.n; i++) {
        expr(c, s->u.def.defaults.v[i]);
    }
    uint32_t flags = 0;
    if (s->u.def.defaults.n > 0) {
        /* BUILD_TUPLE of constants is folded into one constant. */
        if (all_const(c, &s->u.def.defaults)) {
            u->nins -= s->u.def.defaults.n;
            u->depth -= (int)s->u.def.defaults.n;
            load_const(c, const_tuple(c, &s->u.def.defaults, s));
        } else {
            emit(c, OP_BUILD_TUPLE, (uint32_t)s->u.def.defaults.n);
        }
        flags = 1;
    }
    char qual[512];
    qualname(c, s->u.def.name, qual, sizeof qual);
    Handle code = compile_unit(c, CODE_FUNCTION, s->u.def.name, qual, s, &s->u.def.body);
    set_line(c, s);
    load_const(c, code);
    m_decref(c->m, code);
    emit(c, OP_MAKE_FUNCTION, flags);
    name_op(c, s, s->u.def.name, CTX_STORE);
}

/* class: __build_class__(function of the body, name), then the store
 * of its name. */
static void
class_stmt(Compiler *c, Node *s)
{
    char qual[512];
    qualname(c, s->u.cls.name, qual, sizeof qual);
    emit(c, OP_PUSH_NULL, 0);
    emit(c, OP_LOAD_BUILD_CLASS, 0);
    Handle code = compile_unit(c, CODE_CLASS, s->u.cls.name, qual, s, &s->u.cls.body);
    set_line(c, s);
    load_const(c, code);
    m_decref(c->m, code);
    emit(c, OP_MAKE_FUNCTION, 0);
    Handle nm = m_str_cstr(c->m, s->u.cls.name);
    set_const(c, s, nm);
    load_const(c, nm);
    emit(c, OP_CALL, 2);
    name_op(c, s, s->u.cls.name, CTX_STORE);
}

static void
stmt(Compiler *c, Node *s)
{
    Unit *u = c->u;

    set_line(c, s);
    switch (s->kind) {
    case N_EXPR:
        if (s->u.expr.value->kind == N_CONST && u->code->kind != CODE_MODULE) {
            break;                      /* a docstring or a bare constant */
        }
        if (s->u.expr.value->kind == N_CONST) {
            break;
        }
        expr(c, s->u.expr.value);
        emit(c, OP_POP_TOP, 0);
        break;
    case N_ASSIGN:
        assign(c, s);
        break;
    case N_AUGASSIGN:
        augassign(c, s);
        break;
    case N_DEL:
        for (size_t i = 0; i < s->u.del.targets.n; i++) {
            del(c, s->u.del.targets.v[i]);
        }
        break;
    case N_PASS:
        emit(c, OP_NOP, 0);
        break;
    case N_IF:
        if_stmt(c, s);
        break;
    case N_WHILE:
        while_stmt(c, s);
        break;
    case N_FOR:
        for_stmt(c, s);
        break;
    case N_BREAK:
    case N_CONTINUE: {
        if (u->nloops == 0) {
            fail_at(c, s, "'%s' outside loop", s->kind == N_BREAK ? "break" : "continue");
        }
        Loop *l = &u->loops[u->nloops - 1];
        if (s->kind == N_CONTINUE) {
            emit(c, OP_JUMP, l->continue_to);
            break;
        }
        if (l->is_for) {
            emit(c, OP_POP_TOP, 0);     /* the iterator */
            c->u->depth++;
        }
        l->breaks = xgrow(l->breaks, &l->cap, l->nbreaks + 1, sizeof *l->breaks);
        l->breaks[l->nbreaks++] = emit(c, OP_JUMP, 0);
        break;
    }
    case N_RETURN:
        return_stmt(c, s);
        break;
    case N_GLOBAL:
        if (u->code->kind == CODE_MODULE) {
            break;
        }
        break;
    case N_ASSERT:
        assert_stmt(c, s);
        break;
    case N_IMPORT:
        for (size_t i = 0; i < s->u.import.n; i++) {
            emit(c, OP_IMPORT_NAME, name_index(c, s->u.import.names[i]));
            name_op(c, s, s->u.import.names[i], CTX_STORE);
        }
        break;
    case N_DEF:
        def_stmt(c, s);
        break;
    case N_CLASS:
        class_stmt(c, s);
        break;
    default:
        fail_at(c, s, "internal error: not a statement");
    }
}

static void
body(Compiler *c, const NodeList *l)
{
    for (size_t i = 0; i < l->n; i++) {
        stmt(c, l->v[i]);
    }
}

/* ------------------------------------------------------------------ */
/* Units.                                                             */

/*
 * What symtable.c checks at a global declaration: a name the scope
 * already has as a parameter, used or assigned before it, in source
 * order, nested blocks included, nested functions' and classes' bodies
 * not (their defaults are the scope's).
 */
typedef struct ScopeNames {
    SVec used, assigned;
} ScopeNames;

static void
scope_expr_visit(void *sn, const Node *n);

static void
scope_expr(ScopeNames *sn, const Node *n)
{
    if (n == NULL) {
        return;
    }
    if (n->kind == N_NAME) {
        sadd(&sn->used, n->u.name.id);
    } else {
        ast_children(n, scope_expr_visit, sn);
    }
}

static void
scope_expr_visit(void *sn, const Node *n)
{
    scope_expr(sn, n);
}

static void
scope_target(ScopeNames *sn, const Node *t)
{
    if (t->kind == N_NAME) {
        sadd(&sn->assigned, t->u.name.id);
    } else if (t->kind == N_TUPLE || t->kind == N_LIST) {
        for (size_t i = 0; i < t->u.seq.elts.n; i++) {
            scope_target(sn, t->u.seq.elts.v[i]);
        }
    } else {
        scope_expr(sn, t);              /* a.x = ..., a[i] = ... use a */
    }
}

static void
scope_stmts(Compiler *c, ScopeNames *sn, const NodeList *stmts, const Node *def)
{
    for (size_t i = 0; i < stmts->n; i++) {
        const Node *s = stmts->v[i];
        switch (s->kind) {
        case N_EXPR:
        case N_RETURN:
            scope_expr(sn, s->u.expr.value);
            break;
        case N_ASSIGN:
            scope_expr(sn, s->u.assign.value);
            for (size_t k = 0; k < s->u.assign.targets.n; k++) {
                scope_target(sn, s->u.assign.targets.v[k]);
            }
            break;
        case N_AUGASSIGN:
            scope_target(sn, s->u.aug.target);      /* a store, for symtable.c */
            scope_expr(sn, s->u.aug.value);
            break;
        case N_DEL:
            for (size_t k = 0; k < s->u.del.targets.n; k++) {
                scope_target(sn, s->u.del.targets.v[k]);
            }
            break;
        case N_IF:
        case N_WHILE:
            scope_expr(sn, s->u.ifs.test);
            scope_stmts(c, sn, &s->u.ifs.body, def);
            scope_stmts(c, sn, &s->u.ifs.orelse, def);
            break;
        case N_FOR:
            scope_expr(sn, s->u.fors.iter);
            scope_target(sn, s->u.fors.target);
            scope_stmts(c, sn, &s->u.fors.body, def);
            scope_stmts(c, sn, &s->u.fors.orelse, def);
            break;
        case N_DEF:
            for (size_t k = 0; k < s->u.def.defaults.n; k++) {
                scope_expr(sn, s->u.def.defaults.v[k]);
            }
            sadd(&sn->assigned, s->u.def.name);
            break;
        case N_CLASS:
            sadd(&sn->assigned, s->u.cls.name);
            break;
        case N_ASSERT:
            scope_expr(sn, s->u.assrt.test);
            scope_expr(sn, s->u.assrt.msg);
            break;
        case N_IMPORT:
            for (size_t k = 0; k < s->u.import.n; k++) {
                sadd(&sn->assigned, s->u.import.names[k]);
            }
            break;
        case N_GLOBAL:
            for (size_t k = 0; k < s->u.global.n; k++) {
                const char *name = s->u.global.names[k];
                for (size_t p = 0; def != NULL && p < def->u.def.nparams; p++) {
                    if (strcmp(def->u.def.params[p], name) == 0) {
                        fail_at(c, s, "name '%s' is parameter and global", name);
                    }
                }
                if (sfind(&sn->used, name) >= 0) {
                    fail_at(c, s, "name '%s' is used prior to global declaration", name);
                }
                if (sfind(&sn->assigned, name) >= 0) {
                    fail_at(c, s, "name '%s' is assigned to before global declaration", name);
                }
            }
            break;
        default:
            break;
        }
    }
}

/* def: the function whose body stmts are, or NULL for a module or class. */
static void
check_globals(Compiler *c, const NodeList *stmts, const Node *def)
{
    ScopeNames *sn = xcalloc(1, sizeof *sn);
    c->scope = sn;
    scope_stmts(c, sn, stmts, def);
    c->scope = NULL;
    sfree(&sn->used);
    sfree(&sn->assigned);
    free(sn);
}

static Handle
compile_unit(Compiler *c, CodeKind kind, const char *name, const char *qualname,
             const Node *def, const NodeList *stmts)
{
    /* On the heap: an error longjmps past this frame, and the handler
     * frees the units still open. */
    Unit *up = xcalloc(1, sizeof *up);
    Code *code = xcalloc(1, sizeof *code);
#define unit (*up)
    unit.code = code;
    unit.parent = c->u;
    code->kind = kind;
    code->name = xstrdup(name);
    code->qualname = xstrdup(qualname);
    /* The program owns the code from the start, so an error leaves
     * nothing behind. */
    Program *prog = c->prog;
    prog->codes = xgrow(prog->codes, &prog->codecap, prog->ncodes + 1, sizeof *prog->codes);
    prog->codes[prog->ncodes++] = code;
    code->filename = c->prog->filename;
    code->firstline = def ? def->line : 1;
    unit.line = code->firstline;
    c->u = up;

    check_globals(c, stmts, kind == CODE_FUNCTION ? def : NULL);
    if (kind == CODE_FUNCTION) {
        for (size_t i = 0; i < def->u.def.nparams; i++) {
            sadd(&unit.locals, def->u.def.params[i]);
        }
        SVec assigned = {0};
        collect_assigned(c, stmts, &assigned, &unit.globals);
        for (size_t i = 0; i < assigned.n; i++) {
            if (sfind(&unit.globals, assigned.v[i]) < 0) {
                sadd(&unit.locals, assigned.v[i]);
            }
        }
        sfree(&assigned);
        /* co_consts[0]: the docstring, or None. */
        if (stmts->n > 0 && stmts->v[0]->kind == N_EXPR
            && stmts->v[0]->u.expr.value->kind == N_CONST
            && stmts->v[0]->u.expr.value->u.cnst.kind == C_STR) {
            add_const(c, node_obj(c, stmts->v[0]->u.expr.value));
        } else {
            add_const(c, c->m->none);
        }
    } else if (kind == CODE_CLASS) {
        SVec assigned = {0};
        collect_assigned(c, stmts, &assigned, &unit.globals);
        sfree(&assigned);
        /* __module__ = __name__; __qualname__ = 'C' */
        emit(c, OP_LOAD_NAME, name_index(c, "__name__"));
        emit(c, OP_STORE_NAME, name_index(c, "__module__"));
        Handle q = m_str_cstr(c->m, qualname);
        set_const(c, def, q);
        load_const(c, q);
        emit(c, OP_STORE_NAME, name_index(c, "__qualname__"));
    }
    body(c, stmts);
    /* The implicit return None. */
    load_const(c, c->m->none);
    emit(c, OP_RETURN_VALUE, 0);

    code->ins = unit.ins;
    code->nins = (uint32_t)unit.nins;
    code->nlocals = (uint32_t)unit.locals.n;
    code->nparams = kind == CODE_FUNCTION ? (uint32_t)def->u.def.nparams : 0;
    code->varnames = unit.locals.v;
    unit.ins = NULL;
    unit.locals.v = NULL;
    unit.locals.n = 0;
    index_free(&unit.locals.ix);
    code->stacksize = (uint32_t)unit.maxdepth + 2;

    Machine *m = c->m;
    /* co_consts and co_names as tuples the code object owns. */
    Handle consts = m_tuple_new(m, (uint32_t)unit.consts.n);
    for (size_t i = 0; i < unit.consts.n; i++) {
        m_store(m, consts, (uint32_t)i, unit.consts.v[i]);
    }
    free(unit.consts.v);
    index_free(&unit.consts_ix);
    Handle names = m_tuple_new(m, (uint32_t)unit.names.n);
    for (size_t i = 0; i < unit.names.n; i++) {
        m_store(m, names, (uint32_t)i, m_str_cstr(m, unit.names.v[i]));
    }
    sfree(&unit.names);
    sfree(&unit.globals);
    Handle h = m_code_new(m, code, TYPE_NBYTES(T_CODE) + CODE_UNIT_SIZE * (size_t)code->nins,
                          consts, names);

    c->u = unit.parent;
    free(up);
#undef unit
    return h;
}

/* The object of an integer literal (the lexer's text: no underscores, a
 * lower-case prefix).  A decimal literal longer than
 * sys.get_int_max_str_digits() is the SyntaxError CPython's parser
 * reports; hexadecimal, octal and binary ones have no limit. */
static Handle
int_literal(Compiler *c, const Node *l)
{
    const char *t = l->u.cnst.text;
    size_t n = l->u.cnst.len;

    if (n > 1 && t[0] == '0' && (t[1] == 'x' || t[1] == 'o' || t[1] == 'b')) {
        BigInt b;
        bi_init(&b);
        if (bi_from_string(&b, t, n, 0) != 0) {
            bi_done(&b);
            fail_at(c, l, "invalid integer literal");      /* the lexer checked it */
        }
        Handle h = int_from_bigint(c->m, &b);
        bi_done(&b);
        return h;
    }
    if (n > BI_MAX_STR_DIGITS) {
        fail_at(c, l, "Exceeds the limit (%d digits) for integer string conversion: value has "
                "%zu digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                "hexadecimal for huge integer literals to avoid decimal conversion limits.",
                BI_MAX_STR_DIGITS, n);
    }
    return m_int_from_decimal(c->m, t);
}

Program *
program_compile(Machine *m, const char *filename, const char *src, size_t n,
                CompileError *err)
{
    AstError ae;
    Ast *ast = ast_parse(src, n, &ae);

    if (ast == NULL) {
        err->line = ae.line;
        err->col = ae.col;
        snprintf(err->msg, sizeof err->msg, "%s", ae.msg);
        return NULL;
    }
    Program *p = xcalloc(1, sizeof *p);
    p->filename = xstrdup(filename);
    p->src = xstrndup(src, n);
    p->srclen = n;
    p->ast = ast;

    Compiler *c = xcalloc(1, sizeof *c);
    c->m = m;
    c->prog = p;
    c->err = err;
    if (setjmp(c->fail)) {
        /* Units still being compiled own their vectors. */
        for (Unit *u = c->u, *parent; u != NULL; u = parent) {
            parent = u->parent;
            free(u->ins);
            free(u->consts.v);
            index_free(&u->consts_ix);
            sfree(&u->names);
            sfree(&u->locals);
            sfree(&u->globals);
            for (int i = 0; i < u->nloops; i++) {
                free(u->loops[i].breaks);
            }
            free(u);
        }
        if (c->scope != NULL) {
            sfree(&c->scope->used);
            sfree(&c->scope->assigned);
            free(c->scope);
        }
        const_map_free(&c->folded);
        free(c->cache.v);
        index_free(&c->cache_ix);
        free(c);
        program_free(p);
        return NULL;
    }
    /* 1. The parser's literal objects, in source order. */
    const NodeList *lits = ast_literals(ast);
    for (size_t i = 0; i < lits->n; i++) {
        const Node *l = lits->v[i];
        Handle h;
        if (l->u.cnst.kind == C_INT) {
            h = int_literal(c, l);
        } else {
            h = m_str(m, l->u.cnst.text, l->u.cnst.len);
        }
        set_const(c, l, h);
    }
    /* 2. Folding. */
    NodeList *stmts = (NodeList *)ast_body(ast);
    fold_list(c, stmts);
    /* 3. Code. */
    p->module_code = compile_unit(c, CODE_MODULE, "<module>", "<module>", NULL, stmts);
    m_root_add(m, p->module_code);
    const_map_free(&c->folded);
    free(c->cache.v);
    index_free(&c->cache_ix);
    free(c);
    return p;
}

void
code_free(Code *c)
{
    for (uint32_t i = 0; i < c->nlocals; i++) {
        free(c->varnames[i]);
    }
    free(c->varnames);
    free(c->ins);
    free(c->name);
    free(c->qualname);
    free(c);
}

void
program_free(Program *p)
{
    if (p == NULL) {
        return;
    }
    for (size_t i = 0; i < p->ncodes; i++) {
        code_free(p->codes[i]);
    }
    free(p->codes);
    ast_free(p->ast);
    free(p->filename);
    free(p->src);
    free(p);
}

const char *
program_line(const Program *p, int line, size_t *len)
{
    size_t n;
    const char *s = ast_line(p->ast, line, &n);

    if (s == NULL) {
        return NULL;
    }
    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) {
        n--;
    }
    *len = n;
    return s;
}
