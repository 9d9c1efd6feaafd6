/*
 * keys.c: the stepping keys.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "hist/keys.h"

static const char *const key_names[PK_LAST - PK_NAMED] = {
    "Right", "Left", "Up", "Down", "Home", "End", "PageUp", "PageDown",
    "Enter", "Escape", "Tab", "Space", "BSpace",
};

void
keys_init(KeyState *ks)
{
    memset(ks, 0, sizeof *ks);
}

const char *
keys_prompt(const KeyState *ks)
{
    switch (ks->prompt) {
    case 'g':
        return "go to step: ";
    case 't':
        return "run forward to line: ";
    case 'T':
        return "run back to line: ";
    case 'B':
        return "toggle breakpoint at line: ";
    default:
        return "";
    }
}

/* A prompt's number is complete. */
static void
finish_prompt(History *h, int prompt, uint64_t n)
{
    switch (prompt) {
    case 'g':
        history_goto(h, h->size, n);
        break;
    case 't':
    case 'T':
        history_to_line(h, (uint32_t)n, prompt == 'T');
        break;
    case 'B':
        snprintf(h->msg, sizeof h->msg, "breakpoint %s line %u",
                 history_toggle_break(h, (uint32_t)n) ? "set at" : "removed from", (unsigned)n);
        break;
    default:
        break;
    }
}

/* The keys that jump to the next breakpoint, collection or collector
 * phase, or (R, C, '[') to the previous one. */
static const struct {
    int key;
    int (*jump)(History *h, int backward);
    int backward;
} jumps[] = {
    {'r', history_to_break, 0},      {'R', history_to_break, 1},
    {'c', history_to_collection, 0}, {'C', history_to_collection, 1},
    {']', history_to_phase, 0},      {'[', history_to_phase, 1},
};

/* A move key, repeated count times (stopping when a move fails). */
static KeyResult
move(History *h, int key, uint64_t count)
{
    if (key == 'n' || key == PK_RIGHT) {
        history_forward(h, h->size, count);     /* one move for all */
        return KEYS_MOVED;
    }
    if (key == 'p' || key == PK_LEFT) {
        history_back(h, h->size, count);
        return KEYS_MOVED;
    }
    for (size_t j = 0; j < sizeof jumps / sizeof jumps[0]; j++) {
        if (jumps[j].key != key) {
            continue;
        }
        for (uint64_t i = 0; i < count; i++) {
            if (jumps[j].jump(h, jumps[j].backward) < 0) {
                break;
            }
        }
        return KEYS_MOVED;
    }
    return KEYS_UNKNOWN;
}

KeyResult
keys_feed(History *h, KeyState *ks, int key)
{
    if (key >= '0' && key <= '9' && (ks->prompt || ks->has_count || key != '0')) {
        uint64_t d = (uint64_t)(key - '0');
        if (ks->count <= (UINT64_MAX - d) / 10) {
            ks->count = ks->count * 10 + d;
        }
        ks->has_count = 1;
        return KEYS_PENDING;
    }
    if (ks->prompt) {
        int prompt = ks->prompt;
        if (key == PK_ENTER || key == '\r' || key == '\n') {
            if (ks->has_count) {
                finish_prompt(h, prompt, ks->count);
            }
            keys_init(ks);
            return KEYS_MOVED;
        }
        if (key == PK_BSPACE) {
            ks->count /= 10;
            ks->has_count = ks->count != 0;
            return KEYS_PENDING;
        }
        keys_init(ks);          /* Escape, or anything else, cancels */
        return key == PK_ESCAPE ? KEYS_MOVED : keys_feed(h, ks, key);
    }
    uint64_t count = ks->has_count ? ks->count : 1;
    int has_count = ks->has_count;
    keys_init(ks);
    h->msg[0] = '\0';
    switch (key) {
    case 'e':
        h->size = STEP_EVENT;
        return KEYS_MOVED;
    case 'i':
        h->size = STEP_INSTR;
        return KEYS_MOVED;
    case 'l':
        h->size = STEP_LINE;
        return KEYS_MOVED;
    case 'g':
    case 't':
    case 'T':
    case 'B':
        if (has_count) {
            finish_prompt(h, key, count);
            return KEYS_MOVED;
        }
        ks->prompt = key;
        return KEYS_PENDING;
    case '<':
    case PK_HOME:
        history_goto_seq(h, 0);
        return KEYS_MOVED;
    case '>':
    case PK_END:
        history_to_end(h);
        return KEYS_MOVED;
    case 'b': {
        uint32_t line = history_line(h);
        if (line == 0) {
            snprintf(h->msg, sizeof h->msg, "no current line for a breakpoint");
        } else {
            snprintf(h->msg, sizeof h->msg, "breakpoint %s line %u",
                     history_toggle_break(h, line) ? "set at" : "removed from", (unsigned)line);
        }
        return KEYS_MOVED;
    }
    case 'q':
        return KEYS_QUIT;
    case PK_ESCAPE:
        return KEYS_MOVED;
    default:
        return move(h, key, count);
    }
}

long
keys_parse(const char *s, int *keys, size_t max, char *err, size_t errsize)
{
    size_t n = 0;

    for (size_t i = 0; s[i] != '\0';) {
        int key = -1;
        if (s[i] == '<') {
            const char *close = strchr(s + i + 1, '>');
            for (int k = 0; close != NULL && k < PK_LAST - PK_NAMED; k++) {
                size_t len = strlen(key_names[k]);
                if ((size_t)(close - (s + i + 1)) == len && strncmp(s + i + 1, key_names[k], len) == 0) {
                    key = PK_NAMED + k;
                    i += len + 2;
                    break;
                }
            }
            if (key < 0 && close != NULL && close > s + i + 1 && s[i + 1] >= 'A' && s[i + 1] <= 'Z') {
                snprintf(err, errsize, "unknown key name '%.*s' at position %zu",
                         (int)(close - s - i + 1), s + i, i + 1);
                return -1;
            }
        }
        if (key < 0) {
            unsigned char c = (unsigned char)s[i];
            if (c < 0x20 || c >= 0x7f) {
                snprintf(err, errsize, "unprintable character at position %zu (write named keys as <Enter>)",
                         i + 1);
                return -1;
            }
            key = c;
            i++;
        }
        if (n == max) {
            snprintf(err, errsize, "more than %zu keys", max);
            return -1;
        }
        keys[n++] = key;
    }
    return (long)n;
}

const char *
keys_name(int key, char *buf, size_t size)
{
    if (key >= PK_NAMED && key < PK_LAST) {
        snprintf(buf, size, "<%s>", key_names[key - PK_NAMED]);
    } else {
        snprintf(buf, size, "%c", key);
    }
    return buf;
}
