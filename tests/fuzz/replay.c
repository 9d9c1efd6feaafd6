/*
 * replay.c: a main for the fuzz targets without libFuzzer: runs the
 * target once over each file named, or over each file of each directory
 * named.  `make check' replays the committed corpora this way, with
 * whatever compiler built the rest.
 */
#include <config.h>

#include <dirent.h>
#include <string.h>

#include "core/strbuf.h"
#include "fuzz.h"

static int
replay(const char *path)
{
    size_t n;
    char *data = sb_read_file(path, &n);

    if (data == NULL) {
        perror(path);
        return 1;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, n);
    free(data);
    return 0;
}

int
main(int argc, char **argv)
{
    int status = 0;
    long count = 0;

    for (int i = 1; i < argc; i++) {
        DIR *d = opendir(argv[i]);
        if (d == NULL) {
            status |= replay(argv[i]);
            count++;
            continue;
        }
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.') {
                continue;
            }
            StrBuf p;
            sb_init(&p);
            sb_printf(&p, "%s/%s", argv[i], e->d_name);
            status |= replay(p.s);
            sb_done(&p);
            count++;
        }
        closedir(d);
    }
    printf("%s: %ld inputs\n", argv[0], count);
    return status;
}
