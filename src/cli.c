/*
 * cli.c: what the commands share (option parsing and its messages,
 * strict numbers, standard output checked at exit), and the headless
 * commands machine, trace and run.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "core/strbuf.h"
#include "py/run.h"
#include "py/vm.h"
#include "sim/gc.h"
#include "sim/machine.h"

/* ------------------------------------------------------------------ */
/* Options and their messages.                                        */

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, cmd[0] != '\0' ? "pymemsim: %s: " : "pymemsim: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'pymemsim %s%s--help' for more information.\n", cmd,
            cmd[0] != '\0' ? " " : "");
    return 2;
}

/* The long option whose value is val, or NULL. */
static const struct option *
long_option(const struct option *longopts, int val)
{
    for (const struct option *o = longopts; o->name != NULL; o++) {
        if (o->flag == NULL && o->val == val) {
            return o;
        }
    }
    return NULL;
}

/* The long options that name (up to '=' or its end) is a prefix of,
 * appended to sb as " '--a' '--b'"; their number. */
static int
prefix_matches(const struct option *longopts, const char *name, StrBuf *sb)
{
    size_t n = strcspn(name, "=");
    int count = 0;

    for (const struct option *o = longopts; o->name != NULL; o++) {
        if (strncmp(o->name, name, n) == 0) {
            count++;
            sb_printf(sb, " '--%s'", o->name);
        }
    }
    return count;
}

/*
 * getopt_long says what went wrong only through its return value, optopt
 * and optind (opterr is 0): '?' with optopt 0 is a long option unknown or
 * ambiguous, argv[optind - 1]; '?' with optopt set is an unknown short
 * option, or a long one given an argument it does not take; ':' is an
 * option without its argument, argv[optind - 1].  The messages are
 * getopt's own.
 */
int
cli_getopt(int argc, char **argv, const char *optstring, const struct option *longopts,
           const char *cmd)
{
    opterr = 0;
    int c = getopt_long(argc, argv, optstring, longopts, NULL);
    if (c != '?' && c != ':') {
        return c;
    }
    const char *word = argv[optind - 1];
    const char *name = strncmp(word, "--", 2) == 0 ? word + 2 : NULL;
    const struct option *o = long_option(longopts, optopt);
    size_t n = name != NULL ? strcspn(name, "=") : 0;
    StrBuf sb;

    sb_init(&sb);
    if (c == ':' && name != NULL && o != NULL) {
        cli_usage_error(cmd, "option '--%s' requires an argument", o->name);
    } else if (c == ':') {
        cli_usage_error(cmd, "option requires an argument -- '%c'", optopt);
    } else if (optopt == 0 && name != NULL && prefix_matches(longopts, name, &sb) > 1) {
        cli_usage_error(cmd, "option '--%.*s' is ambiguous; possibilities:%s", (int)n, name,
                        sb.s);
    } else if (optopt == 0) {
        cli_usage_error(cmd, "unrecognized option '%s'", word);
    } else if (name != NULL && name[n] == '=' && o != NULL && o->has_arg == no_argument
               && strncmp(o->name, name, n) == 0) {
        cli_usage_error(cmd, "option '--%s' doesn't allow an argument", o->name);
    } else {
        cli_usage_error(cmd, "invalid option -- '%c'", optopt);
    }
    sb_done(&sb);
    return '?';
}

int
cli_operands(int argc, char **argv, int min, int max, const char *what, const char *cmd)
{
    int n = argc - optind;

    if (n < min) {
        return cli_usage_error(cmd, "missing %s operand", what);
    }
    if (max >= 0 && n > max) {
        return cli_usage_error(cmd, "extra operand '%s'", argv[optind + max]);
    }
    return 0;
}

/* The decimal digits at s as a number: the character after them, or
 * NULL if there are none or the number overflows. */
static const char *
parse_digits(const char *s, uint64_t *out)
{
    uint64_t v = 0;

    if (*s < '0' || *s > '9') {
        return NULL;
    }
    for (; *s >= '0' && *s <= '9'; s++) {
        unsigned d = (unsigned)(*s - '0');
        if (v > (UINT64_MAX - d) / 10) {
            return NULL;
        }
        v = v * 10 + d;
    }
    *out = v;
    return s;
}

