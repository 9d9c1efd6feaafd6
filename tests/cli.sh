#!/bin/sh
# cli.sh: the command line: --help, --version, exit codes and messages.
set -u
: "${PYMEMSIM:?PYMEMSIM must name the binary}"
fail=0
t() {  # t NAME EXPECTED-STATUS COMMAND...
    name=$1; want=$2; shift 2
    "$@" >cli.out 2>cli.err
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL $name: exit $got, expected $want"; cat cli.err; fail=1
    else
        echo "ok   $name"
    fi
}
t help 0 "$PYMEMSIM" --help
grep -q '^Usage: pymemsim' cli.out || { echo "FAIL help: no usage line"; fail=1; }
t version 0 "$PYMEMSIM" --version
grep -q '^pymemsim [0-9]' cli.out || { echo "FAIL version: no version line"; fail=1; }
t bad-option 2 "$PYMEMSIM" --no-such-option
grep -q "Try 'pymemsim --help'" cli.err || { echo "FAIL bad-option: no hint"; fail=1; }
t bad-command 2 "$PYMEMSIM" frobnicate
grep -q "unknown command 'frobnicate'" cli.err || { echo "FAIL bad-command: message"; fail=1; }
t machine 0 "$PYMEMSIM" machine
grep -q 'thresholds (700, 10, 10)' cli.out || { echo "FAIL machine: thresholds"; fail=1; }
t no-args 0 "$PYMEMSIM"
# trace: a self-referencing list found by the collector, phase by phase.
printf 'import gc\ngc.disable()\na = []\na.append(a)\ndel a\nprint(gc.collect())\n' >cli.py
t trace 0 "$PYMEMSIM" trace cli.py
for want in 'gc.phase update_refs gen=2' 'gc.phase subtract_refs gen=2' \
        'gc.refs obj=#[0-9]* list 1->0' 'gc.move obj=#[0-9]* list gen2->unreachable' \
        'gc.done gen=2 collected=1' 'write "1"' 'line 6'; do
    grep -q "^$want" cli.out || { echo "FAIL trace: no line '$want'"; fail=1; }
done
t run-missing 2 "$PYMEMSIM" run no-such-file.py
grep -q "^pymemsim: no-such-file.py: No such file or directory" cli.err \
    || { echo "FAIL run-missing: message"; fail=1; }
rm -f cli.py
rm -f cli.out cli.err
exit $fail
