#!/bin/sh
# cli.sh: the command line: --help and help COMMAND, --version, one
# message per bad option, -- and - (standard input), strict numbers,
# write errors on standard output, a terminal that cannot move the
# cursor, exit statuses.
set -u
: "${PYMEMSIM:?PYMEMSIM must name the binary}"
srcdir=$(cd "${srcdir:-.}" && pwd) || exit 99
fail=0
dir=$(mktemp -d /tmp/pmcli.XXXXXX) || exit 99
trap 'rm -rf "$dir"' EXIT
trap 'exit 99' HUP INT TERM
out=$dir/out err=$dir/err
commands="run trace dump snapshot check lessons machine help"

bad() { echo "FAIL $*"; fail=1; }
t() {  # t NAME EXPECTED-STATUS COMMAND...
    name=$1; want=$2; shift 2
    "$@" >"$out" 2>"$err"
    got=$?
    if [ "$got" -ne "$want" ]; then
        bad "$name: exit $got, expected $want"; cat "$err"
        return 1
    fi
    echo "ok   $name"
}
# usage NAME CMD MESSAGE ARG...: exit 2, nothing on stdout, and on stderr
# exactly "pymemsim: CMD: MESSAGE" (no "CMD: " for CMD "") and the hint.
usage() {
    name=$1; cmd=$2; msg=$3; shift 3
    if [ -n "$cmd" ]; then
        printf "pymemsim: %s: %s\nTry 'pymemsim %s --help' for more information.\n" \
            "$cmd" "$msg" "$cmd" >"$dir/want"
    else
        printf "pymemsim: %s\nTry 'pymemsim --help' for more information.\n" "$msg" >"$dir/want"
    fi
    "$PYMEMSIM" "$@" </dev/null >"$out" 2>"$err"
    got=$?
    if [ $got -ne 2 ] || [ -s "$out" ] || ! cmp -s "$dir/want" "$err"; then
        bad "$name: exit $got, expected 2 and on stderr only:"; cat "$dir/want"
        echo "---- got:"; cat "$err"
    else
        echo "ok   $name"
    fi
}

cd "$dir" || exit 99
printf 'print(1)\n' >one.py
printf 'def f(x):\n    return x // 0\n\nprint("before")\nf(3)\n' >raise.py
printf 'x = (\n' >syntax.py
printf 'for i in range(500):\n    print(i)\n' >many.py
printf 'for i in range(20000):\n    print(i)\n' >big.py  # more than a pipe holds
printf 'print("dash")\n' >./-dash.py
# trace: a self-referencing list found by the collector, phase by phase.
printf 'import gc\ngc.disable()\na = []\na.append(a)\ndel a\nprint(gc.collect())\n' >cycle.py

# ---- help and version ----------------------------------------------
t help 0 "$PYMEMSIM" --help
grep -q '^Usage: pymemsim' "$out" || bad "help: no usage line"
for c in $commands; do
    grep -q "^  $c " "$out" || bad "help: command $c not listed"
done
tr -s ' \n' '  ' <"$out" >"$dir/flat"
for want in \
    '--max-steps N stop the program after N instructions (default 50,000,000 for everything but run; 0 for none)' \
    '--max-heap SIZE simulated memory at which MemoryError is raised (default 1G; 0 for none)'; do
    grep -qF -- "$want" "$dir/flat" || bad "help: no '$want'"
done
"$PYMEMSIM" -h >"$dir/h" && cmp -s "$out" "$dir/h" || bad "-h differs from --help"
"$PYMEMSIM" help >"$dir/h" && cmp -s "$out" "$dir/h" || bad "help differs from --help"
for c in $commands; do
    t "$c --help" 0 "$PYMEMSIM" $c --help || continue
    grep -q "^Usage: pymemsim $c" "$out" || bad "$c --help: no usage line"
    grep -q '^Exit status' "$out" || bad "$c --help: no exit status"
    [ -s "$err" ] && bad "$c --help: printed on stderr"
    "$PYMEMSIM" $c -h >"$dir/h" && cmp -s "$out" "$dir/h" || bad "$c -h differs from --help"
    "$PYMEMSIM" help $c >"$dir/h" && cmp -s "$out" "$dir/h" || bad "help $c differs from $c --help"
