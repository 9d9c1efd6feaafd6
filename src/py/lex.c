/*
 * lex.c: the tokenizer, modelled on tok_get() in Parser/tokenizer.c of
 * CPython 3.11, with the string decoding of decode_unicode_with_escapes()
 * (Parser/string_parser.c) and _PyUnicode_DecodeUnicodeEscapeInternal()
 * (Objects/unicodeobject.c).
 *
 * How it works.
 *
 * lex_new copies the source, turning "\r\n" and "\r" into "\n" and adding
 * a final "\n" if the text lacks one, as translate_newlines() does; a
 * UTF-8 byte order mark is dropped.  It then reads the copy a byte at a
 * time (nextc/backup, as tok_nextc/tok_backup) and produces the tokens in
 * the same steps as tok_get:
 *
 *   1. At the beginning of a line, measure its indentation: a space is one
 *      column, a tab advances to the next multiple of 8, a form feed
 *      resets the count.  A line holding only blanks and perhaps a
 *      comment is ignored entirely, and inside brackets indentation means
 *      nothing.
 *   2. Compare the column with the top of the indentation stack.  Deeper
 *      pushes it and gives one INDENT; shallower pops until the column is
 *      found and gives one DEDENT per level popped; a column between two
 *      levels is "unindent does not match any outer indentation level".
 *      A second stack measures the same lines counting a tab as one
 *      column.  If the two stacks disagree about deeper, equal or
 *      shallower, the meaning of the line depends on the tab size, which
 *      is a TabError.
 *   3. Skip blanks and a comment, then look at the first character: a
 *      letter, '_' or any non-ASCII character starts a name (or a string
 *      prefix such as rb"), a digit or '.' and a digit a number, a quote a
 *      string; '\n' ends the logical line and is a NEWLINE unless the line
 *      was blank or a bracket is open; a backslash before '\n' joins the
 *      next line; anything else is an operator, longest match first.
 *   4. Opening brackets are pushed on a stack, so that a closing one can be
 *      checked against its partner and an unclosed one named at the end.
 *
 * At the end of the text, the indentation is measured as column 0, which
 * gives a DEDENT for every open block; then comes EOF.
 *
 * Errors come in three kinds, because in CPython the parser pulls tokens
 * one at a time and the two report errors differently:
 *
 *   A. Errors the tokenizer raises as a SyntaxError at once (syntaxerror()
 *      in tokenizer.c): unterminated strings, bad numbers, bad characters,
 *      unmatched brackets, bad UTF-8.  These stop lexing and win over
 *      everything found before them.
 *   B. Errors the tokenizer only records in tok->done for the parser to
 *      report (E_DEDENT, E_TABSPACE, E_TOODEEP, E_LINECONT, E_EOF): bad
 *      indentation, a character after a continuation backslash, the end of
 *      the text inside brackets or after a backslash.
 *   C. Errors CPython's parser reports about tokens the tokenizer accepted:
 *      "invalid syntax" for '$', '?', '!', '`' and "<>", and the
 *      "(unicode error) ..." of a bad escape.  When the parser fails, CPython
 *      tokenizes the rest of the file and reports a kind A error found
 *      there instead (_PyPegen_tokenize_full_source_to_check_for_errors),
 *      or "'(' was never closed" if that bracket was opened on an earlier
 *      line.  So the first kind C error is remembered and lexing goes on;
 *      a later kind A error replaces it, a kind B error does not.  The
 *      subset's own refusals (bytes and f-strings) are kind C too.
 *
 * Errors about where INDENTs may stand ("unexpected indent", "expected an
 * indented block") are the parser's.  CPython's parser stops at an
 * unexpected indent without tokenizing further, so a tokenizer error after
 * it is reported here first although CPython would not reach it; deciding
 * here would need the grammar ("if x" without its ':' and an indented
 * block after it is "expected ':'", not "unexpected indent").
 *
 * A bad escape is reported where CPython reports it: at the token after
 * the run of adjacent strings, the last token the parser had read when it
 * decoded them.  Its message gives positions in the buffer CPython decodes,
 * where every non-ASCII character was rewritten as a 10-byte \UXXXXXXXX.
 *
 * CPython reads and checks the source a line at a time, so a NUL or bad
 * UTF-8 is reported when reading reaches its line (find_cut), after all
 * that comes before has been tokenized.
 *
 * Positions are byte offsets in the copy while lexing, converted to a
 * 1-based line and a 1-based column in code points (where, where_end)
 * when a token or an error is recorded.  Error columns are CPython's
 * SyntaxError.offset, including its quirks (parser_col); one is left out:
 * for "leading zeros ..." CPython gives a byte column, here it is in
 * code points like every other.
 */
#include <config.h>

#include <assert.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/unicode.h"
#include "core/xalloc.h"
#include "py/lex.h"

const char *const tok_text[TK_COUNT] = {
#define TOK(id, text) text,
#define KW(id, text) text,
#include "py/token.def"
#undef TOK
#undef KW
};

static const TokKind keywords[] = {
#define TOK(id, text)
#define KW(id, text) TK_##id,
#include "py/token.def"
#undef TOK
#undef KW
};

enum {
    TABSIZE = 8,
    MAXINDENT = 100,            /* as tokenizer.h */
    MAXLEVEL = 200,
    LEXEOF = -1,                /* nextc at the end of the text */
    LEXERR = -2,                /* an error was recorded */
};

#define NOPOS ((size_t)-1)

#define LEADING_ZEROS "leading zeros in decimal integer literals are not " \
    "permitted; use an 0o prefix for octal integers"

struct Lexer {
    char *src;                  /* owned: the prepared copy (see prepare) */
    size_t n;
    size_t *lines;              /* lines[i]: offset of line i + 1; lines[nlines] == n */
    int nlines;
    Token *toks;                /* owned; texts point into `texts` */
    size_t ntoks, cap;
    StrBuf texts;               /* every token's text, each followed by NUL */
};

typedef struct Bracket {
    int c;                      /* '(', '[' or '{' */
    int line;                   /* where it was opened */
    size_t pos;
} Bracket;

