# Never tracked: ints, strs, None, bools; always: lists, sets, instances, classes;
# a materialised __dict__ once it holds a possibly-tracked value.
import gc
gc.disable()
gc.collect()
class K:
    pass
print(gc.is_tracked(1), gc.is_tracked(10 ** 30), gc.is_tracked('s'), gc.is_tracked(None), gc.is_tracked(True))
print(gc.is_tracked([]), gc.is_tracked([1, 2]), gc.is_tracked(K()), gc.is_tracked(K))
print(gc.is_tracked(set()), gc.is_tracked({1, 2}))
k = K()
k.n = 5
d = k.__dict__
print('__dict__ of atomic attributes:', gc.is_tracked(d))
k.l = []
print('after k.l = []:', gc.is_tracked(d))
k2 = K()
k2.l = []
print('__dict__ read after k2.l = []:', gc.is_tracked(k2.__dict__))
gc.collect(0)
print('a list survives collect(0) tracked:', gc.is_tracked(k2.l))
