#!/bin/sh
# tui.sh: `pymemsim FILE' on a real terminal.  The binary runs in a
# detached tmux session of fixed size; after each group of keys the pane
# must show exactly what `pymemsim snapshot --keys' prints for the same
# keys and size (trailing blanks aside).  Also: resizing, mouse clicks
# and the wheel, the exit status after q and after signals, the terminal
# given back afterwards (the alternate screen gone, nothing printed),
# NO_COLOR and the themes, ASCII lines in a non-UTF-8 locale, and the
# errors printed before the terminal is touched.  Skipped (77) without
# tmux or a C.UTF-8 locale.
set -u
: "${PYMEMSIM:?PYMEMSIM must name the binary}"
srcdir=${srcdir:-.}
prog=$srcdir/tests/diff/050_rc_tuple.py
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
fail=0
esc=$(printf '\033')

# A short directory: a socket's path must fit in sun_path (108 bytes).
dir=$(mktemp -d /tmp/pmtui.XXXXXX) || exit 99
sock=$dir/s
T() { tmux -S "$sock" -f /dev/null "$@"; }
cleanup() {
    [ -S "$sock" ] && T kill-server 2>/dev/null
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 99' HUP INT TERM

# ---- before the terminal is touched -------------------------------
"$PYMEMSIM" "$dir/no-such-file.py" </dev/null >"$dir/out" 2>"$dir/err"
st=$?
if [ $st -ne 2 ] || [ -s "$dir/out" ] || ! grep -q 'no-such-file.py: No such file' "$dir/err"; then
    echo "FAIL missing file: exit $st, expected 2 and a message only on stderr"; cat "$dir/err"; fail=1
else
    echo "ok   missing file: exit 2, nothing on stdout"
fi
"$PYMEMSIM" "$prog" </dev/null >"$dir/out" 2>"$dir/err"
st=$?
if [ $st -ne 2 ] || [ -s "$dir/out" ] || ! grep -q '^pymemsim: .*terminal' "$dir/err"; then
    echo "FAIL not a terminal: exit $st, expected 2 and a message only on stderr"; cat "$dir/err"; fail=1
else
    echo "ok   not a terminal: exit 2, nothing on stdout"
fi
"$PYMEMSIM" --theme purple "$prog" </dev/null >/dev/null 2>"$dir/err"
st=$?
if [ $st -ne 2 ] || ! grep -q "^pymemsim: --theme wants" "$dir/err"; then
    echo "FAIL bad theme: exit $st"; cat "$dir/err"; fail=1
fi

if ! command -v tmux >/dev/null 2>&1; then
    echo "SKIP: tmux is not installed"
    [ $fail -eq 0 ] && exit 77
    exit 1
fi
if ! locale -a 2>/dev/null | grep -qix 'c\.utf-\{0,1\}8'; then
    echo "SKIP: no C.UTF-8 locale"
    [ $fail -eq 0 ] && exit 77
    exit 1
fi
unset TMUX                      # a tmux of our own even inside one
SHELL=/bin/sh; export SHELL

# The pane's program: record the pid, run pymemsim (env execs it, so the
# pid is its own) with stderr to a file, then the exit status, then a
# marker on the terminal, and stay so that the pane can be read.  The
# shell ignores nothing (a trap is reset by exec), but survives Ctrl-C.
pane='trap : INT
d=$1; shift
unset NO_COLOR LINES COLUMNS
sh -c "echo \$\$ >\"\$0/pid\"; exec env \"\$@\"" "$d" "$@" 2>"$d/stderr"
echo $? >"$d/status"
echo "pymemsim exited"
exec sleep 600'

# start NAME VAR=VALUE... -- OPTION...: pymemsim [OPTION]... $prog in a
# new 120x40 session called NAME, TERM=xterm-256color LC_ALL=C.UTF-8
# and the variables given in its environment.
start() {
    name=$1; shift
    envs="TERM=xterm-256color LC_ALL=C.UTF-8"
    while [ $# -gt 0 ] && [ "$1" != -- ]; do envs="$envs $1"; shift; done
    [ $# -gt 0 ] && shift
    mkdir -p "$dir/$name"
    # shellcheck disable=SC2086
    T new-session -d -s "$name" -x 120 -y 40 sh -c "$pane" pane "$dir/$name" \
        $envs "$PYMEMSIM" "$@" "$prog" || { echo "SKIP: tmux cannot start"; exit 77; }
    sent=
}

# screen NAME [-e]: the pane's text, trailing blanks dropped.
screen() {
    T capture-pane -p -t "$@" | sed 's/ *$//'
}

# wait_for NAME REGEX: poll the pane until REGEX shows (10 s at most).
wait_for() {
    i=0
    while [ $i -lt 100 ]; do
        screen "$1" | grep -q -- "$2" && return 0
        sleep 0.1; i=$((i + 1))
    done
    echo "FAIL $1: timed out waiting for /$2/; the screen:"; screen "$1"; fail=1
    return 1
}

# press NAME KEY...: send tmux keys and add them to $sent in the
# --keys syntax (tmux's names in angle brackets, characters as such).
press() {
    name=$1; shift
    for k in "$@"; do
        case $k in
        ?) T send-keys -t "$name" -l -- "$k"; sent=$sent$k ;;
        *) T send-keys -t "$name" "$k"; sent="$sent<$k>" ;;
        esac
    done
}

# check NAME SIZE [OPTION...]: the pane shows what `snapshot --keys
# $sent --size SIZE OPTION...' prints (polled until equal, 10 s at most).
check() {
    name=$1; size=$2; shift 2
    if [ -n "$sent" ]; then
        set -- --keys "$sent" "$@"
    fi
    if ! "$PYMEMSIM" snapshot "$prog" --size "$size" "$@" >"$dir/want.raw" 2>"$dir/snap.err"; then
        echo "FAIL $name: snapshot $* exits with an error:"; cat "$dir/snap.err"; fail=1
        return 1
    fi
    sed 's/ *$//' "$dir/want.raw" >"$dir/want"
    i=0
    while [ $i -lt 100 ]; do
        screen "$name" >"$dir/got"
        if cmp -s "$dir/want" "$dir/got"; then
            echo "ok   $name: '$sent' at $size"
            return 0
        fi
        sleep 0.1; i=$((i + 1))
    done
    echo "FAIL $name: after '$sent' at $size the pane differs from snapshot $*:"
    diff "$dir/want" "$dir/got" | head -30; fail=1
    return 1
}

# finish NAME STATUS: pymemsim ended with STATUS, printed nothing, and
# the terminal shows only the marker (the alternate screen is gone).
finish() {
    name=$1; want=$2
    wait_for "$name" '^pymemsim exited$' || return 1
    st=$(cat "$dir/$name/status" 2>/dev/null)
    if [ "$st" != "$want" ]; then
        echo "FAIL $name: exit status '$st', expected $want"; fail=1
    else
        echo "ok   $name: exit status $want"
    fi
    if [ -s "$dir/$name/stderr" ]; then
        echo "FAIL $name: pymemsim wrote to stderr:"; cat "$dir/$name/stderr"; fail=1
    fi
    left=$(screen "$name" | grep -v '^$')
    if [ "$left" != "pymemsim exited" ]; then
        echo "FAIL $name: the terminal was not given back; the screen:"; screen "$name"; fail=1
    else
        echo "ok   $name: the terminal is given back"
    fi
    T kill-session -t "$name"
}

# colours NAME: does the pane use colours (SGR 30-38, 40-48, 90-107)?
colours() {
    T capture-pane -p -e -t "$1" | grep -Eq "$esc\\[([0-9]*;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]"
}
# attribute NAME N: does the pane use SGR attribute N (1 bold, 7 reverse)?
attribute() {
    T capture-pane -p -e -t "$1" | grep -Eq "$esc\\[([0-9]*;)*$2[;m]"
}

# signal NAME SIG: send SIG to the pane's pymemsim.
signal() {
    kill -s "$2" "$(cat "$dir/$1/pid")"
}

# ---- a: stepping, panes, zoom, resize, help, q --------------------
start a --
wait_for a 'Source' || exit 1
check a 120x40
colours a || { echo "FAIL a: no colours in the default theme"; fail=1; }
press a n n n;        check a 120x40
press a p;            check a 120x40
press a e n;          check a 120x40
press a i n l;        check a 120x40
press a 5;            check a 120x40
press a n;            check a 120x40
press a g 4;          check a 120x40
press a Enter;        check a 120x40
press a Tab Tab;      check a 120x40
press a Down Enter;   check a 120x40
press a Tab;          check a 120x40
press a Enter;        check a 120x40
press a +;            check a 120x40
press a -;            check a 120x40
press a m;            check a 120x40
press a m;            check a 120x40
T resize-window -t a -x 40 -y 12
check a 40x12
T resize-window -t a -x 120 -y 40
check a 120x40
press a '?';          check a 120x40
press a Escape;       check a 120x40
press a q
finish a 0

# ---- b: the mouse, then Ctrl-C ------------------------------------
start b --
wait_for b 'Source' || exit 1
check b 120x40
# A click on the Heap's first object focuses the Heap and selects it,
# as Tab Tab Enter do; the wheel moves as Down does.  (SGR mouse
# reports, which xterm-256color's kmous announces; 1-based.)
"$PYMEMSIM" snapshot "$prog" --size 120x40 >"$dir/first"
row=$(awk '/handle +type/ { print NR + 1; exit }' "$dir/first")
if [ -z "$row" ]; then
    echo "FAIL b: no heap header in the snapshot"; fail=1
else
    # The column of its '#', counted in characters (the frame is UTF-8).
    col=$(sed -n "${row}s/#.*//p" "$dir/first" | tr -d '\n' | LC_ALL=C.UTF-8 wc -m)
    col=$((col + 1))
    T send-keys -t b -l "$esc[<0;$col;${row}M$esc[<0;$col;${row}m"
    sent='<Tab><Tab><Enter>'; check b 120x40
    T send-keys -t b -l "$esc[<65;$col;${row}M"
    sent="$sent<Down>"; check b 120x40
fi
T send-keys -t b C-c
finish b 130

# ---- c: NO_COLOR, the theme key, SIGHUP ---------------------------
start c NO_COLOR=1 --
wait_for c 'Source' || exit 1
check c 120x40
if colours c; then
    echo "FAIL c: colours despite NO_COLOR:"; T capture-pane -p -e -t c | grep -E "$esc\\[" | head -3 | od -c | head; fail=1
else
    echo "ok   c: no colours with NO_COLOR"
fi
attribute c 7 || { echo "FAIL c: no reverse video in the mono theme"; fail=1; }
press c V;            check c 120x40
colours c || { echo "FAIL c: no colours after V (the next theme, default)"; fail=1; }
signal c HUP
finish c 129

# ---- d: a non-UTF-8 locale (ASCII lines), --theme, SIGTERM -----------
start d LC_ALL=C -- --theme contrast
wait_for d 'Source' || exit 1
check d 120x40 --ascii --theme contrast
colours d || { echo "FAIL d: no colours in the contrast theme"; fail=1; }
screen d | grep -q '+-' || { echo "FAIL d: no ASCII frame in the C locale"; fail=1; }
press d n n;          check d 120x40 --ascii --theme contrast
signal d TERM
finish d 143

# ---- e: a terminal type curses does not know ----------------------
start e TERM=no-such-terminal --
wait_for e '^pymemsim exited$' || exit 1
st=$(cat "$dir/e/status")
if [ "$st" != 2 ] || ! grep -q "^pymemsim: .*no-such-terminal" "$dir/e/stderr"; then
    echo "FAIL e: unknown TERM: exit $st, expected 2 and a message:"; cat "$dir/e/stderr"; fail=1
else
    echo "ok   e: unknown TERM: exit 2 and a message"
fi
T kill-session -t e

exit $fail