/* The state of one run of lex_new. */
typedef struct Scan {
    Lexer *lx;
    const char *s;              /* lx->src */
    size_t pos;                 /* the next byte to read */
    size_t cut;                 /* reading stops here: lx->n, or the start
                                 * of the first line holding a NUL or bad
                                 * UTF-8, where cut_err is raised */
    LexError cut_err;
    size_t comment;             /* '#' of the current line, or NOPOS */
    bool in_token;              /* tok->start is set */
    size_t buf;                 /* tok->buf: where the current run of lines
                                 * read within one token began */
    size_t seen;                /* bytes read so far, backups aside */
    int where_line;             /* the last answer of where() */
    size_t where_pos;
    int where_col;

    bool atbol;                 /* at the beginning of a line */
    int indent;                 /* top of the two indentation stacks */
    int indstack[MAXINDENT];    /* columns, tabs to multiples of 8 */
    int altindstack[MAXINDENT]; /* columns, a tab counting 1 */
    int pendin;                 /* INDENTs (> 0) or DEDENTs (< 0) due */
    int level;                  /* open brackets */
    Bracket brackets[MAXLEVEL];

    bool failed;                /* error holds the result */
    LexError error;
    size_t error_tok;           /* tokens read before it (the parser's
                                 * tokens before which it is raised) */
    size_t soft_tok;            /* the same for soft */
    bool have_soft;             /* a kind C error is pending in soft */
    bool soft_wants_next;       /* its position is the next token's */
    LexError soft;
} Scan;

/* ---- characters ------------------------------------------------------ */

static bool
is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static bool
is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The spellings of token.def that begin with one byte: the operators
 * and delimiters, and apart from them the keywords.  At most a few per
 * byte, so a match is a handful of compares. */
typedef struct Spellings {
    int n;
    TokKind kind[8];
    unsigned char len[8];
} Spellings;

static void
spellings_add(Spellings *table, TokKind k)
{
    Spellings *o = &table[(unsigned char)tok_text[k][0]];

    if (o->n < (int)(sizeof o->kind / sizeof o->kind[0])) {
        o->kind[o->n] = k;
        o->len[o->n] = (unsigned char)strlen(tok_text[k]);
        o->n++;
    }
}

/* ops: the operators beginning with byte c, else the keywords. */
static const Spellings *
spellings(unsigned char c, bool ops)
{
    static Spellings optab[256], kwtab[256];
    static bool ready;

    if (!ready) {
        for (int k = 0; k < TK_COUNT; k++) {
            unsigned char c0 = (unsigned char)tok_text[k][0];
            /* Words ("name", "end of file", keywords) are not operators. */
            if (c0 != '\0' && !is_alpha(c0)) {
                spellings_add(optab, (TokKind)k);
            }
        }
        for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
            spellings_add(kwtab, keywords[i]);
        }
        ready = true;
    }
    return ops ? &optab[c] : &kwtab[c];
}


/* CPython's is_potential_identifier_start/char: any non-ASCII byte may
 * belong to a name; the name is checked once it has been read. */
static bool
is_name_start(int c)
{
    return is_alpha(c) || c == '_' || c >= 128;
}

static bool
is_name_char(int c)
{
    return is_name_start(c) || is_digit(c);
}

static int
digit_value(int c)
{
    if (is_digit(c)) {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return 99;
}

/* The code point at s (valid UTF-8, at most n bytes); *len gets its size. */
static uint32_t
char_at(const char *s, size_t n, size_t *len)
{
    size_t i = 0;
    uint32_t cp = 0;
    int k = utf8_decode(s, n, &i, &cp);

    assert(k > 0);
    *len = (size_t)k;
    return cp;
}

/* Append code point cp in UTF-8.  A surrogate from "\ud800" gets the
 * generic three-byte form, as Python's "surrogatepass" would write it. */
static void
put_char(StrBuf *sb, uint32_t cp)
{
    char b[4];

    sb_put(sb, b, utf8_encode(cp, b));
}

/*
 * Non-ASCII characters that can never be part of a name, from Python
 * 3.11's unicodedata (Unicode 14): Latin-1 symbols, general punctuation,
 * currency, arrows, mathematical and technical symbols, box drawing,
 * dingbats, CJK and fullwidth punctuation, private use, emoji.  Other
 * non-ASCII characters are accepted as letters: CPython's XID rules are
 * stricter (it refuses, say, '¹' or '⅓'), but a program that uses them is
 * still read the same way.
 */
static const struct {
    uint32_t lo, hi;
} not_name[] = {
    {0x0080, 0x00A9}, {0x00AB, 0x00B4}, {0x00B6, 0x00B6}, {0x00B8, 0x00B9},
    {0x00BB, 0x00BF}, {0x00D7, 0x00D7}, {0x00F7, 0x00F7}, {0x2000, 0x203E},
    {0x2041, 0x2053}, {0x2055, 0x2070}, {0x2072, 0x207E}, {0x2080, 0x208F},
    {0x209D, 0x20CF}, {0x20DD, 0x20E0}, {0x20E2, 0x20E4}, {0x20F1, 0x2101},
    {0x2103, 0x2106}, {0x2108, 0x2109}, {0x2114, 0x2114}, {0x2116, 0x2117},
    {0x211E, 0x2123}, {0x2125, 0x2125}, {0x2127, 0x2127}, {0x2129, 0x2129},
    {0x213A, 0x213B}, {0x2140, 0x2144}, {0x214A, 0x214D}, {0x214F, 0x215F},
    {0x2189, 0x2BFF}, {0x2E00, 0x2E7F}, {0x3000, 0x3004}, {0x3008, 0x3020},
    {0x3030, 0x3030}, {0x3036, 0x3037}, {0x303D, 0x303F}, {0xE000, 0xF8FF},
    {0xFE10, 0xFE1F}, {0xFE30, 0xFE32}, {0xFE35, 0xFE4C}, {0xFE50, 0xFE6F},
    {0xFEFF, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF3E}, {0xFF40, 0xFF40},
    {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF}, {0xE0000, 0xE007F},
    {0xF0000, 0x10FFFF},
};

/* Characters that may continue a name but not start one (XID_Continue
 * without XID_Start): combining accents, some digits, connectors. */
static const struct {
    uint32_t lo, hi;
} name_continue_only[] = {
    {0x00B7, 0x00B7}, {0x0300, 0x036F}, {0x0387, 0x0387}, {0x0660, 0x0669},
    {0x06F0, 0x06F9}, {0x0966, 0x096F}, {0x203F, 0x2040}, {0x2054, 0x2054},
    {0x20D0, 0x20DC}, {0x20E1, 0x20E1}, {0x20E5, 0x20F0}, {0x302A, 0x302F},
    {0xFE33, 0xFE34}, {0xFE4D, 0xFE4F}, {0xFF10, 0xFF19}, {0xFF3F, 0xFF3F},
};

/* May non-ASCII character cp be part of a name, first or not? */
static bool
in_name(uint32_t cp, bool first)
{
    size_t lo = 0, hi = sizeof not_name / sizeof not_name[0];

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < not_name[mid].lo) {
            hi = mid;
        } else if (cp > not_name[mid].hi) {
            lo = mid + 1;
        } else {
            return false;
        }
    }
    if (first) {
        for (size_t i = 0; i < sizeof name_continue_only / sizeof name_continue_only[0]; i++) {
            if (cp >= name_continue_only[i].lo && cp <= name_continue_only[i].hi) {
                return false;
            }
        }
    }
    return true;
}

