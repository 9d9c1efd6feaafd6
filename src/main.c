/*
 * main.c: options and dispatch.
 *
 * pymemsim's own options come first (those of the full-screen session,
 * --help, --version), then either a COMMAND, which parses its own
 * options and operands (cli.h), or a FILE for the session.  Every
 * command's help is here, in the table of commands; whatever the
 * command, standard output is closed and checked on the way out.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "py/run.h"
#include "tui/tui.h"

/* The defaults the help texts state. */
_Static_assert(VM_DEFAULT_MAX_STEPS == 50000000, "the help says --max-steps 50,000,000");
_Static_assert(VM_DEFAULT_MAX_HEAP == UINT64_C(1) << 30, "the help says --max-heap 1G");
_Static_assert(HISTORY_DEFAULT_CAP == (size_t)512 << 20, "the help says --history-cap 512M");

/* Lines of the help texts that several commands share. */
#define HELP_MAX_STEPS \
"  --max-steps N         stop the program after N instructions (default\n" \
"                        50,000,000; 0 for none)\n"
#define HELP_MAX_HEAP \
"  --max-heap SIZE       simulated memory at which MemoryError is raised\n" \
"                        (default 1G; 0 for none)\n"
#define HELP_HISTORY_CAP \
"  --history-cap SIZE    memory for stepping back (default 512M)\n"
#define HELP_VERIFY \
"  --verify N            after every Nth event (1: each one), check that\n" \
"                        nothing changed the machine outside a primitive\n" \
"                        (exit status 3 if something did)\n"
#define HELP_HELP \
"  -h, --help            display this help and exit\n"
#define HELP_SIZE \
"SIZE is a number of bytes, or of K, M or G (powers of 1024).\n"
/* The limits of a command that runs a program to its end. */
#define HELP_LIMITS HELP_MAX_STEPS HELP_MAX_HEAP HELP_VERIFY
/* After the options of a command that takes SIZEs: up to its exit
 * statuses. */
#define HELP_SIZE_EXIT HELP_HELP "\n" HELP_SIZE "\n" "Exit status:\n"
/* The help and exit statuses of a command that only prints. */
#define HELP_PRINT_EXIT HELP_HELP "\n" \
"Exit status: 0 on success, 1 if the output could not be written, 2 for\n"
#define HELP_STEPS \
"  --at N|end            go to step N of the --by unit (0 is the start), or\n" \
"                        to the end (default: step 0, before any event)\n" \
"  --by UNIT             the step: event, instruction or line (default)\n" \
"  --keys KEYS           then press KEYS as in the full-screen session,\n" \
"                        for example 'e<End>3p' (see pymemsim(1))\n" \
HELP_HISTORY_CAP HELP_MAX_STEPS HELP_MAX_HEAP

static const char run_help[] =
"Usage: pymemsim run [OPTION]... FILE\n"
"Compile the Python program FILE and run it on the simulated machine,\n"
"printing what it prints, as CPython 3.11 would.  FILE - is standard\n"
"input.\n"
"\n"
"  --max-steps N         stop the program after N instructions (default:\n"
"                        no limit)\n"
HELP_MAX_HEAP
HELP_VERIFY
HELP_SIZE_EXIT
"  0  the program ended normally\n"
"  1  it raised an exception (its traceback is on standard error),\n"
"     --max-steps stopped it, or its output could not be written\n"
"  2  bad usage, or a FILE that cannot be read or compiled\n"
"  3  --verify found a change made outside a primitive\n"
"Ctrl-C raises KeyboardInterrupt in the program; after its traceback, run\n"
"ends by SIGINT as CPython does (status 130 in the shell).\n";

static const char trace_help[] =
"Usage: pymemsim trace [OPTION]... FILE\n"
"Run the Python program FILE and print the simulated machine's events, one\n"
"a line, from the module's first instruction: line N, alloc, incref,\n"
"decref, store, bind, push, pop, frame.push, track, gc.phase, gc.refs,\n"
"gc.move and more; what the program prints shows as write \"...\" events.\n"
"FILE - is standard input.\n"
"\n"
HELP_LIMITS
HELP_SIZE_EXIT
"  0  the program ended normally\n"
"  1  it raised an exception, --max-steps stopped it, or the output could\n"
"     not be written\n"
"  2  bad usage, or a FILE that cannot be read or compiled\n"
"  3  --verify found a change made outside a primitive\n";

