#!/bin/sh
# deep.sh: inputs nested deeper or grown larger than any teaching program,
# each of which once crashed the host's stack or loaded in quadratic
# time.  Too-deep source ends as CPython 3.11 ends it (MemoryError from
# its parser past 6000 levels, RecursionError "during compilation" past
# 3000 nodes, at the depths python3 gives, measured), with FILE:LINE:COL
# and exit 2; too-deep data raises RecursionError at run time; a lesson
# expression nested past 100 levels is refused; big programs and lessons
# load in linear time.
#
# PYMEMSIM_SANITIZERS=1: the same sizes, with time bounds for the slower
# build.
set -u
: "${PYMEMSIM:?PYMEMSIM must name the binary}"
san=${PYMEMSIM_SANITIZERS:-0}
srcdir=$(cd "${srcdir:-.}" && pwd)
dir=$(mktemp -d /tmp/pmdeep.XXXXXX) || exit 99
trap 'rm -rf "$dir"' EXIT
trap 'exit 99' HUP INT TERM
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }
cd "$dir" || exit 99

# rep N TEXT: TEXT N times, no newline.
rep() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

# compile_error NAME WANT: NAME.py refused, exit 2, nothing on stdout,
# stderr one line `pymemsim: NAME.py:L:C: WANT...'.
compile_error() {
    "$PYMEMSIM" run "$1.py" >out 2>err
    st=$?
    if [ $st -eq 2 ] && [ ! -s out ] && grep -q "^pymemsim: $1\\.py:[0-9]*:[0-9]*: $2" err \
       && [ "$(wc -l <err)" -eq 1 ]; then
        ok "$1: $(cut -c1-100 err)"
    else
        bad "$1: exit $st, expected 2 and '$2'"; head -c 300 err; echo
    fi
}

# runtime_error NAME WANT: NAME.py ends with the traceback's last line WANT, exit 1.
runtime_error() {
    "$PYMEMSIM" run "$1.py" >out 2>err
    st=$?
    if [ $st -eq 1 ] && [ "$(tail -n 1 err)" = "$2" ]; then
        ok "$1: $2"
    else
        bad "$1: exit $st, expected 1 and '$2'"; tail -n 3 err | cut -c1-200
    fi
}

# runs NAME OUTPUT: NAME.py runs to its end printing OUTPUT.
runs() {
    "$PYMEMSIM" run "$1.py" >out 2>err
    st=$?
    if [ $st -eq 0 ] && [ "$(cat out)" = "$2" ]; then
        ok "$1 runs"
    else
        bad "$1: exit $st, output $(head -c 100 out)"; head -c 300 err
    fi
}

# ---- the parser: CPython's MemoryError past 6000 levels -------------
{ printf 'x = '; rep 100000 -; echo 1; } >unary.py
compile_error unary "MemoryError: nested too deeply for CPython's parser"
{ printf 'x = '; rep 100000 'not '; echo x; } >not.py
compile_error not "MemoryError"
{ printf 'x = '; rep 100000 '1 ** '; echo 1; } >power.py
compile_error power "MemoryError"
awk 'BEGIN { print "x = 1\nif x == 0:\n    pass"; for (i = 0; i < 100000; i++) print "elif x == 0:\n    pass" }' >elif.py
compile_error elif "MemoryError"
{ printf 'x = '; rep 100000 '['; rep 100000 ']'; echo; } >brackets.py
compile_error brackets "too many nested parentheses"

# ---- the compiler: RecursionError past 3000 nodes deep --------------
{ printf 'x = '; rep 100000 '1 + '; echo 1; } >sum.py
compile_error sum "RecursionError: maximum recursion depth exceeded during compilation"
{ printf 'def f():\n    return f\nx = f'; rep 100000 '()'; echo; } >calls.py
compile_error calls "RecursionError: maximum recursion depth exceeded during compilation"
{ printf 'a = [0]\nx = a'; rep 100000 '[0]'; echo; } >subscripts.py
compile_error subscripts "RecursionError: maximum recursion depth exceeded during compilation"
{ printf 'import sys\nx = sys'; rep 100000 '.a'; echo; } >attributes.py
compile_error attributes "RecursionError: maximum recursion depth exceeded during compilation"