/* ---- positions ------------------------------------------------------- */

static int
count_chars(const char *p, size_t n)
{
    int k = 0;

    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)p[i] & 0xC0) != 0x80) {
            k++;
        }
    }
    return k;
}

/* Index (0-based) of the line holding byte pos; the end of the text is
 * the start of line nlines + 1. */
static int
line_index(const Lexer *lx, size_t pos)
{
    int lo = 0, hi = lx->nlines;

    while (lo < hi) {
        int mid = lo + (hi - lo + 1) / 2;
        if (lx->lines[mid] <= pos) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo;
}

/* Line and column of the character starting at byte pos.  Positions
 * mostly move forward along a line, so counting resumes from the last
 * answer when it can (a long line stays linear). */
static void
where(Scan *sc, size_t pos, int *line, int *col)
{
    const Lexer *lx = sc->lx;
    int i = sc->where_line;
    size_t from = sc->where_pos;
    int base = sc->where_col;

    if (from != NOPOS && pos >= from && i + 1 < lx->nlines && pos >= lx->lines[i + 1]
        && pos < lx->lines[i + 2]) {
        /* The next line: the common step from one line's last token to
         * the next line's first. */
        i++;
        from = lx->lines[i];
        base = 1;
    } else if (!(from != NOPOS && pos >= from && i < lx->nlines && pos < lx->lines[i + 1])) {
        i = line_index(lx, pos);
        from = lx->lines[i];
        base = 1;
    }
    *line = i + 1;
    *col = base + count_chars(sc->s + from, pos - from);
    sc->where_line = i;
    sc->where_pos = pos;
    sc->where_col = *col;
}

/* Line and column just past the character that ends before byte end. */
static void
where_end(Scan *sc, size_t end, int *line, int *col)
{
    if (end > 0 && sc->s[end - 1] == '\n') {
        /* Past a newline, still on its line. */
        where(sc, end - 1, line, col);
        *col += 1;
    } else {
        where(sc, end, line, col);
    }
}

/* Length in characters of a line, without its newline. */
static int
line_chars(const Scan *sc, int line)
{
    const Lexer *lx = sc->lx;

    if (line < 1 || line > lx->nlines) {
        return 0;
    }
    size_t bol = lx->lines[line - 1];
    return count_chars(sc->s + bol, lx->lines[line] - bol - 1);
}

/*
 * The column CPython's parser reports for an error at a byte offset
 * (1-based) in a line.  It turns bytes into characters by decoding that
 * many bytes of a text (_PyPegen_raise_error_known_location): the error's
 * own line, except when the error is on the line the tokenizer has reached,
 * where the text starts at tok->buf, the first line of the current token
 * run.  After a string or a continuation that joined lines, the column is
 * then counted from an earlier line: it matches nothing on screen, but it
 * is what CPython says.
 */
static int
parser_col(const Scan *sc, int line, size_t nbytes)
{
    const Lexer *lx = sc->lx;
    int reached = line_index(lx, sc->seen > 0 ? sc->seen - 1 : 0) + 1;
    size_t from = line >= reached ? sc->buf : lx->lines[line - 1];

    if (from + nbytes > lx->n) {
        nbytes = lx->n - from;
    }
    return count_chars(sc->s + from, nbytes);
}

/* ---- errors ---------------------------------------------------------- */

static void set_error(LexError *e, int line, int col, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

static void
set_error(LexError *e, int line, int col, const char *fmt, va_list ap)
{
    e->line = line;
    e->col = col;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
}

/* Kind A: a SyntaxError raised by the tokenizer; it stands. */
static void fail(Scan *sc, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
fail(Scan *sc, int line, int col, const char *fmt, ...)
{
    va_list ap;

    if (sc->failed) {
        return;
    }
    va_start(ap, fmt);
    set_error(&sc->error, line, col, fmt, ap);
    va_end(ap);
    sc->error.kind = 'A';
    sc->failed = true;
    sc->error_tok = sc->lx->ntoks;
}

/* Kind A at the current position: CPython's offset is the column of the
 * last character read (tok->cur - tok->line_start in characters). */
static void fail_here(Scan *sc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
fail_here(Scan *sc, const char *fmt, ...)
{
    va_list ap;
    int line, col;

    if (sc->failed) {
        return;
    }
    where_end(sc, sc->pos, &line, &col);
    va_start(ap, fmt);
    set_error(&sc->error, line, col - 1, fmt, ap);
    va_end(ap);
    sc->error.kind = 'A';
    sc->failed = true;
    sc->error_tok = sc->lx->ntoks;
}

/* The innermost open bracket is unclosed (raise_unclosed_parentheses_error). */
static void
never_closed(Scan *sc)
{
    const Bracket *b = &sc->brackets[sc->level - 1];
    size_t bol = sc->lx->lines[b->line - 1];

    if (sc->failed) {
        return;
    }
    sc->error.line = b->line;
    sc->error.col = parser_col(sc, b->line, b->pos - bol + 1);
    snprintf(sc->error.msg, sizeof sc->error.msg, "'%c' was never closed", b->c);
    sc->error.kind = 'E';
    sc->failed = true;
    sc->error_tok = sc->lx->ntoks;
}

/* A pending kind C error becomes the result: unless a bracket still open
 * was opened on an earlier line, in which case that one is reported. */
static void
settle_soft(Scan *sc)
{
    const Bracket *b = sc->level > 0 ? &sc->brackets[sc->level - 1] : NULL;

    if (b != NULL && sc->soft.line > b->line) {
        never_closed(sc);
    } else {
        sc->error = sc->soft;
        sc->failed = true;
        sc->error_tok = sc->soft_tok;
    }
}

/* Kind B: reported unless a kind C error came first. */
static void fail_done(Scan *sc, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
fail_done(Scan *sc, int line, int col, const char *fmt, ...)
{
    va_list ap;

    if (sc->failed) {
        return;
    }
    if (sc->have_soft && !sc->soft_wants_next) {
        settle_soft(sc);
        return;
    }
    va_start(ap, fmt);
    set_error(&sc->error, line, col, fmt, ap);
    va_end(ap);
    sc->error.kind = 'B';
    sc->failed = true;
    sc->error_tok = sc->lx->ntoks;
}

/* The text ends inside brackets (E_EOF): kind B. */
static void
eof_in_brackets(Scan *sc)
{
    if (sc->failed) {
        return;
    }
    if (sc->have_soft && !sc->soft_wants_next) {
        settle_soft(sc);
    } else {
        never_closed(sc);
    }
}

/* Kind C: remembered, lexing goes on.  With wants_next, line and col are
 * filled in from the next token that is not a STRING. */
static void fail_soft(Scan *sc, int line, int col, bool wants_next, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void
fail_soft(Scan *sc, int line, int col, bool wants_next, const char *fmt, ...)
{
    va_list ap;

    if (sc->failed || sc->have_soft) {
        return;
    }
    va_start(ap, fmt);
    set_error(&sc->soft, line, col, fmt, ap);
    va_end(ap);
    sc->soft.kind = 'C';
    sc->have_soft = true;
    sc->soft_wants_next = wants_next;
    sc->soft_tok = sc->lx->ntoks;
}

/* ---- reading --------------------------------------------------------- */

static int
nextc(Scan *sc)
{
    if (sc->pos >= sc->cut) {
        if (sc->cut < sc->lx->n && !sc->failed) {
            sc->error = sc->cut_err;
            sc->failed = true;
            sc->error_tok = sc->lx->ntoks;
        }
        return LEXEOF;
    }
    if (sc->pos >= sc->seen) {
        /* A line first read between tokens starts a new tok->buf. */
        if (sc->pos > 0 && sc->s[sc->pos - 1] == '\n' && !sc->in_token) {
            sc->buf = sc->pos;
        }
        sc->seen = sc->pos + 1;
    }
    return (unsigned char)sc->s[sc->pos++];
}

static void
backup(Scan *sc, int c)
{
    if (c != LEXEOF) {
        assert(sc->pos > 0);
        sc->pos--;
    }
}

/* A token starting at byte start was read: if a bad escape waits for
 * its position, this is it, unless the token is another string. */
static void
token_read(Scan *sc, TokKind kind, size_t start)
{
    if (sc->have_soft && sc->soft_wants_next && kind != TK_STRING) {
        /* CPython's NEWLINE token begins at the comment before it. */
        size_t at = kind == TK_NEWLINE && sc->comment != NOPOS ? sc->comment : start;
        int line = line_index(sc->lx, at) + 1;
        sc->soft.line = line;
        sc->soft.col = parser_col(sc, line, at - sc->lx->lines[line - 1] + 1);
        sc->soft_wants_next = false;
        sc->soft_tok = sc->lx->ntoks - 1;
    }
}

/* Record a token from byte start to byte end with its text. */
static void
emit(Scan *sc, TokKind kind, size_t start, size_t end, const char *text, size_t len)
{
    Lexer *lx = sc->lx;

    lx->toks = xgrow(lx->toks, &lx->cap, lx->ntoks + 1, sizeof *lx->toks);
    Token *t = &lx->toks[lx->ntoks];
    t->kind = kind;
    where(sc, start, &t->line, &t->col);
    if (end > start) {
        where_end(sc, end, &t->end_line, &t->end_col);
    } else {
        t->end_line = t->line;
        t->end_col = t->col;
    }
    t->len = (uint32_t)len;
    t->textoff = 0;             /* texts starts with an empty string; the
                                 * pointer is set once texts stops moving */
    if (len > 0) {
        t->textoff = lx->texts.len;
        sb_put(&lx->texts, text, len);
        sb_putc(&lx->texts, '\0');
    }
    lx->ntoks++;
    token_read(sc, kind, start);
}

/* After a backslash: it must end its line (tok_continuation_line). */
static bool
continuation(Scan *sc)
{
    size_t bs = sc->pos - 1;
    int line, col;
    int c = nextc(sc);

    if (c != '\n') {
        if (c != LEXEOF) {
            /* CPython counts this column from tok->buf, which is the start
             * of an earlier line if a string or a continuation brought
             * the token run onto this one. */
            where(sc, bs, &line, &col);
            col = 1 + count_chars(sc->s + sc->buf, bs + 1 - sc->buf);
            fail_done(sc, line, col, "unexpected character after line continuation character");
        }
        return false;
    }
    c = nextc(sc);
    if (c == LEXEOF) {
        if (sc->level > 0) {
            eof_in_brackets(sc);
        } else {
            where(sc, bs, &line, &col);
            size_t bol = sc->lx->lines[line - 1];
            fail_done(sc, line, parser_col(sc, line, sc->lx->lines[line] - bol),
                      "unexpected EOF while parsing");
        }
        return false;
    }
    backup(sc, c);
    return true;
}

/* ---- indentation ----------------------------------------------------- */

/* At the beginning of a line: measure it and update the stacks.  Sets
 * *blank for a line with nothing but blanks and a comment. */
static bool
indentation(Scan *sc, bool *blank)
{
    int col = 0, altcol = 0, cont_col = 0, c;
    int line, unused;

    sc->atbol = false;
    for (;;) {
        c = nextc(sc);
        if (c == ' ') {
            col++, altcol++;
        } else if (c == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE;
            altcol++;
        } else if (c == '\f') {
            col = altcol = 0;
        } else if (c == '\\') {
            /* The first backslash decides the indentation of what
             * follows: it cannot be split over lines. */
            cont_col = cont_col ? cont_col : col;
            if (!continuation(sc)) {
                return false;
            }
        } else {
            break;
        }
    }
    backup(sc, c);
    if (sc->failed) {
        return false;
    }
    if (c == '#' || c == '\n') {
        *blank = true;
        return true;
    }
    if (sc->level > 0) {
        return true;
    }
    if (cont_col) {
        col = altcol = cont_col;
    }
    where(sc, sc->pos, &line, &unused);
    if (col == sc->indstack[sc->indent]) {
        if (altcol != sc->altindstack[sc->indent]) {
            fail_done(sc, line, 1, "inconsistent use of tabs and spaces in indentation");
            return false;
        }
    } else if (col > sc->indstack[sc->indent]) {
        if (sc->indent + 1 >= MAXINDENT) {
            fail_done(sc, line, 1, "too many levels of indentation");
            return false;
        }
        if (altcol <= sc->altindstack[sc->indent]) {
            fail_done(sc, line, 1, "inconsistent use of tabs and spaces in indentation");
            return false;
        }
        sc->pendin++;
        sc->indent++;
        sc->indstack[sc->indent] = col;
        sc->altindstack[sc->indent] = altcol;
    } else {
        while (sc->indent > 0 && col < sc->indstack[sc->indent]) {
            sc->pendin--;
            sc->indent--;
        }
        if (col != sc->indstack[sc->indent]) {
            fail_done(sc, line, line_chars(sc, line) + 1,
                      "unindent does not match any outer indentation level");
            return false;
        }
        if (altcol != sc->altindstack[sc->indent]) {
            fail_done(sc, line, 1, "inconsistent use of tabs and spaces in indentation");
            return false;
        }
    }
    return true;
}

/* ---- names ----------------------------------------------------------- */

/* verify_identifier: every character of a name must be allowed in one. */
static bool
check_name(Scan *sc, size_t start, size_t end)
{
    int line, col;
    bool first = true;

    for (size_t p = start; p < end; first = false) {
        size_t k;
        uint32_t cp = char_at(sc->s + p, end - p, &k);
        if (cp >= 0x80 && !in_name(cp, first)) {
            sc->pos = p + k;
            where(sc, p, &line, &col);
            if (uni_isprintable(cp)) {
                fail(sc, line, col, "invalid character '%.*s' (U+%04X)", (int)k, sc->s + p,
                     (unsigned)cp);
            } else {
                fail(sc, line, col, "invalid non-printable character U+%04X", (unsigned)cp);
            }
            return false;
        }
        p += k;
    }
    return true;
}

static bool string(Scan *sc, size_t start, int quote, bool saw_b, bool saw_r, bool saw_f);

/* A name or keyword, or the prefix of a string. */
static bool
name(Scan *sc, size_t start, int c)
{
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;

    /* The legal prefixes: b, r, u, f, br, rb, fr, rf in any case. */
    for (;;) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
            saw_b = true;
        } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
            saw_u = true;
        } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
            saw_r = true;
        } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
            saw_f = true;
        } else {
            break;
        }
        c = nextc(sc);
        if (c == '"' || c == '\'') {
            return string(sc, start, c, saw_b, saw_r, saw_f);
        }
    }
    while (is_name_char(c)) {
        c = nextc(sc);
    }
    backup(sc, c);
    if (!check_name(sc, start, sc->pos)) {
        return false;
    }

    const char *text = sc->s + start;
    size_t len = sc->pos - start;
    TokKind kind = TK_NAME;
    const Spellings *kw = spellings((unsigned char)text[0], false);
    for (int i = 0; i < kw->n; i++) {
        if (kw->len[i] == len && memcmp(tok_text[kw->kind[i]], text, len) == 0) {
            kind = kw->kind[i];
            break;
        }
    }
    emit(sc, kind, start, sc->pos, text, len);
    return true;
}

/* ---- numbers --------------------------------------------------------- */

/* lookahead(): do the next characters spell `test` and then end? */
static bool
lookahead(Scan *sc, const char *test)
{
    const char *s = test;

    for (;;) {
        int c = nextc(sc);
        bool res = false;
        if (*s == '\0') {
            res = !is_name_char(c);
        } else if (c == (unsigned char)*s) {
            s++;
            continue;
        }
        backup(sc, c);
        while (s != test) {
            backup(sc, *--s);
        }
        return res;
    }
}

/*
 * verify_end_of_number: c was read just after a number.  A letter there
 * is an error, except the start of a keyword that may follow a number in
 * valid code ("1if x else y"; CPython only warns).
 */
static bool
verify_end(Scan *sc, int c, const char *kind)
{
    bool r = false;

    if (c == 'a') {
        r = lookahead(sc, "nd");
    } else if (c == 'e') {
        r = lookahead(sc, "lse");
    } else if (c == 'f') {
        r = lookahead(sc, "or");
    } else if (c == 'i') {
        int c2 = nextc(sc);
        r = c2 == 'f' || c2 == 'n' || c2 == 's';
        backup(sc, c2);
    } else if (c == 'o') {
        r = lookahead(sc, "r");
    } else if (c == 'n') {
        r = lookahead(sc, "ot");
    }
    /* A non-ASCII character ends the number and is read as a name. */
    if (!r && c < 128 && is_name_char(c)) {
        backup(sc, c);
        fail_here(sc, "invalid %s literal", kind);
        return false;
    }
    return true;
}

/* tok_decimal_tail: digits with single underscores between them.  Returns
 * the character after them, or LEXERR. */
static int
decimal_tail(Scan *sc)
{
    int c;

    for (;;) {
        do {
            c = nextc(sc);
        } while (is_digit(c));
        if (c != '_') {
            return c;
        }
        c = nextc(sc);
        if (!is_digit(c)) {
            backup(sc, c);
            fail_here(sc, "invalid decimal literal");
            return LEXERR;
        }
    }
}

/*
 * The rest of a decimal literal after its integer part (the fraction,
 * exponent and imaginary labels of tok_get); c, already read, ended the
 * integer part.  int_ok is false after "0" and more digits ("012"), which
 * must become a float.  Leaves pos just after the literal.
 */
static bool
decimal_rest(Scan *sc, int c, bool int_ok, bool *isfloat, size_t start)
{
    int line, col;

    if (c == '.') {
        *isfloat = true;
        c = nextc(sc);
        if (is_digit(c)) {
            c = decimal_tail(sc);
            if (c == LEXERR) {
                return false;
            }
        }
    } else if (c != 'e' && c != 'E' && c != 'j' && c != 'J') {
        if (!int_ok) {
            backup(sc, c);
            where(sc, start, &line, &col);
            fail(sc, line, col, LEADING_ZEROS);
            return false;
        }
        if (!verify_end(sc, c, "decimal")) {
            return false;
        }
        backup(sc, c);
        return true;
    }
    if (c == 'e' || c == 'E') {
        int e = c;
        c = nextc(sc);
        if (c == '+' || c == '-') {
            c = nextc(sc);
            if (!is_digit(c)) {
                backup(sc, c);
                fail_here(sc, "invalid decimal literal");
                return false;
            }
        } else if (!is_digit(c)) {
            /* "1else": the number ends before the 'e'. */
            backup(sc, c);
            if (!verify_end(sc, e, "decimal")) {
                return false;
            }
            backup(sc, e);
            return true;
        }
        c = decimal_tail(sc);
        if (c == LEXERR) {
            return false;
        }
        *isfloat = true;
    }
    if (c == 'j' || c == 'J') {
        *isfloat = true;
        c = nextc(sc);
        if (!verify_end(sc, c, "imaginary")) {
            return false;
        }
    } else if (!verify_end(sc, c, "decimal")) {
        return false;
    }
    backup(sc, c);
    return true;
}

/* Digits of a 0x, 0o or 0b literal, after the prefix. */
static bool
radix_digits(Scan *sc, int base, const char *kind)
{
    int c = nextc(sc);

    do {
        if (c == '_') {
            c = nextc(sc);
        }
        if (digit_value(c) >= base) {
            if (base < 10 && is_digit(c)) {
                fail_here(sc, "invalid digit '%c' in %s literal", c, kind);
            } else {
                backup(sc, c);
                fail_here(sc, "invalid %s literal", kind);
            }
            return false;
        }
        do {
            c = nextc(sc);
        } while (digit_value(c) < base);
    } while (c == '_');
    if (base < 10 && is_digit(c)) {
        fail_here(sc, "invalid digit '%c' in %s literal", c, kind);
        return false;
    }
    if (!verify_end(sc, c, kind)) {
        return false;
    }
    backup(sc, c);
    return true;
}

/* A number starting with c (a digit, or '.' before a digit). */
static bool
number(Scan *sc, size_t start, int c)
{
    bool isfloat = false;
    int base = 10;
    bool ok;

    if (c == '.') {
        ok = decimal_rest(sc, c, true, &isfloat, start);
    } else if (c == '0') {
        c = nextc(sc);
        if (c == 'x' || c == 'X') {
            base = 16;
            ok = radix_digits(sc, 16, "hexadecimal");
        } else if (c == 'o' || c == 'O') {
            base = 8;
            ok = radix_digits(sc, 8, "octal");
        } else if (c == 'b' || c == 'B') {
            base = 2;
            ok = radix_digits(sc, 2, "binary");
        } else {
            /* Zeros, then maybe more digits: only a float may have them. */
            bool nonzero = false;
            for (;;) {
                if (c == '_') {
                    c = nextc(sc);
                    if (!is_digit(c)) {
                        backup(sc, c);
                        fail_here(sc, "invalid decimal literal");
                        return false;
                    }
                }
                if (c != '0') {
                    break;
                }
                c = nextc(sc);
            }
            if (is_digit(c)) {
                nonzero = true;
                c = decimal_tail(sc);
                if (c == LEXERR) {
                    return false;
                }
            }
            ok = decimal_rest(sc, c, !nonzero, &isfloat, start);
        }
    } else {
        c = decimal_tail(sc);
        ok = c != LEXERR && decimal_rest(sc, c, true, &isfloat, start);
    }
    if (!ok) {
        return false;
    }

    const char *text = sc->s + start;
    size_t len = sc->pos - start;
    if (isfloat) {
        emit(sc, TK_FLOAT, start, sc->pos, text, len);
    } else {
        /* The text without underscores, the prefix in lower case:
         * converting it is the compiler's work, in linear time for
         * the power-of-two bases. */
        StrBuf value;
        sb_init(&value);
        for (size_t i = 0; i < len; i++) {
            if (text[i] != '_') {
                sb_putc(&value, i == 1 && base != 10 ? (char)(text[i] | 0x20) : text[i]);
            }
        }
        emit(sc, TK_INT, start, sc->pos, value.s, value.len);
        sb_done(&value);
    }
    return true;
}

/* ---- strings --------------------------------------------------------- */

enum { DECODE_OK, DECODE_ERROR };

typedef struct DecodeError {
    size_t start, end;          /* in CPython's rewritten buffer */
    const char *msg;
} DecodeError;

/*
 * Decode the escapes of a str literal's body into out, as
 * decode_unicode_with_escapes() does.  That function first rewrites the
 * body, writing each non-ASCII character as "\UXXXXXXXX" (10 bytes) and a
 * backslash before one as "\u005c" (6 bytes), then runs the
 * unicode-escape codec, whose error positions count in the rewritten
 * buffer; tpos follows that count.
 */
static int
decode_escapes(StrBuf *out, const char *s, size_t len, DecodeError *de)
{
    const char *end = s + len;
    size_t tpos = 0;

    while (s < end) {
        unsigned char c = (unsigned char)*s;
        if (c != '\\') {
            size_t k;
            char_at(s, (size_t)(end - s), &k);
            sb_put(out, s, k);
            s += k;
            tpos += k == 1 ? 1 : 10;
            continue;
        }
        size_t start = tpos;
        s++, tpos++;
        if (s >= end || (unsigned char)*s >= 0x80) {
            /* "\é" is no escape: the backslash stays. */
            sb_putc(out, '\\');
            tpos += 5;
            continue;
        }
        c = (unsigned char)*s++;
        tpos++;

        int count = 0;
        switch (c) {
        case '\n':
            break;              /* a continued line */
        case '\\': case '\'': case '"':
            sb_putc(out, (char)c);
            break;
        case 'a':
            sb_putc(out, '\a');
            break;
        case 'b':
            sb_putc(out, '\b');
            break;
        case 'f':
            sb_putc(out, '\f');
            break;
        case 'n':
            sb_putc(out, '\n');
            break;
        case 'r':
            sb_putc(out, '\r');
            break;
        case 't':
            sb_putc(out, '\t');
            break;
        case 'v':
            sb_putc(out, '\v');
            break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7': {
            uint32_t v = c - '0';
            for (int i = 0; i < 2 && s < end && *s >= '0' && *s <= '7'; i++) {
                v = v * 8 + (uint32_t)(*s++ - '0');
                tpos++;
            }
            put_char(out, v);
            break;
        }
        case 'x':
            count = 2;
            de->msg = "truncated \\xXX escape";
            break;
        case 'u':
            count = 4;
            de->msg = "truncated \\uXXXX escape";
            break;
        case 'U':
            count = 8;
            de->msg = "truncated \\UXXXXXXXX escape";
            break;
        case 'N': {
            /* \N{name}: the character of that Unicode name. */
            de->msg = "malformed \\N character escape";
            de->start = start;
            if (s >= end || *s != '{') {
                de->end = tpos;
                return DECODE_ERROR;
            }
            s++, tpos++;
            const char *name = s;
            while (s < end && *s != '}') {
                size_t k;
                if (*s == '\\' && s + 1 < end && (unsigned char)s[1] >= 0x80) {
                    tpos += 6;
                    s++;
                } else {
                    char_at(s, (size_t)(end - s), &k);
                    tpos += k == 1 ? 1 : 10;
                    s += k;
                }
            }
            if (s >= end || s == name) {
                de->end = tpos;     /* no '}', or no name */
                return DECODE_ERROR;
            }
            uint32_t cp;
            int found = uni_lookup_name(name, (size_t)(s - name), &cp);
            s++, tpos++;
            if (!found) {
                de->msg = "unknown Unicode character name";
                de->end = tpos;
                return DECODE_ERROR;
            }
            put_char(out, cp);
            break;
        }
        default:
            /* An unknown escape is kept (CPython warns). */
            sb_putc(out, '\\');
            sb_putc(out, (char)c);
            break;
        }
        if (count > 0) {
            uint32_t v = 0;
            for (; count > 0; count--, s++, tpos++) {
                if (s >= end || digit_value((unsigned char)*s) >= 16) {
                    de->start = start;
                    de->end = tpos;
                    return DECODE_ERROR;
                }
                v = v * 16 + (uint32_t)digit_value((unsigned char)*s);
            }
            if (v > 0x10FFFF) {
                de->msg = "illegal Unicode character";
                de->start = start;
                de->end = tpos;
                return DECODE_ERROR;
            }
            put_char(out, v);
        }
    }
    return DECODE_OK;
}

