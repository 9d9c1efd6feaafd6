#!/bin/sh
# run.sh TARGET SECONDS: run the libFuzzer target tests/fuzz/fuzz_TARGET
# (built by `make fuzz', run from the build directory) for SECONDS, over
# the committed corpus tests/fuzz/corpus/TARGET and seeds from the tests
# and lessons.  New inputs go to fuzz-corpus/TARGET, a crash, hang or
# sanitizer report to fuzz-artifacts/ and a non-zero exit; the log is
# fuzz-TARGET.log, its last lines printed.  To keep a finding as a test,
# copy the artifact into tests/fuzz/corpus/TARGET (tests/fuzz.sh replays
# every file there in `make check').
set -u
[ $# -eq 2 ] || { echo "usage: $0 TARGET SECONDS" >&2; exit 2; }
t=$1
secs=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=tests/fuzz/fuzz_$t
[ -x "$bin" ] || { echo "$0: no $bin: run make fuzz first" >&2; exit 2; }
case $t in
    program) seeds="$top/tests/diff $top/tests/errors/syntax $top/tests/errors/runtime $top/lessons" ;;
    lesson)  seeds="$top/lessons $top/tests/bad-lessons" ;;
    keys)    seeds="" ;;
    json)    seeds="$top/tests/diff" ;;
    *) echo "$0: no target $t" >&2; exit 2 ;;
esac
dict=
[ -f "$top/tests/fuzz/$t.dict" ] && dict="-dict=$top/tests/fuzz/$t.dict"
# A key may replay the whole program (a search, a count of 999 steps):
# the keys target's inputs may take longer under the sanitizers.
timeout=10
[ "$t" = keys ] && timeout=30
mkdir -p "fuzz-corpus/$t" fuzz-artifacts
# shellcheck disable=SC2086
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 UBSAN_OPTIONS=print_stacktrace=1 \
    "$bin" -max_total_time="$secs" -timeout="$timeout" -rss_limit_mb=2560 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="fuzz-artifacts/$t-" $dict \
    "fuzz-corpus/$t" "$top/tests/fuzz/corpus/$t" $seeds >"fuzz-$t.log" 2>&1
st=$?
grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|stat::new_units_added)' \
    "fuzz-$t.log" | sed "s/^/$t: /"
grep -E '^#[0-9]+.*(cov|ft):' "fuzz-$t.log" | tail -n 1 | sed "s/^/$t: /"
if [ $st -ne 0 ]; then
    echo "$t: FAILED (exit $st); the end of fuzz-$t.log:"
    tail -n 40 "fuzz-$t.log"
    exit 1
fi
echo "$t: ok, $secs s"