# ---- the boundaries, as python3 3.11 draws them ---------------------
{ printf 'x = '; rep 2998 -; printf '1\nprint(x)\n'; } >unary2998.py
runs unary2998 1
{ printf 'x = '; rep 2999 -; echo 1; } >unary2999.py
compile_error unary2999 "RecursionError: maximum recursion depth exceeded during compilation"
{ printf 'x = '; rep 5967 -; echo 1; } >unary5967.py
compile_error unary5967 "RecursionError"
{ printf 'x = '; rep 5968 -; echo 1; } >unary5968.py
compile_error unary5968 "MemoryError"
{ printf 'x = '; rep 2983 '1 ** '; printf '1\nprint(x)\n'; } >power2983.py
runs power2983 1
{ printf 'x = '; rep 2984 '1 ** '; echo 1; } >power2984.py
compile_error power2984 "MemoryError"
{ printf 'x = '; rep 2998 '1 + '; printf '1\nprint(x)\n'; } >sum2998.py
runs sum2998 2999
{ printf 'x = '; rep 199 '('; printf 1; rep 199 ')'; printf '\nprint(x)\n'; } >parens199.py
runs parens199 1
{ printf 'x = '; rep 201 '('; printf 1; rep 201 ')'; echo; } >parens201.py
compile_error parens201 "too many nested parentheses"

# ---- literals -------------------------------------------------------
{ printf 'x = '; rep 4300 7; printf '\nprint(x %% 1000)\n'; } >digits4300.py
runs digits4300 777
{ printf 'x = '; rep 5000000 1; echo; } >digits.py
compile_error digits "Exceeds the limit (4300 digits) for integer string conversion: value has 5000000 digits"
{ printf 'x = 0x'; rep 1000000 f; printf '\nprint(x %% 1000)\n'; } >hex.py
runs hex 375
{ printf 'x = 1 < '; rep 100000 '2 < '; printf '3\nprint(x)\n'; } >chain.py
runs chain False

# ---- run time -------------------------------------------------------
printf 'a = []\nfor i in range(100000):\n    a = [a]\nprint(repr(a))\n' >repr.py
runtime_error repr "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
printf 'd = {}\nfor i in range(100000):\n    d = {1: d}\nprint(d)\n' >reprdict.py
runtime_error reprdict "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
printf 'a = []\nb = []\nfor i in range(1000000):\n    a = [a]\n    b = [b]\nprint(a == b)\n' >equal.py
runtime_error equal "RecursionError: maximum recursion depth exceeded in comparison"
printf 't = ()\nfor i in range(1000000):\n    t = (t,)\nd = {t: 1}\n' >hash.py
runtime_error hash "RecursionError: maximum recursion depth exceeded while hashing a tuple"
printf 't = ()\nfor i in range(100000):\n    t = (t,)\nd = {t: 1}\nprint(len(d), t in d)\n' >hash100k.py
runs hash100k "1 True"
# A chain deeper than the repr cycle guard ever held, ending in a cycle.
printf 'a = []\nb = a\nfor i in range(300):\n    b.append([])\n    b = b[0]\nb.append(a)\nprint(len(repr(a)))\n' >cycle.py
runs cycle 607

# ---- JSON of strings that are not UTF-8 ------------------------------
printf 's = "x\\ud800y\\udfff"\nt = ("\\ud83d", "\\ud83d\\ude00")\n' >surrogates.py
"$PYMEMSIM" dump surrogates.py --at end >out 2>err
st=$?
if [ $st -eq 0 ] && iconv -f UTF-8 -t UTF-8 out >/dev/null 2>&1 \
   && grep -q '"x\\ud800y\\udfff"' out && grep -q '"\\ud83d"' out; then
    ok "dump writes lone surrogates as \\udXXX, in valid UTF-8"
else
    bad "dump of lone surrogates: exit $st"; grep -a -o '"x[^"]*"' out | head -3; head -c 300 err
fi

# ---- every event drawn ----------------------------------------------
# A step of one event shows objects allocated but not yet made.
keys=$(rep 2500 n)
for view in "" V m; do
    "$PYMEMSIM" snapshot "$srcdir/tests/data/every_event.py" --by event --keys "$view$keys" \
        >out 2>err
    st=$?
    if [ $st -eq 0 ] && [ -s out ] && [ ! -s err ]; then
        ok "every event drawn${view:+ (view key $view)}"
    else
        bad "every event drawn${view:+ (view key $view)}: exit $st"; tail -n 5 err
    fi
done

