/*
 * main.c: options and dispatch.
 */
#include <config.h>

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "py/run.h"
#include "tui/tui.h"

static void
usage(FILE *fp)
{
    fprintf(fp,
"Usage: pymemsim [OPTION]... [COMMAND [ARG]...]\n"
"  or:  pymemsim [OPTION]... FILE\n"
"A teaching simulator of CPython 3.11's memory management.\n"
"\n"
"With a FILE, step through the Python program or lesson FILE on a\n"
"full-screen display of the simulated machine (press ? there for the keys,\n"
"q to quit).  Without one, on a terminal, choose a lesson from the menu.\n"
"\n"
"Commands:\n"
"  run FILE              run a Python program on the simulated machine and\n"
"                        print what it prints\n"
"  trace FILE            run FILE and print the machine's event stream, one\n"
"                        event a line (the program's output as write events)\n"
"  dump FILE [--at N|end] [--by event|instruction|line] [--keys KEYS]\n"
"                        step through FILE and print the machine state\n"
"                        reached as JSON (schema pymemsim-dump/1)\n"
"  snapshot FILE [--at N|end] [--by SIZE] [--keys KEYS] [--size WxH] [--ansi]\n"
"                        print the screen the full-screen session shows\n"
"                        after those steps and keys, as text\n"
"  check LESSON...       run lessons headless and report every expect that\n"
"                        fails, with its location\n"
"  lessons               list the installed lessons\n"
"  machine               show the simulated machine at start-up: static\n"
"                        objects, generations and the empty heap\n"
"\n"
"Options of dump (snapshot takes them too, and --size, --ansi, --theme,\n"
"--ascii):\n"
"  --at N|end            go to step N of the --by size (default: stay at\n"
"                        step 0, before the first event)\n"
"  --by SIZE             the step size: event, instruction or line (default)\n"
"  --keys KEYS           then press KEYS as in the TUI: n or <Right> forward,\n"
"                        p or <Left> back, e i l choose the size, g N <Enter>\n"
"                        go to step N, and more (see pymemsim(1))\n"
"  --history-cap SIZE    memory for stepping back (default 512M)\n"
"  --max-steps N         stop the program after N instructions\n"
"\n"
"Options of pymemsim FILE:\n"
"  --theme THEME         colours: default, contrast or mono (default: mono\n"
"                        if NO_COLOR is set or the terminal has no colours)\n"
"  --ascii               draw lines with ASCII characters (default: when\n"
"                        the locale's character set is not UTF-8)\n"
"  --history-cap SIZE    memory for stepping back (default 512M)\n"
"  --max-steps N         stop the program after N instructions\n"
"\n"
"Options:\n"
"  -h, --help            display this help and exit\n"
"  -V, --version         output version information and exit\n"
"\n"
"Exit status: 0 on success, 1 if the program failed, 2 for bad usage or\n"
"bad input; pymemsim FILE ended by a signal exits with 128 + its number.\n"
"\n"
"Report bugs to: %s\n", PACKAGE_BUGREPORT);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
usage_error(const char *fmt, ...)
{
    va_list ap;

    fputs("pymemsim: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'pymemsim --help' for more information.\n", stderr);
    return 2;
}

/* Is word one of the commands (rather than a FILE for the TUI)? */
static int
is_command(const char *word)
{
    static const char *const commands[] = {"run", "trace", "dump", "machine", "snapshot"};

    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(word, commands[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

static void
version(void)
{
    printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
    printf("Models the memory management of CPython 3.11 on 64-bit Linux.\n");
    printf("This is free software: you are free to change and redistribute it.\n");
    printf("There is NO WARRANTY, to the extent permitted by law.\n");
}

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"theme", required_argument, NULL, 't'},
        {"ascii", no_argument, NULL, 'a'},
        {"history-cap", required_argument, NULL, 'c'},
        LIMIT_LONGOPTS,
        {NULL, 0, NULL, 0},
    };
    TuiOptions tui;
    const char *tui_option = NULL;  /* the last option of the TUI given */
    Theme theme;
    int c;

    tui_options_init(&tui);

    while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            usage(stdout);
            return EXIT_SUCCESS;
        case 'V':
            version();
            return EXIT_SUCCESS;
        case 't':
            if (cli_parse_theme(optarg, &theme) < 0) {
                return usage_error("--theme wants default, contrast or mono, not '%s'", optarg);
            }
            tui.theme = (int)theme;
            tui_option = "--theme";
            break;
        case 'a':
            tui.ascii = 1;
            tui_option = "--ascii";
            break;
        case 'c':
            if (cli_parse_size(optarg, &tui.history_cap) < 0 || tui.history_cap == 0) {
                return usage_error("--history-cap wants a size such as 512M, not '%s'", optarg);
            }
            tui_option = "--history-cap";
            break;
        case 'm':
        case 'H':
            if (limit_option(&tui.lim, c, optarg, "") < 0) {
                return 2;
            }
            tui_option = c == 'm' ? "--max-steps" : "--max-heap";
            break;
        default:
            fprintf(stderr, "Try 'pymemsim --help' for more information.\n");
            return 2;
        }
    }
    if (optind >= argc) {
        /* On a terminal, the lesson menu; elsewhere, the machine. */
        if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
            return tui_menu(&tui);
        }
        if (tui_option != NULL) {
            return usage_error("%s needs a FILE to show", tui_option);
        }
        return cli_machine(0, NULL);
    }
    const char *cmd = argv[optind];
    if (tui_option != NULL && is_command(cmd)) {
        return usage_error("%s is an option of 'pymemsim FILE', not of '%s'", tui_option, cmd);
    }
    if (strcmp(cmd, "run") == 0) {
        return cli_run(argc - optind, argv + optind);
    }
    if (strcmp(cmd, "trace") == 0) {
        return cli_trace(argc - optind, argv + optind);
    }
    if (strcmp(cmd, "check") == 0) {
        return cli_check(argc - optind, argv + optind);
    }
    if (strcmp(cmd, "lessons") == 0) {
        return cli_lessons(argc - optind - 1, argv + optind + 1);
    }
    if (strcmp(cmd, "snapshot") == 0) {
        return cli_snapshot(argc - optind, argv + optind);
    }
    if (strcmp(cmd, "dump") == 0) {
        return cli_dump(argc - optind, argv + optind);
    }
    if (strcmp(cmd, "machine") == 0) {
        return cli_machine(argc - optind - 1, argv + optind + 1);
    }
    /* Anything else is a FILE to show, unless it looks like a mistyped
     * command: no such file, and no dot or slash in it. */
    if (strpbrk(cmd, "./") == NULL && access(cmd, F_OK) != 0) {
        return usage_error("unknown command '%s'", cmd);
    }
    if (argc - optind != 1) {
        return usage_error("'pymemsim FILE' takes one FILE, not also '%s'", argv[optind + 1]);
    }
    return tui_run(cmd, &tui);
}