/* A string literal; start is at its prefix, the opening quote was read. */
static bool
string(Scan *sc, size_t start, int quote, bool saw_b, bool saw_r, bool saw_f)
{
    int quote_size = 1, end_quote_size = 0;
    size_t body = sc->pos;
    int line, col, last;
    int c = nextc(sc);

    if (c == quote) {
        c = nextc(sc);
        if (c == quote) {
            quote_size = 3;
        } else {
            end_quote_size = 1;     /* the empty string */
        }
    }
    if (c != quote) {
        backup(sc, c);
    }
    if (quote_size == 3) {
        body += 2;
    }
    while (end_quote_size != quote_size) {
        c = nextc(sc);
        if (c == LEXEOF || (quote_size == 1 && c == '\n')) {
            where_end(sc, sc->pos, &last, &col);
            where(sc, start, &line, &col);
            if (quote_size == 3) {
                fail(sc, line, col, "unterminated triple-quoted string literal"
                     " (detected at line %d)", last);
            } else {
                fail(sc, line, col, "unterminated string literal (detected at line %d)", last);
            }
            return false;
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\') {
                nextc(sc);      /* whatever it is, it is escaped */
            }
        }
    }

    const char *text = sc->s + body;
    size_t len = sc->pos - (size_t)quote_size - body;
    where(sc, start, &line, &col);
    if (saw_b) {
        fail_soft(sc, line, col, false, "bytes literals are not supported");
    } else if (saw_f) {
        fail_soft(sc, line, col, false, "f-strings are not supported");
    }
    if (saw_r || saw_b || saw_f) {
        emit(sc, TK_STRING, start, sc->pos, text, len);
        return true;
    }

    StrBuf value;
    DecodeError de;
    sb_init(&value);
    if (decode_escapes(&value, text, len, &de) == DECODE_ERROR) {
        if (de.end - de.start == 1) {
            fail_soft(sc, 0, 0, true, "(unicode error) 'unicodeescape' codec can't decode "
                      "byte 0x5c in position %zu: %s", de.start, de.msg);
        } else {
            fail_soft(sc, 0, 0, true, "(unicode error) 'unicodeescape' codec can't decode "
                      "bytes in position %zu-%zu: %s", de.start, de.end - 1, de.msg);
        }
    }
    emit(sc, TK_STRING, start, sc->pos, value.s, value.len);
    sb_done(&value);
    return true;
}

