#!/bin/sh
# lesson-tui.sh: a student's walk through one lesson on a real terminal:
# the lesson menu (pymemsim without FILE), a lesson opened from it, its
# narrative, one question answered right and one wrong, the summary at
# the end, the progress saved and shown as done in the menu, q back to
# the menu and q out with the terminal restored.  In a detached tmux
# session of fixed size; skipped (77) without tmux or a C.UTF-8 locale.
set -u
: "${PYMEMSIM:?PYMEMSIM must name the binary}"
srcdir=${srcdir:-.}
lessons=$(cd "$srcdir/tests/data/lessons" && pwd)
fail=0
command -v tmux >/dev/null 2>&1 || { echo "SKIP: tmux is not installed"; exit 77; }
locale -a 2>/dev/null | grep -qix 'c\.utf-\{0,1\}8' || { echo "SKIP: no C.UTF-8 locale"; exit 77; }
unset TMUX
SHELL=/bin/sh; export SHELL

dir=$(mktemp -d /tmp/pmles.XXXXXX) || exit 99
sock=$dir/s
T() { tmux -S "$sock" -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$dir"' EXIT
trap 'exit 99' HUP INT TERM

T new-session -d -x 100 -y 32 \
    "env PYMEMSIM_LESSONS='$lessons' XDG_DATA_HOME='$dir/data' HOME='$dir' LC_ALL=C.UTF-8 \
TERM=xterm-256color '$PYMEMSIM' 2>'$dir/stderr'; echo \$? >'$dir/status'; echo 'pymemsim exited'; exec sleep 600"

# wait_for TEXT: poll the pane (5 s at most) until it shows TEXT.
wait_for() {
    i=0
    while [ $i -lt 50 ]; do
        T capture-pane -p >"$dir/screen" 2>/dev/null
        grep -qF -- "$1" "$dir/screen" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
step() {  # step WHAT TEXT KEYS...: send the keys, then expect TEXT
    what=$1; text=$2; shift 2
    [ $# -gt 0 ] && T send-keys "$@"
    if wait_for "$text"; then
        echo "ok   $what"
    else
        echo "FAIL $what: the screen does not show '$text'"; cat "$dir/screen"; fail=1
    fi
}

step "the menu lists the lesson" "A short quiz  (level 1)"
step "the menu shows its summary" "Two questions about one list"
step "Enter opens it: the introduction" "Step with n; questions stop you" Enter
step "n: the narrative of line 9" "A list, and a name for it." n n
step "the first question is asked" "How many references does the list have?" n n
T send-keys 2 Enter
step "answered right" "Right: refcount(a) is 2. a and b"
step "the check holds" "refcount(a) == 2"
step "on to the second question" "And now?" n n
T send-keys 5 Enter
step "answered wrong, with the true value and why" "Not quite: refcount(a) is 1. only a is left"
step "the end: the summary" "Questions: 1 right, 1 wrong, 0 skipped, of 2." n
step "a key closes the summary" "at the end" x
sleep 0.3
T capture-pane -p | grep -q 'Lesson complete' &&
    { echo "FAIL the summary is still shown after a key"; fail=1; }
step "q: back to the menu, the lesson marked done" "done, 1/2 right" q
grep -q '^01-quiz done 1/2$' "$dir/data/pymemsim/progress" 2>/dev/null &&
    echo "ok   progress saved under XDG_DATA_HOME" ||
    { echo "FAIL progress not saved"; cat "$dir/data/pymemsim/progress"; fail=1; }
step "q: out, the terminal restored" "pymemsim exited" q
[ "$(cat "$dir/status" 2>/dev/null)" = 0 ] && echo "ok   exit status 0" ||
    { echo "FAIL exit status $(cat "$dir/status" 2>/dev/null)"; fail=1; }
T capture-pane -p | grep -q 'pymemsim: lessons' &&
    { echo "FAIL the menu is still on the screen"; fail=1; }
[ -s "$dir/stderr" ] && { echo "FAIL printed on stderr:"; cat "$dir/stderr"; fail=1; }
exit $fail
