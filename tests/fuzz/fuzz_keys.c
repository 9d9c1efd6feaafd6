/*
 * fuzz_keys.c: a --keys string through the key parser, then through the
 * session's keys (ui_key) over a fixed program with cycles, a finalizer
 * and collections, the screen drawn at 80x24 after every key.
 */
#include <config.h>

#include <string.h>

#include "app/control.h"
#include "fuzz.h"
#include "hist/history.h"
#include "hist/keys.h"
#include "render/scene.h"
#include "render/ui.h"

static const char program[] =
    "import gc, sys\n"
    "class Node:\n"
    "    def __init__(self, name):\n"
    "        self.name = name\n"
    "        self.next = None\n"
    "    def __del__(self):\n"
    "        print('bye', self.name)\n"
    "def ring(n):\n"
    "    first = Node(0)\n"
    "    last = first\n"
    "    for i in range(1, n):\n"
    "        last.next = Node(i)\n"
    "        last = last.next\n"
    "    last.next = first\n"
    "for k in range(3):\n"
    "    ring(4)\n"
    "    x = [[1], (2, 3), {'a': 'b'}, 'text']\n"
    "    x.append(x)\n"
    "    print(gc.collect(), sys.getrefcount(x))\n"
    "del x\n"
    "print(gc.collect())\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static History h;
    static int opened;
    if (!opened) {
        if (history_open(&h, fuzz_path((const uint8_t *)program, strlen(program)),
                         HISTORY_DEFAULT_CAP) != 0) {
            abort();
        }
        opened = 1;
    }
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';
    int *keys = malloc((size + 1) * sizeof *keys);
    char err[160];
    long n = keys_parse(s, keys, size + 1, err, sizeof err);
    free(s);
    if (n > 0) {
        Scene sc;
        UiState ui;
        scene_init(&sc, 80, 24, 0);
        ui_init(&ui);
        history_goto(&h, STEP_EVENT, 0);
        for (long i = 0; i < n && i < 64; i++) {
            char name[32];
            keys_name(keys[i], name, sizeof name);
            if (ui_key(&h, &ui, keys[i]) == UI_QUIT) {
                break;
            }
            ui_draw(&h, &ui, &sc);
        }
        ui_done(&ui);
        scene_done(&sc);
    }
    free(keys);
    return 0;
}