/* ---- operators ------------------------------------------------------- */

/* An operator or delimiter: the longest spelling in token.def that
 * matches, then the bracket stack. */
static bool
operator(Scan *sc, size_t start, int c)
{
    const char *p = sc->s + start;
    size_t left = sc->lx->n - start;
    size_t best = 0;
    TokKind kind = TK_EOF;
    int line, col;

    where(sc, start, &line, &col);
    if (c == '<' && left >= 2 && p[1] == '>') {
        /* CPython's tokenizer knows "<>" (PEP 401); its parser refuses it. */
        fail_soft(sc, line, col, false, "invalid syntax");
        sc->pos = start + 2;
        emit(sc, TK_NOTEQUAL, start, sc->pos, p, 2);
        return true;
    }
    const Spellings *cand = spellings((unsigned char)p[0], true);
    for (int j = 0; j < cand->n; j++) {
        TokKind k = cand->kind[j];
        size_t len = cand->len[j];
        if (len > best && len <= left && memcmp(tok_text[k], p, len) == 0) {
            best = len;
            kind = k;
        }
    }
    if (best == 0) {
        if (!uni_isprintable((uint32_t)c)) {
            fail(sc, line, col, "invalid non-printable character U+%04X", (unsigned)c);
            return false;
        }
        /* '$', '?', '!' and '`' are tokens to CPython's tokenizer (OP),
         * on which its parser says "invalid syntax". */
        token_read(sc, TK_EOF, start);
        fail_soft(sc, line, col, false, "invalid syntax");
        return true;
    }
    sc->pos = start + best;

    if (c == '(' || c == '[' || c == '{') {
        if (sc->level >= MAXLEVEL) {
            fail(sc, line, col, "too many nested parentheses");
            return false;
        }
        sc->brackets[sc->level].c = c;
        sc->brackets[sc->level].line = line;
        sc->brackets[sc->level].pos = start;
        sc->level++;
    } else if (c == ')' || c == ']' || c == '}') {
        if (sc->level == 0) {
            fail(sc, line, col, "unmatched '%c'", c);
            return false;
        }
        const Bracket *b = &sc->brackets[--sc->level];
        int want = b->c == '(' ? ')' : b->c == '[' ? ']' : '}';
        if (c != want) {
            if (b->line != line) {
                fail(sc, line, col, "closing parenthesis '%c' does not match opening "
                     "parenthesis '%c' on line %d", c, b->c, b->line);
            } else {
                fail(sc, line, col, "closing parenthesis '%c' does not match opening "
                     "parenthesis '%c'", c, b->c);
            }
            return false;
        }
    }
    emit(sc, kind, start, sc->pos, p, best);
    return true;
}