int
cli_parse_count(const char *s, uint64_t *out)
{
    uint64_t v;
    const char *end = parse_digits(s, &v);

    if (end == NULL || *end != '\0') {
        return -1;
    }
    *out = v;
    return 0;
}

int
cli_parse_size(const char *s, size_t *out)
{
    uint64_t v, mult = 1;
    const char *end = parse_digits(s, &v);

    if (end == NULL) {
        return -1;
    }
    switch (*end) {
    case '\0':
        break;
    case 'k': case 'K':
        mult = UINT64_C(1) << 10;
        end++;
        break;
    case 'm': case 'M':
        mult = UINT64_C(1) << 20;
        end++;
        break;
    case 'g': case 'G':
        mult = UINT64_C(1) << 30;
        end++;
        break;
    default:
        return -1;
    }
    if (*end != '\0' || v > SIZE_MAX / mult) {
        return -1;
    }
    *out = (size_t)(v * mult);
    return 0;
}

int
cli_parse_dims(const char *s, int *w, int *h)
{
    uint64_t a, b;
    const char *x = parse_digits(s, &a);

    if (x == NULL || (*x != 'x' && *x != 'X')) {
        return -1;
    }
    const char *end = parse_digits(x + 1, &b);
    if (end == NULL || *end != '\0' || a < 1 || a > 1000 || b < 1 || b > 1000) {
        return -1;
    }
    *w = (int)a;
    *h = (int)b;
    return 0;
}

int
cli_name_index(const char *s, const char *const *names, int n)
{
    for (int i = 0; i < n; i++) {
        if (strcmp(s, names[i]) == 0) {
            return i;
        }
    }
    return -1;
}

int
cli_parse_step_size(const char *s, StepSize *out)
{
    int i = cli_name_index(s, step_size_names, STEP_NSIZES);

    if (i < 0) {
        return -1;
    }
    *out = (StepSize)i;
    return 0;
}

int
limit_option(VmLimits *lim, int c, const char *arg, const char *cmd)
{
    size_t size;

    switch (c) {
    case 'm':
        if (cli_parse_count(arg, &lim->max_steps) < 0) {
            return -cli_usage_error(cmd, "--max-steps wants a number (0 for no limit), not '%s'",
                                    arg);
        }
        return 1;
    case 'H':
        if (cli_parse_size(arg, &size) < 0) {
            return -cli_usage_error(cmd, "--max-heap wants a size such as 1G (0 for no limit), "
                                    "not '%s'", arg);
        }
        lim->max_heap = size;
        return 1;
    default:
        return 0;
    }
}

int
cli_limit_options(int argc, char **argv, VmLimits *lim, const char *cmd)
{
    static const struct option longopts[] = {
        LIMIT_LONGOPTS, {"verify", required_argument, NULL, 'V'}, HELP_LONGOPT,
        {NULL, 0, NULL, 0},
    };
    int c;
    uint64_t n;

    optind = 0;                 /* rescan from the start (GNU getopt) */
    while ((c = cli_getopt(argc, argv, ":h", longopts, cmd)) != -1) {
        if (c == 'h') {
            return CLI_HELP;
        }
        if (c == 'V') {
            if (cli_parse_count(optarg, &n) < 0 || n > UINT32_MAX) {
                return cli_usage_error(cmd, "--verify wants a number of events (1 for every "
                                       "one, 0 for none), not '%s'", optarg);
            }
            lim->verify = (uint32_t)n;
            continue;
        }
        if (limit_option(lim, c, optarg, cmd) <= 0) {
            return 2;           /* after the message */
        }
    }
    return 0;
}

int
cli_help_only(int argc, char **argv, const char *cmd)
{
    static const struct option longopts[] = {HELP_LONGOPT, {NULL, 0, NULL, 0}};

    optind = 0;
    int c = cli_getopt(argc, argv, ":h", longopts, cmd);
    if (c != -1) {
        return c == 'h' ? CLI_HELP : 2;
    }
    return cli_operands(argc, argv, 0, 0, "", cmd);
}

/* ------------------------------------------------------------------ */
/* Standard output, checked.                                          */

