#!/bin/sh
# runaway.sh: programs that never end or never stop growing.  The
# commands that step through a run (dump, snapshot, check, trace) stop
# at the default instruction budget with a message naming --max-steps;
# run has no budget but stops on Ctrl-C as CPython does; a program
# that grows without bound gets MemoryError at the heap limit, with the
# host's memory bounded; in the full-screen session any key stops a
# long move, Ctrl-C stops it without ending the session, and signals
# end it with the terminal restored.  The benchmark programs still run
# to their end under the default budget.
#
# PYMEMSIM_SANITIZERS=1 (a build with ASan): smaller limits where the
# defaults would only measure the sanitizer, and no memory figures.
set -u
: "${PYMEMSIM:?PYMEMSIM must name the binary}"
srcdir=${srcdir:-.}
san=${PYMEMSIM_SANITIZERS:-0}
fail=0
dir=$(mktemp -d /tmp/pmrun.XXXXXX) || exit 99
sock=$dir/s
T() { tmux -S "$sock" -f /dev/null "$@"; }
cleanup() {
    [ -S "$sock" ] && T kill-server 2>/dev/null
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 99' HUP INT TERM

ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }

printf 'while True:\n    pass\n' >"$dir/forever.py"
printf 'a = []\nwhile True:\n    a.append([0] * 1000)\n' >"$dir/grow.py"
printf 'class A:\n    def __init__(self):\n        while True:\n            pass\n\nprint("start")\na = A()\n' >"$dir/init.py"
printf 'class A:\n    def __del__(self):\n        while True:\n            pass\n\na = A()\ndel a\nprint("never")\n' >"$dir/del.py"
printf 'print(sum(range(10 ** 12)))\n' >"$dir/sum.py"
printf 'x = list(range(10 ** 9))\n' >"$dir/biglist.py"
cat >"$dir/forever-lesson.py" <<'EOF'
#: title: A loop without an end
#: summary: It never ends.
#: level: 1
#:
#: This lesson's loop has no way out.
n = 0
while True:
    n += 1
EOF

# secs CMD...: run CMD, set $st to its status and $took to whole seconds.
secs() {
    t0=$(date +%s)
    "$@" >"$dir/out" 2>"$dir/err"
    st=$?
    took=$(($(date +%s) - t0))
}

# ---- the budget -----------------------------------------------------
secs "$PYMEMSIM" dump "$dir/forever.py" --at end
if [ $st -eq 0 ] && [ $took -le 40 ] \
   && grep -q '^pymemsim: stopped after 50000000 instructions (--max-steps)$' "$dir/err" \
   && grep -q '"instruction": 50000000' "$dir/out"; then
    ok "dump --at end on an endless loop: stopped by the budget in ${took}s"
else
    bad "dump --at end on an endless loop: exit $st after ${took}s"; cat "$dir/err"
fi

secs "$PYMEMSIM" snapshot "$dir/forever.py" --keys '<End>' --size 100x30
if [ $st -eq 0 ] && [ $took -le 40 ] && grep -q 'stopped after 50000000 instructions' "$dir/out"; then
    ok "snapshot --keys '<End>' on an endless loop: the status line says so (${took}s)"
else
    bad "snapshot --keys '<End>' on an endless loop: exit $st after ${took}s"; cat "$dir/out" "$dir/err"
fi

secs "$PYMEMSIM" check "$dir/forever-lesson.py"
if [ $st -eq 1 ] && [ $took -le 40 ] \
   && grep -q "forever-lesson.py: stopped after 50000000 instructions (--max-steps)" "$dir/err"; then
    ok "check on an endless lesson: exit 1 naming it (${took}s)"
else
    bad "check on an endless lesson: exit $st after ${took}s"; cat "$dir/out" "$dir/err"
fi

secs "$PYMEMSIM" check --max-steps 1000 "$dir/forever-lesson.py"
if [ $st -eq 1 ] && grep -q "stopped after 1000 instructions" "$dir/err"; then
    ok "check --max-steps 1000"