done
t "dump --help after options" 0 "$PYMEMSIM" dump --at 3 --help
grep -q '^Usage: pymemsim dump' "$out" || bad "dump --at 3 --help: no usage"
usage "help of an unknown command" help "unknown command 'frob'" help frob
usage "help of two commands" help "extra operand 'dump'" help run dump
t version 0 "$PYMEMSIM" --version
grep -q '^pymemsim [0-9]' "$out" || bad "version: no version line"

# ---- one message per bad option -------------------------------------
usage "bad option" "" "unrecognized option '--no-such-option'" --no-such-option
for c in $commands; do
    usage "$c --frob" $c "unrecognized option '--frob'" $c --frob one.py
    usage "$c -Z" $c "invalid option -- 'Z'" $c -Z one.py
done
usage "missing argument" dump "option '--at' requires an argument" dump one.py --at
usage "missing argument of pymemsim" "" "option '--theme' requires an argument" --theme
usage "ambiguous prefix" snapshot \
    "option '--a' is ambiguous; possibilities: '--at' '--ansi' '--ascii'" snapshot --a 3 one.py
usage "ambiguous prefix of pymemsim" "" \
    "option '--max' is ambiguous; possibilities: '--max-steps' '--max-heap'" --max 3 one.py
usage "an argument not wanted" snapshot "option '--ansi' doesn't allow an argument" \
    snapshot --ansi=yes one.py
t "a unique prefix" 0 "$PYMEMSIM" dump --a end one.py
usage "missing FILE" run "missing FILE operand" run
usage "missing LESSON" check "missing LESSON operand" check
usage "two FILEs" trace "extra operand 'one.py'" trace one.py one.py
usage "operand of machine" machine "extra operand 'x'" machine x
usage "operand of lessons" lessons "extra operand 'x'" lessons x
usage "unknown command" "" "unknown command 'frobnicate'" frobnicate
usage "option of the session before a command" "" \
    "--theme is an option of 'pymemsim FILE', not of 'run'" --theme mono run one.py
usage "- for the session" "" \
    "the full-screen session reads its keys from standard input, so it cannot read FILE from it" -

# ---- strict numbers -------------------------------------------------
for v in -1 ' 5' +5 5x 0x10 1e3 '' 18446744073709551616 99999999999999999999999; do
    usage "--max-steps '$v'" run "--max-steps wants a number (0 for no limit), not '$v'" \
        run --max-steps "$v" one.py
    usage "--at '$v'" dump "--at wants a step number or 'end', not '$v'" dump --at "$v" one.py
done
for v in -1 ' 1G' +1G 1T 1GB 1G1 17179869184G 18446744073709551616; do
    usage "--max-heap '$v'" trace "--max-heap wants a size such as 1G (0 for no limit), not '$v'" \
        trace --max-heap "$v" one.py
done
for v in 0 -1 ' 1M' 1X; do
    usage "--history-cap '$v'" dump "--history-cap wants a size such as 512M, not '$v'" \
        dump --history-cap "$v" one.py
done
for v in 4294967297x1 120x40junk 0x10 10x0 1001x10 10x1001 -5x10 ' 80x24' +80x24 80x+24 80 x24 80x; do
    usage "--size '$v'" snapshot "--size wants WIDTHxHEIGHT such as 120x40, each 1 to 1000, not '$v'" \
        snapshot --size "$v" one.py
done
t "--size 1x1" 0 "$PYMEMSIM" snapshot --size 1x1 one.py
t "--size 1000X1000" 0 "$PYMEMSIM" snapshot --size 1000X1000 one.py
t "good numbers" 0 "$PYMEMSIM" dump --at 007 --max-steps 0 --max-heap 2g --history-cap 64k one.py

# ---- -- and - ----------------------------------------------------------
t "run -- FILE" 0 "$PYMEMSIM" run -- -dash.py
[ "$(cat "$out")" = dash ] || bad "run -- FILE: output '$(cat "$out")'"
usage "a FILE like an option" run "invalid option -- 'd'" run -dash.py
t "dump --at 3 -- FILE" 0 "$PYMEMSIM" dump --at 3 -- one.py
"$PYMEMSIM" -- one.py </dev/null >"$out" 2>"$err"
st=$?
[ $st -eq 2 ] && grep -q 'must be a terminal' "$err" ||
    bad "pymemsim -- FILE: exit $st, not the session's refusal: $(cat "$err")"
