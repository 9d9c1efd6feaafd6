#!/bin/sh
# verify.sh: the state check (`pymemsim run --verify=N', machine.h
# machine_set_verify) on every differential program: nothing changes the
# machine outside a primitive.  Each program is checked at every event,
# except those where that takes over a second: these are checked after
# every 997th event (every 99,991st for 240_perf_loops, 40 million
# events).  The sanitizer build checks every program after every 7th
# event and the long ones ten times as sparsely.
set -u
: "${PYMEMSIM:?PYMEMSIM must name the binary}"
srcdir=${srcdir:-.}
san=${PYMEMSIM_SANITIZERS:-0}
dir=$srcdir/tests/diff
fail=0 n=0
err=$(mktemp "${TMPDIR:-/tmp}/pymemsim-verify.XXXXXX") || exit 99
trap 'rm -f "$err"' EXIT

# period FILE: how sparsely FILE is checked.
period() {
    case $1 in
    240_perf_loops.py) p=99991 ;;
    037_recursion.py | 098_del_chain_200.py | 099_del_trashcan_pairs.py \
    | 169_del_trashcan_dict_chain.py | 170_del_trashcan_instance_chain.py \
    | 171_del_trashcan_mixed_chain.py | 172_del_trashcan_tuple_chain.py \
    | 239_recursion_deep.py | 269_gc_auto_threshold0.py \
    | 281_gc_auto_gen2_25_percent.py | 287_gc_ring_10000_instances.py \
    | 288_gc_ring_10000_lists.py | 289_gc_cascade_off_cycle.py \
    | 290_gc_many_cycles_10000.py | 291_gc_old_chain_cascade.py \
    | 292_gc_saveall_big.py | 350_compare_repr_deep_lists.py) p=997 ;;
    *) p=1 ;;
    esac
    if [ "$san" = 1 ]; then
        if [ $p = 1 ]; then p=7; else p=$((p * 10 + 1)); fi
    fi
    echo $p
}

for path in "$dir"/*.py; do
    f=${path##*/}
    [ "$f" = regen.py ] && continue
    p=$(period "$f")
    n=$((n + 1))
    if env -u PYTHONUNBUFFERED "$PYMEMSIM" run --verify="$p" "$path" </dev/null >/dev/null 2>"$err"; then
        echo "ok   $f (every $p)"
    else
        echo "FAIL $f (every $p): $(cat "$err")"
        fail=1
    fi
done
echo "$n programs checked"
[ $n -gt 300 ] || { echo "FAIL only $n programs found in $dir"; fail=1; }
exit $fail
