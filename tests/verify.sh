#!/bin/sh
# verify.sh: the state check (`pymemsim run --verify=1', machine.h
# machine_set_verify) on the differential programs that pass it: nothing
# changes the machine outside a primitive.  The list grows as the
# remaining payload writes of src/py become primitives (doc/design.md,
# "Primitives and the state check"); a program on it that fails is a
# regression.
set -u
: "${PYMEMSIM:?PYMEMSIM must name the binary}"
srcdir=${srcdir:-.}
dir=$srcdir/tests/diff
fail=0 n=0
err=$(mktemp "${TMPDIR:-/tmp}/pymemsim-verify.XXXXXX") || exit 99
trap 'rm -f "$err"' EXIT
for f in \
    001_print_basics.py \
    004_int_literals.py \
    005_int_arithmetic.py \
    007_bigint_pow.py \
    008_bigint_ops.py \
    010_bool_ops.py \
    012_while_break_continue.py \
    017_chained_assignment.py \
    020_function_defaults.py \
    022_global.py \
    033_is_vs_eq.py \
    042_rc_alias.py \
    044_rc_del.py \
    045_rc_local.py \
    046_rc_arguments.py \
    047_rc_return.py \
    048_rc_globals_locals.py \
    050_rc_tuple.py \
    053_rc_nested.py \
    060_rc_constants_module.py \
    061_rc_constants_function.py \
    062_rc_bigint_runtime.py \
    064_rc_pop_remove.py \
    065_rc_chained_unpack.py \
    069_rc_default_argument.py \
    070_rc_recursion.py \
    075_size_int_powers_of_ten.py \
    133_rc_constant_folding.py \
    134_rc_default_arg_objects.py \
    135_rc_dict_equal_key_kept.py \
    136_rc_equal_not_identical.py \
    138_rc_getrefcount_as_argument.py \
    144_rc_nested_call_args.py \
    182_size_dict_display_var_keys.py \
    200_gc_self_list.py \
    201_gc_self_dict.py \
    204_bigint_str_digit_limit.py \
    205_gc_list_dict_cycle.py \
    206_gc_tuple_cycle.py \
    209_gc_cycle_reachable.py \
    211_gc_untracked_in_garbage.py \
    214_str_case_unicode.py \
    215_str_find_count_ranges.py \
    216_str_literal_forms.py \
    218_str_named_escapes.py \
    219_str_replace_edge.py \
    221_str_startswith_tuple.py \
    222_str_strip_chars.py \
    234_operators_bool_repeat.py \
    251_gc_tracked_tuples.py \
    252_gc_tracked_nested_tuples.py \
    253_gc_tracked_dicts.py \
    254_gc_tracked_dict_full_only.py \
    257_gc_tracked_dict_with_tuple.py \
    261_gc_count_tuples.py \
    263_gc_count_freelist_cleared.py \
    264_gc_count_get_count_tuple.py \
    273_gc_gen_promotion_gen1.py \
    278_gc_freeze_counts.py \
    279_gc_freeze_then_collect.py \
    285_gc_referents_several.py \
    297_gc_thresholds_api.py \
    304_gc_count_print_args.py \
    351_int_literals.py \
    ; do
    n=$((n + 1))
    if env -u PYTHONUNBUFFERED "$PYMEMSIM" run --verify=1 "$dir/$f" </dev/null >/dev/null 2>"$err"; then
        echo "ok   $f"
    else
        echo "FAIL $f: $(cat "$err")"
        fail=1
    fi
done
echo "$n programs checked at every event"
exit $fail
