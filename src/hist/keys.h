/*
 * keys.h: the stepping keys, shared by the TUI and `--keys'.
 *
 * A key is a character or one of the PK_* codes below.  keys_feed()
 * applies one key to a history: moves, step sizes, counts ("5n" moves
 * five steps) and the prompts of g, t, T and B, which read digits up to
 * Enter.  keys_parse() turns a --keys string into keys: characters stand
 * for themselves and <Name> for a named key, with tmux's names (Right,
 * Left, Up, Down, Home, End, PageUp, PageDown, Enter, Escape, Tab,
 * Space, BSpace).  The bindings are listed in pymemsim(1).
 */
#ifndef PYMEMSIM_HIST_KEYS_H
#define PYMEMSIM_HIST_KEYS_H

#include <stddef.h>
#include <stdint.h>

#include "hist/history.h"

enum {
    PK_NAMED = 0x110000,       /* above every Unicode code point */
    PK_RIGHT = PK_NAMED, PK_LEFT, PK_UP, PK_DOWN, PK_HOME, PK_END,
    PK_PAGEUP, PK_PAGEDOWN, PK_ENTER, PK_ESCAPE, PK_TAB, PK_SPACE, PK_BSPACE,
    PK_LAST
};

typedef struct KeyState {
    uint64_t count;            /* the count typed so far */
    int has_count;
    int prompt;                /* 'g', 't', 'T' or 'B' while reading a number */
} KeyState;

typedef enum {
    KEYS_MOVED,                /* handled (h->msg may say why nothing moved) */
    KEYS_PENDING,              /* part of a count or a prompt */
    KEYS_QUIT,
    KEYS_UNKNOWN               /* not a stepping key */
} KeyResult;

void keys_init(KeyState *ks);
KeyResult keys_feed(History *h, KeyState *ks, int key);

/* What the prompt line shows while reading a number ("" otherwise). */
const char *keys_prompt(const KeyState *ks);

/* Parse s into at most max keys; returns the number, or -1 with a
 * message in err naming the offending position. */
long keys_parse(const char *s, int *keys, size_t max, char *err, size_t errsize);

/* The name of a key for messages ("n", "<Right>"). */
const char *keys_name(int key, char *buf, size_t size);

#endif
