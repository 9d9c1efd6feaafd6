# get_freeze_count() grows by the number of tracked objects frozen (not the
# untracked ones); freeze() zeroes the generation counts; unfreeze empties it.
import gc
gc.disable()
gc.collect()
gc.collect(0)
gc.collect(0)
print(gc.get_count())
gc.freeze()
print(gc.get_count())
f0 = gc.get_freeze_count()
x = 12345
l1 = []; l2 = [1]; t = (x, 'x'); d = {'a': 1}; e = {}; s = 'str'
gc.freeze()
print('2 lists and a tuple frozen:', gc.get_freeze_count() - f0)
gc.freeze()
print('nothing new:', gc.get_freeze_count() - f0)
print(gc.is_tracked(l1), gc.is_tracked(t), gc.is_tracked(d))
gc.unfreeze()
print(gc.get_freeze_count())
