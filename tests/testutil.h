/*
 * testutil.h: helpers shared by the Check programs.
 */
#ifndef PYMEMSIM_TESTUTIL_H
#define PYMEMSIM_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>

/* Open a file under the source tree (srcdir is set by the harness). */
static inline FILE *
open_srcfile(const char *rel)
{
    const char *srcdir = getenv("srcdir");
    char path[4096];

    snprintf(path, sizeof path, "%s/%s", srcdir ? srcdir : ".", rel);
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(99);
    }
    return fp;
}

/* Release a reference the test holds as a root. */
#define ROOT_DROP(m, h) do { \
        for (uint32_t i_ = 0; i_ < (m)->nroots; i_++) { \
            if ((m)->roots[i_] == (h)) { \
                (m)->roots[i_] = (m)->roots[--(m)->nroots]; \
                m_decref((m), (h)); \
                break; \
            } \
        } \
    } while (0)

#define CHECK_MACHINE(m) do { \
        char msg_[512]; \
        ck_assert_msg(machine_check((m), msg_, sizeof msg_) == 0, "machine_check: %s", msg_); \
    } while (0)

#endif