static const char dump_help[] =
"Usage: pymemsim dump [OPTION]... FILE\n"
"Step through the Python program or lesson FILE as the full-screen session\n"
"does, and print the simulated machine's state at the point reached as one\n"
"JSON object (schema pymemsim-dump/1).  FILE - is standard input.\n"
"\n"
HELP_STEPS
HELP_SIZE_EXIT
"  0  the state was printed, whether or not the program raised\n"
"  1  the output could not be written\n"
"  2  bad usage, a FILE that cannot be read or compiled, or a bad key\n";

static const char snapshot_help[] =
"Usage: pymemsim snapshot [OPTION]... FILE\n"
"Print, as text, the screen the full-screen session shows on the Python\n"
"program or lesson FILE after the same steps and keys (--keys takes the\n"
"view keys too).  FILE - is standard input.\n"
"\n"
HELP_STEPS
"  --size WxH            the terminal's size, each 1 to 1000 (default\n"
"                        120x40)\n"
"  --ansi                with the theme's colours and attributes, as ANSI\n"
"                        escape sequences\n"
"  --theme THEME         default, contrast or mono (default: default)\n"
"  --ascii               draw lines with ASCII characters\n"
HELP_SIZE_EXIT
"  0  the screen was printed, whether or not the program raised\n"
"  1  the output could not be written\n"
"  2  bad usage, a FILE that cannot be read or compiled, or a bad key\n";

static const char check_help[] =
"Usage: pymemsim check [OPTION]... LESSON...\n"
"Load each LESSON, reporting its mistakes as FILE:LINE:COL: message, run it\n"
"headless, and report every expect that fails and every question whose\n"
"answer cannot be computed.  LESSON - is standard input.\n"
"\n"
HELP_LIMITS
HELP_SIZE_EXIT
"  0  every lesson passed\n"
"  1  an expect failed, a program raised or --max-steps stopped it, or the\n"
"     output could not be written\n"
"  2  bad usage, or a LESSON that cannot be read or has a mistake\n";

static const char lessons_help[] =
"Usage: pymemsim lessons\n"
"List the installed lessons: name, level, title, [done] once finished,\n"
"summary and file.  Lessons are looked for in $PYMEMSIM_LESSONS, then in\n"
"pymemsim/lessons under $XDG_DATA_HOME and $XDG_DATA_DIRS, then in\n"
PKGDATADIR "/lessons.\n"
"\n"
HELP_PRINT_EXIT
"bad usage.\n";

static const char machine_help[] =
"Usage: pymemsim machine\n"
"Describe the simulated machine at start-up: its static objects, the\n"
"allocator's constants and the collector's generations.\n"
"\n"
HELP_PRINT_EXIT
"bad usage.\n";

static const char help_help[] =
"Usage: pymemsim help [COMMAND]\n"
"Display pymemsim's help, or COMMAND's: run, trace, dump, snapshot, check,\n"
"lessons, machine or help.\n"
"\n"
HELP_PRINT_EXIT
"bad usage or an unknown COMMAND.\n";

static int help_command(int argc, char **argv);

typedef struct Command {
    const char *name;
    int (*run)(int argc, char **argv);      /* argv[0] is the name */
    const char *help;
} Command;

static const Command commands[] = {
    {"run", cli_run, run_help},
    {"trace", cli_trace, trace_help},
    {"dump", cli_dump, dump_help},
    {"snapshot", cli_snapshot, snapshot_help},
    {"check", cli_check, check_help},
    {"lessons", cli_lessons, lessons_help},
    {"machine", cli_machine, machine_help},
    {"help", help_command, help_help},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const Command *
find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++) {
        if (strcmp(name, commands[i].name) == 0) {
            return &commands[i];
        }
    }
    return NULL;
}

