#!/bin/sh
# lessons.sh: the course passes `pymemsim check', prints under pymemsim
# exactly what it prints under CPython 3.11, and every malformed lesson
# of tests/bad-lessons is refused with its exact message and location.
set -u
: "${PYMEMSIM:?PYMEMSIM must name the binary}"
srcdir=${srcdir:-.}
top=$(cd "$srcdir" && pwd)
out=$(pwd)/lessons.out
fail=0

# Malformed lessons: exit 2, the message of NAME.err, nothing on stdout.
n=0
cd "$top/tests/bad-lessons" || exit 1
for f in *.py; do
    n=$((n + 1))
    "$PYMEMSIM" check "$f" >"$out" 2>"$out.err"
    st=$?
    if [ $st -ne 2 ]; then
        echo "FAIL bad $f: exit $st, expected 2"; fail=1
    elif [ -s "$out" ]; then
        echo "FAIL bad $f: printed on stdout"; fail=1
    elif ! cmp -s "$out.err" "${f%.py}.err"; then
        echo "FAIL bad $f: message differs"; diff "${f%.py}.err" "$out.err"; fail=1
    else
        echo "ok   bad $f: $(cat "$out.err")"
    fi
done
[ $n -ge 25 ] || { echo "FAIL only $n malformed lessons"; fail=1; }

# The course.
cd "$top" || exit 1
set -- lessons/*.py
if [ ! -e "$1" ] || [ $# -lt 14 ]; then
    echo "FAIL the course has $# lessons, wants 14"; fail=1
else
    "$PYMEMSIM" check "$@" >"$out" 2>"$out.err" || {
        echo "FAIL pymemsim check lessons/*.py"; cat "$out" "$out.err"; fail=1; }
    cat "$out"
    # The same output as CPython 3.11 (where it is installed).
    if python3 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
        for f in "$@"; do
            python3 "$f" >"$out.py" 2>&1
            "$PYMEMSIM" run "$f" >"$out.sim" 2>&1
            if cmp -s "$out.py" "$out.sim"; then
                echo "ok   $f prints what python3 prints"
            else
                echo "FAIL $f: pymemsim run and python3 differ"; diff "$out.py" "$out.sim" | head; fail=1
            fi
        done
    else
        echo "SKIP comparing with CPython: python3 is not 3.11 here"
    fi
fi
rm -f "$out" "$out.err" "$out.py" "$out.sim"
exit $fail
