#!/bin/sh
# history.sh: `pymemsim dump' after key presses (forward M, back K) shows
# exactly the state `pymemsim dump --at M-K' shows, at every step size,
# on a dozen programs; and the dump's position, keys and errors.
set -u
: "${PYMEMSIM:?PYMEMSIM must name the binary}"
srcdir=${srcdir:-.}
fail=0
pos() {  # pos FILE SIZE: the steps of SIZE in the whole run
    "$PYMEMSIM" dump "$1" --at end |
        sed -n "s/.*\"position\": {.*\"$2\": \([0-9]*\),.*/\1/p"
}
repeat() {  # repeat KEY N: KEY written N times
    i=0; out=
    while [ $i -lt "$2" ]; do out=$out$1; i=$((i + 1)); done
    printf %s "$out"
}
key_of() { case $1 in event) echo e ;; instruction) echo i ;; line) echo l ;; esac; }
checked=0
for prog in 050_rc_tuple 100_del_function_locals 109_weakref_basic 117_class_instance_counter \
            147_rc_weakref_callback_held 180_size_dict_copy_after_delete 204_bigint_str_digit_limit \
            229_gc_tp_clear_attr_order 248_gc_saveall_children 287_gc_ring_10000_instances \
            011_if_elif_else 027_list_methods; do
    f=$srcdir/tests/diff/$prog.py
    for size in event instruction line; do
        total=$(pos "$f" "$size")
        if [ -z "$total" ] || [ "$total" -lt 3 ]; then
            echo "FAIL $prog: no $size steps in the dump of the end"; fail=1; continue
        fi
        k=$(key_of $size)
        # Single presses: forward up to 150, back a third of that, one
        # key at a time; then counts over the whole run: to the end and
        # back one, forward one and back one, all but one and back all.
        m1=$((total * 2 / 3)); [ $m1 -gt 150 ] && m1=150
        k1=$((m1 / 3))
        presses="$k$(repeat n $m1)$(repeat p $k1)"
        for mk in "$m1 $k1 $presses" "$total 1 $k${total}n1p" "1 1 ${k}n<Left>" \
                  "$((total - 1)) $((total - 1)) $k$((total - 1))<Right>$((total - 1))p"; do
            set -- $mk
            "$PYMEMSIM" dump "$f" --keys "$3" >hist.keys 2>hist.err || {
                echo "FAIL $prog $size: dump --keys exits $? (forward $1, back $2)"; cat hist.err; fail=1; }
            "$PYMEMSIM" dump "$f" --by $size --at $(($1 - $2)) >hist.at 2>hist.err || {
                echo "FAIL $prog $size: dump --at $(($1 - $2)) exits $?"; cat hist.err; fail=1; }
            if cmp -s hist.keys hist.at; then
                checked=$((checked + 1))
            else
                echo "FAIL $prog $size: forward $1 back $2 differs from --at $(($1 - $2))"
                diff hist.keys hist.at | head -6; fail=1
            fi
        done
    done
done
echo "ok   $checked key sequences equal their --at dumps"
[ "$checked" -ge 144 ] || { echo "FAIL only $checked comparisons"; fail=1; }

# The same point by the other keys: g N <Enter>, counts, <Right>/<Left>.
f=$srcdir/tests/diff/050_rc_tuple.py
"$PYMEMSIM" dump "$f" --by event --at 40 >hist.at
for keys in 'eg40<Enter>' 'e40g' 'e50<Right>10<Left>' 'e<End><Home>40n' 'i3ne37n'; do
    "$PYMEMSIM" dump "$f" --keys "$keys" >hist.keys 2>hist.err
    # i3ne37n: 3 instructions then 37 events is not event 40 in general:
    # compare positions only where the keys name event 40.
    case $keys in i3ne37n) continue ;; esac
    sed 's/"size": "[a-z]*"/"size": "event"/' hist.keys | cmp -s - hist.at ||
        { echo "FAIL keys $keys differ from --by event --at 40"; fail=1; }
done
echo "ok   other keys"

# Position and content at the start and at the end.
"$PYMEMSIM" dump "$f" >hist.out
grep -q '"schema": "pymemsim-dump/1"' hist.out || { echo "FAIL no schema"; fail=1; }
grep -q '"position": {"seq": 0, "event": 0, "instruction": 0, "line": 0' hist.out ||
    { echo "FAIL start position"; fail=1; }
"$PYMEMSIM" dump "$f" --at end >hist.out
grep -q '"ended": true' hist.out || { echo "FAIL end not ended"; fail=1; }
python3 "$f" >hist.py 2>/dev/null && {
    want=$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read()))' hist.py)
    grep -qF "\"output\": $want" hist.out || { echo "FAIL output at the end differs from python3's"; fail=1; }
}

# Errors: exit 2 and a message.
err() {  # err NAME ARGS...: must exit 2 with a message
    name=$1; shift
    "$PYMEMSIM" dump "$@" >hist.out 2>hist.err
    st=$?
    if [ $st -ne 2 ] || ! grep -q '^pymemsim: ' hist.err; then
        echo "FAIL error $name: exit $st"; cat hist.err; fail=1
    else
        echo "ok   error $name: $(head -1 hist.err)"
    fi
}
err unknown-key "$f" --keys 'nnz'
err bad-key-name "$f" --keys '<Rigth>'
err bad-at "$f" --at x
err bad-by "$f" --by word
err bad-cap "$f" --history-cap 12Q
err no-file --at 3
err missing-file /nonexistent.py
printf 'x = (\n' >hist_bad.py
err syntax hist_bad.py
grep -q 'hist_bad.py:1:5:' hist.err || { echo "FAIL syntax error location"; fail=1; }
rm -f hist.keys hist.at hist.err hist.out hist.py hist_bad.py
exit $fail
