/*
 * fuzz.h: what the fuzz targets share.  Each target is one
 * LLVMFuzzerTestOneInput; `make fuzz' links it with libFuzzer (clang),
 * tests/fuzz/replay.c with a main that runs it over files (any
 * compiler: `make check' replays every corpus file).
 *
 * The loaders take a path, so an input is written to a memory file and
 * named /proc/self/fd/N.
 */
#ifndef PYMEMSIM_FUZZ_H
#define PYMEMSIM_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The inputs' limits: small, so that an input runs in milliseconds. */
#define FUZZ_MAX_STEPS 20000
#define FUZZ_MAX_HEAP  (UINT64_C(16) << 20)

/* A path whose contents are data[0..size). */
static inline const char *
fuzz_path(const uint8_t *data, size_t size)
{
    static int fd = -1;
    static char path[64];

    if (fd < 0) {
        fd = memfd_create("fuzz-input", 0);
        if (fd < 0) {
            perror("memfd_create");
            abort();
        }
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0 || (size > 0 && pwrite(fd, data, size, 0) != (ssize_t)size)) {
        perror("fuzz input");
        abort();
    }
    return path;
}

#endif