else
    bad "check --max-steps 1000: exit $st"; cat "$dir/err"
fi

secs "$PYMEMSIM" trace --max-steps 500 "$dir/forever.py"
if [ $st -eq 1 ] && grep -q "stopped after 500 instructions" "$dir/err" \
   && [ "$(grep -c '^line' "$dir/out")" -ge 200 ]; then
    ok "trace --max-steps 500"
else
    bad "trace --max-steps 500: exit $st"; cat "$dir/err"
fi

secs "$PYMEMSIM" run --max-steps 100000 "$dir/forever.py"
if [ $st -eq 1 ] && grep -q "^pymemsim: .*forever.py: stopped after 100000 instructions (--max-steps)$" "$dir/err"; then
    ok "run --max-steps 100000"
else
    bad "run --max-steps 100000: exit $st"; cat "$dir/err"
fi

# Inside one instruction: Python code called from C, a built-in's loop.
for p in init del sum; do
    secs "$PYMEMSIM" dump "$dir/$p.py" --at end --max-steps 300000
    if [ $st -eq 0 ] && grep -q "stopped after 300000 instructions" "$dir/err"; then
        ok "dump --max-steps 300000 stops $p.py inside an instruction"
    else
        bad "dump --max-steps 300000 on $p.py: exit $st"; cat "$dir/err"
    fi
    secs "$PYMEMSIM" run --max-steps 300000 "$dir/$p.py"
    if [ $st -eq 1 ] && grep -q "stopped after 300000 instructions" "$dir/err" \
       && ! grep -q never "$dir/out"; then
        ok "run --max-steps 300000 stops $p.py inside an instruction"
    else
        bad "run --max-steps 300000 on $p.py: exit $st"; cat "$dir/out" "$dir/err"
    fi
done
secs "$PYMEMSIM" snapshot "$dir/init.py" --keys '<End>3p<End>' --max-steps 300000 --size 100x30
if [ $st -eq 0 ] && grep -q "stopped after 300000 instructions" "$dir/out"; then
    ok "snapshot: back and forth over a stop inside __init__"
else
    bad "snapshot back and forth over a stop inside __init__: exit $st"; cat "$dir/out" "$dir/err"
fi