/* ---- the loop -------------------------------------------------------- */

/* Produce the next token or tokens (tok_get).  False after EOF or an error. */
static bool
lex_one(Scan *sc)
{
    bool blank;
    size_t start;
    int c;

nextline:
    blank = false;
    sc->comment = NOPOS;
    sc->in_token = false;
    if (sc->atbol && !indentation(sc, &blank)) {
        return false;
    }
    if (sc->pendin > 0) {
        size_t bol = sc->lx->lines[line_index(sc->lx, sc->pos)];
        sc->pendin--;
        emit(sc, TK_INDENT, bol, sc->pos, "", 0);
    }
    for (; sc->pendin < 0; sc->pendin++) {
        emit(sc, TK_DEDENT, sc->pos, sc->pos, "", 0);
    }

again:
    sc->in_token = false;
    do {
        c = nextc(sc);
    } while (c == ' ' || c == '\t' || c == '\f');
    start = c == LEXEOF ? sc->pos : sc->pos - 1;
    sc->in_token = true;
    if (c == '#') {
        sc->comment = start;
        while (c != LEXEOF && c != '\n') {
            c = nextc(sc);
        }
        start = c == LEXEOF ? sc->pos : sc->pos - 1;
    }

    if (c == LEXEOF) {
        if (sc->failed) {
            return false;
        }
        if (sc->level > 0) {
            eof_in_brackets(sc);
            return false;
        }
        emit(sc, TK_EOF, sc->pos, sc->pos, "", 0);
        return false;
    }
    if (is_name_start(c)) {
        return name(sc, start, c);
    }
    if (c == '\n') {
        sc->atbol = true;
        if (blank || sc->level > 0) {
            goto nextline;
        }
        emit(sc, TK_NEWLINE, start, sc->pos, "", 0);
        return true;
    }
    if (c == '.') {
        int c2 = nextc(sc);
        backup(sc, c2);
        if (is_digit(c2)) {
            return number(sc, start, c);
        }
    }
    if (is_digit(c)) {
        return number(sc, start, c);
    }
    if (c == '\'' || c == '"') {
        return string(sc, start, c, false, false, false);
    }
    if (c == '\\') {
        if (!continuation(sc)) {
            return false;
        }
        goto again;
    }
    return operator(sc, start, c);
}

