#!/bin/sh
# errors.sh: malformed and unsupported programs, and programs that fail
# at run time.
#
# tests/errors/syntax/*.py start with `# error: LINE:COL: MESSAGE'; pymemsim
# must print exactly `pymemsim: FILE:LINE:COL: MESSAGE' on stderr, nothing
# on stdout, and exit 2.
#
# tests/errors/runtime/*.py have .out (stdout) and .err (stderr) produced by
# CPython 3.11 (tests/errors/regen.py; CPython's caret lines under the
# failing expression are left out, as pymemsim does not draw them); pymemsim
# must match both, up to addresses, and exit with the status in .code.
set -u
: "${PYMEMSIM:?PYMEMSIM must name the binary}"
src=${srcdir:-.}/tests/errors
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
for f in "$src"/syntax/*.py; do
    name=$(basename "$f")
    spec=$(sed -n '1s/^# error: //p' "$f")
    want="pymemsim: $name:$spec"
    (cd "$(dirname "$f")" && env -u PYTHONUNBUFFERED "$PYMEMSIM" run "$name" </dev/null >"$tmp/out" 2>"$tmp/err")
    code=$?
    got=$(cat "$tmp/err")
    if [ "$code" -eq 2 ] && [ "$got" = "$want" ] && [ ! -s "$tmp/out" ]; then
        echo "PASS syntax/$name"
        pass=$((pass + 1))
    else
        echo "FAIL syntax/$name (exit $code)"
        echo "  expected: $want"
        echo "  got:      $got"
        fail=$((fail + 1))
    fi
done
rtdir=$(cd "$src/runtime" && pwd)
for f in "$src"/runtime/*.py; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .py)
    (cd "$rtdir" && env -u PYTHONUNBUFFERED "$PYMEMSIM" run "$name.py" </dev/null >"$tmp/out" 2>"$tmp/err")
    code=$?
    want=$(cat "$src/runtime/$name.code")
    # Addresses (0x...) differ between any two runs; the folder is {DIR}.
    sed "s|{DIR}|$rtdir|g; s/0x[0-9a-f][0-9a-f]*/0xADDR/g" "$src/runtime/$name.err" >"$tmp/want"
    sed 's/0x[0-9a-f][0-9a-f]*/0xADDR/g' "$tmp/err" >"$tmp/got"
    if [ "$code" -eq "$want" ] && cmp -s "$tmp/out" "$src/runtime/$name.out" \
        && cmp -s "$tmp/got" "$tmp/want"; then
        echo "PASS runtime/$name"
        pass=$((pass + 1))
    else
        echo "FAIL runtime/$name (exit $code, expected $want)"
        diff -u "$src/runtime/$name.out" "$tmp/out" | head -10
        diff -u "$tmp/want" "$tmp/got" | head -20
        fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
