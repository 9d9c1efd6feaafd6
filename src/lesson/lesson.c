/*
 * lesson.c: loading, checking and running lessons (pymemsim-lesson(5)).
 *
 * Loading reads the file line by line.  The first block of `#:' lines
 * is the header (fields, then the introduction); later `#:' lines are
 * narrative and `#@' lines directives, each attached to the next line
 * of code; a `#@' after code on the same line is attached to that line,
 * to take effect once its statement has run.  The program is compiled
 * first, so that syntax errors come out in CPython's words, and so that
 * expressions can be checked against the names the program assigns and
 * directives against the lines that run as statements.
 *
 * Running runs the program once, headless, with an event sink that
 * numbers points exactly as the history does: a directive attached to
 * line L takes effect at the line event of L; one written after it at
 * the next line event in the same frame or an outer one (or the end).
 */
#include <config.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/strbuf.h"
#include "core/xalloc.h"
#include "lesson/expr.h"
#include "lesson/lesson.h"
#include "py/code.h"
#include "py/run.h"

/* ------------------------------------------------------------------ */
/* Loading.                                                           */

typedef struct Loader {
    Lesson *l;
    const char *path;
    char *err;
    size_t errsize;
    int failed;
    /* What the program assigns, and the lines that run. */
    char **names;
    size_t nnames, namecap;
    uint8_t *runs;             /* by line */
    int nlines;
    char **labels;
    size_t nlabels, labelcap;
} Loader;

static void __attribute__((format(printf, 4, 5)))
fail(Loader *ld, int line, int col, const char *fmt, ...)
{
    va_list ap;
    char msg[240];

    if (ld->failed) {
        return;                 /* the first mistake is the one reported */
    }
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(ld->err, ld->errsize, "%s:%d:%d: %s", ld->path, line, col, msg);
    ld->failed = 1;
}

static void
add_name(char ***v, size_t *n, size_t *cap, const char *s)
{
    for (size_t i = 0; i < *n; i++) {
        if (strcmp((*v)[i], s) == 0) {
            return;
        }
    }
    *v = xgrow(*v, cap, *n + 1, sizeof **v);
    (*v)[(*n)++] = xstrdup(s);
}

