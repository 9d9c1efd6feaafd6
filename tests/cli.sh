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
rm -f cli.out cli.err
exit $fail
