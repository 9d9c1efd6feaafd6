/*
 * main.c: options and dispatch.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "py/run.h"

static void
usage(FILE *fp)
{
    fprintf(fp,
"Usage: pymemsim [OPTION]... [COMMAND [ARG]...]\n"
"A teaching simulator of CPython 3.11's memory management.\n"
"\n"
"Commands:\n"
"  run FILE              run a Python program on the simulated machine and\n"
"                        print what it prints\n"
"  trace FILE            run FILE and print the machine's event stream, one\n"
"                        event a line (the program's output as write events)\n"
"  dump FILE [--at N|end] [--by event|instruction|line] [--keys KEYS]\n"
"                        step through FILE and print the machine state\n"
"                        reached as JSON (schema pymemsim-dump/1)\n"
"  machine               show the simulated machine at start-up: static\n"
"                        objects, generations and the empty heap\n"
"\n"
"Options of dump:\n"
"  --at N|end            go to step N of the --by size (default: stay at\n"
"                        step 0, before the first event)\n"
"  --by SIZE             the step size: event, instruction or line (default)\n"
"  --keys KEYS           then press KEYS as in the TUI: n or <Right> forward,\n"
"                        p or <Left> back, e i l choose the size, g N <Enter>\n"
"                        go to step N, and more (see pymemsim(1))\n"
"  --history-cap SIZE    memory for stepping back (default 512M)\n"
"  --max-steps N         stop the program after N instructions\n"
"\n"
"Options:\n"
"  -h, --help            display this help and exit\n"
"  -V, --version         output version information and exit\n"
"\n"
"Exit status: 0 on success, 1 if the program failed, 2 for bad usage or\n"
"bad input.\n"
"\n"
"Report bugs to: %s\n", PACKAGE_BUGREPORT);
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
        {NULL, 0, NULL, 0},
    };
    int c;

    while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            usage(stdout);
            return EXIT_SUCCESS;
        case 'V':
            version();
            return EXIT_SUCCESS;
        default:
            fprintf(stderr, "Try 'pymemsim --help' for more information.\n");
            return 2;
        }
    }
    if (optind >= argc) {
        return cli_machine(0, NULL);
    }
    const char *cmd = argv[optind];
    if (strcmp(cmd, "run") == 0) {
        if (argc - optind != 2) {
            fprintf(stderr, "pymemsim: 'run' needs exactly one FILE\n");
            fprintf(stderr, "Try 'pymemsim --help' for more information.\n");
            return 2;
        }
        return run_file(argv[optind + 1], stdout);
    }
    if (strcmp(cmd, "trace") == 0) {
        return cli_trace(argc - optind - 1, argv + optind + 1);
    }
    if (strcmp(cmd, "dump") == 0) {
        return cli_dump(argc - optind, argv + optind);
    }
    if (strcmp(cmd, "machine") == 0) {
        return cli_machine(argc - optind - 1, argv + optind + 1);
    }
    fprintf(stderr, "pymemsim: unknown command '%s'\n", cmd);
    fprintf(stderr, "Try 'pymemsim --help' for more information.\n");
    return 2;
}
