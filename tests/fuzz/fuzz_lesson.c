/*
 * fuzz_lesson.c: a lesson through the loader (header, narrative, labels,
 * directives and their expressions), and when it loads, its program run
 * under small limits with every expect and ask evaluated and reported.
 */
#include <config.h>

#include "fuzz.h"
#include "lesson/lesson.h"
#include "py/vm.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    if (devnull == NULL) {
        devnull = fopen("/dev/null", "w");
    }
    const char *path = fuzz_path(data, size);
    char err[512];
    Lesson header;
    if (lesson_header(path, &header, err, sizeof err) == 0) {
        lesson_header_done(&header);
    }
    Lesson *l = lesson_load(path, err, sizeof err);
    if (l == NULL) {
        return 0;
    }
    VmLimits lim = { FUZZ_MAX_STEPS, FUZZ_MAX_HEAP, NULL, NULL, 0 };
    LessonRun r;
    if (lesson_run(l, &r, &lim) == 0) {
        lesson_report(l, &r, devnull);
        for (size_t i = 0; i < r.n; i++) {
            char text[128];
            value_text(&r.f[i].value, text, sizeof text);
            (void)value_matches(&r.f[i].value, text);
        }
        lesson_run_done(&r);
    }
    lesson_free(l);
    return 0;
}