static void
usage(void)
{
    printf(
"Usage: pymemsim [OPTION]... [FILE]\n"
"  or:  pymemsim COMMAND [OPTION]... [ARG]...\n"
"A teaching simulator of CPython 3.11's memory management.\n"
"\n"
"With a FILE, step through the Python program or lesson FILE on a\n"
"full-screen display of the simulated machine (press ? there for the keys,\n"
"q to quit).  Without one, on a terminal, choose a lesson from the menu;\n"
"elsewhere, describe the machine as 'pymemsim machine' does.\n"
"\n"
"Commands:\n"
"  run FILE              run a Python program on the simulated machine and\n"
"                        print what it prints\n"
"  trace FILE            run FILE and print the machine's event stream, one\n"
"                        event a line\n"
"  dump FILE             step through FILE and print the machine state\n"
"                        reached as JSON (schema pymemsim-dump/1)\n"
"  snapshot FILE         print the screen the full-screen session shows\n"
"                        after some steps and keys, as text\n"
"  check LESSON...       run lessons headless and report every expect that\n"
"                        fails, with its location\n"
"  lessons               list the installed lessons\n"
"  machine               show the simulated machine at start-up: static\n"
"                        objects, generations and the empty heap\n"
"  help [COMMAND]        display this help, or a command's\n"
"\n"
"'pymemsim COMMAND --help' lists a command's options.  A FILE or LESSON of\n"
"- is standard input (except for the full-screen session); -- ends the\n"
"options.\n"
"\n"
"Options of the full-screen session:\n"
"  --theme THEME         colours: default, contrast or mono (default: mono\n"
"                        if NO_COLOR is set or the terminal has no colours)\n"
"  --ascii               draw lines with ASCII characters (default: when\n"
"                        the locale's character set is not UTF-8)\n"
HELP_HISTORY_CAP
"\n"
"Options of the session and of run, trace, dump, snapshot and check:\n"
"  --max-steps N         stop the program after N instructions (default\n"
"                        50,000,000 for everything but run; 0 for none)\n"
HELP_MAX_HEAP
"\n"
"  -h, --help            display this help and exit\n"
"  -V, --version         output version information and exit\n"
"\n"
HELP_SIZE
"\n"
"Exit status:\n"
"  0  success\n"
"  1  the program raised an exception, --max-steps stopped run, trace or\n"
"     check, a lesson's expect failed, or output could not be written\n"
"  2  bad usage, a FILE that cannot be read or compiled, or a terminal\n"
"     that cannot be used\n"
"  128+N  the full-screen session ended by signal N; run, after Ctrl-C\n"
"     and the KeyboardInterrupt traceback, ends by SIGINT (130)\n"
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

/* `pymemsim help [COMMAND]'. */
static int
help_command(int argc, char **argv)
{
    static const struct option longopts[] = {HELP_LONGOPT, {NULL, 0, NULL, 0}};
    int c;

    optind = 0;
    if ((c = cli_getopt(argc, argv, ":h", longopts, "help")) != -1) {
        return c == 'h' ? CLI_HELP : 2;
    }
    if (cli_operands(argc, argv, 0, 1, "COMMAND", "help") != 0) {
        return 2;
    }
    if (optind == argc) {
        usage();
        return 0;
    }
    const Command *cmd = find_command(argv[optind]);
    if (cmd == NULL) {
        return cli_usage_error("help", "unknown command '%s'", argv[optind]);
    }
    fputs(cmd->help, stdout);
    return 0;
}

/* Everything but closing stdout: the exit status. */
static int
pymemsim(int argc, char **argv)
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

    /* '+': the options end at the first word that is not one, the
     * command or FILE, whose own options follow it. */
    while ((c = cli_getopt(argc, argv, "+:hV", longopts, "")) != -1) {
        switch (c) {
        case 'h':
            usage();
            return EXIT_SUCCESS;
        case 'V':
            version();
            return EXIT_SUCCESS;
        case 't':
            if (cli_parse_theme(optarg, &theme) < 0) {
                return cli_usage_error("", "--theme wants default, contrast or mono, not '%s'",
                                       optarg);
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
                return cli_usage_error("", "--history-cap wants a size such as 512M, not '%s'",
                                       optarg);
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
            return 2;           /* after the message */
        }
    }
    if (optind >= argc) {
        /* On a terminal, the lesson menu; elsewhere, the machine. */
        if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
            return tui_menu(&tui);
        }
        if (tui_option != NULL) {
            return cli_usage_error("", "%s needs a FILE to show", tui_option);
        }
        static char name[] = "machine";
        char *machine_argv[] = {name, NULL};
        return cli_machine(1, machine_argv);
    }
    const char *word = argv[optind];
    const Command *cmd = find_command(word);
    if (cmd != NULL) {
        if (tui_option != NULL) {
            return cli_usage_error("", "%s is an option of 'pymemsim FILE', not of '%s'",
                                   tui_option, word);
        }
        int status = cmd->run(argc - optind, argv + optind);
        if (status == CLI_HELP) {
            fputs(cmd->help, stdout);
            status = 0;
        }
        return status;
    }
    if (strcmp(word, "-") == 0) {
        return cli_usage_error("", "the full-screen session reads its keys from standard "
                               "input, so it cannot read FILE from it");
    }
    /* Anything else is a FILE to show, unless it looks like a mistyped
     * command: no such file, and no dot or slash in it. */
    if (strpbrk(word, "./") == NULL && access(word, F_OK) != 0) {
        return cli_usage_error("", "unknown command '%s'", word);
    }
    if (argc - optind != 1) {
        return cli_usage_error("", "extra operand '%s'", argv[optind + 1]);
    }
    return tui_run(word, &tui);
}

int
main(int argc, char **argv)
{
    return cli_close_stdout(pymemsim(argc, argv));
}
