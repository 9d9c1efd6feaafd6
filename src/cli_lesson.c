/*
 * cli_lesson.c: `pymemsim check LESSON...' and `pymemsim lessons'.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lesson/lesson.h"

int
cli_check(int argc, char **argv)
{
    VmLimits lim = {VM_DEFAULT_MAX_STEPS, VM_DEFAULT_MAX_HEAP, NULL, NULL, 0};
    int status = cli_limit_options(argc, argv, &lim, "check");

    if (status != 0) {
        return status;
    }
    if (cli_operands(argc, argv, 1, -1, "LESSON", "check") != 0) {
        return 2;
    }
    for (int i = optind; i < argc; i++) {
        char err[512];
        Lesson *l = lesson_load(argv[i], err, sizeof err);
        if (l == NULL) {
            if (err[0] != '\0') {
                fprintf(stderr, "pymemsim: %s\n", err);
            }
            status = 2;
            continue;
        }
        LessonRun r;
        if (lesson_run(l, &r, &lim) < 0) {
            lesson_free(l);
            status = 2;
            continue;
        }
        int failures = lesson_report(l, &r, stderr);
        size_t expects = 0, asks = 0;
        for (size_t k = 0; k < l->ndirs; k++) {
            expects += l->dirs[k].kind == DIR_EXPECT;
            asks += l->dirs[k].kind == DIR_ASK;
        }
        if (r.verify_failures != 0) {
            fprintf(stderr, "pymemsim: %s: the machine changed outside a primitive %" PRIu64
                    " times (--verify)\n", argv[i], r.verify_failures);
            failures++;
        }
        if (r.status == 2) {
            fprintf(stderr, "pymemsim: %s: stopped after %" PRIu64 " instructions (--max-steps)\n",
                    argv[i], r.ninstr);
            failures++;
        } else if (r.status != 0) {
            fprintf(stderr, "pymemsim: %s: the program ended with an exception\n", argv[i]);
            failures++;
        }
        if (failures == 0) {
            printf("%s: ok, %zu expects, %zu questions\n", argv[i], expects, asks);
        } else {
            printf("%s: %d failed\n", argv[i], failures);
            if (status == 0) {
                status = 1;
            }
        }
        lesson_run_done(&r);
        lesson_free(l);
    }
    return status;
}

int
cli_lessons(int argc, char **argv)
{
    LessonList ll;
    int r = cli_help_only(argc, argv, "lessons");

    if (r != 0) {
        return r;
    }
    lessons_find(&ll);
    if (ll.n == 0) {
        printf("No lessons found (PYMEMSIM_LESSONS, XDG data directories, %s/lessons).\n",
               PKGDATADIR);
    }
    for (size_t i = 0; i < ll.n; i++) {
        Lesson l;
        char err[512];
        if (lesson_header(ll.paths[i], &l, err, sizeof err) < 0) {
            printf("%-28s (unreadable: %s)\n", ll.paths[i], err);
            continue;
        }
        int right, total;
        int done = progress_get(l.id, &right, &total);
        printf("%-28s level %d  %s%s\n    %s\n    %s\n", l.id, l.level, l.title,
               done ? "  [done]" : "", l.summary, ll.paths[i]);
        lesson_header_done(&l);
    }
    lessons_list_done(&ll);
    return 0;
}
