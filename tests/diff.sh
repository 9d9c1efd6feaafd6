#!/bin/sh
# diff.sh: differential tests. Each tests/diff/NNN_topic.py is run with
# "pymemsim run"; its stdout must equal, byte for byte, what CPython 3.11
# printed (tests/diff/NNN_topic.out, made by tests/diff/regen.py), and it
# must exit with status 0.
#
# Environment: PYMEMSIM names the binary; srcdir is the source tree (it may
# be read-only; temporary files go in a mktemp -d directory).
# Usage: tests/diff.sh [NAME-OR-GLOB...]
#   With arguments, run only the programs they name: "007_bigint_pow",
#   "007_bigint_pow.py", "tests/diff/007_bigint_pow.py", "007", or a
#   quoted glob such as '05*' or '*_weakref_*'.
set -u
: "${PYMEMSIM:?PYMEMSIM must name the pymemsim binary}"
if [ -z "${srcdir:-}" ]; then
    srcdir=$(dirname "$0")/..
fi
dir=$srcdir/tests/diff
limit=60

if [ ! -d "$dir" ]; then
    echo "diff.sh: no directory $dir" >&2
    exit 99
fi
command -v timeout >/dev/null 2>&1 || {
    echo "diff.sh: the timeout command is needed" >&2
    exit 99
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pymemsim-diff.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Collect the programs to run, one path a line, in $tmp/list.
# add PATTERN: list the programs $dir/PATTERN matches; fail if none.
add() {
    added=1
    for f in "$dir"/$1; do
        [ -f "$f" ] || continue
        case ${f##*/} in
            [0-9][0-9][0-9]_*.py) echo "$f" >>"$tmp/list"; added=0 ;;
        esac
    done
    return $added
}
: >"$tmp/list"
if [ $# -eq 0 ]; then
    set -- '*'
fi
for arg in "$@"; do
    pat=${arg##*/}
    pat=${pat%.py}
    # A name or glob; failing that, a bare number such as 007.
    add "$pat.py" || add "${pat}_*.py" || {
        echo "diff.sh: no program matches '$arg'" >&2
        exit 99
    }
done

pass=0
failed=0
# Read the list on file descriptor 3 so that the programs' stdin stays
# /dev/null and cannot consume it.
while IFS= read -r f <&3; do
    name=${f##*/}
    name=${name%.py}
    expected=${f%.py}.out
    env -u PYTHONUNBUFFERED timeout "$limit" "$PYMEMSIM" run "$f" </dev/null >"$tmp/out" 2>"$tmp/err"
    status=$?
    why=
    if [ ! -f "$expected" ]; then
        why="no expected output $name.out"
    elif [ "$status" -eq 124 ]; then
        why="timed out after ${limit}s"
    elif [ "$status" -ne 0 ]; then
        why="exit status $status"
    elif ! cmp -s "$expected" "$tmp/out"; then
        why="stdout differs from CPython's"
    fi
    if [ -z "$why" ]; then
        echo "PASS $name"
        pass=$((pass + 1))
    else
        echo "FAIL $name: $why"
        failed=$((failed + 1))
        if [ -f "$expected" ]; then
            diff -u "$expected" "$tmp/out" |
                sed -e '1s/.*/--- expected (CPython 3.11)/' \
                    -e '2s/.*/+++ pymemsim run/' -e '20q'
        fi
        if [ -s "$tmp/err" ]; then
            echo "stderr:"
            sed -n '1,5p' "$tmp/err"
        fi
    fi
done 3<"$tmp/list"

echo "$pass passed, $failed failed"
if [ "$failed" -ne 0 ]; then
    exit 1
fi
exit 0
