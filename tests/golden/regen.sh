#!/bin/sh
# regen.sh PYMEMSIM: rewrite the golden snapshots from `cases' with the
# given binary, and say which changed.  Review every change by eye.
set -u
bin=${1:?usage: regen.sh PYMEMSIM}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../data" || exit 1
grep -v '^#' "$here/cases" | while read -r name prog args; do
    [ -n "$name" ] || continue
    # shellcheck disable=SC2086
    "$bin" snapshot "$prog" $args >"$here/$name.new" 2>&1
    if cmp -s "$here/$name.new" "$here/$name.txt"; then
        rm "$here/$name.new"
    else
        mv "$here/$name.new" "$here/$name.txt"
        echo "changed: $name"
    fi
done
