/*
 * lex.h: the tokenizer for the Python subset.
 *
 * Produces CPython's token stream for a source text: NAME, INT, STRING,
 * operators, keywords, NEWLINE at the end of each logical line, and
 * INDENT/DEDENT from the indentation stack (Parser/tokenizer.c).
 * Blank lines and comment-only lines produce no tokens; newlines inside
 * (), [] and {} and after a backslash continuation are not NEWLINEs.  At
 * the end a NEWLINE is supplied if the last line lacked one, then a
 * DEDENT for each open indentation level, then EOF.
 *
 * Positions are 1-based lines and 1-based columns counted in characters
 * (code points), as `pymemsim: FILE:LINE:COL:' messages report them.
 */
#ifndef PYMEMSIM_PY_LEX_H
#define PYMEMSIM_PY_LEX_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
#define TOK(id, text) TK_##id,
#define KW(id, text) TK_##id,
#include "py/token.def"
#undef TOK
#undef KW
    TK_COUNT
} TokKind;

extern const char *const tok_text[TK_COUNT];   /* "(" , "name", "while" ... */

typedef struct Token {
    unsigned char kind;        /* a TokKind */
    int line, col;             /* start of the token */
    int end_line, end_col;     /* just past its last character */
    uint32_t len;              /* bytes of text (a str may hold NUL); a
                                * source is at most LEX_MAX_SOURCE bytes */
    /* NAME: the identifier; INT: the digits in decimal without
     * underscores and with a lower-case prefix (0x, 0o, 0b); FLOAT: the
     * literal as written; STRING: the decoded value in UTF-8 (adjacent
     * literals are NOT joined here; the parser joins them).  Owned by
     * the lexer, valid until lex_free; NUL-terminated.  While the lexer
     * runs, textoff (the text's offset in its buffer) stands here. */
    union {
        const char *text;
        size_t textoff;
    };
} Token;

/* The largest source the lexer reads: 1 GiB, so lengths and columns
 * fit an int. */
#define LEX_MAX_SOURCE ((size_t)1 << 30)

typedef struct LexError {
    int line, col;
    char msg[200];             /* e.g. "unterminated string literal" */
    char kind;                 /* 'A', 'B' or 'C' (see lex.c); 'E' for
                                * "'(' was never closed" */
} LexError;

typedef struct Lexer Lexer;

/* Tokenize the whole of src (UTF-8, n bytes).  Returns NULL and fills
 * *err on the first error; the message names what is wrong in CPython's
 * words where CPython has them ("unterminated string literal (detected
 * at line 3)", "unindent does not match any outer indentation level",
 * "invalid character '$' (U+0024)", "unexpected indent" is the
 * parser's).  Caller owns the result. */
Lexer *lex_new(const char *src, size_t n, LexError *err);
/* The same, but an error leaves the tokens CPython's parser reads before
 * its tokenizer raises it, then a TK_ERROR token that stands for it (at
 * its position): *failed is 1 and *err holds it.  Never NULL. */
Lexer *lex_new_partial(const char *src, size_t n, LexError *err, int *failed);
void lex_free(Lexer *lx);

size_t lex_count(const Lexer *lx);
const Token *lex_token(const Lexer *lx, size_t i);   /* borrowed */
/* The source line (without its newline) for tracebacks; NULL if out of
 * range.  *len receives its length. */
const char *lex_line(const Lexer *lx, int line, size_t *len);
/* The number of source lines. */
int lex_nlines(const Lexer *lx);

#endif