/* ---- the source ------------------------------------------------------ */

/* Copy the source with newlines made "\n", a final one added, a BOM
 * dropped, and index its lines. */
static void
prepare(Lexer *lx, const char *src, size_t n)
{
    if (n >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        n -= 3;
    }
    char *d = xmalloc(n + 2);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '\r') {
            d[k++] = '\n';
            if (i + 1 < n && src[i + 1] == '\n') {
                i++;
            }
        } else {
            d[k++] = src[i];
        }
    }
    if (k > 0 && d[k - 1] != '\n') {
        d[k++] = '\n';
    }
    d[k] = '\0';
    lx->src = d;
    lx->n = k;

    lx->nlines = 0;
    for (size_t i = 0; i < k; i++) {
        lx->nlines += d[i] == '\n';
    }
    lx->lines = xmalloc(((size_t)lx->nlines + 1) * sizeof *lx->lines);
    lx->lines[0] = 0;
    for (size_t i = 0, l = 1; i < k; i++) {
        if (d[i] == '\n') {
            lx->lines[l++] = i + 1;
        }
    }
}

/* CPython reads and checks the source a line at a time, so a NUL or bad
 * UTF-8 is reported when reading reaches its line: all that comes before
 * is tokenized first. */
static void
find_cut(Scan *sc)
{
    const unsigned char *s = (const unsigned char *)sc->s;
    size_t n = sc->lx->n;
    int line, col;

    sc->cut = n;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t at = i;
        if (s[i] == 0 || utf8_decode(sc->s, n, &i, &cp) < 0) {
            i = at;
            where(sc, i, &line, &col);
            sc->cut = sc->lx->lines[line - 1];
            sc->cut_err.line = line;
            sc->cut_err.col = col;
            sc->cut_err.kind = 'A';
            if (s[i] == 0) {
                snprintf(sc->cut_err.msg, sizeof sc->cut_err.msg,
                         "source code cannot contain null bytes");
            } else {
                snprintf(sc->cut_err.msg, sizeof sc->cut_err.msg,
                         "Non-UTF-8 code starting with '\\x%02x' on line %d, but no encoding "
                         "declared; see https://peps.python.org/pep-0263/ for details",
                         s[i], line);
            }
            return;
        }
    }
}