static int
known_name(void *ctx, const char *name)
{
    Loader *ld = ctx;

    for (size_t i = 0; i < ld->nnames; i++) {
        if (strcmp(ld->names[i], name) == 0) {
            return 1;
        }
    }
    for (size_t i = 0; i < ld->nlabels; i++) {
        if (strcmp(ld->labels[i], name) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Compile the program; collect the names it stores and its lines. */
static int
scan_program(Loader *ld, size_t srclines)
{
    Machine m;
    Vm vm;

    machine_init(&m);
    vm_init(&vm, &m, NULL);
    Program *p = run_load(ld->path, &m);
    if (p == NULL) {
        ld->failed = 2;         /* already reported, as `run' does */
        vm_done(&vm);
        machine_done(&m);
        return -1;
    }
    ld->nlines = (int)srclines + 2;
    ld->runs = xcalloc((size_t)ld->nlines, 1);
    for (Handle h = 1; h < m.nobjs; h++) {
        if (!(m.objs[h].flags & OF_LIVE) || m.objs[h].type != T_CODE) {
            continue;
        }
        const Code *c = code_of(&m, h);
        const Object *t = m_obj(&m, m.objs[h].u.code.name);
        for (uint32_t k = 0; k < c->nlocals; k++) {
            add_name(&ld->names, &ld->nnames, &ld->namecap, c->varnames[k]);
        }
        for (uint32_t k = 0; k < c->nins; k++) {
            const Instr *in = &c->ins[k];
            if (in->line > 0 && in->line < ld->nlines) {
                ld->runs[in->line] = 1;
            }
            if (in->op == OP_STORE_NAME || in->op == OP_STORE_GLOBAL) {
                if (in->arg < t->u.t.len) {
                    add_name(&ld->names, &ld->nnames, &ld->namecap,
                             m_obj(&m, t->u.t.items[in->arg])->u.s.utf8);
                }
            }
        }
    }
    program_free(p);
    vm_done(&vm);
    machine_done(&m);
    return 0;
}

static Directive *
new_dir(Loader *ld, DirKind kind, int line, int col)
{
    Lesson *l = ld->l;
    l->dirs = xrealloc(l->dirs, (l->ndirs + 1) * sizeof *l->dirs);
    Directive *d = &l->dirs[l->ndirs++];
    memset(d, 0, sizeof *d);
    d->kind = kind;
    d->line = line;
    d->col = col;
    d->target = -1;
    return d;
}

static const char *const pane_words[] = {"source", "stack", "heap", "memory", "collector", "log"};

/* A quoted string at *p ("..."): returns it (caller owns) or NULL. */
static char *
quoted(const char **p)
{
    if (**p != '"') {
        return NULL;
    }
    const char *q = strchr(*p + 1, '"');
    if (q == NULL) {
        return NULL;
    }
    char *s = xstrndup(*p + 1, (size_t)(q - *p - 1));
    *p = q + 1;
    return s;
}

static void
skip_blanks(const char **p)
{
    while (**p == ' ' || **p == '\t') {
        (*p)++;
    }
}

/* Parse an expression written at column col of line; NULL on error. */
static Expr *
expression(Loader *ld, const char *src, int line, int col)
{
    char msg[200];
    int ecol = 0;
    Expr *e = expr_parse(src, known_name, ld, msg, sizeof msg, &ecol);

    if (e == NULL) {
        fail(ld, line, col + ecol - 1, "%s", msg);
    }
    return e;
}

/* ask "QUESTION" = EXPRESSION [because "WHY"]: rest follows the word
 * "ask" (text starts at column col, the word at wcol).  NULL after
 * reporting a mistake. */
static Directive *
ask_directive(Loader *ld, const char *text, const char *rest, int line, int col, int wcol)
{
    const char *q = rest;
    char *question = quoted(&q);

    if (question == NULL) {
        fail(ld, line, col + (int)(rest - text), "ask wants a question in double quotes");
        return NULL;
    }
    skip_blanks(&q);
    if (*q != '=' || q[1] == '=') {
        free(question);
        fail(ld, line, col + (int)(q - text), "expected '= EXPRESSION' after the question");
        return NULL;
    }
    q++;
    skip_blanks(&q);
    char *src = xstrdup(q);
    char *because = NULL;
    char *b = strstr(src, " because ");
    Expr *e = NULL;
    if (b != NULL) {
        const char *bq = b + 9;
        skip_blanks(&bq);
        because = quoted(&bq);
        skip_blanks(&bq);
        if (because == NULL || *bq != '\0') {
            fail(ld, line, col + (int)(q - text) + (int)(b - src) + 1,
                 "because wants an explanation in double quotes");
            goto fail;
        }
        *b = '\0';
    }
    e = expression(ld, src, line, col + (int)(q - text));
    if (e == NULL) {
        goto fail;
    }
    Directive *d = new_dir(ld, DIR_ASK, line, wcol);
    d->expr = e;
    d->text = question;
    d->because = because;
    d->var = src;           /* the expression's source, for messages */
    return d;
fail:
    free(because);
    free(question);
    free(src);
    return NULL;
}

/* One directive: text is what follows "#@" (at column col). */
static void
directive(Loader *ld, const char *text, int line, int col, int after)
{
    const char *p = text;
    skip_blanks(&p);
    int wcol = col + (int)(p - text);
    size_t n = 0;
    while (isalpha((unsigned char)p[n])) {
        n++;
    }
    char word[16];
    snprintf(word, sizeof word, "%.*s", (int)(n < 15 ? n : 15), p);
    const char *rest = p + n;
    skip_blanks(&rest);
    int rcol = col + (int)(rest - text);
    Directive *d;

    if (strcmp(word, "pause") == 0 || strcmp(word, "break") == 0) {
        if (*rest != '\0') {
            fail(ld, line, rcol, "%s takes nothing after it", word);
            return;
        }
        d = new_dir(ld, word[0] == 'p' ? DIR_PAUSE : DIR_BREAK, line, wcol);
    } else if (strcmp(word, "expect") == 0) {
        Expr *e = expression(ld, rest, line, rcol);
        if (e == NULL) {
            return;
        }
        d = new_dir(ld, DIR_EXPECT, line, wcol);
        d->expr = e;
        d->text = xstrdup(rest);
    } else if (strcmp(word, "ask") == 0) {
        d = ask_directive(ld, text, rest, line, col, wcol);
        if (d == NULL) {
            return;
        }
    } else if (strcmp(word, "show") == 0) {
        int pane = -2;
        for (int i = 0; i < 6; i++) {
            if (strcmp(rest, pane_words[i]) == 0) {
                pane = i;
            }
        }
        if (strcmp(rest, "all") == 0) {
            pane = -1;
        }
        if (pane == -2) {
            fail(ld, line, rcol, "show wants source, stack, heap, memory, collector, log or all");
            return;
        }
        d = new_dir(ld, DIR_SHOW, line, wcol);
        d->arg = pane;
    } else if (strcmp(word, "step") == 0) {
        int size = -1;
        for (int i = 0; i < STEP_NSIZES; i++) {
            if (strcmp(rest, step_size_names[i]) == 0) {
                size = i;
            }
        }
        if (size < 0) {
            fail(ld, line, rcol, "step wants event, instruction or line");
            return;
        }
        d = new_dir(ld, DIR_STEP, line, wcol);
        d->arg = size;
    } else if (strcmp(word, "label") == 0) {
        const char *q = rest;
        size_t ln = 0;
        while (isalnum((unsigned char)q[ln]) || q[ln] == '_') {
            ln++;
        }
        if (ln == 0 || isdigit((unsigned char)q[0])) {
            fail(ld, line, rcol, "label wants NAME = VARIABLE");
            return;
        }
        char *name = xstrndup(q, ln);
        q += ln;
        skip_blanks(&q);
        if (*q != '=') {
            free(name);
            fail(ld, line, col + (int)(q - text), "label wants NAME = VARIABLE");
            return;
        }
        q++;
        skip_blanks(&q);
        int vcol = col + (int)(q - text);
        size_t vn = 0;
        while (isalnum((unsigned char)q[vn]) || q[vn] == '_') {
            vn++;
        }
        char *var = xstrndup(q, vn);
        if (vn == 0 || q[vn] != '\0' || !known_name(ld, var)) {
            fail(ld, line, vcol, vn == 0 ? "label wants NAME = VARIABLE"
                 : "'%s' is not a variable of the program", var);
            free(name);
            free(var);
            return;
        }
        d = new_dir(ld, DIR_LABEL, line, wcol);
        d->text = name;
        d->var = var;
    } else {
        fail(ld, line, wcol, n ? "unknown directive '%s'" : "expected a directive after '#@'",
             word);
        return;
    }
    d->after = after;
}

/* Where a "#@" starts in a line of code, outside strings; -1 if none. */
static int
trailing_directive(const char *s)
{
    char quote = 0;

    for (int i = 0; s[i] != '\0'; i++) {
        if (quote) {
            if (s[i] == '\\' && s[i + 1] != '\0') {
                i++;
            } else if (s[i] == quote) {
                quote = 0;
            }
        } else if (s[i] == '"' || s[i] == '\'') {
            quote = s[i];
        } else if (s[i] == '#') {
            return s[i + 1] == '@' ? i : -1;
        }
    }
    return -1;
}

static const char *const header_keys[] = {"title", "summary", "level", "prerequisites"};

/* Read the lesson's lines; fill ld->l.  Labels first (a pre-pass), so
 * that expressions may name labels defined anywhere. */
static void
parse_lines(Loader *ld, char *src, int header_only)
{
    Lesson *l = ld->l;
    StrBuf para, intro;
    int pending_from = -1, pending_line = 0, pending_col = 0;
    int in_header = 1, fields = 1, lineno = 0;

    sb_init(&para);
    sb_init(&intro);
    for (char *p = src; !header_only && p != NULL;) {
        char *nl = strchr(p, '\n');
        const char *t = p;
        while (*t == ' ' || *t == '\t') {
            t++;
        }
        /* Within this line only. */
        size_t len = nl != NULL ? (size_t)(nl - t) : strlen(t);
        const char *lab = memmem(t, len, "#@", 2);
        if (lab != NULL) {
            const char *q = lab + 2;
            skip_blanks(&q);
            if (strncmp(q, "label", 5) == 0) {
                q += 5;
                skip_blanks(&q);
                size_t n = 0;
                while (isalnum((unsigned char)q[n]) || q[n] == '_') {
                    n++;
                }
                if (n > 0) {
                    char name[64];
                    snprintf(name, sizeof name, "%.*s", (int)(n < 63 ? n : 63), q);
                    add_name(&ld->labels, &ld->nlabels, &ld->labelcap, name);
                }
            }
        }
        p = nl != NULL ? nl + 1 : NULL;
    }
    for (char *p = src; p != NULL && !ld->failed;) {
        char *nl = strchr(p, '\n');
        if (nl != NULL) {
            *nl = '\0';
        }
        lineno++;
        size_t len = strlen(p);
        if (len > 0 && p[len - 1] == '\r') {
            p[--len] = '\0';
        }
        const char *t = p;
        while (*t == ' ' || *t == '\t') {
            t++;
        }
        int col = (int)(t - p) + 1;
        if (t[0] == '#' && t[1] == ':') {
            const char *text = t[2] == ' ' ? t + 3 : t + 2;
            if (in_header) {
                const char *colon = strchr(text, ':');
                size_t kn = 0;
                while (islower((unsigned char)text[kn])) {
                    kn++;
                }
                if (fields && kn > 0 && colon == text + kn && (colon[1] == ' ' || colon[1] == '\0')) {
                    int k;
                    for (k = 0; k < 4 && (strlen(header_keys[k]) != kn
                                          || strncmp(text, header_keys[k], kn) != 0); k++) {
                    }
                    if (k == 4) {
                        fail(ld, lineno, col + (int)(text - t), "unknown header field '%.*s'",
                             (int)kn, text);
                        break;
                    }
                    const char *v = colon + 1;
                    skip_blanks(&v);
                    if (*v == '\0') {
                        fail(ld, lineno, col + (int)(v - t), "the %s is empty", header_keys[k]);
                        break;
                    }
                    if (k == 0) {
                        free(l->title);
                        l->title = xstrdup(v);
                    } else if (k == 1) {
                        free(l->summary);
                        l->summary = xstrdup(v);
                    } else if (k == 2) {
                        char *end;
                        long lv = strtol(v, &end, 10);
                        if (*end != '\0' || lv < 1 || lv > 3) {
                            fail(ld, lineno, col + (int)(v - t), "the level is 1, 2 or 3");
                            break;
                        }
                        l->level = (int)lv;
                    } else {
                        free(l->prereq);
                        l->prereq = xstrdup(v);
                    }
                } else {
                    fields = 0;
                    if (intro.len > 0 || *text != '\0') {
                        sb_puts(&intro, *text ? text : "\n");
                        sb_putc(&intro, *text ? ' ' : '\n');
                    }
                }
            } else {
                if (pending_from < 0) {
                    pending_from = (int)l->ndirs;
                    pending_line = lineno;
                    pending_col = col;
                }
                if (*text == '\0') {
                    sb_puts(&para, "\n\n");
                } else {
                    if (para.len > 0 && para.s[para.len - 1] != '\n') {
                        sb_putc(&para, ' ');
                    }
                    sb_puts(&para, text);
                }
            }
        } else if (t[0] == '#' && t[1] == '@') {
            in_header = 0;
            if (header_only) {
                break;
            }
            if (pending_from < 0) {
                pending_from = (int)l->ndirs;
                pending_line = lineno;
                pending_col = col;
            }
            directive(ld, t + 2, lineno, col + 2, 0);
        } else if (t[0] == '#' || t[0] == '\0') {
            if (t[0] == '\0' && in_header && (l->title != NULL || intro.len > 0)) {
                in_header = 0;  /* a blank line ends the header */
            }
        } else {
            /* A line of code: what is pending attaches here. */
            in_header = 0;
            if (header_only) {
                break;
            }
            if (lineno >= ld->nlines || !ld->runs[lineno]) {
                if (pending_from >= 0) {
                    fail(ld, pending_line, pending_col,
                         "narrative and directives must come before a line that starts a statement");
                    break;
                }
            }
            if (para.len > 0) {
                Directive *d = new_dir(ld, DIR_NARRATIVE, pending_line, pending_col);
                d->text = sb_take(&para);
                sb_init(&para);
                d->target = lineno;
            }
            for (size_t i = 0; i < l->ndirs; i++) {
                if (l->dirs[i].target < 0) {
                    l->dirs[i].target = lineno;
                }
            }
            pending_from = -1;
            int at = trailing_directive(t);
            if (at >= 0) {
                size_t before = l->ndirs;
                directive(ld, t + at + 2, lineno, col + at + 2, 1);
                if (l->ndirs > before) {
                    l->dirs[l->ndirs - 1].target = lineno;
                }
            }
        }
        p = nl != NULL ? nl + 1 : NULL;
    }
    if (!ld->failed && !header_only && pending_from >= 0) {
        fail(ld, pending_line, pending_col, pending_from < (int)l->ndirs || para.len == 0
             ? "directive with no statement after it" : "narrative with no statement after it");
    }
    if (!ld->failed) {
        if (l->title == NULL) {
            fail(ld, 1, 1, "the header has no title (#: title: ...)");
        } else if (l->summary == NULL) {
            fail(ld, 1, 1, "the header has no summary (#: summary: ...)");
        } else if (l->level == 0) {
            fail(ld, 1, 1, "the header has no level (#: level: 1, 2 or 3)");
        }
    }
    while (intro.len > 0 && isspace((unsigned char)intro.s[intro.len - 1])) {
        intro.s[--intro.len] = '\0';
    }
    l->intro = sb_take(&intro);
    sb_done(&para);
}

/* The lesson's text and its number of lines. */
static char *
read_all(const char *path, size_t *lines)
{
    size_t len;
    char *src = sb_read_file(path, &len);

    *lines = 1;
    for (size_t i = 0; src != NULL && i < len; i++) {
        *lines += src[i] == '\n';
    }
    return src;
}

static char *
id_of(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base != NULL ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 3 && strcmp(base + n - 3, ".py") == 0) {
        n -= 3;
    }
    return xstrndup(base, n);
}

static void
loader_done(Loader *ld)
{
    for (size_t i = 0; i < ld->nnames; i++) {
        free(ld->names[i]);
    }
    for (size_t i = 0; i < ld->nlabels; i++) {
        free(ld->labels[i]);
    }
    free(ld->names);
    free(ld->labels);
    free(ld->runs);
}

static void
lesson_clear(Lesson *l)
{
    for (size_t i = 0; i < l->ndirs; i++) {
        expr_free(l->dirs[i].expr);
        free(l->dirs[i].text);
        free(l->dirs[i].because);
        free(l->dirs[i].var);
    }
    free(l->dirs);
    free(l->path);
    free(l->id);
    free(l->title);
    free(l->summary);
    free(l->prereq);
    free(l->intro);
    memset(l, 0, sizeof *l);
}

Lesson *
lesson_load(const char *path, char *err, size_t errsize)
{
    Loader ld;
    size_t lines;
    char *src = read_all(path, &lines);

    err[0] = '\0';
    if (src == NULL) {
        snprintf(err, errsize, "%s: %s", path, strerror(errno));
        return NULL;
    }
    memset(&ld, 0, sizeof ld);
    ld.l = xcalloc(1, sizeof *ld.l);
    ld.path = path;
    ld.err = err;
    ld.errsize = errsize;
    if (scan_program(&ld, lines) == 0) {
        parse_lines(&ld, src, 0);
    }
    free(src);
    loader_done(&ld);
    if (ld.failed) {
        lesson_free(ld.l);
        return NULL;
    }
    ld.l->path = xstrdup(path);
    ld.l->id = id_of(path);
    return ld.l;
}

int
lesson_header(const char *path, Lesson *l, char *err, size_t errsize)
{
    Loader ld;
    size_t lines;
    char *src = read_all(path, &lines);

    memset(l, 0, sizeof *l);
    if (src == NULL) {
        snprintf(err, errsize, "%s: %s", path, strerror(errno));
        return -1;
    }
    memset(&ld, 0, sizeof ld);
    ld.l = l;
    ld.path = path;
    ld.err = err;
    ld.errsize = errsize;
    parse_lines(&ld, src, 1);
    free(src);
    loader_done(&ld);
    if (ld.failed) {
        lesson_clear(l);
        return -1;
    }
    l->path = xstrdup(path);
    l->id = id_of(path);
    return 0;
}

int
lesson_is_lesson(const char *path)
{
    size_t len;
    char *text = sb_read_file(path, &len);     /* "-" is standard input */
    int yes = 0;

    for (size_t i = 0; text != NULL && i < len;) {
        while (i < len && (text[i] == ' ' || text[i] == '\t')) {
            i++;
        }
        if (i < len && (text[i] == '\n' || text[i] == '\r')) {
            i++;
            continue;
        }
        yes = i + 1 < len && text[i] == '#' && text[i + 1] == ':';
        break;
    }
    free(text);
    return yes;
}

void
lesson_header_done(Lesson *l)
{
    lesson_clear(l);
}

void
lesson_free(Lesson *l)
{
    if (l != NULL) {
        lesson_clear(l);
        free(l);
    }
}

/* ------------------------------------------------------------------ */
/* Running.                                                           */

typedef struct Runner {
    const Lesson *l;
    LessonRun *r;
    Machine m;
    Vm vm;
    uint64_t seq;
    uint64_t freed;            /* since the last line event */
    uint64_t base_live;
    /* Directives written after a statement, waiting for the next line
     * event at this frame depth or an outer one. */
    uint32_t *after;
    size_t nafter, aftercap;
    uint32_t after_depth;
    /* Labels. */
    const char **lnames;
    Handle *lhandles;
    size_t nlabels;
} Runner;

static void
record(Runner *rn, uint32_t dir)
{
    const Directive *d = &rn->l->dirs[dir];
    LessonRun *r = rn->r;
    Value v = {VAL_BOOL, 1, NULL};

    char *why = NULL;
    if (d->expr != NULL) {
        EvalCtx c = {&rn->m, &rn->vm, rn->lnames, rn->lhandles, rn->nlabels, rn->freed,
                     rn->base_live};
        v = expr_eval(d->expr, &c);
        if (d->kind == DIR_EXPECT && (v.kind != VAL_BOOL || !v.i)) {
            why = expr_explain(d->expr, &c);
        }
    }
    if (d->kind == DIR_LABEL) {
        for (size_t i = 0; i < rn->nlabels; i++) {
            if (strcmp(rn->lnames[i], d->text) == 0) {
                rn->lhandles[i] = lesson_variable(&rn->m, d->var);
            }
        }
    }
    r->f = xgrow(r->f, &r->cap, r->n + 1, sizeof *r->f);
    r->f[r->n].seq = rn->seq;
    r->f[r->n].dir = dir;
    r->f[r->n].value = v;
    r->f[r->n].why = why;
    r->n++;
}

static void
fire_after(Runner *rn)
{
    for (size_t i = 0; i < rn->nafter; i++) {
        record(rn, rn->after[i]);
    }
    rn->nafter = 0;
}

static void
lesson_sink(void *ctx, const Machine *m, const Event *e)
{
    Runner *rn = ctx;

    (void)m;
    rn->seq++;
    if (e->kind == EV_FREE || e->kind == EV_FREELIST) {
        /* An object is freed either way: its block back to its pool, or
         * kept on its type's free list. */
        rn->freed++;
        for (size_t i = 0; i < rn->nlabels; i++) {
            if (rn->lhandles[i] == e->obj) {
                rn->lhandles[i] = NULL_HANDLE;
            }
        }
        return;
    }
    if (e->kind == EV_END) {
        fire_after(rn);
        return;
    }
    if (e->kind != EV_LINE) {
        return;
    }
    if (rn->nafter > 0 && rn->m.nframes <= rn->after_depth) {
        fire_after(rn);
    }
    const Lesson *l = rn->l;
    for (uint32_t i = 0; i < l->ndirs; i++) {
        const Directive *d = &l->dirs[i];
        if (d->target != (int)e->a) {
            continue;
        }
        if (d->after) {
            rn->after = xgrow(rn->after, &rn->aftercap, rn->nafter + 1, sizeof *rn->after);
            rn->after[rn->nafter++] = i;
            rn->after_depth = rn->m.nframes;
        } else {
            record(rn, i);
        }
    }
    rn->freed = 0;
}

int
lesson_run(const Lesson *l, LessonRun *r, const VmLimits *lim)
{
    VmLimits def = {VM_DEFAULT_MAX_STEPS, VM_DEFAULT_MAX_HEAP, NULL, NULL, 0};

    Runner rn;

    memset(r, 0, sizeof *r);
    memset(&rn, 0, sizeof rn);
    rn.l = l;
    rn.r = r;
    machine_init(&rn.m);
    vm_init(&rn.vm, &rn.m, NULL);
    rn.vm.err = NULL;
    vm_set_limits(&rn.vm, lim != NULL ? lim : &def);
    Program *p = run_load(l->path, &rn.m);
    if (p == NULL) {
        vm_done(&rn.vm);
        machine_done(&rn.m);
        return -1;
    }
    for (size_t i = 0; i < l->ndirs; i++) {
        if (l->dirs[i].kind == DIR_LABEL) {
            rn.lnames = xrealloc(rn.lnames, (rn.nlabels + 1) * sizeof *rn.lnames);
            rn.lhandles = xrealloc(rn.lhandles, (rn.nlabels + 1) * sizeof *rn.lhandles);
            rn.lnames[rn.nlabels] = l->dirs[i].text;
            rn.lhandles[rn.nlabels++] = NULL_HANDLE;
        }
    }
    rn.base_live = rn.m.live;
    machine_set_sink(&rn.m, lesson_sink, &rn);
    machine_set_verify(&rn.m, lim != NULL ? lim->verify : 0);
    int rc = vm_run_program(&rn.vm, p);
    r->status = rc == 0 ? 0 : rc == -1 ? 1 : 2;
    r->ninstr = rn.vm.ninstr;
    r->verify_failures = rn.m.verify_failures;
    r->end = rn.seq;
    program_free(p);
    vm_done(&rn.vm);
    machine_done(&rn.m);
    free(rn.after);
    free(rn.lnames);
    free(rn.lhandles);
    return 0;
}

void
lesson_run_done(LessonRun *r)
{
    for (size_t i = 0; i < r->n; i++) {
        value_done(&r->f[i].value);
        free(r->f[i].why);
    }
    free(r->f);
    memset(r, 0, sizeof *r);
}

void
value_text(const Value *v, char *buf, size_t size)
{
    switch (v->kind) {
    case VAL_INT:
        snprintf(buf, size, "%" PRId64, v->i);
        break;
    case VAL_BOOL:
        snprintf(buf, size, "%s", v->i ? "True" : "False");
        break;
    case VAL_STR:
        snprintf(buf, size, "\"%s\"", v->s);
        break;
    default:
        snprintf(buf, size, "error: %s", v->s);
        break;
    }
}

int
value_matches(const Value *v, const char *answer)
{
    while (isspace((unsigned char)*answer)) {
        answer++;
    }
    size_t n = strlen(answer);
    while (n > 0 && isspace((unsigned char)answer[n - 1])) {
        n--;
    }
    char a[128];
    snprintf(a, sizeof a, "%.*s", (int)(n < 127 ? n : 127), answer);
    switch (v->kind) {
    case VAL_INT: {
        char *end;
        long long x = strtoll(a, &end, 10);
        return n > 0 && *end == '\0' && x == v->i;
    }
    case VAL_BOOL: {
        int yes = strcasecmp(a, "true") == 0 || strcasecmp(a, "yes") == 0 || strcmp(a, "1") == 0;
        int no = strcasecmp(a, "false") == 0 || strcasecmp(a, "no") == 0 || strcmp(a, "0") == 0;
        return v->i ? yes : no;
    }
    case VAL_STR: {
        if (n >= 2 && (a[0] == '"' || a[0] == '\'') && a[n - 1] == a[0]) {
            a[n - 1] = '\0';
            return strcmp(a + 1, v->s) == 0;
        }
        return strcmp(a, v->s) == 0;
    }
    default:
        return 0;
    }
}

int
lesson_report(const Lesson *l, const LessonRun *r, FILE *fp)
{
    int failures = 0;

    for (size_t i = 0; i < l->ndirs; i++) {
        const Directive *d = &l->dirs[i];
        size_t times = 0, bad = 0;
        const Firing *first = NULL;
        for (size_t k = 0; k < r->n; k++) {
            if (r->f[k].dir != i) {
                continue;
            }
            times++;
            const Value *v = &r->f[k].value;
            int ok = d->kind != DIR_EXPECT || (v->kind != VAL_ERROR && v->kind != VAL_STR && v->i);
            if (d->kind == DIR_ASK && v->kind == VAL_ERROR) {
                ok = 0;
            }
            if (!ok) {
                bad++;
                if (first == NULL) {
                    first = &r->f[k];
                }
            }
        }
        if (d->kind == DIR_EXPECT || d->kind == DIR_ASK) {
            if (times == 0) {
                fprintf(fp, "pymemsim: %s:%d:%d: %s never reached: line %d did not run\n", l->path,
                        d->line, d->col, d->kind == DIR_EXPECT ? "expect" : "ask", d->target);
                failures++;
            } else if (bad > 0) {
                char val[160];
                value_text(&first->value, val, sizeof val);
                if (d->kind == DIR_EXPECT) {
                    fprintf(fp, "pymemsim: %s:%d:%d: expect %s failed: %s", l->path, d->line,
                            d->col, d->text, first->value.kind == VAL_ERROR ? val
                            : first->why != NULL && first->why[0] ? first->why : "it is False");
                } else {
                    fprintf(fp, "pymemsim: %s:%d:%d: ask has no answer: %s", l->path, d->line,
                            d->col, val);
                }
                if (times > 1) {
                    fprintf(fp, ", %zu of %zu times", bad, times);
                }
                fputc('\n', fp);
                failures++;
            }
        }
    }
    return failures;
}

/* ------------------------------------------------------------------ */
/* Finding lessons, and progress.                                     */

static void
scan_dir(LessonList *ll, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    size_t first = ll->n;

    if (d == NULL) {
        return;
    }
    while ((de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n < 4 || strcmp(de->d_name + n - 3, ".py") != 0 || de->d_name[0] == '.') {
            continue;
        }
        /* The first directory with a lesson of a name wins. */
        int dup = 0;
        for (size_t i = 0; i < ll->n; i++) {
            const char *b = strrchr(ll->paths[i], '/');
            dup |= strcmp(b != NULL ? b + 1 : ll->paths[i], de->d_name) == 0;
        }
        if (dup) {
            continue;
        }
        ll->paths = xgrow(ll->paths, &ll->cap, ll->n + 1, sizeof *ll->paths);
        StrBuf sb;
        sb_init(&sb);
        sb_printf(&sb, "%s/%s", dir, de->d_name);
        ll->paths[ll->n++] = sb_take(&sb);
    }
    closedir(d);
    /* In name order within a directory (lessons are numbered). */
    for (size_t i = first; i < ll->n; i++) {
        for (size_t j = i + 1; j < ll->n; j++) {
            if (strcmp(ll->paths[j], ll->paths[i]) < 0) {
                char *t = ll->paths[i];
                ll->paths[i] = ll->paths[j];
                ll->paths[j] = t;
            }
        }
    }
}

/* Each of a colon-separated list, with suffix appended. */
static void
scan_list(LessonList *ll, const char *list, const char *suffix)
{
    while (list != NULL && *list != '\0') {
        const char *c = strchr(list, ':');
        size_t n = c != NULL ? (size_t)(c - list) : strlen(list);
        if (n > 0) {
            StrBuf sb;
            sb_init(&sb);
            sb_put(&sb, list, n);
            sb_puts(&sb, suffix);
            scan_dir(ll, sb.s);
            sb_done(&sb);
        }
        list = c != NULL ? c + 1 : NULL;
    }
}

void
lessons_find(LessonList *ll)
{
    memset(ll, 0, sizeof *ll);
    scan_list(ll, getenv("PYMEMSIM_LESSONS"), "");
    const char *home = getenv("HOME");
    const char *xdh = getenv("XDG_DATA_HOME");
    StrBuf sb;
    sb_init(&sb);
    if (xdh != NULL && *xdh != '\0') {
        sb_printf(&sb, "%s/pymemsim/lessons", xdh);
    } else if (home != NULL) {
        sb_printf(&sb, "%s/.local/share/pymemsim/lessons", home);
    }
    if (sb.len > 0) {
        scan_dir(ll, sb.s);
    }
    sb_done(&sb);
    const char *xdd = getenv("XDG_DATA_DIRS");
    scan_list(ll, xdd != NULL && *xdd != '\0' ? xdd : "/usr/local/share:/usr/share",
              "/pymemsim/lessons");
    scan_dir(ll, PKGDATADIR "/lessons");
}

void
lessons_list_done(LessonList *ll)
{
    for (size_t i = 0; i < ll->n; i++) {
        free(ll->paths[i]);
    }
    free(ll->paths);
    memset(ll, 0, sizeof *ll);
}

/*
 * Progress: the file $XDG_DATA_HOME/pymemsim/progress (or under
 * ~/.local/share) has a line `ID done RIGHT/TOTAL' for each lesson
 * done, with the questions answered right of those asked.  Lines are
 * read whole, whatever their length; a line that is not exactly such a
 * record (numbers in decimal digits, 0 <= RIGHT <= TOTAL) is ignored,
 * and kept as it is when the file is rewritten.  The ID is what comes
 * before the last " done ", so it may hold spaces.  The file is
 * replaced, never written in place: progress_set writes the new text to
 * a temporary file in the same directory, syncs it and renames it over
 * the old one, so a crash leaves the old file or the new, not half.
 */
static void
progress_path(StrBuf *sb)
{
    const char *xdh = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");

    if (xdh != NULL && *xdh != '\0') {
        sb_printf(sb, "%s/pymemsim", xdh);
    } else {
        sb_printf(sb, "%s/.local/share/pymemsim", home != NULL ? home : ".");
    }
}

/* The decimal digits from s to end as an int: 0, or -1 if there are
 * none, anything else, or more than INT_MAX. */
static int
progress_number(const char *s, const char *end, int *out)
{
    long v = 0;

    if (s == end) {
        return -1;
    }
    for (; s < end; s++) {
        if (*s < '0' || *s > '9' || v > (INT_MAX - (*s - '0')) / 10) {
            return -1;
        }
        v = v * 10 + (*s - '0');
    }
    *out = (int)v;
    return 0;
}

/* Is line (n bytes, without its newline) a record?  Its ID's length
 * and its numbers, or -1. */
static int
progress_parse(const char *line, size_t n, size_t *idlen, int *right, int *total)
{
    const char *end = line + n;
    const char *sp = memrchr(line, ' ', n);
    static const char done[] = " done";
    size_t dl = sizeof done - 1;

    if (sp == NULL || memchr(line, '\0', n) != NULL) {
        return -1;
    }
    const char *slash = memchr(sp + 1, '/', (size_t)(end - sp - 1));
    if (slash == NULL || (size_t)(sp - line) <= dl || memcmp(sp - dl, done, dl) != 0
        || progress_number(sp + 1, slash, right) < 0
        || progress_number(slash + 1, end, total) < 0 || *right > *total) {
        return -1;
    }
    *idlen = (size_t)(sp - dl - line);
    return 0;
}

/* The next line of fp into *line (getline's buffer), without its
 * newline: its length, or -1 at the end. */
static ssize_t
progress_line(FILE *fp, char **line, size_t *cap)
{
    ssize_t n = getline(line, cap, fp);

    if (n > 0 && (*line)[n - 1] == '\n') {
        (*line)[--n] = '\0';
    }
    return n;
}

int
progress_get(const char *id, int *right, int *total)
{
    StrBuf sb;
    sb_init(&sb);
    progress_path(&sb);
    sb_puts(&sb, "/progress");
    FILE *fp = fopen(sb.s, "r");
    sb_done(&sb);
    int done = 0;
    char *line = NULL;
    size_t cap = 0, idlen;
    ssize_t n;
    *right = *total = 0;
    while (fp != NULL && (n = progress_line(fp, &line, &cap)) >= 0) {
        int r, t;
        if (progress_parse(line, (size_t)n, &idlen, &r, &t) == 0 && idlen == strlen(id)
            && memcmp(line, id, idlen) == 0) {
            done = 1;           /* the last record of the lesson counts */
            *right = r;
            *total = t;
        }
    }
    free(line);
    if (fp != NULL) {
        fclose(fp);
    }
    return done;
}

/* The progress file's text with id's record(s) left out into text;
 * *mode is the file's: 0, or -1 with errno. */
static int
progress_others(const char *path, const char *id, StrBuf *text, mode_t *mode)
{
    FILE *fp = fopen(path, "r");
    struct stat st;
    char *line = NULL;
    size_t cap = 0, idlen;
    ssize_t n;

    if (fp == NULL) {
        return errno == ENOENT ? 0 : -1;
    }
    if (fstat(fileno(fp), &st) == 0) {
        *mode = st.st_mode & 07777;
    }
    while ((n = progress_line(fp, &line, &cap)) >= 0) {
        int r, t;
        if (progress_parse(line, (size_t)n, &idlen, &r, &t) == 0 && idlen == strlen(id)
            && memcmp(line, id, idlen) == 0) {
            continue;
        }
        sb_put(text, line, (size_t)n);
        sb_putc(text, '\n');
    }
    free(line);
    int failed = ferror(fp);
    int e = errno;
    fclose(fp);
    errno = e;
    return failed ? -1 : 0;
}

/* Write text to a new file in path's directory, sync it and rename it
 * to path: 0, or -1 with errno and nothing left behind. */
static int
progress_replace(const char *path, const StrBuf *text, mode_t mode)
{
    StrBuf tmp;
    sb_init(&tmp);
    sb_printf(&tmp, "%s.XXXXXX", path);
    int fd = mkstemp(tmp.s);
    if (fd < 0) {
        sb_done(&tmp);
        return -1;
    }
    FILE *fp = fdopen(fd, "w");
    int ok = fp != NULL && fchmod(fd, mode) == 0
             && fwrite(text->s, 1, text->len, fp) == text->len && fflush(fp) == 0
             && fsync(fd) == 0;
    int e = errno;
    if (fp == NULL) {
        close(fd);
    } else if (fclose(fp) != 0 && ok) {
        ok = 0;
        e = errno;
    }
    if (ok && rename(tmp.s, path) != 0) {
        ok = 0;
        e = errno;
    }
    if (!ok) {
        unlink(tmp.s);
    }
    sb_done(&tmp);
    errno = e;
    return ok ? 0 : -1;
}

int
progress_set(const char *id, int right, int total, char *err, size_t errsize)
{
    StrBuf path, text;
    mode_t um = umask(0);
    mode_t mode = 0666 & ~um;
    int status = 0;

    umask(um);
    if (strchr(id, '\n') != NULL) {
        snprintf(err, errsize, "cannot save the progress of a lesson whose name has a newline");
        return -1;
    }
    sb_init(&path);
    progress_path(&path);
    /* mkdir -p of the data directory; a failure shows as one below. */
    for (char *p = path.s + 1; *p != '\0'; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(path.s, 0755);
            *p = '/';
        }
    }
    mkdir(path.s, 0755);
    sb_puts(&path, "/progress");
    sb_init(&text);
    if (progress_others(path.s, id, &text, &mode) < 0) {
        snprintf(err, errsize, "cannot read %s: %s", path.s, strerror(errno));
        status = -1;
    } else {
        sb_printf(&text, "%s done %d/%d\n", id, right, total);
        if (progress_replace(path.s, &text, mode) < 0) {
            snprintf(err, errsize, "cannot save progress in %s: %s", path.s, strerror(errno));
            status = -1;
        }
    }
    sb_done(&text);
    sb_done(&path);
    return status;
}