t "run - raises" 1 "$PYMEMSIM" run - <raise.py
"$PYMEMSIM" run - <many.py >"$dir/a" 2>&1
"$PYMEMSIM" run many.py >"$dir/b" 2>&1
cmp -s "$dir/a" "$dir/b" && echo "ok   run - prints what run FILE prints" || bad "run - differs from run FILE"
"$PYMEMSIM" run - <raise.py >"$out" 2>"$err"
grep -q '^  File "<stdin>", line 5, in <module>$' "$err" &&
    grep -q '^  File "<stdin>", line 2, in f$' "$err" &&
    echo "ok   tracebacks name standard input <stdin>" ||
    { bad "traceback of run -:"; cat "$err"; }
if command -v python3 >/dev/null 2>&1; then
    # CPython cannot read <stdin> again for the source lines under each
    # frame: compare the rest.
    python3 - <raise.py >"$dir/py.out" 2>"$dir/py.err"
    grep -v '^    ' "$dir/py.err" >"$dir/py.tb"
    grep -v '^    ' "$err" >"$dir/pm.tb"
    cmp -s "$out" "$dir/py.out" && cmp -s "$dir/py.tb" "$dir/pm.tb" &&
        echo "ok   run - as python3 -" ||
        { bad "run - differs from python3 -:"; diff "$dir/py.tb" "$dir/pm.tb"; }
fi
"$PYMEMSIM" run - <syntax.py >"$out" 2>"$err"
st=$?
[ $st -eq 2 ] && grep -q '^pymemsim: <stdin>:1:5: ' "$err" || bad "syntax error from -: exit $st: $(cat "$err")"
t "trace -" 0 "$PYMEMSIM" trace - <one.py
grep -q '^write "1"$' "$out" || bad "trace -: no write event"
t "dump -" 0 "$PYMEMSIM" dump --at end - <one.py
grep -q '"file": "-"' "$out" || bad "dump -: no file"
t "snapshot -" 0 "$PYMEMSIM" snapshot --size 60x10 - <one.py
grep -q 'print(1)' "$out" || bad "snapshot -: no source"
lesson=$srcdir/tests/data/lessons/01-quiz.py
# check reads its lesson twice (to load it and to run it): from - too.
t "check -" 0 "$PYMEMSIM" check - <"$lesson"
grep -q '^-: ok, 2 expects, 2 questions$' "$out" || bad "check -: $(cat "$out")"
"$PYMEMSIM" run - </ >"$out" 2>"$err"
st=$?
[ $st -eq 2 ] && grep -q '^pymemsim: -: Is a directory$' "$err" || bad "run - </: exit $st: $(cat "$err")"

# ---- exit statuses and messages ------------------------------------
t machine 0 "$PYMEMSIM" machine
grep -q 'thresholds (700, 10, 10)' "$out" || bad "machine: thresholds"
t no-args 0 "$PYMEMSIM"
grep -q 'thresholds (700, 10, 10)' "$out" || bad "no args: not the machine"
t trace 0 "$PYMEMSIM" trace cycle.py
for want in 'gc.phase update_refs gen=2' 'gc.phase subtract_refs gen=2' \
        'gc.refs obj=#[0-9]* list 1->0' 'gc.move obj=#[0-9]* list gen2->unreachable' \
        'gc.done gen=2 collected=1' 'write "1' 'line 6'; do
    grep -q "^$want" "$out" || bad "trace: no line '$want'"
done
# The collector's settings are machine state: each change is an event.
printf 'import gc\ngc.disable()\ngc.set_threshold(500, 5, 5)\ngc.set_debug(0)\ngc.freeze()\ngc.enable()\n' >gcconf.py
t "trace gc settings" 0 "$PYMEMSIM" trace gcconf.py
for want in 'gc.config enabled 1->0' 'gc.config threshold0 700->500' \
        'gc.config threshold1 10->5' 'gc.config threshold2 10->5' 'gc.config debug 0->0' \
        'gc.merge gen0->permanent objects=' 'gc.config enabled 0->1'; do
    grep -q "^$want" "$out" || bad "trace gc settings: no line '$want'"