static Lexer *
lex_run(const char *src, size_t n, LexError *err, bool partial)
{
    Lexer *lx = xcalloc(1, sizeof *lx);
    Scan *sc = xcalloc(1, sizeof *sc);

    prepare(lx, src, n);
    sb_init(&lx->texts);
    sb_putc(&lx->texts, '\0');
    sc->lx = lx;
    sc->s = lx->src;
    sc->atbol = true;
    sc->where_pos = NOPOS;
    find_cut(sc);

    while (!sc->failed && lex_one(sc)) {
        continue;
    }
    if (!sc->failed && sc->have_soft) {
        sc->error = sc->soft;
        sc->failed = true;
        sc->error_tok = sc->soft_tok;
    }

    if (sc->failed && err != NULL) {
        *err = sc->error;
    }
    if (sc->failed && !partial) {
        free(sc);
        lex_free(lx);
        return NULL;
    }
    if (sc->failed) {
        /* The tokens CPython's parser reads before its tokenizer
         * raises the error, then one that stands for it. */
        if (sc->error_tok < lx->ntoks) {
            lx->ntoks = sc->error_tok;
        }
        lx->toks = xgrow(lx->toks, &lx->cap, lx->ntoks + 1, sizeof *lx->toks);
        Token *t = &lx->toks[lx->ntoks];
        memset(t, 0, sizeof *t);
        t->kind = TK_ERROR;
        t->line = t->end_line = sc->error.line;
        t->col = t->end_col = sc->error.col;
        lx->ntoks++;
    }
    for (size_t i = 0; i < lx->ntoks; i++) {
        lx->toks[i].text = lx->texts.s + lx->toks[i].textoff;
    }
    free(sc);
    return lx;
}

Lexer *
lex_new(const char *src, size_t n, LexError *err)
{
    return lex_run(src, n, err, false);
}

Lexer *
lex_new_partial(const char *src, size_t n, LexError *err, int *failed)
{
    LexError e;
    Lexer *lx = lex_run(src, n, &e, true);

    *failed = lx->ntoks > 0 && lx->toks[lx->ntoks - 1].kind == TK_ERROR;
    if (*failed && err != NULL) {
        *err = e;
    }
    return lx;
}

void
lex_free(Lexer *lx)
{
    if (lx == NULL) {
        return;
    }
    free(lx->src);
    free(lx->lines);
    free(lx->toks);
    sb_done(&lx->texts);
    free(lx);
}

size_t
lex_count(const Lexer *lx)
{
    return lx->ntoks;
}

const Token *
lex_token(const Lexer *lx, size_t i)
{
    return i < lx->ntoks ? &lx->toks[i] : NULL;
}

int
lex_nlines(const Lexer *lx)
{
    return lx->nlines;
}

const char *
lex_line(const Lexer *lx, int line, size_t *len)
{
    if (line < 1 || line > lx->nlines) {
        if (len != NULL) {
            *len = 0;
        }
        return NULL;
    }
    size_t bol = lx->lines[line - 1];
    if (len != NULL) {
        *len = lx->lines[line] - bol - 1;
    }
    return lx->src + bol;
}