# ---- lesson expressions ---------------------------------------------
lesson() {
    printf '#: title: Deep\n#: summary: Nested.\n#: level: 1\n#:\n#: A lesson.\nx = [1]\n'
    printf '#@ expect %s\ny = 2\n' "$1"
}
lesson "$(rep 100000 '('; printf 'refcount(x)'; rep 100000 ')'; printf ' == 1')" >parens-lesson.py
lesson "$(rep 100000 'not '; printf 'refcount(x) == 1')" >not-lesson.py
lesson "$(rep 100000 '1 + '; printf 'refcount(x) == 1')" >sum-lesson.py
lesson "$(rep 100000 '- '; printf 'refcount(x) == 1')" >neg-lesson.py
for f in parens not sum neg; do
    "$PYMEMSIM" check "$f-lesson.py" >out 2>err
    st=$?
    if [ $st -eq 2 ] && grep -q "^pymemsim: $f-lesson\\.py:7:[0-9]*: expression nested too deeply (more than 100 levels)" err; then
        ok "$f-lesson: $(cut -c1-90 err)"
    else
        bad "$f-lesson: exit $st"; head -c 300 err
    fi
done
lesson "$(rep 99 '('; printf 'refcount(x)'; rep 99 ')'; printf ' == 1')" >parens99-lesson.py
if "$PYMEMSIM" check parens99-lesson.py >out 2>err; then ok "99 parentheses in a lesson"; else bad "99 parentheses"; cat err; fi

# ---- loading in linear time -----------------------------------------
# limit SECONDS CMD...: CMD's status in $st and the processor time it took
# (user and system, as `times' reports it: not slowed by other tests
# running at once) in $ms; the bound $lim is SECONDS, ten times that
# with sanitizers.
limit() {
    lim=$1; shift
    [ "$san" = 1 ] && lim=$((lim * 10))
    sh -c '"$@" >out 2>err; echo $? >status; times >times' sh "$@"
    st=$(cat status)
    ms=$(awk 'NR == 2 { n = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); n += a[1] * 60 + a[2] }
                        printf "%d", n * 1000 }' times)
}
awk 'BEGIN { for (i = 0; i < 1000000; i++) print "a = 1" }' >million.py
limit 2 "$PYMEMSIM" run million.py
if [ $st -eq 0 ] && [ $ms -le $((lim * 1000)) ]; then ok "1,000,000 statements in $ms ms"; else bad "1,000,000 statements: exit $st, $ms ms (limit $lim s)"; head -3 err; fi
{ printf 'x = 1'; rep 200000 ', 1'; printf '\nprint(len(x))\n'; } >tuple.py
limit 2 "$PYMEMSIM" run tuple.py
if [ $st -eq 0 ] && [ "$(cat out)" = 200001 ] && [ $ms -le $((lim * 1000)) ]; then ok "a 200,001-item tuple display in $ms ms"; else bad "tuple display: exit $st, $ms ms"; head -3 err; fi
awk 'BEGIN { printf "x = {"; for (i = 0; i < 200000; i++) printf "%d: %d, ", i, i; print "}"; print "print(len(x))" }' >dict.py
limit 2 "$PYMEMSIM" run dict.py
if [ $st -eq 0 ] && [ "$(cat out)" = 200000 ] && [ $ms -le $((lim * 1000)) ]; then ok "a 200,000-key dict display in $ms ms"; else bad "dict display: exit $st, $ms ms"; head -3 err; fi
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "v%d = %d\n", i, i; print "print(v199999)" }' >names.py
limit 4 "$PYMEMSIM" run names.py
if [ $st -eq 0 ] && [ "$(cat out)" = 199999 ] && [ $ms -le $((lim * 1000)) ]; then ok "200,000 names in $ms ms"; else bad "200,000 names: exit $st, $ms ms"; head -3 err; fi
awk 'BEGIN { print "#: title: Long\n#: summary: Long.\n#: level: 1\n#:"
             for (i = 0; i < 150000; i++) print "#: A line of narrative that goes on."
             print "x = [1]\n#@ expect refcount(x) == 1\ny = 2" }' >long-lesson.py
limit 2 "$PYMEMSIM" check long-lesson.py
if [ $st -eq 0 ] && [ $ms -le $((lim * 1000)) ]; then ok "a 150,000-line lesson in $ms ms"; else bad "150,000-line lesson: exit $st, $ms ms"; head -3 err; fi

exit $fail
