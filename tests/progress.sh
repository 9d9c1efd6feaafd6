#!/bin/sh
# progress.sh: the file of lessons done ($XDG_DATA_HOME/pymemsim/progress).
# Read: `pymemsim lessons' marks [done] exactly the lessons with a well
# formed record, whatever else the file holds (a line longer than any
# buffer with a record in its tail, signs, blanks, overflow, junk, no
# final newline).  Written: a lesson finished in the session (in tmux)
# replaces its own record and keeps every other line as it was, through
# a temporary file renamed over the old (none left behind, the mode
# kept); a data directory that cannot be written leaves the session
# going.  The session parts are skipped without tmux or a C.UTF-8 locale.
set -u
: "${PYMEMSIM:?PYMEMSIM must name the binary}"
srcdir=$(cd "${srcdir:-.}" && pwd) || exit 99
fail=0
dir=$(mktemp -d /tmp/pmprog.XXXXXX) || exit 99
sock=$dir/s
T() { tmux -S "$sock" -f /dev/null "$@"; }
cleanup() {
    [ -S "$sock" ] && T kill-server 2>/dev/null
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 99' HUP INT TERM
bad() { echo "FAIL $*"; fail=1; }

# ---- reading -----------------------------------------------------------
mkdir -p "$dir/data/pymemsim"
x511=$(printf '%511s' '' | tr ' ' x)
{
    echo "01-everything-is-an-object done 3/4"
    echo "${x511}02-the-stack-and-the-heap done 1/1"
    echo "03-reference-counting done 2x/3"
    echo "04-del-and-scope done 4294967297/5"
    echo "05-containers-hold-references done -1/3"
    echo "06-inside-the-private-heap done 1/2 extra"
    echo "07-how-big-is-an-object done  1/2"
    echo "08-shared-objects done +1/2"
    echo "09-reference-cycles done 1/2"
    echo "10-the-cycle-collector done 3/2"
    echo "11-generations done 1/"
    echo "13-weak-references done 1/2"
    echo "13-weak-references done 1/x"
    echo " 14-untracking done 1/2"
    printf '12-finalizers done 0/0'
} >"$dir/data/pymemsim/progress"
env PYMEMSIM_LESSONS="$srcdir/lessons" XDG_DATA_HOME="$dir/data" XDG_DATA_DIRS="$dir/none" \
    HOME="$dir" "$PYMEMSIM" lessons >"$dir/out" 2>"$dir/err"
st=$?
[ $st -eq 0 ] || bad "lessons: exit $st: $(cat "$dir/err")"
grep '\[done\]' "$dir/out" | cut -d' ' -f1 >"$dir/done"
printf '%s\n' 01-everything-is-an-object 09-reference-cycles 12-finalizers \
    13-weak-references >"$dir/want"
if cmp -s "$dir/want" "$dir/done"; then
    echo "ok   lessons: [done] only for well-formed records"
else
    bad "lessons: [done] for"; cat "$dir/done"
fi
[ "$(grep -c '^[0-9][0-9]-' "$dir/out")" -eq 15 ] || bad "lessons: not 15 lessons listed"

# ---- writing, in the session -------------------------------------------
if ! command -v tmux >/dev/null 2>&1; then
    echo "SKIP: tmux is not installed"
    exit $fail
fi
if ! locale -a 2>/dev/null | grep -qix 'c\.utf-\{0,1\}8'; then
    echo "SKIP: no C.UTF-8 locale"
    exit $fail
fi
unset TMUX
SHELL=/bin/sh; export SHELL
lesson=$srcdir/tests/data/lessons/01-quiz.py

wait_for() {  # wait_for TEXT: poll the pane (10 s at most) until it shows TEXT
    i=0
    while [ $i -lt 100 ]; do
        T capture-pane -p >"$dir/screen" 2>/dev/null
        grep -qF -- "$1" "$dir/screen" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
# finish DATA: the quiz in the session with XDG_DATA_HOME=DATA, to the
# end (one answer right, one wrong), then q; its exit status in $st.
finish() {
    rm -f "$dir/status"
    T new-session -d -x 100 -y 32 \
        "env XDG_DATA_HOME='$1' HOME='$dir' LC_ALL=C.UTF-8 TERM=xterm-256color \
'$PYMEMSIM' '$lesson' 2>'$dir/stderr'; echo \$? >'$dir/status'; echo 'pymemsim exited'; exec sleep 600"
    wait_for "Step with n" || { bad "the lesson did not open"; cat "$dir/screen"; }
    T send-keys n n n n
    wait_for "How many references" || bad "no first question"
    T send-keys 2 Enter n n
    wait_for "And now?" || bad "no second question"
    T send-keys 5 Enter n
    wait_for "Questions: 1 right, 1 wrong" || { bad "no summary"; cat "$dir/screen"; }
    cp "$dir/screen" "$dir/summary"
    T send-keys x q
    wait_for "pymemsim exited" || bad "the session did not end"
    st=$(cat "$dir/status" 2>/dev/null)
    T kill-server 2>/dev/null
}

# The quiz's old record replaced, every other line kept, in order.
mkdir -p "$dir/w/pymemsim"
{
    echo "${x511}01-quiz done 2/2"
    echo "01-quiz done 0/2"
    echo "junk line"
    echo "02-other done 1/1"
    echo "01-quiz done 9/x"
    printf 'no newline at the end'
} >"$dir/w/pymemsim/progress"
chmod 640 "$dir/w/pymemsim/progress"
finish "$dir/w"
[ "$st" = 0 ] || bad "session: exit $st: $(cat "$dir/stderr")"
{
    echo "${x511}01-quiz done 2/2"
    echo "junk line"
    echo "02-other done 1/1"
    echo "01-quiz done 9/x"
    echo "no newline at the end"
    echo "01-quiz done 1/2"
} >"$dir/want"
if cmp -s "$dir/want" "$dir/w/pymemsim/progress"; then
    echo "ok   the record replaced, the other lines kept"
else
    bad "progress file:"; diff "$dir/want" "$dir/w/pymemsim/progress"
fi
[ "$(ls "$dir/w/pymemsim")" = progress ] || bad "left behind: $(ls "$dir/w/pymemsim")"
[ "$(stat -c %a "$dir/w/pymemsim/progress")" = 640 ] || bad "mode not kept"

# No data directory yet: made, with one record.
finish "$dir/new/data"
[ "$st" = 0 ] || bad "session (new directory): exit $st"
[ "$(cat "$dir/new/data/pymemsim/progress" 2>/dev/null)" = "01-quiz done 1/2" ] &&
    echo "ok   the data directory made" || bad "no progress in a new directory"

# The data directory is a file: the progress cannot be saved, the
# session goes on to its end.
mkdir -p "$dir/ro"
echo "not a directory" >"$dir/ro/pymemsim"
finish "$dir/ro"
[ "$st" = 0 ] && echo "ok   unwritable progress: the session goes on" ||
    bad "session (unwritable): exit $st: $(cat "$dir/stderr")"
[ "$(cat "$dir/ro/pymemsim")" = "not a directory" ] || bad "the file in the way was changed"
if grep -q "progress not saved: .*pymemsim" "$dir/summary"; then
    echo "ok   unwritable progress: the status line says so"
else
    bad "unwritable progress: nothing on the status line:"; tail -2 "$dir/summary"
fi
exit $fail
