#!/bin/sh
# verify.sh: the state check (`pymemsim run --verify=1', machine.h
# machine_set_verify) on the differential programs that pass it: nothing
# changes the machine outside a primitive.  The list grows as the
# remaining silent changes become primitives (doc/design.md, "Primitives
# and the state check"); a program on it that fails is a regression.
# 037_recursion, 239_recursion_deep, 292_gc_saveall_big and
# 350_compare_repr_deep_lists pass too, but take seconds each.
set -u
: "${PYMEMSIM:?PYMEMSIM must name the binary}"
srcdir=${srcdir:-.}
dir=$srcdir/tests/diff
fail=0 n=0
err=$(mktemp "${TMPDIR:-/tmp}/pymemsim-verify.XXXXXX") || exit 99
trap 'rm -f "$err"' EXIT
for f in \
    001_print_basics.py \
    002_print_containers.py \
    003_str_escapes.py \
    004_int_literals.py \
    005_int_arithmetic.py \
    006_floordiv_mod_negative.py \
    007_bigint_pow.py \
    008_bigint_ops.py \
    009_comparisons.py \
    010_bool_ops.py \
    011_if_elif_else.py \
    012_while_break_continue.py \
    013_for_range.py \
    014_for_containers.py \
    015_nested_loops.py \
    016_tuple_unpacking.py \
    017_chained_assignment.py \
    018_augmented_assignment.py \
    020_function_defaults.py \
    021_mutable_default.py \
    022_global.py \
    025_len_builtin.py \
    026_str_methods.py \
    027_list_methods.py \
    028_dict_methods.py \
    029_conversions.py \
    030_in_operator.py \
    031_str_concat.py \
    032_list_concat.py \
    033_is_vs_eq.py \
    034_is_small_ints.py \
    040_subscript_assign.py \
    042_rc_alias.py \
    043_rc_rebind.py \
    044_rc_del.py \
    045_rc_local.py \
    046_rc_arguments.py \
    047_rc_return.py \
    048_rc_globals_locals.py \
    049_rc_list_slots.py \
    050_rc_tuple.py \
    053_rc_nested.py \
    054_rc_for_loop.py \
    055_rc_for_loop_function.py \
    060_rc_constants_module.py \
    061_rc_constants_function.py \
    062_rc_bigint_runtime.py \
    063_rc_list_copy_clear.py \
    064_rc_pop_remove.py \
    065_rc_chained_unpack.py \
    066_rc_dict_methods.py \
    067_rc_repeat.py \
    068_rc_strings_runtime.py \
    069_rc_default_argument.py \
    070_rc_recursion.py \
    071_rc_while_vs_for.py \
    073_rc_augmented.py \
    074_size_int_small.py \
    075_size_int_powers_of_ten.py \
    076_size_str_ascii.py \
    077_size_str_kinds.py \
    078_size_list_append.py \
    079_size_list_display.py \
    080_size_list_constructors.py \
    081_size_list_shrink.py \
    082_size_list_extend_insert.py \
    083_size_tuple.py \
    084_size_dict_str_keys.py \
    085_size_dict_int_keys.py \
    086_size_dict_delete_clear.py \
    087_size_dict_construct.py \
    088_size_dict_key_kinds.py \
    120_assert_refcounts.py \
    125_bigint_str_conversion.py \
    128_rc_aug_subscript.py \
    131_rc_chained_compare.py \
    133_rc_constant_folding.py \
    134_rc_default_arg_objects.py \
    135_rc_dict_equal_key_kept.py \
    136_rc_equal_not_identical.py \
    137_rc_functions_in_containers.py \
    138_rc_getrefcount_as_argument.py \
    142_rc_items_tuple_reuse.py \
    144_rc_nested_call_args.py \
    145_rc_range_loop_ints.py \
    179_weakref_to_function.py \
    180_size_dict_copy_after_delete.py \
    181_size_dict_display_mixed.py \
    182_size_dict_display_var_keys.py \
    183_size_dict_from_pairs.py \
    184_size_dict_growth_after_deletes.py \
    185_size_dict_key_kind_switch.py \
    186_size_dict_update_presize.py \
    189_size_list_copy_concat.py \
    190_size_list_display_long.py \
    192_size_list_ops_sequence.py \
    193_size_list_shrink_ops.py \
    197_size_str_after_ops.py \
    199_bigint_compare_mixed.py \
    200_bigint_huge_powers.py \
    200_gc_self_list.py \
    201_bigint_int_from_string.py \
    201_gc_self_dict.py \
    202_bigint_neg_floordiv_mod.py \
    203_bigint_sizes_ops.py \
    204_bigint_str_digit_limit.py \
    204_gc_two_lists.py \
    205_bigint_str_repr.py \
    205_gc_list_dict_cycle.py \
    206_gc_tuple_cycle.py \
    206_print_dict_views.py \
    207_print_misc_reprs.py \
    208_print_nested_escapes.py \
    209_gc_cycle_reachable.py \
    209_print_recursive.py \
    211_gc_untracked_in_garbage.py \
    213_gc_collect_twice.py \
    213_print_unicode.py \
    214_str_case_unicode.py \
    215_str_find_count_ranges.py \
    216_str_literal_forms.py \
    217_str_methods_identity.py \
    218_str_named_escapes.py \
    219_str_replace_edge.py \
    220_str_split_maxsplit.py \
    221_str_startswith_tuple.py \
    222_str_strip_chars.py \
    223_str_unicode_whitespace.py \
    224_dict_from_str_pairs.py \
    225_dict_methods_args.py \
    226_dict_order_after_deletes.py \
    227_dict_view_compare.py \
    228_list_index_range.py \
    229_list_methods_args.py \
    230_list_self_operations.py \
    232_range_big_bounds.py \
    233_assign_evaluation_order.py \
    234_operators_bool_repeat.py \
    235_compare_sequences.py \
    236_builtins_args.py \
    237_compile_large_expressions.py \
    245_gc_saveall_self_list.py \
    249_gc_debug_flags.py \
    250_gc_saveall_young.py \
    251_gc_tracked_tuples.py \
    252_gc_tracked_nested_tuples.py \
    253_gc_tracked_dicts.py \
    254_gc_tracked_dict_full_only.py \
    255_gc_tracked_dict_copy.py \
    257_gc_tracked_dict_with_tuple.py \
    258_gc_count_after_collects.py \
    259_gc_count_lists.py \
    260_gc_count_dicts.py \
    261_gc_count_tuples.py \
    263_gc_count_freelist_cleared.py \
    264_gc_count_get_count_tuple.py \
    265_gc_count_sets_iterators.py \
    273_gc_gen_promotion_gen1.py \
    278_gc_freeze_counts.py \
    279_gc_freeze_then_collect.py \
    282_gc_referents_list.py \
    283_gc_referents_dict.py \
    285_gc_referents_several.py \
    297_gc_thresholds_api.py \
    303_gc_count_around_print.py \
    304_gc_count_print_args.py \
    348_gc_static_types_untracked.py \
    349_repr_deep_cycle.py \
    351_int_literals.py \
    352_surrogates.py \
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
