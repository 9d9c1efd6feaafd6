# Static types are not GC objects (type_is_gc): tuples and dicts that
# hold only them are untracked, as CPython does it.
import gc
print(gc.is_tracked(int), gc.is_tracked((int,)), gc.is_tracked({"t": int}), gc.is_tracked([int]))
class A:
    pass
print(gc.is_tracked(A), gc.is_tracked((A,)), gc.is_tracked({"a": A}))
t = (int, str)
gc.collect()
print(gc.is_tracked(t))