/*
 * A write to stdout that fails sets its error flag, but a flush that
 * fails also drops what it could not write, so the reason (errno) is
 * lost by the time stdout is closed unless something is still pending;
 * and running a program flushes every stream.  The output of run and
 * trace goes through checked_stream() instead, which remembers the
 * first error here.
 */
static int write_errno;

int
cli_close_stdout(int status)
{
    int pending = __fpending(stdout) != 0;
    int failed = ferror(stdout) || write_errno != 0;
    int e = write_errno;

    /* A closed stdout (EBADF) is no error if nothing was written to it;
     * a broken pipe (EPIPE) is an error, but the reader's doing, so
     * quiet, as when SIGPIPE ends the writer. */
    errno = 0;
    if (fclose(stdout) != 0 && (pending || errno != EBADF)) {
        failed = 1;
        e = e != 0 ? e : errno;
    }
    if (failed && e != EPIPE) {
        if (e != 0) {
            fprintf(stderr, "pymemsim: write error: %s\n", strerror(e));
        } else {
            fputs("pymemsim: write error\n", stderr);
        }
    }
    if (failed) {
        status = status != 0 ? status : 1;
    }
    if (fflush(stderr) != 0 || ferror(stderr)) {
        status = status != 0 ? status : 1;
    }
    return status;
}

static ssize_t
stdout_fd_write(void *cookie, const char *buf, size_t n)
{
    size_t done = 0;

    (void)cookie;
    while (done < n) {
        ssize_t w = write(STDOUT_FILENO, buf + done, n - done);
        if (w < 0 && errno == EINTR) {
            continue;           /* Ctrl-C in run: KeyboardInterrupt comes next */
        }
        if (w <= 0) {
            if (write_errno == 0) {
                write_errno = w < 0 ? errno : EIO;
            }
            break;
        }
        done += (size_t)w;
    }
    return (ssize_t)done;
}

/*
 * A stream onto standard output that remembers its first error in
 * write_errno, or stdout itself on a terminal (where a program's
 * sys.stdout is line-buffered, as the VM finds out from the stream's
 * file, and where lines should show as they come).  Close it with
 * checked_stream_close.
 */
static FILE *
checked_stream(void)
{
    static const cookie_io_functions_t io = {NULL, stdout_fd_write, NULL, NULL};

    if (isatty(STDOUT_FILENO)) {
        return stdout;
    }
    fflush(stdout);
    FILE *fp = fopencookie(NULL, "w", io);
    return fp != NULL ? fp : stdout;
}

static void
checked_stream_close(FILE *fp)
{
    if (fp != stdout) {
        fclose(fp);
    }
}

/* ------------------------------------------------------------------ */
/* pymemsim machine                                                   */

int
cli_machine(int argc, char **argv)
{
    Machine m;
    char err[256];
    int r = cli_help_only(argc, argv, "machine");

    if (r != 0) {
        return r;
    }
    machine_init(&m);
    printf("pymemsim %s: a simulated CPython 3.11 (64-bit Linux)\n\n", PACKAGE_VERSION);
    printf("Static objects (no heap block, refcount starts at %d):\n", STATIC_REFCNT);
    printf("  None at %#" PRIx64 ", True at %#" PRIx64 ", False at %#" PRIx64 "\n",
           m.objs[m.none].addr, m.objs[m.true_].addr, m.objs[m.false_].addr);
    printf("  small ints %d..%d, the empty tuple, the empty str and the 256\n"
           "  one-character latin-1 strings: %" PRIu64 " objects in all\n",
           -NSMALLNEG, NSMALLPOS - 1, m.live);
    printf("\npymalloc: %d size classes of %d bytes, %d-byte pools (%d-byte header),\n"
           "%u-byte arenas of %d pools; requests over %d bytes go to malloc.\n",
           HEAP_NCLASSES, HEAP_ALIGNMENT, HEAP_POOL_SIZE, HEAP_POOL_OVERHEAD,
           HEAP_ARENA_SIZE, HEAP_POOLS_PER_ARENA, HEAP_SMALL_REQUEST);
    printf("Arenas allocated: %" PRIu64 "\n", m.heap.stats.arenas_current);
    printf("\nGenerations: thresholds (%" PRId64 ", %" PRId64 ", %" PRId64
           "), counts (%" PRId64 ", %" PRId64 ", %" PRId64 ")\n",
           m.gen[0].threshold, m.gen[1].threshold, m.gen[2].threshold,
           m.gen[0].count, m.gen[1].count, m.gen[2].count);
    if (machine_check(&m, err, sizeof err) != 0) {
        fprintf(stderr, "pymemsim: internal error: %s\n", err);
        machine_done(&m);
        return 1;
    }
    machine_done(&m);
    return 0;
}

