#!/bin/sh
# snapshot.sh: `pymemsim snapshot' shows exactly the checked-in screens
# of tests/golden (each pane, a collection mid-phase, zoom levels,
# selection, narrow and wide terminals, help, themes).
set -u
: "${PYMEMSIM:?PYMEMSIM must name the binary}"
srcdir=${srcdir:-.}
golden=$(cd "$srcdir/tests/golden" && pwd)
fail=0 n=0
cd "$srcdir/tests/data" || exit 1
while read -r name prog args; do
    case $name in ''|'#'*) continue ;; esac
    n=$((n + 1))
    # shellcheck disable=SC2086
    "$PYMEMSIM" snapshot "$prog" $args >"$OLDPWD/snap.out" 2>&1
    if cmp -s "$OLDPWD/snap.out" "$golden/$name.txt"; then
        echo "ok   $name"
    else
        echo "FAIL $name: differs from tests/golden/$name.txt"
        diff "$golden/$name.txt" "$OLDPWD/snap.out" | head -10
        fail=1
    fi
done <"$golden/cases"
rm -f "$OLDPWD/snap.out"
[ "$n" -ge 20 ] || { echo "FAIL only $n golden cases"; fail=1; }
exit $fail