done
# --verify: nothing changes the machine outside a primitive.
printf 'x = 1\ny = x\nz = [x, y]\n' >plain.py
t "run --verify" 0 "$PYMEMSIM" run --verify=1 plain.py
t "run --verify gc settings" 0 "$PYMEMSIM" run --verify=1 gcconf.py
# An iterator's position is machine state too: each step is an event.
printf 'import weakref\ndef f():\n    pass\nd = {"a": 1}\nfor k in d:\n    r = weakref.ref(f)\nfor i in range(2):\n    pass\ndel f\nprint(r())\n' >iters.py
t "trace iterators" 0 "$PYMEMSIM" trace iters.py
for want in 'iter obj=#[0-9]* dict_keyiterator index 0->1 stop=1' \
        'iter obj=#[0-9]* range_iterator index 1->2 stop=0'; do
    grep -q "^$want" "$out" || bad "trace iterators: no line '$want'"
done
t "run --verify iterators" 0 "$PYMEMSIM" run --verify=1 iters.py
usage "--verify x" run "--verify wants a number of events (1 for every one, 0 for none), not 'x'" \
    run --verify x one.py
t run-missing 2 "$PYMEMSIM" run no-such-file.py
grep -q "^pymemsim: no-such-file.py: No such file or directory" "$err" || bad "run-missing: message"
t "run raises" 1 "$PYMEMSIM" run raise.py
t "run stopped" 1 "$PYMEMSIM" run --max-steps 100 many.py
grep -q 'stopped after 100 instructions' "$err" || bad "run stopped: message"

# ---- write errors ------------------------------------------------------
if [ -w /dev/full ]; then
    # full CMD...: exit 1 and exactly the write error on stderr.
    full() {
        "$PYMEMSIM" "$@" >/dev/full 2>"$err"
        st=$?
        if [ $st -ne 1 ] || [ "$(grep -v '^  \|^Traceback\|^ZeroDivision' "$err")" != \
                "pymemsim: write error: No space left on device" ]; then
            bad "$* >/dev/full: exit $st:"; cat "$err"
        else
            echo "ok   $* >/dev/full"
        fi
    }
    full run one.py
    full run many.py
    full run raise.py
    full trace one.py
    full dump one.py
    full snapshot one.py
    full lessons
    full machine
    full --help
    full --version
    full help dump
    full dump --help
    t "nothing written, nothing to fail" 2 "$PYMEMSIM" run syntax.py
    "$PYMEMSIM" run syntax.py >/dev/full 2>"$err"
    [ $? -eq 2 ] && ! grep -q 'write error' "$err" || bad "run syntax.py >/dev/full: $(cat "$err")"
fi
"$PYMEMSIM" run one.py >&- 2>"$err"
[ $? -eq 1 ] && grep -q '^pymemsim: write error: Bad file descriptor$' "$err" || bad "run >&-: $(cat "$err")"
printf 'x = 1\n' >silent.py
"$PYMEMSIM" run silent.py >&- 2>"$err"
[ $? -eq 0 ] && [ ! -s "$err" ] || bad "stdout closed, nothing written: $(cat "$err")"
# A reader that goes away: no message (SIGPIPE ignored, so EPIPE).
for c in "run big.py" "trace many.py"; do
    (trap '' PIPE; { "$PYMEMSIM" $c 2>"$err"; echo $? >"$dir/st"; } | head -n 1 >/dev/null)
    [ "$(cat "$dir/st")" = 1 ] && [ ! -s "$err" ] && echo "ok   $c | head: quiet" ||
        { bad "$c | head: exit $(cat "$dir/st"):"; cat "$err"; }
done

# ---- a terminal that cannot move the cursor ------------------------
if command -v script >/dev/null 2>&1; then
    for args in one.py ""; do
        TERM=dumb timeout 20 script -qec "'$PYMEMSIM' $args" /dev/null </dev/null >"$out" 2>&1
        st=$?
        if [ $st -eq 2 ] && grep -q "^pymemsim: the terminal 'dumb' cannot move the cursor; the full-screen session needs one (try TERM=xterm-256color, or use 'pymemsim snapshot' for text)" "$out"; then
            echo "ok   TERM=dumb pymemsim $args: refused"
        else
            bad "TERM=dumb pymemsim $args: exit $st:"; cat "$out"
        fi
    done
else
    echo "skip TERM=dumb: no script(1)"
fi
exit $fail