/* ------------------------------------------------------------------ */
/* pymemsim trace FILE                                                */

static const char *const list_names[GC_NLISTS] = {
    "gen0", "gen1", "gen2", "permanent", "unreachable", "wrcb_to_call", "seen",
    "still_unreachable",
};

static const char *
list_name(int64_t l)
{
    return l >= 0 && l < GC_NLISTS ? list_names[l] : "none";
}

static void
trace_event(void *ctx, const Machine *m, const Event *e)
{
    FILE *fp = ctx;
    const char *tn = e->obj != NULL_HANDLE && e->obj < m->nobjs
                     ? type_info[m->objs[e->obj].type].pyname : "-";

    if (e->kind == EV_INSTR) {
        return;                 /* lines only, to keep traces readable */
    }
    fprintf(fp, "%s", event_names[e->kind]);
    switch ((EventKind)e->kind) {
    case EV_ALLOC:
        fprintf(fp, " obj=#%u %s addr=%#" PRIx64 " size=%" PRId64 "%s", e->obj, tn,
                (uint64_t)e->a, e->b, e->slot ? " from=freelist" : "");
        break;
    case EV_FREE:
    case EV_FREELIST:
        if (e->obj != NULL_HANDLE) {
            fprintf(fp, " obj=#%u %s", e->obj, tn);
        }
        fprintf(fp, " addr=%#" PRIx64, (uint64_t)e->a);
        break;
    case EV_INCREF:
    case EV_DECREF:
    case EV_GC_REFS:
        fprintf(fp, " obj=#%u %s %" PRId64 "->%" PRId64, e->obj, tn, e->a, e->b);
        break;
    case EV_DEALLOC:
    case EV_FINALIZE:
    case EV_TRASH:
        fprintf(fp, " obj=#%u %s", e->obj, tn);
        break;
    case EV_STORE:
        fprintf(fp, " obj=#%u %s slot=%u #%" PRId64 "->#%" PRId64, e->obj, tn, e->slot, e->a,
                e->b);
        break;
    case EV_STORAGE:
        fprintf(fp, " obj=#%u %s role=\"%s\" %#" PRIx64 "->%#" PRIx64 " size=%" PRIu64, e->obj,
                tn, heap_role_name(e->role), (uint64_t)e->a, (uint64_t)e->b, e->c);
        break;
    case EV_BIND:
        fprintf(fp, " frame=%u slot=%u #%" PRId64 "->#%" PRId64, e->frame, e->slot, e->a, e->b);
        break;
    case EV_PUSH:
    case EV_POP:
        fprintf(fp, " frame=%u #%" PRId64 " depth=%" PRId64, e->frame, e->a, e->b);
        break;
    case EV_FRAME_PUSH:
    case EV_FRAME_POP:
        fprintf(fp, " frame=%u addr=%#" PRIx64 " size=%" PRId64, e->frame, (uint64_t)e->a, e->b);
        break;
    case EV_TRACK:
        fprintf(fp, " obj=#%u %s", e->obj, tn);
        break;
    case EV_UNTRACK:
        fprintf(fp, " obj=#%u %s gen=%s", e->obj, tn, list_name(e->a));
        break;
    case EV_GC_COUNT:
        fprintf(fp, " gen=%u %" PRId64 "->%" PRId64, e->slot, e->a, e->b);
        break;
    case EV_GC_PHASE:
        fprintf(fp, " %s gen=%" PRId64, gc_phase_names[e->slot], e->a);
        break;
    case EV_GC_MOVE:
        fprintf(fp, " obj=#%u %s %s->%s", e->obj, tn, list_name(e->a), list_name(e->b));
        break;
    case EV_GC_MERGE:
        fprintf(fp, " %s->%s objects=%" PRIu64, list_name(e->a), list_name(e->b), e->c);
        break;
    case EV_GC_DONE:
        fprintf(fp, " gen=%" PRId64 " collected=%" PRId64, e->a, e->b);
        break;
    case EV_GC_CONFIG:
        fprintf(fp, " %s %" PRId64 "->%" PRId64,
                e->slot < GC_NSETTINGS ? gc_setting_names[e->slot] : "?", e->a, e->b);
        break;
    case EV_RESIZE:
        fprintf(fp, " obj=#%u %s len %" PRId64 "->%" PRId64, e->obj, tn, e->a, e->b);
        break;
    case EV_ROOT:
        fprintf(fp, " obj=#%u %s %s roots=%" PRId64, e->obj, tn, e->a ? "added" : "taken",
                e->b);
        break;
    case EV_IO:
        fprintf(fp, " pending #%" PRId64 "->#%u bytes=%" PRId64, e->a, e->obj, e->b);
        break;
    case EV_SWAP:
        fprintf(fp, " frame=%u i=%u #%" PRId64 "<->#%" PRId64, e->frame, e->slot, e->a, e->b);
        break;
    case EV_WEAKREF:
        fprintf(fp, " obj=#%u %s referent=#%" PRId64, e->obj, tn, e->a);
        break;
    case EV_ITER:
        fprintf(fp, " obj=#%u %s index %" PRId64 "->%" PRId64 " stop=%" PRId64, e->obj, tn, e->a,
                e->b, (int64_t)e->c);
        break;
    case EV_LINE:
        fprintf(fp, " %" PRId64, e->a);
        break;
    case EV_RAISE:
        fprintf(fp, " %s", exc_names[e->a]);
        break;
    case EV_END:
        fprintf(fp, " status=%" PRId64, e->a);
        break;
    case EV_WRITE: {
        fputs(" \"", fp);
        for (int64_t i = 0; i < e->b; i++) {
            unsigned char c = (unsigned char)m->out[e->a + i];
            if (c == '\n') {
                fputs("\\n", fp);
            } else if (c == '"' || c == '\\') {
                fprintf(fp, "\\%c", c);
            } else if (c < 0x20 || c == 0x7f) {
                fprintf(fp, "\\x%02x", c);
            } else {
                fputc(c, fp);
            }
        }
        fputc('"', fp);
        break;
    }
    default:
        break;
    }
    fputc('\n', fp);
}