# ---- the heap limit -------------------------------------------------
# peak CMD...: run CMD, $st its status, $kb the peak resident memory.
peak() {
    python3 - "$@" >"$dir/out" 2>"$dir/err" <<'EOF'
import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
sys.stdout.write("%d %d\n" % (r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
EOF
    read -r st kb <"$dir/out"
}
if [ "$san" = 1 ]; then heap="--max-heap 32M"; else heap=; fi
# shellcheck disable=SC2086
secs "$PYMEMSIM" run $heap "$dir/grow.py"
if [ $st -eq 1 ] && [ "$(tail -1 "$dir/err")" = MemoryError ] \
   && grep -q '    a.append(\[0\] \* 1000)' "$dir/err"; then
    ok "run: a list that grows for ever ends with MemoryError and its traceback"
else
    bad "run on a growing list: exit $st"; tail -5 "$dir/err"
fi
for p in biglist; do
    # shellcheck disable=SC2086
    secs "$PYMEMSIM" run $heap "$dir/$p.py"
    if [ $st -eq 1 ] && [ "$(tail -1 "$dir/err")" = MemoryError ]; then
        ok "run: $p.py raises MemoryError"
    else
        bad "run on $p.py: exit $st"; tail -5 "$dir/err"
    fi
done
if [ "$san" != 1 ]; then
    for cmd in "run" "dump --at end" "snapshot --keys <End>"; do
        # shellcheck disable=SC2086
        peak "$PYMEMSIM" $cmd "$dir/grow.py"
        want=1; [ "$cmd" != run ] && want=0
        if [ "$st" = $want ] && [ "$kb" -lt 1500000 ]; then
            ok "$cmd on a growing list: exit $st, peak $((kb / 1024)) MB"
        else
            bad "$cmd on a growing list: exit $st, peak $((kb / 1024)) MB"; cat "$dir/err"
        fi
    done
fi
if [ "$san" != 1 ]; then
    # Small objects: the host's table of objects counts towards the limit.
    printf 'a = []\nwhile True:\n    a.append(len(a) * 1000)\n' >"$dir/ints.py"
    peak "$PYMEMSIM" run "$dir/ints.py"
    if [ "$st" = 1 ] && [ "$kb" -lt 1100000 ]; then
        ok "run on a growing list of ints: MemoryError, peak $((kb / 1024)) MB"
    else
        bad "run on a growing list of ints: exit $st, peak $((kb / 1024)) MB"
    fi
fi
secs "$PYMEMSIM" run --max-heap 10x "$dir/grow.py"
[ $st -eq 2 ] && grep -q -- "--max-heap" "$dir/err" && ok "--max-heap 10x refused" \
    || { bad "--max-heap 10x: exit $st"; cat "$dir/err"; }

# ---- the benchmark programs end under the default budget -----------
bench=${PYMEMSIM_BENCH:-$srcdir/../shared/bench}
if [ "$san" != 1 ] && [ -d "$bench" ]; then
    for f in "$bench"/*.py; do
        secs "$PYMEMSIM" dump "$f" --at end --by instruction
        if [ $st -eq 0 ] && [ ! -s "$dir/err" ] && grep -q '"ended": true' "$dir/out"; then
            ok "$(basename "$f") runs to its end under the default budget"
        else
            bad "$(basename "$f") under the default budget: exit $st"; cat "$dir/err"
        fi
    done
else
    echo "skip the benchmark programs (sanitizers, or no $bench)"
fi

# ---- on a terminal --------------------------------------------------
if ! command -v tmux >/dev/null 2>&1 || ! locale -a 2>/dev/null | grep -qix 'c\.utf-\{0,1\}8'; then
    echo "skip the terminal: no tmux or no C.UTF-8 locale"
    exit $fail
fi
unset TMUX
SHELL=/bin/sh; export SHELL
pane='trap : INT
d=$1; shift
sh -c "echo \$\$ >\"\$0/pid\"; exec env \"\$@\"" "$d" "$@" 2>"$d/stderr"
echo $? >"$d/status"
echo "pymemsim exited"
exec sleep 600'

# start NAME COMMAND...: COMMAND in a new 100x30 session NAME.
start() {
    name=$1; shift
    mkdir -p "$dir/$name"
    T new-session -d -s "$name" -x 100 -y 30 sh -c "$pane" pane "$dir/$name" \
        TERM=xterm-256color LC_ALL=C.UTF-8 "$@" || { echo "skip: tmux cannot start"; exit $fail; }
}
screen() { T capture-pane -p -t "$1" | sed 's/ *$//'; }
# wait_for NAME REGEX [TENTHS]: poll the pane until REGEX shows.
wait_for() {
    i=0
    while [ $i -lt "${3:-100}" ]; do
        screen "$1" | grep -q -- "$2" && return 0
        sleep 0.1; i=$((i + 1))
    done
    bad "$1: timed out waiting for /$2/; the screen:"; screen "$1"
    return 1
}
status_is() {
    wait_for "$1" '^pymemsim exited$' || return 1
    got=$(cat "$dir/$1/status")
    if [ "$got" = "$2" ]; then ok "$1: exit status $2"; else bad "$1: exit $got, expected $2"; fi
    left=$(screen "$1" | grep -v '^$' | grep -v '^pymemsim exited$')
    [ "$3" = clean ] && [ -n "$left" ] && { bad "$1: the terminal was not given back:"; echo "$left"; }
    return 0
}
# still_running NAME: the pymemsim process is alive.
still_running() { kill -0 "$(cat "$dir/$1/pid")" 2>/dev/null; }

# <End> on an endless loop, then q: stopped at once, the session stays.
start endq "$PYMEMSIM" "$dir/forever.py"
wait_for endq 'Source' && T send-keys -t endq End
wait_for endq 'running: [0-9]* instructions.*any key stops' 30
T send-keys -t endq q
if wait_for endq 'interrupted at instruction' 10; then
    ok "endq: q stops the run within a second"
fi
still_running endq && ok "endq: the session stays after the stop" || bad "endq: it ended"
T send-keys -t endq q
status_is endq 0 clean

# Ctrl-C stops the run; Ctrl-C again, idle, ends the session with 130.
start endc "$PYMEMSIM" "$dir/forever.py"
wait_for endc 'Source' && T send-keys -t endc End
wait_for endc 'running: ' 30
T send-keys -t endc C-c
wait_for endc 'interrupted at instruction' 10 && ok "endc: Ctrl-C stops the run within a second"
still_running endc && ok "endc: the session stays after Ctrl-C" || bad "endc: it ended"
T send-keys -t endc C-c
status_is endc 130 clean

# A count that runs for ever (99999999n), stopped by any key; then back.
start count "$PYMEMSIM" "$dir/forever.py"
wait_for count 'Source' && T send-keys -t count -l 99999999n
wait_for count 'running: ' 30
T send-keys -t count -l x
wait_for count 'interrupted at instruction' 10 && ok "count: any key stops 99999999n"
T send-keys -t count -l p
wait_for count 'at line' 20
T send-keys -t count q
status_is count 0 clean

# SIGTERM and SIGHUP while a move runs: the terminal is given back.
for s in TERM:143 HUP:129; do
    sig=${s%:*}; want=${s#*:}
    start "sig$sig" "$PYMEMSIM" "$dir/forever.py"
    wait_for "sig$sig" 'Source' && T send-keys -t "sig$sig" End
    wait_for "sig$sig" 'running: ' 30
    kill "-$sig" "$(cat "$dir/sig$sig/pid")"
    status_is "sig$sig" "$want" clean
done

# A stop inside __init__ (a call from C): the program ends there.
start inner "$PYMEMSIM" "$dir/init.py"
wait_for inner 'Source' && T send-keys -t inner End
wait_for inner 'running: ' 30
T send-keys -t inner q
wait_for inner 'interrupted inside a call from C' 10 && ok "inner: a stop inside __init__ ends the run there"
T send-keys -t inner -l pp
T send-keys -t inner End
wait_for inner 'interrupted inside a call from C' 10
T send-keys -t inner q
status_is inner 0 clean

# run: Ctrl-C raises KeyboardInterrupt, as in CPython, and the exit
# status is CPython's.
start pyrun python3 "$dir/forever.py"
sleep 0.5
T send-keys -t pyrun C-c
wait_for pyrun 'pymemsim exited$' 50
start simrun "$PYMEMSIM" run "$dir/forever.py"
sleep 0.5
T send-keys -t simrun C-c
wait_for simrun 'pymemsim exited$' 50
if [ "$(cat "$dir/pyrun/status")" = "$(cat "$dir/simrun/status")" ] \
   && [ "$(tail -1 "$dir/simrun/stderr")" = KeyboardInterrupt ] \
   && [ "$(sed 's/line [0-9]*/line N/; /^    /d' "$dir/simrun/stderr")" = "$(sed 's/line [0-9]*/line N/; /^    /d' "$dir/pyrun/stderr")" ]; then
    ok "run: Ctrl-C gives KeyboardInterrupt and status $(cat "$dir/simrun/status"), as python3"
else
    bad "run: Ctrl-C: status $(cat "$dir/simrun/status") (python3 $(cat "$dir/pyrun/status"))"
    cat "$dir/simrun/stderr"; echo ---; cat "$dir/pyrun/stderr"
fi
exit $fail
