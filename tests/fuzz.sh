#!/bin/sh
# fuzz.sh: every committed fuzz input (tests/fuzz/corpus/TARGET: what the
# fuzzers found and kept, crashes turned into tests) replayed through its
# target, built with the configured compiler (and sanitizers, when the
# build has them).  A crash or a sanitizer report fails the test; the
# json target also aborts on output that is not valid JSON and UTF-8.
set -u
srcdir=${srcdir:-.}
fail=0
for t in program lesson keys json; do
    d=$srcdir/tests/fuzz/corpus/$t
    n=$(find "$d" -type f | wc -l)
    if [ "$n" -eq 0 ]; then
        echo "FAIL $t: no inputs in $d"; fail=1; continue
    fi
    if ./tests/fuzz/replay_$t "$d" >/dev/null 2>fuzz-replay.err; then
        echo "ok   $t: $n inputs"
    else
        echo "FAIL $t"; tail -n 30 fuzz-replay.err; fail=1
    fi
done
rm -f fuzz-replay.err
exit $fail