int
cli_trace(int argc, char **argv)
{
    VmLimits lim = {VM_DEFAULT_MAX_STEPS, VM_DEFAULT_MAX_HEAP, NULL, NULL, 0};
    int r = cli_limit_options(argc, argv, &lim, "trace");

    if (r != 0) {
        return r;
    }
    if (cli_operands(argc, argv, 1, 1, "FILE", "trace") != 0) {
        return 2;
    }
    FILE *out = checked_stream();
    r = run_file_events(argv[optind], NULL, trace_event, out, &lim);
    checked_stream_close(out);
    return r;
}

/* ------------------------------------------------------------------ */
/* pymemsim run FILE                                                  */

static volatile sig_atomic_t interrupted;

static void
on_sigint(int signo)
{
    (void)signo;
    interrupted = 1;
}

/* Ctrl-C raises KeyboardInterrupt in the program, as in CPython. */
static VmPollResult
run_poll(void *ctx)
{
    (void)ctx;
    if (interrupted) {
        interrupted = 0;
        return VM_INTERRUPT;
    }
    return VM_GO_ON;
}

int
cli_run(int argc, char **argv)
{
    VmLimits lim = {0, VM_DEFAULT_MAX_HEAP, run_poll, NULL, 0};
    struct sigaction sa, old;
    int r = cli_limit_options(argc, argv, &lim, "run");

    if (r != 0) {
        return r;
    }
    if (cli_operands(argc, argv, 1, 1, "FILE", "run") != 0) {
        return 2;
    }
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    int installed = sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler != SIG_IGN
                    && sigaction(SIGINT, &sa, NULL) == 0;
    FILE *out = checked_stream();
    int status = run_file(argv[optind], out, &lim);
    checked_stream_close(out);
    if (installed) {
        sigaction(SIGINT, &old, NULL);
    }
    if (status == 130 && installed) {
        /* End as CPython does after KeyboardInterrupt: by the signal. */
        fflush(stdout);
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
    return status;
}
